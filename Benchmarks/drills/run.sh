#!/bin/sh
# Benchmark of `yubei drills plan`: a county of N organisations (default 2000) planned for one
# year with observers, two county teams and the default soft preferences; then the plan is read
# back as records and `yubei drills check` must report nothing missed.
#
#   Benchmarks/drills/run.sh [N]
#
# Uses a release build in .build-bench (shared scratch path for benchmarks).
set -eu
N=${1:-2000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${BENCH_OUT:-/tmp/yubei-drills-bench-$N}
cd "$ROOT"
swift build -c release --scratch-path .build-bench --product yubei >/dev/null
python3 Benchmarks/drills/generate.py "$OUT" "$N" 2027
BIN=.build-bench/release/yubei
START=$(date +%s.%N)
$BIN drills plan "$OUT/orgs.yaml" --year 2027 --out "$OUT/plan" --records "$OUT/records.csv" \
    --settings "$OUT/settings.yaml" --quiet
END=$(date +%s.%N)
echo "drills plan: $(echo "$END - $START" | bc) s wall for $N organisations"
grep -E "^- (program|whole)" "$OUT/plan/plan.md" | sed 's/^/  /'
{ cat "$OUT/records.csv"; tail -n +2 "$OUT/plan/plan.csv"; } > "$OUT/all.csv"
if $BIN drills check "$OUT/orgs.yaml" "$OUT/all.csv" --year 2027 --json > "$OUT/check.json"; then
    echo "drills check on records + plan: nothing missed"
else
    echo "drills check on records + plan: MISSED quotas (see $OUT/check.json)"; exit 1
fi
