`default_nettype none
// fpga_clkrst: a board's clock and reset: the oscillator through one EHXPLLL
// (fpga_pll) to the system clock, and the system reset (fpga_rst_sync) held
// while the reset button is pressed or the PLL is not locked.
module fpga_clkrst #(
	parameter integer ClkiDiv  = 1,  // PLL dividers (fpga/tools/ecp5_pll.py)
	parameter integer ClkfbDiv = 2,
	parameter integer ClkopDiv = 12
) (
	input  wire osc_i,     // board oscillator
	input  wire btn_i,     // reset button, active high, asynchronous
	output wire clk_o,     // system clock
	output wire rst_o,     // system reset, synchronous to clk_o
	output wire locked_o   // the PLL is locked
);
	fpga_pll #(.ClkiDiv(ClkiDiv), .ClkfbDiv(ClkfbDiv), .ClkopDiv(ClkopDiv)) u_pll (
		.clk_i   (osc_i),
		.rst_i   (1'b0),
		.clk_o   (clk_o),
		.locked_o(locked_o)
	);

	fpga_rst_sync u_rst (
		.clk_i(clk_o),
		.rst_i(!locked_o || btn_i),
		.rst_o(rst_o)
	);
endmodule
`default_nettype wire
