`default_nettype none
// tcu_in - inbound engine of the TCU: serves every packet arriving on the REQ
// network and answers on the RSP network.
//
//   MSG      check the receive EP, reserve a slot (OCC), write header + payload
//            into the SPM, set UNREAD, install the use-once reply EP or return a
//            credit (replies), answer MSG_ACK
//   RD_REQ   bounds check against the memory (never registers), stream RD_RSP
//   WR_REQ   bounds check, write the payload, answer WR_ACK
//   PRIV_REQ honoured only if the hardware-stamped source is the kernel tile and
//            the command engine is idle: EP words, EXT_CMD, CORE_CTRL; PRIV_RSP.
//            If the command engine stays busy for PrivWait cycles (e.g. its own
//            packet queues behind this request), the request is drained unapplied
//            and answered ABORT, which the kernel retries
//
// It also applies the kernel tile's own privileged MMIO stores (lw_*), so every
// EP-configuration path is this one FSM. Refused packets are drained whole and
// answered with their error; unknown kinds are drained and counted.
module tcu_in #(
	parameter integer NumEps   = 32,    // endpoints (1 .. TCU_MAX_EPS)
	parameter integer SpmBytes = 65536, // bytes of memory behind the SPM port
	parameter integer KernelX  = 0,     // the kernel tile: the only source of PRIV_REQ
	parameter integer KernelY  = 0,
	parameter integer IsKernel = 0,     // this tile is the kernel tile (CORE_CTRL reset value 0)
	parameter integer PrivWait = 2048   // cycles a PRIV_REQ waits for the command engine, then ABORT
) (
	input  wire         clk_i,
	input  wire         rst_i,
	// REQ network in
	input  wire         req_in_valid_i,
	output reg          req_in_ready_o,
	input  wire [63:0]  req_in_data_i,
	input  wire         req_in_last_i,
	// RSP network out
	output reg          rsp_out_valid_o,
	input  wire         rsp_out_ready_i,
	output reg  [63:0]  rsp_out_data_o,
	output reg          rsp_out_last_o,
	// EP file: read port (the EP at ep_idx_o as of now) and the priority write port
	output reg  [6:0]   ep_idx_o,
	output reg  [6:0]   ep_nidx_o,    // ep_idx_o of the next cycle (the EP file reads it ahead)
	input  wire [127:0] ep_rd_i,
	output reg          ep_we_o,
	output reg  [127:0] ep_wdata_o,
	output wire         ep_lock_o,    // no other writer this cycle (the command engine waits)
	// SPM (granted per access)
	output wire         spm_req_o,
	output wire [7:0]   spm_we_o,
	output wire [28:0]  spm_addr_o,    // dword address (64-bit SPM port)
	output wire [63:0]  spm_wdata_o,
	input  wire         spm_gnt_i,
	input  wire [63:0]  spm_rdata_i,
	// coordination with the command engine and the register block
	input  wire         cmd_idle_i,   // command engine idle (and not starting)
	input  wire         hold_i,       // accept nothing (EP file being cleared after reset)
	output reg          priv_busy_o,  // blocks command starts while privileged writes run
	input  wire         lw_valid_i,   // local privileged store (kernel tile only)
	input  wire [9:0]   lw_woff_i,
	input  wire [31:0]  lw_data_i,
	output reg          lw_done_o,
	output wire         preg_req_o,   // the register read port is needed now
	output reg  [9:0]   preg_woff_o,  // register read port for PRIV_REQ reads
	input  wire [31:0]  preg_rdata_i,
	output reg          irq_set_o,    // a message was delivered
	output reg          denied_o,     // a privileged access was refused
	output reg          dropped_o,    // a malformed packet was dropped
	output wire [31:0]  ext_cmd_o,
	output wire [31:0]  ext_arg_o,
	output wire         core_hold_o
);
	`include "spec_noc.vh"
	`include "spec_tcu.vh"

	generate
		if (NumEps < 1 || NumEps > TCU_MAX_EPS) begin : gen_bad_eps
			tcu_in_error_NumEps_out_of_range u_param_check ();
		end
		if (PrivWait < 1 || PrivWait > 1048575) begin : gen_bad_pw
			tcu_in_error_PrivWait_out_of_range u_pw_check ();
		end
	endgenerate

	localparam [6:0]  NO_EP    = TCU_NO_EP[6:0];
	localparam [7:0]  N_EPS    = NumEps[7:0];
	localparam [31:0] SPM_B    = SpmBytes[31:0];
	localparam [9:0]  EP_WOFF  = TCU_REG_EP_BASE[11:2];
	localparam [9:0]  EXT_WOFF = TCU_REG_EXT_CMD[11:2];
	localparam [9:0]  CTL_WOFF = TCU_REG_CORE_CTRL[11:2];
	localparam integer EpWEnd  = {20'd0, TCU_REG_EP_BASE} / 4 + NumEps * 4;
	localparam [10:0] EP_WEND  = EpWEnd[10:0];
	localparam [3:0]  KX = KernelX[3:0];
	localparam [3:0]  KY = KernelY[3:0];

	// ------------------------------------------------------------ state
	localparam [4:0]
		S_IDLE      = 5'd0,  // wait for a head flit or a local privileged store
		S_DISPATCH  = 5'd1,  // head latched: decide by kind
		S_MSG_CHK   = 5'd2,  // check the receive EP and the slot picked in S_DISPATCH
		S_MSG_H0    = 5'd3,  // header words 0/1 into the writer
		S_MSG_META  = 5'd4,  // meta flit (labels) into the writer
		S_MSG_PAY   = 5'd5,  // payload flits into the writer
		S_MSG_UNRD  = 5'd6,  // set UNREAD
		S_MSG_EP    = 5'd7,  // install reply EP / return credit
		S_MSG_UNDO  = 5'd8,  // short or long packet: release the reserved slot
		S_DRAIN     = 5'd9,  // consume the rest of a refused packet, then respond
		S_RSP       = 5'd10, // send the response head
		S_MEM_ADDR  = 5'd11, // RD_REQ / WR_REQ address flit
		S_RD_DATA   = 5'd12, // stream RD_RSP data
		S_WR_DATA   = 5'd13, // WR_REQ data into the writer
		S_PRIV_CHK  = 5'd14, // PRIV_REQ: source and register checks
		S_PRIV_WAIT = 5'd15, // wait for the command engine to be idle
		S_PRIV_FLIT = 5'd16, // take a write data flit
		S_PRIV_APPLY= 5'd17, // apply one word
		S_PRIV_RDLO = 5'd18, // read data: low word
		S_PRIV_RDHI = 5'd19, // read data: high word
		S_PRIV_RDTX = 5'd20, // read data: send the flit
		S_LW        = 5'd21, // apply a local privileged store
		S_DROP      = 5'd22, // drain an unknown packet, no response
		S_MSG_RES   = 5'd23; // message checked: reserve the slot, start the writer

	reg [4:0]   state_q, state_d;
	reg [63:0]  head_q, head_d;        // request head flit
	reg         open_q, open_d;        // the request has flits left (no last yet)
	reg [3:0]   rkind_q, rkind_d;      // response kind
	reg [4:0]   err_q, err_d;
	reg [31:0]  addr_q, addr_d;        // memory address / slot address
	reg [4:0]   slot_q, slot_d;
	reg [31:0]  rlabel_q, rlabel_d;    // reply label of a message
	reg [63:0]  flit_q, flit_d;        // PRIV write flit / PRIV read flit
	reg [4:0]   widx_q, widx_d;        // PRIV word index
	reg         extw_q, extw_d;        // an EXT_CMD was written by this PRIV_REQ
	reg [31:0]  ext_cmd_q, ext_cmd_d;
	reg [31:0]  ext_arg_q, ext_arg_d;
	reg         hold_q, hold_d;
	reg [19:0]  pwait_q;               // cycles spent in S_PRIV_WAIT
	reg [6:0]   aidx_q, aidx_d;        // EP index of S_MSG_EP / S_PRIV_APPLY / S_LW
	reg         asel_q, asel_d;        // state_q is one of those three (set on the way in)
	reg         s_found_q;             // free-slot pick of the receive EP, a cycle old
	reg [4:0]   s_slot_q;
	localparam [19:0] PW_TO = PrivWait[19:0];

	assign ext_cmd_o   = ext_cmd_q;
	assign preg_req_o  = (state_q == S_PRIV_RDLO) || (state_q == S_PRIV_RDHI);
	assign ext_arg_o   = ext_arg_q;
	assign core_hold_o = hold_q;
	// The message path reads the receive EP in S_DISPATCH (slot pick), checks
	// in S_MSG_CHK and writes in S_MSG_RES; the command engine may not write in
	// between, nor while this engine writes (a decode of state_q only, so the
	// command engine's grant does not wait for this engine's checks)
	assign ep_lock_o = (state_q == S_DISPATCH) || (state_q == S_MSG_CHK) || (state_q == S_MSG_RES) ||
			   (state_q == S_MSG_UNRD) || (state_q == S_MSG_EP) || (state_q == S_MSG_UNDO) ||
			   (state_q == S_PRIV_APPLY) || (state_q == S_LW);

	// request head fields
	wire [3:0]  h_kind   = head_q[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
	wire [3:0]  h_sx     = head_q[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W];
	wire [3:0]  h_sy     = head_q[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W];
	wire [43:0] h_arg    = head_q[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W];
	wire [6:0]  m_dst    = h_arg[TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W];
	wire [11:0] m_len    = h_arg[TCU_MSG_ARG_LEN_LSB +: TCU_MSG_ARG_LEN_W];
	wire        m_reply  = h_arg[TCU_MSG_ARG_REPLY_LSB];
	wire [3:0]  m_rorder = h_arg[TCU_MSG_ARG_RPL_ORDER_LSB +: TCU_MSG_ARG_RPL_ORDER_W];
	wire [6:0]  m_sndep  = h_arg[TCU_MSG_ARG_SND_EP_LSB +: TCU_MSG_ARG_SND_EP_W];
	wire [6:0]  m_rplep  = h_arg[TCU_MSG_ARG_RPL_EP_LSB +: TCU_MSG_ARG_RPL_EP_W];
	wire [3:0]  m_tag    = h_arg[TCU_MSG_ARG_TAG_LSB +: TCU_MSG_ARG_TAG_W];
	wire [11:0] mem_len  = h_arg[TCU_MEM_ARG_LEN_LSB +: TCU_MEM_ARG_LEN_W];
	wire [3:0]  mem_tag  = h_arg[TCU_MEM_ARG_TAG_LSB +: TCU_MEM_ARG_TAG_W];
	wire        p_write  = h_arg[TCU_PRIV_ARG_WRITE_LSB];
	wire [9:0]  p_reg    = h_arg[TCU_PRIV_ARG_REG_LSB +: TCU_PRIV_ARG_REG_W];
	wire [4:0]  p_cnt    = h_arg[TCU_PRIV_ARG_CNT_LSB +: TCU_PRIV_ARG_CNT_W];
	wire [3:0]  p_tag    = h_arg[TCU_PRIV_ARG_TAG_LSB +: TCU_PRIV_ARG_TAG_W];
	wire [3:0]  rsp_tag  = (h_kind == NOC_KIND_MSG) ? m_tag : (h_kind == NOC_KIND_PRIV_REQ) ? p_tag : mem_tag;

	// receive EP fields (read port)
	wire [1:0]  e_type   = ep_rd_i[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [3:0]  r_order  = ep_rd_i[TCU_REP_SLOT_ORDER_LSB +: TCU_REP_SLOT_ORDER_W];
	wire [2:0]  r_slots  = ep_rd_i[TCU_REP_SLOTS_LSB +: TCU_REP_SLOTS_W];
	wire [6:0]  r_rplep  = ep_rd_i[TCU_REP_RPL_EP_LSB +: TCU_REP_RPL_EP_W];
	wire [4:0]  r_wpos   = ep_rd_i[TCU_REP_WPOS_LSB +: TCU_REP_WPOS_W];
	wire [31:0] r_buf    = ep_rd_i[TCU_REP_BUF_LSB +: TCU_REP_BUF_W];
	wire [31:0] r_occ    = ep_rd_i[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] r_unread = ep_rd_i[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];

	// free slot from WPOS, round robin over 2^SLOTS slots
	wire        s_found;
	wire [4:0]  s_slot;
	wire [5:0]  s_n    = 6'd1 << r_slots;
	wire [31:0] s_mask = ~(32'hffff_ffff << s_n);
	tcu_rr_pick u_free (
		.req_i(~r_occ & s_mask), .start_i(r_wpos & (s_n[4:0] - 5'd1)), .found_o(s_found), .idx_o(s_slot)
	);
	wire [32:0] slot_addr = {1'b0, r_buf} + ({28'd0, s_slot_q} << r_order);
	wire [12:0] msg_bytes = 13'd16 + {1'b0, m_len};
	// S_MSG_RES: the slot's end inside the SPM, from the registered slot
	// address: addr_q + msg_bytes > SPM_B, as one compare against lim_q =
	// SPM_B - msg_bytes (bit 32: negative), a register of the head alone (valid
	// from S_MSG_CHK on: the head is loaded in S_IDLE and kept)
	wire [33:0] lim_w     = {2'b00, SPM_B} - {21'd0, msg_bytes};
	reg  [32:0] lim_q;
	wire        slot_oob  = lim_q[32] || addr_q > lim_q[31:0];
	wire        unused_lim = lim_w[32];
	wire [32:0] mem_end   = {1'b0, req_in_data_i[TCU_MEM_ADDR_ADDR_LSB +: TCU_MEM_ADDR_ADDR_W]} + {21'd0, mem_len};
	wire [7:0]  rpl_end   = {1'b0, r_rplep} + {2'b0, s_n};

	// delivery checks, in the documented order; the last one (the slot inside
	// the SPM) follows in S_MSG_RES on the registered slot address
	reg [4:0] msg_err;
	always @* begin
		msg_err = TCU_ERR_NONE;
		if ({1'b0, m_dst} >= N_EPS || e_type != TCU_EPT_RECV)
			msg_err = TCU_ERR_RECV_GONE;
		else if ({3'd0, msg_bytes} > (16'd1 << r_order))
			msg_err = TCU_ERR_RECV_OUT_OF_BOUNDS;
		else if (r_rplep != NO_EP && (rpl_end > N_EPS || (m_dst >= r_rplep && {1'b0, m_dst} < rpl_end)))
			msg_err = TCU_ERR_RECV_INV_RPL_EPS;   // the reply EPs would overwrite this EP
		else if (!s_found_q)
			msg_err = TCU_ERR_RECV_NO_SPACE;
		else if (slot_addr[32])
			msg_err = TCU_ERR_RECV_OUT_OF_BOUNDS;
	end

	// header words 0 and 1 of the slot
	reg [31:0] hdr0, hdr1;
	always @* begin
		hdr0 = 32'd0;
		hdr0[TCU_HDR0_REPLY_LSB]                           = m_reply;
		hdr0[TCU_HDR0_RPL_ORDER_LSB +: TCU_HDR0_RPL_ORDER_W] = m_rorder;
		hdr0[TCU_HDR0_SRC_X_LSB +: TCU_HDR0_SRC_X_W]       = h_sx;
		hdr0[TCU_HDR0_SRC_Y_LSB +: TCU_HDR0_SRC_Y_W]       = h_sy;
		hdr0[TCU_HDR0_LEN_LSB +: TCU_HDR0_LEN_W]           = m_len;
		hdr1 = 32'd0;
		hdr1[TCU_HDR1_SND_EP_LSB +: TCU_HDR1_SND_EP_W]     = {9'd0, m_sndep};
		hdr1[TCU_HDR1_RPL_EP_LSB +: TCU_HDR1_RPL_EP_W]     = {9'd0, m_rplep};
	end

	// ------------------------------------------------------------ reader / writer
	reg         rd_start, wr_start, rd_abort, wr_abort;
	reg  [31:0] xfer_addr;
	reg  [12:0] xfer_len;
	wire        rd_valid, rd_last, wr_busy, wr_ready, wr_need;
	wire [63:0] rd_data;
	reg         rd_ready, wr_valid;
	reg  [63:0] wr_data;

	tcu_xfer u_xfer (
		.clk_i(clk_i), .rst_i(rst_i), .addr_i(xfer_addr), .len_i(xfer_len),
		.rd_start_i(rd_start), .rd_abort_i(rd_abort), .rd_valid_o(rd_valid), .rd_ready_i(rd_ready),
		.rd_data_o(rd_data), .rd_last_o(rd_last),
		.wr_start_i(wr_start), .wr_abort_i(wr_abort), .wr_busy_o(wr_busy), .wr_need_o(wr_need),
		.wr_valid_i(wr_valid), .wr_ready_o(wr_ready), .wr_data_i(wr_data),
		.spm_req_o(spm_req_o), .spm_we_o(spm_we_o), .spm_addr_o(spm_addr_o), .spm_wdata_o(spm_wdata_o),
		.spm_gnt_i(spm_gnt_i), .spm_rdata_i(spm_rdata_i)
	);

	// ------------------------------------------------------------ privileged register writes
	// which registers a privileged writer may write / anyone may read (word offsets)
	function automatic writable(input [10:0] w);
		writable = (w == {1'b0, EXT_WOFF}) || (w == {1'b0, CTL_WOFF}) ||
			   (w >= {1'b0, EP_WOFF} && w < EP_WEND);
	endfunction
	// the register sets are unions of disjoint, non-adjacent intervals, so a
	// range is allowed iff its first and last word lie in the same interval
	wire [10:0] p_first = {1'b0, p_reg};
	wire [10:0] p_last  = {1'b0, p_reg} + {6'd0, p_cnt} - 11'd1;
	wire cnt_ok = (p_cnt != 5'd0) && (p_cnt <= TCU_PRIV_MAX_WORDS[4:0]);
	wire ep_rng = (p_first >= {1'b0, EP_WOFF}) && (p_last < EP_WEND);
	wire wr_ok  = ep_rng || (p_cnt == 5'd1 && writable(p_first));
	wire rd_ok  = ep_rng || (p_last <= {3'd0, TCU_REG_ARG[9:2]}) ||
		      (p_first >= {3'd0, TCU_REG_RESULT[9:2]} && p_last <= {3'd0, TCU_REG_IRQ_EN[9:2]}) ||
		      (p_first >= {1'b0, EXT_WOFF} && p_last <= {1'b0, CTL_WOFF});
	wire range_ok = cnt_ok && (p_write ? wr_ok : rd_ok);

	// one privileged word write (apply_*): EP word, EXT_CMD or CORE_CTRL
	reg        apply;
	reg [9:0]  apply_woff;
	reg [31:0] apply_data;
	wire [3:0] x_op       = apply_data[TCU_EXTCMD_OP_LSB +: TCU_EXTCMD_OP_W];
	wire [6:0] x_ep       = apply_data[TCU_EXTCMD_EP_LSB +: TCU_EXTCMD_EP_W];
	wire       x_force    = apply_data[TCU_EXTCMD_FORCE_LSB];
	wire [5:0] x_cur      = ep_rd_i[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [5:0] x_max      = ep_rd_i[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W];
	reg [4:0]  x_err;
	always @* begin
		x_err = TCU_ERR_NONE;
		if (x_op == TCU_EXT_INV_EP) begin
			if ({1'b0, x_ep} >= N_EPS)
				x_err = TCU_ERR_OUT_OF_BOUNDS;
			else if (!x_force && e_type == TCU_EPT_SEND && x_cur != TCU_CRD_UNLIM[5:0] && x_cur != x_max)
				x_err = TCU_ERR_NO_CREDITS;
		end else if (x_op != TCU_EXT_IDLE) begin
			x_err = TCU_ERR_UNKNOWN_CMD;
		end
	end

	// ------------------------------------------------------------ EP index and privileged word
	// (from registers only, so the EP read port has no path back into itself)
	always @* begin
		apply      = (state_q == S_PRIV_APPLY) || (state_q == S_LW);
		apply_woff = (state_q == S_LW) ? lw_woff_i : p_reg + {5'd0, widx_q};
		apply_data = (state_q == S_LW) ? lw_data_i : (widx_q[0] ? flit_q[63:32] : flit_q[31:0]);
	end
	// The index is a register or a head field: aidx_q is computed the cycle
	// before S_MSG_EP / S_PRIV_APPLY / S_LW from what those states use
	always @* begin
		ep_idx_o = asel_q ? aidx_q : m_dst;
	end
	// the same select on what the registers take at this edge (reset: EP 0)
	always @* begin
		ep_nidx_o = rst_i ? 7'd0 : asel_d ? aidx_d :
			    head_d[NOC_HEAD_ARG_LSB + TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W];
	end
	// a word write's EP: EXT_CMD names it (xep), an EP word lies in it
	function automatic [6:0] apply_idx(input [9:0] w, input [6:0] xep);
		apply_idx = (w == EXT_WOFF) ? xep : w[8:2] - EP_WOFF[8:2];
	endfunction
	localparam integer XL = TCU_EXTCMD_EP_LSB;

	// ------------------------------------------------------------ FSM
	always @* begin
		state_d   = state_q;
		head_d    = head_q;
		open_d    = open_q;
		rkind_d   = rkind_q;
		err_d     = err_q;
		addr_d    = addr_q;
		slot_d    = slot_q;
		rlabel_d  = rlabel_q;
		flit_d    = flit_q;
		widx_d    = widx_q;
		extw_d    = extw_q;
		ext_cmd_d = ext_cmd_q;
		ext_arg_d = ext_arg_q;
		hold_d    = hold_q;
		aidx_d    = aidx_q;
		asel_d    = 1'b0;   // each of the three states is left or re-entered every cycle
		req_in_ready_o  = 1'b0;
		rsp_out_valid_o = 1'b0;
		rsp_out_data_o  = 64'd0;
		rsp_out_last_o  = 1'b1;
		ep_we_o    = 1'b0;
		ep_wdata_o = ep_rd_i;
		rd_start = 1'b0;
		wr_start = 1'b0;
		rd_abort = 1'b0;
		wr_abort = 1'b0;
		xfer_addr = addr_q;
		xfer_len  = {1'b0, mem_len};
		rd_ready  = 1'b0;
		wr_valid  = 1'b0;
		wr_data   = req_in_data_i;
		lw_done_o = 1'b0;
		preg_woff_o = p_reg + {5'd0, widx_q};
		irq_set_o = 1'b0;
		denied_o  = 1'b0;
		dropped_o = 1'b0;

		case (state_q)
		S_IDLE: begin
			if (hold_i) begin
				state_d = S_IDLE;
			end else if (lw_valid_i && cmd_idle_i) begin
				aidx_d  = apply_idx(lw_woff_i, lw_data_i[XL +: TCU_EXTCMD_EP_W]);
				asel_d  = 1'b1;
				state_d = S_LW;
			end else begin
				req_in_ready_o = 1'b1;
				if (req_in_valid_i) begin
					head_d  = req_in_data_i;
					open_d  = !req_in_last_i;
					err_d   = TCU_ERR_NONE;
					state_d = S_DISPATCH;
				end
			end
		end
		S_DISPATCH: begin
			case (h_kind)
			NOC_KIND_MSG:      begin rkind_d = NOC_KIND_MSG_ACK;  state_d = S_MSG_CHK; end
			NOC_KIND_RD_REQ:   begin rkind_d = NOC_KIND_RD_RSP;   state_d = S_MEM_ADDR; end
			NOC_KIND_WR_REQ:   begin rkind_d = NOC_KIND_WR_ACK;   state_d = S_MEM_ADDR; end
			NOC_KIND_PRIV_REQ: begin rkind_d = NOC_KIND_PRIV_RSP; state_d = S_PRIV_CHK; end
			default: begin
				dropped_o = 1'b1;
				state_d   = open_q ? S_DROP : S_IDLE;
			end
			endcase
		end

		// ---------------------------------------------------- messages
		S_MSG_CHK: begin
			// the checks, on the free slot picked in S_DISPATCH (the EP has not
			// changed since: ep_lock_o)
			err_d   = msg_err;
			slot_d  = s_slot_q;
			addr_d  = slot_addr[31:0];
			state_d = S_MSG_RES;
		end
		S_MSG_RES: begin
			if (err_q == TCU_ERR_NONE && slot_oob) begin
				err_d   = TCU_ERR_RECV_OUT_OF_BOUNDS;
				state_d = open_q ? S_DRAIN : S_RSP;
			end else if (err_q == TCU_ERR_NONE) begin
				// reserve the slot, advance WPOS, start the writer
				ep_we_o = 1'b1;
				ep_wdata_o[TCU_REP_OCC_LSB +: TCU_REP_OCC_W] = r_occ | (32'd1 << slot_q);
				// a free slot a kernel left marked UNREAD is unread no more
				ep_wdata_o[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W] = r_unread & ~(32'd1 << slot_q);
				ep_wdata_o[TCU_REP_WPOS_LSB +: TCU_REP_WPOS_W] = (slot_q + 5'd1) & (s_n[4:0] - 5'd1);
				xfer_len  = msg_bytes;
				wr_start  = 1'b1;
				state_d   = S_MSG_H0;
			end else begin
				state_d = open_q ? S_DRAIN : S_RSP;
			end
		end
		S_MSG_H0: begin
			wr_valid = 1'b1;
			wr_data  = {hdr1, hdr0};
			if (wr_ready)
				state_d = S_MSG_META;
		end
		S_MSG_META: begin
			// labels: header word 2 = reply label, word 3 = label
			wr_data = {req_in_data_i[TCU_MSG_META_LABEL_LSB +: TCU_MSG_META_LABEL_W],
				   req_in_data_i[TCU_MSG_META_RPL_LABEL_LSB +: TCU_MSG_META_RPL_LABEL_W]};
			if (!open_q) begin
				state_d = S_MSG_UNDO;
			end else begin
				wr_valid       = req_in_valid_i;
				req_in_ready_o = wr_ready;
				if (req_in_valid_i && wr_ready) begin
					open_d   = !req_in_last_i;
					rlabel_d = req_in_data_i[TCU_MSG_META_RPL_LABEL_LSB +: TCU_MSG_META_RPL_LABEL_W];
					if (m_len == 12'd0)
						state_d = S_MSG_PAY;
					else if (req_in_last_i)
						state_d = S_MSG_UNDO;
					else
						state_d = S_MSG_PAY;
				end
			end
		end
		S_MSG_PAY: begin
			if (!wr_busy) begin
				// a packet longer than LEN (no TCU sends one) is refused like a
				// short one: the slot is released, the rest drained
				state_d = open_q ? S_MSG_UNDO : S_MSG_UNRD;
			end else if (!open_q && wr_need) begin
				state_d = S_MSG_UNDO;   // packet ended before LEN bytes
			end else begin
				wr_valid       = req_in_valid_i;
				req_in_ready_o = wr_ready;
				if (req_in_valid_i && wr_ready)
					open_d = !req_in_last_i;
			end
		end
		S_MSG_UNDO: begin
			wr_abort = 1'b1;
			dropped_o = 1'b1;
			ep_we_o  = 1'b1;
			ep_wdata_o[TCU_REP_OCC_LSB +: TCU_REP_OCC_W] = r_occ & ~(32'd1 << slot_q);
			err_d    = TCU_ERR_RECV_OUT_OF_BOUNDS;
			state_d  = open_q ? S_DRAIN : S_RSP;
		end
		S_MSG_UNRD: begin
			// commit: UNREAD of the reserved slot. Nothing to commit when the
			// slot is no longer occupied (the core ACKed it meanwhile: it cannot
			// know the offset yet, but may guess it; the message counts as
			// delivered and dropped by the receiver) or the EP is no longer a
			// receive EP; OCC is never set here, so a slot is only ever taken
			// in S_MSG_RES, when it is free
			state_d = S_MSG_EP;
			asel_d  = 1'b1;
			addr_d  = {25'd0, NO_EP};
			if (e_type == TCU_EPT_RECV && r_occ[slot_q]) begin
				ep_we_o   = 1'b1;
				ep_wdata_o[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W] = r_unread | (32'd1 << slot_q);
				irq_set_o = 1'b1;
				// remember the first reply EP for the install step
				addr_d    = {25'd0, r_rplep};
			end
			// the index from registers only (the read register, not behind the checks above):
			// S_MSG_EP writes only when addr_q names an EP, so what it reads otherwise is unused
			aidx_d = m_reply ? m_sndep : r_rplep + {2'd0, slot_q};
		end
		S_MSG_EP: begin
			state_d = S_RSP;
			if (!m_reply && m_rplep != NO_EP && addr_q[6:0] != NO_EP) begin
				ep_we_o    = 1'b1;
				ep_wdata_o = 128'd0;
				ep_wdata_o[TCU_SEP_TYPE_LSB +: TCU_SEP_TYPE_W]       = TCU_EPT_SEND;
				ep_wdata_o[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] = 6'd1;
				ep_wdata_o[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W] = 6'd1;
				ep_wdata_o[TCU_SEP_MSG_ORDER_LSB +: TCU_SEP_MSG_ORDER_W] = m_rorder;
				ep_wdata_o[TCU_SEP_REPLY_LSB]                        = 1'b1;
				ep_wdata_o[TCU_SEP_CRD_EP_LSB +: TCU_SEP_CRD_EP_W]   = m_sndep;
				ep_wdata_o[TCU_SEP_TGT_X_LSB +: TCU_SEP_TGT_X_W]     = h_sx;
				ep_wdata_o[TCU_SEP_TGT_Y_LSB +: TCU_SEP_TGT_Y_W]     = h_sy;
				ep_wdata_o[TCU_SEP_TGT_EP_LSB +: TCU_SEP_TGT_EP_W]   = m_rplep;
				ep_wdata_o[TCU_SEP_LABEL_LSB +: TCU_SEP_LABEL_W]     = rlabel_q;
			end else if (m_reply && m_sndep != NO_EP) begin
				if ({1'b0, m_sndep} < N_EPS && e_type == TCU_EPT_SEND && !ep_rd_i[TCU_SEP_REPLY_LSB] &&
				    x_cur != TCU_CRD_UNLIM[5:0] && x_cur < x_max) begin
					ep_we_o = 1'b1;
					ep_wdata_o[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] = x_cur + 6'd1;
				end
			end
		end

		// ---------------------------------------------------- refused packets, responses
		S_DRAIN: begin
			req_in_ready_o = 1'b1;
			if (req_in_valid_i && req_in_last_i)
				state_d = S_RSP;
		end
		S_DROP: begin
			req_in_ready_o = 1'b1;
			if (req_in_valid_i && req_in_last_i)
				state_d = S_IDLE;
		end
		S_RSP: begin
			rsp_out_valid_o = 1'b1;
			rsp_out_data_o[NOC_HEAD_DST_X_LSB +: NOC_HEAD_DST_X_W] = h_sx;
			rsp_out_data_o[NOC_HEAD_DST_Y_LSB +: NOC_HEAD_DST_Y_W] = h_sy;
			rsp_out_data_o[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W]   = rkind_q;
			if (rkind_q == NOC_KIND_PRIV_RSP) begin
				rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_PRIV_RSP_ARG_ERR_LSB +: TCU_PRIV_RSP_ARG_ERR_W] = err_q;
				rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_PRIV_RSP_ARG_TAG_LSB +: TCU_PRIV_RSP_ARG_TAG_W] = rsp_tag;
				rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_PRIV_RSP_ARG_DATA_LSB +: TCU_PRIV_RSP_ARG_DATA_W] =
					extw_q ? ext_arg_q : 32'd0;
				rsp_out_last_o = !(err_q == TCU_ERR_NONE && !p_write);
			end else begin
				rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_RSP_ARG_ERR_LSB +: TCU_RSP_ARG_ERR_W] = err_q;
				rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_RSP_ARG_TAG_LSB +: TCU_RSP_ARG_TAG_W] = rsp_tag;
				if (rkind_q == NOC_KIND_RD_RSP && err_q == TCU_ERR_NONE) begin
					rsp_out_data_o[NOC_HEAD_ARG_LSB + TCU_RSP_ARG_LEN_LSB +: TCU_RSP_ARG_LEN_W] = mem_len;
					rsp_out_last_o = (mem_len == 12'd0);
				end
			end
			if (rsp_out_ready_i) begin
				if (!rsp_out_last_o)
					state_d = (rkind_q == NOC_KIND_RD_RSP) ? S_RD_DATA : S_PRIV_RDLO;
				else
					state_d = S_IDLE;
				widx_d = 5'd0;
			end
		end

		// ---------------------------------------------------- memory requests
		S_MEM_ADDR: begin
			if (!open_q) begin
				err_d   = TCU_ERR_OUT_OF_BOUNDS;   // no address flit
				dropped_o = 1'b1;
				state_d = S_RSP;
			end else begin
				req_in_ready_o = 1'b1;
				if (req_in_valid_i) begin
					open_d = !req_in_last_i;
					addr_d = req_in_data_i[TCU_MEM_ADDR_ADDR_LSB +: TCU_MEM_ADDR_ADDR_W];
					xfer_addr = req_in_data_i[TCU_MEM_ADDR_ADDR_LSB +: TCU_MEM_ADDR_ADDR_W];
					if (mem_len > TCU_MEM_BURST[11:0] ||
					    mem_end[32] || mem_end[31:0] > SPM_B) begin
						err_d   = TCU_ERR_OUT_OF_BOUNDS;
						state_d = req_in_last_i ? S_RSP : S_DRAIN;
					end else if (h_kind == NOC_KIND_RD_REQ) begin
						rd_start = 1'b1;
						state_d  = req_in_last_i ? S_RSP : S_DRAIN;
					end else begin
						wr_start = (mem_len != 12'd0);
						state_d  = (mem_len == 12'd0) ? (req_in_last_i ? S_RSP : S_DRAIN) : S_WR_DATA;
					end
				end
			end
		end
		S_RD_DATA: begin
			rsp_out_valid_o = rd_valid;
			rsp_out_data_o  = rd_data;
			rsp_out_last_o  = rd_last;
			rd_ready        = rsp_out_ready_i;
			if (rd_valid && rsp_out_ready_i && rd_last)
				state_d = S_IDLE;
		end
		S_WR_DATA: begin
			if (!wr_busy) begin
				state_d = open_q ? S_DRAIN : S_RSP;
			end else if (!open_q && wr_need) begin
				wr_abort  = 1'b1;          // packet ended before LEN bytes
				dropped_o = 1'b1;
				err_d     = TCU_ERR_OUT_OF_BOUNDS;
				state_d   = S_RSP;
			end else begin
				wr_valid       = req_in_valid_i;
				req_in_ready_o = wr_ready;
				if (req_in_valid_i && wr_ready)
					open_d = !req_in_last_i;
			end
		end

		// ---------------------------------------------------- privileged requests
		S_PRIV_CHK: begin
			extw_d = 1'b0;
			widx_d = 5'd0;
			if (h_sx != KX || h_sy != KY) begin
				err_d    = TCU_ERR_NO_PERM;
				denied_o = 1'b1;
				state_d  = open_q ? S_DRAIN : S_RSP;
			end else if (!range_ok) begin
				err_d   = TCU_ERR_UNKNOWN_CMD;
				state_d = open_q ? S_DRAIN : S_RSP;
			end else begin
				state_d = S_PRIV_WAIT;
			end
		end
		S_PRIV_WAIT: begin
			// on the kernel tile the request comes from its own command engine,
			// which only waits for this response: no need (and no way) to wait
			if ((cmd_idle_i || IsKernel != 0) && priv_busy_o) begin
				state_d = p_write ? S_PRIV_FLIT : open_q ? S_DRAIN : S_RSP; // a read is one flit: drain more
			end else if (pwait_q == PW_TO) begin
				// the command engine did not finish (it may wait for this very
				// input): apply nothing; S_PRIV_FLIT with no words left drains
				// the rest and answers ABORT
				err_d   = TCU_ERR_ABORT;
				widx_d  = p_cnt;
				state_d = S_PRIV_FLIT;
			end
		end
		S_PRIV_FLIT: begin
			if (widx_q == p_cnt) begin
				state_d = open_q ? S_DRAIN : S_RSP;
			end else if (!open_q) begin
				err_d     = TCU_ERR_UNKNOWN_CMD;   // fewer words than CNT
				dropped_o = 1'b1;
				state_d   = S_RSP;
			end else begin
				req_in_ready_o = 1'b1;
				if (req_in_valid_i) begin
					open_d  = !req_in_last_i;
					flit_d  = req_in_data_i;
					aidx_d  = apply_idx(p_reg + {5'd0, widx_q},
							    widx_q[0] ? req_in_data_i[32 + XL +: TCU_EXTCMD_EP_W] : req_in_data_i[XL +: TCU_EXTCMD_EP_W]);
					asel_d  = 1'b1;
					state_d = S_PRIV_APPLY;
				end
			end
		end
		S_PRIV_APPLY: begin
			widx_d = widx_q + 5'd1;
			aidx_d = apply_idx(p_reg + {5'd0, widx_d}, widx_d[0] ? flit_q[32 + XL +: TCU_EXTCMD_EP_W] : flit_q[XL +: TCU_EXTCMD_EP_W]);
			if (apply_woff == EXT_WOFF) begin
				extw_d = 1'b1;
				if (x_err != TCU_ERR_NONE)
					err_d = x_err;
			end
			// two words per flit
			if (widx_q[0] || widx_q + 5'd1 == p_cnt)
				state_d = S_PRIV_FLIT;
			else
				asel_d  = 1'b1;
		end
		S_PRIV_RDLO: begin
			preg_woff_o = p_reg + {5'd0, widx_q};
			flit_d[31:0]  = preg_rdata_i;
			flit_d[63:32] = 32'd0;
			state_d = S_PRIV_RDHI;
		end
		S_PRIV_RDHI: begin
			preg_woff_o = p_reg + {5'd0, widx_q} + 10'd1;
			if (widx_q + 5'd1 < p_cnt)
				flit_d[63:32] = preg_rdata_i;
			state_d = S_PRIV_RDTX;
		end
		S_PRIV_RDTX: begin
			rsp_out_valid_o = 1'b1;
			rsp_out_data_o  = flit_q;
			rsp_out_last_o  = (widx_q + 5'd2 >= p_cnt);
			if (rsp_out_ready_i) begin
				widx_d  = widx_q + 5'd2;
				state_d = rsp_out_last_o ? S_IDLE : S_PRIV_RDLO;
			end
		end
		S_LW: begin
			lw_done_o  = 1'b1;
			state_d    = S_IDLE;
		end
		default: begin
			state_d = S_IDLE;
		end
		endcase

		// a privileged word write (S_PRIV_APPLY, S_LW)
		if (apply) begin
			if (apply_woff == EXT_WOFF) begin
				ext_cmd_d = 32'd0;
				ext_cmd_d[TCU_EXTCMD_EP_LSB +: TCU_EXTCMD_EP_W]   = x_ep;
				ext_cmd_d[TCU_EXTCMD_ERR_LSB +: TCU_EXTCMD_ERR_W] = x_err;
				ext_cmd_d[TCU_EXTCMD_FORCE_LSB] = x_force;
				ext_arg_d = 32'd0;
				if (x_op == TCU_EXT_INV_EP && x_err == TCU_ERR_NONE) begin
					ep_we_o    = 1'b1;
					ep_wdata_o = 128'd0;
					if (e_type == TCU_EPT_RECV)
						ext_arg_d = r_unread;
				end
			end else if (apply_woff == CTL_WOFF) begin
				hold_d = apply_data[TCU_CORECTL_HOLD_LSB];
			end else begin
				ep_we_o  = 1'b1;
				ep_wdata_o[{apply_woff[1:0], 5'd0} +: 32] = apply_data;
			end
		end
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			state_q   <= S_IDLE;
			head_q    <= 64'd0;
			open_q    <= 1'b0;
			rkind_q   <= 4'd0;
			err_q     <= 5'd0;
			addr_q    <= 32'd0;
			slot_q    <= 5'd0;
			rlabel_q  <= 32'd0;
			flit_q    <= 64'd0;
			widx_q    <= 5'd0;
			extw_q    <= 1'b0;
			ext_cmd_q <= 32'd0;
			ext_arg_q <= 32'd0;
			hold_q    <= (IsKernel == 0);
			pwait_q   <= 20'd0;
			priv_busy_o <= 1'b0;
			aidx_q    <= 7'd0;
			asel_q    <= 1'b0;
			s_found_q <= 1'b0;
			s_slot_q  <= 5'd0;
		end else begin
			state_q   <= state_d;
			head_q    <= head_d;
			open_q    <= open_d;
			rkind_q   <= rkind_d;
			err_q     <= err_d;
			addr_q    <= addr_d;
			slot_q    <= slot_d;
			rlabel_q  <= rlabel_d;
			flit_q    <= flit_d;
			widx_q    <= widx_d;
			extw_q    <= extw_d;
			ext_cmd_q <= ext_cmd_d;
			ext_arg_q <= ext_arg_d;
			hold_q    <= hold_d;
			pwait_q   <= (state_q == S_PRIV_WAIT) ? pwait_q + 20'd1 : 20'd0;
			aidx_q    <= aidx_d;
			asel_q    <= asel_d;
			s_found_q <= s_found;   // picked every cycle; used after S_DISPATCH
			s_slot_q  <= s_slot;
			priv_busy_o <= (state_d == S_PRIV_WAIT || state_d == S_PRIV_FLIT || state_d == S_PRIV_APPLY);
		end
	end
	// a function of the head register alone, every cycle (no reset needed)
	always @(posedge clk_i)
		lim_q <= {lim_w[33], lim_w[31:0]};

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	// lemma: the index select is the state decode it replaces (1-inductive)
	always @(posedge clk_i)
		if (f_past_valid && !rst_i)
			l_asel: assert (asel_q == ((state_q == S_MSG_EP) || apply));
`endif
endmodule
