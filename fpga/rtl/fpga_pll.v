`default_nettype none
// fpga_pll: one ECP5 EHXPLLL from the board oscillator to the system clock,
// feedback from the primary output. clk_o = clk_i * ClkfbDiv / ClkiDiv; the
// VCO runs at clk_o * ClkopDiv (400..800 MHz). fpga/tools/ecp5_pll.py computes
// the dividers for a target frequency (make bitstream passes them in).
module fpga_pll #(
	parameter integer ClkiDiv  = 1,  // input divider (1..128)
	parameter integer ClkfbDiv = 2,  // feedback divider (1..80)
	parameter integer ClkopDiv = 12  // output divider (1..128)
) (
	input  wire clk_i,     // board oscillator
	input  wire rst_i,     // PLL reset, active high
	output wire clk_o,     // system clock
	output wire locked_o
);
	generate if (ClkiDiv < 1 || ClkiDiv > 128 || ClkfbDiv < 1 || ClkfbDiv > 80 || ClkopDiv < 1 || ClkopDiv > 128) begin : g_bad_div
		$fatal(1, "fpga_pll: dividers out of range (ClkiDiv=%0d ClkfbDiv=%0d ClkopDiv=%0d)", ClkiDiv, ClkfbDiv, ClkopDiv);
	end endgenerate

	wire clkop;
`ifdef VERILATOR
	// lint only: Verilator has no EHXPLLL model
	assign clkop    = clk_i;
	assign locked_o = !rst_i;
`else
	EHXPLLL #(
		.PLLRST_ENA      ("ENABLED"),
		.INTFB_WAKE      ("DISABLED"),
		.STDBY_ENABLE    ("DISABLED"),
		.DPHASE_SOURCE   ("DISABLED"),
		.OUTDIVIDER_MUXA ("DIVA"),
		.OUTDIVIDER_MUXB ("DIVB"),
		.OUTDIVIDER_MUXC ("DIVC"),
		.OUTDIVIDER_MUXD ("DIVD"),
		.CLKI_DIV        (ClkiDiv),
		.CLKOP_ENABLE    ("ENABLED"),
		.CLKOP_DIV       (ClkopDiv),
		.CLKOP_CPHASE    (ClkopDiv - 1),
		.CLKOP_FPHASE    (0),
		.FEEDBK_PATH     ("CLKOP"),
		.CLKFB_DIV       (ClkfbDiv)
	) u_pll (
		.RST         (rst_i),
		.STDBY       (1'b0),
		.CLKI        (clk_i),
		.CLKOP       (clkop),
		.CLKFB       (clkop),
		.CLKINTFB    (),
		.PHASESEL0   (1'b0),
		.PHASESEL1   (1'b0),
		.PHASEDIR    (1'b1),
		.PHASESTEP   (1'b1),
		.PHASELOADREG(1'b1),
		.PLLWAKESYNC (1'b0),
		.ENCLKOP     (1'b0),
		.LOCK        (locked_o)
	);
`endif
	assign clk_o = clkop;
endmodule
`default_nettype wire
