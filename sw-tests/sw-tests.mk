# sw-tests.mk - firmware tests that run on the simulated tile.
SW_TESTS := $(patsubst %/Makefile,%,$(wildcard sw-tests/*/Makefile sw-tests/*/*/Makefile))
SW_ELFS := $(foreach t,$(SW_TESTS),$(call FW_ELF,$(t)))

.PHONY: sw-tests $(SW_TESTS)
sw-tests: $(SW_TESTS)
$(SW_TESTS): $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory -C $@
TEST_BUILD += sw-tests
TEST_LISTS += sw-tests/tests.list

RUN_DEPS += $(sim-tile_BIN) sw-tests/hello
RUN_CMD ?= $(sim-tile_BIN) build/fw/sw-tests/hello/hello.elf
