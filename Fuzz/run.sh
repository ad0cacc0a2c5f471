#!/bin/sh
# Builds the libFuzzer target (YubeiCore's YAML/JSON and CSV readers, instrumented) with
# `swiftc -sanitize=fuzzer` and runs it for FUZZ_SECONDS (default 120) on the seed corpus of
# shipped scenarios, rule packs, calendars and CSV files. Skips with a note when the toolchain
# has no libFuzzer.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SECONDS_TO_RUN=${FUZZ_SECONDS:-120}
OUT=${FUZZ_OUT:-.build/fuzz}
mkdir -p "$OUT/corpus" "$OUT/crashes"
swift build --target YubeiCore >/dev/null 2>&1
BUILD=.build/debug
YAMS=.build/checkouts/Yams/Sources
# YubeiCore reads workbooks through YubeiSpreadsheet (ZIPFoundation, whose CZlib module wraps zlib,
# and SWXMLHash): their modules and objects come from the debug build, uninstrumented.
CZLIB=.build/checkouts/ZIPFoundation/Sources/CZLib
if ! swiftc -sanitize=fuzzer -parse-as-library -module-name YubeiCore -swift-version 6 -Onone -g \
      -I "$BUILD/Modules" -Xcc -fmodule-map-file="$YAMS/CYaml/include/module.modulemap" -Xcc -I"$YAMS/CYaml/include" \
      -Xcc -fmodule-map-file="$CZLIB/module.modulemap" -Xcc -I"$CZLIB" \
      Sources/YubeiCore/*.swift Sources/YubeiCore/*/*.swift Fuzz/YAMLCSVFuzzer.swift \
      "$BUILD"/Yams.build/*.o "$BUILD"/CYaml.build/src/*.o "$BUILD"/HeapModule.build/*.o \
      "$BUILD"/InternalCollectionsUtilities.build/*.o \
      "$BUILD"/YubeiSpreadsheet.build/*.o "$BUILD"/ZIPFoundation.build/*.o "$BUILD"/SWXMLHash.build/*.o -lz \
      -o "$OUT/yaml-csv-fuzzer" 2>"$OUT/build.log"; then
    echo "libFuzzer target: does not build with this toolchain (see $OUT/build.log); skipped"
    tail -5 "$OUT/build.log"
    exit 0
fi
cp Scenarios/*.yaml Scenarios/*.csv Sources/YubeiDrills/Resources/rules/*.yaml \
   Sources/YubeiDrills/Resources/calendars/*.yaml Examples/drills/* "$OUT/corpus/" 2>/dev/null || true
"$OUT/yaml-csv-fuzzer" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$OUT/crashes/" "$OUT/corpus" 2>&1 | tail -15
