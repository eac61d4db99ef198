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
