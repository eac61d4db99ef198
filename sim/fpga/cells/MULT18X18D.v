`default_nettype none
// MULT18X18D: simulation model of the ECP5 18x18 multiplier, for the gate-level
// check (sim/fpga/gl_*). Yosys' ECP5 library ships this cell only as a blackbox;
// this model covers the use Yosys' DSP mapping (dsp_map_18x18.v) makes of it:
// purely combinational (no input, pipeline or output registers), operands
// signed or unsigned by SIGNEDA / SIGNEDB, the C input and SOURCEA/B unused.
// Any register or cascade parameter stops elaboration.
// The cell name is the vendor primitive's: the netlist instantiates it by it.
module MULT18X18D (
	input  wire A17, A16, A15, A14, A13, A12, A11, A10, A9, A8, A7, A6, A5, A4, A3, A2, A1, A0,
	input  wire B17, B16, B15, B14, B13, B12, B11, B10, B9, B8, B7, B6, B5, B4, B3, B2, B1, B0,
	input  wire C17, C16, C15, C14, C13, C12, C11, C10, C9, C8, C7, C6, C5, C4, C3, C2, C1, C0,
	input  wire SIGNEDA, SIGNEDB, SOURCEA, SOURCEB,
	output wire P35, P34, P33, P32, P31, P30, P29, P28, P27, P26, P25, P24, P23, P22, P21, P20, P19, P18, P17, P16, P15, P14, P13, P12, P11, P10, P9, P8, P7, P6, P5, P4, P3, P2, P1, P0
);
	parameter REG_INPUTA_CLK = "NONE";
	parameter REG_INPUTB_CLK = "NONE";
	parameter REG_INPUTC_CLK = "NONE";
	parameter REG_PIPELINE_CLK = "NONE";
	parameter REG_OUTPUT_CLK = "NONE";
	parameter CLK0_DIV = "ENABLED";
	parameter CLK1_DIV = "ENABLED";
	parameter CLK2_DIV = "ENABLED";
	parameter CLK3_DIV = "ENABLED";
	parameter GSR = "ENABLED";
	parameter SOURCEB_MODE = "B_SHIFT";
	parameter RESETMODE = "SYNC";
	parameter MULT_BYPASS = "DISABLED";

	generate if (REG_INPUTA_CLK != "NONE" || REG_INPUTB_CLK != "NONE" || REG_PIPELINE_CLK != "NONE" ||
	             REG_OUTPUT_CLK != "NONE" || MULT_BYPASS != "DISABLED") begin : g_unsupported
		$fatal(1, "MULT18X18D model: registers and bypass are not modelled");
	end endgenerate

	wire [17:0] a = {A17, A16, A15, A14, A13, A12, A11, A10, A9, A8, A7, A6, A5, A4, A3, A2, A1, A0};
	wire [17:0] b = {B17, B16, B15, B14, B13, B12, B11, B10, B9, B8, B7, B6, B5, B4, B3, B2, B1, B0};
	wire [35:0] ax = {{18{SIGNEDA & a[17]}}, a};
	wire [35:0] bx = {{18{SIGNEDB & b[17]}}, b};
	wire [35:0] p = ax * bx;
	wire [20:0] unused = {C17, C16, C15, C14, C13, C12, C11, C10, C9, C8, C7, C6, C5, C4, C3, C2, C1, C0, SOURCEA, SOURCEB, 1'b0};

	assign {P35, P34, P33, P32, P31, P30, P29, P28, P27, P26, P25, P24, P23, P22, P21, P20, P19, P18, P17, P16, P15, P14, P13, P12, P11, P10, P9, P8, P7, P6, P5, P4, P3, P2, P1, P0} = p;
endmodule
`default_nettype wire
