#!/usr/bin/env bash
# `make bench`: every benchmark of the project, one after the other.
#   Benchmarks/locate/run.sh   classic location models against OR-Library optima and glpsol
#   Benchmarks/siting/run.sh   county and province siting scenarios (when present)
#   Benchmarks/drills/run.sh   drill checks and plans (when present)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
status=0
for bench in locate siting drills hostile; do
    script="$HERE/$bench/run.sh"
    if [ -f "$script" ]; then
        echo "== $bench ==" >&2
        bash "$script" || { echo "$bench benchmark failed" >&2; status=1; }
    fi
done
exit $status
