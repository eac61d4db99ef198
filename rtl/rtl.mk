# rtl.mk - RTL file lists, lint and synthesis of the processing tile.
TILE_RTL = $(PICORV32) rtl/tile/tile_top.v rtl/tile/tile_spm.v rtl/tile/tile_dev.v
TILE_VLT = rtl/tile/picorv32.vlt

.PHONY: lint synth lint-tile synth-tile
lint: lint-tile
synth: synth-tile
lint-tile: $(DEPS_STAMP)
	$(Q)tools/lint.sh tile_top "$(TILE_VLT) $(TILE_RTL)"
synth-tile: $(DEPS_STAMP)
	$(Q)tools/synth.sh tile_top "$(TILE_RTL)"
TEST_LISTS += rtl/tile/tests.list
