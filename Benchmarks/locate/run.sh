#!/usr/bin/env bash
# Benchmark of `yubei locate` (release build) on the OR-Library instances and on generated
# p-center instances, side by side with the textbook model of the same problem, written by
# `yubei locate --write-textbook-model` and solved by `glpsol --lp FILE --tmlim LIMIT`.
#
# Usage: Benchmarks/locate/run.sh
# Settings (environment):
#   ORLIB=DIR          OR-Library files and optima.tsv (default: ../shared/data/orlib beside the repo)
#   OUT=DIR            results (default: bench-out/locate); the table is OUT/results.md
#   GLPSOL=none|some|all  which instances also run the textbook model in glpsol (default: some:
#                      cap41, cap71, cap131, pmed1, pmed15, pmed25 and the p-center instances)
#   GLPSOL_LIMIT=120   glpsol's time limit in seconds
#   CAPX_LIMIT=600     yubei's time limit on capa/capb/capc, in seconds
#   PMED_LIMIT=120     yubei's time limit on each pmed instance, in seconds
#   PMED="1 2 …"       which pmed instances (default: 1–40)
#   CAPX="capb_6000 …"  which capa/capb/capc settings, as FILE_CAPACITY (default: all twelve)
#   SECTIONS="cap pmed pcenter capx sscflp"  which groups to run (default: all five)
#   SSCFLP_DATA=DIR    Holmberg's p1–p71 and their optima `os` (default: ../shared/data/sscflp/holmberg)
#   SSCFLP="1 2 …"     which Holmberg instances (default: 1–71)
#   SSCFLP_LIMIT=60    yubei's time limit on each of them, in seconds
#   HIGHS=yes|no       also solve the textbook model with HiGHS (scipy.optimize.milp; scipy is
#                      installed from PyPI when missing) for the ratio (default: yes)
#   HIGHS_LIMIT=60     HiGHS's time limit, in seconds
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ORLIB=${ORLIB:-$ROOT/../shared/data/orlib}
OUT=${OUT:-$ROOT/bench-out/locate}
GLPSOL=${GLPSOL:-some}
GLPSOL_LIMIT=${GLPSOL_LIMIT:-120}
CAPX_LIMIT=${CAPX_LIMIT:-600}
PMED=${PMED:-$(seq 1 40)}
PMED_LIMIT=${PMED_LIMIT:-120}
CAPX=${CAPX:-}
SECTIONS=${SECTIONS:-cap pmed pcenter capx sscflp}
SSCFLP_DATA=${SSCFLP_DATA:-$ROOT/../shared/data/sscflp/holmberg}
SSCFLP=${SSCFLP:-$(seq 1 71)}
SSCFLP_LIMIT=${SSCFLP_LIMIT:-60}
HIGHS=${HIGHS:-yes}
HIGHS_LIMIT=${HIGHS_LIMIT:-60}
section() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if [ "$HIGHS" = yes ] && ! python3 -c "import scipy.optimize, numpy" 2>/dev/null; then
    echo "Installing scipy from PyPI for the HiGHS textbook runs..." >&2
    python3 -m pip install --quiet scipy numpy >&2
fi

if [ ! -f "$ORLIB/optima.tsv" ]; then
    echo "OR-Library data not found in $ORLIB (set ORLIB=DIR)" >&2
    exit 1
fi
command -v jq >/dev/null || { echo "jq is needed to read yubei's --json output" >&2; exit 1; }
mkdir -p "$OUT"

echo "Building yubei (release, scratch path .build-bench)..." >&2
swift build -c release --scratch-path "$ROOT/.build-bench" --product yubei >&2
BIN="$ROOT/.build-bench/release/yubei"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
optimum() { awk -v k="$1" '$1 == k { print $2 }' "$ORLIB/optima.tsv"; }

TABLE="$OUT/results.md"
{
    echo "# yubei locate benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m))"
    echo
    echo "Times are wall-clock seconds of the whole command (reading, shortest paths, solving)."
    echo "glpsol solves the textbook model (x_ij ≤ y_j for p-median, p-center and uflp; capacity rows only for cflp) with --tmlim $GLPSOL_LIMIT."
    echo
    echo "| instance | model | yubei s | status | objective | published | match | glpsol textbook s | glpsol status | glpsol objective |"
    echo "|---|---|---:|---|---:|---:|---|---:|---|---:|"
} > "$TABLE"

PMED_TOTAL=0
PMED_MAX=0
PMED_MISSES=0

# bench NAME MODEL PUBLISHED TEXTBOOK(yes/no) -- yubei locate arguments...
bench() {
    local name=$1 model=$2 published=$3 textbook=$4
    shift 5
    local json="$OUT/$name.json" t0 t1 ours status objective match="" gtime="" gstatus="" gobj=""
    t0=$(now)
    set +e
    "$BIN" locate "$@" --json > "$json" 2> "$OUT/$name.err"
    set -e
    t1=$(now)
    ours=$(elapsed "$t0" "$t1")
    status=$(jq -r '.status' "$json" 2>/dev/null || echo error)
    objective=$(jq -r '.objective' "$json" 2>/dev/null || echo null)
    if [ -n "$published" ] && [ "$objective" != "null" ]; then
        match=$(awk -v a="$objective" -v b="$published" 'BEGIN { d = a - b; if (d < 0) d = -d; print (d <= 0.01 + 1e-9 * b) ? "yes" : "NO" }')
    fi
    if [ "$textbook" = yes ]; then
        local lp="$OUT/$name.lp" sol="$OUT/$name.sol"
        "$BIN" locate "$@" --write-textbook-model "$lp" 2>/dev/null
        t0=$(now)
        set +e
        timeout $((GLPSOL_LIMIT + 120)) glpsol --lp "$lp" --tmlim "$GLPSOL_LIMIT" -o "$sol" > "$OUT/$name.glpsol.log" 2>&1
        set -e
        t1=$(now)
        gtime=$(elapsed "$t0" "$t1")
        gstatus=$(sed -n 's/^Status: *//p' "$sol" 2>/dev/null | head -1)
        gobj=$(sed -n 's/^Objective: *[^=]*= *\([^ ]*\).*/\1/p' "$sol" 2>/dev/null | head -1)
        grep -q "TIME LIMIT EXCEEDED" "$OUT/$name.glpsol.log" && gstatus="time limit; ${gstatus:-none}"
        rm -f "$lp"
    fi
    echo "| $name | $model | $ours | $status | $objective | ${published:-} | $match | $gtime | $gstatus | $gobj |" >> "$TABLE"
    echo "$name: $ours s, $status, $objective (published ${published:-–}) ${gtime:+| glpsol $gtime s $gstatus $gobj}" >&2
    LAST_TIME=$ours
    LAST_MATCH=$match
}

wants_glpsol() {  # wants_glpsol NAME
    case "$GLPSOL" in
        all) echo yes ;;
        none) echo no ;;
        *) case "$1" in cap41|cap71|cap131|pmed1|pmed15|pmed25|pcenter-*) echo yes ;; *) echo no ;; esac ;;
    esac
}

# Capacitated facility location, cap41–cap134 (published optima are the splittable CFLP's).
section cap && for k in 41 42 43 44 51 61 62 63 64 71 72 73 74 81 82 83 84 91 92 93 94 101 102 103 104 111 112 113 114 121 122 123 124 131 132 133 134; do
    name=cap$k
    bench "$name" cflp "$(optimum "$name")" "$(wants_glpsol "$name")" -- --orlib cap "$ORLIB/cap/$name.txt"
done

# p-median, pmed1–pmed40.
section pmed && for k in $PMED; do
    name=pmed$k
    bench "$name" p-median "$(optimum "$name")" "$(wants_glpsol "$name")" -- --orlib pmed "$ORLIB/pmed/$name.txt" --time-limit "$PMED_LIMIT"
    PMED_TOTAL=$(awk -v a="$PMED_TOTAL" -v b="$LAST_TIME" 'BEGIN { printf "%.2f", a + b }')
    PMED_MAX=$(awk -v a="$PMED_MAX" -v b="$LAST_TIME" 'BEGIN { printf "%.2f", (b > a ? b : a) }')
    [ "$LAST_MATCH" = yes ] || PMED_MISSES=$((PMED_MISSES + 1))
done

# p-center on generated instances (seeded): the issue's 500 × 50 baseline and 1,000 × 80.
section pcenter && for size in "500 50 10" "1000 80 10"; do
    set -- $size
    name="pcenter-$1x$2-p$3"
    awk -v N="$1" -v M="$2" -v P="$3" -v SEED=2026 -f "$HERE/pcenter-instance.awk" > "$OUT/$name-problem.json"
    bench "$name" p-center "" "$(wants_glpsol "$name")" -- "$OUT/$name-problem.json"
done

# capa, capb, capc at the capacities of the README (time limit CAPX_LIMIT).
section capx && for spec in "capa 8000 10000 12000 14000" "capb 5000 6000 7000 8000" "capc 5000 5750 6500 7250"; do
    set -- $spec
    file=$1
    shift
    for capacity in "$@"; do
        name="${file}_$capacity"
        [ -z "$CAPX" ] || case " $CAPX " in *" $name "*) ;; *) continue ;; esac
        bench "$name" cflp "$(optimum "$name")" "$( [ "$GLPSOL" = all ] && echo yes || echo no)" -- \
            --orlib cap "$ORLIB/cap/$file.txt" --capacity "$capacity" --time-limit "$CAPX_LIMIT"
    done
done

# Single-source capacitated location, Holmberg, Rönnqvist & Yuan's p1–p71, each beside the
# textbook model on HiGHS (scipy.optimize.milp) in the same run.
if section sscflp; then
    SS_TABLE="$OUT/sscflp.md"
    {
        echo "# sscflp on Holmberg's instances ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
        echo
        echo "yubei: whole command, --time-limit $SSCFLP_LIMIT. HiGHS: textbook model (capacity rows only), scipy.optimize.milp time, limit $HIGHS_LIMIT s."
        echo
        echo "| instance | yubei s | status | objective | published | match | HiGHS s | HiGHS status | HiGHS objective | ratio |"
        echo "|---|---:|---|---:|---:|---|---:|---|---:|---:|"
    } > "$SS_TABLE"
    SS_LINES="$OUT/sscflp.tsv"
    : > "$SS_LINES"
    for k in $SSCFLP; do
        name=p$k
        file="$SSCFLP_DATA/$name"
        published=$(sed -n "${k}p" "$SSCFLP_DATA/os" | tr -d ' \r')
        json="$OUT/sscflp-$name.json"
        t0=$(now)
        set +e
        "$BIN" locate --orlib sscflp "$file" --time-limit "$SSCFLP_LIMIT" --json > "$json" 2> "$OUT/sscflp-$name.err"
        set -e
        t1=$(now)
        ours=$(elapsed "$t0" "$t1")
        status=$(jq -r '.status' "$json" 2>/dev/null || echo error)
        objective=$(jq -r '.objective' "$json" 2>/dev/null || echo null)
        match=$(awk -v a="$objective" -v b="$published" 'BEGIN { if (a == "null") { print "NO"; exit } d = a - b; if (d < 0) d = -d; print (d <= 1e-6 * b) ? "yes" : "NO" }')
        hs="" hstatus="" hobj="" ratio=""
        if [ "$HIGHS" = yes ]; then
            read -r hstatus hobj hs < <(timeout $((HIGHS_LIMIT + 120)) python3 "$HERE/highs_textbook.py" sscflp "$file" --time-limit "$HIGHS_LIMIT" 2>/dev/null || echo "error null 0")
            ratio=$(awk -v a="$ours" -v b="$hs" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
        fi
        echo "| $name | $ours | $status | $objective | $published | $match | $hs | $hstatus | $hobj | $ratio |" >> "$SS_TABLE"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$ours" "$status" "$match" "${hs:-}" "${hstatus:-}" >> "$SS_LINES"
        echo "sscflp $name: $ours s, $status, $objective (published $published, $match)${hs:+ | HiGHS $hs s $hstatus $hobj, ratio $ratio}" >&2
    done
    awk -F'\t' -v limit=10 '
        { n++; t = $2 + 0; if (t < 0.001) t = 0.001; sy += log(t); if ($3 == "optimal" && $4 == "yes") proven++
          if ($4 != "yes") wrong++; if (t > limit) slow++; if (t > worst) { worst = t; worstName = $1 }
          if ($5 != "") { h = $5 + 0; if (h < 0.001) h = 0.001; sh += log(h); hn++; if ($6 == "optimal") hproven++ } }
        END {
            printf "\nsscflp: %d instances; yubei proved %d to the published optimum (%d not at it), %d over %d s, slowest %s %.2f s, geometric mean %.3f s", n, proven, wrong, slow, limit, worstName, worst, exp(sy / n)
            if (hn > 0) printf "; HiGHS textbook proved %d, geometric mean %.3f s; ratio of geometric means %.3f", hproven, exp(sh / hn), exp(sy / n) / exp(sh / hn)
            printf "\n"
        }' "$SS_LINES" | tee -a "$SS_TABLE" >&2
    cat "$SS_TABLE" >> "$TABLE"
fi

section pmed && {
    echo
    echo "pmed: $(echo $PMED | wc -w) instances in $PMED_TOTAL s in all, the slowest $PMED_MAX s; $PMED_MISSES not at the published optimum."
} >> "$TABLE"

cat "$TABLE"
echo "Table written to $TABLE" >&2
