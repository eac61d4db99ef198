# kernel.mk - the kernel's hardware-independent core: host tests, fuzzer, rv32 check.
# Included by the top Makefile. Targets:
#   $(KT_BINS)          host tests (gcc, ASan + UBSan), run by kernel/tests/tests.list
#   kernel-rv32         compile every kernel source with the firmware flags + static stack check
#   fuzz-kernel         long libFuzzer run of syscall decode + dispatch (FUZZ_RUNS, default 10^7)
#   kernel-long         K2 property test with 10x the sequences of make test
#   kernel-tile         the kernel for the kernel tile (2x2 and 3x3 builds), kernel/tile/README.md
#   boot-images         build/boot/*.img from boot/*.cfg (tools/mkboot.py)
#   bench-kernel        kernel.syscall_noop, kernel.ipc_rtt_8B, capability and activity costs (PERF lines)
#   test-kernel-3x3     the demo of make run as a test (builds the 3x3 simulator)
KERNEL_SRC := $(addprefix kernel/,act.c cap.c kcheck.c kern.c kif.c kobj.c plat.c srv.c sys.c)
KERNEL_HDR := $(wildcard kernel/*.h) firmware/include/spec/kif.h firmware/include/spec/tcu.h
KT_DIR := $(B)/kernel
KT_SUPPORT := kernel/tests/ktest.c kernel/tests/ktest.h
KT_CFLAGS := -std=c11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -D_GNU_SOURCE -Ikernel -Ikernel/tests -Ifirmware/include
# pools for the deep-tree tests: chains and fans of 10 000 capabilities
KT_BIG := -DKCFG_MAX_CAPS=40000 -DKCFG_MAX_OBJS=24000 -DKCFG_SELS=12000

$(KT_DIR)/test_sys: kernel/tests/test_sys.c $(KT_SUPPORT) $(KERNEL_SRC) $(KERNEL_HDR) $(SPEC_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(KT_CFLAGS) $(filter %.c,$^) -o $@

# -O2: the K2 run checks every invariant after each of its 10^6 steps
$(KT_DIR)/test_prop: kernel/tests/test_prop.c $(KT_SUPPORT) $(KERNEL_SRC) $(KERNEL_HDR) $(SPEC_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(KT_CFLAGS) -O2 $(filter %.c,$^) -o $@

$(KT_DIR)/test_deep: kernel/tests/test_deep.c $(KT_SUPPORT) $(KERNEL_SRC) $(KERNEL_HDR) $(SPEC_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(KT_CFLAGS) $(KT_BIG) -pthread $(filter %.c,$^) -o $@

# libFuzzer target: clang-14 (tools/pins.env)
$(KT_DIR)/fuzz_sys: kernel/tests/fuzz_sys.c $(KT_SUPPORT) $(KERNEL_SRC) $(KERNEL_HDR) $(SPEC_STAMP) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CLANG   $@"
	$(Q)clang-14 -std=c11 -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -D_GNU_SOURCE -Ikernel -Ikernel/tests -Ifirmware/include \
		$(filter %.c,$^) -o $@

# seed corpus: one valid input per syscall (opcodes from spec/kif.h)
KT_SEEDS := $(KT_DIR)/fuzz-seeds/.ok
$(KT_SEEDS): kernel/tests/fuzz_seeds.py firmware/include/spec/kif.h
	$(Q)python3 $< $(dir $@) >/dev/null
	@touch $@

# rv32: every source through firmware/mk/prog.mk's object rule (the firmware flags),
# with the call graph for the static stack check (kernel/tests/kstack.py)
KRV_DIR := $(B)/fw/kernel
KRV_OBJS := $(patsubst kernel/%.c,$(KRV_DIR)/%.c.o,$(KERNEL_SRC))
KRV_STAMP := $(KT_DIR)/rv32.ok
$(KRV_STAMP): $(KERNEL_SRC) $(KERNEL_HDR) firmware/mk/prog.mk $(SPEC_STAMP) $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(MAKE) --no-print-directory -C kernel -f ../firmware/mk/prog.mk PROGRAM=kernel \
		SRCS="$(notdir $(KERNEL_SRC))" CFLAGS_EXTRA="-fstack-usage -fcallgraph-info=su" $(abspath $(KRV_OBJS))
	@touch $@

# the checker must find recursion when there is some (kernel/tests/kstack_neg.c)
KRV_NEG := $(KT_DIR)/kstack-neg/kstack_neg.c.o
$(KRV_NEG): kernel/tests/kstack_neg.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -misa-spec=2.2 --specs=picolibc.specs -std=c11 -Os \
		-fcallgraph-info=su -c $< -o $@

.PHONY: kernel-rv32 fuzz-kernel kernel-long
kernel-rv32: $(KRV_STAMP) $(KRV_NEG)
	$(Q)python3 tools/runtests.py -k kernel/rv32 kernel/tests/tests.list

# the long run keeps its corpus in build/kernel/corpus; crashes go to build/kernel/fuzz-crash-*
FUZZ_RUNS ?= 10000000
fuzz-kernel: $(KT_DIR)/fuzz_sys $(KT_SEEDS)
	@mkdir -p $(KT_DIR)/corpus
	$(KT_DIR)/fuzz_sys -runs=$(FUZZ_RUNS) -max_len=1024 -print_final_stats=1 \
		-artifact_prefix=$(KT_DIR)/fuzz-crash- $(KT_DIR)/corpus $(KT_DIR)/fuzz-seeds

kernel-long: $(KT_DIR)/test_prop
	$(KT_DIR)/test_prop 100000 100

TEST_BUILD += $(KT_DIR)/test_sys $(KT_DIR)/test_prop $(KT_DIR)/test_deep $(KT_DIR)/fuzz_sys $(KT_SEEDS) \
	$(KRV_STAMP) $(KRV_NEG)
TEST_LISTS += kernel/tests/tests.list

# The kernel on the kernel tile (kernel/tile: kmain + TCU glue + the core above), for the
# 2x2 and the 3x3 SoC; system tests in sim/soc/tests.list (soc2x2/kern-*).
KTILE_ELF := $(B)/fw/kernel/tile/kernel.elf
KTILE3_ELF := $(B)/fw/kernel/tile/3x3/kernel.elf
.PHONY: kernel-tile
kernel-tile: $(DEPS_STAMP) $(SPEC_STAMP)
	$(Q)$(MAKE) --no-print-directory -C kernel/tile
	$(Q)$(MAKE) --no-print-directory -C kernel/tile/3x3
TEST_BUILD += kernel-tile

# bench-kernel: noop syscall round trip (median of 1000) from root on tile 1 of the 2x2 SoC, and
# the 8-byte ping-pong between tiles 1 and 2 through the runtime API versus raw TCU commands;
# kern-bench2 (booted from build/boot/bench-kernel2x2.img): median of 100 of each capability
# operation and of an activity's create + load + start + wait on tile 2 (PERF kernel.<op>); the
# boot of build/boot/test2x2.img, kernel start to its exit (PERF kernel.boot_test2x2)
.PHONY: bench-kernel
BENCH += bench-kernel
KB_IPC := 1:$(B)/fw/sw-tests/kern-ipc/kern-ipc.elf 2:$(B)/fw/sw-tests/kern-ipc/pong/kern-pong.elf
bench-kernel: kernel-tile sw-tests/kern-bench sw-tests/kern-ipc sw-tests/kern-ipc/pong $(B)/sim/sim-soc2x2/sim-soc2x2 \
		$(B)/boot/bench-kernel2x2.img $(B)/boot/test2x2.img
	@mkdir -p $(B)/bench
	$(Q)$(sim-soc2x2_BIN) $(KTILE_ELF) 1:$(B)/fw/sw-tests/kern-bench/kern-bench.elf > $(B)/bench/kernel.out 2>&1 \
		|| { cat $(B)/bench/kernel.out; exit 1; }
	$(Q)$(sim-soc2x2_BIN) $(KTILE_ELF) $(KB_IPC) >> $(B)/bench/kernel.out 2>&1 || { cat $(B)/bench/kernel.out; exit 1; }
	$(Q)$(sim-soc2x2_BIN) --boot $(B)/boot/bench-kernel2x2.img >> $(B)/bench/kernel.out 2>&1 \
		|| { cat $(B)/bench/kernel.out; exit 1; }
	$(Q)$(sim-soc2x2_BIN) --boot $(B)/boot/test2x2.img > $(B)/bench/kernel-boot.out 2>&1 \
		|| { cat $(B)/bench/kernel-boot.out; exit 1; }
	$(Q)grep -e 'round trip' -e 'kern-bench2: ' $(B)/bench/kernel.out
	$(Q)grep -e 'root exited' -e '^sim: ' $(B)/bench/kernel-boot.out
	$(Q){ sed -n -e 's/.*noop syscall round trip over \([0-9]*\) calls: min \([0-9]*\) median \([0-9]*\) max \([0-9]*\) cycles/PERF kernel.syscall_noop \3 cycles\nPERF kernel.syscall_noop_min \2 cycles\nPERF kernel.syscall_noop_max \4 cycles/p' \
		-e 's/.*runtime API round trip median \([0-9]*\) cycles (min [0-9]*), raw TCU median \([0-9]*\) cycles (min [0-9]*), runtime\/raw \([0-9]*\) %/PERF kernel.ipc_rtt_8B \1 cycles\nPERF kernel.ipc_rtt_8B_raw \2 cycles\nPERF kernel.ipc_rtt_8B_ratio \3 percent/p' \
		-e 's/.*kern-bench2: \([a-z_]*\) *[0-9]* calls: min *[0-9]* median *\([0-9]*\) max *[0-9]* cycles/PERF kernel.\1 \2 cycles/p' \
		$(B)/bench/kernel.out; \
	  sed -n 's/^sim: \([0-9]*\) cycles in .*/PERF kernel.boot_test2x2 \1 cycles/p' $(B)/bench/kernel-boot.out; } | python3 tools/perf.py --config "2x2 SoC, kernel on tile 0, caller on tile 1 (pong / children on tile 2), 1000 noops / 200 ping-pongs / 100 of each kern-bench2 operation, boot of test2x2.img (kernel, root, echo)"

# Boot images (tools/mkboot.py, layout spec/boot.toml) from the configurations in boot/;
# the 3x3 ones use the 3x3 kernel. The simulator loads one with --boot.
BOOT_DIR := $(B)/boot
BOOT_CFGS := $(wildcard boot/*.cfg)
BOOT_IMGS := $(patsubst boot/%.cfg,$(BOOT_DIR)/%.img,$(BOOT_CFGS))
BOOT_ELFS := kernel-tile kernel-root sw-tests/kern-boot sw-tests/kern-demo/store sw-tests/kern-demo/client \
	sw-tests/kern-bench2 sw-tests/kern-bench2/nop sw-tests/kern-crash sw-tests/kern-crash/child
.PHONY: kernel-root boot-images
kernel-root: $(DEPS_STAMP) $(SPEC_STAMP)
	$(Q)$(MAKE) --no-print-directory -C kernel/tile/root
# K6 inputs: a cut ELF (header fine, segments past its end) and a data file larger than the memory tile
$(BOOT_DIR)/trunc.elf: kernel-root
	@mkdir -p $(dir $@)
	$(Q)head -c 600 $(B)/fw/kernel/tile/root/root.elf > $@
$(BOOT_DIR)/big.bin:
	@mkdir -p $(dir $@)
	$(Q)head -c 1100000 /dev/zero > $@
$(BOOT_DIR)/%.img: boot/%.cfg tools/mkboot.py spec/boot.toml $(BOOT_ELFS) $(BOOT_DIR)/trunc.elf $(BOOT_DIR)/big.bin
	$(Q)python3 tools/mkboot.py $< -o $@
boot-images: $(BOOT_IMGS)

# K6 on the host: the shared ELF loader against malformed images
$(KT_DIR)/test_elf: kernel/tile/tests/test_elf.c firmware/lib/rt_elf.c firmware/include/rt_elf.h $(SPEC_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)gcc $(KT_CFLAGS) kernel/tile/tests/test_elf.c firmware/lib/rt_elf.c -o $@

TEST_BUILD += kernel-root boot-images $(KT_DIR)/test_elf
TEST_LISTS += kernel/tile/tests.list

# make run: the demo, booted from boot/demo3x3.cfg on the 3x3 SoC (kernel, memory tile, seven
# processing tiles: root, the store service, two clients, three echo programs).
SIM3X3 := $(B)/sim/sim-soc3x3/sim-soc3x3
RUN_DEPS := $(SIM3X3) $(BOOT_DIR)/demo3x3.img
RUN_CMD := $(SIM3X3) --boot $(BOOT_DIR)/demo3x3.img 2>&1 | python3 kernel/tile/summary.py

# the demo as a test (3x3 simulator: on demand, so not part of make test)
.PHONY: test-kernel-3x3
test-kernel-3x3: $(SIM3X3) $(BOOT_DIR)/demo3x3.img
	$(Q)python3 tools/runtests.py kernel/tile/tests-3x3.list
