#!/usr/bin/env python3
"""Makes a large PostgreSQL stderr log for 'workbench bench pglog' from the demo's real capture.

Usage: bench/make-pg-log.py OUT [SIZE_MB]   (default 1024 MB)

Repeats app/src/main/resources/demo/captures/postgres/postgresql-stderr.log (PostgreSQL 15,
log_line_prefix '%m [%p] %q%u@%d app=%a ') with each copy moved one hour later and its process ids
moved up, so sessions, durations, plans and statements stay those of the real server.
"""
import datetime
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "app", "src", "main", "resources", "demo", "captures", "postgres", "postgresql-stderr.log")
out_path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
prefix = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(\.\d{3} UTC \[)(\d+)(\].*)$", re.S)
with open(src, encoding="utf-8") as f:
    lines = f.readlines()
parsed = []
for line in lines:
    m = prefix.match(line)
    if m:
        parsed.append((datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S"), m.group(2), int(m.group(3)), m.group(4)))
    else:
        parsed.append(line)
written = 0
copy = 0
with open(out_path, "w", encoding="utf-8") as out:
    while written < target * 1024 * 1024:
        shift = datetime.timedelta(hours=copy)
        chunk = []
        for p in parsed:
            if isinstance(p, tuple):
                chunk.append((p[0] + shift).strftime("%Y-%m-%d %H:%M:%S") + p[1] + str(p[2] + copy * 100000) + p[3])
            else:
                chunk.append(p)
        text = "".join(chunk)
        out.write(text)
        written += len(text.encode("utf-8"))
        copy += 1
print("%s: %d copies, %.0f MB" % (out_path, copy, written / 1048576.0))
