# sim.mk - system simulators (one binary per system top).
include sim/common/verilator.mk

SIM_COMMON_C := sim/common/sim_main.c sim/common/sim_mem.c

# the single processing tile
$(eval $(call VMODEL,sim-tile,tile_top,$$(TILE_VLT) $$(TILE_RTL),sim/tile/tile_top.ports,$(SIM_COMMON_C) sim/tile/tile_sys.c,))
TEST_BUILD += $(sim-tile_BIN)

# unit testbench of the scratchpad (both ports, random traffic, C model)
$(eval $(call VMODEL,spm-tb,tile_spm,rtl/tile/tile_spm.v,sim/tile/tile_spm.ports,sim/tile/spm_tb.c sim/common/sim_mem.c,-GSpmBytes=4096 -GWideB=1))
TEST_BUILD += $(spm-tb_BIN)
TEST_LISTS += sim/tile/tests.list

.PHONY: sim sim-build
sim-build: $(sim-tile_BIN)
# make sim PROG=sw-tests/hello [ARGS=...]: build one program and run it on the tile
sim: $(DEPS_STAMP) $(sim-tile_BIN)
	@test -n "$(PROG)" || { echo "make sim: say which program, e.g. make sim PROG=sw-tests/hello"; exit 2; }
	@test -f "$(PROG)/Makefile" || { echo "make sim: $(PROG)/Makefile not found"; exit 2; }
	$(Q)$(MAKE) --no-print-directory -C $(PROG)
	$(sim-tile_BIN) $(ARGS) $(call FW_ELF,$(PROG))

# bench-tile: CPU-bound firmware on the tile; prints cycles per kernel and the
# simulator's speed (simulated cycles per host second).
.PHONY: bench-tile
BENCH += bench-tile
bench-tile: $(DEPS_STAMP) $(sim-tile_BIN)
	$(Q)$(MAKE) --no-print-directory -C firmware/bench/cpu
	@mkdir -p $(B)/bench
	$(Q)$(sim-tile_BIN) build/fw/firmware/bench/cpu/cpu.elf > $(B)/bench/tile.out 2>&1 || { cat $(B)/bench/tile.out; exit 1; }
	$(Q)sed 's/^\[tile 0\] //' $(B)/bench/tile.out | grep -v '^PERF' ; \
	  sed -n 's/^sim: \([0-9]*\) cycles in .* (\([0-9]*\) cycles\/s)/PERF tile.sim_speed \2 cycles\/s/p' $(B)/bench/tile.out > $(B)/bench/tile.perf; \
	  sed -n 's/^\[tile 0\] \(PERF .*\)/\1/p' $(B)/bench/tile.out >> $(B)/bench/tile.perf
	$(Q)python3 tools/perf.py --config "1 tile, PicoRV32 RV32IM (fast mul, barrel shifter), 64 KiB SPM, Verilator 5.006 -O3 on $$(nproc) host cores" $(B)/bench/tile.perf
