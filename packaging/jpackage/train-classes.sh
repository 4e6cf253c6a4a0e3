#!/usr/bin/env bash
# Lists the classes the app loads on its way to a first window, for a class-data archive (AppCDS):
# two short training starts, the start screen and a small project of its own, each quitting after
# its first layout (-Dworkbench.startupReport) and listing what it loaded (-XX:DumpLoadedClassList).
# The list names classes, not paths: the development launcher (./workbench) and the installer's
# postinst dump their archives from it against their own class paths (java -Xshare:dump).
# Usage: train-classes.sh JAVA CLASSPATH OUT.classes   (needs a display: DISPLAY or xvfb-run)
set -uo pipefail
java="$1"
cp="$2"
out="$3"
trained="$(mktemp -d)"
trap 'rm -rf "$trained"' EXIT
display=()
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "train-classes: no display and no xvfb-run" >&2; exit 1; }
  display=(xvfb-run -a -s "-screen 0 1366x768x24")
fi
mkdir -p "$trained/repo"
"$java" -cp "$cp" dev.auditworkbench.app.Main new "$trained/warm.audit" --repo="$trained/repo" \
  --no-scan > "$trained/new.log" 2>&1
for start in start project; do
  project=()
  [ "$start" = project ] && [ -f "$trained/warm.audit" ] && project=("$trained/warm.audit")
  timeout 60 "${display[@]}" "$java" -XX:DumpLoadedClassList="$trained/$start.classes" \
    -Dworkbench.startupReport="$trained/$start.txt" -cp "$cp" dev.auditworkbench.app.Main open \
    "${project[@]}" > "$trained/$start.log" 2>&1
done
cat "$trained"/*.classes 2>/dev/null | awk '!seen[$0]++' > "$trained/all.classes"
[ -s "$trained/all.classes" ] || { echo "train-classes: no class listed" >&2; exit 1; }
mv -f "$trained/all.classes" "$out"
