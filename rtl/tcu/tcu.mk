# tcu.mk - the TCU: reference model test, unit testbench, lint and synthesis.
# Included by the top Makefile (after sim/sim.mk, which provides VMODEL).
ifeq ($(origin VMODEL),undefined)
include sim/common/verilator.mk
endif

TCU_MODEL_C := sim/common/tcu_model.c
TCU_MODEL_TEST := $(B)/tcu/tcu_model_test

$(TCU_MODEL_TEST): sim/tcu/tcu_model_test.c $(TCU_MODEL_C) sim/common/tcu_model.h firmware/include/spec/tcu.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(SIM_CFLAGS) $(filter %.c,$^) -o $@

TEST_BUILD += $(TCU_MODEL_TEST)
TEST_LISTS += sim/tcu/tests.list
