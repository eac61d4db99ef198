`default_nettype none
// DP16KD: simulation model of the ECP5 16 Kbit dual-port block RAM, for the
// gate-level check (sim/fpga/gl_*). Yosys' ECP5 library ships this cell only as
// a blackbox, so this model implements what Yosys' memory mapping
// (brams_16kd.txt, brams_map_16kd.v) relies on, and stops elaboration on any
// other configuration:
//   - 18432 bits as 1024 rows of 18 (INITVAL_xx[(k%16)*20 +: 18] is row k);
//   - widths 9 and 18 use all 18 bits of a row, widths 1, 2 and 4 only the 16
//     data bits (bits 8 and 17 of a row are parity), in address order;
//   - word address ADx[13:s] with s = log2 of the width's slot (1:0 2:1 4:2
//     9:3 18:4 36:5); at width 18, ADx[1:0] enable the writes of bits 8:0 and
//     17:9; width 36 on port A is the pseudo-dual-port mode: port A writes
//     {DIB, DIA} with the byte enables ADA[3:0], port B reads ({DOB, DOA} at
//     width 36);
//   - WRITEMODE NORMAL (read data unchanged by a write), WRITETHROUGH (new
//     data), READBEFOREWRITE (old data); CEx gates the port; RSTx clears the
//     read data at the clock edge; REGMODE NOREG; CSDECODE 0b000.
// The row layout of widths 1/2/4 was checked against Yosys' INITVAL of the SPM.
// The cell name is the vendor primitive's (no project prefix): the netlist
// instantiates it by that name.
module DP16KD (
	input  wire DIA17, DIA16, DIA15, DIA14, DIA13, DIA12, DIA11, DIA10, DIA9, DIA8, DIA7, DIA6, DIA5, DIA4, DIA3, DIA2, DIA1, DIA0,
	input  wire ADA13, ADA12, ADA11, ADA10, ADA9, ADA8, ADA7, ADA6, ADA5, ADA4, ADA3, ADA2, ADA1, ADA0,
	input  wire CEA, OCEA, CLKA, WEA, RSTA,
	input  wire CSA2, CSA1, CSA0,
	output wire DOA17, DOA16, DOA15, DOA14, DOA13, DOA12, DOA11, DOA10, DOA9, DOA8, DOA7, DOA6, DOA5, DOA4, DOA3, DOA2, DOA1, DOA0,
	input  wire DIB17, DIB16, DIB15, DIB14, DIB13, DIB12, DIB11, DIB10, DIB9, DIB8, DIB7, DIB6, DIB5, DIB4, DIB3, DIB2, DIB1, DIB0,
	input  wire ADB13, ADB12, ADB11, ADB10, ADB9, ADB8, ADB7, ADB6, ADB5, ADB4, ADB3, ADB2, ADB1, ADB0,
	input  wire CEB, OCEB, CLKB, WEB, RSTB,
	input  wire CSB2, CSB1, CSB0,
	output wire DOB17, DOB16, DOB15, DOB14, DOB13, DOB12, DOB11, DOB10, DOB9, DOB8, DOB7, DOB6, DOB5, DOB4, DOB3, DOB2, DOB1, DOB0
);
	parameter integer DATA_WIDTH_A = 18;
	parameter integer DATA_WIDTH_B = 18;
	parameter REGMODE_A = "NOREG";
	parameter REGMODE_B = "NOREG";
	parameter RESETMODE = "SYNC";
	parameter ASYNC_RESET_RELEASE = "SYNC";
	parameter CSDECODE_A = "0b000";
	parameter CSDECODE_B = "0b000";
	parameter [8*16-1:0] WRITEMODE_A = "NORMAL";
	parameter [8*16-1:0] WRITEMODE_B = "NORMAL";
	parameter CLKAMUX = "CLKA";
	parameter CLKBMUX = "CLKB";
	parameter GSR = "ENABLED";
	parameter INIT_DATA = "STATIC";
	parameter WID = 0;
	parameter [319:0] INITVAL_00 = 320'h0;
	parameter [319:0] INITVAL_01 = 320'h0;
	parameter [319:0] INITVAL_02 = 320'h0;
	parameter [319:0] INITVAL_03 = 320'h0;
	parameter [319:0] INITVAL_04 = 320'h0;
	parameter [319:0] INITVAL_05 = 320'h0;
	parameter [319:0] INITVAL_06 = 320'h0;
	parameter [319:0] INITVAL_07 = 320'h0;
	parameter [319:0] INITVAL_08 = 320'h0;
	parameter [319:0] INITVAL_09 = 320'h0;
	parameter [319:0] INITVAL_0A = 320'h0;
	parameter [319:0] INITVAL_0B = 320'h0;
	parameter [319:0] INITVAL_0C = 320'h0;
	parameter [319:0] INITVAL_0D = 320'h0;
	parameter [319:0] INITVAL_0E = 320'h0;
	parameter [319:0] INITVAL_0F = 320'h0;
	parameter [319:0] INITVAL_10 = 320'h0;
	parameter [319:0] INITVAL_11 = 320'h0;
	parameter [319:0] INITVAL_12 = 320'h0;
	parameter [319:0] INITVAL_13 = 320'h0;
	parameter [319:0] INITVAL_14 = 320'h0;
	parameter [319:0] INITVAL_15 = 320'h0;
	parameter [319:0] INITVAL_16 = 320'h0;
	parameter [319:0] INITVAL_17 = 320'h0;
	parameter [319:0] INITVAL_18 = 320'h0;
	parameter [319:0] INITVAL_19 = 320'h0;
	parameter [319:0] INITVAL_1A = 320'h0;
	parameter [319:0] INITVAL_1B = 320'h0;
	parameter [319:0] INITVAL_1C = 320'h0;
	parameter [319:0] INITVAL_1D = 320'h0;
	parameter [319:0] INITVAL_1E = 320'h0;
	parameter [319:0] INITVAL_1F = 320'h0;
	parameter [319:0] INITVAL_20 = 320'h0;
	parameter [319:0] INITVAL_21 = 320'h0;
	parameter [319:0] INITVAL_22 = 320'h0;
	parameter [319:0] INITVAL_23 = 320'h0;
	parameter [319:0] INITVAL_24 = 320'h0;
	parameter [319:0] INITVAL_25 = 320'h0;
	parameter [319:0] INITVAL_26 = 320'h0;
	parameter [319:0] INITVAL_27 = 320'h0;
	parameter [319:0] INITVAL_28 = 320'h0;
	parameter [319:0] INITVAL_29 = 320'h0;
	parameter [319:0] INITVAL_2A = 320'h0;
	parameter [319:0] INITVAL_2B = 320'h0;
	parameter [319:0] INITVAL_2C = 320'h0;
	parameter [319:0] INITVAL_2D = 320'h0;
	parameter [319:0] INITVAL_2E = 320'h0;
	parameter [319:0] INITVAL_2F = 320'h0;
	parameter [319:0] INITVAL_30 = 320'h0;
	parameter [319:0] INITVAL_31 = 320'h0;
	parameter [319:0] INITVAL_32 = 320'h0;
	parameter [319:0] INITVAL_33 = 320'h0;
	parameter [319:0] INITVAL_34 = 320'h0;
	parameter [319:0] INITVAL_35 = 320'h0;
	parameter [319:0] INITVAL_36 = 320'h0;
	parameter [319:0] INITVAL_37 = 320'h0;
	parameter [319:0] INITVAL_38 = 320'h0;
	parameter [319:0] INITVAL_39 = 320'h0;
	parameter [319:0] INITVAL_3A = 320'h0;
	parameter [319:0] INITVAL_3B = 320'h0;
	parameter [319:0] INITVAL_3C = 320'h0;
	parameter [319:0] INITVAL_3D = 320'h0;
	parameter [319:0] INITVAL_3E = 320'h0;
	parameter [319:0] INITVAL_3F = 320'h0;

	localparam [0:0] Pdp = DATA_WIDTH_A == 36;  // pseudo dual port: A writes, B reads

	function automatic ok_width(input integer w);
		ok_width = w == 1 || w == 2 || w == 4 || w == 9 || w == 18;
	endfunction
	generate if (!((ok_width(DATA_WIDTH_A) && ok_width(DATA_WIDTH_B)) ||
	               (DATA_WIDTH_A == 36 && (DATA_WIDTH_B == 36 || ok_width(DATA_WIDTH_B)))) ||
	             REGMODE_A != "NOREG" || REGMODE_B != "NOREG" || CSDECODE_A != "0b000" || CSDECODE_B != "0b000") begin : g_unsupported
		$fatal(1, "DP16KD model: unsupported configuration (widths %0d/%0d, REGMODE %s/%s, CSDECODE %s/%s)",
		       DATA_WIDTH_A, DATA_WIDTH_B, REGMODE_A, REGMODE_B, CSDECODE_A, CSDECODE_B);
	end endgenerate

	wire [17:0] dia = {DIA17, DIA16, DIA15, DIA14, DIA13, DIA12, DIA11, DIA10, DIA9, DIA8, DIA7, DIA6, DIA5, DIA4, DIA3, DIA2, DIA1, DIA0};
	wire [17:0] dib = {DIB17, DIB16, DIB15, DIB14, DIB13, DIB12, DIB11, DIB10, DIB9, DIB8, DIB7, DIB6, DIB5, DIB4, DIB3, DIB2, DIB1, DIB0};
	wire [13:0] ada = {ADA13, ADA12, ADA11, ADA10, ADA9, ADA8, ADA7, ADA6, ADA5, ADA4, ADA3, ADA2, ADA1, ADA0};
	wire [13:0] adb = {ADB13, ADB12, ADB11, ADB10, ADB9, ADB8, ADB7, ADB6, ADB5, ADB4, ADB3, ADB2, ADB1, ADB0};
	wire clka = CLKAMUX == "INV" ? !CLKA : CLKA;
	wire clkb = CLKBMUX == "INV" ? !CLKB : CLKB;
	wire [7:0] unused = {CSA2, CSA1, CSA0, CSB2, CSB1, CSB0, OCEA, OCEB};

	reg        mem [0:18431];  // row r, bit b at r * 18 + b
	reg [35:0] doa_q, dob_q;   // read data
	localparam [20479:0] InitAll = {INITVAL_3F, INITVAL_3E, INITVAL_3D, INITVAL_3C, INITVAL_3B, INITVAL_3A, INITVAL_39, INITVAL_38, INITVAL_37, INITVAL_36, INITVAL_35, INITVAL_34, INITVAL_33, INITVAL_32, INITVAL_31, INITVAL_30, INITVAL_2F, INITVAL_2E, INITVAL_2D, INITVAL_2C, INITVAL_2B, INITVAL_2A, INITVAL_29, INITVAL_28, INITVAL_27, INITVAL_26, INITVAL_25, INITVAL_24, INITVAL_23, INITVAL_22, INITVAL_21, INITVAL_20, INITVAL_1F, INITVAL_1E, INITVAL_1D, INITVAL_1C, INITVAL_1B, INITVAL_1A, INITVAL_19, INITVAL_18, INITVAL_17, INITVAL_16, INITVAL_15, INITVAL_14, INITVAL_13, INITVAL_12, INITVAL_11, INITVAL_10, INITVAL_0F, INITVAL_0E, INITVAL_0D, INITVAL_0C, INITVAL_0B, INITVAL_0A, INITVAL_09, INITVAL_08, INITVAL_07, INITVAL_06, INITVAL_05, INITVAL_04, INITVAL_03, INITVAL_02, INITVAL_01, INITVAL_00};
	integer r, j;
	initial begin
		doa_q = 36'b0;
		dob_q = 36'b0;
		for (r = 0; r < 1024; r = r + 1)  // a loop Verilator keeps (no unrolling)
			for (j = 0; j < 18; j = j + 1)
				mem[r * 18 + j] = InitAll[r * 20 + j];
	end

	// flat position of bit i of the word at address ad, for a port of width w
	function automatic integer pos(input integer w, input [13:0] ad, input integer i);
		integer d;
		begin
			if (w >= 9) begin
				pos = (w == 36 ? ad[13:5] * 36 : w == 18 ? ad[13:4] * 18 : ad[13:3] * 9) + i;
			end else begin
				d = (w == 4 ? ad[13:2] * 4 : w == 2 ? ad[13:1] * 2 : ad) + i;  // data bit number
				pos = (d / 16) * 18 + (d % 16 < 8 ? d % 16 : d % 16 + 1);
			end
		end
	endfunction

	// one port's clock edge: write the enabled bits, return the read data
	task automatic port(input integer w, input [13:0] ad, input [35:0] di, input we,
	                    input [8*16-1:0] mode, input [35:0] dout_now, output [35:0] dout);
		integer i;
		reg [35:0] old, nw;
		begin
			old = 36'b0;
			for (i = 0; i < w; i = i + 1)
				old[i] = mem[pos(w, ad, i)];
			nw = old;
			for (i = 0; i < w; i = i + 1)
				if (we && (w < 18 || ad[i / 9])) begin
					nw[i] = di[i];
					mem[pos(w, ad, i)] = di[i];
				end
			if (!we || mode == "READBEFOREWRITE")
				dout = old;
			else if (mode == "WRITETHROUGH")
				dout = nw;
			else
				dout = dout_now;  // NORMAL: a write leaves the read data
		end
	endtask

	always @(posedge clka) begin : port_a
		reg [35:0] d;
		if (RSTA && !Pdp) begin
			doa_q <= 36'b0;
		end else if (CEA) begin
			port(DATA_WIDTH_A, ada, Pdp ? {dib, dia} : {18'b0, dia}, WEA, WRITEMODE_A, doa_q, d);
			if (!Pdp)
				doa_q <= d;
		end
	end
	always @(posedge clkb) begin : port_b
		reg [35:0] d;
		if (RSTB) begin
			dob_q <= 36'b0;
		end else if (CEB) begin
			port(DATA_WIDTH_B, adb, {18'b0, dib}, Pdp ? 1'b0 : WEB, WRITEMODE_B, dob_q, d);
			dob_q <= d;
		end
	end

	wire [17:0] doa = Pdp ? (DATA_WIDTH_B == 36 ? dob_q[17:0] : 18'b0) : doa_q[17:0];
	wire [17:0] dob = Pdp && DATA_WIDTH_B == 36 ? dob_q[35:18] : dob_q[17:0];
	assign {DOA17, DOA16, DOA15, DOA14, DOA13, DOA12, DOA11, DOA10, DOA9, DOA8, DOA7, DOA6, DOA5, DOA4, DOA3, DOA2, DOA1, DOA0} = doa;
	assign {DOB17, DOB16, DOB15, DOB14, DOB13, DOB12, DOB11, DOB10, DOB9, DOB8, DOB7, DOB6, DOB5, DOB4, DOB3, DOB2, DOB1, DOB0} = dob;

`ifdef VERILATOR
	// Backdoor for the gate-level harness (sim/fpga/gl_bram.c): it swaps boot
	// images into the block RAMs at start-up the way ecpbram patches a
	// bitstream, row by row of 18 bits (bit b of row r is mem[r * 18 + b]).
	export "DPI-C" function gl_bram_get;
	export "DPI-C" function gl_bram_set;
	import "DPI-C" context function void gl_bram_register();
	function int gl_bram_get(input int row);
		integer b;
		reg [31:0] v;
		begin
			v = 32'b0;
			for (b = 0; b < 18; b = b + 1)
				v[b] = mem[row * 18 + b];
			return v;
		end
	endfunction
	function void gl_bram_set(input int row, input int v);
		integer b;
		for (b = 0; b < 18; b = b + 1)
			mem[row * 18 + b] = v[b];
	endfunction
	initial gl_bram_register();
`endif
endmodule
`default_nettype wire
