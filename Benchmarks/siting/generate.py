#!/usr/bin/env python3
"""Generates siting benchmark scenarios (FORMATS.md §2) with a fixed seed.

    generate.py county   OUT.yaml   # ~40 areas, 10 warehouses, 40 shelters, 4 hazards
    generate.py province OUT.yaml   # 2,000 areas, 100 warehouses, 500 shelters, 6 hazards

Areas cluster around towns; shelters sit in towns (a few km from an area seat); hazards strike a
region each (a river valley, a fault zone) and displace a share of the people there; some sites
are closed in some hazards. Numbers are plausible, not real: this is a benchmark, not a county.
"""
import math
import random
import sys

CLASSES = ["emergency", "fixed-short", "fixed-medium", "fixed-long", "central"]


def scenario(kind):
    rng = random.Random(20261122 if kind == "county" else 4242)
    if kind == "county":
        n_areas, n_wh, n_sh, n_hz, n_teams = 40, 10, 40, 4, 6
        lat0, lon0, span_lat, span_lon = 25.3, 118.0, 0.6, 0.7  # about 65 × 70 km
        towns = 6
        travel = {"speed_kmh": 40, "detour_factor": 1.4}
        policy = dict(budget=6_000_000, supply_response_minutes=180, team_response_minutes=60,
                      radius={"emergency": 4.0, "fixed-short": 8.0, "fixed-medium": 12.0, "fixed-long": 15.0, "central": 20.0},
                      per_person={"emergency": 1.5, "fixed-short": 2.0, "fixed-medium": 3.0, "fixed-long": 4.0, "central": 4.5})
        pop = (3000, 60000)
        hazard_radius_km = 30
    else:
        n_areas, n_wh, n_sh, n_hz, n_teams = 2000, 100, 500, 6, 60
        lat0, lon0, span_lat, span_lon = 24.0, 116.0, 3.0, 3.5  # about 330 × 355 km
        towns = 120
        travel = {"speed_kmh": 50, "detour_factor": 1.3}
        policy = dict(budget=120_000_000, supply_response_minutes=90, team_response_minutes=60,
                      radius={"emergency": 3.0, "fixed-short": 8.0, "fixed-medium": 10.0, "fixed-long": 12.0, "central": 15.0},
                      per_person={"emergency": 1.5, "fixed-short": 2.0, "fixed-medium": 3.0, "fixed-long": 4.0, "central": 4.5})
        pop = (2000, 36000)
        hazard_radius_km = 45

    def around(lat, lon, km):
        r = km * math.sqrt(rng.random())
        t = rng.random() * 2 * math.pi
        return (round(lat + r * math.sin(t) / 111.0, 5), round(lon + r * math.cos(t) / (111.0 * math.cos(math.radians(lat))), 5))

    town_centres = [(lat0 + rng.random() * span_lat, lon0 + rng.random() * span_lon) for _ in range(towns)]
    areas = []
    for i in range(n_areas):
        c = town_centres[i % towns]
        lat, lon = around(c[0], c[1], 12 if kind == "county" else 18)
        areas.append({"id": f"a{i:04d}", "name": f"测试乡镇{i}", "lat": lat, "lon": lon,
                      "population": int(rng.uniform(*pop) * (2.5 if i < towns else 1))})

    warehouses = []
    for j in range(n_wh):
        a = areas[rng.randrange(n_areas)] if j >= towns else areas[j % n_areas]
        lat, lon = around(a["lat"], a["lon"], 2)
        existing = j < max(2, n_wh // 5)
        warehouses.append({"id": f"w{j:03d}", "name": f"储备库{j}", "lat": lat, "lon": lon, "existing": existing,
                           "capacity_m3": rng.choice([300, 500, 800, 1200, 2000]) if existing else rng.choice([200, 400, 600, 1000]),
                           "fixed_cost": 0 if existing else rng.choice([200_000, 350_000, 500_000, 800_000])})
    shelters = []
    for k in range(n_sh):
        a = areas[rng.randrange(n_areas)]
        lat, lon = around(a["lat"], a["lon"], 2.5)
        existing = k < int(n_sh * 0.35)
        cls = rng.choices(CLASSES, weights=[4, 4, 2, 1, 1])[0]
        shelters.append({"id": f"s{k:03d}", "name": f"避难场所{k}", "lat": lat, "lon": lon, "existing": existing,
                         "area_m2": rng.choice([5000, 8000, 12000, 20000, 30000, 45000]), "class": cls,
                         "fixed_cost": 0 if existing else rng.choice([50_000, 100_000, 200_000, 400_000])})

    def km(p, q):
        dlat = (p["lat"] - q["lat"]) * 111.0
        dlon = (p["lon"] - q["lon"]) * 111.0 * math.cos(math.radians(p["lat"]))
        return math.hypot(dlat, dlon)

    kinds = [("flood", ["flood-rescue", "water-search"]), ("landslide", ["geohazard", "road-repair"]),
             ("earthquake", ["search-rescue", "medical"]), ("typhoon", ["flood-rescue", "power"]),
             ("forest-fire", ["forest-fire"]), ("rainstorm", ["flood-rescue"])]
    hazards = []
    for h in range(n_hz):
        centre = areas[rng.randrange(n_areas)]
        hk, needs = kinds[h % len(kinds)]
        displaced = {}
        for a in areas:
            d = km(a, centre)
            if d <= hazard_radius_km:
                share = 0.03 * (1 - d / hazard_radius_km) + 0.003
                displaced[a["id"]] = int(a["population"] * share)
        near_sites = [s["id"] for s in shelters + warehouses if km(s, centre) < hazard_radius_km / 3]
        closed = rng.sample(near_sites, min(len(near_sites), max(1, len(near_sites) // 8))) if near_sites else []
        hazards.append({"id": f"{hk}-{h}", "name": f"{hk} scenario {h}", "probability": round(1.0 / n_hz, 6) if h < n_hz - 1 else round(1.0 - (n_hz - 1) * round(1.0 / n_hz, 6), 6),
                        "displaced": displaced, "closed": closed, "needs": needs})
    specialties = ["flood-rescue", "water-search", "geohazard", "road-repair", "search-rescue", "medical", "power", "forest-fire", "fire"]
    teams = []
    for t in range(n_teams):
        a = areas[rng.randrange(n_areas)]
        teams.append({"id": f"t{t:03d}", "name": f"救援队{t}", "lat": a["lat"], "lon": a["lon"],
                      "specialties": rng.sample(specialties, 2), "members": rng.randrange(15, 80)})
    return {"kind": kind, "travel": travel, "policy": policy, "areas": areas, "warehouses": warehouses,
            "shelters": shelters, "hazards": hazards, "teams": teams}


def write(s, path):
    def loc(x):
        return f"{{lat: {x['lat']}, lon: {x['lon']}}}"
    out = [f"name: Benchmark {s['kind']} scenario (generated)",
           f"travel: {{speed_kmh: {s['travel']['speed_kmh']}, detour_factor: {s['travel']['detour_factor']}}}",
           "areas:"]
    out += [f"  - {{id: {a['id']}, name: {a['name']}, location: {loc(a)}, population: {a['population']}}}" for a in s["areas"]]
    out += ["supplies:",
            "  - {id: tent, name: 救灾帐篷, per_person: 0.25, volume_m3: 0.12, unit_cost: 1800}",
            "  - {id: quilt, name: 棉被, per_person: 1, volume_m3: 0.02, unit_cost: 120}",
            "  - {id: water, name: 饮用水, per_person: 3, volume_m3: 0.015, unit_cost: 30}",
            "hazards:"]
    for h in s["hazards"]:
        out.append(f"  - id: {h['id']}")
        out.append(f"    name: {h['name']}")
        out.append(f"    probability: {h['probability']}")
        out.append("    displaced: {" + ", ".join(f"{k}: {v}" for k, v in h["displaced"].items()) + "}")
        out.append("    closed_sites: [" + ", ".join(h["closed"]) + "]")
        out.append("    needs: [" + ", ".join(h["needs"]) + "]")
    out.append("warehouses:")
    out += [f"  - {{id: {w['id']}, name: {w['name']}, location: {loc(w)}, existing: {str(w['existing']).lower()}, "
            f"capacity_m3: {w['capacity_m3']}, fixed_cost: {w['fixed_cost']}}}" for w in s["warehouses"]]
    out.append("shelters:")
    out += [f"  - {{id: {k['id']}, name: {k['name']}, location: {loc(k)}, existing: {str(k['existing']).lower()}, "
            f"area_m2: {k['area_m2']}, class: {k['class']}, fixed_cost: {k['fixed_cost']}}}" for k in s["shelters"]]
    out.append("teams:")
    out += [f"  - {{id: {t['id']}, name: {t['name']}, base: {loc(t)}, specialties: [{', '.join(t['specialties'])}], members: {t['members']}}}"
            for t in s["teams"]]
    p = s["policy"]
    out += ["policy:",
            f"  budget: {p['budget']}",
            f"  supply_response_minutes: {p['supply_response_minutes']}",
            "  shelter_max_km: {" + ", ".join(f"{k}: {v}" for k, v in p["radius"].items()) + "}",
            "  area_per_person_m2: {" + ", ".join(f"{k}: {v}" for k, v in p["per_person"].items()) + "}",
            f"  team_response_minutes: {p['team_response_minutes']}",
            "  single_shelter_per_area: true", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("county", "province"):
        sys.exit(__doc__)
    write(scenario(sys.argv[1]), sys.argv[2])
