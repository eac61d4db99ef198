`default_nettype none
// tcu_spm_rd - streams len bytes of the SPM, starting at any byte address, as a
// packed little-endian byte stream of 64-bit flits (byte i in flit i/8, lane i%8;
// lanes past the end of the stream are zero).
//
// The byte offset o = addr % 4 is fixed for a whole stream, so realignment is a
// constant funnel shift: words are fetched into a 4-word queue, and flit k is
// bytes o .. o+7 of queue words 0..2 (then two words are dropped).
//
//   SPM word reads (1 per grant, data 1 cycle later) --> word queue --> >> 8 o --> flits
module tcu_spm_rd #(
	parameter integer LenW = 13 // bits of the byte count (>= 4)
) (
	input  wire            clk_i,
	input  wire            rst_i,
	input  wire            start_i,   // load addr_i / len_i (ignored while busy_o)
	input  wire            abort_i,   // drop the stream
	input  wire [31:0]     addr_i,    // SPM byte address of the first byte
	input  wire [LenW-1:0] len_i,     // bytes; 0 = empty stream (no flit)
	output wire            busy_o,    // flits remain to be taken
	// SPM read requests
	output wire            spm_req_o,
	output wire [29:0]     spm_addr_o,
	input  wire            spm_gnt_i,
	input  wire [31:0]     spm_rdata_i,
	// flit stream
	output wire            out_valid_o,
	input  wire            out_ready_i,
	output wire [63:0]     out_data_o,
	output wire            out_last_o
);
	generate
		if (LenW < 4) begin : gen_bad_len
			tcu_spm_rd_error_LenW_must_be_at_least_4 u_param_check ();
		end
	endgenerate

	reg [29:0]     waddr_q;   // next word to fetch
	reg [LenW-1:0] nw_q;      // words still to fetch
	reg [1:0]      off_q;     // byte offset of the stream in its first word
	reg            pend_q;    // a fetch was granted last cycle: data is on spm_rdata_i
	reg [127:0]    q_q;       // word queue, word 0 in bits 31:0
	reg [2:0]      cnt_q;     // words in the queue (0..4)
	reg [LenW-1:0] left_q;    // bytes not yet handed out

	// words the next flit needs: ceil((o + min(8, left)) / 4)
	wire [3:0] flit_n = (left_q < 8) ? {1'b0, left_q[2:0]} : 4'd8;
	wire [4:0] span   = {3'd0, off_q} + {1'b0, flit_n} + 5'd3;
	wire [2:0] need   = span[4:2];
	wire       unused_span = ^span[1:0];
	assign out_valid_o = (left_q != 0) && (cnt_q >= need);
	assign out_last_o  = (left_q <= 8);
	assign busy_o      = (left_q != 0);

	// funnel shift by the constant offset, lanes past the end zeroed
	reg [63:0] win;
	always @* begin
		case (off_q)
		2'd0: win = q_q[63:0];
		2'd1: win = q_q[71:8];
		2'd2: win = q_q[79:16];
		default: win = q_q[87:24];
		endcase
	end
	wire [63:0] keep = ~(64'hffff_ffff_ffff_ffff << {flit_n[3] ? 3'd0 : flit_n[2:0], 3'b000}) |
			   {64{flit_n[3]}};
	assign out_data_o = win & keep;

	// fetch while the queue has room for the word in flight and this one
	wire [2:0] room = cnt_q + {2'd0, pend_q};
	assign spm_req_o  = (nw_q != 0) && !abort_i && (room < 3'd4);
	assign spm_addr_o = waddr_q;

	wire       pop   = out_valid_o && out_ready_i;
	wire [2:0] pop_n = pop ? 3'd2 : 3'd0;          // a flit consumes two words
	wire [2:0] base  = (cnt_q > pop_n) ? cnt_q - pop_n : 3'd0;
	wire [127:0] shifted = pop ? {64'd0, q_q[127:64]} : q_q;
	wire [127:0] pushed  = pend_q ? (shifted | ({96'd0, spm_rdata_i} << {base, 5'd0})) : shifted;

	// words of a stream: ceil((o + len) / 4)
	wire [LenW+1:0] words = ({2'b00, len_i} + {{LenW{1'b0}}, addr_i[1:0]} + {{LenW{1'b0}}, 2'b11}) >> 2;
	wire            unused_words = ^words[LenW+1:LenW];   // len < 2^LenW: the count fits

	always @(posedge clk_i) begin
		if (rst_i || abort_i) begin
			waddr_q <= 30'd0;
			nw_q    <= 0;
			off_q   <= 2'd0;
			pend_q  <= 1'b0;
			q_q     <= 128'd0;
			cnt_q   <= 3'd0;
			left_q  <= 0;
		end else if (start_i && !busy_o && !pend_q && nw_q == 0) begin
			waddr_q <= addr_i[31:2];
			off_q   <= addr_i[1:0];
			nw_q    <= words[LenW-1:0];
			left_q  <= len_i;
			q_q     <= 128'd0;
			cnt_q   <= 3'd0;
		end else begin
			pend_q <= spm_req_o && spm_gnt_i;
			if (spm_req_o && spm_gnt_i) begin
				waddr_q <= waddr_q + 30'd1;
				nw_q    <= nw_q - {{(LenW-1){1'b0}}, 1'b1};
			end
			q_q    <= pushed;
			cnt_q  <= base + {2'd0, pend_q};
			left_q <= left_q - (pop ? {{(LenW-4){1'b0}}, flit_n} : {LenW{1'b0}});
		end
	end

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	always @(posedge clk_i) begin
		if (f_past_valid && !rst_i) begin
			// the queue never overflows; a popped flit had its words
			a_cnt: assert (cnt_q + {2'd0, pend_q} <= 3'd4);
			if ($past(out_valid_o && !out_ready_i && !rst_i && !abort_i))
				a_stable: assert (out_valid_o && out_data_o == $past(out_data_o));
		end
	end
`endif
endmodule
