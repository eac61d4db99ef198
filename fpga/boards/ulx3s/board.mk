# ULX3S: nextpnr device options by DEVICE (12F, 25F, 45F, 85F; default 85F).
DEVICE ?= 85F
BOARD_DEVICES := 12F 25F 45F 85F
BOARD_NEXTPNR = --$(patsubst %F,%k,$(DEVICE)) --package CABGA381 --speed 6
BOARD_PART = LFE5U-$(DEVICE)-6BG381C
BOARD_CLK_MHZ := 25
BOARD_TOP := ulx3s_top
BOARD_LPF := fpga/boards/ulx3s/ulx3s.lpf
BOARD_RTL := fpga/boards/ulx3s/ulx3s_top.v
BOARD_LOADER := -b ulx3s
