#!/usr/bin/env bash
# Scenario-runs benchmark (issue 12): on the province benchmark scenario (Benchmarks/siting),
#   - one `yubei solve` (the reference time),
#   - `yubei study` of 8 variants (the base and 7 variants by overrides)   goal: ≤ 5 × one solve,
#   - `yubei frontier` of 10 budgets                                       goal: ≤ 6 × one solve,
# and `yubei stress --n-1` over every open site of Scenarios/dehua-typhoon.yaml   goal: < 5 s.
#
#   Benchmarks/scenarios/run.sh            # all
#   Benchmarks/scenarios/run.sh dehua      # only the N-1 stress test
#
# Release build in its own scratch path (.build-bench, git-ignored); outputs in
# bench-out/scenarios/ (git-ignored). Every solve of the province uses the siting benchmark's
# settings: --time-limit 120 --gap 0.01.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench-out/scenarios"
mkdir -p "$out"
cd "$root"
swift build -c release --scratch-path .build-bench --product yubei >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
bin="$root/.build-bench/release/yubei"
settings=(--time-limit 120 --gap 0.01)

now() { python3 -c 'import time; print(time.monotonic())'; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

dehua() {
  "$bin" solve Scenarios/dehua-typhoon.yaml --out "$out/dehua-plan" >/dev/null
  local t0 t1 open
  open=$(python3 -c "import json; p = json.load(open('$out/dehua-plan/plan.json')); print(len(p['open_warehouses']) + len(p['open_shelters']))")
  t0=$(now)
  "$bin" stress Scenarios/dehua-typhoon.yaml --plan "$out/dehua-plan/plan.json" --n-1 --out "$out/dehua-stress" >"$out/dehua-stress.stdout"
  t1=$(now)
  echo "dehua N-1: $open open sites, $(elapsed "$t0" "$t1") s wall (goal < 5 s)"
}

province() {
  python3 "$root/Benchmarks/siting/generate.py" province "$out/province.yaml"
  cat >"$out/province-study.yaml" <<'YAML'
name: province benchmark study
base: province.yaml
variants:
  - {name: budget-80m, overrides: ["--set policy.budget=80000000"]}
  - {name: budget-160m, overrides: ["--set policy.budget=160000000"]}
  - {name: displaced-1.2, overrides: ["--scale-displaced 1.2"]}
  - {name: displaced-0.8, overrides: ["--scale-displaced 0.8"]}
  - {name: lose-w000, overrides: ["--close w000"]}
  - {name: lose-w001, overrides: ["--close w001"]}
  - {name: supply-120min, overrides: ["--set policy.supply_response_minutes=120"]}
YAML
  local t0 t1 t2 t3 t4 t5 one study frontier
  t0=$(now)
  "$bin" solve "$out/province.yaml" --out "$out/province-plan" "${settings[@]}" >/dev/null
  t1=$(now)
  one=$(elapsed "$t0" "$t1")
  echo "province: one solve $one s wall ($(python3 -c "import json; p = json.load(open('$out/province-plan/plan.json')); print(p['status'], 'gap', p.get('gap'))"))"
  t2=$(now)
  "$bin" study "$out/province-study.yaml" --out "$out/province-study" "${settings[@]}" >"$out/province-study.stdout" || true
  t3=$(now)
  study=$(elapsed "$t2" "$t3")
  echo "province: study of 8 variants $study s wall = $(python3 -c "print(f'{$study / $one:.2f}')") × one solve (goal ≤ 5)"
  t4=$(now)
  "$bin" frontier "$out/province.yaml" --budget 0:180000000:20000000 --out "$out/province-frontier" "${settings[@]}" >"$out/province-frontier.stdout" || true
  t5=$(now)
  frontier=$(elapsed "$t4" "$t5")
  echo "province: frontier of $(python3 -c "import json; print(len(json.load(open('$out/province-frontier/frontier.json'))['points']))") budgets $frontier s wall = $(python3 -c "print(f'{$frontier / $one:.2f}')") × one solve (goal ≤ 6)"
}

case "${1:-all}" in
  dehua) dehua ;;
  province) province ;;
  all) dehua; province ;;
  *) echo "usage: $0 [dehua|province]" >&2; exit 64 ;;
esac
