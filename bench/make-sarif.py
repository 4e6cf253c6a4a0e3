#!/usr/bin/env python3
"""Writes a SARIF 2.1.0 report of N results (default 10,000) for the startup and scale benches.

usage: bench/make-sarif.py OUT.sarif [N]

Results spread over 40 rules of three levels and 2,000 files of a made-up Django project, each with
a line, a message and a partial fingerprint, as semgrep or CodeQL write them. Deterministic.
"""
import json
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
rnd = random.Random(27)
levels = ["error", "warning", "note"]
rules = [
    {
        "id": f"python.django.rule-{i:02d}",
        "name": f"rule-{i:02d}",
        "shortDescription": {"text": f"Django rule {i}: a pattern worth a look"},
        "defaultConfiguration": {"level": levels[i % 3]},
    }
    for i in range(40)
]
apps = [f"app{a:02d}" for a in range(50)]
files = [f"{rnd.choice(apps)}/module_{f:04d}.py" for f in range(2000)]
results = []
for i in range(n):
    rule = rules[rnd.randrange(len(rules))]
    results.append(
        {
            "ruleId": rule["id"],
            "level": rule["defaultConfiguration"]["level"],
            "message": {"text": f"{rule['shortDescription']['text']} (occurrence {i})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": rnd.choice(files)},
                        "region": {"startLine": rnd.randrange(1, 2000)},
                    }
                }
            ],
            "partialFingerprints": {"primaryLocationLineHash": f"{i:016x}"},
        }
    )
sarif = {
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [{"tool": {"driver": {"name": "semgrep", "rules": rules}}, "results": results}],
}
with open(out, "w") as f:
    json.dump(sarif, f)
