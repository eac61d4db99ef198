`default_nettype none
// tcu_cmd - command engine of the TCU: runs the local core's commands (SEND,
// REPLY, READ, WRITE, FETCH_MSG, ACK_MSG, PRIV_WR/RD) and the blocking WAIT
// fetch. It sends requests on the REQ network and consumes responses from the
// RSP network; responses whose tag does not match the running request are
// drained and counted. Every wait for a response is guarded by a watchdog.
//
//   IDLE -> CHK_A -> CHK_B -> HEAD -> META/ADDR -> PAY -> WAIT_RSP -> (RD_DATA) -> fix-up -> IDLE
//   (READ / WRITE: CHK_A -> MEM_GO -> BURST; FETCH / WAIT: pick -> TAKE. Each
//   cycle reads the EP file at most once, from a registered index, and a check
//   of its data is registered before it is acted on: timing, fpga/README.md)
//
// Checks follow docs/tcu-design.md in order; the first failing one is the error.
module tcu_cmd #(
	parameter integer NumEps      = 32,    // endpoints (1 .. TCU_MAX_EPS)
	parameter integer SpmBytes    = 65536, // bytes of local memory behind the SPM port
	parameter integer TileX       = 0,     // this tile (filled into SRC; the NI stamps it anyway)
	parameter integer TileY       = 0,
	parameter integer IsKernel    = 0,     // this tile may run PRIV_WR / PRIV_RD
	parameter integer CmdTimeout  = 4096,  // cycles without a response flit before TIMEOUT_NOC
	parameter integer WaitTimeout = 65536  // cycles a WAIT read blocks before returning NONE_OFF
) (
	input  wire         clk_i,
	input  wire         rst_i,
	// command start (COMMAND store) and WAIT start (WAIT_BASE + 4 n load)
	input  wire         start_i,
	input  wire [3:0]   start_op_i,
	input  wire [6:0]   start_ep_i,
	input  wire [15:0]  start_arg_i,
	input  wire         wait_i,
	input  wire [6:0]   wait_ep_i,
	input  wire         hold_wait_i,  // a privileged write runs: a blocking WAIT pauses
	input  wire [31:0]  data_addr_i,
	input  wire [31:0]  data_size_i,
	input  wire [31:0]  arg_i,
	output wire         idle_o,
	output wire         quiet_o,      // idle, or parked in a WAIT (privileged writes may run)
	output reg          done_o,       // command finished: err / res valid
	output reg  [4:0]   done_err_o,
	output reg  [15:0]  done_res_o,
	output reg          wait_done_o,  // WAIT finished: word valid (CMD layout)
	output reg  [31:0]  wait_word_o,
	output reg          result_we_o,  // PRIV_RSP data for RESULT
	output reg  [31:0]  result_o,
	output reg          dropped_o,
	// EP file
	output reg  [6:0]   ep_idx_o,
	output reg  [6:0]   ep_nidx_o,    // ep_idx_o of the next cycle (the EP file reads it ahead)
	input  wire [127:0] ep_rd_i,
	output reg          ep_we_o,
	output reg  [127:0] ep_wdata_o,
	input  wire         ep_gnt_i,
	// SPM
	output wire         spm_req_o,
	output wire [7:0]   spm_we_o,
	output wire [28:0]  spm_addr_o,    // dword address (64-bit SPM port)
	output wire [63:0]  spm_wdata_o,
	input  wire         spm_gnt_i,
	input  wire [63:0]  spm_rdata_i,
	// REQ network out
	output reg          req_out_valid_o,
	input  wire         req_out_ready_i,
	output reg  [63:0]  req_out_data_o,
	output reg          req_out_last_o,
	// RSP network in
	input  wire         rsp_in_valid_i,
	output reg          rsp_in_ready_o,
	input  wire [63:0]  rsp_in_data_i,
	input  wire         rsp_in_last_i
);
	`include "spec_noc.vh"
	`include "spec_tcu.vh"

	generate
		if (NumEps < 1 || NumEps > TCU_MAX_EPS) begin : gen_bad_eps
			tcu_cmd_error_NumEps_out_of_range u_param_check ();
		end
		if (CmdTimeout < 16 || CmdTimeout > 1048575 || WaitTimeout < 1 || WaitTimeout > 16777215) begin : gen_bad_to
			tcu_cmd_error_timeouts_out_of_range u_param_check ();
		end
	endgenerate

	localparam [6:0]  NO_EP   = TCU_NO_EP[6:0];
	localparam [7:0]  N_EPS   = NumEps[7:0];
	localparam [31:0] SPM_B   = SpmBytes[31:0];
	localparam [3:0]  TX = TileX[3:0];
	localparam [3:0]  TY = TileY[3:0];
	localparam [19:0] CMD_TO  = CmdTimeout[19:0];
	localparam [23:0] WAIT_TO = WaitTimeout[23:0];
	localparam [31:0] BURST   = TCU_MEM_BURST;

	localparam [4:0]
		S_IDLE     = 5'd0,  // wait for a command
		S_CHK_A    = 5'd1,  // first EP check (reply EP / receive EP / memory EP)
		S_CHK_B    = 5'd2,  // second EP check (send EP / reply EP), take the credit
		S_MSG_HEAD = 5'd3,  // MSG head flit
		S_MSG_META = 5'd4,  // MSG meta flit
		S_PAY      = 5'd5,  // payload flits from the reader
		S_WAIT_RSP = 5'd6,  // wait for the response head
		S_REFUND   = 5'd7,  // failed SEND: give the credit back
		S_RPL_INV  = 5'd8,  // REPLY done: invalidate the reply EP
		S_FREE     = 5'd9,  // REPLY/ACK: free the slot
		S_ACK_INV  = 5'd10, // ACK: invalidate the reply EP
		S_BURST    = 5'd11, // RD_REQ / WR_REQ head
		S_MEM_ADDR = 5'd12, // address flit
		S_RD_DATA  = 5'd13, // response data into the writer
		S_PRIV     = 5'd14, // PRIV_REQ head
		S_WAIT     = 5'd15, // blocking fetch
		S_FETCH    = 5'd16, // FETCH_MSG: pick an unread slot
		S_TAKE     = 5'd17, // FETCH_MSG / WAIT: take the picked slot (UNREAD, RPOS)
		S_MEM_GO   = 5'd18, // READ / WRITE: the memory-EP check's outcome (err_q)
		S_FAIL     = 5'd19; // an EP check failed: finish with err_q

	reg [4:0]  state_q, state_d;
	reg [3:0]  op_q, op_d;
	reg [6:0]  ep_q, ep_d;
	reg [15:0] carg_q, carg_d;      // CMD.ARG
	reg [31:0] daddr_q, daddr_d;    // DATA_ADDR / DATA_SIZE / ARG at start
	reg [31:0] dsize_q, dsize_d;
	reg [31:0] arg_q, arg_d;
	reg        waitop_q, waitop_d;  // running a WAIT, not a command
	reg [4:0]  err_q, err_d;
	reg        rok_q, rok_d;        // SEND: reply EP is a receive EP
	reg [3:0]  rorder_q, rorder_d;  // SEND: reply slot order
	reg [4:0]  slot_q, slot_d;
	reg [7:0]  rpl_q, rpl_d;        // REPLY / ACK: reply EP of the slot (8 bits: no wrap)
	reg [3:0]  tx_q, tx_d, ty_q, ty_d;
	reg [6:0]  tep_q, tep_d;        // target EP
	reg [6:0]  sndep_q, sndep_d;    // SND_EP field
	reg [31:0] label_q, label_d;
	reg        took_q, took_d;      // SEND took a credit
	reg [31:0] base_q, base_d;      // memory EP base
	reg [31:0] done_q, done_d;      // bytes transferred
	reg [3:0]  tag_q, tag_d;
	reg        drain_q, drain_d;    // draining a dropped response
	reg        ropen_q, ropen_d;    // the accepted response has flits left
	reg [23:0] wd_q, wd_d;          // watchdog / WAIT timer
	reg [1:0]  isel_q, isel_d;      // which index the EP read port gets (isel_of)
	reg        fnd_q, fnd_d;        // FETCH / WAIT: an unread slot was picked (slot_q)
	reg        rd_go_q, rd_go_d;    // SEND / REPLY passed CHK_B: start the reader in MSG_HEAD

	// The EP index comes straight from registers: isel_q is isel_of(state_q,
	// op_q) outside IDLE and FAIL (no state decode before the EP read). It is
	// set from the state a cycle leads to when it continues (not from state_d,
	// which waits for the checks); where it stops instead, no index is needed
	localparam [1:0] IS_EP = 2'd0, IS_RPL = 2'd1, IS_CARG = 2'd2;
	function automatic [1:0] isel_of(input [4:0] st, input [3:0] op);
		if (st == S_CHK_A && op == TCU_OP_SEND)
			isel_of = IS_CARG;   // SEND: the reply EP named by ARG
		else if ((st == S_CHK_B && op != TCU_OP_SEND) || st == S_RPL_INV || st == S_ACK_INV)
			isel_of = IS_RPL;    // REPLY / ACK: the slot's reply EP
		else
			isel_of = IS_EP;     // the command's EP
	endfunction
	always @*
		ep_idx_o = (isel_q == IS_RPL) ? rpl_q[6:0] : (isel_q == IS_CARG) ? carg_q[6:0] : ep_q;
	// the same select on what the registers take at this edge (reset: EP 0)
	always @*
		ep_nidx_o = rst_i ? 7'd0 :
			    (isel_d == IS_RPL) ? rpl_d[6:0] : (isel_d == IS_CARG) ? carg_d[6:0] : ep_d;

	assign idle_o  = (state_q == S_IDLE);
	// A core blocked in WAIT must not hold off the kernel: privileged writes run
	// while the WAIT is parked (hold_wait_i), and it re-reads its EP afterwards.
	assign quiet_o = (state_q == S_IDLE) || (state_q == S_WAIT);

	// EP fields on the read port
	wire [1:0]  e_type   = ep_rd_i[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire        e_valid  = ({1'b0, ep_idx_o} < N_EPS);
	wire [5:0]  s_cur    = ep_rd_i[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [3:0]  s_order  = ep_rd_i[TCU_SEP_MSG_ORDER_LSB +: TCU_SEP_MSG_ORDER_W];
	wire        s_reply  = ep_rd_i[TCU_SEP_REPLY_LSB];
	wire [6:0]  s_crdep  = ep_rd_i[TCU_SEP_CRD_EP_LSB +: TCU_SEP_CRD_EP_W];
	wire [3:0]  r_order  = ep_rd_i[TCU_REP_SLOT_ORDER_LSB +: TCU_REP_SLOT_ORDER_W];
	wire [2:0]  r_slots  = ep_rd_i[TCU_REP_SLOTS_LSB +: TCU_REP_SLOTS_W];
	wire [6:0]  r_rplep  = ep_rd_i[TCU_REP_RPL_EP_LSB +: TCU_REP_RPL_EP_W];
	wire [4:0]  r_rpos   = ep_rd_i[TCU_REP_RPOS_LSB +: TCU_REP_RPOS_W];
	wire [31:0] r_occ    = ep_rd_i[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] r_unread = ep_rd_i[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	wire [5:0]  r_n      = 6'd1 << r_slots;
	wire [31:0] m_size   = ep_rd_i[TCU_MEP_SIZE_LSB +: TCU_MEP_SIZE_W];
	// end of a memory access, 2 bits wider: it may not wrap past 2^32 (T2)
	wire [33:0] m_end    = {2'b0, ep_rd_i[TCU_MEP_BASE_LSB +: TCU_MEP_BASE_W]} + {2'b0, arg_q} + {2'b0, dsize_q};

	// message offset -> slot (REPLY / ACK): aligned and inside the buffer
	wire [15:0] off_sh   = carg_q >> r_order;
	wire [4:0]  off_slot = off_sh[4:0];
	wire        unused_off = ^off_sh[15:5];   // off_ok: zero when it counts
	// aligned and slot < r_n (no shift, no compare chain): ARG has bits only in
	// [order, order + slots); r_n is 0 for SLOTS > 5 (6 bits): no offset is valid
	wire [6:0]  off_n    = (r_slots > 3'd5) ? 7'd0 : (7'd1 << r_slots) - 7'd1;
	wire [22:0] off_win  = {16'd0, off_n} << r_order;
	wire        off_ok   = (r_slots <= 3'd5) && ({7'd0, carg_q} & ~off_win) == 23'd0;
	wire        off_occ  = r_occ[off_slot];

	// next unread slot from RPOS (FETCH / WAIT)
	wire        u_found;
	wire [4:0]  u_slot;
	tcu_rr_pick u_unread (
		.req_i(r_unread & ~(32'hffff_ffff << r_n)), .start_i(r_rpos & (r_n[4:0] - 5'd1)),
		.found_o(u_found), .idx_o(u_slot)
	);
	wire [15:0] u_off = {11'd0, slot_q} << r_order;   // S_TAKE: the slot picked a cycle before
	wire        take_ok = fnd_q && e_valid && e_type == TCU_EPT_RECV && r_unread[slot_q];

	// size checks
	wire [32:0] local_end = {1'b0, daddr_q} + {1'b0, dsize_q};
	wire        local_oob = local_end[32] || (local_end[31:0] > SPM_B);
	wire        msg_oob   = ({1'b0, dsize_q} + 33'd16) > (33'd1 << s_order);
	wire        order_bad = (s_order < TCU_MIN_MSG_ORDER[3:0]) || (s_order > TCU_MAX_MSG_ORDER[3:0]);
	wire [31:0] left      = dsize_q - done_q;
	wire [31:0] blen      = (left > BURST) ? BURST : left;

	// reader / writer
	reg         rd_start, wr_start, rd_abort, wr_abort;
	reg  [31:0] xfer_addr;
	reg  [12:0] xfer_len;
	wire        rd_valid, rd_last, wr_busy, wr_ready, wr_need;
	wire [63:0] rd_data;
	reg         rd_ready, wr_valid;

	tcu_xfer u_xfer (
		.clk_i(clk_i), .rst_i(rst_i), .addr_i(xfer_addr), .len_i(xfer_len),
		.rd_start_i(rd_start), .rd_abort_i(rd_abort), .rd_valid_o(rd_valid), .rd_ready_i(rd_ready),
		.rd_data_o(rd_data), .rd_last_o(rd_last),
		.wr_start_i(wr_start), .wr_abort_i(wr_abort), .wr_busy_o(wr_busy), .wr_need_o(wr_need),
		.wr_valid_i(wr_valid), .wr_ready_o(wr_ready), .wr_data_i(rsp_in_data_i),
		.spm_req_o(spm_req_o), .spm_we_o(spm_we_o), .spm_addr_o(spm_addr_o), .spm_wdata_o(spm_wdata_o),
		.spm_gnt_i(spm_gnt_i), .spm_rdata_i(spm_rdata_i)
	);

	// response head fields
	wire [3:0]  p_kind = rsp_in_data_i[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
	wire [43:0] p_arg  = rsp_in_data_i[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W];
	wire [4:0]  p_err  = p_arg[TCU_RSP_ARG_ERR_LSB +: TCU_RSP_ARG_ERR_W];
	wire [3:0]  p_tag  = p_arg[TCU_RSP_ARG_TAG_LSB +: TCU_RSP_ARG_TAG_W];
	wire [4:0]  pp_err = p_arg[TCU_PRIV_RSP_ARG_ERR_LSB +: TCU_PRIV_RSP_ARG_ERR_W];
	wire [3:0]  pp_tag = p_arg[TCU_PRIV_RSP_ARG_TAG_LSB +: TCU_PRIV_RSP_ARG_TAG_W];
	wire        unused_arg = ^p_arg[43:41];   // above every RSP layout
	wire        is_msg  = (op_q == TCU_OP_SEND) || (op_q == TCU_OP_REPLY);
	wire        is_priv = (op_q == TCU_OP_PRIV_WR) || (op_q == TCU_OP_PRIV_RD);
	wire [3:0]  want_kind = is_msg ? NOC_KIND_MSG_ACK : is_priv ? NOC_KIND_PRIV_RSP :
				(op_q == TCU_OP_READ) ? NOC_KIND_RD_RSP : NOC_KIND_WR_ACK;
	wire        match = (p_kind == want_kind) && ((is_priv ? pp_tag : p_tag) == tag_q);

	// request head flit
	reg [63:0] head;
	reg [43:0] harg;
	always @* begin
		head = 64'd0;
		head[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W] = tx_q;
		head[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W] = ty_q;
		head[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] = TX;
		head[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] = TY;
		harg = 44'd0;
		if (is_msg) begin
			head[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] = NOC_KIND_MSG;
			harg[TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W]       = tep_q;
			harg[TCU_MSG_ARG_LEN_LSB +: TCU_MSG_ARG_LEN_W]             = dsize_q[11:0];
			harg[TCU_MSG_ARG_REPLY_LSB]                                = (op_q == TCU_OP_REPLY);
			harg[TCU_MSG_ARG_RPL_ORDER_LSB +: TCU_MSG_ARG_RPL_ORDER_W] = rorder_q;
			harg[TCU_MSG_ARG_SND_EP_LSB +: TCU_MSG_ARG_SND_EP_W]       = sndep_q;
			harg[TCU_MSG_ARG_RPL_EP_LSB +: TCU_MSG_ARG_RPL_EP_W]       = rok_q ? carg_q[6:0] : NO_EP;
			harg[TCU_MSG_ARG_TAG_LSB +: TCU_MSG_ARG_TAG_W]             = tag_q;
		end else if (is_priv) begin
			head[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] = NOC_KIND_PRIV_REQ;
			harg[TCU_PRIV_ARG_WRITE_LSB]                       = (op_q == TCU_OP_PRIV_WR);
			harg[TCU_PRIV_ARG_REG_LSB +: TCU_PRIV_ARG_REG_W]   = arg_q[TCU_PRIVARG_REG_LSB +: TCU_PRIVARG_REG_W];
			harg[TCU_PRIV_ARG_CNT_LSB +: TCU_PRIV_ARG_CNT_W]   = dsize_q[6:2];
			harg[TCU_PRIV_ARG_TAG_LSB +: TCU_PRIV_ARG_TAG_W]   = tag_q;
		end else begin
			head[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] = (op_q == TCU_OP_READ) ? NOC_KIND_RD_REQ : NOC_KIND_WR_REQ;
			harg[TCU_MEM_ARG_LEN_LSB +: TCU_MEM_ARG_LEN_W]     = blen[11:0];
			harg[TCU_MEM_ARG_TAG_LSB +: TCU_MEM_ARG_TAG_W]     = tag_q;
		end
		head[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W] = harg;
	end

	// ------------------------------------------------------------ FSM
	always @* begin
		state_d  = state_q;
		op_d     = op_q;
		ep_d     = ep_q;
		carg_d   = carg_q;
		daddr_d  = daddr_q;
		dsize_d  = dsize_q;
		arg_d    = arg_q;
		waitop_d = waitop_q;
		err_d    = err_q;
		rok_d    = rok_q;
		rorder_d = rorder_q;
		slot_d   = slot_q;
		rpl_d    = rpl_q;
		tx_d     = tx_q;
		ty_d     = ty_q;
		tep_d    = tep_q;
		sndep_d  = sndep_q;
		label_d  = label_q;
		took_d   = took_q;
		base_d   = base_q;
		done_d   = done_q;
		tag_d    = tag_q;
		drain_d  = drain_q;
		ropen_d  = ropen_q;
		wd_d     = wd_q;
		done_o      = 1'b0;
		done_err_o  = err_q;
		done_res_o  = carg_q;
		wait_done_o = 1'b0;
		result_we_o = 1'b0;
		result_o    = p_arg[TCU_PRIV_RSP_ARG_DATA_LSB +: TCU_PRIV_RSP_ARG_DATA_W];
		dropped_o   = 1'b0;
		isel_d      = isel_q;
		fnd_d       = fnd_q;
		rd_go_d     = 1'b0;
		ep_we_o     = 1'b0;
		ep_wdata_o  = ep_rd_i;
		req_out_valid_o = 1'b0;
		req_out_data_o  = head;
		req_out_last_o  = 1'b0;
		rsp_in_ready_o  = 1'b0;
		rd_start  = 1'b0;
		wr_start  = 1'b0;
		rd_abort  = 1'b0;
		wr_abort  = 1'b0;
		xfer_addr = daddr_q;
		xfer_len  = dsize_q[12:0];
		rd_ready  = 1'b0;
		wr_valid  = 1'b0;

		// responses nobody waits for are drained (and counted at their head)
		if (drain_q || (state_q != S_WAIT_RSP && state_q != S_RD_DATA)) begin
			rsp_in_ready_o = 1'b1;
			if (rsp_in_valid_i) begin
				if (!drain_q)
					dropped_o = 1'b1;
				drain_d = !rsp_in_last_i;
			end
		end

		case (state_q)
		S_IDLE: begin
			err_d  = TCU_ERR_NONE;
			took_d = 1'b0;
			done_d = 32'd0;
			if (wait_i) begin
				waitop_d = 1'b1;
				ep_d     = wait_ep_i;
				wd_d     = 24'd0;
				state_d  = S_WAIT;
			end else if (start_i) begin
				waitop_d = 1'b0;
				op_d     = start_op_i;
				ep_d     = start_ep_i;
				carg_d   = start_arg_i;
				daddr_d  = data_addr_i;
				dsize_d  = data_size_i;
				arg_d    = arg_i;
				state_d  = S_CHK_A;
			end
		end

		S_CHK_A: begin
			state_d = S_IDLE;   // finish unless a branch continues
			case (op_q)
			TCU_OP_IDLE: begin
				done_o = 1'b1;
			end
			TCU_OP_SEND: begin
				rok_d    = (carg_q[6:0] != NO_EP) && e_valid && (carg_q[15:7] == 9'd0) && e_type == TCU_EPT_RECV;
				rorder_d = (carg_q[6:0] != NO_EP) ? r_order : 4'd0;
				if (carg_q != {9'd0, NO_EP} && !((carg_q[15:7] == 9'd0) && e_valid && e_type == TCU_EPT_RECV))
					err_d = TCU_ERR_NO_REP;   // reported after the send-EP checks
				state_d  = S_CHK_B;
			end
			TCU_OP_REPLY, TCU_OP_ACK_MSG: begin
				slot_d   = off_slot;
				rpl_d    = {1'b0, r_rplep} + {3'd0, off_slot};
				if (!e_valid || e_type != TCU_EPT_RECV) begin
					err_d   = TCU_ERR_NO_REP;
					state_d = S_FAIL;
				end else if (op_q == TCU_OP_REPLY && r_rplep == NO_EP) begin
					err_d   = TCU_ERR_REPLIES_DISABLED;
					state_d = S_FAIL;
				end else if (!off_ok || (op_q == TCU_OP_ACK_MSG && !off_occ)) begin
					err_d   = TCU_ERR_INV_MSG_OFF;
					state_d = S_FAIL;
				end else if (op_q == TCU_OP_REPLY) begin
					state_d = S_CHK_B;
				end else begin
					state_d = S_FREE;
				end
			end
			TCU_OP_FETCH_MSG: begin
				state_d = S_FETCH;   // checks the EP itself
			end
			TCU_OP_READ, TCU_OP_WRITE: begin
				base_d   = ep_rd_i[TCU_MEP_BASE_LSB +: TCU_MEP_BASE_W];
				tx_d     = ep_rd_i[TCU_MEP_TGT_X_LSB +: TCU_MEP_TGT_X_W];
				ty_d     = ep_rd_i[TCU_MEP_TGT_Y_LSB +: TCU_MEP_TGT_Y_W];
				// the outcome is registered (err_q) and acted on in S_MEM_GO
				if (!e_valid || e_type != TCU_EPT_MEM)
					err_d = TCU_ERR_NO_MEP;
				else if (op_q == TCU_OP_READ ? !ep_rd_i[TCU_MEP_R_LSB] : !ep_rd_i[TCU_MEP_W_LSB])
					err_d = TCU_ERR_NO_PERM;
				else if (({1'b0, arg_q} + {1'b0, dsize_q}) > {1'b0, m_size} || m_end > 34'h1_0000_0000 ||
					 local_oob)
					err_d = TCU_ERR_OUT_OF_BOUNDS;
				state_d = S_MEM_GO;
			end
			TCU_OP_PRIV_WR, TCU_OP_PRIV_RD: begin
				tx_d = arg_q[TCU_PRIVARG_X_LSB +: TCU_PRIVARG_X_W];
				ty_d = arg_q[TCU_PRIVARG_Y_LSB +: TCU_PRIVARG_Y_W];
				if (IsKernel == 0) begin
					done_err_o = TCU_ERR_NO_PERM;
					done_o     = 1'b1;
				end else if (dsize_q == 32'd0 || dsize_q[1:0] != 2'd0 ||
					     dsize_q > 4 * TCU_PRIV_MAX_WORDS || local_oob) begin
					done_err_o = TCU_ERR_OUT_OF_BOUNDS;
					done_o     = 1'b1;
				end else begin
					state_d = S_PRIV;
				end
			end
			default: begin
				done_err_o = TCU_ERR_UNKNOWN_CMD;
				done_o     = 1'b1;
			end
			endcase
		end

		S_CHK_B: begin
			if (op_q == TCU_OP_SEND) begin
				tx_d     = ep_rd_i[TCU_SEP_TGT_X_LSB +: TCU_SEP_TGT_X_W];
				ty_d     = ep_rd_i[TCU_SEP_TGT_Y_LSB +: TCU_SEP_TGT_Y_W];
				tep_d    = ep_rd_i[TCU_SEP_TGT_EP_LSB +: TCU_SEP_TGT_EP_W];
				label_d  = ep_rd_i[TCU_SEP_LABEL_LSB +: TCU_SEP_LABEL_W];
				sndep_d  = (s_cur == TCU_CRD_UNLIM[5:0]) ? NO_EP : ep_q;
				if (!e_valid || e_type != TCU_EPT_SEND)
					done_err_o = TCU_ERR_NO_SEP;
				else if (s_reply)
					done_err_o = TCU_ERR_SEND_REPLY_EP;
				else if (order_bad)
					done_err_o = TCU_ERR_SEND_INV_MSG_SZ;
				else if (msg_oob || local_oob)
					done_err_o = TCU_ERR_OUT_OF_BOUNDS;
				else if (err_q != TCU_ERR_NONE)
					done_err_o = err_q;             // NO_REP from CHK_A
				else if (s_cur == 6'd0)
					done_err_o = TCU_ERR_NO_CREDITS;
				else
					done_err_o = TCU_ERR_NONE;
				if (done_err_o != TCU_ERR_NONE) begin
					err_d   = done_err_o;
					state_d = S_FAIL;
				end else if (s_cur == TCU_CRD_UNLIM[5:0]) begin
					rd_go_d  = 1'b1;
					state_d  = S_MSG_HEAD;
				end else begin
					// take the credit now; refunded if delivery fails
					ep_we_o = 1'b1;
					ep_wdata_o[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] = s_cur - 6'd1;
					if (ep_gnt_i) begin
						took_d   = 1'b1;
						rd_go_d  = 1'b1;
						state_d  = S_MSG_HEAD;
					end
				end
			end else begin
				// REPLY: the slot's reply EP
				tx_d     = ep_rd_i[TCU_SEP_TGT_X_LSB +: TCU_SEP_TGT_X_W];
				ty_d     = ep_rd_i[TCU_SEP_TGT_Y_LSB +: TCU_SEP_TGT_Y_W];
				tep_d    = ep_rd_i[TCU_SEP_TGT_EP_LSB +: TCU_SEP_TGT_EP_W];
				label_d  = ep_rd_i[TCU_SEP_LABEL_LSB +: TCU_SEP_LABEL_W];
				sndep_d  = s_crdep;
				rok_d    = 1'b0;
				rorder_d = 4'd0;
				if (rpl_q >= N_EPS || e_type != TCU_EPT_SEND || !s_reply)
					done_err_o = TCU_ERR_NO_SEP;
				else if ({1'b0, s_crdep} >= N_EPS && s_crdep != TCU_NO_EP[6:0])
					done_err_o = TCU_ERR_SEND_INV_CRD_EP; // credit EP neither an EP nor none
				else if (order_bad)
					done_err_o = TCU_ERR_SEND_INV_MSG_SZ;
				else if (msg_oob || local_oob)
					done_err_o = TCU_ERR_OUT_OF_BOUNDS;
				else
					done_err_o = TCU_ERR_NONE;
				if (done_err_o != TCU_ERR_NONE) begin
					err_d   = done_err_o;
					state_d = S_FAIL;
				end else begin
					rd_go_d  = 1'b1;
					state_d  = S_MSG_HEAD;
				end
			end
		end

		S_MSG_HEAD: begin
			// the payload reader starts a cycle after the checks (registered:
			// it waits for no EP read); it is needed from S_PAY on
			rd_start        = rd_go_q;
			req_out_valid_o = 1'b1;
			if (req_out_ready_i)
				state_d = S_MSG_META;
		end
		S_MSG_META: begin
			req_out_valid_o = 1'b1;
			req_out_data_o  = 64'd0;
			req_out_data_o[TCU_MSG_META_LABEL_LSB +: TCU_MSG_META_LABEL_W] = label_q;
			req_out_data_o[TCU_MSG_META_RPL_LABEL_LSB +: TCU_MSG_META_RPL_LABEL_W] =
				(op_q == TCU_OP_SEND) ? arg_q : 32'd0;
			req_out_last_o  = (dsize_q == 32'd0);
			if (req_out_ready_i) begin
				wd_d    = 24'd0;
				state_d = (dsize_q == 32'd0) ? S_WAIT_RSP : S_PAY;
			end
		end
		S_PAY: begin
			req_out_valid_o = rd_valid;
			req_out_data_o  = rd_data;
			req_out_last_o  = rd_last;
			rd_ready        = req_out_ready_i;
			if (rd_valid && req_out_ready_i && rd_last) begin
				wd_d    = 24'd0;
				state_d = S_WAIT_RSP;
			end
		end

		S_WAIT_RSP: begin
			wd_d = wd_q + 24'd1;
			if (!drain_q) begin
				rsp_in_ready_o = 1'b1;
				if (rsp_in_valid_i && !match) begin
					dropped_o = 1'b1;
					drain_d   = !rsp_in_last_i;
				end else if (rsp_in_valid_i) begin
					tag_d   = tag_q + 4'd1;
					ropen_d = !rsp_in_last_i;
					wd_d    = 24'd0;
					err_d   = is_priv ? pp_err : p_err;
					if (is_priv) begin
						result_we_o = 1'b1;
						result_o    = p_arg[TCU_PRIV_RSP_ARG_DATA_LSB +: TCU_PRIV_RSP_ARG_DATA_W];
					end
					if ((is_priv ? pp_err : p_err) != TCU_ERR_NONE) begin
						// refused: drain what follows, undo a taken credit
						drain_d = !rsp_in_last_i;
						state_d = (took_q) ? S_REFUND : S_IDLE;
						if (!took_q) begin
							done_err_o = p_err;
							if (is_priv)
								done_err_o = pp_err;
							done_o = 1'b1;
						end
					end else if (op_q == TCU_OP_SEND) begin
						drain_d    = !rsp_in_last_i;
						done_err_o = TCU_ERR_NONE;
						done_o     = 1'b1;
						state_d    = S_IDLE;
					end else if (op_q == TCU_OP_REPLY) begin
						drain_d = !rsp_in_last_i;
						state_d = S_RPL_INV;
					end else if (op_q == TCU_OP_READ || op_q == TCU_OP_PRIV_RD) begin
						// data follows: into the writer
						xfer_addr = daddr_q + done_q;
						xfer_len  = (op_q == TCU_OP_READ) ? blen[12:0] : dsize_q[12:0];
						wr_start  = 1'b1;
						state_d   = S_RD_DATA;
					end else begin
						drain_d = !rsp_in_last_i;
						// WRITE burst done; PRIV_WR done
						if (op_q == TCU_OP_WRITE && blen != left) begin
							done_d  = done_q + blen;
							state_d = S_BURST;
						end else begin
							done_err_o = TCU_ERR_NONE;
							done_o     = 1'b1;
							state_d    = S_IDLE;
						end
					end
				end
			end
			// watchdog: no response head in CmdTimeout cycles
			if (wd_q >= {4'd0, CMD_TO} && !rsp_in_valid_i) begin
				tag_d      = tag_q + 4'd1;
				err_d      = TCU_ERR_TIMEOUT_NOC;
				state_d    = took_q ? S_REFUND : S_IDLE;
				done_err_o = TCU_ERR_TIMEOUT_NOC;
				done_o     = !took_q;
			end
		end

		S_RD_DATA: begin
			wd_d = wd_q + 24'd1;
			if (!wr_busy) begin
				// all bytes written
				drain_d = ropen_q;
				if (op_q == TCU_OP_READ && blen != left) begin
					done_d  = done_q + blen;
					state_d = S_BURST;
				end else begin
					done_err_o = TCU_ERR_NONE;
					done_o     = 1'b1;
					state_d    = S_IDLE;
				end
			end else if ((!ropen_q && wr_need) || wd_q >= {4'd0, CMD_TO}) begin
				// response ended before all bytes came, or stalled: give up
				wr_abort   = 1'b1;
				drain_d    = ropen_q;
				done_err_o = TCU_ERR_TIMEOUT_NOC;
				done_o     = 1'b1;
				state_d    = S_IDLE;
			end else if (ropen_q) begin
				wr_valid       = rsp_in_valid_i;
				rsp_in_ready_o = wr_ready;
				if (rsp_in_valid_i && wr_ready) begin
					ropen_d = !rsp_in_last_i;
					wd_d    = 24'd0;
				end
			end
		end

		S_REFUND: begin
			// never above MAX: a stale reply may have returned a credit meanwhile (T3)
			if (e_valid && e_type == TCU_EPT_SEND && s_cur != TCU_CRD_UNLIM[5:0] &&
			    s_cur < ep_rd_i[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W]) begin
				ep_we_o = 1'b1;
				ep_wdata_o[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] = s_cur + 6'd1;
			end
			if (ep_gnt_i) begin
				done_err_o = err_q;
				done_o     = 1'b1;
				state_d    = S_IDLE;
			end
		end
		S_RPL_INV: begin
			ep_we_o    = 1'b1;
			ep_wdata_o = 128'd0;
			if (ep_gnt_i)
				state_d = S_FREE;
		end
		S_FREE: begin
			ep_we_o  = 1'b1;
			ep_wdata_o[TCU_REP_OCC_LSB +: TCU_REP_OCC_W]       = r_occ & ~(32'd1 << slot_q);
			ep_wdata_o[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W] = r_unread & ~(32'd1 << slot_q);
			if (ep_gnt_i) begin
				// (rpl_q < N_EPS implies a reply range: rpl_q = RPL_EP + slot, NO_EP = 127)
				if (op_q == TCU_OP_ACK_MSG && rpl_q < N_EPS) begin
					state_d = S_ACK_INV;
				end else begin
					done_err_o = TCU_ERR_NONE;
					done_o     = 1'b1;
					state_d    = S_IDLE;
				end
			end
		end
		S_ACK_INV: begin
			ep_we_o    = 1'b1;
			ep_wdata_o = 128'd0;
			if (ep_gnt_i) begin
				done_err_o = TCU_ERR_NONE;
				done_o     = 1'b1;
				state_d    = S_IDLE;
			end
		end

		S_FAIL: begin
			// a check of CHK_A / CHK_B failed (registered: completion does not
			// wait for the EP read); the result is CMD.ARG as written
			done_o  = 1'b1;
			state_d = S_IDLE;
		end
		S_MEM_GO: begin
			// the memory EP cannot change meanwhile: the kernel reconfigures
			// EPs only while this engine is quiet, messages touch no memory EP
			if (err_q != TCU_ERR_NONE || dsize_q == 32'd0) begin
				done_o  = 1'b1;
				state_d = S_IDLE;
			end else begin
				state_d = S_BURST;
			end
		end
		S_BURST: begin
			req_out_valid_o = 1'b1;
			if (req_out_ready_i)
				state_d = S_MEM_ADDR;
		end
		S_MEM_ADDR: begin
			req_out_valid_o = 1'b1;
			req_out_data_o  = 64'd0;
			req_out_data_o[TCU_MEM_ADDR_ADDR_LSB +: TCU_MEM_ADDR_ADDR_W] = base_q + arg_q + done_q;
			req_out_last_o  = (op_q == TCU_OP_READ);
			if (req_out_ready_i) begin
				wd_d = 24'd0;
				if (op_q == TCU_OP_READ) begin
					state_d = S_WAIT_RSP;
				end else begin
					xfer_addr = daddr_q + done_q;
					xfer_len  = blen[12:0];
					rd_start  = 1'b1;
					state_d   = S_PAY;
				end
			end
		end
		S_PRIV: begin
			req_out_valid_o = 1'b1;
			req_out_last_o  = (op_q == TCU_OP_PRIV_RD);
			if (req_out_ready_i) begin
				wd_d = 24'd0;
				if (op_q == TCU_OP_PRIV_RD) begin
					state_d = S_WAIT_RSP;
				end else begin
					rd_start = 1'b1;
					state_d  = S_PAY;
				end
			end
		end

		S_FETCH, S_WAIT: begin
			// the outcome goes to S_TAKE in a register (fnd_q, err_q, slot_q):
			// completion never waits for this cycle's EP read
			wd_d = wd_q + 24'd1;
			if (state_q == S_WAIT && hold_wait_i) begin
				wd_d = wd_q; // parked: no EP access while a privileged write runs
			end else if (!e_valid || e_type != TCU_EPT_RECV) begin
				err_d   = TCU_ERR_NO_REP;
				fnd_d   = 1'b0;
				state_d = S_TAKE;
			end else if (u_found) begin
				fnd_d   = 1'b1;
				slot_d  = u_slot;
				state_d = S_TAKE;
			end else if (state_q == S_FETCH || wd_q == WAIT_TO) begin
				fnd_d   = 1'b0;          // nothing unread: NONE_OFF
				state_d = S_TAKE;
			end
		end
		S_TAKE: begin
			// take the picked slot. It is still unread unless tcu_in cleared it
			// meanwhile (it reserved it as free: a kernel may configure UNREAD
			// without OCC); then the result is "none" (take_ok), like an empty
			// EP. Completion waits for the write port only, never for EP data.
			done_err_o = fnd_q ? TCU_ERR_NONE : err_q;
			done_res_o = take_ok ? u_off : TCU_NONE_OFF[15:0];
			if (take_ok) begin
				ep_we_o = 1'b1;
				ep_wdata_o[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W] = r_unread & ~(32'd1 << slot_q);
				ep_wdata_o[TCU_REP_RPOS_LSB +: TCU_REP_RPOS_W] = (slot_q + 5'd1) & (r_n[4:0] - 5'd1);
			end
			if (!fnd_q || ep_gnt_i) begin
				state_d = S_IDLE;
				if (waitop_q)
					wait_done_o = 1'b1;
				else
					done_o = 1'b1;
			end
		end

		default: begin
			state_d = S_IDLE;
		end
		endcase

		// a FETCH_MSG / WAIT ends in S_TAKE: the result word of a WAIT (valid
		// in every cycle of S_TAKE; done_o / wait_done_o are set there, not
		// from state_d, which would put every state's checks before them)
		wait_word_o[TCU_CMD_OP_LSB +: TCU_CMD_OP_W]   = TCU_OP_IDLE;
		wait_word_o[TCU_CMD_EP_LSB +: TCU_CMD_EP_W]   = ep_q;
		wait_word_o[TCU_CMD_ERR_LSB +: TCU_CMD_ERR_W] = fnd_q ? TCU_ERR_NONE : err_q;
		wait_word_o[TCU_CMD_ARG_LSB +: TCU_CMD_ARG_W] = take_ok ? u_off : TCU_NONE_OFF[15:0];
		case (state_q)
		S_IDLE:    isel_d = isel_of(wait_i ? S_WAIT : S_CHK_A, wait_i ? op_q : start_op_i);
		S_CHK_A:   isel_d = (op_q == TCU_OP_REPLY) ? IS_RPL : IS_EP;   // REPLY -> CHK_B, else EP states
		S_WAIT_RSP:isel_d = (op_q == TCU_OP_REPLY && !drain_q && rsp_in_valid_i && match && p_err == TCU_ERR_NONE) ?
				    IS_RPL : IS_EP;   // a REPLY's positive MSG_ACK: -> RPL_INV
		S_RPL_INV: isel_d = ep_gnt_i ? IS_EP : IS_RPL;                 // -> FREE
		S_FREE:    isel_d = (ep_gnt_i && op_q == TCU_OP_ACK_MSG) ? IS_RPL : IS_EP;   // -> ACK_INV
		S_ACK_INV: isel_d = IS_RPL;
		default:   isel_d = IS_EP;
		endcase
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			state_q  <= S_IDLE;
			op_q     <= 4'd0;
			ep_q     <= 7'd0;
			carg_q   <= 16'd0;
			daddr_q  <= 32'd0;
			dsize_q  <= 32'd0;
			arg_q    <= 32'd0;
			waitop_q <= 1'b0;
			err_q    <= 5'd0;
			rok_q    <= 1'b0;
			rorder_q <= 4'd0;
			slot_q   <= 5'd0;
			rpl_q    <= 8'd0;
			tx_q     <= 4'd0;
			ty_q     <= 4'd0;
			tep_q    <= 7'd0;
			sndep_q  <= 7'd0;
			label_q  <= 32'd0;
			took_q   <= 1'b0;
			base_q   <= 32'd0;
			done_q   <= 32'd0;
			tag_q    <= 4'd0;
			drain_q  <= 1'b0;
			ropen_q  <= 1'b0;
			wd_q     <= 24'd0;
			isel_q   <= IS_EP;
			fnd_q    <= 1'b0;
			rd_go_q  <= 1'b0;
		end else begin
			state_q  <= state_d;
			op_q     <= op_d;
			ep_q     <= ep_d;
			carg_q   <= carg_d;
			daddr_q  <= daddr_d;
			dsize_q  <= dsize_d;
			arg_q    <= arg_d;
			waitop_q <= waitop_d;
			err_q    <= err_d;
			rok_q    <= rok_d;
			rorder_q <= rorder_d;
			slot_q   <= slot_d;
			rpl_q    <= rpl_d;
			tx_q     <= tx_d;
			ty_q     <= ty_d;
			tep_q    <= tep_d;
			sndep_q  <= sndep_d;
			label_q  <= label_d;
			took_q   <= took_d;
			base_q   <= base_d;
			done_q   <= done_d;
			tag_q    <= tag_d;
			drain_q  <= drain_d;
			ropen_q  <= ropen_d;
			wd_q     <= wd_d;
			isel_q   <= isel_d;
			fnd_q    <= fnd_d;
			rd_go_q  <= rd_go_d;
		end
	end

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	// lemma: the index select is the decode it replaces (1-inductive)
	always @(posedge clk_i)
		if (f_past_valid && !rst_i && state_q != S_IDLE && state_q != S_FAIL)
			l_isel: assert (isel_q == isel_of(state_q, op_q));
	// lemma: the reader start is pending only on the first cycle of MSG_HEAD
	always @(posedge clk_i)
		if (f_past_valid && !rst_i && rd_go_q)
			l_rd_go: assert (state_q == S_MSG_HEAD);
`endif
endmodule
