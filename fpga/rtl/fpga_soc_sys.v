`default_nettype none
// fpga_soc_sys: the SoC (soc_top) under fpga_top (make bitstream FPGA_SYSTEM=soc).
// Tiles = SizeX * SizeY: a square mesh when Tiles is a square, else two
// columns. The memory tile is sized for block RAM (MemBytes). It boots as the
// simulator's --boot does: InitFile is the kernel tile's SPM (the kernel's
// ELF), MemInit the memory tile (a boot image, tools/mkboot.py) from which the
// kernel loads root and root its programs; both 64-bit rows ($readmemh,
// fpga/tools/elf2hex.py --width 64). The other tiles start empty (held).
// SpmBytes (each processing tile's scratchpad) defaults to `FPGA_SPM_BYTES,
// which the flow defines from SPM_BYTES (fpga/fpga.mk), as it defines
// `FPGA_TILES for the board top.
`ifndef FPGA_SPM_BYTES
`define FPGA_SPM_BYTES 65536
`endif
module fpga_soc_sys #(
	parameter integer Tiles    = 4,      // tiles in the mesh
	parameter integer SpmBytes = `FPGA_SPM_BYTES, // scratchpad per processing tile
	parameter integer MemBytes = 65536,  // memory tile size (block RAM)
	parameter         InitFile = "",     // kernel tile's SPM image (64-bit rows)
	parameter         MemInit  = ""      // memory tile's image (64-bit rows)
) (
	input  wire                clk_i,
	input  wire                rst_i,
	output wire [Tiles-1:0]    con_valid_o,
	input  wire [Tiles-1:0]    con_ready_i,
	output wire [8*Tiles-1:0]  con_data_o,
	output wire [Tiles-1:0]    ctl_valid_o,
	output wire [32*Tiles-1:0] ctl_code_o,
	output wire [Tiles-1:0]    err_o,
	output wire [Tiles-1:0]    trap_o
);
	// the side of a square mesh of n tiles (up to 16x16), else 2 columns
	function automatic integer side(input integer n);
		integer r;
		begin
			side = 2;
			for (r = 1; r <= 16; r = r + 1)
				if (r * r == n)
					side = r;
		end
	endfunction
	localparam integer SizeX = side(Tiles);
	localparam integer SizeY = Tiles / SizeX;

	generate if (Tiles < 2 || SizeX * SizeY != Tiles) begin : g_bad_tiles
		$fatal(1, "fpga_soc_sys: Tiles=%0d is neither a square nor a multiple of 2", Tiles);
	end endgenerate

	wire [32*Tiles-1:0] err_addr, err_pc;
	wire unused = &{1'b0, err_addr, err_pc, 1'b0};

	soc_top #(
		.SizeX(SizeX), .SizeY(SizeY), .SpmBytes(SpmBytes), .MemBytes(MemBytes), .KernelInit(InitFile), .MemInit(MemInit)
	) u_soc (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.con_valid_o(con_valid_o),
		.con_ready_i(con_ready_i),
		.con_data_o (con_data_o),
		.ctl_valid_o(ctl_valid_o),
		.ctl_code_o (ctl_code_o),
		.err_valid_o(err_o),
		.err_addr_o (err_addr),
		.err_pc_o   (err_pc),
		.trap_o     (trap_o)
	);
endmodule
`default_nettype wire
