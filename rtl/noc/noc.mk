# noc.mk - the network-on-chip: lint, synthesis, proofs, unit testbench,
# benchmark and soak. Included by the top Makefile (after sim/sim.mk).
ifeq ($(origin VMODEL),undefined)
include sim/common/verilator.mk
endif

NOC_RTL := rtl/cmn/cmn_skid.v rtl/noc/noc_router.v rtl/noc/noc_ni.v rtl/noc/noc_net.v \
	rtl/noc/noc_mesh.v
NOC_TB_C := sim/noc/noc_tb.c

# One simulator per mesh configuration: name, SizeX, SizeY, FlitW.
# The ports file is named after the configuration, so a changed size rebuilds.
define NOC_SIM
$(B)/sim/$(1)/noc_mesh_$(2)x$(3)w$(4).ports: sim/noc/noc_ports.sh
	@mkdir -p $$(dir $$@)
	$$(Q)sim/noc/noc_ports.sh $(2) $(3) $(4) > $$@
$$(eval $$(call VMODEL,$(1),noc_mesh,$(5),$(B)/sim/$(1)/noc_mesh_$(2)x$(3)w$(4).ports,$(NOC_TB_C),-GSizeX=$(2) -GSizeY=$(3) -GFlitW=$(4)))
endef
$(eval $(call NOC_SIM,noc-1x2,1,2,64,$(NOC_RTL)))
$(eval $(call NOC_SIM,noc-3x2,3,2,32,$(NOC_RTL)))
$(eval $(call NOC_SIM,noc-4x4,4,4,64,$(NOC_RTL)))

# The broken-router experiment, kept as a test: a router that acknowledges a
# flit even when its output buffer is full (so the flit is dropped) must make
# the testbench fail.
NOC_MUT_DIR := $(B)/noc-mutant
$(NOC_MUT_DIR)/noc_router.v: rtl/noc/noc_router.v
	@mkdir -p $(dir $@)
	$(Q)sed 's/assign grants\[o\] = gnt_oi\[o\*PORTS + i\] && sk_ready\[o\];/assign grants[o] = gnt_oi[o*PORTS + i];/' $< > $@
	$(Q)! cmp -s $< $@ || { echo "noc-mutant: the mutation no longer applies"; rm -f $@; exit 1; }
$(eval $(call NOC_SIM,noc-mutant,1,2,64,$(filter-out rtl/noc/noc_router.v,$(NOC_RTL)) $(NOC_MUT_DIR)/noc_router.v))

NOC_SIMS := $(noc-1x2_BIN) $(noc-3x2_BIN) $(noc-4x4_BIN) $(noc-mutant_BIN)
TEST_BUILD += $(NOC_SIMS)
TEST_LISTS += rtl/noc/tests.list

.PHONY: lint-noc synth-noc formal-noc bench-noc soak-noc
lint: lint-noc
synth: synth-noc
lint-noc: $(DEPS_STAMP)
	$(Q)python3 tools/runtests.py -j $(JOBS) -k noc-lint rtl/noc/tests.list
synth-noc: $(DEPS_STAMP)
	$(Q)python3 tools/runtests.py -j $(JOBS) -k noc-synth rtl/noc/tests.list
formal-noc: $(DEPS_STAMP)
	$(Q)python3 tools/runtests.py -j $(JOBS) -k noc-formal rtl/noc/tests.list

# Benchmark: table, PERF lines, build/bench/noc.json (tools/perf.py), CSV, PNG.
BENCH += bench-noc
bench-noc: $(DEPS_STAMP) $(noc-4x4_BIN)
	@mkdir -p $(B)/bench
	$(Q)$(noc-4x4_BIN) --bench $(B)/bench > $(B)/bench/noc.txt || { cat $(B)/bench/noc.txt; exit 1; }
	$(Q)grep -v '^PERF' $(B)/bench/noc.txt
	$(Q)python3 tools/perf.py --config "noc_mesh 4x4, FlitW 64, REQ network, 4-flit packets" \
		$(B)/bench/noc.txt
	$(Q)gnuplot -e "dir='$(B)/bench'" sim/noc/noc_bench.gp
	@echo "bench-noc: wrote $(B)/bench/noc.json, noc_load.csv, noc_hops.csv, noc_latency.png"

# Soak: 10x the CI packet count on every configuration, three other seeds.
soak-noc: $(DEPS_STAMP) $(noc-1x2_BIN) $(noc-3x2_BIN) $(noc-4x4_BIN)
	$(Q)for s in 11 12 13; do \
		$(noc-1x2_BIN) --seed $$s --packets 1500000 && \
		$(noc-3x2_BIN) --seed $$s --packets 3000000 && \
		$(noc-4x4_BIN) --seed $$s --packets 5500000 || exit 1; \
	done
