#!/bin/sh
# Linear reading of big inputs (issue 10): a 15 MB locate JSON (goal: read in under 3 s) and
# 1,000,000 drill records, valid and all invalid (goal: each under 30 s and 1 GiB).
#
#   Benchmarks/hostile/run.sh
#
# The locate problem is given p = 0, so that the command reads and checks the whole file, reports
# the one error and exits 65 without solving: the time is the time to read. Release build in
# .build-bench (shared scratch path for benchmarks); /usr/bin/time gives wall time and peak memory.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${BENCH_OUT:-/tmp/yubei-hostile-bench}
cd "$ROOT"
swift build -c release --scratch-path .build-bench --product yubei >/dev/null
python3 Benchmarks/hostile/generate.py "$OUT"
sed 's/"p": 5,/"p": 0,/' "$OUT/locate-15mb.json" > "$OUT/locate-15mb-read.json"
BIN=$ROOT/.build-bench/release/yubei
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
measure() { # label, expected status, command...
    label=$1; want=$2; shift 2
    set +e
    "$TIME" -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt"
    status=$?
    set -e
    read -r seconds kb < "$OUT/time.txt" || true
    seconds=$(tail -1 "$OUT/time.txt" | cut -d' ' -f1); kb=$(tail -1 "$OUT/time.txt" | cut -d' ' -f2)
    errors=$(grep -c ': error: ' "$OUT/stderr.txt" || true)
    echo "$label: ${seconds} s wall, $((kb / 1024)) MiB peak, exit $status (expected $want), $errors error lines"
}
ls -l "$OUT/locate-15mb-read.json" | awk '{printf "locate JSON: %.1f MB\n", $5 / 1e6}'
measure "read 15 MB locate JSON" 65 "$BIN" locate "$OUT/locate-15mb-read.json"
measure "drills check, 1,000,000 valid records" 0 "$BIN" drills check "$OUT/orgs.yaml" "$OUT/records-valid.csv" --year 2026 --json
measure "drills check, 1,000,000 invalid records" 65 "$BIN" drills check "$OUT/orgs.yaml" "$OUT/records-invalid.csv" --year 2026 --json
