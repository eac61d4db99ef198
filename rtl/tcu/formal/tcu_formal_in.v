`default_nettype none
// tcu_formal_in - formal harness around the real inbound engine (tcu_in):
// rows T1 (privilege), T3 (credit return) and T4 (receive-slot safety) of the
// verification plan. Only read with `read_verilog -formal` (tools/formal.sh).
//
//   free inputs --(NoC valid/ready protocol assumed)--> tcu_in --EP port--> EP model
//                                                          |                f_ep: 128-bit register
//                                                          +--SPM port      other EPs: any value
//
// One arbitrary EP (f_ep, chosen at reset) stands for all: its content is a
// register written by tcu_in and, outside tcu_in's lock (the command engine's
// grant in tcu_top), by the environment with any value; every other
// EP reads as a new arbitrary value each cycle. Row selects the property set.
module tcu_formal_in #(
	parameter integer Row      = 1,   // 1 = T1, 3 = T3 (credit return), 4 = T4
	parameter integer NumEps   = 4,
	parameter integer SpmBytes = 256,
	parameter integer KernelX  = 0,
	parameter integer KernelY  = 0,
	parameter integer PrivWait = 8    // a PRIV_REQ waits this long for the command engine
) (
	input  wire         clk_i,
	input  wire         rst_i,
	input  wire         req_in_valid_i,
	input  wire [63:0]  req_in_data_i,
	input  wire         req_in_last_i,
	input  wire         rsp_out_ready_i,
	input  wire         spm_gnt_i,
	input  wire [63:0]  spm_rdata_i,
	input  wire         cmd_idle_i,
	input  wire         hold_i,
	input  wire [31:0]  preg_rdata_i,
	input  wire [6:0]   f_ep_i,        // the tracked EP (sampled during reset)
	input  wire [127:0] f_other_i,     // content of any other EP read now
	input  wire         f_env_we_i,    // the other engine writes the tracked EP
	input  wire [127:0] f_env_data_i
);
	`include "spec_noc.vh"
	`include "spec_tcu.vh"

	localparam [7:0] N_EPS = NumEps[7:0];
	localparam [3:0] KX = KernelX[3:0];
	localparam [3:0] KY = KernelY[3:0];

	localparam [127:0] BK_MASK =
		(((128'd1 << TCU_REP_OCC_W) - 128'd1) << TCU_REP_OCC_LSB) |
		(((128'd1 << TCU_REP_UNREAD_W) - 128'd1) << TCU_REP_UNREAD_LSB) |
		(((128'd1 << TCU_REP_WPOS_W) - 128'd1) << TCU_REP_WPOS_LSB);
	localparam [127:0] CMD_MASK =
		(((128'd1 << TCU_REP_OCC_W) - 128'd1) << TCU_REP_OCC_LSB) |
		(((128'd1 << TCU_REP_UNREAD_W) - 128'd1) << TCU_REP_UNREAD_LSB) |
		(((128'd1 << TCU_REP_RPOS_W) - 128'd1) << TCU_REP_RPOS_LSB);
	localparam [127:0] CRD_MASK = ((128'd1 << TCU_SEP_CUR_CRD_W) - 128'd1) << TCU_SEP_CUR_CRD_LSB;

	wire         req_in_ready, rsp_out_valid, rsp_out_last, ep_we, ep_lock, spm_req, lw_done, preg_req;
	wire         priv_busy, irq_set, denied, dropped, core_hold;
	wire [63:0]  rsp_out_data;
	wire [6:0]   ep_idx;
	wire [127:0] ep_wdata;
	wire [7:0]   spm_we;
	wire [28:0]  spm_addr;
	wire [63:0]  spm_wdata;
	wire [31:0]  ext_cmd, ext_arg;
	wire [9:0]   preg_woff;
	reg  [127:0] ep_rd;

	// a user tile: tcu_top never raises lw_valid there (tcu_top's a_no_lw)
	tcu_in #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .KernelX(KernelX), .KernelY(KernelY), .IsKernel(0),
		.PrivWait(PrivWait)
	) u_in (
		.clk_i(clk_i), .rst_i(rst_i),
		.req_in_valid_i(req_in_valid_i), .req_in_ready_o(req_in_ready),
		.req_in_data_i(req_in_data_i), .req_in_last_i(req_in_last_i),
		.rsp_out_valid_o(rsp_out_valid), .rsp_out_ready_i(rsp_out_ready_i),
		.rsp_out_data_o(rsp_out_data), .rsp_out_last_o(rsp_out_last),
		.ep_idx_o(ep_idx), .ep_rd_i(ep_rd), .ep_we_o(ep_we), .ep_wdata_o(ep_wdata), .ep_lock_o(ep_lock),
		.spm_req_o(spm_req), .spm_we_o(spm_we), .spm_addr_o(spm_addr),
		.spm_wdata_o(spm_wdata), .spm_gnt_i(spm_gnt_i), .spm_rdata_i(spm_rdata_i),
		.cmd_idle_i(cmd_idle_i), .hold_i(hold_i), .priv_busy_o(priv_busy),
		.lw_valid_i(1'b0), .lw_woff_i(10'd0), .lw_data_i(32'd0), .lw_done_o(lw_done),
		.preg_req_o(preg_req), .preg_woff_o(preg_woff), .preg_rdata_i(preg_rdata_i),
		.irq_set_o(irq_set), .denied_o(denied), .dropped_o(dropped),
		.ext_cmd_o(ext_cmd), .ext_arg_o(ext_arg), .core_hold_o(core_hold)
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

	// EP file model: out-of-range indices read 0 and ignore writes (tcu_top)
	wire         idx_ok = ({1'b0, ep_idx} < N_EPS);
	wire         f_hit  = idx_ok && (ep_idx == f_ep);
	reg  [127:0] f_q;              // the tracked EP
	always @(*)
		ep_rd = !idx_ok ? 128'd0 : f_hit ? f_q : f_other_i;
	wire f_in_w  = ep_we && f_hit;                 // tcu_in writes the tracked EP
	wire f_env_w = f_env_we_i && !ep_lock;         // the command engine's grant (tcu_top)
	always @(posedge clk_i)
		if (rst_i)
			f_q <= 128'd0;                         // the reset sweep
		else if (f_in_w)
			f_q <= ep_wdata;
		else if (f_env_w)
			f_q <= f_env_data_i;

	// The command engine changes an EP only in these ways (proved in
	// tcu_formal_cmd): invalidate it, change a send EP's credits, clear OCC /
	// UNREAD bits or move RPOS of a receive EP.
	wire [1:0]  e_type   = f_q[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [31:0] e_occ    = f_env_data_i[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] e_unread = f_env_data_i[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	always @(*)
		if (f_env_we_i)
			assume (f_env_data_i == 128'd0 ||
				(e_type == TCU_EPT_SEND && (f_env_data_i & ~CRD_MASK) == (f_q & ~CRD_MASK)) ||
				(e_type == TCU_EPT_RECV && (f_env_data_i & ~CMD_MASK) == (f_q & ~CMD_MASK) &&
				 (e_occ & ~f_q[TCU_REP_OCC_LSB +: TCU_REP_OCC_W]) == 32'd0 &&
				 (e_unread & ~f_q[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W]) == 32'd0));

	// NoC link protocol: a flit offered stays offered and unchanged until taken
	always @(posedge clk_i)
		if (f_past_valid && !$past(rst_i) && $past(req_in_valid_i && !req_in_ready)) begin
			assume (req_in_valid_i);
			assume (req_in_data_i == $past(req_in_data_i));
			assume (req_in_last_i == $past(req_in_last_i));
		end
	// The kernel's command engine sends a PRIV_REQ read as one flit (tcu_cmd
	// PRIV_RD). tcu_in answers an accepted read without draining the packet,
	// so further flits would be taken as new heads (finding, rtl/tcu/formal/README.md).
	always @(*)
		if (req_in_valid_i && !f_open_q &&
		    req_in_data_i[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] == NOC_KIND_PRIV_REQ &&
		    !req_in_data_i[NOC_HEAD_ARG_LSB + TCU_PRIV_ARG_WRITE_LSB] &&
		    req_in_data_i[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] == KX &&
		    req_in_data_i[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] == KY)
			assume (req_in_last_i);
	// the SPM arbiter grants only a request
	always @(*)
		assume (!spm_gnt_i || spm_req);

	// ------------------------------------------------------------ packet tracking (ports only)
	reg         f_open_q;      // between an accepted head and its last flit
	reg         f_rsp_open_q;  // a response is being sent (after its head)
	// what the properties need of the last accepted head (tcu_in serves one
	// packet at a time): its kind, whether the kernel sent it, and for a
	// message to the tracked EP its length and reply fields
	reg  [3:0]  f_kind_q;
	reg         f_kern_q, f_to_ep_q, f_reply_q;
	reg  [11:0] f_len_q;
	reg  [63:0] f_head_q;      // the head itself (lemmas)
	reg         f_seen_q;      // a head was accepted since reset
	wire        f_head  = req_in_valid_i && req_in_ready && !f_open_q;
	wire [43:0] i_arg   = req_in_data_i[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W];
	always @(posedge clk_i)
		if (rst_i) begin
			f_open_q     <= 1'b0;
			f_rsp_open_q <= 1'b0;
			f_kind_q     <= 4'd0;
			f_kern_q     <= 1'b0;
			f_to_ep_q    <= 1'b0;
			f_reply_q    <= 1'b0;
			f_len_q      <= 12'd0;
			f_head_q     <= 64'd0;
			f_seen_q     <= 1'b0;
		end else begin
			if (req_in_valid_i && req_in_ready)
				f_open_q <= !req_in_last_i;
			if (f_head) begin
				f_kind_q  <= req_in_data_i[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
				f_kern_q  <= req_in_data_i[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] == KX &&
					     req_in_data_i[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] == KY;
				f_to_ep_q <= req_in_data_i[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] == NOC_KIND_MSG &&
					     i_arg[TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W] == f_ep;
				f_reply_q <= i_arg[TCU_MSG_ARG_REPLY_LSB];
				f_len_q   <= i_arg[TCU_MSG_ARG_LEN_LSB +: TCU_MSG_ARG_LEN_W];
				f_head_q  <= req_in_data_i;
				f_seen_q  <= 1'b1;
			end
			if (rsp_out_valid && rsp_out_ready_i)
				f_rsp_open_q <= !rsp_out_last;
		end
	wire [3:0]  h_kind  = f_kind_q;
	wire        h_kern  = f_kern_q;
	wire [11:0] m_len   = f_len_q;
	wire        m_reply = f_reply_q;
	wire        rsp_head = rsp_out_valid && rsp_out_ready_i && !f_rsp_open_q;
	wire [3:0]  r_kind  = rsp_out_data[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W];
	wire [4:0]  r_err   = (r_kind == NOC_KIND_PRIV_RSP) ?
		rsp_out_data[NOC_HEAD_ARG_LSB + TCU_PRIV_RSP_ARG_ERR_LSB +: TCU_PRIV_RSP_ARG_ERR_W] :
		rsp_out_data[NOC_HEAD_ARG_LSB + TCU_RSP_ARG_ERR_LSB +: TCU_RSP_ARG_ERR_W];

	// fields of the tracked EP before (o_) and after (n_) a write by tcu_in
	wire [1:0]  o_type   = f_q[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [1:0]  n_type   = ep_wdata[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W];
	wire [5:0]  o_cur    = f_q[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire [5:0]  o_max    = f_q[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W];
	wire [5:0]  n_cur    = ep_wdata[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W];
	wire        o_rpl    = f_q[TCU_SEP_REPLY_LSB];
	wire [3:0]  o_order  = f_q[TCU_REP_SLOT_ORDER_LSB +: TCU_REP_SLOT_ORDER_W];
	wire [2:0]  o_slots  = f_q[TCU_REP_SLOTS_LSB +: TCU_REP_SLOTS_W];
	wire [6:0]  o_rplep  = f_q[TCU_REP_RPL_EP_LSB +: TCU_REP_RPL_EP_W];
	wire [31:0] o_buf    = f_q[TCU_REP_BUF_LSB +: TCU_REP_BUF_W];
	wire [31:0] o_occ    = f_q[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] o_unread = f_q[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	wire [31:0] n_occ    = ep_wdata[TCU_REP_OCC_LSB +: TCU_REP_OCC_W];
	wire [31:0] n_unread = ep_wdata[TCU_REP_UNREAD_LSB +: TCU_REP_UNREAD_W];
	wire [5:0]  o_n      = 6'd1 << o_slots;
	wire [31:0] o_smask  = ~(32'hffff_ffff << o_n);

	// the three ways a message may change an EP (anything else needs the kernel)
	wire chg        = f_in_w && (ep_wdata != f_q);
	wire bookkeep   = (n_type == o_type) && (o_type == TCU_EPT_RECV || o_type == TCU_EPT_INVALID) &&
			  ((ep_wdata & ~BK_MASK) == (f_q & ~BK_MASK));
	wire crd_return = (o_type == TCU_EPT_SEND) && !o_rpl && m_reply &&
			  (o_cur != TCU_CRD_UNLIM[5:0]) && (o_cur < o_max) && (n_cur == o_cur + 6'd1) &&
			  ((ep_wdata & ~CRD_MASK) == (f_q & ~CRD_MASK));
	// a use-once reply EP: send EP, REPLY set, one credit of one (its target
	// and label come from the message, which its hardware-stamped source names)
	wire rpl_install = !m_reply && (n_type == TCU_EPT_SEND) && ep_wdata[TCU_SEP_REPLY_LSB] &&
			   (n_cur == 6'd1) && (ep_wdata[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W] == 6'd1);

	// ------------------------------------------------------------ T4 tracking
	// a delivery to the tracked EP: its reservation and what happened since the head
	wire        f_to_ep = f_to_ep_q;
	wire [31:0] gained  = n_occ & ~o_occ;
	reg         f_res_q;               // a slot was reserved for this packet
	reg  [4:0]  f_slot_q;
	reg  [32:0] f_lo_q, f_hi_q;        // its bytes [lo, hi): header + payload
	reg         f_spm_q;               // tcu_in wrote the SPM during this packet
	reg         f_same_q;              // the tracked EP did not change since the head
	reg         f_unrd_q;              // tcu_in set UNREAD of the reserved slot
	reg         f_gone_q;              // the environment freed the reserved slot or the EP meanwhile
	reg  [6:0]  f_rpl_q;               // the receive EP's first reply EP and slot count at the reservation
	reg  [5:0]  f_n_q;
	integer     f_k;
	reg  [4:0]  g_slot;
	always @(*) begin
		g_slot = 5'd0;
		for (f_k = 0; f_k < 32; f_k = f_k + 1)
			if (gained[f_k])
				g_slot = f_k[4:0];
	end
	wire [32:0] g_lo = {1'b0, o_buf} + ({28'd0, g_slot} << o_order);
	wire        spm_w = spm_req && spm_gnt_i && (spm_we != 4'd0);
	always @(posedge clk_i)
		if (rst_i || f_head) begin
			f_res_q  <= 1'b0;
			f_slot_q <= 5'd0;
			f_lo_q   <= 33'd0;
			f_hi_q   <= 33'd0;
			f_spm_q  <= 1'b0;
			f_same_q <= 1'b1;
			f_unrd_q <= 1'b0;
			f_gone_q <= 1'b0;
			f_rpl_q  <= 7'd0;
			f_n_q    <= 6'd0;
		end else begin
			if (f_in_w && f_to_ep && gained != 32'd0) begin
				f_res_q  <= 1'b1;
				f_slot_q <= g_slot;
				f_lo_q   <= g_lo;
				f_hi_q   <= g_lo + 33'd16 + {21'd0, m_len};
				f_rpl_q  <= o_rplep;
				f_n_q    <= o_n;
			end
			if (spm_w)
				f_spm_q <= 1'b1;
			if (f_in_w || f_env_w)
				f_same_q <= 1'b0;
			// the reserved slot's UNREAD bit is set (it may already have been:
			// a kernel may configure UNREAD without OCC)
			if (f_in_w && f_res_q && (n_unread & (32'd1 << f_slot_q)) != 32'd0)
				f_unrd_q <= 1'b1;
			// the core ACKed the reserved slot (it may guess the offset) or the
			// EP was invalidated: tcu_in then commits nothing (S_MSG_UNRD)
			if (f_env_w && f_res_q && (f_env_data_i[TCU_EP_TYPE_LSB +: TCU_EP_TYPE_W] != TCU_EPT_RECV ||
						   !f_env_data_i[TCU_REP_OCC_LSB + f_slot_q]))
				f_gone_q <= 1'b1;
		end
	// the checks a delivery to the tracked EP passes when nothing changes it
	wire [12:0] msg_bytes = 13'd16 + {1'b0, m_len};
	wire        fits      = {3'd0, msg_bytes} <= (16'd1 << o_order);
	wire        rpl_ok    = (o_rplep == TCU_NO_EP[6:0]) || ({1'b0, o_rplep} + {2'd0, o_n} <= N_EPS &&
				!(f_ep >= o_rplep && {1'b0, f_ep} < {1'b0, o_rplep} + {2'd0, o_n}));
	wire        full      = ((~o_occ & o_smask) == 32'd0);

	// ------------------------------------------------------------ lemmas
	// Facts of every reachable state that help ABC pdr (tools/formal.sh,
	// FORMAL_EACH=1): each is proved on its own first, then assumed while the
	// row's properties are proved. They read registers of tcu_in through FORMAL_LINK (prove.sh): after flatten each wire
	// below is driven by the register of that name (an unlinked one is free:
	// its lemma fails).
	wire [12:0] \u_in.u_xfer.u_wr.nd_q ;
	wire [12:0] \u_in.u_xfer.u_wr.in_left_q ;
	wire [2:0]  \u_in.u_xfer.u_wr.off_q ;
	wire [2:0]  \u_in.u_xfer.u_wr.endb_q ;
	wire        \u_in.u_xfer.u_wr.cv_q ;
	wire        \u_in.u_xfer.u_wr.first_q ;
	wire [12:0] w_nd    = \u_in.u_xfer.u_wr.nd_q ;
	wire [12:0] w_left  = \u_in.u_xfer.u_wr.in_left_q ;
	wire [2:0]  w_off   = \u_in.u_xfer.u_wr.off_q ;
	wire [2:0]  w_endb  = \u_in.u_xfer.u_wr.endb_q ;
	wire        w_cv    = \u_in.u_xfer.u_wr.cv_q ;
	wire        w_first = \u_in.u_xfer.u_wr.first_q ;
	wire [13:0] w_need  = {1'b0, w_left} + {11'd0, w_off} + 14'd7;
	wire [28:0] \u_in.u_xfer.u_wr.daddr_q ;
	wire [28:0] w_daddr = \u_in.u_xfer.u_wr.daddr_q ;
	wire [31:0] \u_in.addr_q ;
	wire [32:0] \u_in.lim_q ;   // SpmBytes - 16 - LEN of the head (bit 32: negative)
	wire [4:0]  \u_in.err_q ;
	wire [4:0]  \u_in.slot_q ;
	wire [4:0]  \u_in.state_q ;
	wire        \u_in.open_q ;
	wire [3:0]  \u_in.h_kind ;   // head fields tcu_in uses (unused head bits are optimised away)
	wire [3:0]  \u_in.h_sx ;
	wire [3:0]  \u_in.h_sy ;
	wire [6:0]  \u_in.m_dst ;
	wire [11:0] \u_in.m_len ;
	wire        \u_in.m_reply ;
	wire [43:0] f_harg = f_head_q[NOC_HEAD_ARG_LSB +: NOC_HEAD_ARG_W];
	wire [4:0]  i_state = \u_in.state_q ;
	wire [31:0] i_addr  = \u_in.addr_q ;
	wire [6:0]  i_rpl   = i_addr[6:0];       // S_MSG_EP: the first reply EP
	wire [4:0]  i_slot  = \u_in.slot_q ;
	localparam [4:0] I_DISPATCH = 5'd1, I_MSG_CHK = 5'd2, I_MSG_H0 = 5'd3, I_MSG_META = 5'd4, I_MSG_PAY = 5'd5,
		I_MSG_UNRD = 5'd6, I_MSG_EP = 5'd7, I_MSG_UNDO = 5'd8, I_WR_DATA = 5'd13, I_MSG_RES = 5'd23;
	localparam [4:0] I_IDLE = 5'd0, I_DRAIN = 5'd9, I_RSP = 5'd10, I_DROP = 5'd22, I_RD_DATA = 5'd12, I_PRIV_RDLO = 5'd18, I_PRIV_RDHI = 5'd19,
		I_PRIV_RDTX = 5'd20;
	always @(*)
		if (f_past_valid && !rst_i) begin
			// the harness's fields of the last head are those of f_head_q
			if (f_seen_q)
				l_track: assert (f_kind_q == f_head_q[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] &&
					f_to_ep_q == (f_kind_q == NOC_KIND_MSG && f_harg[TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W] == f_ep) &&
					f_len_q == f_harg[TCU_MSG_ARG_LEN_LSB +: TCU_MSG_ARG_LEN_W] &&
					f_reply_q == f_harg[TCU_MSG_ARG_REPLY_LSB] &&
					f_kern_q == (f_head_q[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] == KX &&
						     f_head_q[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] == KY));
			// the packet tcu_in serves is the one the harness saw arrive
			if (i_state == I_IDLE)
				l_idle: assert (!f_open_q);
			else
				l_head: assert (
					\u_in.h_kind == f_head_q[NOC_HEAD_KIND_LSB +: NOC_HEAD_KIND_W] &&
					\u_in.h_sx == f_head_q[NOC_HEAD_SRC_X_LSB +: NOC_HEAD_SRC_X_W] &&
					\u_in.h_sy == f_head_q[NOC_HEAD_SRC_Y_LSB +: NOC_HEAD_SRC_Y_W] &&
					\u_in.m_dst == f_harg[TCU_MSG_ARG_DST_EP_LSB +: TCU_MSG_ARG_DST_EP_W] &&
					\u_in.m_len == f_harg[TCU_MSG_ARG_LEN_LSB +: TCU_MSG_ARG_LEN_W] &&
					\u_in.m_reply == f_harg[TCU_MSG_ARG_REPLY_LSB]);
			// OPEN: tcu_in does not clear open_q when it drains (DRAIN, DROP)
			if (i_state == I_DRAIN || i_state == I_DROP)
				l_open_drain: assert (f_open_q);
			else if (i_state == I_RSP || i_state == I_RD_DATA || i_state == I_PRIV_RDLO ||
				 i_state == I_PRIV_RDHI || i_state == I_PRIV_RDTX)
				l_open_rsp: assert (!f_open_q);
			else if (i_state != I_IDLE)
				l_open: assert (\u_in.open_q == f_open_q);
			l_rsp: assert (f_rsp_open_q == (i_state == I_RD_DATA || i_state == I_PRIV_RDLO ||
							i_state == I_PRIV_RDHI || i_state == I_PRIV_RDTX));
			// SPM writer: dwords left = pending chunk + dwords of the bytes to come
			if (w_left != 13'd0)
				l_wr_nd: assert ({1'b0, w_nd} == {13'd0, w_cv} + (w_need >> 3));
			else
				l_wr_end: assert (w_nd >= {12'd0, w_cv} && w_nd <= {12'd0, w_cv} + 13'd1);
			if (w_first && w_nd == 13'd1)
				l_wr_strb: assert (w_endb == 3'd0 || w_endb > w_off);
		end

	// ------------------------------------------------------------ properties
	generate
		if (Row == 1) begin : gen_t1
			// T1: an EP changes only through a PRIV_REQ whose hardware-stamped
			// source is the kernel tile, or by one of the message path's three
			// fixed updates (slot bookkeeping, +1 credit, use-once reply EP)
			always @(*)
				if (f_past_valid && !rst_i && chg)
					a_t1_kernel_only: assert ((h_kind == NOC_KIND_PRIV_REQ && h_kern) ||
						(h_kind == NOC_KIND_MSG && (bookkeep || crd_return || rpl_install)));
			// a PRIV_REQ from any other tile is refused with NO_PERM and counted
			always @(*)
				if (f_past_valid && !rst_i && rsp_head && h_kind == NOC_KIND_PRIV_REQ && !h_kern)
					a_t1_refused: assert (r_kind == NOC_KIND_PRIV_RSP && r_err == TCU_ERR_NO_PERM);
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t1_config: cover (chg && h_kind == NOC_KIND_PRIV_REQ && n_type == TCU_EPT_RECV);
					c_t1_inval:  cover (chg && h_kind == NOC_KIND_PRIV_REQ && ep_wdata == 128'd0);
					c_t1_denied: cover (rsp_head && h_kind == NOC_KIND_PRIV_REQ && !h_kern);
				end
		end
		if (Row == 3) begin : gen_t3
			// T3 (receiver side of a credit): a credit changes only by +1 on a
			// reply, never above the maximum, never on an
			// unlimited or a reply EP
			always @(*)
				if (f_past_valid && !rst_i && f_in_w && o_type == TCU_EPT_SEND && n_type == TCU_EPT_SEND &&
				    h_kind == NOC_KIND_MSG && n_cur != o_cur)
					a_t3_return: assert (crd_return || rpl_install);
			always @(*)
				if (f_past_valid && !rst_i && f_in_w && o_type == TCU_EPT_SEND && o_cur <= o_max &&
				    n_type == TCU_EPT_SEND && h_kind == NOC_KIND_MSG)
					a_t3_bounded: assert (ep_wdata[TCU_SEP_CUR_CRD_LSB +: TCU_SEP_CUR_CRD_W] <=
							      ep_wdata[TCU_SEP_MAX_CRD_LSB +: TCU_SEP_MAX_CRD_W]);
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t3_return: cover (chg && crd_return && n_cur == o_max);
					c_t3_at_max: cover (rsp_head && h_kind == NOC_KIND_MSG && m_reply &&
							    f_same_q && o_type == TCU_EPT_SEND && o_cur == o_max && r_err == TCU_ERR_NONE);
				end
		end
		if (Row == 4) begin : gen_t4
			always @(*)
				if (f_past_valid && !rst_i && f_in_w && f_to_ep) begin
					// a slot is reserved only if it was free, one at a time, and
					// only for a message that fits the slot and the SPM
					if (gained != 32'd0) begin
						a_t4_one_free: assert ((gained & (gained - 32'd1)) == 32'd0 && (gained & o_smask) == gained);
						a_t4_recv:     assert (o_type == TCU_EPT_RECV && !f_res_q);
						a_t4_fits:     assert (fits && g_lo + 33'd16 + {21'd0, m_len} <= {1'b0, SpmBytes[31:0]});
					end
					// UNREAD is set only for the slot reserved for this message
					a_t4_unread: assert (((n_unread & ~o_unread) == 32'd0) ||
							     (f_res_q && (n_unread & ~o_unread) == (32'd1 << f_slot_q)));
					// occupied and unread masks stay consistent (unread => occupied)
					if (o_type == TCU_EPT_RECV && (o_unread & ~o_occ) == 32'd0)
						a_t4_masks: assert ((n_unread & ~n_occ) == 32'd0);
				end
			// the message lands inside its reserved slot, and nowhere else
			always @(*)
				if (f_past_valid && !rst_i && spm_w && f_to_ep) begin
					a_t4_reserved: assert (f_res_q);
					if (spm_we[0]) a_t4_in_slot0: assert ({1'b0, spm_addr, 3'd0} >= f_lo_q && {1'b0, spm_addr, 3'd0} < f_hi_q);
					if (spm_we[1]) a_t4_in_slot1: assert ({1'b0, spm_addr, 3'd1} >= f_lo_q && {1'b0, spm_addr, 3'd1} < f_hi_q);
					if (spm_we[2]) a_t4_in_slot2: assert ({1'b0, spm_addr, 3'd2} >= f_lo_q && {1'b0, spm_addr, 3'd2} < f_hi_q);
					if (spm_we[3]) a_t4_in_slot3: assert ({1'b0, spm_addr, 3'd3} >= f_lo_q && {1'b0, spm_addr, 3'd3} < f_hi_q);
					if (spm_we[4]) a_t4_in_slot4: assert ({1'b0, spm_addr, 3'd4} >= f_lo_q && {1'b0, spm_addr, 3'd4} < f_hi_q);
					if (spm_we[5]) a_t4_in_slot5: assert ({1'b0, spm_addr, 3'd5} >= f_lo_q && {1'b0, spm_addr, 3'd5} < f_hi_q);
					if (spm_we[6]) a_t4_in_slot6: assert ({1'b0, spm_addr, 3'd6} >= f_lo_q && {1'b0, spm_addr, 3'd6} < f_hi_q);
					if (spm_we[7]) a_t4_in_slot7: assert ({1'b0, spm_addr, 3'd7} >= f_lo_q && {1'b0, spm_addr, 3'd7} < f_hi_q);
				end
			// lemmas of the delivery path (registers of tcu_in and its SPM writer)
			wire        m_state = (i_state == I_MSG_H0 || i_state == I_MSG_META || i_state == I_MSG_PAY);
			wire [33:0] f_lim   = {2'b00, SpmBytes[31:0]} - {21'd0, 13'd16 + {1'b0, \u_in.m_len }};
			wire [32:0] w_lo    = {1'b0, w_daddr, 3'd0} + (w_first ? {30'd0, w_off} : 33'd0);
			wire [32:0] w_hi    = {1'b0, w_daddr, 3'd0} + {17'd0, w_nd, 3'd0} -
					      ((w_endb == 3'd0) ? 33'd0 : 33'd8 - {30'd0, w_endb});
			always @(*)
				if (f_past_valid && !rst_i) begin
					if (i_state == I_DISPATCH || i_state == I_MSG_CHK || i_state == I_MSG_RES)
						l_t4_fresh: assert (!f_res_q && !f_spm_q && !f_unrd_q && !f_gone_q);
					// the SPM writer runs only for a message or a WR_REQ
					if (!m_state && i_state != I_MSG_UNDO && i_state != I_WR_DATA)
						l_t4_wr_idle: assert (w_nd == 13'd0 && w_left == 13'd0);
					if (f_to_ep && (m_state || i_state == I_MSG_UNRD || i_state == I_MSG_UNDO))
						l_t4_res: assert (f_res_q && \u_in.slot_q == f_slot_q && !f_unrd_q &&
								  f_hi_q == f_lo_q + 33'd16 + {21'd0, m_len} &&
								  f_hi_q <= {1'b0, SpmBytes[31:0]});
					if (f_to_ep && (m_state || i_state == I_MSG_UNRD))
						l_t4_live: assert (!f_gone_q == (o_type == TCU_EPT_RECV && o_occ[f_slot_q]));
					if (f_to_ep && (m_state || i_state == I_MSG_UNDO) && w_nd != 13'd0)
						l_t4_wr_span: assert ((w_first ? w_lo == f_lo_q : w_lo > f_lo_q) && w_hi == f_hi_q);
					if (f_to_ep && i_state == I_MSG_EP)
						l_t4_ep: assert (f_res_q && (f_unrd_q || f_gone_q));
					if (f_to_ep && i_state == I_RSP && \u_in.err_q == TCU_ERR_NONE)
						l_t4_ok: assert (f_res_q && (f_unrd_q || f_gone_q));
					if (f_to_ep && (i_state == I_RSP || i_state == I_DRAIN) && !f_res_q)
						l_t4_err: assert (\u_in.err_q != TCU_ERR_NONE);
					// a message to the tracked EP runs through the message states only
					if (f_to_ep)
						l_t4_states: assert (i_state == I_IDLE || i_state == I_DISPATCH || i_state == I_MSG_CHK || i_state == I_MSG_RES ||
								     m_state || i_state == I_MSG_UNRD || i_state == I_MSG_EP ||
								     i_state == I_MSG_UNDO || i_state == I_DRAIN || i_state == I_RSP);
					// the receive EP keeps its reply range and slot count while the
					// message is written (the command engine changes only OCC, UNREAD,
					// RPOS, or invalidates it), and the range excludes the EP itself
					if (f_to_ep && (m_state || i_state == I_MSG_UNRD) && !f_gone_q)
						l_t4_cfg: assert (o_rplep == f_rpl_q && o_n == f_n_q && {1'b0, f_slot_q} < f_n_q &&
								  (f_rpl_q == TCU_NO_EP[6:0] ||
								   !(f_ep >= f_rpl_q && {1'b0, f_ep} < {1'b0, f_rpl_q} + {2'd0, f_n_q})));
					// OCC bits of the tracked EP are gained only by a reservation
					if (f_in_w && f_to_ep && gained != 32'd0)
						l_t4_gain: assert (i_state == I_MSG_RES);
					// what S_MSG_CHK registered for S_MSG_RES: the picked slot is free
					// and its address is the slot's (the EP is locked in between)
					if (f_to_ep && i_state == I_MSG_RES && \u_in.err_q == TCU_ERR_NONE)
						l_t4_chk: assert (o_type == TCU_EPT_RECV && fits && rpl_ok && {1'b0, i_slot} < o_n &&
								  !o_occ[i_slot] && {1'b0, i_addr} == {1'b0, o_buf} + ({28'd0, i_slot} << o_order));
					// the SPM limit of the slot's start, registered from the head
					if (i_state == I_MSG_CHK || i_state == I_MSG_RES)
						l_t4_lim: assert (\u_in.lim_q == {f_lim[33], f_lim[31:0]});
					// the reserved slot is not UNREAD until the commit
					if (f_to_ep && f_res_q && (m_state || i_state == I_MSG_UNRD || i_state == I_MSG_UNDO))
						l_t4_unrd: assert (!o_unread[f_slot_q]);
					// a reserved receive EP stays one, or is invalidated: never a send EP
					if (f_to_ep && f_res_q && (m_state || i_state == I_MSG_UNRD || i_state == I_MSG_EP ||
								   i_state == I_MSG_UNDO))
						l_t4_type: assert (o_type == TCU_EPT_RECV || o_type == TCU_EPT_INVALID);
					// so the use-once reply EP is never installed over the receive EP
					if (f_to_ep && i_state == I_MSG_EP)
						l_t4_inst: assert (i_rpl == TCU_NO_EP[6:0] ||
								   (i_rpl == f_rpl_q && !f_gone_q && i_rpl + {2'd0, i_slot} != f_ep));
					// only a refused message drains its rest
					if (f_to_ep && i_state == I_DRAIN)
						l_t4_drain: assert (\u_in.err_q != TCU_ERR_NONE);
					if (f_to_ep && (i_state == I_RSP || i_state == I_DRAIN || i_state == I_MSG_RES) && f_same_q &&
					    o_type == TCU_EPT_RECV && fits && rpl_ok && full)
						l_t4_full: assert (\u_in.err_q == TCU_ERR_RECV_NO_SPACE);
				end
			// the answer: success only for a delivered message; too long or
			// full refuses it with the buffer (and the SPM) untouched
			always @(*)
				if (f_past_valid && !rst_i && rsp_head && f_to_ep) begin
					if (r_err == TCU_ERR_NONE)
						a_t4_delivered: assert (f_res_q && (f_unrd_q || f_gone_q));
					if (!f_res_q)
						a_t4_untouched: assert (!f_spm_q && r_err != TCU_ERR_NONE);
					if (f_same_q && o_type == TCU_EPT_RECV && !fits)
						a_t4_too_long: assert (r_err == TCU_ERR_RECV_OUT_OF_BOUNDS && !f_res_q);
					if (f_same_q && o_type == TCU_EPT_RECV && fits && rpl_ok && full)
						a_t4_full: assert (r_err == TCU_ERR_RECV_NO_SPACE && !f_res_q);
				end
			always @(posedge clk_i)
				if (f_past_valid && !rst_i) begin
					c_t4_full:      cover (rsp_head && f_to_ep && r_err == TCU_ERR_RECV_NO_SPACE);
					c_t4_too_long:  cover (rsp_head && f_to_ep && f_same_q && r_err == TCU_ERR_RECV_OUT_OF_BOUNDS);
					c_t4_last_slot: cover (f_in_w && f_to_ep && gained != 32'd0 && (n_occ & o_smask) == o_smask && o_slots != 3'd0);
					c_t4_delivered: cover (rsp_head && f_to_ep && r_err == TCU_ERR_NONE && m_len != 12'd0);
					c_t4_acked:     cover (rsp_head && f_to_ep && r_err == TCU_ERR_NONE && f_gone_q && !f_unrd_q);
				end
		end
	endgenerate

	wire unused = ^{rsp_out_data, spm_wdata, ext_cmd, ext_arg, preg_woff, lw_done, preg_req,
			priv_busy, irq_set, denied, dropped, core_hold};
endmodule
