# Top-level Makefile: M3 tiles on an open mesh. `make help` lists the targets.
# Per-block fragments (*/*.mk) add their own targets and append to:
#   TEST_BUILD  - what must be built before the tests run
#   TEST_LISTS  - tests.list files the runner executes (tools/runtests.py)
#   BENCH       - benchmark targets run by `make bench`
.DEFAULT_GOAL := help
SHELL := /bin/bash
.DELETE_ON_ERROR:

B := build
PY := .venv/bin/python
DEPS_STAMP := $(B)/deps/core.ok
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
V ?= 0
ifeq ($(V),1)
Q :=
else
Q := @
endif

TEST_BUILD :=
TEST_LISTS :=
BENCH :=

# Spec-generated files (tools/specgen.py); every block depends on them.
SPEC_SRC := $(wildcard spec/*.toml)
SPEC_STAMP := $(B)/spec.ok
$(SPEC_STAMP): $(SPEC_SRC) tools/specgen.py
	$(Q)python3 tools/specgen.py --check
	@mkdir -p $(dir $@) && touch $@

include tools/tools.mk
include firmware/firmware.mk
include rtl/rtl.mk
include sim/sim.mk
include sw-tests/sw-tests.mk
-include rtl/noc/noc.mk
-include rtl/tcu/tcu.mk
-include kernel/kernel.mk
# before fpga.mk: its rules' prerequisites name SOC_RTL's files when they are read
-include sim/soc/soc.mk
-include fpga/fpga.mk

.PHONY: help deps spec run test bench clean
help:
	@echo "make run            build the simulator and run the main demo"
	@echo "make test           lint, synthesis, spec check, unit and system tests (N passed, N failed)"
	@echo "make sim PROG=sw-tests/hello [ARGS='--trace t.fst --trace-from 0 --trace-to 5000']"
	@echo "                    build one program and run it on the tile simulator"
	@echo "make bench          all benchmarks (tables, CSV, plots, PERF lines in build/bench/)"
	@echo "make lint / synth   Verilator lint / Yosys ECP5 synthesis reports"
	@echo "make soak-noc / soak-tcu   long random runs of the NoC / TCU co-simulation (not in make test)"
	@echo "make bitstream [BOARD=ulx3s|ecpix5] [PROG=sw-tests/hello]   FPGA bitstream + area/Fmax report"
	@echo "make flash [BOARD=ulx3s]   load it with openFPGALoader (fpga/README.md)"
	@echo "make fpga-ooc [BLOCK=tcu_top]   one block's Fmax and critical path on the ECP5 85F (fpga/README.md)"
	@echo "make fpga-seeds [FPGA_SYSTEM=soc] [SEEDS='1 2 3 4']   place and route once per seed: Fmax per seed, the best"
	@echo "make gl-soc                     gate-level check of the 2x2 SoC netlist (kernel boot + TCU test; CI stage, ~30 min)"
	@echo "make deps           install the pinned toolchain (tools/pins.env)"
	@echo "make spec           regenerate the files generated from spec/"
	@echo "make clean          remove build/"
	@echo "V=1 shows full commands."

deps: $(DEPS_STAMP)
$(DEPS_STAMP): tools/pins.env tools/deps.sh
	$(Q)tools/deps.sh core

spec:
	$(Q)python3 tools/specgen.py

run: $(DEPS_STAMP) $(RUN_DEPS)
	$(RUN_CMD)

test: $(DEPS_STAMP)
	$(Q)python3 tools/specgen.py --check
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) $(TEST_BUILD)
	$(Q)python3 tools/runtests.py -j $(JOBS) $(TEST_LISTS)

bench: $(DEPS_STAMP) $(BENCH)

clean:
	rm -rf $(B)
