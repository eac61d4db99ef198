`default_nettype none
// ecpix5_top: the FPGA build on an ECPIX-5: 100 MHz oscillator -> EHXPLLL ->
// system clock, the reset button, console on the FT2232 UART, status on the
// four RGB LEDs (active low):
//   LD0 green: alive (1 Hz)   LD0 blue: console output   LD0 red: PLL not locked
//   LD1 green: pass           LD1 red: fail              LD1 blue: running
//   LD2 red: bus error        LD3 red: trap
// Pins: ecpix5.lpf. The PLL dividers come from fpga/tools/ecp5_pll.py.
// Tiles defaults to `FPGA_TILES (the flow defines it) so that every elaboration
// of the hierarchy, also Yosys' default-parameter one, sees the real system size.
`ifndef FPGA_TILES
`define FPGA_TILES 1
`endif
module ecpix5_top #(
	parameter integer Tiles    = `FPGA_TILES,          // tiles in the system
	parameter integer ClkHz    = 50000000,   // system clock the PLL makes, in Hz
	parameter integer ClkiDiv  = 2,          // PLL dividers for ClkHz from 100 MHz
	parameter integer ClkfbDiv = 1,
	parameter integer ClkopDiv = 12,
	parameter integer Baud     = 115200,     // console UART line rate
	parameter         InitFile = "",         // SPM boot image ($readmemh)
	parameter         MemInit  = ""          // memory tile image (FPGA_SYSTEM=soc)
) (
	input  wire       clk100_i,
	input  wire       rst_n_i,
	output wire       uart_tx_o,
	output wire [3:0] led_r_n_o,
	output wire [3:0] led_g_n_o,
	output wire [3:0] led_b_n_o
);
	wire clk, locked, rst;
	wire alive, running, activity, pass, fail, bus_err, trap;

	fpga_clkrst #(.ClkiDiv(ClkiDiv), .ClkfbDiv(ClkfbDiv), .ClkopDiv(ClkopDiv)) u_clkrst (
		.osc_i   (clk100_i),
		.btn_i   (!rst_n_i),
		.clk_o   (clk),
		.rst_o   (rst),
		.locked_o(locked)
	);

	fpga_top #(.Tiles(Tiles), .ClkHz(ClkHz), .Baud(Baud), .InitFile(InitFile), .MemInit(MemInit)) u_top (
		.clk_i     (clk),
		.rst_i     (rst),
		.tx_o      (uart_tx_o),
		.alive_o   (alive),
		.running_o (running),
		.activity_o(activity),
		.pass_o    (pass),
		.fail_o    (fail),
		.bus_err_o (bus_err),
		.trap_o    (trap)
	);

	assign led_r_n_o = ~{trap, bus_err, fail, !locked};
	assign led_g_n_o = ~{1'b0, 1'b0, pass, alive};
	assign led_b_n_o = ~{1'b0, 1'b0, running, activity};
endmodule
`default_nettype wire
