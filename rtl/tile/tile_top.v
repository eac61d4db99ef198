`default_nettype none
// tile_top: a processing tile's compute part: an unmodified PicoRV32 core, the
// dual-ported scratchpad (port B left to the TCU), the tile-local devices and
// the address decoder. Memory map: spec/memmap.toml.
//
// Core bus: the SPM answers reads with zero wait states through PicoRV32's
// look-ahead interface and writes in the cycle they are offered. An access to
// an unmapped address (or an unused device offset, or the TCU window when
// HasTcu = 0) is a bus error: err_valid_o pulses with the address and the PC of
// the access (the last instruction fetched), the core gets zero and goes on,
// and the harness ends the run.
module tile_top #(
	parameter integer SpmBytes = 65536, // scratchpad size in bytes (power of two)
	parameter integer TileX    = 0,     // mesh column
	parameter integer TileY    = 0,     // mesh row
	parameter integer TileNum  = 0,     // linear tile number
	parameter integer HasTcu   = 0,     // 1: the TCU window is forwarded to tcu_*
	parameter         InitFile = ""     // optional SPM image ($readmemh) for FPGA boot
) (
	input  wire        clk_i,
	input  wire        rst_i,
	input  wire        core_hold_i,  // keep the core in reset (the TCU starts it)
	input  wire        irq_i,        // message arrival, PicoRV32 IRQ line 3
	output wire        trap_o,       // the core halted on a trap
	// console and sim control
	output wire        con_valid_o,
	input  wire        con_ready_i,
	output wire [7:0]  con_data_o,
	output wire        ctl_valid_o,
	output wire [31:0] ctl_code_o,
	// bus error report
	output reg         err_valid_o,
	output reg  [31:0] err_addr_o,
	output reg  [31:0] err_pc_o,
	// TCU MMIO window (picorv32-native style master)
	output wire        tcu_valid_o,
	input  wire        tcu_ready_i,
	output wire [11:0] tcu_addr_o,
	output wire [31:0] tcu_wdata_o,
	output wire [3:0]  tcu_wstrb_o,
	input  wire [31:0] tcu_rdata_i,
	// SPM port B, for the TCU: 64 bits (dword address) with HasTcu = 1,
	// otherwise 32 bits (word address) and unused
	input  wire        spm_en_i,
	input  wire [(HasTcu != 0 ? 8 : 4)-1:0]   spm_we_i,
	input  wire [$clog2(SpmBytes/4)-(HasTcu != 0 ? 1 : 0)-1:0] spm_addr_i,
	input  wire [(HasTcu != 0 ? 64 : 32)-1:0] spm_wdata_i,
	output wire [(HasTcu != 0 ? 64 : 32)-1:0] spm_rdata_o
);
`include "spec_memmap.vh"
	localparam integer SpmAddrW = $clog2(SpmBytes / 4);

	generate if (SpmBytes > MM_SPM_WINDOW) begin : g_bad_spm
		$fatal(1, "tile_top: SpmBytes=%0d exceeds the SPM window", SpmBytes);
	end endgenerate

	// ---- core ---------------------------------------------------------------
	wire        mem_valid, mem_instr, mem_la_read, mem_la_write;
	reg         mem_ready;
	wire [31:0] mem_addr, mem_wdata, mem_la_addr, mem_la_wdata;
	wire [3:0]  mem_wstrb, mem_la_wstrb;
	reg  [31:0] mem_rdata;
	// core outputs this tile does not use (no PCPI, no IRQ ack, no trace)
	wire        pcpi_valid, trace_valid;
	wire [31:0] pcpi_insn, pcpi_rs1, pcpi_rs2, eoi;
	wire [35:0] trace_data;

	picorv32 #(
		.ENABLE_COUNTERS  (0),
		.ENABLE_COUNTERS64(0),
		.BARREL_SHIFTER   (1),
		.COMPRESSED_ISA   (0),
		.CATCH_MISALIGN   (1),
		.CATCH_ILLINSN    (1),
		.ENABLE_MUL       (0),
		.ENABLE_FAST_MUL  (1),
		.ENABLE_DIV       (1),
		.ENABLE_IRQ       (1),
		.ENABLE_IRQ_QREGS (1),
		.ENABLE_IRQ_TIMER (0),
		.PROGADDR_RESET   (MM_SPM_BASE),
		.PROGADDR_IRQ     (MM_SPM_BASE + 32'h10)
	) u_core (
		.clk         (clk_i),
		.resetn      (!(rst_i || core_hold_i)),
		.trap        (trap_o),
		.mem_valid   (mem_valid),
		.mem_instr   (mem_instr),
		.mem_ready   (mem_ready),
		.mem_addr    (mem_addr),
		.mem_wdata   (mem_wdata),
		.mem_wstrb   (mem_wstrb),
		.mem_rdata   (mem_rdata),
		.mem_la_read (mem_la_read),
		.mem_la_write(mem_la_write),
		.mem_la_addr (mem_la_addr),
		.mem_la_wdata(mem_la_wdata),
		.mem_la_wstrb(mem_la_wstrb),
		.pcpi_valid  (pcpi_valid),
		.pcpi_insn   (pcpi_insn),
		.pcpi_rs1    (pcpi_rs1),
		.pcpi_rs2    (pcpi_rs2),
		.pcpi_wr     (1'b0),
		.pcpi_rd     (32'b0),
		.pcpi_wait   (1'b0),
		.pcpi_ready  (1'b0),
		.irq         ({28'b0, irq_i, 3'b0}),
		.eoi         (eoi),
		.trace_valid (trace_valid),
		.trace_data  (trace_data)
	);

	// ---- decoder ------------------------------------------------------------
	function automatic in_spm(input [31:0] a);
		in_spm = a - MM_SPM_BASE < SpmBytes;  // unsigned: below the base wraps high
	endfunction
	wire hit_spm = in_spm(mem_addr);
	wire hit_dev = (mem_addr & ~(MM_DEV_SIZE - 1)) == MM_DEV_BASE;
	wire hit_tcu = HasTcu != 0 && (mem_addr & ~(MM_TCU_SIZE - 1)) == MM_TCU_BASE;
	wire is_wr   = mem_wstrb != 4'b0;

	// SPM port A: look-ahead reads (data ready when mem_valid rises), writes in
	// the cycle they are offered, and a one-wait-state fallback read for an
	// access that had no look-ahead slot.
	reg  la_rd_q, rd_pend_q;
	wire spm_wr     = mem_valid && is_wr && hit_spm;
	wire spm_rd_now = mem_valid && !is_wr && hit_spm && !la_rd_q && !rd_pend_q;
	wire la_rd      = mem_la_read && in_spm(mem_la_addr) && !spm_wr && !spm_rd_now;
	wire spm_rd_ok  = mem_valid && !is_wr && hit_spm && (la_rd_q || rd_pend_q);
	wire [31:0] a_rdata;
	wire [31:0] spm_byte_addr = (spm_wr || spm_rd_now) ? mem_addr - MM_SPM_BASE : mem_la_addr - MM_SPM_BASE;

	tile_spm #(.SpmBytes(SpmBytes), .TileNum(TileNum), .WideB(HasTcu != 0 ? 1 : 0), .InitFile(InitFile)) u_spm (
		.clk_i    (clk_i),
		.a_en_i   (spm_wr || spm_rd_now || la_rd),
		.a_we_i   (spm_wr ? mem_wstrb : 4'b0),
		.a_addr_i (spm_byte_addr[SpmAddrW+1:2]),
		.a_wdata_i(mem_wdata),
		.a_rdata_o(a_rdata),
		.b_en_i   (spm_en_i),
		.b_we_i   (spm_we_i),
		.b_addr_i (spm_addr_i),
		.b_wdata_i(spm_wdata_i),
		.b_rdata_o(spm_rdata_o)
	);

	wire        dev_ready, dev_unmapped;
	wire [31:0] dev_rdata;
	wire [63:0] cycle;
	tile_dev #(.TileX(TileX), .TileY(TileY), .TileNum(TileNum)) u_dev (
		.clk_i      (clk_i),
		.rst_i      (rst_i),
		.sel_i      (mem_valid && hit_dev),
		.addr_i     (mem_addr[7:0]),
		.wdata_i    (mem_wdata),
		.wstrb_i    (mem_wstrb),
		.ready_o    (dev_ready),
		.rdata_o    (dev_rdata),
		.unmapped_o (dev_unmapped),
		.con_valid_o(con_valid_o),
		.con_ready_i(con_ready_i),
		.con_data_o (con_data_o),
		.ctl_valid_o(ctl_valid_o),
		.ctl_code_o (ctl_code_o),
		.cycle_o    (cycle)
	);

	assign tcu_valid_o = mem_valid && hit_tcu;
	assign tcu_addr_o  = mem_addr[11:0];
	assign tcu_wdata_o = mem_wdata;
	assign tcu_wstrb_o = mem_wstrb;

	wire unmapped = mem_valid && !hit_spm && !hit_dev && !hit_tcu;
	wire bus_err  = unmapped || (dev_ready && dev_unmapped);

	always @(*) begin
		mem_ready = 1'b0;
		mem_rdata = 32'b0;
		if (spm_wr || spm_rd_ok) begin
			mem_ready = 1'b1;
			mem_rdata = a_rdata;
		end else if (hit_dev) begin
			mem_ready = dev_ready;
			mem_rdata = dev_rdata;
		end else if (hit_tcu) begin
			mem_ready = tcu_ready_i;
			mem_rdata = tcu_rdata_i;
		end
		if (unmapped)
			mem_ready = 1'b1;
	end

	// PC of the access for the error report. A fetch reports its own address.
	// For a data access, simulation reads the core's current-instruction PC
	// (a hierarchical reference into the unmodified core, simulation only);
	// hardware reports the last fetch address, which may be one instruction
	// ahead because the core prefetches.
	reg  [31:0] pc_q;
`ifdef VERILATOR
	wire [31:0] insn_pc = u_core.reg_pc;
	wire        unused_pc = &{1'b0, pc_q, 1'b0};
`else
	wire [31:0] insn_pc = pc_q;
`endif
	always @(posedge clk_i) begin
		if (rst_i) begin
			la_rd_q     <= 1'b0;
			rd_pend_q   <= 1'b0;
			pc_q        <= MM_SPM_BASE;
			err_valid_o <= 1'b0;
			err_addr_o  <= 32'b0;
			err_pc_o    <= 32'b0;
		end else begin
			la_rd_q     <= la_rd;
			rd_pend_q   <= spm_rd_now;
			err_valid_o <= bus_err;
			if (mem_valid && mem_instr && mem_ready)
				pc_q <= mem_addr;
			if (bus_err) begin
				err_addr_o <= mem_addr;
				err_pc_o   <= mem_instr ? mem_addr : insn_pc;
			end
		end
	end

	wire unused = &{1'b0, spm_byte_addr[1:0], spm_byte_addr[31:SpmAddrW+2], mem_la_write, mem_la_wdata, mem_la_wstrb, cycle, pcpi_valid, pcpi_insn,
	                 pcpi_rs1, pcpi_rs2, eoi, trace_valid, trace_data, 1'b0};

`ifdef FORMAL
	always @(posedge clk_i) begin
		if (!rst_i) begin
			// exactly one target answers an access
			assert (!(spm_wr && spm_rd_ok));
			assert (!(hit_spm && (hit_dev || hit_tcu)));
			// a look-ahead read never competes with a write for port A
			if (spm_wr) assert (!la_rd);
		end
	end
`endif
endmodule
`default_nettype wire
