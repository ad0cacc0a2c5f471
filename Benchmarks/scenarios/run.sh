#!/usr/bin/env bash
# Scenario-runs benchmark (issue 12): on the province benchmark scenario (Benchmarks/siting),
#   - one `yubei solve` (the reference time),
#   - `yubei study` of 8 variants (the base and 7 variants by overrides)   goal: ≤ 5 × one solve
#     (the base first; budget-80m, budget-160m and lose-w001 only restrict the base, and its plan
#     holds in them: proven from the base's, no search; the other four are searched),
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
# Runs a command under /usr/bin/time; prints "WALL CPU" (seconds; CPU = user + system). On a shared,
# loaded machine the wall ratio depends on the load at each moment; the CPU time is the work done.
timed() {
  local log="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$log.time" "$@" >"$log" 2>"$log.stderr" || true
  python3 -c "w, u, s = open('$log.time').read().split()[-3:]; print(f'{float(w):.2f} {float(u) + float(s):.2f}')"
}

dehua() {
  "$bin" solve Scenarios/dehua-typhoon.yaml --out "$out/dehua-plan" >/dev/null
  local open t
  open=$(python3 -c "import json; p = json.load(open('$out/dehua-plan/plan.json')); print(len(p['open_warehouses']) + len(p['open_shelters']))")
  t=$(timed "$out/dehua-stress.stdout" "$bin" stress Scenarios/dehua-typhoon.yaml --plan "$out/dehua-plan/plan.json" --n-1 --out "$out/dehua-stress")
  echo "dehua N-1: $open open sites, wall/cpu s: $t (goal < 5 s wall)"
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
  local one study frontier
  one=$(timed "$out/province-solve.stdout" "$bin" solve "$out/province.yaml" --out "$out/province-plan" "${settings[@]}")
  echo "province: one solve, wall/cpu s: $one ($(python3 -c "import json; p = json.load(open('$out/province-plan/plan.json')); print(p['status'], 'gap', p.get('gap'))"))"
  study=$(timed "$out/province-study.stdout" "$bin" study "$out/province-study.yaml" --out "$out/province-study" "${settings[@]}")
  echo "province: study of 8 variants (base + 7), wall/cpu s: $study; ratio to one solve: $(python3 -c "a = '$one'.split(); b = '$study'.split(); print(f'wall {float(b[0]) / float(a[0]):.2f}x, cpu {float(b[1]) / float(a[1]):.2f}x')") (goal wall ≤ 5x)"
  # Per variant: seconds in the study (each while another variant was solved on the other core),
  # cost gap, and whether the base's plan held in it (a restriction of the base: no search).
  python3 - "$out/province-study" <<'PY'
import json, sys
d = sys.argv[1]
for v in json.load(open(f"{d}/study.json"))["variants"]:
    p = json.load(open(f"{d}/{v['plan']}"))
    print(f"  {v['name']:14s} {v['status']:8s} {v['seconds']:6.1f} s  gap {100 * (p.get('gap') or 0):.2f} %  "
          f"needs proven {p['levels']['needs_proven']}  base plan holds {v.get('base_plan_holds')}")
PY
  frontier=$(timed "$out/province-frontier.stdout" "$bin" frontier "$out/province.yaml" --budget 0:180000000:20000000 --out "$out/province-frontier" "${settings[@]}")
  echo "province: frontier of $(python3 -c "import json; print(len(json.load(open('$out/province-frontier/frontier.json'))['points']))") budgets, wall/cpu s: $frontier; ratio to one solve: $(python3 -c "a = '$one'.split(); b = '$frontier'.split(); print(f'wall {float(b[0]) / float(a[0]):.2f}x, cpu {float(b[1]) / float(a[1]):.2f}x')") (goal wall ≤ 6x)"
}

case "${1:-all}" in
  dehua) dehua ;;
  province) province ;;
  all) dehua; province ;;
  *) echo "usage: $0 [dehua|province]" >&2; exit 64 ;;
esac
