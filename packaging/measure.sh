#!/usr/bin/env bash
# ClaimDesk: a desktop workbench for rumour and disinformation monitoring.
# Copyright (C) 2026 the ClaimDesk authors. GPL-3.0-or-later; see LICENSE.
#
# The figures of docs/benchmarks.md, "Packaging": sizes of the app image and the .deb, start-up of the
# PACKAGED window to ready, and its memory at rest. For each of RUNS rounds, with a new empty home:
#   first start  the page cache dropped first when we may (root), so nothing of the app is in memory:
#                a new user's first start, with the bundled sample imported into a new workspace;
#   second start the same user again (workspace, index and the files in the page cache).
# Ready is the app's own log line `workbench ready in N ms`, counted from the launcher process's start
# to the window showing the workspace's sources and items (ui.WorkbenchApplication). Memory is VmRSS
# of the app's process 10 s and 60 s after ready (the sample's analysis runs in the background then).
#
# Usage: packaging/measure.sh [APP_IMAGE_DIR] [RUNS]   (defaults: packaging/target/jpackage/dist/claimdesk, 3)
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd)
image=${1:-$here/target/jpackage/dist/claimdesk}
runs=${2:-3}
limit=240
work=$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-measure.XXXXXX")
trap 'stop_xvfb; rm -rf -- "$work"' EXIT
. "$here/src/check/common.sh"
start_xvfb

ready_lines() { # LOG: how many times it says ready (0 while there is no log yet)
  local n
  n=$(grep -c 'workbench ready in' "$1" 2>/dev/null || true)
  printf '%s\n' "${n:-0}"
}
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# one_start LABEL: start the window, print LABEL, ready ms, RSS at +10 s and +60 s, then quit
one_start() {
  local log before pid ready
  log=$(window_log)
  before=$(ready_lines "$log")
  "$launcher" >"$work/out.txt" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + limit))
  until [ "$(ready_lines "$log")" -gt "${before:-0}" ]; do
    kill -0 "$pid" 2>/dev/null || { say "the app exited: $(tail -n5 "$work/out.txt")"; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "not ready in ${limit}s"; kill "$pid"; exit 1; }
    sleep 0.1
  done
  ready=$(grep -oE 'workbench ready in [0-9]+' "$log" | tail -n1 | grep -oE '[0-9]+$')
  sleep 10
  local rss10
  rss10=$(rss_mb "$pid")
  sleep 50
  printf '%s\t%s\t%s\t%s\n' "$1" "$ready" "$rss10" "$(rss_mb "$pid")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

deb=$(ls "$image"/../*.deb 2>/dev/null | head -n1 || true)
say "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "app image: $(du -sm "$image" | cut -f1) MB ($(du -sm "$image/lib/runtime" | cut -f1) MB runtime, $(du -sm "$image/lib/app" | cut -f1) MB app)"
[ -n "$deb" ] && say ".deb: $(( $(stat -c %s "$deb") / 1000000 )) MB ($(basename "$deb"))"
printf 'start\tready_ms\trss_10s_mb\trss_60s_mb\n'
for n in $(seq "$runs"); do
  fresh_home "$work/home-$n"
  if [ "$(id -u)" = 0 ] && sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then label=first-cold; else label=first; fi
  one_start "$label"
  one_start second
done
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
