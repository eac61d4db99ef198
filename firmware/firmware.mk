# firmware.mk - helpers for building firmware programs from the top level.
# $(call FW_ELF,dir) -> the ELF a program folder builds
FW_ELF = build/fw/$(1)/$(shell sed -n 's/^PROGRAM *:= *//p' $(1)/Makefile).elf
