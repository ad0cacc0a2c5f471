# Two commands do all set-up on a fresh machine:
#   make run    installs GLPK if missing, builds, and plans a shipped county scenario
#   make test   installs GLPK if missing, builds, and runs the whole test suite
SWIFT ?= swift
SCENARIO ?= Scenarios/dehua-typhoon.yaml
OUT ?= out/dehua-typhoon
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libglpk-dev glpk-utils

.PHONY: deps build run test bench bench-locate fuzz clean check-graph

# libglpk-dev for the C API; glpk-utils for glpsol, which the tests use to re-solve exported models.
deps:
	@missing=""; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	command -v glpsol >/dev/null 2>&1 || missing="$$missing glpk-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@# openpyxl writes the workbooks the spreadsheet tests read; GDAL's ogrinfo reads plan.geojson in the tests.
	@python3 -c 'import openpyxl' 2>/dev/null || { echo "Installing openpyxl from PyPI..."; \
	  python3 -m pip install -q openpyxl || python3 -m pip install -q --break-system-packages openpyxl \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-openpyxl; }; }
	@command -v ogrinfo >/dev/null 2>&1 || { echo "Installing gdal-bin from Debian's packages..."; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gdal-bin; }

build: deps
	$(SWIFT) build

run: build
	$(SWIFT) run yubei solve $(SCENARIO) --out $(OUT)
	@echo "Plan written to $(OUT)/ (open $(OUT)/report.html in a browser; $(OUT)/plan.json for scripts)."

test: deps check-graph
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Each benchmark builds its own release copy in .build-bench; jq reads yubei's --json output.
# The locate benchmark runs the groups in SECTIONS (cap pmed pcenter capx sscflp; all by
# default), e.g. `make bench-locate SECTIONS=sscflp`; its sscflp group installs scipy from PyPI
# when missing, for HiGHS on the textbook model.
bench: deps
	@command -v jq >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq jq; }
	bash Benchmarks/run.sh

bench-locate: deps
	@command -v jq >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq jq; }
	SECTIONS="$(or $(SECTIONS),cap pmed pcenter capx sscflp)" bash Benchmarks/locate/run.sh

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
