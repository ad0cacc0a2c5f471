# Two commands do all set-up on a fresh machine:
#   make run    installs GLPK if missing, builds, and plans a shipped county scenario
#   make test   installs GLPK if missing, builds, and runs the whole test suite
SWIFT ?= swift
SCENARIO ?= Scenarios/dehua-typhoon.yaml
OUT ?= out/dehua-typhoon
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libglpk-dev glpk-utils

.PHONY: deps build run test bench fuzz clean check-graph

# libglpk-dev for the C API; glpk-utils for glpsol, which the tests use to re-solve exported models.
deps:
	@missing=""; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	command -v glpsol >/dev/null 2>&1 || missing="$$missing glpk-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run yubei solve $(SCENARIO) --out $(OUT)
	@echo "Plan written to $(OUT)/ (open $(OUT)/report.html in a browser; $(OUT)/plan.json for scripts)."

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Each benchmark builds its own release copy in .build-bench; jq reads yubei's --json output.
bench: deps
	@command -v jq >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq jq; }
	bash Benchmarks/run.sh

# A longer fuzzing campaign than `make test` runs (YUBEI_FUZZ_COUNT cases per input format), then
# the libFuzzer target for the YAML and CSV readers when this toolchain builds -sanitize=fuzzer.
FUZZ_COUNT ?= 400
FUZZ_SECONDS ?= 120
fuzz: deps
	$(SWIFT) build --build-tests
	YUBEI_FUZZ_COUNT=$(FUZZ_COUNT) $(SWIFT) test --skip-build --filter YubeiHostileInputTests.FuzzTests
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash Fuzz/run.sh

# Each target depends on exactly what it imports; no @_exported import.
check-graph:
	bash scripts/check-package-graph.sh

clean:
	rm -rf .build out
