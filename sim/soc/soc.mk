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

# bench-tcu: the TCU benchmark (sw-tests/tcu-bench): round trip 8 B .. 2 KiB between
# two processing tiles (2x2: (1,0) <-> (0,1), 2 hops; 3x3: (1,0) <-> (2,0), 1 hop, and
# (0,2) <-> (2,0), 4 hops), hardware-only SEND, READ/WRITE bandwidth onto the memory tile.
# Table, CSV, PNG and PERF lines in $(B)/bench/tcu*.
.PHONY: bench-tcu
BENCH += bench-tcu
TB_FW := build/fw/sw-tests/tcu-bench
TB_RUN = { $(1) --quiet --main-tile $(2) $(TB_FW)/$(3).elf $(2):$(TB_FW)/ping/ping.elf $(4):$(TB_FW)/pong/pong.elf \
	> $(B)/bench/tcu-$(5).out 2>&1 || { cat $(B)/bench/tcu-$(5).out; exit 1; }; }
# the three runs are independent simulations: in parallel
bench-tcu: $(DEPS_STAMP) $(sim-soc2x2_BIN) $(sim-soc3x3_BIN) sw-tests
	@mkdir -p $(B)/bench
	$(Q)$(call TB_RUN,$(sim-soc2x2_BIN),1,k2x2/bk-2x2,2,2x2) & a=$$!; \
	  $(call TB_RUN,$(sim-soc3x3_BIN),1,k3x3-1hop/bk-3x3-1hop,2,3x3-1hop) & b=$$!; \
	  $(call TB_RUN,$(sim-soc3x3_BIN),6,k3x3-4hop/bk-3x3-4hop,2,3x3-4hop) & c=$$!; \
	  wait $$a && wait $$b && wait $$c
	$(Q)python3 sw-tests/tcu-bench/report.py $(B)/bench 2x2=$(B)/bench/tcu-2x2.out \
	  3x3-1hop=$(B)/bench/tcu-3x3-1hop.out 3x3-4hop=$(B)/bench/tcu-3x3-4hop.out > $(B)/bench/tcu.txt
	$(Q)grep -v '^PERF' $(B)/bench/tcu.txt
	$(Q)rm -f $(B)/bench/tcu.json
	$(Q)python3 tools/perf.py --config "TCU on the simulated SoC, PicoRV32 tiles; round trip: 1000 rounds after 10 warm-up, software-visible (COMMAND store .. reply visible, lean driver calls), echo from the receive slot; 2x2 (1,0)<->(0,1) 2 hops, 3x3 (1,0)<->(2,0) 1 hop, (0,2)<->(2,0) 4 hops; 2 KiB point = 2032 B (2 KiB slot minus 16 B header); bandwidth: 2x2 tile (1,0) -> memory tile (1,1), 1 hop, median of 5" $(B)/bench/tcu.txt
	$(Q)gnuplot -e "dir='$(B)/bench'" sw-tests/tcu-bench/tcu_bench.gp
	@echo "bench-tcu: wrote $(B)/bench/tcu.json, tcu_rtt.csv, tcu_bw.csv, tcu_bench.png"
