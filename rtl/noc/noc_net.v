`default_nettype none
// noc_net - one physical network: a SizeX x SizeY mesh of noc_router, one
// noc_ni per node. Node n = y*SizeX + x uses bit n of the per-node vectors
// and bits [n*FlitW +: FlitW] of the data vectors. Router ports that face
// the mesh edge are tied off (no input, never ready); the network interfaces
// keep out-of-mesh destinations away from them.
module noc_net #(
	parameter integer SizeX = 2,  // mesh columns (1 .. 2**NOC_COORD_W)
	parameter integer SizeY = 2,  // mesh rows (1 .. 2**NOC_COORD_W)
	parameter integer FlitW = 64  // data bits per flit (>= 16)
) (
	input  wire                     clk_i,
	input  wire                     rst_i,
	// tile -> network, per node
	input  wire [SizeX*SizeY-1:0]       tx_valid_i,
	output wire [SizeX*SizeY-1:0]       tx_ready_o,
	input  wire [SizeX*SizeY*FlitW-1:0] tx_data_i,
	input  wire [SizeX*SizeY-1:0]       tx_last_i,
	output wire [SizeX*SizeY-1:0]       drop_o,
	// network -> tile, per node
	output wire [SizeX*SizeY-1:0]       rx_valid_o,
	input  wire [SizeX*SizeY-1:0]       rx_ready_i,
	output wire [SizeX*SizeY*FlitW-1:0] rx_data_o,
	output wire [SizeX*SizeY-1:0]       rx_last_o
);
	localparam integer NODES = SizeX * SizeY;
	localparam integer PORTS = 5;
	// Router port numbers, as in noc_router.
	localparam integer PORT_L = 0;
	localparam integer PORT_N = 1;
	localparam integer PORT_E = 2;
	localparam integer PORT_S = 3;
	localparam integer PORT_W = 4;

	// Router port (n, p) is index n*PORTS + p.
	wire [NODES*PORTS-1:0]       in_valid;
	wire [NODES*PORTS-1:0]       in_ready;
	wire [NODES*PORTS*FlitW-1:0] in_data;
	wire [NODES*PORTS-1:0]       in_last;
	wire [NODES*PORTS-1:0]       out_valid;
	wire [NODES*PORTS-1:0]       out_ready;
	wire [NODES*PORTS*FlitW-1:0] out_data;
	wire [NODES*PORTS-1:0]       out_last;

	genvar x, y, p;
	generate
		for (y = 0; y < SizeY; y = y + 1) begin : gen_y
			for (x = 0; x < SizeX; x = x + 1) begin : gen_x
				localparam integer N = y * SizeX + x;
				localparam integer LP = N * PORTS + PORT_L;

				noc_router #(
					.PosX  (x),
					.PosY  (y),
					.FlitW (FlitW)
				) u_router (
					.clk_i       (clk_i),
					.rst_i       (rst_i),
					.in_valid_i  (in_valid[N*PORTS +: PORTS]),
					.in_ready_o  (in_ready[N*PORTS +: PORTS]),
					.in_data_i   (in_data[N*PORTS*FlitW +: PORTS*FlitW]),
					.in_last_i   (in_last[N*PORTS +: PORTS]),
					.out_valid_o (out_valid[N*PORTS +: PORTS]),
					.out_ready_i (out_ready[N*PORTS +: PORTS]),
					.out_data_o  (out_data[N*PORTS*FlitW +: PORTS*FlitW]),
					.out_last_o  (out_last[N*PORTS +: PORTS])
				);

				noc_ni #(
					.PosX  (x),
					.PosY  (y),
					.SizeX (SizeX),
					.SizeY (SizeY),
					.FlitW (FlitW)
				) u_ni (
					.clk_i          (clk_i),
					.rst_i          (rst_i),
					.tx_valid_i     (tx_valid_i[N]),
					.tx_ready_o     (tx_ready_o[N]),
					.tx_data_i      (tx_data_i[N*FlitW +: FlitW]),
					.tx_last_i      (tx_last_i[N]),
					.drop_o         (drop_o[N]),
					.net_tx_valid_o (in_valid[LP]),
					.net_tx_ready_i (in_ready[LP]),
					.net_tx_data_o  (in_data[LP*FlitW +: FlitW]),
					.net_tx_last_o  (in_last[LP]),
					.net_rx_valid_i (out_valid[LP]),
					.net_rx_ready_o (out_ready[LP]),
					.net_rx_data_i  (out_data[LP*FlitW +: FlitW]),
					.net_rx_last_i  (out_last[LP]),
					.rx_valid_o     (rx_valid_o[N]),
					.rx_ready_i     (rx_ready_i[N]),
					.rx_data_o      (rx_data_o[N*FlitW +: FlitW]),
					.rx_last_o      (rx_last_o[N])
				);

				// Mesh links: port p of this router meets port q of router m.
				for (p = PORT_N; p <= PORT_W; p = p + 1) begin : gen_link
					localparam integer PX = (p == PORT_E) ? x + 1 : (p == PORT_W) ? x - 1 : x;
					localparam integer PY = (p == PORT_S) ? y + 1 : (p == PORT_N) ? y - 1 : y;
					localparam integer Q = (p == PORT_N) ? PORT_S : (p == PORT_S) ? PORT_N
						: (p == PORT_E) ? PORT_W : PORT_E;
					localparam integer I = N * PORTS + p;
					if (PX >= 0 && PX < SizeX && PY >= 0 && PY < SizeY) begin : gen_peer
						localparam integer J = (PY * SizeX + PX) * PORTS + Q;
						assign in_valid[I]                = out_valid[J];
						assign in_data[I*FlitW +: FlitW]  = out_data[J*FlitW +: FlitW];
						assign in_last[I]                 = out_last[J];
						assign out_ready[I]               = in_ready[J];
					end else begin : gen_edge
						assign in_valid[I]                = 1'b0;
						assign in_data[I*FlitW +: FlitW]  = {FlitW{1'b0}};
						assign in_last[I]                 = 1'b0;
						assign out_ready[I]               = 1'b0;
						wire unused_edge = ^{in_ready[I], out_valid[I], out_data[I*FlitW +: FlitW],
							out_last[I]};
					end
				end
			end
		end
	endgenerate
endmodule
