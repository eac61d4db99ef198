# ECPIX-5: nextpnr device options by DEVICE (45F, 85F; default 85F).
DEVICE ?= 85F
BOARD_DEVICES := 45F 85F
BOARD_NEXTPNR = --um5g-$(patsubst %F,%k,$(DEVICE)) --package CABGA554 --speed 8
BOARD_PART = LFE5UM5G-$(DEVICE)-8BG554I
BOARD_CLK_MHZ := 100
BOARD_TOP := ecpix5_top
BOARD_LPF := fpga/boards/ecpix5/ecpix5.lpf
BOARD_RTL := fpga/boards/ecpix5/ecpix5_top.v
BOARD_LOADER := -b ecpix5
