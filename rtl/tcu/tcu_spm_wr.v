`default_nettype none
// tcu_spm_wr - writes a packed little-endian byte stream of 64-bit flits (byte i
// in flit i/8, lane i%8) into the SPM at any byte address, one word per grant
// with byte enables: a partial first word, whole words, a partial last word.
//
// The byte offset o = addr % 4 is fixed for a whole stream: each flit, joined
// with the top o bytes of the previous one, gives one aligned 8-byte chunk
// (two SPM words); a last chunk flushes the carried bytes if needed.
//
//   flit + previous flit --> << 8 o --> chunk (2 words) --> SPM word writes
//
// done_o pulses in the cycle the last word is written; a zero-length stream
// never starts.
module tcu_spm_wr #(
	parameter integer LenW = 13 // bits of the byte count (>= 4)
) (
	input  wire            clk_i,
	input  wire            rst_i,
	input  wire            start_i,   // load addr_i / len_i (ignored while busy_o)
	input  wire            abort_i,   // drop the stream
	input  wire [31:0]     addr_i,
	input  wire [LenW-1:0] len_i,
	output wire            busy_o,
	output wire            need_o,    // bytes of the stream are still to come
	output wire            done_o,
	// flit stream
	input  wire            in_valid_i,
	output wire            in_ready_o,
	input  wire [63:0]     in_data_i,
	// SPM write requests
	output wire            spm_req_o,
	output wire [3:0]      spm_we_o,
	output wire [29:0]     spm_addr_o,
	output wire [31:0]     spm_wdata_o,
	input  wire            spm_gnt_i
);
	generate
		if (LenW < 4) begin : gen_bad_len
			tcu_spm_wr_error_LenW_must_be_at_least_4 u_param_check ();
		end
	endgenerate

	reg [29:0]     waddr_q;    // next word to write
	reg [LenW-1:0] nw_q;       // words still to write
	reg            first_q;    // the next word is the first one
	reg [1:0]      off_q;      // o
	reg [1:0]      endb_q;     // (o + len) % 4: valid bytes of the last word (0 = 4)
	reg [LenW-1:0] in_left_q;  // bytes still to accept
	reg [23:0]     prev_q;     // top 3 bytes of the previous flit (o of them carry over)
	reg [63:0]     chunk_q;    // aligned bytes still to write, word 0 first
	reg [1:0]      cw_q;       // words left in chunk_q

	// a new flit is taken when the chunk is empty or its last word goes now
	assign in_ready_o = (in_left_q != 0) && (cw_q == 2'd0 || (cw_q == 2'd1 && spm_gnt_i));
	wire   take  = in_valid_i && in_ready_o;
	wire   flush = (in_left_q == 0) && (cw_q == 2'd0) && (nw_q != 0);

	// join with the carried bytes: constant shift by o
	wire [63:0] src = take ? in_data_i : 64'd0;
	reg  [63:0] joined;
	always @* begin
		case (off_q)
		2'd0: joined = src;
		2'd1: joined = {src[55:0], prev_q[23:16]};
		2'd2: joined = {src[47:0], prev_q[23:8]};
		default: joined = {src[39:0], prev_q[23:0]};
		endcase
	end

	wire [3:0] first_en = 4'b1111 << off_q;
	wire [3:0] last_en  = (endb_q == 2'd0) ? 4'b1111 : (4'b1111 >> (3'd4 - {1'b0, endb_q}));
	assign spm_req_o   = (cw_q != 2'd0) && !abort_i;
	assign spm_addr_o  = waddr_q;
	assign spm_wdata_o = chunk_q[31:0];
	assign spm_we_o    = (first_q ? first_en : 4'b1111) & ((nw_q == 1) ? last_en : 4'b1111);
	wire   wr_go = spm_req_o && spm_gnt_i;
	wire [LenW-1:0] nw_after = nw_q - {{(LenW-1){1'b0}}, wr_go};
	wire [1:0] cw_new = (nw_after > 1) ? 2'd2 : 2'd1;

	assign busy_o = (nw_q != 0);
	assign need_o = (in_left_q != 0);
	assign done_o = wr_go && (nw_q == 1);

	wire [LenW+1:0] words = ({2'b00, len_i} + {{LenW{1'b0}}, addr_i[1:0]} + {{LenW{1'b0}}, 2'b11}) >> 2;
	wire            unused_words = ^words[LenW+1:LenW];   // len < 2^LenW: the count fits
	wire [1:0]      endsum = len_i[1:0] + addr_i[1:0];
	wire [3:0] take_n = (in_left_q < 8) ? {1'b0, in_left_q[2:0]} : 4'd8;

	always @(posedge clk_i) begin
		if (rst_i || abort_i) begin
			waddr_q   <= 30'd0;
			nw_q      <= 0;
			first_q   <= 1'b0;
			off_q     <= 2'd0;
			endb_q    <= 2'd0;
			in_left_q <= 0;
			prev_q    <= 24'd0;
			chunk_q   <= 64'd0;
			cw_q      <= 2'd0;
		end else if (start_i && !busy_o) begin
			waddr_q   <= addr_i[31:2];
			nw_q      <= words[LenW-1:0];
			first_q   <= 1'b1;
			off_q     <= addr_i[1:0];
			endb_q    <= endsum[1:0];
			in_left_q <= len_i;
			prev_q    <= 24'd0;
			cw_q      <= 2'd0;
		end else begin
			if (wr_go) begin
				waddr_q <= waddr_q + 30'd1;
				nw_q    <= nw_q - {{(LenW-1){1'b0}}, 1'b1};
				first_q <= 1'b0;
				chunk_q <= {32'd0, chunk_q[63:32]};
				cw_q    <= cw_q - 2'd1;
			end
			if (take || flush) begin
				chunk_q <= joined;
				cw_q    <= cw_new;
				if (take) begin
					prev_q    <= in_data_i[63:40];
					in_left_q <= in_left_q - {{(LenW-4){1'b0}}, take_n};
				end
			end
		end
	end

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	always @(posedge clk_i) begin
		if (f_past_valid && !rst_i) begin
			// never more chunk words than words left; a write always has a byte
			a_cw: assert (cw_q <= 2'd2 && (cw_q == 2'd0 || {{(LenW-2){1'b0}}, cw_q} <= nw_q));
			if (spm_req_o)
				a_strb: assert (spm_we_o != 4'd0);
		end
	end
`endif
endmodule
