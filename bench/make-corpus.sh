#!/usr/bin/env bash
# Builds benchmark corpora from Debian's packages (no network beyond the Debian mirror):
#   /tmp/bench-corpus/django-500k : Django 3.2 + part of the CPython 3.11 standard library (~500k lines)
#   /tmp/bench-corpus/large       : Django 3.2 + the whole CPython 3.11 standard library (~1M lines)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
command -v rsync >/dev/null && dpkg -s libpython3.11-testsuite >/dev/null 2>&1 && dpkg -s python3-django >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq python3-django bandit rsync libpython3.11-testsuite >/dev/null; }
command -v bandit >/dev/null || apt-get install -y -qq bandit >/dev/null
out=/tmp/bench-corpus
rm -rf "$out"; mkdir -p "$out/django-500k" "$out/large"
django=$(/usr/bin/python3 -c 'import django, os; print(os.path.dirname(django.__file__))')
stdlib=/usr/lib/python3.11
cp -r "$django" "$out/django-500k/django"
cp -r "$django" "$out/large/django"
common=(--exclude __pycache__ --exclude site-packages --exclude dist-packages --exclude 'config-*' --exclude idlelib)
rsync -a "${common[@]}" "$stdlib/" "$out/large/stdlib/"
rsync -a "${common[@]}" --exclude test "$stdlib/" "$out/django-500k/stdlib/"
# plus enough of CPython's own test suite to pass 500k lines
mkdir -p "$out/django-500k/stdlib/test"
for f in $(cd "$stdlib/test" && ls test_*.py | head -n 120); do cp "$stdlib/test/$f" "$out/django-500k/stdlib/test/"; done
for c in django-500k large; do
  printf '%s: %s Python files, %s lines\n' "$c" "$(find "$out/$c" -name '*.py' | wc -l)" \
    "$(find "$out/$c" -name '*.py' -print0 | xargs -0 cat | wc -l)"
done
