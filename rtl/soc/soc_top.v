`default_nettype none
// soc_top: the whole system: a SizeX x SizeY mesh (noc_mesh, request and
// response networks) with one tile per node: the kernel tile (a processing
// tile whose TCU is the privileged one) at (KernelX, KernelY), the memory tile
// at (MemX, MemY), processing tiles everywhere else. Tile number n = y*SizeX+x
// indexes every per-tile vector below (bit n, or bits [n*W +: W]).
//
//   default 2x2:   (0,0) kernel   (1,0) processing
//                  (0,1) process. (1,1) memory
module soc_top #(
	parameter integer SizeX    = 2,       // mesh columns
	parameter integer SizeY    = 2,       // mesh rows
	parameter integer KernelX  = 0,       // kernel tile position
	parameter integer KernelY  = 0,
	parameter integer MemX     = SizeX-1, // memory tile position
	parameter integer MemY     = SizeY-1,
	parameter integer SpmBytes = 65536,   // scratchpad per processing tile
	parameter integer MemBytes = 1048576, // memory tile size
	parameter integer NumEps   = 32,      // TCU endpoints per processing tile
	parameter         MemInit  = "",      // optional memory-tile image (FPGA boot; 64-bit rows)
	parameter         KernelInit = ""     // optional kernel-tile SPM image (FPGA boot; 64-bit rows)
) (
	input  wire                clk_i,
	input  wire                rst_i,
	output wire [Tiles-1:0]    con_valid_o,
	input  wire [Tiles-1:0]    con_ready_i,
	output wire [Tiles*8-1:0]  con_data_o,
	output wire [Tiles-1:0]    ctl_valid_o,
	output wire [Tiles*32-1:0] ctl_code_o,
	output wire [Tiles-1:0]    err_valid_o,
	output wire [Tiles*32-1:0] err_addr_o,
	output wire [Tiles*32-1:0] err_pc_o,
	output wire [Tiles-1:0]    trap_o
);
	localparam integer Tiles = SizeX * SizeY;

	generate
		if (KernelX >= SizeX || KernelY >= SizeY || MemX >= SizeX || MemY >= SizeY) begin : g_bad_pos
			$fatal(1, "soc_top: kernel (%0d,%0d) and memory (%0d,%0d) tiles must lie in the %0dx%0d mesh",
			       KernelX, KernelY, MemX, MemY, SizeX, SizeY);
		end
		if (KernelX == MemX && KernelY == MemY) begin : g_same_pos
			$fatal(1, "soc_top: the kernel tile and the memory tile need different positions");
		end
	endgenerate

	wire [Tiles-1:0]       req_tx_valid, req_tx_ready, req_tx_last, req_rx_valid, req_rx_ready, req_rx_last;
	wire [Tiles-1:0]       rsp_tx_valid, rsp_tx_ready, rsp_tx_last, rsp_rx_valid, rsp_rx_ready, rsp_rx_last;
	wire [Tiles*64-1:0]    req_tx_data, req_rx_data, rsp_tx_data, rsp_rx_data;
	wire [Tiles-1:0]       req_drop, rsp_drop;

	noc_mesh #(.SizeX(SizeX), .SizeY(SizeY), .FlitW(64)) u_noc (
		.clk_i         (clk_i),
		.rst_i         (rst_i),
		.req_tx_valid_i(req_tx_valid),
		.req_tx_ready_o(req_tx_ready),
		.req_tx_data_i (req_tx_data),
		.req_tx_last_i (req_tx_last),
		.req_drop_o    (req_drop),
		.req_rx_valid_o(req_rx_valid),
		.req_rx_ready_i(req_rx_ready),
		.req_rx_data_o (req_rx_data),
		.req_rx_last_o (req_rx_last),
		.rsp_tx_valid_i(rsp_tx_valid),
		.rsp_tx_ready_o(rsp_tx_ready),
		.rsp_tx_data_i (rsp_tx_data),
		.rsp_tx_last_i (rsp_tx_last),
		.rsp_drop_o    (rsp_drop),
		.rsp_rx_valid_o(rsp_rx_valid),
		.rsp_rx_ready_i(rsp_rx_ready),
		.rsp_rx_data_o (rsp_rx_data),
		.rsp_rx_last_o (rsp_rx_last)
	);

	genvar x, y;
	generate
		for (y = 0; y < SizeY; y = y + 1) begin : g_row
			for (x = 0; x < SizeX; x = x + 1) begin : g_col
				localparam integer N = y * SizeX + x;
				if (x == MemX && y == MemY) begin : g_mem
					mem_tile #(
						.MemBytes(MemBytes), .TileX(x), .TileY(y), .TileNum(N),
						.KernelX(KernelX), .KernelY(KernelY), .InitFile(MemInit)
					) u_tile (
						.clk_i         (clk_i),
						.rst_i         (rst_i),
						.req_tx_valid_o(req_tx_valid[N]),
						.req_tx_ready_i(req_tx_ready[N]),
						.req_tx_data_o (req_tx_data[N*64 +: 64]),
						.req_tx_last_o (req_tx_last[N]),
						.req_rx_valid_i(req_rx_valid[N]),
						.req_rx_ready_o(req_rx_ready[N]),
						.req_rx_data_i (req_rx_data[N*64 +: 64]),
						.req_rx_last_i (req_rx_last[N]),
						.rsp_tx_valid_o(rsp_tx_valid[N]),
						.rsp_tx_ready_i(rsp_tx_ready[N]),
						.rsp_tx_data_o (rsp_tx_data[N*64 +: 64]),
						.rsp_tx_last_o (rsp_tx_last[N]),
						.rsp_rx_valid_i(rsp_rx_valid[N]),
						.rsp_rx_ready_o(rsp_rx_ready[N]),
						.rsp_rx_data_i (rsp_rx_data[N*64 +: 64]),
						.rsp_rx_last_i (rsp_rx_last[N])
					);
					assign con_valid_o[N]          = 1'b0;
					assign con_data_o[N*8 +: 8]    = 8'b0;
					assign ctl_valid_o[N]          = 1'b0;
					assign ctl_code_o[N*32 +: 32]  = 32'b0;
					assign err_valid_o[N]          = 1'b0;
					assign err_addr_o[N*32 +: 32]  = 32'b0;
					assign err_pc_o[N*32 +: 32]    = 32'b0;
					assign trap_o[N]               = 1'b0;
				end else begin : g_proc
					tile_proc #(
						.SpmBytes(SpmBytes), .TileX(x), .TileY(y), .TileNum(N),
						.KernelX(KernelX), .KernelY(KernelY), .NumEps(NumEps),
						.InitFile(x == KernelX && y == KernelY ? KernelInit : "")
					) u_tile (
						.clk_i         (clk_i),
						.rst_i         (rst_i),
						.con_valid_o   (con_valid_o[N]),
						.con_ready_i   (con_ready_i[N]),
						.con_data_o    (con_data_o[N*8 +: 8]),
						.ctl_valid_o   (ctl_valid_o[N]),
						.ctl_code_o    (ctl_code_o[N*32 +: 32]),
						.err_valid_o   (err_valid_o[N]),
						.err_addr_o    (err_addr_o[N*32 +: 32]),
						.err_pc_o      (err_pc_o[N*32 +: 32]),
						.trap_o        (trap_o[N]),
						.req_tx_valid_o(req_tx_valid[N]),
						.req_tx_ready_i(req_tx_ready[N]),
						.req_tx_data_o (req_tx_data[N*64 +: 64]),
						.req_tx_last_o (req_tx_last[N]),
						.req_rx_valid_i(req_rx_valid[N]),
						.req_rx_ready_o(req_rx_ready[N]),
						.req_rx_data_i (req_rx_data[N*64 +: 64]),
						.req_rx_last_i (req_rx_last[N]),
						.rsp_tx_valid_o(rsp_tx_valid[N]),
						.rsp_tx_ready_i(rsp_tx_ready[N]),
						.rsp_tx_data_o (rsp_tx_data[N*64 +: 64]),
						.rsp_tx_last_o (rsp_tx_last[N]),
						.rsp_rx_valid_i(rsp_rx_valid[N]),
						.rsp_rx_ready_o(rsp_rx_ready[N]),
						.rsp_rx_data_i (rsp_rx_data[N*64 +: 64]),
						.rsp_rx_last_i (rsp_rx_last[N])
					);
				end
			end
		end
	endgenerate

	// The TCUs only address tiles inside the mesh (their EPs are configured by
	// the kernel), so nothing is ever dropped; the drop pulses stay for the
	// NoC's own tests.
	wire unused = &{1'b0, req_drop, rsp_drop, 1'b0};
endmodule
`default_nettype wire
