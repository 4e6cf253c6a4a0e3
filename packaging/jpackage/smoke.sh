#!/usr/bin/env bash
# Smoke test of the .deb (as root, on Debian/Ubuntu): install it, run the installed CLI on the bundled
# demo project (create, plan, report), start the GUI under Xvfb and wait for its window, then uninstall.
# Prints the installer's size, the installed size and the cold start. Usage: packaging/jpackage/smoke.sh [file.deb]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deb="${1:-$(ls "$here"/target/audit-workbench_*.deb | head -1)}"
work="$(mktemp -d)"
display=:93
cleanup() {
  pkill -f '/opt/audit-workbench/' 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "smoke: installing $(basename "$deb") ($(du -h "$deb" | cut -f1))"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq xvfb xdotool >/dev/null
apt-get install -y -qq "$deb" >/dev/null
test -x /opt/audit-workbench/bin/audit-workbench
test "$(readlink /usr/bin/workbench)" = /opt/audit-workbench/bin/audit-workbench
echo "smoke: installed size $(du -sh /opt/audit-workbench | cut -f1); java on the PATH is not needed: $(ls /opt/audit-workbench/lib/runtime/bin/java)"

echo "smoke: CLI on the demo project"
(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" workbench demo "$work/demo.audit" > "$work/demo.txt")
grep -q "Created demo project" "$work/demo.txt"
env -i PATH=/usr/bin:/bin HOME="$work" workbench plan "$work/demo.audit" | tail -3
env -i PATH=/usr/bin:/bin HOME="$work" workbench report "$work/demo.audit" --pdf "$work/report.pdf" | tail -2
head -c 5 "$work/report.pdf" | grep -q '%PDF-'

echo "smoke: GUI under Xvfb"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
start=$(date +%s%N)
DISPLAY="$display" HOME="$work" /opt/audit-workbench/bin/audit-workbench "$work/demo.audit" > "$work/gui.log" 2>&1 &
for i in $(seq 1 120); do
  if DISPLAY="$display" xdotool search --name "Audit Workbench" >/dev/null 2>&1; then
    echo "smoke: main window shown after $(( ($(date +%s%N) - start) / 1000000 )) ms (cold start, installed runtime)"
    break
  fi
  sleep 0.25
done
DISPLAY="$display" xdotool search --name "Audit Workbench" >/dev/null
pkill -f '/opt/audit-workbench/' || true

echo "smoke: uninstalling"
apt-get remove -y -qq audit-workbench >/dev/null
test ! -e /usr/bin/workbench
test ! -e /opt/audit-workbench
echo "smoke: passed"
