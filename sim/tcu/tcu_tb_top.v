`default_nettype none
// tcu_tb_top - test wrapper: Tiles TCUs (tile i at (i % SizeX, i / SizeX), tile 0 the
// kernel tile) with their ports flattened into vectors, for the C testbench
// sim/tcu/tcu_tb.c, which plays the cores (MMIO) and the SPMs.
//
//   Mesh = 0: the NoC ports are the testbench's; it plays a behavioural crossbar
//             (and can inject forged packets).
//   Mesh = 1: the TCUs sit on the real network (noc_mesh, SizeX x SizeY, Tiles =
//             SizeX * SizeY). The req/rsp out ports then mirror each tile's
//             injected flits (valid = a flit is taken by the network) for
//             monitors; the in ports are unused. stall_i gates each link per
//             cycle (bit 4 n + 0 req tx, 1 req rx, 2 rsp tx, 3 rsp rx of tile n).
module tcu_tb_top #(
	parameter integer Tiles       = 3,
	parameter integer SizeX       = 2,   // mesh columns (tile coordinates)
	parameter integer SizeY       = 2,   // mesh rows (Mesh = 1 only)
	parameter integer Mesh        = 0,
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
	output wire [Tiles*8-1:0]  spm_we_o,     // SPM port B: 64 bits, dword address
	output wire [Tiles*29-1:0] spm_addr_o,
	output wire [Tiles*64-1:0] spm_wdata_o,
	input  wire [Tiles*64-1:0] spm_rdata_i,
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
	input  wire [Tiles*4-1:0]  stall_i,
	output wire [Tiles-1:0]    req_drop_o,
	output wire [Tiles-1:0]    rsp_drop_o,
	output wire [Tiles-1:0]    irq_o,
	output wire [Tiles-1:0]    core_rst_o,
	// coverage: an engine's SPM writer is granted a write in the cycle the engine
	// aborts its stream (the chunk is still written: rtl/tcu/README.md)
	output wire [Tiles-1:0]    abort_wr_o
);
	// the TCUs' side of each link
	wire [Tiles-1:0]    t_req_ov, t_req_or, t_req_ol, t_req_iv, t_req_ir, t_req_il;
	wire [Tiles-1:0]    t_rsp_ov, t_rsp_or, t_rsp_ol, t_rsp_iv, t_rsp_ir, t_rsp_il;
	wire [Tiles*64-1:0] t_req_od, t_req_id, t_rsp_od, t_rsp_id;

	genvar i;
	generate
		if (Mesh != 0 && Tiles != SizeX * SizeY) begin : gen_bad_tiles
			tcu_tb_top_error_Tiles_must_be_SizeX_times_SizeY u_param_check ();
		end
		for (i = 0; i < Tiles; i = i + 1) begin : g_tile
			tcu_top #(
				.TileX(i % SizeX), .TileY(i / SizeX), .KernelX(0), .KernelY(0), .NumEps(NumEps),
				.SpmBytes(65536), .CmdTimeout(CmdTimeout), .WaitTimeout(WaitTimeout)
			) u_tcu (
				.clk_i(clk_i), .rst_i(rst_i),
				.mmio_valid_i(mmio_valid_i[i]), .mmio_ready_o(mmio_ready_o[i]),
				.mmio_addr_i(mmio_addr_i[i*12 +: 12]), .mmio_wdata_i(mmio_wdata_i[i*32 +: 32]),
				.mmio_wstrb_i(mmio_wstrb_i[i*4 +: 4]), .mmio_rdata_o(mmio_rdata_o[i*32 +: 32]),
				.spm_en_o(spm_en_o[i]), .spm_we_o(spm_we_o[i*8 +: 8]), .spm_addr_o(spm_addr_o[i*29 +: 29]),
				.spm_wdata_o(spm_wdata_o[i*64 +: 64]), .spm_rdata_i(spm_rdata_i[i*64 +: 64]),
				.req_out_valid_o(t_req_ov[i]), .req_out_ready_i(t_req_or[i]),
				.req_out_data_o(t_req_od[i*64 +: 64]), .req_out_last_o(t_req_ol[i]),
				.req_in_valid_i(t_req_iv[i]), .req_in_ready_o(t_req_ir[i]),
				.req_in_data_i(t_req_id[i*64 +: 64]), .req_in_last_i(t_req_il[i]),
				.rsp_out_valid_o(t_rsp_ov[i]), .rsp_out_ready_i(t_rsp_or[i]),
				.rsp_out_data_o(t_rsp_od[i*64 +: 64]), .rsp_out_last_o(t_rsp_ol[i]),
				.rsp_in_valid_i(t_rsp_iv[i]), .rsp_in_ready_o(t_rsp_ir[i]),
				.rsp_in_data_i(t_rsp_id[i*64 +: 64]), .rsp_in_last_i(t_rsp_il[i]),
				.irq_o(irq_o[i]), .core_rst_o(core_rst_o[i])
			);
			assign abort_wr_o[i] =
				(u_tcu.u_in.u_xfer.wr_req && u_tcu.u_in.u_xfer.spm_gnt_i && u_tcu.u_in.u_xfer.wr_abort_i) ||
				(u_tcu.u_cmd.u_xfer.wr_req && u_tcu.u_cmd.u_xfer.spm_gnt_i && u_tcu.u_cmd.u_xfer.wr_abort_i);
		end
		if (Mesh == 0) begin : g_xbar
			assign req_out_valid_o = t_req_ov;
			assign t_req_or        = req_out_ready_i;
			assign req_out_data_o  = t_req_od;
			assign req_out_last_o  = t_req_ol;
			assign t_req_iv        = req_in_valid_i;
			assign req_in_ready_o  = t_req_ir;
			assign t_req_id        = req_in_data_i;
			assign t_req_il        = req_in_last_i;
			assign rsp_out_valid_o = t_rsp_ov;
			assign t_rsp_or        = rsp_out_ready_i;
			assign rsp_out_data_o  = t_rsp_od;
			assign rsp_out_last_o  = t_rsp_ol;
			assign t_rsp_iv        = rsp_in_valid_i;
			assign rsp_in_ready_o  = t_rsp_ir;
			assign t_rsp_id        = rsp_in_data_i;
			assign t_rsp_il        = rsp_in_last_i;
			assign req_drop_o      = {Tiles{1'b0}};
			assign rsp_drop_o      = {Tiles{1'b0}};
			// verilator lint_off UNUSEDSIGNAL
			wire unused_stall = ^stall_i; // the bench stalls the crossbar itself
			// verilator lint_on UNUSEDSIGNAL
		end else begin : g_mesh
			wire [Tiles-1:0]    n_req_txv, n_req_txr, n_req_rxv, n_req_rxr;
			wire [Tiles-1:0]    n_rsp_txv, n_rsp_txr, n_rsp_rxv, n_rsp_rxr;
			wire [Tiles-1:0]    s_req_tx, s_req_rx, s_rsp_tx, s_rsp_rx;
			wire [Tiles*64-1:0] n_req_rxd, n_rsp_rxd;
			wire [Tiles-1:0]    n_req_rxl, n_rsp_rxl;

			for (i = 0; i < Tiles; i = i + 1) begin : g_stall
				assign s_req_tx[i] = stall_i[4*i];
				assign s_req_rx[i] = stall_i[4*i + 1];
				assign s_rsp_tx[i] = stall_i[4*i + 2];
				assign s_rsp_rx[i] = stall_i[4*i + 3];
			end
			// a stalled link shows neither valid nor ready on either side
			assign n_req_txv = t_req_ov & ~s_req_tx;
			assign t_req_or  = n_req_txr & ~s_req_tx;
			assign n_rsp_txv = t_rsp_ov & ~s_rsp_tx;
			assign t_rsp_or  = n_rsp_txr & ~s_rsp_tx;
			assign t_req_iv  = n_req_rxv & ~s_req_rx;
			assign n_req_rxr = t_req_ir & ~s_req_rx;
			assign t_rsp_iv  = n_rsp_rxv & ~s_rsp_rx;
			assign n_rsp_rxr = t_rsp_ir & ~s_rsp_rx;
			assign t_req_id  = n_req_rxd;
			assign t_req_il  = n_req_rxl;
			assign t_rsp_id  = n_rsp_rxd;
			assign t_rsp_il  = n_rsp_rxl;

			noc_mesh #(.SizeX(SizeX), .SizeY(SizeY), .FlitW(64)) u_noc (
				.clk_i(clk_i), .rst_i(rst_i),
				.req_tx_valid_i(n_req_txv), .req_tx_ready_o(n_req_txr), .req_tx_data_i(t_req_od),
				.req_tx_last_i(t_req_ol), .req_drop_o(req_drop_o),
				.req_rx_valid_o(n_req_rxv), .req_rx_ready_i(n_req_rxr), .req_rx_data_o(n_req_rxd),
				.req_rx_last_o(n_req_rxl),
				.rsp_tx_valid_i(n_rsp_txv), .rsp_tx_ready_o(n_rsp_txr), .rsp_tx_data_i(t_rsp_od),
				.rsp_tx_last_i(t_rsp_ol), .rsp_drop_o(rsp_drop_o),
				.rsp_rx_valid_o(n_rsp_rxv), .rsp_rx_ready_i(n_rsp_rxr), .rsp_rx_data_o(n_rsp_rxd),
				.rsp_rx_last_o(n_rsp_rxl)
			);
			// monitor view: the flits the network takes from each tile
			assign req_out_valid_o = n_req_txv & n_req_txr;
			assign req_out_data_o  = t_req_od;
			assign req_out_last_o  = t_req_ol;
			assign rsp_out_valid_o = n_rsp_txv & n_rsp_txr;
			assign rsp_out_data_o  = t_rsp_od;
			assign rsp_out_last_o  = t_rsp_ol;
			assign req_in_ready_o  = {Tiles{1'b0}};
			assign rsp_in_ready_o  = {Tiles{1'b0}};
			// verilator lint_off UNUSEDSIGNAL
			wire unused_in = ^{req_out_ready_i, req_in_valid_i, req_in_data_i, req_in_last_i,
			                   rsp_out_ready_i, rsp_in_valid_i, rsp_in_data_i, rsp_in_last_i};
			// verilator lint_on UNUSEDSIGNAL
		end
	endgenerate
endmodule
