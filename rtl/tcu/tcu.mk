# tcu.mk - the TCU: reference model test, unit testbench, lint and synthesis.
# Included by the top Makefile (after sim/sim.mk, which provides VMODEL).
ifeq ($(origin VMODEL),undefined)
include sim/common/verilator.mk
endif

TCU_RTL := rtl/tcu/tcu_top.v rtl/tcu/tcu_cmd.v rtl/tcu/tcu_in.v rtl/tcu/tcu_spm_rd.v rtl/tcu/tcu_spm_wr.v rtl/tcu/tcu_rr_pick.v rtl/tcu/tcu_xfer.v
TCU_MODEL_C := sim/common/tcu_model.c
TCU_MODEL_TEST := $(B)/tcu/tcu_model_test

$(TCU_MODEL_TEST): sim/tcu/tcu_model_test.c $(TCU_MODEL_C) sim/common/tcu_model.h firmware/include/spec/tcu.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(SIM_CFLAGS) $(filter %.c,$^) -o $@

# unit testbench: three TCUs, C cores / SPMs / crossbar, checked against the model
$(eval $(call VMODEL,tcu-tb,tcu_tb_top,$$(TCU_RTL) sim/tcu/tcu_tb_top.v,sim/tcu/tcu_tb_top.ports,sim/tcu/tcu_tb.c $(TCU_MODEL_C),))

TEST_BUILD += $(TCU_MODEL_TEST) $(tcu-tb_BIN)
TEST_LISTS += sim/tcu/tests.list

.PHONY: lint-tcu synth-tcu
lint: lint-tcu
synth: synth-tcu
lint-tcu: $(DEPS_STAMP)
	$(Q)tools/lint.sh tcu_top "$(TCU_RTL)"
	$(Q)tools/lint.sh tcu_top "$(TCU_RTL)" -GNumEps=8 -GTileX=1 -GKernelX=0
synth-tcu: $(DEPS_STAMP)
	$(Q)tools/synth.sh tcu_top "$(TCU_RTL)"
