`default_nettype none
// tcu_spm_wr - writes a packed little-endian byte stream of 64-bit flits (byte i
// in flit i/8, lane i%8) into the SPM at any byte address, one dword per grant
// with byte enables: a partial first dword, whole dwords, a partial last one.
//
// The SPM port is 64 bits wide (dword-addressed). The byte offset o = addr % 8
// is fixed for a whole stream: each flit, joined with the top o bytes of the
// previous one, gives one aligned dword; a last dword flushes the carried
// bytes if needed. One flit per cycle.
//
//   flit + previous flit --> << 8 o --> aligned dword --> SPM dword writes
//
// done_o pulses in the cycle the last dword is written; a zero-length stream
// never starts.
module tcu_spm_wr #(
	parameter integer LenW = 13 // bits of the byte count (>= 4)
) (
	input  wire            clk_i,
	input  wire            rst_i,
	input  wire            start_i,   // load addr_i / len_i (ignored while busy_o)
	input  wire            abort_i,   // drop the stream (a granted chunk is still written)
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
	output wire [7:0]      spm_we_o,
	output wire [28:0]     spm_addr_o, // dword address
	output wire [63:0]     spm_wdata_o,
	input  wire            spm_gnt_i
);
	generate
		if (LenW < 4) begin : gen_bad_len
			tcu_spm_wr_error_LenW_must_be_at_least_4 u_param_check ();
		end
	endgenerate

	reg [28:0]     daddr_q;    // next dword to write
	reg [LenW-1:0] nd_q;       // dwords still to write
	reg            first_q;    // the next dword is the first one
	reg [2:0]      off_q;      // o
	reg [2:0]      endb_q;     // (o + len) % 8: valid bytes of the last dword (0 = 8)
	reg [LenW-1:0] in_left_q;  // bytes still to accept
	reg [55:0]     prev_q;     // top 7 bytes of the previous flit (o of them carry over)
	reg [63:0]     chunk_q;    // the aligned dword to write
	reg            cv_q;       // chunk_q is valid

	// a new flit is taken when the chunk is empty or goes now
	assign in_ready_o = (in_left_q != 0) && (!cv_q || spm_gnt_i);
	wire   take  = in_valid_i && in_ready_o;
	wire   flush = (in_left_q == 0) && !cv_q && (nd_q != 0);

	// join with the carried bytes: constant shift by o
	wire [63:0]  src    = take ? in_data_i : 64'd0;
	wire [119:0] pair   = {src, prev_q} >> {3'd7 - off_q, 3'b000};
	wire [63:0]  joined = pair[63:0];
	wire         unused_pair = ^pair[119:64];

	wire [7:0] first_en = 8'hff << off_q;
	wire [7:0] last_en  = (endb_q == 3'd0) ? 8'hff : (8'hff >> (4'd8 - {1'b0, endb_q}));
	// the request comes from a register alone (not gated by abort_i, which is
	// the engine's state decode): a chunk granted in the abort cycle is still
	// written, inside the stream's range; arbitration stays short
	assign spm_req_o   = cv_q;
	assign spm_addr_o  = daddr_q;
	assign spm_wdata_o = chunk_q;
	assign spm_we_o    = (first_q ? first_en : 8'hff) & ((nd_q == 1) ? last_en : 8'hff);
	wire   wr_go = spm_req_o && spm_gnt_i;

	assign busy_o = (nd_q != 0);
	assign need_o = (in_left_q != 0);
	assign done_o = wr_go && (nd_q == 1);

	wire [LenW+2:0] dwords = ({3'b000, len_i} + {{LenW{1'b0}}, addr_i[2:0]} + {{LenW{1'b0}}, 3'b111}) >> 3;
	wire            unused_dwords = ^dwords[LenW+2:LenW];   // len < 2^LenW: the count fits
	wire [2:0]      endsum = len_i[2:0] + addr_i[2:0];
	wire [3:0] take_n = (in_left_q < 8) ? {1'b0, in_left_q[2:0]} : 4'd8;

	always @(posedge clk_i) begin
		if (rst_i || abort_i) begin
			daddr_q   <= 29'd0;
			nd_q      <= 0;
			first_q   <= 1'b0;
			off_q     <= 3'd0;
			endb_q    <= 3'd0;
			in_left_q <= 0;
			prev_q    <= 56'd0;
			chunk_q   <= 64'd0;
			cv_q      <= 1'b0;
		end else if (start_i && !busy_o) begin
			daddr_q   <= addr_i[31:3];
			nd_q      <= dwords[LenW-1:0];
			first_q   <= 1'b1;
			off_q     <= addr_i[2:0];
			endb_q    <= endsum;
			in_left_q <= len_i;
			prev_q    <= 56'd0;
			cv_q      <= 1'b0;
		end else begin
			if (wr_go) begin
				daddr_q <= daddr_q + 29'd1;
				nd_q    <= nd_q - {{(LenW-1){1'b0}}, 1'b1};
				first_q <= 1'b0;
				cv_q    <= 1'b0;
			end
			if (take || flush) begin
				chunk_q <= joined;
				cv_q    <= 1'b1;
				if (take) begin
					prev_q    <= in_data_i[63:8];
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
			// a pending chunk always has a dword left to go; a write always has a byte
			a_cw: assert (!cv_q || nd_q != 0);
			if (spm_req_o)
				a_strb: assert (spm_we_o != 8'd0);
		end
	end
`endif
endmodule
