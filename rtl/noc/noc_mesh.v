`default_nettype none
// noc_mesh - the NoC of a SizeX x SizeY tiled system: two physical networks,
// REQ (requests) and RSP (responses), each a mesh of noc_router with one
// noc_ni per tile. Tiles attach only here; the network interfaces stamp the
// source coordinates. Node n = y*SizeX + x (x towards east, y towards south)
// uses bit n of the per-node vectors and bits [n*FlitW +: FlitW] of the data
// vectors. Port names: <class>_tx_* = tile to network, <class>_rx_* =
// network to tile, <class>_drop_o = a packet with an out-of-mesh
// destination was discarded (one pulse per packet).
module noc_mesh #(
	parameter integer SizeX = 2,  // mesh columns (1 .. 2**NOC_COORD_W)
	parameter integer SizeY = 2,  // mesh rows (1 .. 2**NOC_COORD_W); SizeX*SizeY >= 2
	parameter integer FlitW = 64  // data bits per flit (>= 20: up to HEAD.KIND)
) (
	input  wire                         clk_i,
	input  wire                         rst_i,
	// requests
	input  wire [SizeX*SizeY-1:0]       req_tx_valid_i,
	output wire [SizeX*SizeY-1:0]       req_tx_ready_o,
	input  wire [SizeX*SizeY*FlitW-1:0] req_tx_data_i,
	input  wire [SizeX*SizeY-1:0]       req_tx_last_i,
	output wire [SizeX*SizeY-1:0]       req_drop_o,
	output wire [SizeX*SizeY-1:0]       req_rx_valid_o,
	input  wire [SizeX*SizeY-1:0]       req_rx_ready_i,
	output wire [SizeX*SizeY*FlitW-1:0] req_rx_data_o,
	output wire [SizeX*SizeY-1:0]       req_rx_last_o,
	// responses
	input  wire [SizeX*SizeY-1:0]       rsp_tx_valid_i,
	output wire [SizeX*SizeY-1:0]       rsp_tx_ready_o,
	input  wire [SizeX*SizeY*FlitW-1:0] rsp_tx_data_i,
	input  wire [SizeX*SizeY-1:0]       rsp_tx_last_i,
	output wire [SizeX*SizeY-1:0]       rsp_drop_o,
	output wire [SizeX*SizeY-1:0]       rsp_rx_valid_o,
	input  wire [SizeX*SizeY-1:0]       rsp_rx_ready_i,
	output wire [SizeX*SizeY*FlitW-1:0] rsp_rx_data_o,
	output wire [SizeX*SizeY-1:0]       rsp_rx_last_o
);
	`include "spec_noc.vh"

	localparam integer KIND_END = NOC_HEAD_KIND_LSB + NOC_HEAD_KIND_W;

	generate
		if (FlitW < KIND_END) begin : gen_bad_flitw
			// Stops elaboration: "FlitW must hold the head up to KIND".
			noc_mesh_error_FlitW_too_small_for_head u_param_check ();
		end
		if (SizeX < 1 || SizeY < 1 || SizeX * SizeY < 2
				|| SizeX > (1 << NOC_COORD_W) || SizeY > (1 << NOC_COORD_W)) begin : gen_bad_size
			noc_mesh_error_SizeX_SizeY_out_of_range u_param_check ();
		end
	endgenerate

	noc_net #(
		.SizeX (SizeX),
		.SizeY (SizeY),
		.FlitW (FlitW)
	) u_req (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.tx_valid_i (req_tx_valid_i),
		.tx_ready_o (req_tx_ready_o),
		.tx_data_i  (req_tx_data_i),
		.tx_last_i  (req_tx_last_i),
		.drop_o     (req_drop_o),
		.rx_valid_o (req_rx_valid_o),
		.rx_ready_i (req_rx_ready_i),
		.rx_data_o  (req_rx_data_o),
		.rx_last_o  (req_rx_last_o)
	);

	noc_net #(
		.SizeX (SizeX),
		.SizeY (SizeY),
		.FlitW (FlitW)
	) u_rsp (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.tx_valid_i (rsp_tx_valid_i),
		.tx_ready_o (rsp_tx_ready_o),
		.tx_data_i  (rsp_tx_data_i),
		.tx_last_i  (rsp_tx_last_i),
		.drop_o     (rsp_drop_o),
		.rx_valid_o (rsp_rx_valid_o),
		.rx_ready_i (rsp_rx_ready_i),
		.rx_data_o  (rsp_rx_data_o),
		.rx_last_o  (rsp_rx_last_o)
	);
endmodule
