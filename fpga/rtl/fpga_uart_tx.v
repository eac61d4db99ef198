`default_nettype none
// fpga_uart_tx: 8N1 UART transmitter with a valid/ready byte input.
// A byte is taken when valid_i && ready_o; ready_o is high while the line is
// idle (between frames). The bit time is ClkHz / Baud clock cycles, rounded.
module fpga_uart_tx #(
	parameter integer ClkHz = 50000000, // clock frequency in Hz
	parameter integer Baud  = 115200    // line rate in bit/s
) (
	input  wire       clk_i,
	input  wire       rst_i,
	input  wire       valid_i,
	output wire       ready_o,
	input  wire [7:0] data_i,
	output wire       tx_o      // serial line, idle high
);
	localparam integer Div  = (ClkHz + Baud / 2) / Baud;  // cycles per bit
	localparam integer DivW = $clog2(Div + 1);

	generate if (Baud <= 0 || ClkHz < 4 * Baud) begin : g_bad_baud
		$fatal(1, "fpga_uart_tx: ClkHz=%0d is too slow for Baud=%0d (want ClkHz >= 4 * Baud)", ClkHz, Baud);
	end endgenerate

	reg [DivW-1:0] tick_q;   // cycles left in the current bit
	reg [3:0]      bits_q;   // bits left in the frame (start + 8 data + stop)
	reg [8:0]      shift_q;  // next bits to send, LSB first
	reg            tx_q;

	assign ready_o = bits_q == 4'd0;
	assign tx_o    = tx_q;

	always @(posedge clk_i) begin
		if (rst_i) begin
			tick_q  <= {DivW{1'b0}};
			bits_q  <= 4'd0;
			shift_q <= 9'h1ff;
			tx_q    <= 1'b1;
		end else if (bits_q == 4'd0) begin
			if (valid_i) begin
				// start bit now; then 8 data bits and the stop bit
				tx_q    <= 1'b0;
				shift_q <= {1'b1, data_i};
				bits_q  <= 4'd10;
				tick_q  <= Div[DivW-1:0] - 1'b1;
			end
		end else if (tick_q != {DivW{1'b0}}) begin
			tick_q <= tick_q - 1'b1;
		end else begin
			bits_q <= bits_q - 4'd1;
			if (bits_q != 4'd1) begin
				tx_q    <= shift_q[0];
				shift_q <= {1'b1, shift_q[8:1]};
				tick_q  <= Div[DivW-1:0] - 1'b1;
			end
		end
	end

`ifdef FORMAL
	always @(posedge clk_i) begin
		if (!rst_i) begin
			assert (bits_q <= 4'd10);
			if (bits_q == 4'd0) assert (tx_q);
		end
	end
`endif
endmodule
`default_nettype wire
