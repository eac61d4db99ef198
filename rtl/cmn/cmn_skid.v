`default_nettype none
// cmn_skid - registered valid/ready boundary (skid buffer, two entries).
//
// Every output is a register: out_valid_o/out_data_o come from the output
// register, in_ready_o is "skid entry empty". Full throughput (one transfer per
// cycle) with no combinational path from out_ready_i to in_ready_o. When the
// output stalls, the flit that was already in flight lands in the skid entry
// and is sent next, so order is kept.
//
//   in_*  --> [skid entry] --> [output register] --> out_*
//               (used only while the output stalls)
module cmn_skid #(
	parameter integer W = 8 // data bits per transfer (>= 1)
) (
	input  wire         clk_i,
	input  wire         rst_i,
	input  wire         in_valid_i,
	output wire         in_ready_o,
	input  wire [W-1:0] in_data_i,
	output wire         out_valid_o,
	input  wire         out_ready_i,
	output wire [W-1:0] out_data_o
);
	generate
		if (W < 1) begin : gen_bad_w
			// Stops elaboration in every tool: "W must be >= 1".
			cmn_skid_error_W_must_be_at_least_1 u_param_check ();
		end
	endgenerate

	reg         out_valid_q;
	reg [W-1:0] out_data_q;
	reg         skid_valid_q;
	reg [W-1:0] skid_data_q;

	wire out_free = out_ready_i || !out_valid_q;

	assign in_ready_o  = !skid_valid_q;
	assign out_valid_o = out_valid_q;
	assign out_data_o  = out_data_q;

	always @(posedge clk_i) begin
		if (rst_i) begin
			out_valid_q  <= 1'b0;
			skid_valid_q <= 1'b0;
		end else if (out_free) begin
			// Output register is free: refill it, from the skid entry first.
			out_valid_q  <= skid_valid_q || in_valid_i;
			skid_valid_q <= 1'b0;
		end else if (in_valid_i && !skid_valid_q) begin
			// Output stalls and a flit arrives: park it in the skid entry.
			skid_valid_q <= 1'b1;
		end
	end

	// Data registers carry no reset (they are qualified by the valid bits).
	always @(posedge clk_i) begin
		if (out_free)
			out_data_q <= skid_valid_q ? skid_data_q : in_data_i;
		if (!out_free && in_valid_i && !skid_valid_q)
			skid_data_q <= in_data_i;
	end

`ifdef FORMAL
	// Row N4: handshake rules on both sides and no over- or underflow.
	reg f_past_valid = 1'b0;
	always @(posedge clk_i)
		f_past_valid <= 1'b1;
	always @(*)
		if (!f_past_valid)
			assume (rst_i);

	// Nothing is assumed about the input side: the buffer is correct for any
	// input sequence (an arbiter in front of it may switch what it offers
	// while stalled), so it can be flattened into bigger proofs as is.

	// Output protocol (asserted).
	always @(posedge clk_i)
		if (f_past_valid && !$past(rst_i) && !rst_i && $past(out_valid_o && !out_ready_i)) begin
			a_out_hold: assert (out_valid_o);
			a_out_stable: assert (out_data_o == $past(out_data_o));
		end

	// Occupancy: the skid entry is used only behind a full output register,
	// so the buffer holds 0..2 entries and ready is low exactly when it is full.
	always @(posedge clk_i)
		if (f_past_valid && !rst_i) begin
			a_no_overflow: assert (!skid_valid_q || out_valid_q);
			a_ready_full: assert (in_ready_o == !(skid_valid_q && out_valid_q));
		end

	// Conservation and order: an anyconst-free shadow count of flits in
	// minus flits out equals the occupancy.
	reg [1:0] f_count_q;
	always @(posedge clk_i)
		if (rst_i)
			f_count_q <= 2'd0;
		else
			f_count_q <= f_count_q + {1'b0, in_valid_i && in_ready_o}
				- {1'b0, out_valid_o && out_ready_i};
	always @(posedge clk_i)
		if (f_past_valid && !rst_i)
			a_count: assert (f_count_q == {1'b0, out_valid_q} + {1'b0, skid_valid_q});

	// Covers: full buffer, a transfer out of a full buffer, back-to-back flow.
	always @(posedge clk_i)
		if (f_past_valid && !rst_i) begin
			c_full: cover (skid_valid_q);
			c_drain_full: cover (skid_valid_q && out_ready_i);
			c_stream: cover ($past(in_valid_i && in_ready_o) && in_valid_i && in_ready_o
				&& out_valid_o && out_ready_i);
		end
`endif
endmodule
