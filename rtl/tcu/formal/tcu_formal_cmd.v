`default_nettype none
// tcu_formal_cmd - formal harness around the real command engine (tcu_cmd):
// rows T1 (a user command never configures an EP), T2 (memory-EP integrity)
// and T3 (credits) of the verification plan. Only read with
// `read_verilog -formal` (tools/formal.sh).
//
//   free commands --(tcu_top's start rules)--> tcu_cmd --EP port--> EP model
//   free responses --(NoC protocol)----------^    |                 f_ep: 128-bit register
//                                                 +--REQ out        other EPs: any value
//
// One arbitrary EP (f_ep, chosen at reset) stands for all. Besides tcu_cmd,
// the environment (the inbound engine) writes it, when tcu_cmd has no grant:
// any content while tcu_cmd is idle (kernel configuration, credits never
// above the maximum), otherwise only the message path's updates (a credit
// back below the maximum, receive-slot bookkeeping, a use-once reply EP over
// an invalid EP or an old reply EP: the kernel reserves reply-EP ranges).
module tcu_formal_cmd #(
	parameter integer Row      = 2,   // 1 = T1, 2 = T2, 3 = T3
	parameter integer NumEps   = 4,
	parameter integer SpmBytes = 256
) (
	input  wire         clk_i,
	input  wire         rst_i,
	input  wire         start_i,
	input  wire [3:0]   start_op_i,
	input  wire [6:0]   start_ep_i,
	input  wire [15:0]  start_arg_i,
	input  wire         wait_i,
	input  wire [6:0]   wait_ep_i,
	input  wire         hold_wait_i,   // a privileged write runs (a WAIT parks)
	input  wire [31:0]  data_addr_i,
	input  wire [31:0]  data_size_i,
	input  wire [31:0]  arg_i,
	input  wire         ep_gnt_i,
	input  wire         spm_gnt_i,
	input  wire [63:0]  spm_rdata_i,
	input  wire         req_out_ready_i,
	input  wire         rsp_in_valid_i,
	input  wire [63:0]  rsp_in_data_i,
	input  wire         rsp_in_last_i,
	input  wire [6:0]   f_ep_i,        // the tracked EP (sampled during reset)
	input  wire [127:0] f_other_i,     // content of any other EP read now
	input  wire         f_env_we_i,    // the inbound engine writes the tracked EP
	input  wire [127:0] f_env_data_i
);
	`include "spec_noc.vh"
	`include "spec_tcu.vh"

	localparam [7:0] N_EPS = NumEps[7:0];
	localparam [127:0] CRD_MASK = ((128'd1 << TCU_SEP_CUR_CRD_W) - 128'd1) << TCU_SEP_CUR_CRD_LSB;
	localparam [127:0] BK_MASK =
		(((128'd1 << TCU_REP_OCC_W) - 128'd1) << TCU_REP_OCC_LSB) |
		(((128'd1 << TCU_REP_UNREAD_W) - 128'd1) << TCU_REP_UNREAD_LSB) |
		(((128'd1 << TCU_REP_WPOS_W) - 128'd1) << TCU_REP_WPOS_LSB);
	localparam [127:0] CMD_MASK =
		(((128'd1 << TCU_REP_OCC_W) - 128'd1) << TCU_REP_OCC_LSB) |
		(((128'd1 << TCU_REP_UNREAD_W) - 128'd1) << TCU_REP_UNREAD_LSB) |
		(((128'd1 << TCU_REP_RPOS_W) - 128'd1) << TCU_REP_RPOS_LSB);

	wire         quiet, idle, done, wait_done, result_we, dropped, ep_we, spm_req;
	wire         req_out_valid, req_out_last, rsp_in_ready;
	wire [4:0]   done_err;
	wire [15:0]  done_res;
	wire [31:0]  wait_word, result;
	wire [63:0]  spm_wdata;
	wire [6:0]   ep_idx;
	wire [127:0] ep_wdata;
	wire [7:0]   spm_we;
	wire [28:0]  spm_addr;
	wire [63:0]  req_out_data;
	reg  [127:0] ep_rd;

	tcu_cmd #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .TileX(1), .TileY(0), .IsKernel(0),
		.CmdTimeout(16), .WaitTimeout(4)
	) u_cmd (
		.clk_i(clk_i), .rst_i(rst_i),
		.start_i(start_i), .start_op_i(start_op_i), .start_ep_i(start_ep_i), .start_arg_i(start_arg_i),
		.wait_i(wait_i), .wait_ep_i(wait_ep_i), .hold_wait_i(hold_wait_i), .quiet_o(quiet),
		.data_addr_i(data_addr_i), .data_size_i(data_size_i), .arg_i(arg_i),
		.idle_o(idle), .done_o(done), .done_err_o(done_err), .done_res_o(done_res),
		.wait_done_o(wait_done), .wait_word_o(wait_word),
		.result_we_o(result_we), .result_o(result), .dropped_o(dropped),
		.ep_idx_o(ep_idx), .ep_rd_i(ep_rd), .ep_we_o(ep_we), .ep_wdata_o(ep_wdata), .ep_gnt_i(ep_gnt_i),
		.spm_req_o(spm_req), .spm_we_o(spm_we), .spm_addr_o(spm_addr),
		.spm_wdata_o(spm_wdata), .spm_gnt_i(spm_gnt_i), .spm_rdata_i(spm_rdata_i),
		.req_out_valid_o(req_out_valid), .req_out_ready_i(req_out_ready_i),
		.req_out_data_o(req_out_data), .req_out_last_o(req_out_last),
		.rsp_in_valid_i(rsp_in_valid_i), .rsp_in_ready_o(rsp_in_ready),
		.rsp_in_data_i(rsp_in_data_i), .rsp_in_last_i(rsp_in_last_i)
	);

	// ------------------------------------------------------------ environment
	reg f_past_valid = 1'b0;
	always @(posedge clk_i)
		f_past_valid <= 1'b1;
	always @(*)
		if (!f_past_valid)
			assume (rst_i);

	reg [6:0] f_ep;
	always @(posedge clk_i)
		if (rst_i)
			f_ep <= f_ep_i;
	always @(*)
		assume ({1'b0, f_ep} < N_EPS);

	// tcu_top starts a command or a WAIT only while the engine is idle
	always @(*) begin
		assume (!start_i || idle);
		assume (!wait_i || idle);
		assume (!(start_i && wait_i));
	end
	// NoC link protocol on the response input; the SPM arbiter grants only a request
	always @(posedge clk_i)
		if (f_past_valid && !$past(rst_i) && $past(rsp_in_valid_i && !rsp_in_ready)) begin
			assume (rsp_in_valid_i);
			assume (rsp_in_data_i == $past(rsp_in_data_i));
			assume (rsp_in_last_i == $past(rsp_in_last_i));
		end
	always @(*)
		assume (!spm_gnt_i || spm_req);

	// EP file model (tcu_top: out-of-range indices read 0, writes ignored)
	wire        idx_ok = ({1'b0, ep_idx} < N_EPS);
	wire        f_hit  = idx_ok && (ep_idx == f_ep);
	reg [127:0] f_q;
	always @(*)
		ep_rd = !idx_ok ? 128'd0 : f_hit ? f_q : f_other_i;
	wire f_cmd_w = ep_we && ep_gnt_i && f_hit;     // tcu_cmd writes the tracked EP
	wire f_env_w = f_env_we_i && !ep_gnt_i;        // tcu_in has the write port
	always @(posedge clk_i)
		if (rst_i)
			f_q <= 128'd0;
		else if (f_cmd_w)
			f_q <= ep_wdata;
		else if (f_env_w)
			f_q <= f_env_data_i;

	wire [1:0]  o_type  = f_q[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [5:0]  o_cur   = f_q[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [5:0]  o_max   = f_q[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W];
	wire        o_rpl   = f_q[TCU_SEP_REPLY_LSB];
	wire [31:0] o_occ   = f_q[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] o_unrd  = f_q[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	wire [1:0]  e_type  = f_env_data_i[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [5:0]  e_cur   = f_env_data_i[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [5:0]  e_max   = f_env_data_i[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W];
	// tcu_in applies privileged writes while tcu_cmd is quiet (idle, or a
	// parked WAIT, which re-reads its EP afterwards)
	wire        busy    = !(quiet && (idle || hold_wait_i)) || start_i || wait_i;
	always @(*)
		if (f_env_we_i) begin
			// the kernel configures send EPs with CUR <= MAX, both or neither
			// unlimited (MAX = CRD_UNLIM with CUR < MAX would turn unlimited
			// when the last credit returns)
			assume (e_type != TCU_EPT_SEND || (e_cur <= e_max &&
				(e_cur == TCU_CRD_UNLIM[5:0]) == (e_max == TCU_CRD_UNLIM[5:0])));
			if (busy)
				assume ((o_type == TCU_EPT_SEND && !o_rpl && o_cur != TCU_CRD_UNLIM[5:0] && o_cur < o_max &&
					 e_cur == o_cur + 6'd1 && (f_env_data_i & ~CRD_MASK) == (f_q & ~CRD_MASK)) ||
					(o_type == TCU_EPT_RECV && (f_env_data_i & ~BK_MASK) == (f_q & ~BK_MASK)) ||
					((o_type == TCU_EPT_INVALID || (o_type == TCU_EPT_SEND && o_rpl)) && e_type == TCU_EPT_SEND &&
					 f_env_data_i[TCU_SEP_REPLY_LSB] && e_cur == 6'd1 && e_max == 6'd1));
		end

	// ------------------------------------------------------------ command tracking (ports only)
	reg  [3:0]   f_op_q;
	reg  [6:0]   f_cep_q;
	reg  [31:0]  f_arg_q, f_size_q;
	reg  [127:0] f_ep0_q;      // the tracked EP when the command started
	reg          f_inb_q;      // ARG + SIZE <= its region size (33 bits), computed once at the start
	reg          f_took_q;     // credits taken from the tracked EP by this command
	reg  [1:0]   f_net_q;      // taken minus refunded
	reg          f_cmd_q;      // a command (not a WAIT) runs
	always @(posedge clk_i)
		if (rst_i) begin
			f_op_q   <= 4'd0;
			f_cep_q  <= 7'd0;
			f_arg_q  <= 32'd0;
			f_size_q <= 32'd0;
			f_ep0_q  <= 128'd0;
			f_inb_q  <= 1'b1;
			f_cmd_q  <= 1'b0;
		end else if (start_i) begin
			f_op_q   <= start_op_i;
			f_cep_q  <= start_ep_i;
			f_arg_q  <= arg_i;
			f_size_q <= data_size_i;
			f_ep0_q  <= f_q;
			f_inb_q  <= ({1'b0, arg_i} + {1'b0, data_size_i}) <= {1'b0, f_q[TCU_MEP_SIZE_LSB +: TCU_MEP_SIZE_W]};
			f_cmd_q  <= 1'b1;
		end else if (wait_i) begin
			f_cmd_q  <= 1'b0;
		end
	wire        on_f   = f_cmd_q && (f_cep_q == f_ep);
	wire [5:0]  n_cur  = ep_wdata[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [5:0]  n_max  = ep_wdata[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W];
	wire [1:0]  n_type = ep_wdata[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [31:0] n_occ  = ep_wdata[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] n_unrd = ep_wdata[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	wire        crd_only = (ep_wdata & ~CRD_MASK) == (f_q & ~CRD_MASK);
	wire        take   = f_cmd_w && o_type == TCU_EPT_SEND && crd_only && n_cur == o_cur - 6'd1;
	wire        refund = f_cmd_w && o_type == TCU_EPT_SEND && crd_only && n_cur == o_cur + 6'd1;
	always @(posedge clk_i)
		if (rst_i || start_i) begin
			f_took_q <= 1'b0;
			f_net_q  <= 2'd0;
		end else begin
			if (take)
				f_took_q <= 1'b1;
			if (take && !refund)
				f_net_q <= f_net_q + 2'd1;
			else if (refund && !take)
				f_net_q <= f_net_q - 2'd1;
		end

	// request packets: head flit, then (memory requests) the address flit
	reg         f_out_open_q, f_out_second_q;
	reg  [63:0] f_out_hd_q;
	reg  [32:0] f_off_q;       // bytes requested so far by this READ / WRITE
	wire        out_go   = req_out_valid && req_out_ready_i;
	wire        out_head = out_go && !f_out_open_q;
	wire [3:0]  o_kind   = req_out_data[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
	wire [43:0] o_arg    = req_out_data[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W];
	wire [11:0] o_len    = o_arg[TCU_MEM_ARG_LEN_LSB +: TCU_MEM_ARG_LEN_W];
	wire [11:0] hd_len   = f_out_hd_q[NOC_HEAD_ARG_LSB + TCU_MEM_ARG_LEN_LSB +: TCU_MEM_ARG_LEN_W];
	wire [3:0]  hd_kind  = f_out_hd_q[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
	wire        mem_kind = (o_kind == NOC_KIND_RD_REQ) || (o_kind == NOC_KIND_WR_REQ);
	wire        addr_flit = out_go && f_out_second_q &&
			       (hd_kind == NOC_KIND_RD_REQ || hd_kind == NOC_KIND_WR_REQ);
	always @(posedge clk_i)
		if (rst_i) begin
			f_out_open_q   <= 1'b0;
			f_out_second_q <= 1'b0;
			f_out_hd_q     <= 64'd0;
		end else if (out_go) begin
			f_out_open_q   <= !req_out_last;
			f_out_second_q <= out_head && !req_out_last;
			if (out_head)
				f_out_hd_q <= req_out_data;
		end
	always @(posedge clk_i)
		if (rst_i || start_i)
			f_off_q <= 33'd0;
		else if (addr_flit)
			f_off_q <= f_off_q + {21'd0, hd_len};

	// the memory EP as the command saw it
	wire [1:0]  m_type = f_ep0_q[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire        m_r    = f_ep0_q[TCU_MEP_R_LSB];
	wire        m_w    = f_ep0_q[TCU_MEP_W_LSB];
	wire [31:0] m_base = f_ep0_q[TCU_MEP_BASE_LSB +: TCU_MEP_BASE_W];
	wire [31:0] m_size = f_ep0_q[TCU_MEP_SIZE_LSB +: TCU_MEP_SIZE_W];
	wire        is_rw  = (f_op_q == TCU_OP_READ) || (f_op_q == TCU_OP_WRITE);
	wire        perm   = (f_op_q == TCU_OP_READ) ? m_r : m_w;
	wire        unlim0 = f_ep0_q[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] == TCU_CRD_UNLIM[5:0];
	wire [32:0] m_end  = {1'b0, f_arg_q} + {1'b0, f_size_q};   // 33 bits: no wrap-around
	// in_bounds is m_end <= m_size; its inputs are frozen from the start of the
	// command, so it is kept as the bit computed then (l_inb states the
	// equality): ABC pdr does not get past frame 3 with the 33-bit compare
	wire        in_bounds = f_inb_q;
	wire [33:0] b_end  = {2'b0, f_arg_q} + {1'b0, f_off_q} + {22'd0, o_len};

	// credits as they are after this cycle's write (a refund ends the command
	// in the same cycle)
	wire [1:0]  net_now = f_net_q + {1'b0, take && !refund} - {1'b0, refund && !take};
	wire [5:0]  cur_now = f_cmd_w ? n_cur : o_cur;
	wire [5:0]  max_now = f_cmd_w ? n_max : o_max;

	// ------------------------------------------------------------ lemmas
	// Facts of every reachable state that help ABC pdr (tools/formal.sh,
	// FORMAL_EACH=1): each is proved on its own first, then assumed while the
	// row's properties are proved. They read tcu_cmd's registers through
	// FORMAL_LINK (prove.sh): after flatten, each wire below is driven by the
	// register of that name (an unlinked one is free and its lemma fails).
	wire [4:0]  \u_cmd.state_q ;
	wire [3:0]  \u_cmd.op_q ;
	wire [6:0]  \u_cmd.ep_q ;
	wire [31:0] \u_cmd.arg_q ;
	wire [31:0] \u_cmd.dsize_q ;
	wire        \u_cmd.waitop_q ;
	wire        \u_cmd.took_q ;
	wire [31:0] \u_cmd.base_q ;
	wire [31:0] \u_cmd.done_q ;
	wire [4:0]  \u_cmd.err_q ;
	wire [12:0] \u_cmd.u_xfer.u_wr.nd_q ;
	wire [12:0] \u_cmd.u_xfer.u_wr.in_left_q ;
	wire [2:0]  \u_cmd.u_xfer.u_wr.off_q ;
	wire [2:0]  \u_cmd.u_xfer.u_wr.endb_q ;
	wire        \u_cmd.u_xfer.u_wr.cv_q ;
	wire        \u_cmd.u_xfer.u_wr.first_q ;
	wire [4:0]  i_state = \u_cmd.state_q ;
	wire [3:0]  i_op    = \u_cmd.op_q ;
	wire [31:0] i_dsize = \u_cmd.dsize_q ;
	wire [31:0] i_done  = \u_cmd.done_q ;
	wire [12:0] w_nd    = \u_cmd.u_xfer.u_wr.nd_q ;
	wire [12:0] w_left  = \u_cmd.u_xfer.u_wr.in_left_q ;
	wire [2:0]  w_off   = \u_cmd.u_xfer.u_wr.off_q ;
	wire [2:0]  w_endb  = \u_cmd.u_xfer.u_wr.endb_q ;
	wire        w_cv    = \u_cmd.u_xfer.u_wr.cv_q ;
	wire        w_first = \u_cmd.u_xfer.u_wr.first_q ;
	localparam [4:0] I_IDLE = 5'd0, I_CHK_A = 5'd1, I_CHK_B = 5'd2, I_MSG_HEAD = 5'd3, I_MSG_META = 5'd4, I_PAY = 5'd5, I_WAIT_RSP = 5'd6,
		I_BURST = 5'd11, I_MEM_ADDR = 5'd12, I_RD_DATA = 5'd13, I_PRIV = 5'd14, I_MEM_GO = 5'd18;
	wire        i_rw    = !\u_cmd.waitop_q && (i_op == TCU_OP_READ || i_op == TCU_OP_WRITE);
	wire        i_burst = (i_state == I_BURST || i_state == I_MEM_ADDR);
	wire        i_xfer  = (i_state == I_WAIT_RSP || i_state == I_RD_DATA || i_state == I_PAY);
	// a message on its way (after CHK_B): head, meta, payload, response, refund
	wire        i_msg   = (i_state == I_MSG_HEAD || i_state == I_MSG_META || i_state == I_PAY ||
			       i_state == I_WAIT_RSP || i_state == 5'd7);
	wire [31:0] i_left  = i_dsize - i_done;
	wire [31:0] i_blen  = (i_left > TCU_MEM_BURST) ? TCU_MEM_BURST : i_left;
	wire [13:0] w_need  = {1'b0, w_left} + {11'd0, w_off} + 14'd7;
	always @(*)
		if (f_past_valid && !rst_i) begin
			// the command registers are the ones the harness saw at the start
			if (i_state != I_IDLE) begin
				l_kind: assert (f_cmd_q == !\u_cmd.waitop_q );
				if (!\u_cmd.waitop_q )
					l_cmd: assert (i_op == f_op_q && \u_cmd.ep_q == f_cep_q &&
						       \u_cmd.arg_q == f_arg_q && i_dsize == f_size_q);
			end
			// SPM writer: dwords left = pending chunk + dwords of the bytes to come
			if (w_left != 13'd0)
				l_wr_nd: assert ({1'b0, w_nd} == {13'd0, w_cv} + (w_need >> 3));
			else
				l_wr_end: assert (w_nd >= {12'd0, w_cv} && w_nd <= {12'd0, w_cv} + 13'd1);
			if (w_first && w_nd == 13'd1)
				l_wr_strb: assert (w_endb == 3'd0 || w_endb > w_off);
			// request packets: open exactly between a head and its last flit
			if (i_state == I_MSG_META)
				l_out_meta: assert (f_out_open_q && f_out_second_q && hd_kind == NOC_KIND_MSG);
			else if (i_state == I_MEM_ADDR)
				l_out_addr: assert (f_out_open_q && f_out_second_q && hd_len == i_blen[11:0] &&
						    hd_kind == ((i_op == TCU_OP_READ) ? NOC_KIND_RD_REQ : NOC_KIND_WR_REQ));
			else if (i_state == I_PAY)
				l_out_pay: assert (f_out_open_q && (!f_out_second_q || i_op == TCU_OP_PRIV_WR));
			else
				l_out_idle: assert (!f_out_open_q);
			// this harness is a user tile: privileged commands stop at CHK_A
			if (!\u_cmd.waitop_q && (i_op == TCU_OP_PRIV_WR || i_op == TCU_OP_PRIV_RD))
				l_priv: assert (i_state == I_IDLE || i_state == I_CHK_A);
			// READ / WRITE: bytes done so far, and the burst requested
			if (i_rw && i_burst)
				l_rw_off: assert (i_done < i_dsize && f_off_q == {1'b0, i_done});
			if (i_rw && i_xfer)
				l_rw_off2: assert (i_done < i_dsize && f_off_q == {1'b0, i_done} + {1'b0, i_blen});
			// a memory EP in use is the one the command checked, unchanged
			if (i_state == I_CHK_A && on_f && (m_type == TCU_EPT_MEM || o_type == TCU_EPT_MEM))
				l_mep_a: assert (f_q == f_ep0_q);
			// READ / WRITE: CHK_A's outcome, registered for MEM_GO
			if (i_rw && on_f && i_state == I_MEM_GO)
				l_mep_go: assert (\u_cmd.err_q != TCU_ERR_NONE ||
						  (f_q == f_ep0_q && m_type == TCU_EPT_MEM && perm && in_bounds && \u_cmd.base_q == m_base));
			l_inb: assert (f_inb_q == (m_end <= {1'b0, m_size}));
			if (i_rw && on_f && (i_burst || i_xfer)) begin
				l_mep_same:   assert (f_q == f_ep0_q);
				l_mep_perm:   assert (m_type == TCU_EPT_MEM && perm);
				l_mep_bounds: assert (in_bounds);
				l_mep_base:   assert (\u_cmd.base_q == m_base);
			end
			// credits: a command takes at most one, from its own EP, in CHK_B
			if ((i_state == I_CHK_A || i_state == I_CHK_B) || (f_cmd_q && f_cep_q != f_ep))
				l_crd_none: assert (!f_took_q && f_net_q == 2'd0);
			if (on_f && i_op == TCU_OP_SEND && i_msg)
				l_crd_took: assert (f_took_q == \u_cmd.took_q && f_net_q == {1'b0, \u_cmd.took_q });
			if (on_f && i_op == TCU_OP_SEND && i_msg && !\u_cmd.took_q )
				l_crd_unlim: assert (unlim0 && o_cur == TCU_CRD_UNLIM[5:0]);
			if (o_type == TCU_EPT_SEND)
				l_unlim: assert ((o_cur == TCU_CRD_UNLIM[5:0]) == (o_max == TCU_CRD_UNLIM[5:0]));
			// memory requests belong to READ / WRITE (no privileged ops here)
			if (i_burst || i_state == I_RD_DATA)
				l_rw_op: assert (i_rw);
			// and READ / WRITE run only through their own states
			l_no_priv: assert (i_state != I_PRIV);   // a user tile never sends PRIV_REQ
			if (i_state == I_MSG_HEAD || i_state == I_MSG_META)
				l_msg_op: assert (!\u_cmd.waitop_q && (i_op == TCU_OP_SEND || i_op == TCU_OP_REPLY));
			if (i_rw)
				l_rw_states: assert (i_state == I_IDLE || i_state == I_CHK_A || i_state == I_MEM_GO || i_burst || i_xfer);
		end

	// ------------------------------------------------------------ properties
	generate
		if (Row == 1) begin : gen_t1
			// T1: a user's command changes an EP only by its fixed updates: a
			// credit, receive-slot bookkeeping (bits only cleared, RPOS), or
			// invalidating the slot's reply EP after REPLY / ACK_MSG
			always @(*)
				if (f_past_valid && !rst_i && f_cmd_w && ep_wdata != f_q)
					a_t1_no_config: assert (
						(o_type == TCU_EPT_SEND && crd_only && f_cmd_q && f_op_q == TCU_OP_SEND) ||
						(o_type == TCU_EPT_RECV && (ep_wdata & ~CMD_MASK) == (f_q & ~CMD_MASK) &&
						 (n_occ & ~o_occ) == 32'd0 && (n_unrd & ~o_unrd) == 32'd0) ||
						(ep_wdata == 128'd0 && f_cmd_q &&
						 (f_op_q == TCU_OP_REPLY || f_op_q == TCU_OP_ACK_MSG)));
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t1_inval: cover (f_cmd_w && ep_wdata == 128'd0 && o_type == TCU_EPT_SEND);
					c_t1_free:  cover (f_cmd_w && o_type == TCU_EPT_RECV && n_occ != o_occ);
				end
		end
		if (Row == 2) begin : gen_t2
			// T2: a memory request leaves only for a READ / WRITE on a memory EP
			// with the permission, ARG + SIZE <= region size (33 bits), and each
			// burst is [BASE + ARG + off, + len) with off + len <= SIZE
			always @(*)
				if (f_past_valid && !rst_i && out_head && mem_kind) begin
					a_t2_cmd:    assert (f_cmd_q && is_rw &&
							     (o_kind == NOC_KIND_RD_REQ) == (f_op_q == TCU_OP_READ));
					a_t2_ep:     assert ({1'b0, f_cep_q} < N_EPS);
					if (on_f) begin
						a_t2_mep:    assert (m_type == TCU_EPT_MEM && perm && in_bounds);
						a_t2_burst:  assert (o_len != 12'd0 && o_len <= TCU_MEM_BURST[11:0] &&
								     {1'b0, f_off_q} + {22'd0, o_len} <= {2'b0, f_size_q} &&
								     b_end <= {2'b0, m_size});
					end
				end
			always @(*)
				if (f_past_valid && !rst_i && addr_flit && on_f)
					a_t2_addr: assert (req_out_data[TCU_MEM_ADDR_ADDR_LSB +: TCU_MEM_ADDR_ADDR_W] ==
							   m_base + f_arg_q + f_off_q[31:0]);
			// refusals: the first failing check is the error
			always @(*)
				if (f_past_valid && !rst_i && done && f_cmd_q && is_rw && on_f) begin
					if (m_type != TCU_EPT_MEM)
						a_t2_no_mep: assert (done_err == TCU_ERR_NO_MEP);
					else if (!perm)
						a_t2_no_perm: assert (done_err == TCU_ERR_NO_PERM);
					else if (!in_bounds)
						a_t2_oob: assert (done_err == TCU_ERR_OUT_OF_BOUNDS);
				end
			always @(*)
				if (f_past_valid && !rst_i && done && f_cmd_q && is_rw && {1'b0, f_cep_q} >= N_EPS)
					a_t2_bad_ep: assert (done_err == TCU_ERR_NO_MEP);
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t2_top:   cover (out_head && mem_kind && on_f && m_size != 32'd0 && b_end == {2'b0, m_size});
					c_t2_wrap:  cover (done && is_rw && on_f && m_type == TCU_EPT_MEM && perm && m_end[32] &&
							   done_err == TCU_ERR_OUT_OF_BOUNDS);
					c_t2_perm:  cover (done && f_op_q == TCU_OP_WRITE && on_f && m_type == TCU_EPT_MEM &&
							   done_err == TCU_ERR_NO_PERM);
					c_t2_nomep: cover (done && is_rw && on_f && m_type == TCU_EPT_SEND && done_err == TCU_ERR_NO_MEP);
				end
		end
		if (Row == 3) begin : gen_t3
			// T3: 0 <= CUR <= MAX for the tracked send EP at all times
			always @(*)
				if (f_past_valid && !rst_i && o_type == TCU_EPT_SEND)
					a_t3_bounded: assert (o_cur <= o_max);
			// a credit is taken only by a SEND on this EP, one at a time, only
			// when one is there, and never from an unlimited EP
			always @(*)
				if (f_past_valid && !rst_i && take) begin
					a_t3_take: assert (on_f && f_op_q == TCU_OP_SEND && o_cur != 6'd0 &&
							   o_cur != TCU_CRD_UNLIM[5:0] && !f_took_q);
				end
			always @(*)
				if (f_past_valid && !rst_i && refund)
					a_t3_refund: assert (on_f && f_op_q == TCU_OP_SEND && f_net_q == 2'd1);
			// no message leaves without its credit
			always @(*)
				if (f_past_valid && !rst_i && out_head && o_kind == NOC_KIND_MSG && on_f && f_op_q == TCU_OP_SEND)
					a_t3_paid: assert (f_net_q == 2'd1 || unlim0);
			// a failed SEND costs no credit (unless a credit came back meanwhile
			// and the EP is full again: then nothing is owed)
			always @(*)
				if (f_past_valid && !rst_i && done && on_f && f_op_q == TCU_OP_SEND) begin
					if (done_err != TCU_ERR_NONE)
						a_t3_failed: assert (net_now == 2'd0 || (net_now == 2'd1 && cur_now == max_now));
					else
						a_t3_sent: assert (net_now == 2'd1 || unlim0);
				end
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t3_last:     cover (out_head && o_kind == NOC_KIND_MSG && on_f && f_took_q && o_cur == 6'd0);
					c_t3_none:     cover (done && on_f && f_op_q == TCU_OP_SEND && done_err == TCU_ERR_NO_CREDITS);
					c_t3_refunded: cover (done && on_f && f_op_q == TCU_OP_SEND && f_took_q &&
							      done_err == TCU_ERR_RECV_NO_SPACE && net_now == 2'd0);
				end
		end
	endgenerate

	wire unused = ^{quiet, done_res, wait_done, wait_word, result_we, result, dropped, spm_we, spm_addr,
			spm_wdata, rsp_in_ready, n_max, n_type, e_max};
endmodule
