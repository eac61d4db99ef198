`default_nettype none
// tcu_spm_rd - streams len bytes of the SPM, starting at any byte address, as a
// packed little-endian byte stream of 64-bit flits (byte i in flit i/8, lane i%8;
// lanes past the end of the stream are zero).
//
// The SPM port is 64 bits wide (dword-addressed). The byte offset o = addr % 8
// is fixed for a whole stream, so realignment is a constant funnel shift:
// dwords are fetched into a 4-dword queue, and flit k is bytes o .. o+7 of
// queue dwords 0..1 (then one dword is dropped): one flit per cycle.
//
//   SPM dword reads (1 per grant, data 1 cycle later) --> dword queue --> >> 8 o --> flits
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
	output wire [28:0]     spm_addr_o, // dword address
	input  wire            spm_gnt_i,
	input  wire [63:0]     spm_rdata_i,
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

	reg [28:0]     daddr_q;   // next dword to fetch
	reg [LenW-1:0] nd_q;      // dwords still to fetch
	reg [2:0]      off_q;     // byte offset of the stream in its first dword
	reg            pend_q;    // a fetch was granted last cycle: data is on spm_rdata_i
	reg [255:0]    q_q;       // dword queue, dword 0 in bits 63:0
	reg [2:0]      cnt_q;     // dwords in the queue (0..4)
	reg [LenW-1:0] left_q;    // bytes not yet handed out

	// dwords the next flit needs: ceil((o + min(8, left)) / 8)
	wire [3:0] flit_n = (left_q < 8) ? {1'b0, left_q[2:0]} : 4'd8;
	wire [4:0] span   = {2'd0, off_q} + {1'b0, flit_n} + 5'd7;
	wire [2:0] need   = {1'b0, span[4:3]};
	wire       unused_span = ^span[2:0];
	assign out_valid_o = (left_q != 0) && (cnt_q >= need);
	assign out_last_o  = (left_q <= 8);
	assign busy_o      = (left_q != 0);

	// funnel shift by the constant offset, lanes past the end zeroed
	wire [127:0] win_all = q_q[127:0] >> {off_q, 3'b000};
	wire [63:0]  win     = win_all[63:0];
	wire         unused_win = ^win_all[127:64];
	wire [63:0] keep = ~(64'hffff_ffff_ffff_ffff << {flit_n[3] ? 3'd0 : flit_n[2:0], 3'b000}) |
			   {64{flit_n[3]}};
	assign out_data_o = win & keep;

	// fetch while the queue has room for the dword in flight and this one
	wire [2:0] room = cnt_q + {2'd0, pend_q};
	assign spm_req_o  = (nd_q != 0) && !abort_i && (room < 3'd4);
	assign spm_addr_o = daddr_q;

	wire       pop   = out_valid_o && out_ready_i;
	wire [2:0] base  = (pop && cnt_q != 3'd0) ? cnt_q - 3'd1 : cnt_q;   // a flit consumes one dword
	wire [255:0] shifted = pop ? {64'd0, q_q[255:64]} : q_q;
	wire [255:0] pushed  = pend_q ? (shifted | ({192'd0, spm_rdata_i} << {base[1:0], 6'd0})) : shifted;

	// dwords of a stream: ceil((o + len) / 8)
	wire [LenW+2:0] dwords = ({3'b000, len_i} + {{LenW{1'b0}}, addr_i[2:0]} + {{LenW{1'b0}}, 3'b111}) >> 3;
	wire            unused_dwords = ^dwords[LenW+2:LenW];   // len < 2^LenW: the count fits

	always @(posedge clk_i) begin
		if (rst_i || abort_i) begin
			daddr_q <= 29'd0;
			nd_q    <= 0;
			off_q   <= 3'd0;
			pend_q  <= 1'b0;
			q_q     <= 256'd0;
			cnt_q   <= 3'd0;
			left_q  <= 0;
		end else if (start_i && !busy_o && !pend_q && nd_q == 0) begin
			daddr_q <= addr_i[31:3];
			off_q   <= addr_i[2:0];
			nd_q    <= dwords[LenW-1:0];
			left_q  <= len_i;
			q_q     <= 256'd0;
			cnt_q   <= 3'd0;
		end else begin
			pend_q <= spm_req_o && spm_gnt_i;
			if (spm_req_o && spm_gnt_i) begin
				daddr_q <= daddr_q + 29'd1;
				nd_q    <= nd_q - {{(LenW-1){1'b0}}, 1'b1};
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
			// lemma (for the proofs that use this reader): the queue is zero from
			// entry cnt_q up, so a push can OR its dword in
			l_qzero: assert ((q_q >> {cnt_q, 6'd0}) == 256'd0);
			if ($past(out_valid_o && !out_ready_i && !rst_i && !abort_i))
				a_stable: assert (out_valid_o && out_data_o == $past(out_data_o));
		end
	end
`endif
endmodule
