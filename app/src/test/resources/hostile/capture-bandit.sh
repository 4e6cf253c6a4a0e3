#!/usr/bin/env bash
# Regenerates bandit-b105.json with Debian's bandit (apt-get install bandit; 1.6.2 on Debian 12)
# run on the small repo beside this script. B105-B107 quote each hard-coded password in their
# message and code: the import must mask them before anything is stored. (bandit 1.6.2 on
# Python 3.8+ no longer emits B105 for assignments, as it looks for ast.Str nodes; B106 and B107
# have the same message. A real B105 record is in ../../../../../shared/samples/scans/bandit.)
set -euo pipefail
cd "$(dirname "$0")/repo"
bandit -r . -f json -o ../bandit-b105.json || true   # bandit exits 1 when it finds something
