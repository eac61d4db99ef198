`default_nettype none
// tcu_top - Trusted Communication Unit of one tile (contract: spec/tcu.toml,
// behaviour: docs/tcu-design.md, structure: rtl/tcu/README.md).
//
//   core --MMIO--> register block --start/wait--> tcu_cmd --REQ out / RSP in--> NoC
//                       |  lw (kernel tile's own privileged stores)
//                       v
//                    tcu_in  <--REQ in / RSP out--> NoC
//   EP file (NumEps x 128 bit flops): read by both engines and the register block,
//   written by tcu_in (priority) and tcu_cmd (granted outside tcu_in's EP states).
//   SPM port B: round-robin between the two engines, one 64-bit access per cycle.
module tcu_top #(
	parameter integer TileX       = 0,     // this tile's column
	parameter integer TileY       = 0,     // this tile's row
	parameter integer KernelX     = 0,     // the kernel tile (the only privileged source)
	parameter integer KernelY     = 0,
	parameter integer NumEps      = 32,    // endpoints, 1 .. TCU_MAX_EPS (127)
	parameter integer SpmBytes    = 65536, // bytes behind the SPM port (memory-EP and slot bounds)
	parameter integer CmdTimeout  = 4096,  // command watchdog: cycles without a response flit
	parameter integer WaitTimeout = 65536  // cycles a WAIT read blocks at most
) (
	input  wire        clk_i,
	input  wire        rst_i,
	// MMIO slave (picorv32 native): byte offset in the 4 KiB window, wstrb 0 = read
	input  wire        mmio_valid_i,
	output wire        mmio_ready_o,
	input  wire [11:0] mmio_addr_i,
	input  wire [31:0] mmio_wdata_i,
	input  wire [3:0]  mmio_wstrb_i,
	output wire [31:0] mmio_rdata_o,
	// SPM port B master (64 bits, dword address, byte enables, 1-cycle read latency)
	output wire        spm_en_o,
	output wire [7:0]  spm_we_o,
	output wire [28:0] spm_addr_o,
	output wire [63:0] spm_wdata_o,
	input  wire [63:0] spm_rdata_i,
	// NoC, request network
	output wire        req_out_valid_o,
	input  wire        req_out_ready_i,
	output wire [63:0] req_out_data_o,
	output wire        req_out_last_o,
	input  wire        req_in_valid_i,
	output wire        req_in_ready_o,
	input  wire [63:0] req_in_data_i,
	input  wire        req_in_last_i,
	// NoC, response network
	output wire        rsp_out_valid_o,
	input  wire        rsp_out_ready_i,
	output wire [63:0] rsp_out_data_o,
	output wire        rsp_out_last_o,
	input  wire        rsp_in_valid_i,
	output wire        rsp_in_ready_o,
	input  wire [63:0] rsp_in_data_i,
	input  wire        rsp_in_last_i,
	// to the core
	output wire        irq_o,       // message arrived (STATUS.IRQ & IRQ_EN[0])
	output wire        core_rst_o   // hold the core in reset (CORE_CTRL.HOLD)
);
	`include "spec_noc.vh"
	`include "spec_tcu.vh"

	localparam integer IsKernel = (TileX == KernelX && TileY == KernelY) ? 1 : 0;

	generate
		if (NumEps < 1 || NumEps > TCU_MAX_EPS) begin : gen_bad_eps
			tcu_top_error_NumEps_must_be_1_to_127 u_param_check ();
		end
		if (SpmBytes < 16 || SpmBytes > 32'h10000000) begin : gen_bad_spm
			tcu_top_error_SpmBytes_out_of_range u_param_check ();
		end
		if (TileX < 0 || TileX > 15 || TileY < 0 || TileY > 15 || KernelX < 0 || KernelX > 15 ||
		    KernelY < 0 || KernelY > 15) begin : gen_bad_coord
			tcu_top_error_coordinates_must_fit_4_bits u_param_check ();
		end
	endgenerate

	localparam [7:0] N_EPS = NumEps[7:0];

	// ------------------------------------------------------------ EP file
	// (tcu_epfile: each engine's read leaves a register, its index given a
	// cycle ahead; to the engines it is a memory written at the clock edge)
	wire [6:0]   cmd_ep_idx, in_ep_idx, cmd_ep_nidx, in_ep_nidx;
	wire         cmd_ep_we, in_ep_we, in_ep_lock;
	wire [127:0] cmd_ep_wdata, in_ep_wdata;
	wire [127:0] cmd_ep_rd, in_ep_rd, reg_ep;
	wire         cmd_ep_gnt = !in_ep_lock;   // covers every tcu_in write (state decode)
	// One write port: the reset sweep, then tcu_in, then tcu_cmd. The EP file has
	// no reset of its own (so it maps to distributed RAM): after rst_i the sweep
	// invalidates one EP per cycle while init_q holds the MMIO port and tcu_in.
	reg          init_q;
	reg  [6:0]   init_idx_q;
	// (selected by tcu_in's lock, a state decode, not by its write enable)
	wire         ep_we    = init_q || (in_ep_lock ? in_ep_we : cmd_ep_we);
	wire [6:0]   ep_widx  = init_q ? init_idx_q : in_ep_lock ? in_ep_idx : cmd_ep_idx;
	wire [127:0] ep_wdata = init_q ? 128'd0 : in_ep_lock ? in_ep_wdata : cmd_ep_wdata;
	wire [6:0]   reg_ep_idx;
	tcu_epfile #(.NumEps(NumEps)) u_eps (
		.clk_i(clk_i), .we_i(ep_we), .widx_i(ep_widx), .wdata_i(ep_wdata),
		.a_nidx_i(cmd_ep_nidx), .a_rd_o(cmd_ep_rd),
		.b_nidx_i(in_ep_nidx), .b_rd_o(in_ep_rd),
		.c_idx_i(reg_ep_idx), .c_rd_o(reg_ep)
	);
	always @(posedge clk_i) begin
		if (rst_i) begin
			init_q     <= 1'b1;
			init_idx_q <= 7'd0;
		end else if (init_q) begin
			init_idx_q <= init_idx_q + 7'd1;
			if ({1'b0, init_idx_q} == N_EPS - 8'd1)
				init_q <= 1'b0;
		end
	end

	// ------------------------------------------------------------ engines
	wire        in_priv_busy; // tcu_in runs a privileged write (below)
	wire        cmd_idle, cmd_quiet, cmd_done, cmd_wait_done, cmd_result_we, cmd_dropped;
	wire [4:0]  cmd_done_err;
	wire [15:0] cmd_done_res;
	wire [31:0] cmd_wait_word, cmd_result;
	reg         cmd_start, cmd_wait;
	wire        cmd_spm_req, in_spm_req;
	wire [7:0]  cmd_spm_we, in_spm_we;
	wire [28:0] cmd_spm_addr, in_spm_addr;
	wire [63:0] cmd_spm_wdata, in_spm_wdata;
	wire        cmd_spm_gnt, in_spm_gnt;

	reg  [31:0] data_addr_q, data_size_q, arg_q, cmd_reg_q, result_q;
	reg         irq_q, irq_en_q, wait_act_q;
	reg  [7:0]  denied_q, dropped_q;
	wire [9:0]  woff = mmio_addr_i[11:2];
	wire        unused_addr = ^mmio_addr_i[1:0];   // registers are words

	tcu_cmd #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .TileX(TileX), .TileY(TileY), .IsKernel(IsKernel),
		.CmdTimeout(CmdTimeout), .WaitTimeout(WaitTimeout)
	) u_cmd (
		.clk_i(clk_i), .rst_i(rst_i),
		.start_i(cmd_start),
		.start_op_i(mmio_wdata_i[TCU_CMD_OP_LSB +: TCU_CMD_OP_W]),
		.start_ep_i(mmio_wdata_i[TCU_CMD_EP_LSB +: TCU_CMD_EP_W]),
		.start_arg_i(mmio_wdata_i[TCU_CMD_ARG_LSB +: TCU_CMD_ARG_W]),
		.wait_i(cmd_wait), .wait_ep_i(woff[6:0] - TCU_REG_WAIT_BASE[8:2]), .hold_wait_i(in_priv_busy),
		.data_addr_i(data_addr_q), .data_size_i(data_size_q), .arg_i(arg_q),
		.idle_o(cmd_idle), .quiet_o(cmd_quiet), .done_o(cmd_done), .done_err_o(cmd_done_err), .done_res_o(cmd_done_res),
		.wait_done_o(cmd_wait_done), .wait_word_o(cmd_wait_word),
		.result_we_o(cmd_result_we), .result_o(cmd_result), .dropped_o(cmd_dropped),
		.ep_idx_o(cmd_ep_idx), .ep_nidx_o(cmd_ep_nidx), .ep_rd_i(cmd_ep_rd), .ep_we_o(cmd_ep_we), .ep_wdata_o(cmd_ep_wdata),
		.ep_gnt_i(cmd_ep_gnt),
		.spm_req_o(cmd_spm_req), .spm_we_o(cmd_spm_we), .spm_addr_o(cmd_spm_addr),
		.spm_wdata_o(cmd_spm_wdata), .spm_gnt_i(cmd_spm_gnt), .spm_rdata_i(spm_rdata_i),
		.req_out_valid_o(req_out_valid_o), .req_out_ready_i(req_out_ready_i),
		.req_out_data_o(req_out_data_o), .req_out_last_o(req_out_last_o),
		.rsp_in_valid_i(rsp_in_valid_i), .rsp_in_ready_o(rsp_in_ready_o),
		.rsp_in_data_i(rsp_in_data_i), .rsp_in_last_i(rsp_in_last_i)
	);

	wire        in_lw_done, in_irq_set, in_denied, in_dropped, in_hold, in_preg_req;
	wire [9:0]  in_preg_woff;
	wire [31:0] in_ext_cmd, in_ext_arg;
	reg  [31:0] in_preg_rdata;
	reg         lw_valid;

	tcu_in #(
		.NumEps(NumEps), .SpmBytes(SpmBytes), .KernelX(KernelX), .KernelY(KernelY), .IsKernel(IsKernel),
		.PrivWait(CmdTimeout / 2)
	) u_in (
		.clk_i(clk_i), .rst_i(rst_i),
		.req_in_valid_i(req_in_valid_i), .req_in_ready_o(req_in_ready_o),
		.req_in_data_i(req_in_data_i), .req_in_last_i(req_in_last_i),
		.rsp_out_valid_o(rsp_out_valid_o), .rsp_out_ready_i(rsp_out_ready_i),
		.rsp_out_data_o(rsp_out_data_o), .rsp_out_last_o(rsp_out_last_o),
		.ep_idx_o(in_ep_idx), .ep_nidx_o(in_ep_nidx), .ep_rd_i(in_ep_rd), .ep_we_o(in_ep_we), .ep_wdata_o(in_ep_wdata),
		.ep_lock_o(in_ep_lock),
		.spm_req_o(in_spm_req), .spm_we_o(in_spm_we), .spm_addr_o(in_spm_addr),
		.spm_wdata_o(in_spm_wdata), .spm_gnt_i(in_spm_gnt), .spm_rdata_i(spm_rdata_i),
		.cmd_idle_i(cmd_quiet && !cmd_start && !cmd_wait), .hold_i(init_q), .priv_busy_o(in_priv_busy),
		.lw_valid_i(lw_valid), .lw_woff_i(woff), .lw_data_i(mmio_wdata_i), .lw_done_o(in_lw_done),
		.preg_req_o(in_preg_req), .preg_woff_o(in_preg_woff), .preg_rdata_i(in_preg_rdata),
		.irq_set_o(in_irq_set), .denied_o(in_denied), .dropped_o(in_dropped),
		.ext_cmd_o(in_ext_cmd), .ext_arg_o(in_ext_arg), .core_hold_o(in_hold)
	);

	assign irq_o      = irq_q && irq_en_q;
	assign core_rst_o = in_hold;

	// ------------------------------------------------------------ SPM arbiter (round robin)
	reg last_in_q;
	assign in_spm_gnt  = in_spm_req && (!cmd_spm_req || !last_in_q);
	assign cmd_spm_gnt = cmd_spm_req && !in_spm_gnt;
	assign spm_en_o    = in_spm_req || cmd_spm_req;
	assign spm_we_o    = in_spm_gnt ? in_spm_we : cmd_spm_we;
	assign spm_addr_o  = in_spm_gnt ? in_spm_addr : cmd_spm_addr;
	assign spm_wdata_o = in_spm_gnt ? in_spm_wdata : cmd_spm_wdata;
	always @(posedge clk_i) begin
		if (rst_i)
			last_in_q <= 1'b0;
		else if (spm_en_o)
			last_in_q <= in_spm_gnt;
	end

	// ------------------------------------------------------------ register reads
	wire [9:0]   rr_woff = in_preg_req ? in_preg_woff : woff;
	assign reg_ep_idx = rr_woff[8:2];
	function [31:0] reg_read(input [9:0] w);
		reg [127:0] ep;
		begin
			reg_read = 32'd0;
			ep = reg_ep;
			if (w >= TCU_REG_EP_BASE[11:2]) begin
				reg_read = ep[{w[1:0], 5'd0} +: 32];
			end else begin
				case ({w, 2'b00})
				TCU_REG_FEATURES: begin
					reg_read[TCU_FEAT_NUM_EPS_LSB +: TCU_FEAT_NUM_EPS_W] = N_EPS;
					reg_read[TCU_FEAT_KERNEL_LSB]                        = (IsKernel != 0);
					reg_read[TCU_FEAT_TILE_X_LSB +: TCU_FEAT_TILE_X_W]   = TileX[3:0];
					reg_read[TCU_FEAT_TILE_Y_LSB +: TCU_FEAT_TILE_Y_W]   = TileY[3:0];
					reg_read[TCU_FEAT_VERSION_LSB +: TCU_FEAT_VERSION_W] = TCU_VERSION[7:0];
				end
				TCU_REG_COMMAND:   reg_read = cmd_reg_q;
				TCU_REG_DATA_ADDR: reg_read = data_addr_q;
				TCU_REG_DATA_SIZE: reg_read = data_size_q;
				TCU_REG_ARG:       reg_read = arg_q;
				TCU_REG_RESULT:    reg_read = result_q;
				TCU_REG_STATUS: begin
					reg_read[TCU_STATUS_IRQ_LSB]                         = irq_q;
					reg_read[TCU_STATUS_BUSY_LSB]                        = !cmd_idle;
					reg_read[TCU_STATUS_DENIED_LSB +: TCU_STATUS_DENIED_W]   = denied_q;
					reg_read[TCU_STATUS_DROPPED_LSB +: TCU_STATUS_DROPPED_W] = dropped_q;
				end
				TCU_REG_IRQ_EN:    reg_read = {31'd0, irq_en_q};
				TCU_REG_EXT_CMD:   reg_read = in_ext_cmd;
				TCU_REG_EXT_ARG:   reg_read = in_ext_arg;
				TCU_REG_CORE_CTRL: reg_read = {31'd0, in_hold};
				default:           reg_read = 32'd0;
				endcase
			end
		end
	endfunction
	// one register read port, shared: a PRIV_REQ read first, the core waits
	wire [31:0] reg_rdata = reg_read(rr_woff);
	always @* in_preg_rdata = reg_rdata;

	// ------------------------------------------------------------ MMIO
	// One access at a time; ready is registered (one wait state), and a
	// COMMAND store, a CMD_WAIT / WAIT load or a privileged store of the kernel
	// tile holds it off until it can complete.
	wire        is_wr    = (mmio_wstrb_i != 4'd0);
	wire        is_wait  = (woff >= TCU_REG_WAIT_BASE[11:2]) && (woff < TCU_REG_EP_BASE[11:2]);
	wire        is_priv  = (woff == TCU_REG_EXT_CMD[11:2]) || (woff == TCU_REG_CORE_CTRL[11:2]) ||
			       ((woff >= TCU_REG_EP_BASE[11:2]) && ({1'b0, woff[8:2]} < N_EPS));
	reg         ready_q, ready_d;
	reg  [31:0] rdata_q, rdata_d;
	reg         denied_inc;
	wire [31:0] wmask = {{8{mmio_wstrb_i[3]}}, {8{mmio_wstrb_i[2]}}, {8{mmio_wstrb_i[1]}}, {8{mmio_wstrb_i[0]}}};

	assign mmio_ready_o = ready_q;
	assign mmio_rdata_o = rdata_q;

	wire acc = mmio_valid_i && !ready_q && !init_q;
	always @* begin
		cmd_start  = acc && is_wr && (woff == TCU_REG_COMMAND[11:2]) && cmd_idle && !in_priv_busy;
		cmd_wait   = acc && !is_wr && is_wait && cmd_idle && !wait_act_q && !in_priv_busy;
		lw_valid   = acc && is_wr && is_priv && (IsKernel != 0) && cmd_idle;
		denied_inc = acc && is_wr && is_priv && (IsKernel == 0);
	end
	always @* begin
		ready_d = 1'b0;
		rdata_d = 32'd0;
		if (acc) begin
			if (is_wr) begin
				if (woff == TCU_REG_COMMAND[11:2])
					ready_d = cmd_idle && !in_priv_busy;
				else if (is_priv && IsKernel != 0)
					ready_d = in_lw_done;
				else
					ready_d = 1'b1;
			end else if (woff == TCU_REG_CMD_WAIT[11:2]) begin
				ready_d = cmd_idle;
				rdata_d = cmd_reg_q;
			end else if (is_wait) begin
				ready_d = cmd_wait_done;
				rdata_d = cmd_wait_word;
			end else begin
				ready_d = !in_preg_req;
				rdata_d = reg_rdata;
			end
		end
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			ready_q     <= 1'b0;
			rdata_q     <= 32'd0;
			data_addr_q <= 32'd0;
			data_size_q <= 32'd0;
			arg_q       <= 32'd0;
			cmd_reg_q   <= 32'd0;
			result_q    <= 32'd0;
			irq_q       <= 1'b0;
			irq_en_q    <= 1'b0;
			wait_act_q  <= 1'b0;
			denied_q    <= 8'd0;
			dropped_q   <= 8'd0;
		end else begin
			ready_q <= ready_d;
			rdata_q <= rdata_d;
			if (cmd_wait)
				wait_act_q <= 1'b1;
			else if (cmd_wait_done)
				wait_act_q <= 1'b0;
			if (acc && is_wr) begin
				case ({woff, 2'b00})
				TCU_REG_DATA_ADDR: data_addr_q <= (data_addr_q & ~wmask) | (mmio_wdata_i & wmask);
				TCU_REG_DATA_SIZE: data_size_q <= (data_size_q & ~wmask) | (mmio_wdata_i & wmask);
				TCU_REG_ARG:       arg_q       <= (arg_q & ~wmask) | (mmio_wdata_i & wmask);
				TCU_REG_IRQ_EN:    if (mmio_wstrb_i[0]) irq_en_q <= mmio_wdata_i[0];
				default: ;
				endcase
			end
			// COMMAND: shows the running opcode, then OP = IDLE, ERR and the result
			if (cmd_start) begin
				cmd_reg_q <= mmio_wdata_i;
				cmd_reg_q[TCU_CMD_ERR_LSB +: TCU_CMD_ERR_W] <= TCU_ERR_NONE;
			end else if (cmd_done) begin
				cmd_reg_q[TCU_CMD_OP_LSB +: TCU_CMD_OP_W]   <= TCU_OP_IDLE;
				cmd_reg_q[TCU_CMD_ERR_LSB +: TCU_CMD_ERR_W] <= cmd_done_err;
				cmd_reg_q[TCU_CMD_ARG_LSB +: TCU_CMD_ARG_W] <= cmd_done_res;
			end
			if (cmd_result_we)
				result_q <= cmd_result;
			// a delivery wins over a clear in the same cycle
			if (in_irq_set)
				irq_q <= 1'b1;
			else if (acc && is_wr && woff == TCU_REG_STATUS[11:2] &&
				 mmio_wstrb_i[0] && mmio_wdata_i[TCU_STATUS_IRQ_LSB])
				irq_q <= 1'b0;
			if ((in_denied || denied_inc) && denied_q != 8'hff)
				denied_q <= denied_q + 8'd1;
			if ((in_dropped || cmd_dropped) && dropped_q != 8'hff)
				dropped_q <= dropped_q + 8'd1;
		end
	end

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	always @(posedge clk_i) begin
		if (f_past_valid && !$past(rst_i) && !rst_i) begin
			// a user tile's MMIO store never changes EP storage
			if (IsKernel == 0)
				a_no_lw: assert (!lw_valid);
			// the engines never write the EP file while a privileged write runs
			if (in_priv_busy)
				a_cmd_quiet: assert (!cmd_ep_we || cmd_idle);
			a_one_grant: assert (!(in_spm_gnt && cmd_spm_gnt));
			// tcu_in writes the EP file only under its lock (the write-port select)
			a_in_lock: assert (!in_ep_we || in_ep_lock);
		end
	end
`endif
endmodule
