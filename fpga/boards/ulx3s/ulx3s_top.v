`default_nettype none
// ulx3s_top: the FPGA build on a ULX3S: 25 MHz oscillator -> EHXPLLL -> system
// clock, FIRE1 resets, console on the FT231X USB-UART, status on the 8 LEDs:
//   D0 alive (blinks at 1 Hz)   D1 running          D2 console output
//   D3 pass (exit code 0)       D4 fail (nonzero)   D5 bus error   D6 trap
//   D7 PLL locked
// Pins: ulx3s.lpf. The PLL dividers come from fpga/tools/ecp5_pll.py.
// Tiles defaults to `FPGA_TILES (the flow defines it) so that every elaboration
// of the hierarchy, also Yosys' default-parameter one, sees the real system size.
`ifndef FPGA_TILES
`define FPGA_TILES 1
`endif
module ulx3s_top #(
	parameter integer Tiles    = `FPGA_TILES,          // tiles in the system
	parameter integer ClkHz    = 50000000,   // system clock the PLL makes, in Hz
	parameter integer ClkiDiv  = 1,          // PLL dividers for ClkHz from 25 MHz
	parameter integer ClkfbDiv = 2,
	parameter integer ClkopDiv = 12,
	parameter integer Baud     = 115200,     // console UART line rate
	parameter         InitFile = "",         // SPM boot image ($readmemh)
	parameter         MemInit  = ""          // memory tile image (FPGA_SYSTEM=soc)
) (
	input  wire       clk25_i,
	input  wire       btn_fire1_i,
	output wire       ftdi_rxd_o,
	output wire       wifi_gpio0_o,
	output wire [7:0] led_o
);
	wire clk, locked, rst;

	fpga_clkrst #(.ClkiDiv(ClkiDiv), .ClkfbDiv(ClkfbDiv), .ClkopDiv(ClkopDiv)) u_clkrst (
		.osc_i   (clk25_i),
		.btn_i   (btn_fire1_i),
		.clk_o   (clk),
		.rst_o   (rst),
		.locked_o(locked)
	);

	fpga_top #(.Tiles(Tiles), .ClkHz(ClkHz), .Baud(Baud), .InitFile(InitFile), .MemInit(MemInit)) u_top (
		.clk_i     (clk),
		.rst_i     (rst),
		.tx_o      (ftdi_rxd_o),
		.alive_o   (led_o[0]),
		.running_o (led_o[1]),
		.activity_o(led_o[2]),
		.pass_o    (led_o[3]),
		.fail_o    (led_o[4]),
		.bus_err_o (led_o[5]),
		.trap_o    (led_o[6])
	);
	assign led_o[7]     = locked;
	assign wifi_gpio0_o = 1'b1;
endmodule
`default_nettype wire
