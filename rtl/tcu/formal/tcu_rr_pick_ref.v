`default_nettype none
// tcu_rr_pick_ref - reference model of tcu_rr_pick: the round-robin pick as a
// plain priority loop over the 32 request bits (the first set bit at or above
// start_i, else the first set bit at all). The test tcu-rr-pick-equiv proves
// tcu_rr_pick equal to it for every input (tools/equiv.sh: Yosys miter + SAT);
// with RR_MUTANT defined the loop ignores start_i, and the same proof must
// find the difference (tcu-rr-pick-equiv-mutant).
module tcu_rr_pick_ref (
	input  wire [31:0] req_i,
	input  wire [4:0]  start_i,
	output wire        found_o,
	output reg  [4:0]  idx_o
);
`ifdef RR_MUTANT
	wire [31:0] hi = req_i;
`else
	wire [31:0] hi = req_i & (32'hffff_ffff << start_i);
`endif
	reg  [4:0]  lo_idx, hi_idx;
	integer i;
	always @* begin
		lo_idx = 5'd0;
		hi_idx = 5'd0;
		for (i = 31; i >= 0; i = i - 1) begin
			if (req_i[i])
				lo_idx = i[4:0];
			if (hi[i])
				hi_idx = i[4:0];
		end
		idx_o = (hi != 32'd0) ? hi_idx : lo_idx;
	end
	assign found_o = (req_i != 32'd0);
endmodule
