# sim.mk - system simulators (one binary per system top).
include sim/common/verilator.mk

SIM_COMMON_C := sim/common/sim_main.c sim/common/sim_mem.c

# the single processing tile
$(eval $(call VMODEL,sim-tile,tile_top,$$(TILE_VLT) $$(TILE_RTL),sim/tile/tile_top.ports,$(SIM_COMMON_C) sim/tile/tile_sys.c,))
TEST_BUILD += $(sim-tile_BIN)

.PHONY: sim sim-build
sim-build: $(sim-tile_BIN)
# make sim PROG=sw-tests/hello [ARGS=...]: build one program and run it on the tile
sim: $(DEPS_STAMP) $(sim-tile_BIN)
	@test -n "$(PROG)" || { echo "make sim: say which program, e.g. make sim PROG=sw-tests/hello"; exit 2; }
	@test -f "$(PROG)/Makefile" || { echo "make sim: $(PROG)/Makefile not found"; exit 2; }
	$(Q)$(MAKE) --no-print-directory -C $(PROG)
	$(sim-tile_BIN) $(ARGS) $(call FW_ELF,$(PROG))
