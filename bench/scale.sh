#!/usr/bin/env bash
# The 500,000-finding scale, one-shot as a user runs it (#27): 'workbench info' and 'workbench
# findings' (table and CSV, to /dev/null), each in a new process, RUNS times; prints each run's wall
# seconds and peak RSS, then the median. A last run of each with -Xmx512m shows the heap bound holds.
#
# usage: bench/scale.sh [N] [RUNS]     (N findings, default 500000; RUNS default 5)
# The project is built once in /tmp/scale-N/ (bench/make-sarif.py, then 'workbench import').
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-500000}
runs=${2:-5}
dir=/tmp/scale-$n
wb="$here/workbench"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$dir"
if [ ! -f "$dir/p.audit" ]; then
  python3 "$here/bench/make-sarif.py" "$dir/report.sarif" "$n"
  mkdir -p "$dir/repo"
  "$wb" new --no-scan --repo="$dir/repo" "$dir/p.audit" >/dev/null
  /usr/bin/time -f "import: %e s, peak RSS %M KB" "$wb" import "$dir/p.audit" "$dir/report.sarif" >/dev/null
fi
"$wb" --version >/dev/null # builds the launcher's classes first when sources changed

one() { # label, then the command's arguments
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$dir/t" -f "%e %M" "$wb" "$@" >/dev/null
    times+=("$(cat "$dir/t")")
  done
  printf '%-22s' "$label"
  for t in "${times[@]}"; do printf ' %s s (%s KB)' ${t% *} ${t#* }; done
  printf '  median %s s\n' "$(printf '%s\n' "${times[@]}" | cut -d' ' -f1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

echo "$n findings, $runs one-shot runs each (wall s / peak RSS KB):"
one "info" info "$dir/p.audit"
one "findings (table)" findings "$dir/p.audit"
one "findings --format csv" findings --format csv "$dir/p.audit"
WORKBENCH_JAVA_OPTS=-Xmx512m /usr/bin/time -f "findings, -Xmx512m: %e s, peak RSS %M KB" \
  "$wb" findings "$dir/p.audit" >/dev/null
