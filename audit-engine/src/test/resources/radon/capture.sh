#!/usr/bin/env bash
# Regenerates sample-cc.json with Debian's radon (apt-get install radon; 5.1.0 on Debian 12).
set -euo pipefail
cd "$(dirname "$0")"
radon cc -s -j sample.py > sample-cc.json
