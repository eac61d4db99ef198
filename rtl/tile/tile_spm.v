`default_nettype none
// tile_spm: dual-ported scratchpad memory, block-RAM inferable.
// Port A serves the core, port B is reserved for the TCU. Both ports are
// word-addressed, read and write (byte enables), with one cycle of read latency:
// rdata holds the word addressed in the last cycle en was high. When both ports
// write the same byte in the same cycle, port B (the TCU) wins.
module tile_spm #(
	parameter integer SpmBytes = 65536,  // size in bytes; a power of two, >= 1 KiB
	parameter integer TileNum  = 0,      // tile number (names the simulation backdoor)
	parameter         InitFile = ""      // optional $readmemh image (FPGA boot)
) (
	input  wire                  clk_i,
	input  wire                  a_en_i,
	input  wire [3:0]            a_we_i,
	input  wire [$clog2(SpmBytes/4)-1:0] a_addr_i,
	input  wire [31:0]           a_wdata_i,
	output wire [31:0]           a_rdata_o,
	input  wire                  b_en_i,
	input  wire [3:0]            b_we_i,
	input  wire [$clog2(SpmBytes/4)-1:0] b_addr_i,
	input  wire [31:0]           b_wdata_i,
	output wire [31:0]           b_rdata_o
);
	localparam integer Words = SpmBytes / 4;
	localparam integer AddrW = $clog2(Words);

	generate if (SpmBytes < 1024 || (SpmBytes & (SpmBytes - 1)) != 0) begin : g_bad_size
		$fatal(1, "tile_spm: SpmBytes=%0d must be a power of two >= 1024", SpmBytes);
	end endgenerate

	// no_rw_check: the TCU and the core never depend on what a read returns while
	// the other port writes the same word, so the block RAM may decide.
	(* no_rw_check *)
	reg [31:0] mem [0:Words-1];
	reg [31:0] a_rdata_q, b_rdata_q;
	integer i;

	initial begin
		if (InitFile != "")
			$readmemh(InitFile, mem);
	end

	always @(posedge clk_i) begin
		if (a_en_i) begin
			for (i = 0; i < 4; i = i + 1)
				if (a_we_i[i])
					mem[a_addr_i][i*8 +: 8] <= a_wdata_i[i*8 +: 8];
			a_rdata_q <= mem[a_addr_i];
		end
	end

	always @(posedge clk_i) begin
		if (b_en_i) begin
			for (i = 0; i < 4; i = i + 1)
				if (b_we_i[i])
					mem[b_addr_i][i*8 +: 8] <= b_wdata_i[i*8 +: 8];
			b_rdata_q <= mem[b_addr_i];
		end
	end

	assign a_rdata_o = a_rdata_q;
	assign b_rdata_o = b_rdata_q;

`ifdef VERILATOR
	// Simulation backdoor: the harness loads programs and inspects memory
	// through these DPI functions (sim/common/sim_mem.c), by tile number.
	export "DPI-C" function spm_bd_write;
	export "DPI-C" function spm_bd_read;
	import "DPI-C" context function void sim_spm_register(input int tile_num, input int words);
	function void spm_bd_write(input int word, input int data);
		mem[word[AddrW-1:0]] = data;
	endfunction
	function int spm_bd_read(input int word);
		return mem[word[AddrW-1:0]];
	endfunction
	initial sim_spm_register(TileNum, Words);
`endif
endmodule
`default_nettype wire
