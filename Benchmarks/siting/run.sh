#!/usr/bin/env bash
# Siting benchmark: `yubei solve` on a generated county and a generated province scenario.
#
#   Benchmarks/siting/run.sh            # both
#   Benchmarks/siting/run.sh county     # one
#
# Release build in its own scratch path (.build-bench, git-ignored) so it does not block other
# builds; scenarios and plans go to bench-out/siting/ (git-ignored). Wall time and peak memory
# come from /usr/bin/time -v. Goals: county under 5 s; province (kits, whole units, issue 11)
# within 50 s at a cost gap of 0.5 % or less, under 4 GiB.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench-out/siting"
mkdir -p "$out"
cd "$root"
swift build -c release --scratch-path .build-bench --product yubei >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
bin="$root/.build-bench/release/yubei"

run() {
  local kind="$1"; shift
  python3 "$root/Benchmarks/siting/generate.py" "$kind" "$out/$kind.yaml"
  /usr/bin/time -v "$bin" solve "$out/$kind.yaml" --out "$out/$kind-plan" "$@" >"$out/$kind.stdout" 2>"$out/$kind.stderr" || true
  python3 - "$kind" "$out" <<'PY'
import json, re, sys
kind, out = sys.argv[1], sys.argv[2]
err = open(f"{out}/{kind}.stderr").read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
plan = json.load(open(f"{out}/{kind}-plan/plan.json"))
size = plan["model_size"]
gap = plan.get("gap")
print(f"{kind:9s} status={plan['status']:8s} wall={wall:>8s} solver={plan['seconds']:.2f}s "
      f"gap={'-' if gap is None else f'{gap * 100:.3f}%'} peak={rss / 1024:.0f} MiB "
      f"vars={size['variables']} ints={size['integer_variables']} rows={size['rows']} nz={size['nonzeros']} "
      f"incumbent_accepted={plan.get('incumbent_accepted')} "
      f"needs_proven={(plan.get('levels') or {}).get('needs_proven')} "
      f"unsheltered={(plan.get('levels') or {}).get('unsheltered')} without_kit={(plan.get('levels') or {}).get('without_kit')} "
      f"verification={len(plan.get('verification', []))}")
PY
}

case "${1:-all}" in
  county) run county ;;
  province) run province --time-limit 50 --gap 0.005 ;;
  all) run county; run province --time-limit 50 --gap 0.005 ;;
  *) echo "usage: $0 [county|province]" >&2; exit 64 ;;
esac
