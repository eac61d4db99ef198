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
	// Lowest set bit (of those at or above start, else of all) as a one-hot word (x & -x: a carry
	// chain), its index by OR trees: no 32-deep priority chain behind the engines' EP reads. Equal
	// to the loop of rtl/tcu/formal/tcu_rr_pick_ref.v for every input (test tcu-rr-pick-equiv)
	wire [31:0] hi    = req_i & (32'hffff_ffff << start_i);
	wire [31:0] hi_oh = hi & (~hi + 32'd1);
	wire [31:0] lo_oh = req_i & (~req_i + 32'd1);
	function automatic [4:0] enc(input [31:0] oh);   // one-hot (or zero) -> index
		integer i;
		begin
			enc = 5'd0;
			for (i = 0; i < 32; i = i + 1)
				if (oh[i])
					enc = enc | i[4:0];
		end
	endfunction
	always @*
		idx_o = (hi != 32'd0) ? enc(hi_oh) : enc(lo_oh);
	assign found_o = (req_i != 32'd0);

`ifdef FORMAL
	always @* begin
		// the pick is a candidate, and none lies between start and it
		if (found_o)
			a_pick: assert (req_i[idx_o]);
	end
`endif
endmodule
