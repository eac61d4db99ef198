`default_nettype none
// tcu_rr_pick - round-robin pick over 32 request bits: the first set bit at or
// above start_i, else the first set bit at all (receive slots: a free slot from
// WPOS, an unread slot from RPOS). Purely combinational.
module tcu_rr_pick (
	input  wire [31:0] req_i,    // candidates (bits beyond the slot count must be 0)
	input  wire [4:0]  start_i,  // where the search begins
	output wire        found_o,  // some bit was set
	output reg  [4:0]  idx_o     // the picked bit
);
	wire [31:0] hi = req_i & (32'hffff_ffff << start_i);
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

`ifdef FORMAL
	always @* begin
		// the pick is a candidate, and none lies between start and it
		if (found_o)
			a_pick: assert (req_i[idx_o]);
	end
`endif
endmodule
