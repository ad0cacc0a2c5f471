#!/usr/bin/env python3
"""Inputs for the linear-reading benchmark of issue 10 (deterministic: seeded).

Usage: generate.py OUTDIR
  OUTDIR/locate-15mb.json   a p-median problem of 1,000 points × 1,500 facilities (about 15 MB)
  OUTDIR/orgs.yaml          1,000 organisations (the shipped national rule pack)
  OUTDIR/records-valid.csv  1,000,000 valid drill records, no two the same drill
                            (organisation × day of 2026 × type)
  OUTDIR/records-invalid.csv 1,000,000 records, every one invalid (bad date, type, form, count)
"""
import datetime, os, random, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(10)

n, m = 1000, 1500
with open(os.path.join(out, "locate-15mb.json"), "w") as f:
    f.write('{"model": "p-median", "p": 5,\n "demand": [')
    f.write(", ".join(str(rng.randint(1, 500)) for _ in range(n)))
    f.write('],\n "cost": [\n')
    rows = []
    for i in range(n):
        rows.append("  [" + ", ".join(f"{rng.uniform(0.5, 999.5):.4f}" for _ in range(m)) + "]")
    f.write(",\n".join(rows))
    f.write("\n ]}\n")

orgs = ["jurisdiction: 基准县", "rules: [national]", "organizations:"]
for k in range(1000):
    orgs.append(f"  - {{id: org-{k}, name: 单位{k}, kind: enterprise, sectors: [hazardous-chemicals]}}")
open(os.path.join(out, "orgs.yaml"), "w").write("\n".join(orgs) + "\n")

header = "organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n"
types, forms = ["comprehensive", "special", "onsite"], ["live", "tabletop"]
with open(os.path.join(out, "records-valid.csv"), "w") as f:
    f.write(header)
    first = datetime.date(2026, 1, 1)
    for r in range(1_000_000):
        day = first + datetime.timedelta(days=(r // 1000) % 365)
        f.write(f"org-{r % 1000},{day.isoformat()},{types[(r // 365_000) % 3]},{forms[r % 2]},,{10 + r % 90},yes,yes\n")
with open(os.path.join(out, "records-invalid.csv"), "w") as f:
    f.write(header)
    for r in range(1_000_000):
        f.write(f"org-{r % 1000},2026-{1 + r % 12:02d}-3{r % 10},drill{r % 7},live-ish,,many,perhaps,no\n")
