`default_nettype none
// fpga_rst_sync: reset for the system clock domain. rst_i (a button or "PLL not
// locked", asynchronous to clk_i) is sampled through a two-flop synchronizer;
// rst_o is a synchronous active-high reset that stays high while rst_i is
// high and for Hold cycles after it falls.
module fpga_rst_sync #(
	parameter integer Hold = 16  // cycles rst_o stays high after rst_i falls
) (
	input  wire clk_i,
	input  wire rst_i,  // asynchronous, active high
	output wire rst_o   // synchronous to clk_i, active high
);
	localparam integer HoldW = $clog2(Hold + 1);

	generate if (Hold < 1) begin : g_bad_hold
		$fatal(1, "fpga_rst_sync: Hold=%0d must be >= 1", Hold);
	end endgenerate

	(* async_reg = "true" *) reg [1:0] sync_q = 2'b11;
	reg [HoldW-1:0] cnt_q = Hold[HoldW-1:0];
	reg             rst_q = 1'b1;

	always @(posedge clk_i) begin
		sync_q <= {sync_q[0], rst_i};
		if (sync_q[1]) begin
			cnt_q <= Hold[HoldW-1:0];
			rst_q <= 1'b1;
		end else if (cnt_q != {HoldW{1'b0}}) begin
			cnt_q <= cnt_q - 1'b1;
		end else begin
			rst_q <= 1'b0;
		end
	end
	assign rst_o = rst_q;
endmodule
`default_nettype wire
