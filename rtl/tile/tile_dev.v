`default_nettype none
// tile_dev: the tile-local device block (register offsets: spec/memmap.toml, DEV).
// Console output, sim-control (exit code), 64-bit cycle counter, tile id, scratch.
// Bus: picorv32-native style slave; sel_i is high while the core's access is in
// the device window. Reads and writes complete in one cycle, except a console
// write, which waits until the console sink takes the byte (con_ready_i).
module tile_dev #(
	parameter integer TileX   = 0,  // mesh column of this tile
	parameter integer TileY   = 0,  // mesh row of this tile
	parameter integer TileNum = 0   // linear tile number
) (
	input  wire        clk_i,
	input  wire        rst_i,
	input  wire        sel_i,
	input  wire [7:0]  addr_i,      // byte offset in the device window
	input  wire [31:0] wdata_i,
	input  wire [3:0]  wstrb_i,     // 0: read
	output reg         ready_o,
	output reg  [31:0] rdata_o,
	output reg         unmapped_o,  // the offset names no register (with ready_o)
	output wire        con_valid_o, // one console byte
	input  wire        con_ready_i,
	output wire [7:0]  con_data_o,
	output wire        ctl_valid_o, // sim-control write: end with ctl_code_o
	output wire [31:0] ctl_code_o,
	output wire [63:0] cycle_o
);
`include "spec_memmap.vh"

	reg [63:0] cycle_q;
	reg [31:0] cycle_hi_q;
	reg [31:0] scratch_q;

	wire wr   = sel_i && wstrb_i != 4'b0;
	wire rd   = sel_i && wstrb_i == 4'b0;
	wire is_con = addr_i[7:2] == MM_DEV_CONSOLE[7:2];

	assign con_valid_o = wr && is_con;
	assign con_data_o  = wdata_i[7:0];
	assign ctl_valid_o = wr && addr_i[7:2] == MM_DEV_SIMCTL[7:2];
	assign ctl_code_o  = wdata_i;
	assign cycle_o     = cycle_q;
	wire   unused      = &{1'b0, addr_i[1:0], 1'b0};  // registers are word-aligned

	reg [31:0] tile_id;
	always @(*) begin
		tile_id = 32'b0;
		tile_id[MM_TILEID_X_LSB +: MM_TILEID_X_W]     = TileX[MM_TILEID_X_W-1:0];
		tile_id[MM_TILEID_Y_LSB +: MM_TILEID_Y_W]     = TileY[MM_TILEID_Y_W-1:0];
		tile_id[MM_TILEID_NUM_LSB +: MM_TILEID_NUM_W] = TileNum[MM_TILEID_NUM_W-1:0];
	end

	always @(*) begin
		ready_o    = 1'b0;
		rdata_o    = 32'b0;
		unmapped_o = 1'b0;
		if (sel_i) begin
			ready_o = !(wr && is_con) || con_ready_i;
			case (addr_i[7:2])
			MM_DEV_CONSOLE[7:2], MM_DEV_SIMCTL[7:2]:;
			MM_DEV_CYCLE_LO[7:2]: rdata_o = cycle_q[31:0];
			MM_DEV_CYCLE_HI[7:2]: rdata_o = cycle_hi_q;
			MM_DEV_TILE_ID[7:2]:  rdata_o = tile_id;
			MM_DEV_SCRATCH[7:2]:  rdata_o = scratch_q;
			default:              unmapped_o = 1'b1;
			endcase
		end
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			cycle_q    <= 64'b0;
			cycle_hi_q <= 32'b0;
			scratch_q  <= 32'b0;
		end else begin
			cycle_q <= cycle_q + 64'd1;
			if (rd && addr_i[7:2] == MM_DEV_CYCLE_LO[7:2])
				cycle_hi_q <= cycle_q[63:32];
			if (wr && addr_i[7:2] == MM_DEV_SCRATCH[7:2]) begin : scratch_write
				integer i;
				for (i = 0; i < 4; i = i + 1)
					if (wstrb_i[i])
						scratch_q[i*8 +: 8] <= wdata_i[i*8 +: 8];
			end
		end
	end

`ifdef FORMAL
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	always @(posedge clk_i) begin
		// a console byte is offered only on a write to the console register
		if (con_valid_o) assert (sel_i && wstrb_i != 4'b0);
		// an answer only to a selected access; the cycle counter counts
		if (ready_o) assert (sel_i);
		if (f_past_valid && !$past(rst_i) && !rst_i) assert (cycle_q == $past(cycle_q) + 64'd1);
	end
`endif
endmodule
`default_nettype wire
