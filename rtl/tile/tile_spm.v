`default_nettype none
// tile_spm: dual-ported scratchpad memory, block-RAM inferable.
// Port A serves the core: 32-bit words. Port B is reserved for the TCU: with
// WideB = 1 it is 64 bits wide (dword-addressed, 8 byte enables), so the TCU
// moves one NoC flit per cycle; with WideB = 0 (tiles without a TCU) it is a
// 32-bit word port like port A. Both ports read and write with one cycle of
// read latency: rdata holds the data addressed in the last cycle en was high.
// When both ports write the same byte in the same cycle, port B (the TCU) wins.
//
//   WideB = 1: one array of Words/2 dwords; port A writes one half (4 of the
//   8 byte enables) and reads the half its word address selects.
//
//       port A (32) --half select--> [ dword array, 8 byte lanes ] <--64-- port B
module tile_spm #(
	parameter integer SpmBytes = 65536,  // size in bytes; a power of two, >= 1 KiB
	parameter integer TileNum  = 0,      // tile number (names the simulation backdoor)
	parameter integer WideB    = 0,      // 1: port B is 64 bits wide
	parameter         InitFile = "",     // optional $readmemh image (FPGA boot): one BW-bit word per row
	// derived (do not set)
	parameter integer BW       = WideB != 0 ? 64 : 32,                       // port B data bits
	parameter integer BAddrW   = $clog2(SpmBytes / 4) - (WideB != 0 ? 1 : 0) // port B address bits
) (
	input  wire                  clk_i,
	input  wire                  a_en_i,
	input  wire [3:0]            a_we_i,
	input  wire [$clog2(SpmBytes/4)-1:0] a_addr_i,
	input  wire [31:0]           a_wdata_i,
	output wire [31:0]           a_rdata_o,
	input  wire                  b_en_i,
	input  wire [BW/8-1:0]       b_we_i,
	input  wire [BAddrW-1:0]     b_addr_i,
	input  wire [BW-1:0]         b_wdata_i,
	output wire [BW-1:0]         b_rdata_o
);
	localparam integer Words = SpmBytes / 4;
	localparam integer AddrW = $clog2(Words);
	localparam integer Rows  = Words / (BW / 32);   // entries of the array
	localparam integer Lanes = BW / 8;

	generate if (SpmBytes < 1024 || (SpmBytes & (SpmBytes - 1)) != 0) begin : g_bad_size
		$fatal(1, "tile_spm: SpmBytes=%0d must be a power of two >= 1024", SpmBytes);
	end endgenerate

	// no_rw_check: the TCU and the core never depend on what a read returns while
	// the other port writes the same word, so the block RAM may decide.
	(* no_rw_check *)
	reg [BW-1:0] mem [0:Rows-1];
	reg [BW-1:0] a_row_q, b_rdata_q;
	reg          a_half_q;
	integer i;

	// port A in the array's terms: row, lane enables, data on every half
	wire [BAddrW-1:0] a_row  = a_addr_i[AddrW-1 -: BAddrW];
	wire              a_half = (WideB != 0) ? a_addr_i[0] : 1'b0;
	wire [Lanes-1:0]  a_lanes;
	wire [BW-1:0]     a_wide = {(BW/32){a_wdata_i}};
	generate if (WideB != 0) begin : g_wide_we
		assign a_lanes = a_half ? {a_we_i, 4'b0000} : {4'b0000, a_we_i};
	end else begin : g_narrow_we
		assign a_lanes = a_we_i;
	end endgenerate

	// The image has one entry per row: 32-bit words, or with WideB = 1 64-bit
	// dwords (word 2k+1 in the upper half; fpga/tools/elf2hex.py --width 64).
	// Yosys cannot pair 32-bit words in an initial loop (non-constant memory
	// init), and ecpbram patches a bitstream by rows of this array.
	generate if (InitFile != "") begin : g_init
		initial $readmemh(InitFile, mem);
	end endgenerate

	always @(posedge clk_i) begin
		if (a_en_i) begin
			for (i = 0; i < Lanes; i = i + 1)
				if (a_lanes[i])
					mem[a_row][i*8 +: 8] <= a_wide[i*8 +: 8];
			a_row_q  <= mem[a_row];
			a_half_q <= a_half;
		end
	end

	always @(posedge clk_i) begin
		if (b_en_i) begin
			for (i = 0; i < Lanes; i = i + 1)
				if (b_we_i[i])
					mem[b_addr_i][i*8 +: 8] <= b_wdata_i[i*8 +: 8];
			b_rdata_q <= mem[b_addr_i];
		end
	end

	generate if (WideB != 0) begin : g_a_wide
		assign a_rdata_o = a_half_q ? a_row_q[BW-1 -: 32] : a_row_q[31:0];
	end else begin : g_a_narrow
		assign a_rdata_o = a_row_q[31:0];
		wire unused_half = a_half_q;
	end endgenerate
	assign b_rdata_o = b_rdata_q;

`ifdef VERILATOR
	// Simulation backdoor: the harness loads programs and inspects memory
	// through these DPI functions (sim/common/sim_mem.c), by tile number and
	// 32-bit word.
	export "DPI-C" function spm_bd_write;
	export "DPI-C" function spm_bd_read;
	import "DPI-C" context function void sim_spm_register(input int tile_num, input int words);
	function void spm_bd_write(input int word, input int data);
		if (WideB != 0) begin
			if (word[0])
				mem[word[AddrW-1 -: BAddrW]][BW-1 -: 32] = data;
			else
				mem[word[AddrW-1 -: BAddrW]][31:0] = data;
		end else begin
			mem[word[AddrW-1 -: BAddrW]][31:0] = data;
		end
	endfunction
	function int spm_bd_read(input int word);
		if (WideB != 0 && word[0])
			return mem[word[AddrW-1 -: BAddrW]][BW-1 -: 32];
		return mem[word[AddrW-1 -: BAddrW]][31:0];
	endfunction
	initial sim_spm_register(TileNum, Words);
`endif
endmodule
`default_nettype wire
