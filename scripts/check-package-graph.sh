#!/usr/bin/env bash
# Checks that each target of Package.swift depends on exactly the modules its sources import
# (Foundation, Testing and the C libraries of the platform aside), and that no source uses
# `@_exported import`. Exit 0 when the graph is honest; otherwise every mismatch is printed.
#
#   scripts/check-package-graph.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if grep -rn '@_exported' Sources Tests --include='*.swift'; then
  echo "error: @_exported import found (each target imports what it uses)" >&2
  exit 1
fi
swift package dump-package | python3 -c '
import json, os, re, sys
package = json.load(sys.stdin)
system = {"Foundation", "Testing", "Glibc", "Darwin", "Dispatch", "XCTest", "FoundationEssentials", "Synchronization"}
pattern = re.compile(r"^\s*(?:@testable\s+)?(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)
bad = 0
for target in package["targets"]:
    if target["type"] == "system":
        continue
    name = target["name"]
    path = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
    imports = set()
    for folder, _, files in os.walk(path):
        for f in files:
            if f.endswith(".swift"):
                imports |= set(pattern.findall(open(os.path.join(folder, f), encoding="utf-8").read()))
    imports -= system
    declared = set()
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        declared.add(value[0])
    for module in sorted(imports - declared):
        print(f"{name}: imports {module} without depending on it"); bad += 1
    for module in sorted(declared - imports):
        print(f"{name}: depends on {module} without importing it"); bad += 1
sys.exit(1 if bad else 0)
'
echo "package graph: every target depends on exactly what it imports"
