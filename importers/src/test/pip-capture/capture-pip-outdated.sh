#!/usr/bin/env bash
# Regenerates the `pip list --outdated --format=json` fixtures with the real pip (Debian's python3-pip)
# in the environment the demo captures ran in: Debian bookworm's Python packages of
# app/src/demo/capture.sh (nothing else: packages installed beyond them would be listed too). pip asks
# the package index given by INDEX_URL and EXTRA_INDEX_URL; they default to the local PyPI snapshot of
# the build machines (pypi.org is not reachable there), so the "latest" versions are the snapshot's, as
# a client's are their index's on the day they run it.
#
#   sudo importers/src/test/pip-capture/capture-pip-outdated.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
apt-get install -y -qq python3-pip python3-django python3-psycopg2 bandit radon pylint python3-coverage \
  python3-pytest python3-pytest-django mypy python3-pipdeptree python3-django-nose python3-django-debug-toolbar \
  python3-django-filters python3-djangorestframework python3-django-polymorphic python3-django-taggit >/dev/null
out=$(mktemp)
/usr/bin/python3 -m pip list --outdated --format=json --index-url "${INDEX_URL:-file:///opt/pypi/simple}" \
  --extra-index-url "${EXTRA_INDEX_URL:-file:///opt/pypi-more/simple}" 2>/dev/null > "$out"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and all("latest_version" in e for e in d), "no outdated packages"' "$out"
cp "$out" "$root/importers/src/test/resources/samples/pip/pip-list-outdated.json"
cp "$out" "$root/app/src/main/resources/demo/captures/environment/pip-list-outdated.json"
echo "pip: $(/usr/bin/python3 -m pip --version)" > "$root/importers/src/test/resources/samples/pip/VERSION.txt"
echo "captured $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$out") outdated packages"
