`default_nettype none
// tcu_formal_nidx - formal harness: each engine's look-ahead index
// (ep_nidx_o) is the index its EP read port holds the next cycle. With
// tcu_epfile's contract (its registered reads equal a combinational read at
// the index of the moment) this makes the EP file as the engines see it the
// memory their own proofs (T1-T4) model. Only read with `read_verilog
// -formal` (tools/formal.sh).
//
//   free inputs --> tcu_cmd --ep_idx_o, ep_nidx_o--> assert idx == last nidx
//   free inputs --> tcu_in  --ep_idx_o, ep_nidx_o--> assert idx == last nidx
//
// Every input is free after a reset in the first cycle (EP data included):
// the property holds whatever the engines do.
module tcu_formal_nidx #(
	parameter integer NumEps   = 4,
	parameter integer SpmBytes = 256
) (
	input  wire         clk_i,
	input  wire         rst_i,
	// tcu_cmd
	input  wire         start_i,
	input  wire [3:0]   start_op_i,
	input  wire [6:0]   start_ep_i,
	input  wire [15:0]  start_arg_i,
	input  wire         wait_i,
	input  wire [6:0]   wait_ep_i,
	input  wire         hold_wait_i,
	input  wire [31:0]  data_addr_i,
	input  wire [31:0]  data_size_i,
	input  wire [31:0]  arg_i,
	input  wire [127:0] c_ep_rd_i,
	input  wire         c_ep_gnt_i,
	input  wire         c_spm_gnt_i,
	input  wire [63:0]  c_spm_rdata_i,
	input  wire         req_out_ready_i,
	input  wire         rsp_in_valid_i,
	input  wire [63:0]  rsp_in_data_i,
	input  wire         rsp_in_last_i,
	// tcu_in
	input  wire         req_in_valid_i,
	input  wire [63:0]  req_in_data_i,
	input  wire         req_in_last_i,
	input  wire         rsp_out_ready_i,
	input  wire [127:0] i_ep_rd_i,
	input  wire         i_spm_gnt_i,
	input  wire [63:0]  i_spm_rdata_i,
	input  wire         cmd_idle_i,
	input  wire         hold_i,
	input  wire         lw_valid_i,
	input  wire [9:0]   lw_woff_i,
	input  wire [31:0]  lw_data_i,
	input  wire [31:0]  preg_rdata_i
);
	wire [6:0] c_idx, c_nidx, i_idx, i_nidx;

	/* verilator lint_off PINCONNECTEMPTY */
	tcu_cmd #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .TileX(1), .TileY(0), .IsKernel(1),
		.CmdTimeout(16), .WaitTimeout(4)
	) u_cmd (
		.clk_i(clk_i), .rst_i(rst_i),
		.start_i(start_i), .start_op_i(start_op_i), .start_ep_i(start_ep_i), .start_arg_i(start_arg_i),
		.wait_i(wait_i), .wait_ep_i(wait_ep_i), .hold_wait_i(hold_wait_i), .quiet_o(),
		.data_addr_i(data_addr_i), .data_size_i(data_size_i), .arg_i(arg_i),
		.idle_o(), .done_o(), .done_err_o(), .done_res_o(), .wait_done_o(), .wait_word_o(),
		.result_we_o(), .result_o(), .dropped_o(),
		.ep_idx_o(c_idx), .ep_nidx_o(c_nidx), .ep_rd_i(c_ep_rd_i), .ep_we_o(), .ep_wdata_o(),
		.ep_gnt_i(c_ep_gnt_i),
		.spm_req_o(), .spm_we_o(), .spm_addr_o(), .spm_wdata_o(), .spm_gnt_i(c_spm_gnt_i),
		.spm_rdata_i(c_spm_rdata_i),
		.req_out_valid_o(), .req_out_ready_i(req_out_ready_i), .req_out_data_o(), .req_out_last_o(),
		.rsp_in_valid_i(rsp_in_valid_i), .rsp_in_ready_o(), .rsp_in_data_i(rsp_in_data_i),
		.rsp_in_last_i(rsp_in_last_i)
	);

	tcu_in #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .KernelX(0), .KernelY(0), .IsKernel(0), .PrivWait(8)
	) u_in (
		.clk_i(clk_i), .rst_i(rst_i),
		.req_in_valid_i(req_in_valid_i), .req_in_ready_o(), .req_in_data_i(req_in_data_i),
		.req_in_last_i(req_in_last_i),
		.rsp_out_valid_o(), .rsp_out_ready_i(rsp_out_ready_i), .rsp_out_data_o(), .rsp_out_last_o(),
		.ep_idx_o(i_idx), .ep_nidx_o(i_nidx), .ep_rd_i(i_ep_rd_i), .ep_we_o(), .ep_wdata_o(),
		.ep_lock_o(),
		.spm_req_o(), .spm_we_o(), .spm_addr_o(), .spm_wdata_o(), .spm_gnt_i(i_spm_gnt_i),
		.spm_rdata_i(i_spm_rdata_i),
		.cmd_idle_i(cmd_idle_i), .hold_i(hold_i), .priv_busy_o(),
		.lw_valid_i(lw_valid_i), .lw_woff_i(lw_woff_i), .lw_data_i(lw_data_i), .lw_done_o(),
		.preg_req_o(), .preg_woff_o(), .preg_rdata_i(preg_rdata_i),
		.irq_set_o(), .denied_o(), .dropped_o(), .ext_cmd_o(), .ext_arg_o(), .core_hold_o()
	);
	/* verilator lint_on PINCONNECTEMPTY */

	reg       f_past_valid = 1'b0;
	reg [6:0] f_c_nidx, f_i_nidx;
	always @(posedge clk_i) begin
		f_past_valid <= 1'b1;
		f_c_nidx     <= c_nidx;
		f_i_nidx     <= i_nidx;
	end
	always @(*) begin
		if (!f_past_valid)
			assume (rst_i);
		if (f_past_valid) begin
			a_cmd_nidx: assert (c_idx == f_c_nidx);
			a_in_nidx: assert (i_idx == f_i_nidx);
		end
	end
	// the index changes under way (a command's second EP; a message's reply EP)
	always @(posedge clk_i) begin
		c_cmd_moves: cover (f_past_valid && !rst_i && c_nidx != c_idx);
		c_in_moves: cover (f_past_valid && !rst_i && i_nidx != i_idx);
	end
endmodule
