# soc.mk - the SoC (rtl/soc/soc_top.v) and its simulators, one per configuration.
# Included by the top Makefile after the TCU and NoC fragments (it uses their file lists).
SOC_RTL = $(TILE_VLT) $(TILE_RTL) rtl/tile/tile_proc.v rtl/mem/mem_tile.v $(TCU_RTL) $(NOC_RTL) rtl/soc/soc_top.v

# name, SizeX, SizeY
define SOC_SIM
$(B)/sim/$(1)/soc_top_$(2)x$(3).ports: sim/soc/ports.sh
	@mkdir -p $$(dir $$@)
	$$(Q)sim/soc/ports.sh $$$$(($(2) * $(3))) > $$@
$$(eval $$(call VMODEL,$(1),soc_top,$$(SOC_RTL),$(B)/sim/$(1)/soc_top_$(2)x$(3).ports,$(SIM_COMMON_C) sim/soc/soc_sys.c,-GSizeX=$(2) -GSizeY=$(3)))
endef
$(eval $(call SOC_SIM,sim-soc2x2,2,2))
$(eval $(call SOC_SIM,sim-soc3x3,3,3))

.PHONY: lint-soc synth-soc
lint: lint-soc
synth: synth-soc
lint-soc: $(DEPS_STAMP)
	$(Q)tools/lint.sh soc_top "$(SOC_RTL)"
	$(Q)tools/lint.sh soc_top "$(SOC_RTL)" -GSizeX=3 -GSizeY=3 -GMemX=1 -GMemY=1
synth-soc: $(DEPS_STAMP)
	$(Q)tools/synth.sh soc_top "$(filter %.v,$(SOC_RTL))" -set MemBytes 65536

# the 3x3 simulator builds on demand (make build/sim/sim-soc3x3/sim-soc3x3); make
# test lints the 3x3 configuration and runs the 2x2 one
TEST_BUILD += $(sim-soc2x2_BIN)
TEST_LISTS += sim/soc/tests.list

# bench-tcu: software-visible round trip (8 B message + 8 B reply) between the
# two processing tiles of the 2x2 SoC (tile 1 at (1,0), tile 2 at (0,1): 2 hops).
.PHONY: bench-tcu
BENCH += bench-tcu
PP := build/fw/sw-tests/tcu-pingpong
bench-tcu: $(DEPS_STAMP) $(sim-soc2x2_BIN) sw-tests
	@mkdir -p $(B)/bench
	$(Q)$(sim-soc2x2_BIN) --main-tile 1 $(PP)/pp-kernel.elf 1:$(PP)/ping/ping.elf 2:$(PP)/pong/pong.elf > $(B)/bench/tcu.out 2>&1 || { cat $(B)/bench/tcu.out; exit 1; }
	$(Q)grep 'round trip' $(B)/bench/tcu.out
	$(Q)sed -n 's/.*ping: \([0-9]*\) rounds, 8 B + 8 B, round trip min \([0-9]*\) median \([0-9]*\) max \([0-9]*\) cycles/PERF tcu.rtt_8B_2hop \3 cycles\nPERF tcu.rtt_8B_2hop_min \2 cycles\nPERF tcu.rtt_8B_2hop_max \4 cycles/p' $(B)/bench/tcu.out \
	  | python3 tools/perf.py --config "2x2 SoC, PicoRV32 tiles (1,0) <-> (0,1), 2 NoC hops, 200 rounds, software-visible (tcu_send + tcu_wait / tcu_wait + tcu_reply)"
