#!/bin/sh
# Start-up of the workbench window, as a user meets it (issue 10, part 4): the packaged launcher,
# a first start (a new ClaimDesk home: a new workspace, the sample imported, the search index
# built, no class-data archive yet) and later starts of the same home, RUNS times each. For each
# start it reads the line the workbench writes to the workspace log once its sources and first
# items are shown — "workbench ready in N ms (window shown in M ms)", counted from the moment the
# launcher started — and prints every run, then the best and the median.
#
#   mvn -B -DskipTests package && app/bench/startup.sh [RUNS]
#
# Needs a display: on a machine without one, run it under xvfb-run (Debian package xvfb).
set -eu
runs=${1:-5}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
launcher="$here/../target/claimdesk"
[ -x "$launcher" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "no display: run it under xvfb-run" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one start: prints "READY SHOWN" in ms
start_once() {
  home=$1
  log="$home/workspaces/default/logs/claimdesk.log"
  before=$(grep -c "workbench ready in" "$log" 2>/dev/null || true)
  CLAIMDESK_HOME=$home "$launcher" >"$work/out" 2>&1 &
  pid=$!
  waited=0
  while :; do
    now=$(grep -c "workbench ready in" "$log" 2>/dev/null || true)
    [ "${now:-0}" -gt "${before:-0}" ] && break
    waited=$((waited + 1))
    if [ $waited -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
      echo "the workbench did not get ready; its output:" >&2; cat "$work/out" >&2; kill $pid 2>/dev/null; exit 1
    fi
    sleep 0.05
  done
  grep "workbench ready in" "$log" | tail -1 | sed 's/.*ready in \([0-9]*\) ms (window shown in \([0-9]*\) ms).*/\1 \2/'
  sleep 2 # let the start's background work settle, as a user would read the window
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

report() {
  label=$1; file=$2
  printf '%s: window shown best %s ms, median %s ms; ready best %s ms, median %s ms\n' "$label" \
    "$(cut -d' ' -f2 "$file" | sort -n | head -1)" "$(cut -d' ' -f2 "$file" | median)" \
    "$(cut -d' ' -f1 "$file" | sort -n | head -1)" "$(cut -d' ' -f1 "$file" | median)"
}

: >"$work/first"; : >"$work/later"
for i in $(seq 1 "$runs"); do
  home="$work/home-$i"
  first=$(start_once "$home"); echo "first start $i: ready $(echo $first | cut -d' ' -f1) ms, window $(echo $first | cut -d' ' -f2) ms"
  echo "$first" >>"$work/first"
  # the first later start writes the class-data archive at its end; measure the ones after it
  start_once "$home" >/dev/null
  later=$(start_once "$home"); echo "later start $i: ready $(echo $later | cut -d' ' -f1) ms, window $(echo $later | cut -d' ' -f2) ms"
  echo "$later" >>"$work/later"
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
report "first start" "$work/first"
report "later start" "$work/later"
