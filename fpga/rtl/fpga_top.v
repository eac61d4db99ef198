`default_nettype none
// fpga_top: the board-independent part of an FPGA build: the system (`FPGA_SYS,
// default fpga_tile_sys), the console on the UART (fpga_console) and the
// status signals for the board's LEDs. Runs on the system clock; the board top
// adds the PLL and the reset synchronizer.
`ifndef FPGA_SYS
`define FPGA_SYS fpga_tile_sys
`endif
// Tiles defaults to `FPGA_TILES (the flow defines it) so that every elaboration
// of the hierarchy, also Yosys' default-parameter one, sees the real system size.
`ifndef FPGA_TILES
`define FPGA_TILES 1
`endif
module fpga_top #(
	parameter integer Tiles    = `FPGA_TILES,         // tiles in the system
	parameter integer ClkHz    = 50000000,  // system clock in Hz
	parameter integer Baud     = 115200,    // console UART line rate
	parameter         InitFile = "",        // SPM boot image ($readmemh; the system's word width)
	parameter         MemInit  = ""         // memory tile image (systems that have one)
) (
	input  wire clk_i,
	input  wire rst_i,
	output wire tx_o,         // console UART, 8N1
	output wire alive_o,      // heartbeat: toggles every half second
	output wire running_o,    // out of reset, no tile has exited
	output wire activity_o,   // console output is being sent (stretched)
	output wire pass_o,       // every tile that exited passed (code 0), at least one
	output wire fail_o,       // a tile exited with a nonzero code (latched)
	output wire bus_err_o,    // a tile made a bus error (latched)
	output wire trap_o        // a core trapped (latched)
);
	localparam integer HalfSec = ClkHz / 2;
	localparam integer HbW     = $clog2(HalfSec + 1);
	localparam integer Stretch = ClkHz / 20;  // 50 ms
	localparam integer StW     = $clog2(Stretch + 1);

	generate if (ClkHz < 1000000) begin : g_bad_clk
		$fatal(1, "fpga_top: ClkHz=%0d: want at least 1 MHz", ClkHz);
	end endgenerate

	wire [Tiles-1:0]    con_valid, con_ready, ctl_valid, err, trap, exited, failed;
	wire [8*Tiles-1:0]  con_data;
	wire [32*Tiles-1:0] ctl_code;
	wire                busy;

	`FPGA_SYS #(.Tiles(Tiles), .InitFile(InitFile), .MemInit(MemInit)) u_sys (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.con_valid_o(con_valid),
		.con_ready_i(con_ready),
		.con_data_o (con_data),
		.ctl_valid_o(ctl_valid),
		.ctl_code_o (ctl_code),
		.err_o      (err),
		.trap_o     (trap)
	);

	fpga_console #(.Tiles(Tiles), .ClkHz(ClkHz), .Baud(Baud)) u_con (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.con_valid_i(con_valid),
		.con_ready_o(con_ready),
		.con_data_i (con_data),
		.ctl_valid_i(ctl_valid),
		.ctl_code_i (ctl_code),
		.exited_o   (exited),
		.failed_o   (failed),
		.busy_o     (busy),
		.tx_o       (tx_o)
	);

	reg [HbW-1:0] hb_cnt_q;
	reg           hb_q;
	reg [StW-1:0] act_cnt_q;
	reg           err_q, trap_q;
	always @(posedge clk_i) begin
		if (rst_i) begin
			hb_cnt_q  <= {HbW{1'b0}};
			hb_q      <= 1'b0;
			act_cnt_q <= {StW{1'b0}};
			err_q     <= 1'b0;
			trap_q    <= 1'b0;
		end else begin
			if (hb_cnt_q == HalfSec[HbW-1:0] - 1'b1) begin
				hb_cnt_q <= {HbW{1'b0}};
				hb_q     <= !hb_q;
			end else begin
				hb_cnt_q <= hb_cnt_q + 1'b1;
			end
			if (busy)
				act_cnt_q <= Stretch[StW-1:0];
			else if (act_cnt_q != {StW{1'b0}})
				act_cnt_q <= act_cnt_q - 1'b1;
			if (|err)  err_q  <= 1'b1;
			if (|trap) trap_q <= 1'b1;
		end
	end

	assign alive_o    = hb_q;
	assign running_o  = !rst_i && exited == {Tiles{1'b0}};
	assign activity_o = act_cnt_q != {StW{1'b0}};
	assign pass_o     = exited != {Tiles{1'b0}} && failed == {Tiles{1'b0}};
	assign fail_o     = failed != {Tiles{1'b0}};
	assign bus_err_o  = err_q;
	assign trap_o     = trap_q;
endmodule
`default_nettype wire
