#!/usr/bin/env python3
"""Generates the five county scenarios of Scenarios/ from ../shared/data/counties_townships.csv.

Every number either comes from the data file (township seats, county census totals, event facts
quoted in counties.md) or from a rule stated here and in Scenarios/README.md, and is marked
`estimated` in the YAML when it is not a published figure. Sites and teams are illustrative.

    python3 Scenarios/generate.py [path/to/counties_townships.csv]

Python 3 standard library only; the output is deterministic.
"""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CSV = os.path.join(HERE, "..", "..", "shared", "data", "counties_townships.csv")

# County facts from counties.md §3 (2020 census, county tables [S4]).
COUNTY = {
    "渠县": dict(total=917508, urban=384700, households=345817),
    "民勤县": dict(total=178470, urban=71594, households=72991),
    "巫溪县": dict(total=388685, urban=156732, households=140386),
    "襄汾县": dict(total=425553, urban=160963, households=151862),
    "德化县": dict(total=332148, urban=259496, households=114613),
}

# Relief supplies per displaced person: the tent figures are FORMATS.md §2's example (one 12 m²
# tent for four people); the rest are illustrative three-day quotas (README: "Supplies").
SUPPLIES = [
    ("tent", "救灾帐篷（12 m²）", 0.25, 0.12, 1800),
    ("quilt", "棉被", 1, 0.04, 150),
    ("folding-bed", "折叠床", 1, 0.05, 180),
    ("water", "饮用水（3天，12 L箱）", 1, 0.015, 30),
    ("food", "方便食品（3天）", 1, 0.012, 60),
]
M3_PER_PERSON = sum(p * v for _, _, p, v, _ in SUPPLIES)  # 0.147 m³

# Capacities (README: "Sites"): a county depot holds stock for 5,000–7,000 relocated people
# (建标121-2009) → 1,000 m³ at 0.147 m³/person ≈ 6,800 people.
COUNTY_DEPOT_M3 = 1000
STORAGE_POINT_M3 = 250          # township storage point, ≈ 1,700 people
AGENCY_STOCK_M3 = 120           # 代储 agreement with a local supermarket/supplier, ≈ 800 people
COST_NEW_DEPOT = 2_400_000      # 800 m² building × 3,000 yuan/m²
COST_STORAGE_POINT = 450_000    # 150 m² × 3,000 yuan/m²
COST_AGENCY = 120_000           # 3-year 代储 contract
COST_SCHOOL_SHELTER = 350_000   # signage, water, power, toilets on a school ground
COST_PARK_SHELTER = 500_000     # fit-out of a square or park


def haversine(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))


def read_units(path, county):
    units = []
    for row in csv.DictReader(open(path, encoding="utf-8")):
        if row["county"] != county:
            continue
        units.append(row)
    return units


def slug(pinyin):
    return pinyin.split(" ")[0].lower().replace("'", "")


class County:
    def __init__(self, csv_path, county):
        self.name = county
        self.rows = read_units(csv_path, county)
        self.facts = COUNTY[county]
        self.areas = []          # dicts: id, name, lat, lon, population, estimated, note
        self.left_out = []       # (name, reason)

    def area(self, area_id):
        return next(a for a in self.areas if a["id"] == area_id)

    def build_areas(self, population_rule, overrides=None):
        """population_rule(rows) -> {code: (population, estimated?, note)}."""
        overrides = overrides or {}
        pops = population_rule(self.rows)
        for row in self.rows:
            code = row["code_2022"]
            lat, lon = row["seat_lat_wgs84"], row["seat_lng_wgs84"]
            estimated = []
            note = []
            if code in overrides:
                lat, lon, why = overrides[code]
                estimated.append("location")
                note.append(why)
            elif not lat:
                self.left_out.append((row["name_zh"], "no seat coordinate in the data"))
                continue
            elif row["coord_status"] == "PROXY":
                estimated.append("location")
                note.append("seat is a PROXY in the data: " + row["coord_note"][:90])
            pop, pop_estimated, pop_note = pops[code]
            if pop_estimated:
                estimated.append("population")
            if pop_note:
                note.append(pop_note)
            self.areas.append(dict(
                id=slug(row["pinyin"]), name=row["name_zh"], code=code, lat=float(lat), lon=float(lon),
                population=pop, estimated=estimated, note="; ".join(note)))
        ids = [a["id"] for a in self.areas]
        assert len(ids) == len(set(ids)), ids


# Population rules (README: "Population").

def rule_known_2020_plus_equal_residual(known):
    """Units with a 2020 figure in the data keep it; the rest of the county's 2020 census total is
    spread equally over the other units (remainder to the first)."""
    def rule(rows):
        total = COUNTY[rows[0]["county"]]["total"]
        rest = [r for r in rows if r["code_2022"] not in known]
        residual = total - sum(known.values())
        share, extra = divmod(residual, len(rest))
        out = {}
        for code, pop in known.items():
            out[code] = (pop, False, "")
        for i, r in enumerate(rest):
            out[r["code_2022"]] = (share + (extra if i == 0 else 0), True,
                                   f"2020 census county total minus the units with a 2020 figure, spread equally over {len(rest)} units")
        return out
    return rule


def rule_urban_to_subdistricts(rows):
    """The census urban population goes equally to the 街道 (the county town); the rural rest is
    spread equally over the other units."""
    facts = COUNTY[rows[0]["county"]]
    streets = [r for r in rows if r["type"] == "街道"]
    others = [r for r in rows if r["type"] != "街道"]
    out = {}
    s, e = divmod(facts["urban"], len(streets))
    for i, r in enumerate(streets):
        out[r["code_2022"]] = (s + (e if i == 0 else 0), True, f"2020 census urban population split equally over the {len(streets)} 街道")
    o, e = divmod(facts["total"] - facts["urban"], len(others))
    for i, r in enumerate(others):
        out[r["code_2022"]] = (o + (e if i == 0 else 0), True, f"2020 census rural population split equally over {len(others)} towns and townships")
    return out


def rule_equal(rows):
    """The county's 2020 census total spread equally over its units."""
    total = COUNTY[rows[0]["county"]]["total"]
    s, e = divmod(total, len(rows))
    return {r["code_2022"]: (s + (e if i == 0 else 0), True, f"2020 census county total split equally over {len(rows)} units")
            for i, r in enumerate(rows)}


# Displacement rules (README: "Displacement").

def by_shares(total, shares):
    """Splits `total` people over areas in proportion to `shares` ({id: weight}) by the
    largest-remainder method: each gets the floor of its exact share, and the people left over go
    one each to the areas with the largest fractional parts (ties by id)."""
    weight = sum(shares.values())
    exact = {k: total * w / weight for k, w in shares.items()}
    out = {k: int(x) for k, x in exact.items()}
    left = total - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:left]:
        out[k] += 1
    return out


def by_fraction(county, fractions):
    """{id: fraction of the area's (estimated) population}."""
    return {k: int(round(county.area(k)["population"] * f)) for k, f in fractions.items()}


# YAML writing.

def q(text):
    """A YAML flow scalar: plain when safe, else double-quoted."""
    text = str(text)
    if text and all(c.isalnum() or c in "-_." or ord(c) > 127 for c in text) and not text[0].isdigit():
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def num(x):
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x)


def loc(lat, lon):
    return f"{{lat: {lat:.6f}, lon: {lon:.6f}}}"


def entry(fields):
    parts = []
    for k, v in fields:
        if v is None:
            continue
        parts.append(f"{k}: {v}")
    return "{" + ", ".join(parts) + "}"


def write_scenario(path, header, name, travel, county, supplies, hazards, warehouses, shelters, teams, policy):
    L = []
    for line in header.strip().splitlines():
        L.append("# " + line if line else "#")
    L.append(f"name: {q(name)}")
    L.append("travel: " + entry(travel))
    L.append("")
    L.append("# Township seats (WGS-84) from ../shared/data/counties_townships.csv; see README.md for every rule.")
    if county.left_out:
        L.append("# Left out (no seat coordinate in the data): " + ", ".join(n for n, _ in county.left_out))
    L.append("areas:")
    for a in county.areas:
        fields = [("id", a["id"]), ("name", q(a["name"])), ("code", q(a["code"])), ("location", loc(a["lat"], a["lon"])),
                  ("population", a["population"])]
        if a["estimated"]:
            fields.append(("estimated", "[" + ", ".join(a["estimated"]) + "]"))
        if a["note"]:
            fields.append(("note", q(a["note"])))
        L.append("  - " + entry(fields))
    L.append("")
    L.append("# Per displaced person (README: Supplies; illustrative quotas, tent as in FORMATS.md).")
    L.append("supplies:")
    for sid, sname, per, vol, cost in supplies:
        L.append("  - " + entry([("id", sid), ("name", q(sname)), ("per_person", num(per)), ("volume_m3", num(vol)),
                                 ("unit_cost", num(cost)), ("estimated", "[per_person, volume_m3, unit_cost]")]))
    L.append("")
    L.append("hazards:")
    for h in hazards:
        L.append(f"  - id: {h['id']}")
        L.append(f"    name: {q(h['name'])}")
        L.append(f"    kind: {h['kind']}")
        L.append(f"    probability: {num(h['probability'])}")
        L.append(f"    note: {q(h['note'])}")
        if h.get("estimated", True):
            L.append("    estimated: [displaced, probability]")
        else:
            L.append("    estimated: [probability]")
        L.append("    displaced:")
        for k, v in h["displaced"].items():
            L.append(f"      {k}: {v}")
        L.append("    closed_sites: [" + ", ".join(h.get("closed", [])) + "]")
        L.append("    needs: [" + ", ".join(h["needs"]) + "]")
    L.append("")
    L.append("# Illustrative sites at township seats (README: Sites): no county publishes its depots.")
    L.append("warehouses:")
    for w in warehouses:
        a = county.area(w["area"])
        L.append("  - " + entry([("id", w["id"]), ("name", q(w["name"])), ("area", w["area"]),
                                 ("location", loc(a["lat"] + w.get("dlat", 0), a["lon"] + w.get("dlon", 0))),
                                 ("existing", "true" if w["existing"] else "false"), ("capacity_m3", num(w["m3"])),
                                 ("fixed_cost", num(w["cost"])), ("estimated", "[location, capacity_m3, fixed_cost]")]))
    L.append("")
    L.append("shelters:")
    for s in shelters:
        a = county.area(s["area"])
        L.append("  - " + entry([("id", s["id"]), ("name", q(s["name"])), ("area", s["area"]),
                                 ("location", loc(a["lat"] + s.get("dlat", 0), a["lon"] + s.get("dlon", 0))),
                                 ("existing", "true" if s["existing"] else "false"), ("area_m2", num(s["m2"])),
                                 ("class", s["cls"]), ("fixed_cost", num(s["cost"])),
                                 ("estimated", "[location, area_m2, fixed_cost]")]))
    L.append("")
    L.append("teams:")
    for t in teams:
        a = county.area(t["area"])
        L.append("  - " + entry([("id", t["id"]), ("name", q(t["name"])), ("area", t["area"]),
                                 ("base", loc(a["lat"] + t.get("dlat", 0), a["lon"] + t.get("dlon", 0))),
                                 ("specialties", "[" + ", ".join(t["spec"]) + "]"), ("members", t["members"]),
                                 ("estimated", "[" + ", ".join(t.get("est", ["base", "members"])) + "]")]))
    L.append("")
    L.append("policy:")
    for k, v in policy:
        L.append(f"  {k}: {v}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


SHELTER_MAX_KM = "{emergency: 5, fixed-short: 15, fixed-medium: 25, fixed-long: 25, central: 30}"
AREA_PER_PERSON = "{emergency: 1.5, fixed-short: 2.0, fixed-medium: 2.5, fixed-long: 3.0, central: 2.0}"


def policy(budget, supply_minutes, team_minutes=60, single=False):
    return [("budget", budget), ("supply_response_minutes", supply_minutes), ("shelter_max_km", SHELTER_MAX_KM),
            ("area_per_person_m2", AREA_PER_PERSON), ("team_response_minutes", team_minutes),
            ("single_shelter_per_area", "true" if single else "false"),
            ("transport_cost_per_m3_km", 2), ("evacuation_cost_per_person_km", 1),
            ("note", q("illustrative planning targets: README.md, Policy"))]


def standard_teams(seat, extra):
    teams = [
        dict(id="county-fire", name="县消防救援大队", area=seat, spec=["flood-rescue", "fire", "search-rescue"], members=60, dlat=0.004),
        dict(id="militia", name="县人武部民兵应急连", area=seat, spec=["flood-rescue", "search-rescue"], members=100, dlat=-0.004),
        dict(id="medical", name="县人民医院应急医疗队", area=seat, spec=["medical"], members=30, dlon=0.004),
        dict(id="power", name="县供电公司抢修队", area=seat, spec=["power-repair"], members=40, dlon=-0.004),
        dict(id="roads", name="县公路事务中心抢修队", area=seat, spec=["road-repair"], members=35, dlat=0.006, dlon=0.006),
    ]
    return teams + extra


def dehua(csv_path, out):
    c = County(csv_path, "德化县")
    c.build_areas(rule_known_2020_plus_equal_residual({"350526100": 140366, "350526101": 127700}))
    rural = [a["id"] for a in c.areas if a["id"] not in ("xunzhong", "longxun")]
    # Gaemi 2024: 11,569 relocated; >150 mm in 水口, 雷峰, 赤水, 杨梅 → weight 2, every other unit 1.
    gaemi = by_shares(11569, {a["id"]: (2 if a["id"] in ("shuikou", "leifeng", "chishui", "yangmei") else 1) for a in c.areas})
    # Merbok remnants 2017: 795 evacuated, in proportion to each unit's rainfall (浔中+龙浔 131 mm each).
    rain = dict(gekeng=183, yangmei=178, longmentan=154, sanban=143, guobao=140, leifeng=138, chishui=132, xunzhong=131,
                longxun=131, nancheng=129, meihu=119, gaide=119, shuikou=112, guiyang=87, shangyong=84, chunmei=80,
                tangtou=70, daming=70)
    merbok = by_shares(795, rain)
    # Megi 2016 track (east): 水口, 南埕 hardest (roads cut), 龙门滩, 雷峰: 20 % / 10 % of population.
    megi = by_fraction(c, dict(shuikou=0.20, nancheng=0.20, longmentan=0.10, leifeng=0.10, sanban=0.05))
    hazards = [
        dict(id="typhoon-gaemi-l2", name="台风格美型（Ⅱ级响应）", kind="typhoon", probability=0.3, displaced=gaemi, estimated=False,
             note="2024 Typhoon Gaemi: 11,569 people relocated county-wide (fact); split over units, double weight for the 4 units with >150 mm",
             closed=["shuikou-school"], needs=["flood-rescue", "search-rescue", "power-repair", "road-repair"]),
        dict(id="typhoon-megi-east", name="台风鲇鱼型东部山洪", kind="typhoon", probability=0.2, displaced=megi,
             note="2016 Typhoon Megi hit 水口 and 南埕 (flash flood, roads cut); displaced = 20 %/10 %/5 % of estimated population",
             closed=["shuikou-school", "shuikou-point"], needs=["flood-rescue", "search-rescue", "geohazard", "road-repair"]),
        dict(id="rainstorm-merbok", name="台风苗柏残余暴雨", kind="rainstorm", probability=0.5, displaced=merbok, estimated=False,
             note="June 2017: 795 people evacuated (fact), split in proportion to each unit's rainfall (mm, fact)",
             needs=["flood-rescue", "medical"]),
    ]
    warehouses = [
        dict(id="county-depot", name="德化县救灾物资储备库", area="xunzhong", existing=True, m3=COUNTY_DEPOT_M3, cost=0, dlat=0.006),
        dict(id="longxun-agency", name="龙浔代储点（超市协议）", area="longxun", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="shuikou-point", name="水口镇储备点", area="shuikou", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="gekeng-point", name="葛坑镇储备点", area="gekeng", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="shangyong-point", name="上涌镇储备点", area="shangyong", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="chunmei-agency", name="春美乡代储点", area="chunmei", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="nancheng-point", name="南埕镇储备点", area="nancheng", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="leifeng-point", name="雷峰镇储备点", area="leifeng", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
    ]
    shelters = [
        dict(id="county-stadium", name="德化县体育中心", area="xunzhong", existing=True, m2=24000, cls="central", cost=0, dlat=-0.004),
        dict(id="longxun-school", name="龙浔中学操场", area="longxun", existing=True, m2=9000, cls="fixed-short", cost=0, dlon=0.003),
    ]
    for aid, m2 in [("shuikou", 4000), ("leifeng", 3500), ("chishui", 4000), ("yangmei", 3000), ("gekeng", 4500),
                    ("shangyong", 4000), ("nancheng", 3500), ("longmentan", 3000), ("sanban", 3500), ("gaide", 3000),
                    ("meihu", 2500), ("guobao", 2500), ("chunmei", 2500), ("guiyang", 2500)]:
        shelters.append(dict(id=f"{aid}-school", name=f"{c.area(aid)['name']}中心小学操场", area=aid, existing=False, m2=m2,
                             cls="fixed-short", cost=COST_SCHOOL_SHELTER, dlat=0.002))
    shelters.append(dict(id="xunzhong-park", name="浔中镇滨河公园", area="xunzhong", existing=False, m2=6000, cls="emergency",
                         cost=COST_PARK_SHELTER, dlon=-0.003))
    teams = standard_teams("xunzhong", [
        dict(id="shuikou-rescue", name="水口镇应急救援队", area="shuikou", spec=["flood-rescue", "search-rescue"], members=25),
        dict(id="shangyong-forest", name="上涌森林消防专业队", area="shangyong", spec=["fire"], members=30),
    ])
    header = """德化县 Dehua County (Quanzhou, Fujian): typhoon season, level-II response.
Generated by Scenarios/generate.py from ../shared/data; provenance of every number: Scenarios/README.md.
Real: township seats, 2020 census figures, the Gaemi and Merbok evacuation counts and rainfall.
Estimated (marked `estimated`): rural populations, Megi displacement, probabilities.
Illustrative: every warehouse, shelter and team, and the policy targets."""
    write_scenario(os.path.join(out, "dehua-typhoon.yaml"), header, "德化县 台风季（Ⅱ级响应）",
                   [("speed_kmh", 40), ("detour_factor", 1.4)], c, SUPPLIES, hazards, warehouses, shelters, teams,
                   policy(budget=2_500_000, supply_minutes=60, single=True))
    return c


def quxian(csv_path, out):
    c = County(csv_path, "渠县")
    # 合力镇: the data's rough stand-in (former 双土乡 seat, GCJ-02 107.015158, 30.765164) shifted by
    # the GCJ→WGS offset of its neighbour 卷硐镇 (−0.004452° lon, +0.002356° lat).
    c.build_areas(rule_urban_to_subdistricts, overrides={
        "511725121": ("30.767520", "107.010706", "no seat coordinate in the data: former 双土乡 seat (the data's stand-in) converted with 卷硐镇's GCJ offset")})
    town = ["qujiang", "qunan", "tianxing"]
    riverside = town + ["sanhui", "tuxi", "linba", "langya"]
    # County-town flood (later 渠江 flood, 2,000+ shops/households moved): 2,000 households × 2.65 people.
    town_flood = by_shares(5300, {k: 1 for k in town})
    level2 = by_fraction(c, {k: 0.05 for k in riverside})
    record = by_fraction(c, {k: 0.12 for k in riverside})
    hazards = [
        dict(id="county-town-flood", name="渠江县城段洪水（滨河路进水）", kind="flood", probability=0.5, displaced=town_flood,
             note="river at 15 m vs 4.2 m; 2,000+ shops/households moved goods (fact); × 2.65 people per household (2020 census county mean)",
             closed=["binhe-park"], needs=["flood-rescue", "medical"]),
        dict(id="qujiang-flood-l2", name="渠江流域洪水（Ⅱ级响应）", kind="flood", probability=0.4, displaced=level2,
             note="5 % of the estimated population of the 7 riverside units (counties.md §5.1) relocated",
             closed=["binhe-park", "sanhui-school"], needs=["flood-rescue", "search-rescue", "medical", "power-repair"]),
        dict(id="qujiang-flood-2011", name="2011年型渠江特大洪水（百年一遇）", kind="flood", probability=0.1, displaced=record,
             note="Sept 2011 record flood at 三汇 (29,400 m³/s, ~100-year); 12 % of the riverside units' population relocated",
             closed=["binhe-park", "sanhui-school", "tuxi-school", "sanhui-point"],
             needs=["flood-rescue", "search-rescue", "medical", "power-repair", "water-search"]),
    ]
    warehouses = [
        dict(id="county-depot", name="渠县救灾物资储备库", area="tianxing", existing=True, m3=COUNTY_DEPOT_M3, cost=0, dlat=0.006),
        dict(id="qunan-depot", name="渠南第二储备库（新建）", area="qunan", existing=False, m3=COUNTY_DEPOT_M3, cost=COST_NEW_DEPOT),
        dict(id="sanhui-point", name="三汇镇储备点", area="sanhui", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="linba-point", name="临巴镇储备点", area="linba", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="langya-point", name="琅琊镇储备点", area="langya", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="tuxi-agency", name="土溪镇代储点", area="tuxi", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="wenchong-point", name="文崇镇储备点", area="wenchong", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="xinshi-agency", name="新市镇代储点", area="xinshi", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
    ]
    shelters = [
        dict(id="county-stadium", name="渠县体育场", area="qujiang", existing=True, m2=30000, cls="central", cost=0, dlat=0.004),
        dict(id="binhe-park", name="滨河公园", area="tianxing", existing=True, m2=8000, cls="emergency", cost=0, dlon=0.003),
        dict(id="qunan-school", name="渠县中学渠南校区", area="qunan", existing=False, m2=12000, cls="fixed-medium", cost=COST_PARK_SHELTER),
    ]
    for aid, m2 in [("sanhui", 5000), ("tuxi", 4000), ("linba", 5000), ("langya", 4000), ("lidu", 4000), ("qubei", 3500),
                    ("youqing", 3500), ("yanfeng", 3500), ("lifu", 3000), ("zhongtan", 3000), ("juandong", 3000), ("heli", 3000)]:
        shelters.append(dict(id=f"{aid}-school", name=f"{c.area(aid)['name']}中学操场", area=aid, existing=False, m2=m2,
                             cls="fixed-short", cost=COST_SCHOOL_SHELTER, dlat=0.002))
    teams = standard_teams("qujiang", [
        dict(id="sanhui-water", name="三汇镇水上搜救队", area="sanhui", spec=["flood-rescue", "water-search"], members=20),
    ])
    header = """渠县 Qu County (Dazhou, Sichuan): 渠江 flood season, level-II response.
Generated by Scenarios/generate.py from ../shared/data; provenance of every number: Scenarios/README.md.
Real: township seats, the 2020 census county totals, the 2011 and county-town flood facts.
Estimated (marked `estimated`): every township population, displacement shares, probabilities,
合力镇's seat. 青龙镇 is left out (no coordinate). Illustrative: sites, teams, policy targets."""
    write_scenario(os.path.join(out, "quxian-flood.yaml"), header, "渠县 渠江洪水（Ⅱ级响应）",
                   [("speed_kmh", 40), ("detour_factor", 1.3)], c, SUPPLIES, hazards, warehouses, shelters, teams,
                   policy(budget=3_000_000, supply_minutes=60))
    return c


def minqin(csv_path, out):
    c = County(csv_path, "民勤县")
    c.build_areas(rule_equal)
    lake = ["xiqu", "donghu", "shoucheng", "quanshan"]   # the northern 湖区 at the tail of the 石羊河
    storm = by_fraction(c, {a["id"]: 0.03 for a in c.areas})
    north = by_fraction(c, {k: 0.08 for k in lake})
    drought = by_fraction(c, {k: 0.05 for k in lake + ["dongba", "jiahe"]})
    hazards = [
        dict(id="black-storm", name="黑风（强沙尘暴）全县", kind="sandstorm", probability=0.3, displaced=storm,
             note="24 Apr 2010 黑风: force-10 gusts, 13 fires, power cuts, greenhouses destroyed (fact); 3 % of every unit relocated",
             needs=["fire", "power-repair", "road-repair", "medical"]),
        dict(id="sandstorm-lake-district", name="湖区沙尘暴与沙埋", kind="sandstorm", probability=0.4, displaced=north,
             note="the northern lake district is the most desertified (fact: 94 % of land); 8 % of its units relocated",
             closed=["xiqu-agency"], needs=["road-repair", "power-repair", "medical"]),
        dict(id="drought-water", name="特大干旱（饮水困难集中安置）", kind="drought", probability=0.3, displaced=drought,
             note="precipitation ≈118 mm vs evaporation ≈2,646 mm (fact); 5 % of 6 eastern/northern units moved to water points",
             needs=["water-supply", "medical"]),
    ]
    warehouses = [
        dict(id="county-depot", name="民勤县救灾物资储备库", area="sanlei", existing=True, m3=COUNTY_DEPOT_M3, cost=0, dlat=0.006),
        dict(id="quanshan-point", name="泉山镇储备点", area="quanshan", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="xiqu-agency", name="西渠镇代储点", area="xiqu", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="donghu-point", name="东湖镇储备点", area="donghu", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="changning-point", name="昌宁镇储备点", area="changning", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="caiqi-agency", name="蔡旗镇代储点", area="caiqi", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="nanhu-point", name="南湖镇储备点", area="nanhu", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
    ]
    shelters = [
        dict(id="county-square", name="民勤县文化广场", area="sanlei", existing=True, m2=15000, cls="central", cost=0, dlat=-0.004),
        dict(id="suwu-school", name="苏武镇中学", area="suwu", existing=True, m2=6000, cls="fixed-short", cost=0),
    ]
    for aid, m2 in [("quanshan", 4000), ("xiqu", 3500), ("donghu", 3500), ("shoucheng", 3000), ("dongba", 3000),
                    ("jiahe", 3000), ("xuebai", 3000), ("changning", 3000), ("hongshagang", 2500), ("caiqi", 2500),
                    ("nanhu", 2500)]:
        shelters.append(dict(id=f"{aid}-school", name=f"{c.area(aid)['name']}中心学校", area=aid, existing=False, m2=m2,
                             cls="fixed-short", cost=COST_SCHOOL_SHELTER, dlat=0.002))
    teams = standard_teams("sanlei", [
        dict(id="water-supply", name="县水务局供水保障队", area="sanlei", spec=["water-supply"], members=25, dlat=0.01),
        dict(id="quanshan-fire", name="泉山镇专职消防队", area="quanshan", spec=["fire"], members=15),
    ])
    header = """民勤县 Minqin County (Wuwei, Gansu): sandstorm and drought, level-II response.
Generated by Scenarios/generate.py from ../shared/data; provenance of every number: Scenarios/README.md.
Real: township seats (13 of 18), the 2020 census county total, the 2010 black-storm facts, climate.
Estimated (marked `estimated`): every township population, displacement, probabilities.
Left out (no coordinate): 重兴镇, 大坝镇, 大滩镇, 双茨科镇, 红沙梁镇. Illustrative: sites, teams, policy."""
    write_scenario(os.path.join(out, "minqin-sandstorm-drought.yaml"), header, "民勤县 沙尘暴与干旱（Ⅱ级响应）",
                   [("speed_kmh", 50), ("detour_factor", 1.25)], c, SUPPLIES, hazards, warehouses, shelters, teams,
                   policy(budget=1_500_000, supply_minutes=60))
    return c


def wuxi(csv_path, out):
    c = County(csv_path, "巫溪县")
    known = {"500238001": 58700, "500238002": 41400, "500238100": 12400, "500238101": 21300, "500238102": 2552,
             "500238103": 22900, "500238104": 20000}
    codes = {r["code_2022"] for r in read_units(csv_path, "巫溪县")}
    known = {k: v for k, v in known.items() if k in codes}
    c.build_areas(rule_known_2020_plus_equal_residual(known))
    ids = [a["id"] for a in c.areas]
    town = ["baiyang", "ninghe", "chengxiang"]
    rural = [i for i in ids if i not in town]
    # 2021: 297 households / 1,070 people relocated; 徐家 and 白鹿 named → weight 3.
    geo2021 = by_shares(1070, {k: (3 if k in ("xujia", "bailu") else 1) for k in rural})
    # Sept 2010: 8.9万 affected in 26 townships; 10 % relocated; 文峰 and 中岗 (→红池坝) worst → weight 3.
    storm2010 = by_shares(8900, {k: (3 if k in ("wenfeng", "hongchiba") else 1) for k in rural})
    # 466 sites threaten 46,000+ people: 46,000 over the 28 non-county-town units; a level-II event in
    # the upper 大宁河 valley evacuates everyone threatened in 8 units.
    upper = ["xujia", "bailu", "xiabao", "yulin", "wulong", "zhongliang", "tianyuan", "ningchang"]
    per_unit = 46000 // 28
    upper_valley = {k: min(per_unit, c.area(k)["population"]) for k in upper if k in ids}
    town_flood = by_fraction(c, {k: 0.10 for k in town})
    hazards = [
        dict(id="geohazard-rain-2021", name="2021年秋汛型地质灾害", kind="landslide", probability=0.4, displaced=geo2021, estimated=False,
             note="Aug-Sep 2021: 87 geohazard events, 1,070 people relocated (fact); weight 3 for 徐家 and 白鹿 (named events)",
             needs=["geohazard", "search-rescue", "road-repair"]),
        dict(id="upper-valley-landslides", name="大宁河上游群发滑坡（Ⅱ级）", kind="landslide", probability=0.2, displaced=upper_valley,
             note="46,000 people threatened by 466 sites (fact) spread over 28 units; all threatened in 8 upper-valley units evacuated",
             closed=["xujia-point", "xiabao-school"], needs=["geohazard", "search-rescue", "road-repair", "medical"]),
        dict(id="rainstorm-2010", name="2010年型区域暴雨洪涝", kind="flood", probability=0.3, displaced=storm2010,
             note="Sept 2010: 8.9万 affected in 26 townships (fact); 10 % relocated; 文峰 and 红池坝 (中岗) weight 3",
             needs=["flood-rescue", "geohazard", "medical"]),
        dict(id="county-town-flood", name="县城段大宁河洪水", kind="flood", probability=0.1, displaced=town_flood,
             note="2014 report of the county town flooded up to 6 m (secondary, unverified); 10 % of the county-town units",
             closed=["ninghe-square"], needs=["flood-rescue", "search-rescue", "medical", "power-repair"]),
    ]
    warehouses = [
        dict(id="county-depot", name="巫溪县救灾物资储备库", area="baiyang", existing=True, m3=COUNTY_DEPOT_M3, cost=0, dlat=0.006),
        dict(id="xujia-point", name="徐家镇储备点", area="xujia", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="wenfeng-point", name="文峰镇储备点", area="wenfeng", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="tianba-point", name="田坝镇储备点", area="tianba", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="tongcheng-agency", name="通城镇代储点", area="tongcheng", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="xiabao-agency", name="下堡镇代储点", area="xiabao", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="shanghuang-point", name="上磺镇储备点", area="shanghuang", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
    ]
    shelters = [
        dict(id="county-stadium", name="巫溪县体育馆广场", area="baiyang", existing=True, m2=16000, cls="central", cost=0, dlat=-0.004),
        dict(id="ninghe-square", name="宁河广场", area="ninghe", existing=True, m2=6000, cls="emergency", cost=0, dlon=0.003),
    ]
    for aid, m2 in [("xujia", 3500), ("bailu", 3000), ("xiabao", 3000), ("wenfeng", 4000), ("hongchiba", 2500),
                    ("tianba", 3000), ("jianshan", 2500), ("chaoyang", 2500), ("shanghuang", 4000), ("gulu", 3500),
                    ("tongcheng", 3000), ("fenghuang", 4000), ("yulin", 2500), ("tangfang", 2500)]:
        shelters.append(dict(id=f"{aid}-school", name=f"{c.area(aid)['name']}中心小学", area=aid, existing=False, m2=m2,
                             cls="fixed-short", cost=COST_SCHOOL_SHELTER, dlat=0.002))
    teams = standard_teams("baiyang", [
        dict(id="geohazard-joint", name="巫溪县地质灾害防治应急联合队伍（522人）", area="baiyang", spec=["geohazard", "search-rescue"],
             members=522, dlat=0.008, est=["base"]),
        dict(id="wenfeng-rescue", name="文峰镇应急分队", area="wenfeng", spec=["flood-rescue", "geohazard"], members=20),
    ])
    header = """巫溪县 Wuxi County (Chongqing): landslides and rainstorm floods, level-II response.
Generated by Scenarios/generate.py from ../shared/data; provenance of every number: Scenarios/README.md.
Real: township seats (30 of 32), 7 township figures (probably 2020), the 2021 and 2010 event facts,
the 466 sites / 46,000 people threatened, the 522-person geohazard team.
Estimated (marked `estimated`): other populations, displacement splits, probabilities, proxy seats.
Left out (no coordinate): 蒲莲镇, 土城镇. Roads: wuxi-roads.csv (illustrative topology, see README)."""
    write_scenario(os.path.join(out, "wuxi-landslide-flood.yaml"), header, "巫溪县 滑坡与暴雨洪涝（Ⅱ级响应）",
                   [("speed_kmh", 30), ("detour_factor", 1.6), ("roads", "wuxi-roads.csv")], c, SUPPLIES, hazards,
                   warehouses, shelters, teams, policy(budget=2_000_000, supply_minutes=90, team_minutes=90))
    write_roads(c, os.path.join(out, "wuxi-roads.csv"))
    return c


def write_roads(c, path):
    """An illustrative road graph over the township seats: each seat joined to its 3 nearest
    seats, plus the edges of a minimum spanning tree so that the network is connected; km =
    straight line × 1.6 (mountain roads); 50 km/h between the county-town units, 30 km/h
    elsewhere; two named junctions on the 大宁河 valley road."""
    pts = {a["id"]: (a["lat"], a["lon"]) for a in c.areas}
    ids = sorted(pts)
    edges = {}
    def add(u, v):
        if u == v:
            return
        key = tuple(sorted((u, v)))
        edges[key] = haversine(pts[u], pts[v])
    for u in ids:
        near = sorted((haversine(pts[u], pts[v]), v) for v in ids if v != u)[:3]
        for _, v in near:
            add(u, v)
    # Kruskal MST for connectivity.
    parent = {i: i for i in ids}
    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for d, u, v in sorted((haversine(pts[u], pts[v]), u, v) for i, u in enumerate(ids) for v in ids[i + 1:]):
        if find(u) != find(v):
            parent[find(u)] = find(v)
            add(u, v)
    town = {"baiyang", "ninghe", "chengxiang", "fenghuang"}
    rows = []
    for (u, v), d in sorted(edges.items()):
        if d < 0.05:
            d = 0.5   # two seats at the same point (a proxy seat): a short town street
        speed = 50 if u in town and v in town else 30
        rows.append((u, v, round(d * 1.6, 1), speed))
    # Junctions: the valley road north of the county town forks at 大河 toward 宁厂 and 下堡.
    j1 = "daninghe-fork"
    for v in ("dahe", "ningchang", "xiabao"):
        rows.append((j1, v, round(haversine(pts["dahe"], pts[v]) * 1.6 * 0.5 + 2, 1), 30))
    j2 = "g348-pass"
    for v in ("tianba", "jianshan", "hongchiba"):
        rows.append((j2, v, round(haversine(pts["tianba"], pts[v]) * 1.6 * 0.5 + 3, 1), 30))
    with open(path, "w", encoding="utf-8") as f:
        f.write("from,to,km,speed_kmh,note\n")
        for u, v, km, speed in rows:
            f.write(f"{u},{v},{km},{speed},illustrative\n")


def xiangfen(csv_path, out):
    c = County(csv_path, "襄汾县")
    c.build_areas(rule_equal)
    def quake(epicentre):
        shares = {}
        for a in c.areas:
            d = haversine(epicentre, (a["lat"], a["lon"]))
            f = 0.20 if d <= 10 else 0.10 if d <= 20 else 0.04 if d <= 30 else 0.01
            shares[a["id"]] = f
        return by_fraction(c, shares)
    town_quake = quake((35.874, 111.435))     # under the county town (新城镇 seat)
    sw_quake = quake((35.75, 111.30))         # south-west, between 赵康 and 永固
    tailings = by_fraction(c, {"taosi": 0.10, "dadeng": 0.03})
    hazards = [
        dict(id="quake-county-town", name="临汾盆地M6.5地震（县城）", kind="earthquake", probability=0.3, displaced=town_quake,
             note="Linfen basin: 1695 M7¾ destroyed 襄汾 (fact); M6.5 under the county town: 20/10/4/1 % relocated within 10/20/30/>30 km",
             closed=["xincheng-old-school"], needs=["search-rescue", "medical", "road-repair", "power-repair"]),
        dict(id="quake-southwest", name="西南部M6.5地震", kind="earthquake", probability=0.3, displaced=sw_quake,
             note="same rule, epicentre between 赵康 and 永固 (35.75 N, 111.30 E)",
             closed=["zhaokang-school"], needs=["search-rescue", "medical", "road-repair"]),
        dict(id="tailings-dam", name="陶寺乡尾矿库溃坝预警", kind="tailings-dam", probability=0.4, displaced=tailings,
             note="2008-09-08 新塔 tailings-dam failure at 陶寺乡 (fact: 277 dead); evacuate 10 % of 陶寺, 3 % of 大邓 downstream",
             needs=["search-rescue", "mine-rescue", "medical"]),
    ]
    warehouses = [
        dict(id="county-depot", name="襄汾县救灾物资储备库", area="xincheng", existing=True, m3=COUNTY_DEPOT_M3, cost=0, dlat=0.006),
        dict(id="fencheng-depot", name="汾城第二储备库（新建）", area="fencheng", existing=False, m3=COUNTY_DEPOT_M3, cost=COST_NEW_DEPOT),
        dict(id="zhaokang-point", name="赵康镇储备点", area="zhaokang", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="dengzhuang-point", name="邓庄镇储备点", area="dengzhuang", existing=False, m3=STORAGE_POINT_M3, cost=COST_STORAGE_POINT),
        dict(id="xiangling-agency", name="襄陵镇代储点", area="xiangling", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
        dict(id="nanjia-agency", name="南贾镇代储点", area="nanjia", existing=False, m3=AGENCY_STOCK_M3, cost=COST_AGENCY),
    ]
    shelters = [
        dict(id="county-square", name="襄汾县丁陶广场", area="xincheng", existing=True, m2=25000, cls="central", cost=0, dlat=-0.004),
        dict(id="xincheng-old-school", name="新城镇老城区学校", area="xincheng", existing=True, m2=6000, cls="fixed-short", cost=0, dlon=0.004),
        dict(id="county-park", name="汾河湿地公园（避难场所改造）", area="xincheng", existing=False, m2=40000, cls="fixed-medium",
             cost=1_200_000, dlon=-0.01),
    ]
    for aid, m2 in [("zhaokang", 6000), ("fencheng", 6000), ("nanjia", 5000), ("gucheng", 5000), ("xiangling", 5000),
                    ("dengzhuang", 6000), ("taosi", 4000), ("yonggu", 3500), ("jingmao", 3500), ("xijia", 3500),
                    ("nanxindian", 3500), ("dadeng", 3500)]:
        shelters.append(dict(id=f"{aid}-school", name=f"{c.area(aid)['name']}中学操场", area=aid, existing=False, m2=m2,
                             cls="fixed-short", cost=COST_SCHOOL_SHELTER, dlat=0.002))
    teams = standard_teams("xincheng", [
        dict(id="mine-rescue", name="矿山救护队", area="taosi", spec=["mine-rescue", "search-rescue"], members=40),
    ])
    header = """襄汾县 Xiangfen County (Linfen, Shanxi): earthquake and tailings dam, level-II response.
Generated by Scenarios/generate.py from ../shared/data; provenance of every number: Scenarios/README.md.
Real: township seats (13 of 13), the 2020 census county total, the 1695 earthquake and 2008 tailings facts.
Estimated (marked `estimated`): every township population, displacement (distance-decay rule), probabilities.
Illustrative: sites, teams, policy targets."""
    write_scenario(os.path.join(out, "xiangfen-earthquake.yaml"), header, "襄汾县 地震与尾矿库（Ⅱ级响应）",
                   [("speed_kmh", 40), ("detour_factor", 1.25)], c, SUPPLIES, hazards, warehouses, shelters, teams,
                   policy(budget=3_000_000, supply_minutes=45))
    return c


def main():
    csv_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CSV
    for build in (dehua, quxian, minqin, wuxi, xiangfen):
        c = build(csv_path, HERE)
        print(f"{c.name}: {len(c.areas)} areas, population {sum(a['population'] for a in c.areas)}; left out {c.left_out}")


if __name__ == "__main__":
    main()
