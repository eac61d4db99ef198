`default_nettype none
// noc_ni - network interface of one tile on one physical network.
//
// Injection (tile -> network): the head flit of every packet gets SRC_X/SRC_Y
// overwritten with this tile's fixed coordinates (PosX, PosY), whatever the
// tile drives, then passes a registered (skid) boundary into the router's
// local input. A packet whose head names a destination outside the
// SizeX x SizeY mesh is consumed whole and discarded, and drop_o pulses once
// for it (it would otherwise stall an edge router forever). tx_ready_o is a
// function of registers only.
// Ejection (network -> tile): the router's local output, already registered,
// is passed through.
//
//   tile tx_* --> stamp SRC / drop --> cmn_skid --> net_tx_*  (router L input)
//   tile rx_* <------------------------------------ net_rx_*  (router L output)
module noc_ni #(
	parameter integer PosX  = 0,  // this tile's column (< SizeX)
	parameter integer PosY  = 0,  // this tile's row (< SizeY)
	parameter integer SizeX = 1,  // mesh columns (1 .. 2**NOC_COORD_W)
	parameter integer SizeY = 1,  // mesh rows (1 .. 2**NOC_COORD_W)
	parameter integer FlitW = 64  // data bits per flit (>= 16: up to SRC_Y)
) (
	input  wire             clk_i,
	input  wire             rst_i,
	// tile -> network
	input  wire             tx_valid_i,
	output wire             tx_ready_o,
	input  wire [FlitW-1:0] tx_data_i,
	input  wire             tx_last_i,
	output wire             drop_o,
	output wire             net_tx_valid_o,
	input  wire             net_tx_ready_i,
	output wire [FlitW-1:0] net_tx_data_o,
	output wire             net_tx_last_o,
	// network -> tile
	input  wire             net_rx_valid_i,
	output wire             net_rx_ready_o,
	input  wire [FlitW-1:0] net_rx_data_i,
	input  wire             net_rx_last_i,
	output wire             rx_valid_o,
	input  wire             rx_ready_i,
	output wire [FlitW-1:0] rx_data_o,
	output wire             rx_last_o
);
	`include "spec_noc.vh"

	localparam integer SRC_END = NOC_HEAD_SRC_Y_LSB + NOC_HEAD_SRC_Y_W;
	localparam integer COORDS = 1 << NOC_COORD_W;
	localparam [NOC_COORD_W-1:0] POS_X = PosX[NOC_COORD_W-1:0];
	localparam [NOC_COORD_W-1:0] POS_Y = PosY[NOC_COORD_W-1:0];
	localparam [NOC_COORD_W:0] SIZE_X = SizeX[NOC_COORD_W:0];
	localparam [NOC_COORD_W:0] SIZE_Y = SizeY[NOC_COORD_W:0];

	generate
		if (FlitW < SRC_END) begin : gen_bad_flitw
			// Stops elaboration: "FlitW must hold the head up to SRC_Y".
			noc_ni_error_FlitW_too_small_for_head u_param_check ();
		end
		if (SizeX < 1 || SizeX > COORDS || SizeY < 1 || SizeY > COORDS) begin : gen_bad_size
			noc_ni_error_SizeX_SizeY_out_of_range u_param_check ();
		end
		if (PosX < 0 || PosX >= SizeX || PosY < 0 || PosY >= SizeY) begin : gen_bad_pos
			noc_ni_error_PosX_PosY_outside_mesh u_param_check ();
		end
	endgenerate

	reg in_pkt_q; // a packet's head has been accepted, its last flit not yet
	reg drop_q;   // the current packet is being discarded

	wire [NOC_COORD_W-1:0] dst_x = tx_data_i[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W];
	wire [NOC_COORD_W-1:0] dst_y = tx_data_i[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W];
	wire head_bad = {1'b0, dst_x} >= SIZE_X || {1'b0, dst_y} >= SIZE_Y;
	wire dropping = in_pkt_q ? drop_q : head_bad;
	wire sk_ready;
	wire take = tx_valid_i && tx_ready_o;

	reg [FlitW-1:0] stamped;
	always @(*) begin
		stamped = tx_data_i;
		if (!in_pkt_q) begin
			stamped[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] = POS_X;
			stamped[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] = POS_Y;
		end
	end

	// ready comes from registers only (not from the head's destination): a
	// discarded head waits for the skid's room like any other, so the tile's
	// valid/data never reach its ready through this interface
	assign tx_ready_o = (in_pkt_q && drop_q) || sk_ready;
	assign drop_o     = take && !in_pkt_q && head_bad;

	always @(posedge clk_i) begin
		if (rst_i) begin
			in_pkt_q <= 1'b0;
			drop_q   <= 1'b0;
		end else if (take) begin
			in_pkt_q <= !tx_last_i;
			if (!in_pkt_q)
				drop_q <= head_bad;
		end
	end

	cmn_skid #(
		.W(FlitW + 1)
	) u_tx (
		.clk_i       (clk_i),
		.rst_i       (rst_i),
		.in_valid_i  (tx_valid_i && !dropping),
		.in_ready_o  (sk_ready),
		.in_data_i   ({tx_last_i, stamped}),
		.out_valid_o (net_tx_valid_o),
		.out_ready_i (net_tx_ready_i),
		.out_data_o  ({net_tx_last_o, net_tx_data_o})
	);

	assign rx_valid_o     = net_rx_valid_i;
	assign net_rx_ready_o = rx_ready_i;
	assign rx_data_o      = net_rx_data_i;
	assign rx_last_o      = net_rx_last_i;

`ifdef FORMAL
	// Row N2 (source identity) and N4 (handshake) for the network interface.
	reg f_past_valid = 1'b0;
	always @(posedge clk_i)
		f_past_valid <= 1'b1;
	always @(*)
		if (!f_past_valid)
			assume (rst_i);

	// Tile side protocol (assumed): nothing else is assumed about the tile;
	// in particular it may drive any SRC and any destination.
	always @(posedge clk_i)
		if (f_past_valid && !$past(rst_i) && $past(tx_valid_i && !tx_ready_o)) begin
			assume (tx_valid_i);
			assume (tx_data_i == $past(tx_data_i) && tx_last_i == $past(tx_last_i));
		end

	// Network side: track packet boundaries of what leaves.
	reg f_net_pkt_q;
	always @(posedge clk_i)
		if (rst_i)
			f_net_pkt_q <= 1'b0;
		else if (net_tx_valid_o && net_tx_ready_i)
			f_net_pkt_q <= !net_tx_last_o;

	wire f_net_head = net_tx_valid_o && !f_net_pkt_q;
	always @(posedge clk_i)
		if (f_past_valid && !rst_i) begin
			// Every head that enters the network carries this tile's coordinates
			// and a destination inside the mesh.
			if (f_net_head) begin
				a_src_x: assert (net_tx_data_o[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] == POS_X);
				a_src_y: assert (net_tx_data_o[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] == POS_Y);
				a_dst_in: assert ({1'b0, net_tx_data_o[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W]} < SIZE_X
					&& {1'b0, net_tx_data_o[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W]} < SIZE_Y);
			end
			if ($past(!rst_i && net_tx_valid_o && !net_tx_ready_i)) begin
				a_out_hold: assert (net_tx_valid_o);
				a_out_stable: assert (net_tx_data_o == $past(net_tx_data_o)
					&& net_tx_last_o == $past(net_tx_last_o));
			end
		end

	// Covers: a spoofed SRC is replaced, an out-of-mesh packet is dropped
	// while traffic goes on, and a multi-flit packet leaves.
	always @(posedge clk_i)
		if (f_past_valid && !rst_i) begin
			c_spoof: cover (take && !in_pkt_q && !head_bad
				&& tx_data_i[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] != POS_X);
			c_drop: cover (drop_o && !tx_last_i);
			c_body: cover (net_tx_valid_o && net_tx_ready_i && f_net_pkt_q);
		end
`endif
endmodule
