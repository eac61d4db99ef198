`default_nettype none
// fpga_tile_sys: the system fpga_top runs until the SoC exists: one processing
// tile (tile_top) with its TCU window and SPM port B tied off. Any system that
// replaces it (make bitstream FPGA_SYS=...) has the same parameters and ports,
// one slot per tile, tile t at bits [t*W +: W].
module fpga_tile_sys #(
	parameter integer Tiles    = 1,   // tiles in the system (this one has 1)
	parameter         InitFile = "",  // SPM image of tile 0 ($readmemh, 32-bit words)
	parameter         MemInit  = ""   // a memory tile's image: this system has none
) (
	input  wire                clk_i,
	input  wire                rst_i,
	output wire [Tiles-1:0]    con_valid_o,
	input  wire [Tiles-1:0]    con_ready_i,
	output wire [8*Tiles-1:0]  con_data_o,
	output wire [Tiles-1:0]    ctl_valid_o,
	output wire [32*Tiles-1:0] ctl_code_o,
	output wire [Tiles-1:0]    err_o,      // bus error (one-cycle pulse)
	output wire [Tiles-1:0]    trap_o      // the core halted on a trap
);
	generate if (Tiles != 1) begin : g_bad_tiles
		$fatal(1, "fpga_tile_sys: Tiles=%0d: this system has exactly one tile", Tiles);
	end endgenerate

	wire        tcu_valid;
	wire [11:0] tcu_addr;
	wire [31:0] tcu_wdata, err_addr, err_pc, spm_rdata;
	wire [3:0]  tcu_wstrb;

	tile_top #(.TileNum(0), .HasTcu(0), .InitFile(InitFile)) u_tile (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.core_hold_i(1'b0),
		.irq_i      (1'b0),
		.trap_o     (trap_o[0]),
		.con_valid_o(con_valid_o[0]),
		.con_ready_i(con_ready_i[0]),
		.con_data_o (con_data_o[7:0]),
		.ctl_valid_o(ctl_valid_o[0]),
		.ctl_code_o (ctl_code_o[31:0]),
		.err_valid_o(err_o[0]),
		.err_addr_o (err_addr),
		.err_pc_o   (err_pc),
		.tcu_valid_o(tcu_valid),
		.tcu_ready_i(1'b0),
		.tcu_addr_o (tcu_addr),
		.tcu_wdata_o(tcu_wdata),
		.tcu_wstrb_o(tcu_wstrb),
		.tcu_rdata_i(32'b0),
		.spm_en_i   (1'b0),
		.spm_we_i   (4'b0),
		.spm_addr_i (14'b0),
		.spm_wdata_i(32'b0),
		.spm_rdata_o(spm_rdata)
	);

	generate if (MemInit != "") begin : g_bad_mem_init
		$fatal(1, "fpga_tile_sys: MemInit is set, but this system has no memory tile");
	end endgenerate

	wire unused = &{1'b0, tcu_valid, tcu_addr, tcu_wdata, tcu_wstrb, err_addr, err_pc, spm_rdata, 1'b0};
endmodule
`default_nettype wire
