`default_nettype none
// tcu_tb_top - unit-test wrapper: Tiles TCUs of one mesh (tile i at (i % 2, i / 2),
// tile 0 the kernel tile) with their ports flattened into vectors. The C testbench
// (sim/tcu/tcu_tb.c) plays the cores, the SPMs and a behavioural crossbar.
module tcu_tb_top #(
	parameter integer Tiles       = 3,   // TCU instances (the ports file assumes 3)
	parameter integer NumEps      = 32,
	parameter integer CmdTimeout  = 256,
	parameter integer WaitTimeout = 64
) (
	input  wire               clk_i,
	input  wire               rst_i,
	input  wire [Tiles-1:0]    mmio_valid_i,
	output wire [Tiles-1:0]    mmio_ready_o,
	input  wire [Tiles*12-1:0] mmio_addr_i,
	input  wire [Tiles*32-1:0] mmio_wdata_i,
	input  wire [Tiles*4-1:0]  mmio_wstrb_i,
	output wire [Tiles*32-1:0] mmio_rdata_o,
	output wire [Tiles-1:0]    spm_en_o,
	output wire [Tiles*4-1:0]  spm_we_o,
	output wire [Tiles*30-1:0] spm_addr_o,
	output wire [Tiles*32-1:0] spm_wdata_o,
	input  wire [Tiles*32-1:0] spm_rdata_i,
	output wire [Tiles-1:0]    req_out_valid_o,
	input  wire [Tiles-1:0]    req_out_ready_i,
	output wire [Tiles*64-1:0] req_out_data_o,
	output wire [Tiles-1:0]    req_out_last_o,
	input  wire [Tiles-1:0]    req_in_valid_i,
	output wire [Tiles-1:0]    req_in_ready_o,
	input  wire [Tiles*64-1:0] req_in_data_i,
	input  wire [Tiles-1:0]    req_in_last_i,
	output wire [Tiles-1:0]    rsp_out_valid_o,
	input  wire [Tiles-1:0]    rsp_out_ready_i,
	output wire [Tiles*64-1:0] rsp_out_data_o,
	output wire [Tiles-1:0]    rsp_out_last_o,
	input  wire [Tiles-1:0]    rsp_in_valid_i,
	output wire [Tiles-1:0]    rsp_in_ready_o,
	input  wire [Tiles*64-1:0] rsp_in_data_i,
	input  wire [Tiles-1:0]    rsp_in_last_i,
	output wire [Tiles-1:0]    irq_o,
	output wire [Tiles-1:0]    core_rst_o
);
	genvar i;
	generate
		for (i = 0; i < Tiles; i = i + 1) begin : g_tile
			tcu_top #(
				.TileX(i % 2), .TileY(i / 2), .KernelX(0), .KernelY(0), .NumEps(NumEps),
				.SpmBytes(65536), .CmdTimeout(CmdTimeout), .WaitTimeout(WaitTimeout)
			) u_tcu (
				.clk_i(clk_i), .rst_i(rst_i),
				.mmio_valid_i(mmio_valid_i[i]), .mmio_ready_o(mmio_ready_o[i]),
				.mmio_addr_i(mmio_addr_i[i*12 +: 12]), .mmio_wdata_i(mmio_wdata_i[i*32 +: 32]),
				.mmio_wstrb_i(mmio_wstrb_i[i*4 +: 4]), .mmio_rdata_o(mmio_rdata_o[i*32 +: 32]),
				.spm_en_o(spm_en_o[i]), .spm_we_o(spm_we_o[i*4 +: 4]), .spm_addr_o(spm_addr_o[i*30 +: 30]),
				.spm_wdata_o(spm_wdata_o[i*32 +: 32]), .spm_rdata_i(spm_rdata_i[i*32 +: 32]),
				.req_out_valid_o(req_out_valid_o[i]), .req_out_ready_i(req_out_ready_i[i]),
				.req_out_data_o(req_out_data_o[i*64 +: 64]), .req_out_last_o(req_out_last_o[i]),
				.req_in_valid_i(req_in_valid_i[i]), .req_in_ready_o(req_in_ready_o[i]),
				.req_in_data_i(req_in_data_i[i*64 +: 64]), .req_in_last_i(req_in_last_i[i]),
				.rsp_out_valid_o(rsp_out_valid_o[i]), .rsp_out_ready_i(rsp_out_ready_i[i]),
				.rsp_out_data_o(rsp_out_data_o[i*64 +: 64]), .rsp_out_last_o(rsp_out_last_o[i]),
				.rsp_in_valid_i(rsp_in_valid_i[i]), .rsp_in_ready_o(rsp_in_ready_o[i]),
				.rsp_in_data_i(rsp_in_data_i[i*64 +: 64]), .rsp_in_last_i(rsp_in_last_i[i]),
				.irq_o(irq_o[i]), .core_rst_o(core_rst_o[i])
			);
		end
	endgenerate
endmodule
