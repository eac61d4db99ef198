`default_nettype none
// fpga_con_line: one tile's console line buffer for the FPGA console.
// Takes the tile's console bytes (valid/ready) and its first sim-control write
// (exit code), and keeps them as whole lines in a FIFO (block RAM) until the
// formatter (fpga_console) prints them, so lines of different tiles never mix.
// Line rules follow the simulator (sim/common/sim_main.c): '\n' ends a line,
// '\r' is dropped, a line is cut after LineMax characters; on exit an open
// line is ended first, then an "exit" line follows.
// FIFO entries are 9 bits, {flag, byte}:
//   {0, c}    character c (c != '\n')
//   {1, c}    character c, and the line ends after it (cut at LineMax)
//   {0, '\n'} end of line
//   {1, '\n'} the tile exited: print "exit <code>" (code on exit_code_o)
// The reader may read only while lines_o != 0, and only up to a line's end.
module fpga_con_line #(
	parameter integer LineMax = 512,  // characters per line before a cut
	parameter integer Depth   = 1024  // FIFO entries; a power of two, > LineMax
) (
	input  wire        clk_i,
	input  wire        rst_i,
	// from the tile
	input  wire        con_valid_i,
	output wire        con_ready_o,
	input  wire [7:0]  con_data_i,
	input  wire        ctl_valid_i,
	input  wire [31:0] ctl_code_i,
	// to the formatter
	output wire        has_line_o,    // at least one whole line is buffered
	input  wire        rd_i,          // read one entry (rd_data_o valid next cycle)
	output wire [8:0]  rd_data_o,
	input  wire        line_done_i,   // the formatter finished one line
	output wire        exited_o,      // the tile wrote sim-control (latched)
	output wire [31:0] exit_code_o
);
	localparam integer AddrW = $clog2(Depth);
	localparam integer ColW  = $clog2(LineMax + 1);
	localparam [7:0]   NL    = 8'h0a;
	localparam [7:0]   CR    = 8'h0d;
	// exit sequencing
	localparam [1:0] X_NONE = 2'd0, X_EOL = 2'd1, X_MARK = 2'd2, X_DONE = 2'd3;

	generate if (LineMax < 1 || (Depth & (Depth - 1)) != 0 || Depth <= LineMax) begin : g_bad_param
		$fatal(1, "fpga_con_line: Depth=%0d must be a power of two > LineMax=%0d", Depth, LineMax);
	end endgenerate

	reg [8:0]       mem [0:Depth-1];
	reg [AddrW:0]   wr_ptr_q, rd_ptr_q;
	reg [AddrW:0]   lines_q;
	reg [ColW-1:0]  col_q;
	reg [1:0]       xst_q;
	reg [31:0]      code_q;
	reg [8:0]       rd_data_q;
	// room for one more entry, from a flip-flop (the tile's bus ready and the
	// exit sequence wait on it): at least two entries were free at the last edge,
	// and at most one was pushed since
	reg             room_q;
	/* verilator lint_off UNUSEDSIGNAL */  // full: read only by the formal block (room_q -> !full)
	wire full = (wr_ptr_q - rd_ptr_q) == Depth[AddrW:0];  // verilator lint_on UNUSEDSIGNAL
	assign con_ready_o = room_q && (xst_q == X_NONE || xst_q == X_DONE);
	assign has_line_o  = lines_q != {(AddrW+1){1'b0}};
	assign rd_data_o   = rd_data_q;
	assign exited_o    = xst_q != X_NONE;
	assign exit_code_o = code_q;

	// what to push this cycle
	reg       push;
	reg [8:0] push_data;
	reg       push_eol;   // the entry ends a line
	always @(*) begin
		push      = 1'b0;
		push_data = {1'b0, NL};
		push_eol  = 1'b0;
		if (room_q && xst_q == X_EOL) begin
			push     = 1'b1;
			push_eol = 1'b1;
		end else if (room_q && xst_q == X_MARK) begin
			push      = 1'b1;
			push_data = {1'b1, NL};
			push_eol  = 1'b1;
		end else if (con_valid_i && con_ready_o && con_data_i != CR) begin
			push = 1'b1;
			if (con_data_i == NL) begin
				push_eol = 1'b1;
			end else begin
				push_eol  = col_q == LineMax[ColW-1:0] - 1'b1;
				push_data = {push_eol, con_data_i};
			end
		end
	end

	always @(posedge clk_i) begin
		if (push)
			mem[wr_ptr_q[AddrW-1:0]] <= push_data;
		if (rd_i)
			rd_data_q <= mem[rd_ptr_q[AddrW-1:0]];
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			wr_ptr_q <= {(AddrW+1){1'b0}};
			rd_ptr_q <= {(AddrW+1){1'b0}};
			lines_q  <= {(AddrW+1){1'b0}};
			col_q    <= {ColW{1'b0}};
			xst_q    <= X_NONE;
			code_q   <= 32'b0;
			room_q   <= 1'b1;
		end else begin
			room_q <= (wr_ptr_q - rd_ptr_q) < Depth[AddrW:0] - 1'b1;
			if (push) begin
				wr_ptr_q <= wr_ptr_q + 1'b1;
				col_q    <= push_eol ? {ColW{1'b0}} : col_q + 1'b1;
			end
			if (rd_i)
				rd_ptr_q <= rd_ptr_q + 1'b1;
			if (push && push_eol && !line_done_i)
				lines_q <= lines_q + 1'b1;
			else if (line_done_i && !(push && push_eol))
				lines_q <= lines_q - 1'b1;
			case (xst_q)
			X_NONE: if (ctl_valid_i) begin
				code_q <= ctl_code_i;
				xst_q  <= col_q != {ColW{1'b0}} ? X_EOL : X_MARK;
			end
			X_EOL:  if (room_q) xst_q <= X_MARK;
			X_MARK: if (room_q) xst_q <= X_DONE;
			default:;  // X_DONE: later exits are ignored until reset
			endcase
		end
	end

`ifdef FORMAL
	always @(posedge clk_i) begin
		if (!rst_i) begin
			assert ((wr_ptr_q - rd_ptr_q) <= Depth[AddrW:0]);  // no overflow
			assert (col_q < LineMax[ColW-1:0]);
			if (rd_i) assert (wr_ptr_q != rd_ptr_q);            // no underflow
			if (line_done_i) assert (has_line_o);
			if (room_q) assert (!full);
		end
	end
	// the FIFO fills up, and the tile then waits
	always @(posedge clk_i) begin
		c_full: cover (!rst_i && full);
		c_wait: cover (!rst_i && con_valid_i && !con_ready_o && xst_q == X_NONE);
	end
`endif
endmodule
`default_nettype wire
