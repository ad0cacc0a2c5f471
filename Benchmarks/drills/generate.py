#!/usr/bin/env python3
"""Generates a county-sized `yubei drills plan` benchmark: N organisations (default 2000) in the
mix of a large county (1 county government, townships, departments, schools, kindergartens,
crowded venues, enterprises of every sector), a held-drills file for the first weeks of the
year, and planning settings with observers, two county teams and the default weights.

Usage: generate.py OUTDIR [N] [YEAR]   (deterministic: seeded)
"""
import os, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
year = int(sys.argv[3]) if len(sys.argv) > 3 else 2027
rng = random.Random(20261122)
os.makedirs(out, exist_ok=True)

townships = max(5, n // 80)
departments = max(5, n // 50)
schools = max(5, n // 14)
kindergartens = max(3, n // 20)
venues = max(3, n // 25)
enterprises = n - 1 - townships - departments - schools - kindergartens - venues
sectors = ["hazardous-chemicals", "mining", "metal-smelting", "construction", "fireworks",
           "crowded-venue", "fire-key-unit"]
hazard_words = ["flood", "forest-fire", "earthquake", "fire", "geological"]

lines = ["jurisdiction: 基准县", "rules: [national, quxian-2021]", "organizations:",
         "  - {id: county-gov, name: 基准县人民政府, kind: county-government, hazards: [flood, earthquake]}"]
def add(oid, name, kind, extra=""):
    lines.append(f"  - {{id: {oid}, name: {name}, kind: {kind}{extra}}}")

for i in range(townships):
    add(f"town-{i:03d}", f"第{i}镇人民政府", "township",
        f", hazards: [{rng.choice(['flood', 'forest-fire', 'geological'])}]")
for i in range(departments):
    add(f"dept-{i:03d}", f"县第{i}局", "department")
for i in range(schools):
    add(f"school-{i:04d}", f"第{i}小学", "school")
for i in range(kindergartens):
    add(f"kg-{i:04d}", f"第{i}幼儿园", "kindergarten")
for i in range(venues):
    add(f"venue-{i:04d}", f"第{i}商场", "venue", ", sectors: [fire-key-unit]" if rng.random() < 0.5 else "")
for i in range(enterprises):
    extra = ""
    r = rng.random()
    if r < 0.45:
        extra = f", sectors: [{rng.choice(sectors)}]"
    if rng.random() < 0.3:
        extra += f", hazards: [{rng.choice(hazard_words)}]"
    if rng.random() < 0.1:
        m = rng.randint(2, 11)
        extra += f", unavailable: [{{from: {year}-{m:02d}-01, to: {year}-{m:02d}-20}}]"
    add(f"ent-{i:05d}", f"第{i}企业", "enterprise", extra)

with open(os.path.join(out, "orgs.yaml"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

# Held drills: some schools and enterprises drilled in January already.
with open(os.path.join(out, "records.csv"), "w", encoding="utf-8") as f:
    f.write("organization,date,type,form,plan,participants,evaluation_report,reported_to_county\n")
    for i in range(0, schools, 3):
        f.write(f"school-{i:04d},{year}-01-{rng.randint(11, 22):02d},special,live,,300,yes,yes\n")
    for i in range(0, enterprises, 7):
        f.write(f"ent-{i:05d},{year}-01-{rng.randint(11, 22):02d},onsite,live,,20,yes,yes\n")

observers = max(10, n // 25)
with open(os.path.join(out, "settings.yaml"), "w", encoding="utf-8") as f:
    f.write(f"""# Benchmark planning settings.
observers: {{per_week: {observers}, attend: {{types: [comprehensive]}}}}
teams:
  - {{id: fire-rescue, name: 县消防救援大队, per_month: {max(8, n // 40)}, joins: {{sectors: [fire-key-unit, crowded-venue, hazardous-chemicals, fireworks], types: [comprehensive]}}}}
  - {{id: flood-rescue, name: 县防汛抢险队, per_month: {max(4, n // 200)}, joins: {{hazards: [flood], types: [comprehensive]}}}}
weights: {{season: 10, safety_month: 3, spacing: 10, balance: 1}}
""")
print(f"{n} organisations ({townships} townships, {departments} departments, {schools} schools, "
      f"{kindergartens} kindergartens, {venues} venues, {enterprises} enterprises) in {out}")
