#!/usr/bin/env bash
# ClaimDesk: a desktop workbench for rumour and disinformation monitoring.
# Copyright (C) 2026 the ClaimDesk authors. GPL-3.0-or-later; see LICENSE.
#
# Checks that the PACKAGED app (the app image's own launcher and Java runtime, not Maven or the
# development launcher) starts on a clean user account and works with no network, contacting nobody:
#
#  1. under strace: the window's first start (a real GTK window on Xvfb) until it is ready and says
#     that polling waits for the choice of starter sources, then `sources`, `search`, `analyse`,
#     `export-opml`, `export-pack` (two approved rebuttals as PDF, HTML, ...) and `import` of that pack
#     into another workspace. Every connect(), sendto() and sendmsg() with an internet address must go
#     to loopback, and none to port 53 (DNS).
#  2. in a network namespace of its own with no network at all (`unshare -rn`): a new user's first
#     window start, then search, analyse and export-pack again: the app works with nothing to reach.
#
# Usage: packaging/check-offline.sh [APP_IMAGE_DIR]   (default: packaging/target/jpackage/dist/claimdesk,
# made by `mvn -B -Ppackage -DskipTests package`). Needs strace and Xvfb (apt-get install strace xvfb);
# part 2 needs user namespaces (skipped with a note where `unshare -rn true` fails); export-pack needs a
# JDK 25 to write the two rebuttals first (JAVA_HOME or /usr/lib/jvm), since the command line cannot.
# Exit 0: all checks passed; 1: a check failed; 2: something it needs is missing.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd)
image=${1:-$here/target/jpackage/dist/claimdesk}
limit=240 # seconds for the window to get ready, or for one command
work=$(mktemp -d "${TMPDIR:-/tmp}/claimdesk-offline.XXXXXX")
trap 'stop_xvfb; rm -rf -- "$work"' EXIT
. "$here/src/check/common.sh"
command -v strace >/dev/null 2>&1 || { say "strace is missing (apt-get install strace)"; exit 2; }
strace -f -qq -e trace=connect -o /dev/null true 2>/dev/null || { say "strace may not trace here"; exit 2; }
start_xvfb

failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }

# window NAME WRAPPER...: the window's first start under WRAPPER until it is ready and the first-start
# choice is waiting, then 5 s more (the old first start looked hosts up within a second of that), then quit
window() {
  local name=$1; shift
  local log
  log=$(window_log)
  "$@" "$launcher" >"$work/$name.out" 2>&1 &
  local pid=$!
  if wait_log "$log" "scheduled polling waits for the choice of starter sources" "$pid" \
     && wait_log "$log" "workbench ready in" "$pid"; then
    sleep 5
    say "  $name: $(grep -oE 'workbench ready in [0-9]+ ms' "$log" | tail -n1)"
  else
    fail "$name: the window did not get ready: $(tail -n5 "$work/$name.out" "$log" 2>/dev/null)"
  fi
  # under strace the app is strace's child: end the app, and strace ends with it
  local app
  app=$(pgrep -P "$pid" 2>/dev/null || true)
  kill "${app:-$pid}" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# command NAME WRAPPER... -- ARGS...: one command of the packaged app under WRAPPER; must exit 0
command_run() {
  local name=$1; shift
  local wrapper=()
  while [ "$1" != "--" ]; do wrapper+=("$1"); shift; done
  shift
  if timeout "$limit" "${wrapper[@]}" "$launcher" "$@" >"$work/$name.out" 2>&1; then
    say "  $name: ok"
  else
    fail "$name (exit $?): $(tail -n5 "$work/$name.out")"
  fi
}

traced() { # NAME: the strace wrapper writing NAME.strace
  printf '%s\n' strace -f -qq -e trace=connect,sendto,sendmsg -o "$work/$1.strace"
}

# The traced calls that reached an internet address other than loopback, or port 53 anywhere.
outside_loopback() {
  grep -hE 'sin6?_port=htons' "$@" 2>/dev/null | while IFS= read -r line; do
    port=$(printf '%s' "$line" | sed -nE 's/.*sin6?_port=htons\(([0-9]+)\).*/\1/p')
    addr=$(printf '%s' "$line" | sed -nE 's/.*inet_addr\("([^"]+)"\).*/\1/p; s/.*inet_pton\(AF_INET6, "([^"]+)".*/\1/p')
    case "$addr" in
      127.*|::1|::ffff:127.*|0.0.0.0|::) [ "$port" = 53 ] && printf '%s\n' "$line" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
  return 0
}

seed_rebuttals() { # WORKSPACE: two approved rebuttals, written with a JDK 25 and the image's jars
  local java=""
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" $(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null); do
    if [ -x "$candidate" ]; then java=$candidate; break; fi
  done
  [ -n "$java" ] || return 1
  "$java" -cp "$image/lib/app/*" "$here/src/check/SeedRebuttals.java" "$1" >"$work/seed.out" 2>&1
}

# the reader itself: an outside address and a DNS look-up on loopback are found, loopback is not
cat >"$work/reader.trace" <<'TRACE'
1 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = 0
2 sendto(5, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 1
3 connect(9, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
4 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
TRACE
[ "$(outside_loopback "$work/reader.trace" | cut -c1 | tr -d '\n')" = 124 ] || { say "the trace reader is broken"; exit 2; }

pack_args=(export-pack --approved --org "Offline check" --base-url https://desk.example/answers --out)

say "1. the packaged app under strace ($launcher)"
fresh_home "$work/traced"
mapfile -t wrap < <(traced window)
window window "${wrap[@]}"
command_run sources $(traced sources) -- sources
command_run search $(traced search) -- search water
command_run analyse $(traced analyse) -- analyse
command_run export-opml $(traced export-opml) -- export-opml "$work/feeds.opml"
if seed_rebuttals "$CLAIMDESK_HOME/workspaces/default"; then
  command_run export-pack $(traced export-pack) -- "${pack_args[@]}" "$work/pack.zip"
  command_run import $(traced import) -- --workspace "$work/traced/other" import "$work/pack.zip"
else
  say "  export-pack, import: NOT CHECKED (no JDK 25 to write the rebuttals to export; set JAVA_HOME)"
fi
grep -q 'connect(.*AF_UNIX' "$work/window.strace" || fail "the window's trace shows no connect() at all (not even to the display): strace did not trace it"
contacts=$(outside_loopback "$work"/*.strace)
traced_calls=$(cat "$work"/*.strace | grep -cE 'sin6?_port' || true)
if [ -n "$contacts" ]; then
  fail "connections other than loopback, or DNS look-ups:"
  say "$contacts"
else
  say "  no connection other than loopback and no DNS look-up ($traced_calls traced calls with an internet address)"
fi
# a clean user's home afterwards: only ClaimDesk's own folder (no ~/.openjfx, ~/.java, ...)
others=$(cd "$work/traced" && find . -mindepth 1 -maxdepth 2 ! -path './claimdesk*' ! -path './other*' -printf '%P ')
[ -z "$others" ] || say "  note: the home also holds: $others"

say "2. the packaged app with no network at all (unshare -rn)"
if unshare -rn true 2>/dev/null; then
  fresh_home "$work/isolated"
  window window-isolated unshare -rn
  command_run search-isolated unshare -rn -- search water
  command_run analyse-isolated unshare -rn -- analyse
  if [ -s "$work/pack.zip" ]; then
    export HOME=$work/traced CLAIMDESK_HOME=$work/traced/claimdesk
    command_run export-pack-isolated unshare -rn -- "${pack_args[@]}" "$work/pack-isolated.zip"
  fi
else
  say "  NOT CHECKED: user namespaces are not available here (unshare -rn true failed)"
fi

if [ "$failures" -eq 0 ]; then
  say "offline check passed"
else
  say "offline check FAILED ($failures)"
  exit 1
fi
