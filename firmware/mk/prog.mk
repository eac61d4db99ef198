# prog.mk - the one build fragment every firmware program includes.
# A program's Makefile:
#     PROGRAM := hello         # name of the ELF
#     SRCS := hello.c          # its sources (C or .S), relative to its folder
#     include ../../firmware/mk/prog.mk
# Optional: CFLAGS_EXTRA, LDFLAGS_EXTRA, SPM_SIZE (bytes, default from the memory map).
# Output: build/fw/<folder>/<PROGRAM>.elf (+ .lst disassembly, .hex, .size); V=1 shows commands.
FW_TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
FW_REL := $(patsubst $(FW_TOP)/%,%,$(CURDIR))
FW_OUT := $(FW_TOP)/build/fw/$(FW_REL)
FW_LIB := $(FW_TOP)/firmware/lib
CROSS ?= riscv64-unknown-elf-
ifeq ($(V),1)
Q :=
else
Q := @
endif

# USE_RT := 1 links the runtime library (firmware/lib/rt_*.c, rt.h): main runs after
# rt_init with the arguments of the boot image, exit() becomes the EXIT syscall, the stack
# ends below the argument block (BOOT_ENV_ADDR = 0xFE80, 256 bytes) and the standard
# receive buffers (the last KIF_STD_RBUF_SIZE = 128 bytes of the SPM).
ifeq ($(USE_RT),1)
SPM_SIZE ?= 65152
LDFLAGS_EXTRA += -Wl,--wrap=main -Wl,--wrap=_exit
endif

# (a comma for $(if ...) arguments; defined before its first use)
, := ,
FW_ARCH := -march=rv32im -mabi=ilp32 -misa-spec=2.2
FW_CFLAGS := $(FW_ARCH) -std=c11 -Os -g -Wall -Wextra -Werror -ffunction-sections -fdata-sections \
	--specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF -I$(FW_TOP)/firmware/include $(CFLAGS_EXTRA)
FW_LDFLAGS := $(FW_ARCH) --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF -nostartfiles \
	-L$(FW_LIB) -T$(FW_LIB)/link.ld -Wl,--gc-sections -Wl,--no-warn-rwx-segments $(if $(SPM_SIZE),-Wl$(,)--defsym=SPM_SIZE=$(SPM_SIZE)) $(LDFLAGS_EXTRA)

FW_LIBSRC := $(FW_LIB)/crt0.S $(FW_LIB)/tile.c $(FW_LIB)/tile_mem.c $(FW_LIB)/check.c $(FW_LIB)/tcu.c
ifeq ($(USE_RT),1)
FW_LIBSRC += $(FW_LIB)/rt_act.c $(FW_LIB)/rt_elf.c $(FW_LIB)/rt_gate.c $(FW_LIB)/rt_srv.c $(FW_LIB)/rt_start.c $(FW_LIB)/rt_sys.c
endif
FW_OBJS := $(patsubst %,$(FW_OUT)/%.o,$(SRCS)) $(patsubst $(FW_LIB)/%,$(FW_OUT)/lib/%.o,$(FW_LIBSRC))
FW_DEPS := $(FW_OBJS:.o=.d)

.PHONY: all clean
all: $(FW_OUT)/$(PROGRAM).elf

$(FW_OUT)/%.o: % $(MAKEFILE_LIST)
	@mkdir -p $(dir $@)
	@echo "  CC      $(FW_REL)/$<"
	$(Q)$(CROSS)gcc $(FW_CFLAGS) -MMD -MP -c $< -o $@

$(FW_OUT)/lib/%.o: $(FW_LIB)/% $(MAKEFILE_LIST)
	@mkdir -p $(dir $@)
	$(Q)$(CROSS)gcc $(FW_CFLAGS) -MMD -MP -c $< -o $@

# word-wide memset/memcpy: GCC must not turn their loops back into calls of themselves
$(FW_OUT)/lib/tile_mem.c.o: FW_CFLAGS += -fno-tree-loop-distribute-patterns

$(FW_OUT)/$(PROGRAM).elf: $(FW_OBJS) $(FW_LIB)/link.ld $(FW_LIB)/spec_memmap.ld
	@echo "  LD      $(FW_REL)/$(PROGRAM).elf"
	$(Q)$(CROSS)gcc $(FW_LDFLAGS) $(FW_OBJS) -o $@
	$(Q)$(CROSS)objdump -d -S $@ > $(FW_OUT)/$(PROGRAM).lst
	$(Q)$(CROSS)size $@ | tail -1 | awk '{ printf "%s text %s data %s bss %s\n", "$(PROGRAM)", $$1, $$2, $$3 }' > $(FW_OUT)/$(PROGRAM).size

clean:
	rm -rf $(FW_OUT)

-include $(FW_DEPS)
