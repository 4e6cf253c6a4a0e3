#!/usr/bin/env bash
# Builds a git repository with a known shape for `workbench bench history`:
# 5,000 Python files in 50 apps, 10,000 commits by 20 authors over 11 months, each commit
# changing 1-8 files (mostly in one app, one in five also touching another app).
# Uses git fast-import, so it takes seconds. Usage: bench/make-history-repo.sh <dir> [commits] [files]
set -euo pipefail
dir=${1:?usage: make-history-repo.sh <dir> [commits] [files]}
commits=${2:-10000}
files=${3:-5000}
rm -rf "$dir" && mkdir -p "$dir" && git -C "$dir" init -q -b main
python3 - "$commits" "$files" <<'PY' | git -C "$dir" fast-import --quiet
import random, sys
commits, files = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(7)
apps = 50
paths = [f"app{i % apps:02d}/module{i // apps:03d}.py" for i in range(files)]
lines = {p: [f"def f{k}(x):\n    return x + {k}\n" for k in range(20)] for p in paths}
authors = [f"Author {a:02d}" for a in range(20)]
start = 1_700_000_000
out = sys.stdout
def blob(p):
    data = "".join(lines[p]).encode()
    out.write(f"M 100644 inline {p}\ndata {len(data)}\n"); out.flush()
    sys.stdout.buffer.write(data); out.write("\n")
for c in range(commits):
    when = start + c * (11 * 30 * 86400 // commits)
    who = authors[rnd.randrange(20) if rnd.random() < 0.6 else 0]
    msg = f"change {c}".encode()
    out.write(f"commit refs/heads/main\ncommitter {who} <a{who[-2:]}@example.com> {when} +0000\ndata {len(msg)}\n")
    out.flush(); sys.stdout.buffer.write(msg); out.write("\n")
    if c == 0:
        for p in paths:
            blob(p)
        continue
    app = rnd.randrange(apps)
    touched = {paths[app + apps * rnd.randrange(files // apps)] for _ in range(rnd.randint(1, 8))}
    if rnd.random() < 0.2:
        other = rnd.randrange(apps)
        touched.add(paths[other + apps * rnd.randrange(files // apps)])
    for p in sorted(touched):
        k = rnd.randrange(20)
        lines[p][k] = f"def f{k}(x):\n    return x * {rnd.randrange(1000)}\n"
        blob(p)
    out.write("\n")
PY
git -C "$dir" checkout -q main
echo "$dir: $(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" ls-files | wc -l) files"
