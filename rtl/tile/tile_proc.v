`default_nettype none
// tile_proc: a processing tile as the mesh sees it: the compute part (tile_top:
// PicoRV32, scratchpad, devices) behind its TCU. The TCU is the tile's only
// door to the NoC: it owns the SPM's port B, answers the core's MMIO window,
// raises the message interrupt and holds the core in reset until the kernel
// starts it (on the kernel tile the core runs from reset).
module tile_proc #(
	parameter integer SpmBytes = 65536, // scratchpad size in bytes (power of two)
	parameter integer TileX    = 0,     // mesh column
	parameter integer TileY    = 0,     // mesh row
	parameter integer TileNum  = 0,     // linear tile number
	parameter integer KernelX  = 0,     // the kernel tile (privileged TCU source)
	parameter integer KernelY  = 0,
	parameter integer NumEps   = 32,    // TCU endpoints
	parameter         InitFile = ""     // optional SPM image (FPGA boot)
) (
	input  wire        clk_i,
	input  wire        rst_i,
	// console, sim control, faults (see tile_top)
	output wire        con_valid_o,
	input  wire        con_ready_i,
	output wire [7:0]  con_data_o,
	output wire        ctl_valid_o,
	output wire [31:0] ctl_code_o,
	output wire        err_valid_o,
	output wire [31:0] err_addr_o,
	output wire [31:0] err_pc_o,
	output wire        trap_o,
	// NoC: tx = tile to network, rx = network to tile, per class
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
	localparam integer SpmAddrW = $clog2(SpmBytes / 4);

	wire        mmio_valid, mmio_ready, irq, core_hold, spm_en;
	wire [11:0] mmio_addr;
	wire [31:0] mmio_wdata, mmio_rdata;
	wire [63:0] spm_wdata, spm_rdata;   // SPM port B: 64 bits, dword address
	wire [3:0]  mmio_wstrb;
	wire [7:0]  spm_we;
	wire [28:0] spm_addr;

	tile_top #(
		.SpmBytes(SpmBytes), .TileX(TileX), .TileY(TileY), .TileNum(TileNum),
		.HasTcu(1), .InitFile(InitFile)
	) u_tile (
		.clk_i       (clk_i),
		.rst_i       (rst_i),
		.core_hold_i (core_hold),
		.irq_i       (irq),
		.trap_o      (trap_o),
		.con_valid_o (con_valid_o),
		.con_ready_i (con_ready_i),
		.con_data_o  (con_data_o),
		.ctl_valid_o (ctl_valid_o),
		.ctl_code_o  (ctl_code_o),
		.err_valid_o (err_valid_o),
		.err_addr_o  (err_addr_o),
		.err_pc_o    (err_pc_o),
		.tcu_valid_o (mmio_valid),
		.tcu_ready_i (mmio_ready),
		.tcu_addr_o  (mmio_addr),
		.tcu_wdata_o (mmio_wdata),
		.tcu_wstrb_o (mmio_wstrb),
		.tcu_rdata_i (mmio_rdata),
		.spm_en_i    (spm_en),
		.spm_we_i    (spm_we),
		.spm_addr_i  (spm_addr[SpmAddrW-2:0]),
		.spm_wdata_i (spm_wdata),
		.spm_rdata_o (spm_rdata)
	);

	tcu_top #(
		.TileX(TileX), .TileY(TileY), .KernelX(KernelX), .KernelY(KernelY),
		.NumEps(NumEps), .SpmBytes(SpmBytes)
	) u_tcu (
		.clk_i          (clk_i),
		.rst_i          (rst_i),
		.mmio_valid_i   (mmio_valid),
		.mmio_ready_o   (mmio_ready),
		.mmio_addr_i    (mmio_addr),
		.mmio_wdata_i   (mmio_wdata),
		.mmio_wstrb_i   (mmio_wstrb),
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

	// the SPM port is word-addressed below SpmBytes; the TCU bounds-checks
	// every access against SpmBytes, so the upper address bits are zero
	wire unused = &{1'b0, spm_addr[28:SpmAddrW-1], 1'b0};
endmodule
`default_nettype wire
