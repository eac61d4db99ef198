`default_nettype none
// tcu_xfer - the SPM side of one TCU engine: a reader (SPM -> flits) and a
// writer (flits -> SPM) sharing one request to the SPM arbiter (the writer
// first; an engine never runs both in one step of its FSM for long).
//
//   rd_*: start at addr_i / len_i, flits out      wr_*: start at addr_i / len_i, flits in
module tcu_xfer (
	input  wire        clk_i,
	input  wire        rst_i,
	input  wire [31:0] addr_i,     // byte address for the stream being started
	input  wire [12:0] len_i,      // bytes
	// reader
	input  wire        rd_start_i,
	input  wire        rd_abort_i,
	output wire        rd_valid_o,
	input  wire        rd_ready_i,
	output wire [63:0] rd_data_o,
	output wire        rd_last_o,
	// writer
	input  wire        wr_start_i,
	input  wire        wr_abort_i,
	output wire        wr_busy_o,
	output wire        wr_need_o,  // stream bytes still to come
	input  wire        wr_valid_i,
	output wire        wr_ready_o,
	input  wire [63:0] wr_data_i,
	// SPM arbiter
	output wire        spm_req_o,
	output wire [7:0]  spm_we_o,
	output wire [28:0] spm_addr_o,   // dword address (64-bit SPM port)
	output wire [63:0] spm_wdata_o,
	input  wire        spm_gnt_i,
	input  wire [63:0] spm_rdata_i
);
	wire        rd_req, wr_req, rd_busy, wr_done;
	wire [28:0] rd_addr, wr_addr;
	wire [7:0]  wr_we;
	wire        unused_xfer = rd_busy ^ wr_done;   // the engines follow the streams instead

	tcu_spm_rd #(.LenW(13)) u_rd (
		.clk_i(clk_i), .rst_i(rst_i), .start_i(rd_start_i), .abort_i(rd_abort_i),
		.addr_i(addr_i), .len_i(len_i), .busy_o(rd_busy),
		.spm_req_o(rd_req), .spm_addr_o(rd_addr), .spm_gnt_i(spm_gnt_i && !wr_req),
		.spm_rdata_i(spm_rdata_i),
		.out_valid_o(rd_valid_o), .out_ready_i(rd_ready_i), .out_data_o(rd_data_o), .out_last_o(rd_last_o)
	);
	tcu_spm_wr #(.LenW(13)) u_wr (
		.clk_i(clk_i), .rst_i(rst_i), .start_i(wr_start_i), .abort_i(wr_abort_i),
		.addr_i(addr_i), .len_i(len_i), .busy_o(wr_busy_o), .need_o(wr_need_o), .done_o(wr_done),
		.in_valid_i(wr_valid_i), .in_ready_o(wr_ready_o), .in_data_i(wr_data_i),
		.spm_req_o(wr_req), .spm_we_o(wr_we), .spm_addr_o(wr_addr), .spm_wdata_o(spm_wdata_o),
		.spm_gnt_i(spm_gnt_i)
	);
	assign spm_req_o  = wr_req || rd_req;
	assign spm_we_o   = wr_req ? wr_we : 8'd0;
	assign spm_addr_o = wr_req ? wr_addr : rd_addr;
endmodule
