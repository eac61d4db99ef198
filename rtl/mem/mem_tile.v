`default_nettype none
// mem_tile: the memory tile: a TCU in front of a large memory and nothing else.
// No core: the memory is reachable only through memory endpoints that the
// kernel configured at other tiles (READ / WRITE requests served by the TCU's
// inbound engine). In simulation the memory is a large array the harness can
// load (boot image); on a board, block RAM initialised from InitFile.
module mem_tile #(
	parameter integer MemBytes = 1048576, // memory size in bytes (power of two)
	parameter integer TileX    = 0,       // mesh column
	parameter integer TileY    = 0,       // mesh row
	parameter integer TileNum  = 0,       // linear tile number (names the sim backdoor)
	parameter integer KernelX  = 0,       // the kernel tile
	parameter integer KernelY  = 0,
	parameter integer NumEps   = 4,       // the TCU needs none of its own; keep it small
	parameter         InitFile = ""       // optional memory image
) (
	input  wire        clk_i,
	input  wire        rst_i,
	output wire        req_tx_valid_o,
	input  wire        req_tx_ready_i,
	output wire [63:0] req_tx_data_o,
	output wire        req_tx_last_o,
	input  wire        req_rx_valid_i,
	output wire        req_rx_ready_o,
	input  wire [63:0] req_rx_data_i,
	input  wire        req_rx_last_i,
	output wire        rsp_tx_valid_o,
	input  wire        rsp_tx_ready_i,
	output wire [63:0] rsp_tx_data_o,
	output wire        rsp_tx_last_o,
	input  wire        rsp_rx_valid_i,
	output wire        rsp_rx_ready_o,
	input  wire [63:0] rsp_rx_data_i,
	input  wire        rsp_rx_last_i
);
	localparam integer AddrW = $clog2(MemBytes / 4);

	wire        spm_en, mmio_ready, irq, core_hold;
	wire [7:0]  spm_we;
	wire [28:0] spm_addr;                 // 64-bit port: dword address
	wire [63:0] spm_wdata, spm_rdata;
	wire [31:0] mmio_rdata, a_rdata;

	tile_spm #(.SpmBytes(MemBytes), .TileNum(TileNum), .WideB(1), .InitFile(InitFile)) u_mem (
		.clk_i    (clk_i),
		.a_en_i   (1'b0),
		.a_we_i   (4'b0),
		.a_addr_i ({AddrW{1'b0}}),
		.a_wdata_i(32'b0),
		.a_rdata_o(a_rdata),
		.b_en_i   (spm_en),
		.b_we_i   (spm_we),
		.b_addr_i (spm_addr[AddrW-2:0]),
		.b_wdata_i(spm_wdata),
		.b_rdata_o(spm_rdata)
	);

	tcu_top #(
		.TileX(TileX), .TileY(TileY), .KernelX(KernelX), .KernelY(KernelY),
		.NumEps(NumEps), .SpmBytes(MemBytes)
	) u_tcu (
		.clk_i          (clk_i),
		.rst_i          (rst_i),
		.mmio_valid_i   (1'b0),
		.mmio_ready_o   (mmio_ready),
		.mmio_addr_i    (12'b0),
		.mmio_wdata_i   (32'b0),
		.mmio_wstrb_i   (4'b0),
		.mmio_rdata_o   (mmio_rdata),
		.spm_en_o       (spm_en),
		.spm_we_o       (spm_we),
		.spm_addr_o     (spm_addr),
		.spm_wdata_o    (spm_wdata),
		.spm_rdata_i    (spm_rdata),
		.req_out_valid_o(req_tx_valid_o),
		.req_out_ready_i(req_tx_ready_i),
		.req_out_data_o (req_tx_data_o),
		.req_out_last_o (req_tx_last_o),
		.req_in_valid_i (req_rx_valid_i),
		.req_in_ready_o (req_rx_ready_o),
		.req_in_data_i  (req_rx_data_i),
		.req_in_last_i  (req_rx_last_i),
		.rsp_out_valid_o(rsp_tx_valid_o),
		.rsp_out_ready_i(rsp_tx_ready_i),
		.rsp_out_data_o (rsp_tx_data_o),
		.rsp_out_last_o (rsp_tx_last_o),
		.rsp_in_valid_i (rsp_rx_valid_i),
		.rsp_in_ready_o (rsp_rx_ready_o),
		.rsp_in_data_i  (rsp_rx_data_i),
		.rsp_in_last_i  (rsp_rx_last_i),
		.irq_o          (irq),
		.core_rst_o     (core_hold)
	);

	wire unused = &{1'b0, a_rdata, mmio_ready, mmio_rdata, irq, core_hold, spm_addr[28:AddrW-1], 1'b0};
endmodule
`default_nettype wire
