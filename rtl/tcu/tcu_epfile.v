// tcu_epfile - the endpoint file: NumEps endpoints of DataW bits.
//
// One write port and three read ports:
//   a, b  registered reads for the two engines. A port is given the index it
//         will read a cycle ahead (nidx_i: what the engine's index register
//         takes at this clock edge); a_rd_o is then the endpoint at that index
//         as of the edge, writes of this cycle included. To the engine this is
//         the combinational read of a memory written at the clock edge, but
//         the read data leaves a register, so the engine's checks no longer
//         sit behind the index register, the RAM and its bypass.
//   c     a combinational read (MMIO reads of EP registers).
// Index >= NumEps reads 0; a write to it is ignored.
//
// A write is registered (pw_*_q) and lands in the array a cycle later (the
// read-modify-writes of the engines end at a register, not at the RAM's
// write port); the reads see it through a bypass meanwhile. The array has no
// reset (distributed RAM): tcu_top invalidates every EP after reset.
`default_nettype none

module tcu_epfile #(
	parameter integer NumEps = 32,
	parameter integer DataW  = 128
) (
	input  wire             clk_i,
	input  wire             we_i,
	input  wire [6:0]       widx_i,
	input  wire [DataW-1:0] wdata_i,
	input  wire [6:0]       a_nidx_i,
	output reg  [DataW-1:0] a_rd_o,
	input  wire [6:0]       b_nidx_i,
	output reg  [DataW-1:0] b_rd_o,
	input  wire [6:0]       c_idx_i,
	output wire [DataW-1:0] c_rd_o
);
	localparam [7:0] N_EPS = NumEps[7:0];
	localparam integer IdxW = (NumEps > 1) ? $clog2(NumEps) : 1;

	reg  [DataW-1:0] ep_q [0:NumEps-1];
	reg              pw_we_q;
	reg  [IdxW-1:0]  pw_idx_q;
	reg  [DataW-1:0] pw_data_q;
	wire             w_in = we_i && ({1'b0, widx_i} < N_EPS);

	// the file as of now (writes up to the last edge)
	function automatic [DataW-1:0] rd_now(input [6:0] idx);
		if ({1'b0, idx} >= N_EPS)
			rd_now = {DataW{1'b0}};
		else if (pw_we_q && pw_idx_q == idx[IdxW-1:0])
			rd_now = pw_data_q;
		else
			rd_now = ep_q[idx[IdxW-1:0]];
	endfunction
	// the file as of the next edge (this cycle's write included)
	function automatic [DataW-1:0] rd_next(input [6:0] idx);
`ifndef EPFILE_MUTANT   // (proof check: the bypass of this cycle's write left out)
		if (w_in && widx_i == idx)
			rd_next = wdata_i;
		else
`endif
			rd_next = rd_now(idx);
	endfunction

	assign c_rd_o = rd_now(c_idx_i);

	always @(posedge clk_i) begin
		if (pw_we_q)
			ep_q[pw_idx_q] <= pw_data_q;
		pw_we_q   <= w_in;
		pw_idx_q  <= widx_i[IdxW-1:0];
		pw_data_q <= wdata_i;
		a_rd_o    <= rd_next(a_nidx_i);
		b_rd_o    <= rd_next(b_nidx_i);
	end

`ifdef FORMAL
	// Reference: a plain memory written at the clock edge and read
	// combinationally at the index each port holds (the engine's register).
	// It starts as whatever the file holds (neither has a reset).
	reg [DataW-1:0] f_mem [0:NumEps-1];
	reg [6:0]       f_a_idx, f_b_idx;
	integer         f_i;
	always @(posedge clk_i) begin
		if (w_in)
			f_mem[widx_i[IdxW-1:0]] <= wdata_i;
		f_a_idx <= a_nidx_i;
		f_b_idx <= b_nidx_i;
	end
	function automatic [DataW-1:0] f_read(input [6:0] idx);
		f_read = ({1'b0, idx} >= N_EPS) ? {DataW{1'b0}} : f_mem[idx[IdxW-1:0]];
	endfunction
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	reg f_file;   // the array with its pending write is the reference, EP by EP
	always @(*) begin
		f_file = 1'b1;
		for (f_i = 0; f_i < NumEps; f_i = f_i + 1)
			f_file = f_file && (rd_now(f_i[6:0]) == f_mem[f_i]);
	end
	always @(*) begin
		if (!f_past_valid)
			a_start: assume (f_file);
		else
			l_file: assert (f_file);   // lemma
		// the contract: every port reads what the reference holds at its index
		c_rd: assert (c_rd_o == f_read(c_idx_i));
		if (f_past_valid) begin
			a_rd: assert (a_rd_o == f_read(f_a_idx));
			b_rd: assert (b_rd_o == f_read(f_b_idx));
		end
	end
	// the bypasses are used: a read of this cycle's write, of the pending one
	always @(posedge clk_i) begin
		c_fwd_now: cover (w_in && a_nidx_i == widx_i && wdata_i != {DataW{1'b0}});
		c_fwd_pend: cover (f_past_valid && pw_we_q && !w_in && b_nidx_i[IdxW-1:0] == pw_idx_q &&
				   {1'b0, b_nidx_i} < N_EPS && pw_data_q != {DataW{1'b0}});
	end
`endif
endmodule
