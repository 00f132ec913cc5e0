# ClaimDesk: a desktop workbench for rumour and disinformation monitoring.
# Copyright (C) 2026 the ClaimDesk authors. GPL-3.0-or-later; see LICENSE.
#
# Shared by packaging/check-offline.sh and packaging/measure.sh (sourced, not run): a clean user,
# a display, and waiting for a line of the workspace log. Callers set $work, $image and $limit.

say() { printf '%s\n' "$*" >&2; }

launcher=$image/bin/claimdesk
[ -x "$launcher" ] || { say "no app image at $image (build it: mvn -B -Ppackage -DskipTests package)"; exit 2; }
command -v Xvfb >/dev/null 2>&1 || { say "Xvfb is missing (apt-get install xvfb)"; exit 2; }

# A clean user: no proxy settings, no Java options from outside, nothing of this machine's ClaimDesk.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY \
  JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS CLAIMDESK_JAVA_OPTS XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME
fresh_home() { # DIR: make DIR an empty home and point HOME and CLAIMDESK_HOME into it
  mkdir -p "$1"
  export HOME=$1 CLAIMDESK_HOME=$1/claimdesk
}
window_log() { printf '%s\n' "$CLAIMDESK_HOME/workspaces/default/logs/claimdesk.log"; }

# Xvfb on a display it picks itself, its local socket only; stopped by stop_xvfb
start_xvfb() {
  Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { say "Xvfb did not start"; exit 2; }
  export DISPLAY=":$(head -n1 "$work/display")"
}
stop_xvfb() { [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null; return 0; }

# wait_log LOG TEXT PID: until LOG contains TEXT (0), PID exits (1) or $limit seconds pass (2)
wait_log() {
  local deadline=$((SECONDS + limit))
  until grep -qF -- "$2" "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 2
    sleep 0.1
  done
}
