`default_nettype none
// fpga_console: the console of every tile on one UART, one line at a time,
// formatted exactly as the simulator prints it: "[tile N] text\n" (N decimal).
// Each tile has a line buffer (fpga_con_line); the formatter takes whole lines
// round-robin, so lines never interleave. A full buffer back-pressures the tile
// (con_ready_o low), which stalls its core: nothing is ever dropped.
// The first sim-control write of a tile (its exit code) ends its open line and
// adds the line "[tile N] exit <code>" (code in decimal, as unsigned 32 bits).
module fpga_console #(
	parameter integer Tiles   = 1,         // number of tiles (console ports)
	parameter integer ClkHz   = 50000000,  // clock frequency in Hz
	parameter integer Baud    = 115200,    // UART line rate
	parameter integer LineMax = 512,       // characters per line before a cut
	parameter integer Depth   = 1024       // line buffer entries per tile
) (
	input  wire                clk_i,
	input  wire                rst_i,
	input  wire [Tiles-1:0]    con_valid_i,
	output wire [Tiles-1:0]    con_ready_o,
	input  wire [8*Tiles-1:0]  con_data_i,
	input  wire [Tiles-1:0]    ctl_valid_i,
	input  wire [32*Tiles-1:0] ctl_code_i,
	output wire [Tiles-1:0]    exited_o,   // the tile has exited (latched)
	output wire [Tiles-1:0]    failed_o,   // ... with a nonzero code
	output wire                busy_o,     // the UART is sending
	output wire                tx_o
);
	localparam integer TileW = Tiles > 1 ? $clog2(Tiles) : 1;
	localparam [7:0] NL = 8'h0a;

	generate if (Tiles < 1 || Tiles > 65536) begin : g_bad_tiles
		$fatal(1, "fpga_console: Tiles=%0d must be 1..65536", Tiles);
	end endgenerate

	// ---- per-tile line buffers ----------------------------------------------
	wire [Tiles-1:0]    has_line;
	wire [9*Tiles-1:0]  rd_data;
	wire [32*Tiles-1:0] exit_code;
	reg  [Tiles-1:0]    rd, line_done;
	genvar g;
	generate for (g = 0; g < Tiles; g = g + 1) begin : g_line
		fpga_con_line #(.LineMax(LineMax), .Depth(Depth)) u_line (
			.clk_i      (clk_i),
			.rst_i      (rst_i),
			.con_valid_i(con_valid_i[g]),
			.con_ready_o(con_ready_o[g]),
			.con_data_i (con_data_i[8*g +: 8]),
			.ctl_valid_i(ctl_valid_i[g]),
			.ctl_code_i (ctl_code_i[32*g +: 32]),
			.has_line_o (has_line[g]),
			.rd_i       (rd[g]),
			.rd_data_o  (rd_data[9*g +: 9]),
			.line_done_i(line_done[g]),
			.exited_o   (exited_o[g]),
			.exit_code_o(exit_code[32*g +: 32])
		);
		assign failed_o[g] = exited_o[g] && exit_code[32*g +: 32] != 32'b0;
	end endgenerate

	// ---- UART -----------------------------------------------------------------
	reg        out_valid_q;
	reg  [7:0] out_data_q;
	wire       out_ready;
	fpga_uart_tx #(.ClkHz(ClkHz), .Baud(Baud)) u_tx (
		.clk_i  (clk_i),
		.rst_i  (rst_i),
		.valid_i(out_valid_q),
		.ready_o(out_ready),
		.data_i (out_data_q),
		.tx_o   (tx_o)
	);
	assign busy_o = out_valid_q || !out_ready;

	// ---- formatter --------------------------------------------------------------
	// fixed text: "[tile " at 0..5, "] " at 6..7, "exit " at 8..12
	function automatic [7:0] text(input [3:0] i);
		case (i)
		4'd0: text = "[";  4'd1: text = "t";  4'd2: text = "i";  4'd3: text = "l";
		4'd4: text = "e";  4'd5: text = " ";  4'd6: text = "]";  4'd7: text = " ";
		4'd8: text = "e";  4'd9: text = "x";  4'd10: text = "i"; 4'd11: text = "t";
		default: text = " ";
		endcase
	endfunction
	function automatic [31:0] pow10(input [3:0] d);
		case (d)
		4'd0: pow10 = 32'd1;         4'd1: pow10 = 32'd10;        4'd2: pow10 = 32'd100;
		4'd3: pow10 = 32'd1000;      4'd4: pow10 = 32'd10000;     4'd5: pow10 = 32'd100000;
		4'd6: pow10 = 32'd1000000;   4'd7: pow10 = 32'd10000000;  4'd8: pow10 = 32'd100000000;
		default: pow10 = 32'd1000000000;
		endcase
	endfunction

	localparam [2:0] S_IDLE = 3'd0,  // wait for a tile with a whole line
	                 S_TEXT = 3'd1,  // send text(idx_q) up to text_end_q, then go to next_q
	                 S_DEC  = 3'd2,  // send dec_q in decimal, then go to next_q
	                 S_RD   = 3'd3,  // read the next entry of the line
	                 S_ENT  = 3'd4,  // act on the entry read
	                 S_NL   = 3'd5;  // send '\n', end the line

	reg [2:0]       state_q, next_q;
	reg [TileW-1:0] sel_q;       // the tile whose line is printed
	reg [3:0]       idx_q, text_end_q;
	reg [31:0]      dec_q;       // what is left of the number being printed
	reg [3:0]       dpos_q;      // decimal digit position being printed
	reg [3:0]       digit_q;     // its value so far
	reg             lead_q;      // a nonzero digit was sent
	reg [1:0]       after_q;     // what follows the number: 0 "] " + body, 1 '\n'

	wire [8:0]  ent   = rd_data[9*sel_q +: 9];
	wire [31:0] code  = exit_code[32*sel_q +: 32];
	wire        space = !out_valid_q;  // the output register is free

	// round-robin choice of the next tile with a whole line
	reg [TileW-1:0] pick;
	reg             pick_ok;
	integer i;
	always @(*) begin : choose
		reg [TileW:0] t;
		pick    = sel_q;
		pick_ok = 1'b0;
		for (i = Tiles; i >= 1; i = i - 1) begin
			t = {1'b0, sel_q} + i[TileW:0];
			if (t >= Tiles[TileW:0])
				t = t - Tiles[TileW:0];
			if (has_line[t[TileW-1:0]]) begin
				pick    = t[TileW-1:0];
				pick_ok = 1'b1;
			end
		end
	end

	always @(*) begin
		rd        = {Tiles{1'b0}};
		line_done = {Tiles{1'b0}};
		if (state_q == S_RD)
			rd[sel_q] = 1'b1;
		if (state_q == S_NL && space)
			line_done[sel_q] = 1'b1;
	end

	always @(posedge clk_i) begin
		if (rst_i) begin
			state_q     <= S_IDLE;
			next_q      <= S_IDLE;
			sel_q       <= {TileW{1'b0}};
			idx_q       <= 4'd0;
			text_end_q  <= 4'd0;
			dec_q       <= 32'b0;
			dpos_q      <= 4'd0;
			digit_q     <= 4'd0;
			lead_q      <= 1'b0;
			after_q     <= 2'd0;
			out_valid_q <= 1'b0;
			out_data_q  <= 8'h00;
		end else begin
			if (out_valid_q && out_ready)
				out_valid_q <= 1'b0;
			case (state_q)
			S_IDLE: if (pick_ok) begin
				sel_q      <= pick;
				idx_q      <= 4'd0;
				text_end_q <= 4'd5;
				next_q     <= S_DEC;
				dec_q      <= {{(32-TileW){1'b0}}, pick};
				after_q    <= 2'd0;
				state_q    <= S_TEXT;
			end
			S_TEXT: if (space) begin
				out_valid_q <= 1'b1;
				out_data_q  <= text(idx_q);
				idx_q       <= idx_q + 4'd1;
				if (idx_q == text_end_q) begin
					state_q <= next_q;
					dpos_q  <= 4'd9;
					digit_q <= 4'd0;
					lead_q  <= 1'b0;
				end
			end
			S_DEC: if (dec_q >= pow10(dpos_q)) begin
				dec_q   <= dec_q - pow10(dpos_q);
				digit_q <= digit_q + 4'd1;
			end else if (space) begin
				if (digit_q != 4'd0 || lead_q || dpos_q == 4'd0) begin
					out_valid_q <= 1'b1;
					out_data_q  <= "0" + {4'd0, digit_q};
					lead_q      <= 1'b1;
				end
				digit_q <= 4'd0;
				dpos_q  <= dpos_q - 4'd1;
				if (dpos_q == 4'd0) begin
					if (after_q == 2'd0) begin
						idx_q      <= 4'd6;
						text_end_q <= 4'd7;
						next_q     <= S_RD;
						state_q    <= S_TEXT;
					end else begin
						state_q <= S_NL;
					end
				end
			end
			S_RD: state_q <= S_ENT;
			S_ENT: if (ent[7:0] == NL) begin
				if (ent[8]) begin  // exit marker
					idx_q      <= 4'd8;
					text_end_q <= 4'd12;
					next_q     <= S_DEC;
					dec_q      <= code;
					after_q    <= 2'd1;
					state_q    <= S_TEXT;
				end else begin
					state_q <= S_NL;
				end
			end else if (space) begin
				out_valid_q <= 1'b1;
				out_data_q  <= ent[7:0];
				state_q     <= ent[8] ? S_NL : S_RD;
			end
			S_NL: if (space) begin
				out_valid_q <= 1'b1;
				out_data_q  <= NL;
				state_q     <= S_IDLE;
			end
			default: state_q <= S_IDLE;
			endcase
		end
	end

`ifdef FORMAL
	// (test fpga/console-formal; with the line buffers' assertions: no FIFO
	// over- or underflow, the formatter reads only whole lines)
	reg f_past_valid = 1'b0;
	always @(posedge clk_i) f_past_valid <= 1'b1;
	always @(*) if (!f_past_valid) assume (rst_i);
	always @(posedge clk_i) begin
		if (!rst_i) begin
			assert (state_q <= S_NL);
			if (state_q == S_RD) assert (has_line[sel_q]);
		end
	end
`endif
endmodule
`default_nettype wire
