# tcu.mk - the TCU: reference model test, unit testbench, lint and synthesis.
# Included by the top Makefile (after sim/sim.mk, which provides VMODEL).
ifeq ($(origin VMODEL),undefined)
include sim/common/verilator.mk
endif

TCU_RTL := rtl/tcu/tcu_top.v rtl/tcu/tcu_epfile.v rtl/tcu/tcu_cmd.v rtl/tcu/tcu_in.v rtl/tcu/tcu_spm_rd.v rtl/tcu/tcu_spm_wr.v rtl/tcu/tcu_rr_pick.v rtl/tcu/tcu_xfer.v
TCU_MODEL_C := sim/common/tcu_model.c
TCU_MODEL_TEST := $(B)/tcu/tcu_model_test

$(TCU_MODEL_TEST): sim/tcu/tcu_model_test.c $(TCU_MODEL_C) sim/common/tcu_model.h firmware/include/spec/tcu.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(SIM_CFLAGS) $(filter %.c,$^) -o $@

# co-simulation against the model (sim/tcu/tcu_tb.c plays the cores and SPMs):
#   tcu-tb          three TCUs on a behavioural crossbar (forged packets, link stalls)
#   tcu-mesh2x2/3x3 every tile of a 2x2 / 3x3 system on the real NoC (noc_mesh)
# name, tiles, columns, rows, mesh
define TCU_TB
$(B)/sim/$(1)/tcu_tb_top.ports: sim/tcu/ports.sh
	@mkdir -p $$(dir $$@)
	$$(Q)sim/tcu/ports.sh $(2) $(3) $(5) > $$@
$$(eval $$(call VMODEL,$(1),tcu_tb_top,$$(TCU_RTL) $(if $(filter 1,$(5)),$$(NOC_RTL)) sim/tcu/tcu_tb_top.v,$(B)/sim/$(1)/tcu_tb_top.ports,sim/tcu/tcu_tb.c sim/tcu/tcu_flood.c $(TCU_MODEL_C),-GTiles=$(2) -GSizeX=$(3) -GSizeY=$(4) -GMesh=$(5) $(6)))
endef
$(eval $(call TCU_TB,tcu-tb,3,2,2,0))
# on the mesh a WAIT outlasts the kernel's watchdog (512 > CmdTimeout 256), as in the SoC
$(eval $(call TCU_TB,tcu-mesh2x2,4,2,2,1,-GWaitTimeout=512))
$(eval $(call TCU_TB,tcu-mesh3x3,9,3,3,1,-GWaitTimeout=512))

TEST_BUILD += $(TCU_MODEL_TEST) $(tcu-tb_BIN) $(tcu-mesh2x2_BIN) $(tcu-mesh3x3_BIN)
TEST_LISTS += sim/tcu/tests.list

.PHONY: lint-tcu synth-tcu
lint: lint-tcu
synth: synth-tcu
lint-tcu: $(DEPS_STAMP)
	$(Q)tools/lint.sh tcu_top "$(TCU_RTL)"
	$(Q)tools/lint.sh tcu_top "$(TCU_RTL)" -GNumEps=8 -GTileX=1 -GKernelX=0
synth-tcu: $(DEPS_STAMP)
	$(Q)tools/synth.sh tcu_top "$(TCU_RTL)"

# Soak (not in make test): 10x the CI co-simulation, other seeds, plus 10^4 resets (T9).
.PHONY: soak-tcu
soak-tcu: $(DEPS_STAMP) $(tcu-tb_BIN) $(tcu-mesh2x2_BIN) $(tcu-mesh3x3_BIN)
	$(Q)for s in 31 32 33; do \
		echo "soak-tcu: seed $$s"; \
		$(tcu-tb_BIN) -n 100000 -s $$s -x 100 | tail -6 && \
		$(tcu-mesh2x2_BIN) -n 300000 -s $$s -x 100 | tail -6 && \
		$(tcu-mesh3x3_BIN) -n 100000 -s $$s -x 100 | tail -6 || exit 1; \
	done
	$(Q)$(tcu-mesh2x2_BIN) -n 40000 -s 34 -r 4 | grep '^T9\|tcu_tb:'

# T6 flooding figures (victim round trip alone / under 6 attackers) for make bench
.PHONY: bench-tcu-flood
BENCH += bench-tcu-flood
bench-tcu-flood: $(DEPS_STAMP) $(tcu-mesh3x3_BIN)
	@mkdir -p $(B)/bench
	$(Q)$(tcu-mesh3x3_BIN) -F 1000000 -p 0 > $(B)/bench/tcu-flood.out || { cat $(B)/bench/tcu-flood.out; exit 1; }
	$(Q)grep '^  \|^T6' $(B)/bench/tcu-flood.out
	$(Q)python3 tools/perf.py --config "3x3 TCU mesh (tcu_tb -F), server tile 4 (16 slots), victim tile 1 (1 credit), 6 attackers (2 credits each), 10^6 cycles, no link stalls" $(B)/bench/tcu-flood.out

# Proofs T1-T4 (rtl/tcu/formal/README.md), not in make test: each row needs tens of
# minutes of CPU (a model, pdr and k-induction per assertion, bmc3, covers).
# formal-tcu: pdr 20 s per assertion, else 2-induction, else bmc3 depth 16; every cover;
# each row's mutant must fail. formal-tcu-long: pdr 120 s, 4-induction, bmc3 depth 40.
.PHONY: formal-tcu formal-tcu-long
formal-tcu: $(DEPS_STAMP)
	$(Q)FORMAL_PDR_S=20 python3 tools/runtests.py -j $(JOBS) -k tcu-formal rtl/tcu/formal/tests.list
formal-tcu-long: $(DEPS_STAMP)
	$(Q)FORMAL_PDR_S=120 FORMAL_IND_K=4 FORMAL_IND_S=600 FORMAL_BMC_DEPTH=40 FORMAL_COVER_DEPTH=30 \
		python3 tools/runtests.py -j $(JOBS) -k tcu-formal rtl/tcu/formal/tests.list
