`default_nettype none
// noc_router - 5-port mesh router: XY routing, wormhole switching,
// round-robin arbitration per output, one registered (skid) stage per output.
//
// Ports are numbered L=0 (local), N=1, E=2, S=3, W=4 and flattened: port p
// uses bit p of the valid/ready/last vectors and bits [p*FlitW +: FlitW] of
// the data vectors. x grows towards E, y towards S.
//
//   in[p] --> route (head) --> request --> arbiter per output --> mux --> cmn_skid --> out[o]
//
// A flit goes from an input to the output register in the cycle it arrives
// (route, arbitration and crossbar are combinational), so a hop costs one
// cycle at zero load. in_ready_o depends on in_valid_i/in_data_i (ready may
// wait for valid) and on registered state only; out_valid_o/out_data_o and the
// ready seen by the skid buffers are registers, so links never chain
// combinational paths from router to router.
//
// Wormhole: an output that forwards a head flit without `last` stays locked to
// that input until its `last` flit has passed. The round-robin pointer of an
// output is the input it granted last, which is also the lock owner.
module noc_router #(
	parameter integer PosX  = 0, // this router's column (0 .. 2**NOC_COORD_W - 1)
	parameter integer PosY  = 0, // this router's row (0 .. 2**NOC_COORD_W - 1)
	parameter integer FlitW = 64 // data bits per flit (>= 8: the destination fields)
) (
	input  wire               clk_i,
	input  wire               rst_i,
	input  wire [4:0]         in_valid_i,
	output wire [4:0]         in_ready_o,
	input  wire [5*FlitW-1:0] in_data_i,
	input  wire [4:0]         in_last_i,
	output wire [4:0]         out_valid_o,
	input  wire [4:0]         out_ready_i,
	output wire [5*FlitW-1:0] out_data_o,
	output wire [4:0]         out_last_o
);
	`include "spec_noc.vh"

	localparam integer PORTS  = 5;
	localparam integer PORT_L = 0;
	localparam integer PORT_N = 1;
	localparam integer PORT_E = 2;
	localparam integer PORT_S = 3;
	localparam integer PORT_W = 4;
	localparam integer DST_END = NOC_HEAD_DST_Y_LSB + NOC_HEAD_DST_Y_W;
	localparam [NOC_COORD_W-1:0] POS_X = PosX[NOC_COORD_W-1:0];
	localparam [NOC_COORD_W-1:0] POS_Y = PosY[NOC_COORD_W-1:0];
	// TURN_OK[i*PORTS + o]: XY routing may send a flit from input i to output o.
	// No U-turns, no Y->X turns: N and S only onward in Y or to L (rtl/noc/README.md).
	//                                  o: W  S  E  N  L
	localparam [PORTS*PORTS-1:0] TURN_OK = {5'b0_1_1_1_1,  // i = W
	                                        5'b0_0_0_1_1,  // i = S
	                                        5'b1_1_0_1_1,  // i = E
	                                        5'b0_1_0_0_1,  // i = N
	                                        5'b1_1_1_1_1}; // i = L

	generate
		if (FlitW < DST_END) begin : gen_bad_flitw
			// Stops elaboration: "FlitW must hold the destination fields".
			noc_router_error_FlitW_too_small_for_head u_param_check ();
		end
		if (PosX < 0 || PosX >= (1 << NOC_COORD_W) || PosY < 0 || PosY >= (1 << NOC_COORD_W))
		begin : gen_bad_pos
			noc_router_error_PosX_PosY_out_of_range u_param_check ();
		end
	endgenerate

	// a > c for a constant c, as plain logic (no carry chain), MSB first.
	function gt_const(input [NOC_COORD_W-1:0] a, input [NOC_COORD_W-1:0] c);
		reg     eq;
		integer b;
		begin
			gt_const = 1'b0;
			eq = 1'b1;
			for (b = NOC_COORD_W - 1; b >= 0; b = b - 1) begin
				gt_const = gt_const | (eq & a[b] & !c[b]);
				eq = eq & (a[b] == c[b]);
			end
		end
	endfunction

	// XY route of a head flit: first along x, then along y, then eject.
	function [PORTS-1:0] xy_route(input [NOC_COORD_W-1:0] dx, input [NOC_COORD_W-1:0] dy);
		begin
			xy_route = 5'b0;
			if (dx != POS_X) begin
				xy_route[PORT_E] = gt_const(dx, POS_X);
				xy_route[PORT_W] = !gt_const(dx, POS_X);
			end else if (dy != POS_Y) begin
				xy_route[PORT_S] = gt_const(dy, POS_Y);
				xy_route[PORT_N] = !gt_const(dy, POS_Y);
			end else begin
				xy_route[PORT_L] = 1'b1;
			end
		end
	endfunction

	// Round robin: the lowest requester above the last grant, else the lowest
	// requester (prefix ORs, no carry chain).
	function [PORTS-1:0] rr_pick(input [PORTS-1:0] req, input [PORTS-1:0] last);
		reg [PORTS-1:0] above;
		reg [PORTS-1:0] hi;
		reg [PORTS-1:0] pick;
		reg             seen;
		integer         b;
		begin
			seen = 1'b0;
			for (b = 0; b < PORTS; b = b + 1) begin
				above[b] = seen;
				seen = seen | last[b];
			end
			hi = req & above;
			pick = (hi != {PORTS{1'b0}}) ? hi : req;
			seen = 1'b0;
			for (b = 0; b < PORTS; b = b + 1) begin
				rr_pick[b] = pick[b] & !seen;
				seen = seen | pick[b];
			end
		end
	endfunction

	reg  [PORTS-1:0]       held_q;   // held_q[o]: output o is inside a packet
	reg  [PORTS*PORTS-1:0] last_q;   // last_q[o*PORTS +: PORTS]: last grant = lock owner
	wire [PORTS*PORTS-1:0] req_io;   // req_io[i*PORTS + o]: input i asks for output o
	wire [PORTS*PORTS-1:0] gnt_oi;   // gnt_oi[o*PORTS + i]: output o grants input i
	wire [PORTS-1:0]       sk_ready; // skid buffer of output o can take a flit
	wire [PORTS-1:0]       xfer;     // output o moves a flit this cycle
	wire [PORTS-1:0]       busy;     // input i is inside a packet (owns an output)

	genvar i, o;
	generate
		for (i = 0; i < PORTS; i = i + 1) begin : gen_in
			wire [NOC_COORD_W-1:0] dx = in_data_i[i*FlitW + NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W];
			wire [NOC_COORD_W-1:0] dy = in_data_i[i*FlitW + NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W];
			wire [PORTS-1:0] route = xy_route(dx, dy);
			wire [PORTS-1:0] owns;
			wire [PORTS-1:0] grants;
			for (o = 0; o < PORTS; o = o + 1) begin : gen_out
				assign owns[o]   = held_q[o] && last_q[o*PORTS + i];
				assign grants[o] = gnt_oi[o*PORTS + i] && sk_ready[o];
				// A body flit follows its packet's lock; a head needs a free output.
				assign req_io[i*PORTS + o] = TURN_OK[i*PORTS + o] && in_valid_i[i]
					&& (busy[i] ? owns[o] : route[o] && !held_q[o]);
			end
			assign busy[i]       = |owns;
			assign in_ready_o[i] = |grants;
		end

		for (o = 0; o < PORTS; o = o + 1) begin : gen_out
			wire [PORTS-1:0] req;
			wire [PORTS-1:0] gnt;
			reg  [FlitW-1:0] mux_data;
			reg              mux_last;
			integer          k;
			for (i = 0; i < PORTS; i = i + 1) begin : gen_req
				assign req[i] = req_io[i*PORTS + o];
			end
			// While held, only the owner requests o, so rr_pick returns the owner.
			assign gnt = rr_pick(req, last_q[o*PORTS +: PORTS]);
			assign gnt_oi[o*PORTS +: PORTS] = gnt;
			assign xfer[o] = (|gnt) && sk_ready[o];

			always @(*) begin
				mux_data = {FlitW{1'b0}};
				mux_last = 1'b0;
				for (k = 0; k < PORTS; k = k + 1) begin
					mux_data = mux_data | ({FlitW{gnt[k]}} & in_data_i[k*FlitW +: FlitW]);
					mux_last = mux_last | (gnt[k] & in_last_i[k]);
				end
			end

			always @(posedge clk_i) begin
				if (rst_i) begin
					held_q[o]                <= 1'b0;
					last_q[o*PORTS +: PORTS] <= {PORTS{1'b0}};
				end else if (xfer[o]) begin
					held_q[o]                <= !mux_last;
					last_q[o*PORTS +: PORTS] <= gnt;
				end
			end

			cmn_skid #(
				.W(FlitW + 1)
			) u_out (
				.clk_i       (clk_i),
				.rst_i       (rst_i),
				.in_valid_i  (|gnt),
				.in_ready_o  (sk_ready[o]),
				.in_data_i   ({mux_last, mux_data}),
				.out_valid_o (out_valid_o[o]),
				.out_ready_i (out_ready_i[o]),
				.out_data_o  ({out_last_o[o], out_data_o[o*FlitW +: FlitW]})
			);
		end
	endgenerate

`ifdef FORMAL
	// Rows N2 and N4 for one router. Inputs are assumed to follow the link
	// protocol and to carry only heads that XY routing can deliver to this
	// port (what the neighbour's own assertions guarantee); outputs are
	// asserted to do the same.
	reg f_past_valid = 1'b0;
	always @(posedge clk_i)
		f_past_valid <= 1'b1;
	always @(*)
		if (!f_past_valid)
			assume (rst_i);

	reg [PORTS-1:0] f_in_pkt_q;  // input p is between a head and its last flit
	reg [PORTS-1:0] f_out_pkt_q; // output p is between a head and its last flit
	integer f_p;
	always @(posedge clk_i)
		for (f_p = 0; f_p < PORTS; f_p = f_p + 1) begin
			if (rst_i)
				f_in_pkt_q[f_p] <= 1'b0;
			else if (in_valid_i[f_p] && in_ready_o[f_p])
				f_in_pkt_q[f_p] <= !in_last_i[f_p];
			if (rst_i)
				f_out_pkt_q[f_p] <= 1'b0;
			else if (out_valid_o[f_p] && out_ready_i[f_p])
				f_out_pkt_q[f_p] <= !out_last_o[f_p];
		end

	genvar f_i;
	generate
		for (f_i = 0; f_i < PORTS; f_i = f_i + 1) begin : gen_f
			wire [FlitW-1:0] ind = in_data_i[f_i*FlitW +: FlitW];
			wire [FlitW-1:0] outd = out_data_o[f_i*FlitW +: FlitW];
			wire [NOC_COORD_W-1:0] idx = ind[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W];
			wire [NOC_COORD_W-1:0] idy = ind[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W];
			wire [NOC_COORD_W-1:0] odx = outd[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W];
			wire [NOC_COORD_W-1:0] ody = outd[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W];
			wire in_head = in_valid_i[f_i] && !f_in_pkt_q[f_i];
			wire out_head = out_valid_o[f_i] && !f_out_pkt_q[f_i];

			// Input protocol (assumed).
			always @(posedge clk_i)
				if (f_past_valid && !$past(rst_i)
						&& $past(in_valid_i[f_i] && !in_ready_o[f_i])) begin
					assume (in_valid_i[f_i]);
					assume (ind == $past(ind));
					assume (in_last_i[f_i] == $past(in_last_i[f_i]));
				end
			// Heads arriving from a neighbour moved along XY to get here.
			always @(*)
				if (in_head)
					case (f_i)
					PORT_N: assume (idx == POS_X && idy >= POS_Y);
					PORT_S: assume (idx == POS_X && idy <= POS_Y);
					PORT_E: assume (idx <= POS_X);
					PORT_W: assume (idx >= POS_X);
					default: ;
					endcase

			// Output protocol (asserted).
			always @(posedge clk_i)
				if (f_past_valid && !$past(rst_i) && !rst_i
						&& $past(out_valid_o[f_i] && !out_ready_i[f_i])) begin
					assert (out_valid_o[f_i]);
					assert (outd == $past(outd)
						&& out_last_o[f_i] == $past(out_last_o[f_i]));
				end
			// Every head leaves towards its destination: E/W only while x
			// differs, N/S only once x matches (no Y->X turn later), L at home.
			always @(*)
				if (f_past_valid && !rst_i && out_head)
					case (f_i)
					PORT_E: assert (odx > POS_X);
					PORT_W: assert (odx < POS_X);
					PORT_S: assert (odx == POS_X && ody > POS_Y);
					PORT_N: assert (odx == POS_X && ody < POS_Y);
					default: assert (odx == POS_X && ody == POS_Y);
					endcase
			// Each input wins at most one output; each output grants one input;
			// forbidden turns are never granted; the lock follows the packet.
			always @(*)
				if (f_past_valid && !rst_i) begin
					assert ((gnt_oi[f_i*PORTS +: PORTS]
						& (gnt_oi[f_i*PORTS +: PORTS] - 5'd1)) == 5'd0);
					assert ((gnt_oi[f_i*PORTS +: PORTS] & ~{
						TURN_OK[4*PORTS + f_i], TURN_OK[3*PORTS + f_i],
						TURN_OK[2*PORTS + f_i], TURN_OK[1*PORTS + f_i],
						TURN_OK[0*PORTS + f_i]}) == 5'd0);
					assert (busy[f_i] == f_in_pkt_q[f_i]);
				end

			// Covers: a head and a body flit leave through every output, and
			// every output stalls.
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					cover (out_head && out_ready_i[f_i]);
					cover (out_valid_o[f_i] && !out_head && out_ready_i[f_i]);
					cover ($past(out_valid_o[f_i] && !out_ready_i[f_i]) && out_valid_o[f_i]);
				end
		end
	endgenerate

	// An input requests at most one output.
	always @(*)
		if (f_past_valid && !rst_i) begin
			a_req_one: assert (((req_io[0*PORTS +: PORTS] & (req_io[0*PORTS +: PORTS] - 5'd1)) == 0)
				&& ((req_io[1*PORTS +: PORTS] & (req_io[1*PORTS +: PORTS] - 5'd1)) == 0)
				&& ((req_io[2*PORTS +: PORTS] & (req_io[2*PORTS +: PORTS] - 5'd1)) == 0)
				&& ((req_io[3*PORTS +: PORTS] & (req_io[3*PORTS +: PORTS] - 5'd1)) == 0)
				&& ((req_io[4*PORTS +: PORTS] & (req_io[4*PORTS +: PORTS] - 5'd1)) == 0));
		end
`endif
endmodule
