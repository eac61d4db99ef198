#!/usr/bin/env python3
"""tcu_cuts.py OUTDIR: timing-only variants of rtl/tcu for make fpga-ooc (fpga/README.md).

Writes OUTDIR/<cut>/*.v: copies of rtl/tcu/*.v with registers inserted at the places the
TCU's critical path runs through, each cut adding to the previous one:
  eprd  the EP read data (cmd_ep_rd, in_ep_rd, reg_ep) registered
  pick  + the slot picks (tcu_in s_slot/s_found, tcu_cmd u_slot/u_found) registered
  wr    + the EP write port (ep_we/ep_widx/ep_wdata) registered
  err   + the message check (tcu_in msg_err) registered
The variants are functionally WRONG (nothing else waits for the extra cycle): they only show
how far a pipelining of that kind moves Fmax and which path comes next. Each substitution
must match the RTL exactly; when the RTL has changed, this script stops with the cut's name.
Then: make fpga-ooc BLOCK=tcu_top OOC_TAG=<cut> OOC_RTL="$(ls OUTDIR/<cut>/*.v)"
"""
import os
import shutil
import sys

RTL = "rtl/tcu"
NOTE = "// EXPERIMENT (fpga/tools/tcu_cuts.py, timing only, not functional):"

CUTS = [
    ("eprd", "tcu_top.v", [
        ("""	wire [127:0] cmd_ep_rd = ({1'b0, cmd_ep_idx} < N_EPS) ? ep_q[cmd_ep_idx[IdxW-1:0]] : 128'd0;
	wire [127:0] in_ep_rd  = ({1'b0, in_ep_idx} < N_EPS) ? ep_q[in_ep_idx[IdxW-1:0]] : 128'd0;""",
         f"""	{NOTE} the EP read data registered
	reg  [127:0] cmd_ep_rd, in_ep_rd;
	always @(posedge clk_i) begin
		cmd_ep_rd <= ({{1'b0, cmd_ep_idx}} < N_EPS) ? ep_q[cmd_ep_idx[IdxW-1:0]] : 128'd0;
		in_ep_rd  <= ({{1'b0, in_ep_idx}} < N_EPS) ? ep_q[in_ep_idx[IdxW-1:0]] : 128'd0;
	end"""),
        ("""	wire [127:0] reg_ep  = ({1'b0, rr_woff[8:2]} < N_EPS) ? ep_q[rr_woff[IdxW+1:2]] : 128'd0;""",
         """	reg  [127:0] reg_ep;
	always @(posedge clk_i) reg_ep <= ({1'b0, rr_woff[8:2]} < N_EPS) ? ep_q[rr_woff[IdxW+1:2]] : 128'd0;"""),
    ]),
    ("pick", "tcu_in.v", [
        ("	wire        s_found;\n	wire [4:0]  s_slot;\n",
         f"	{NOTE} the free-slot pick registered\n	wire        s_found_c;\n	wire [4:0]  s_slot_c;\n"
         "	reg         s_found;\n	reg  [4:0]  s_slot;\n"
         "	always @(posedge clk_i) begin s_found <= s_found_c; s_slot <= s_slot_c; end\n"),
        (".found_o(s_found), .idx_o(s_slot)", ".found_o(s_found_c), .idx_o(s_slot_c)"),
    ]),
    ("pick", "tcu_cmd.v", [
        ("	wire        u_found;\n	wire [4:0]  u_slot;\n",
         f"	{NOTE} the unread-slot pick registered\n	wire        u_found_c;\n	wire [4:0]  u_slot_c;\n"
         "	reg         u_found;\n	reg  [4:0]  u_slot;\n"
         "	always @(posedge clk_i) begin u_found <= u_found_c; u_slot <= u_slot_c; end\n"),
        (".found_o(u_found), .idx_o(u_slot)", ".found_o(u_found_c), .idx_o(u_slot_c)"),
    ]),
    ("wr", "tcu_top.v", [
        ("""	always @(posedge clk_i) begin
		if (ep_we && {1'b0, ep_widx} < N_EPS)
			ep_q[ep_widx[IdxW-1:0]] <= ep_wdata;
	end""",
         f"""	{NOTE} the EP write port registered (no bypass)
	reg         ep_we_q;
	reg  [6:0]  ep_widx_q;
	reg  [127:0] ep_wdata_q;
	always @(posedge clk_i) begin
		ep_we_q <= ep_we; ep_widx_q <= ep_widx; ep_wdata_q <= ep_wdata;
		if (ep_we_q && {{1'b0, ep_widx_q}} < N_EPS)
			ep_q[ep_widx_q[IdxW-1:0]] <= ep_wdata_q;
	end"""),
    ]),
    ("err", "tcu_in.v", [
        ("""	reg [4:0] msg_err;
	always @* begin
		msg_err = TCU_ERR_NONE;""",
         f"""	{NOTE} the message check registered
	reg [4:0] msg_err, msg_err_c;
	always @(posedge clk_i) msg_err <= msg_err_c;
	always @* begin
		msg_err_c = TCU_ERR_NONE;"""),
        ("			msg_err = TCU_ERR_RECV_GONE;", "			msg_err_c = TCU_ERR_RECV_GONE;"),
        ("			msg_err = TCU_ERR_RECV_OUT_OF_BOUNDS;\n		else if (r_rplep",
         "			msg_err_c = TCU_ERR_RECV_OUT_OF_BOUNDS;\n		else if (r_rplep"),
        ("			msg_err = TCU_ERR_RECV_INV_RPL_EPS;", "			msg_err_c = TCU_ERR_RECV_INV_RPL_EPS;"),
        ("			msg_err = TCU_ERR_RECV_NO_SPACE;", "			msg_err_c = TCU_ERR_RECV_NO_SPACE;"),
        ("			msg_err = TCU_ERR_RECV_OUT_OF_BOUNDS;\n	end",
         "			msg_err_c = TCU_ERR_RECV_OUT_OF_BOUNDS;\n	end"),
    ]),
]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    src = {f: open(os.path.join(RTL, f)).read() for f in os.listdir(RTL) if f.endswith(".v")}
    done = []
    for cut, fname, subs in CUTS:
        text = src[fname]
        for old, new in subs:
            if text.count(old) != 1:
                sys.exit(f"tcu_cuts: cut '{cut}': {fname} no longer has (exactly once):\n{old}")
            text = text.replace(old, new)
        src[fname] = text
        if cut not in done:
            done.append(cut)
        d = os.path.join(out, cut)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for f, t in src.items():
            with open(os.path.join(d, f), "w") as fh:
                fh.write(t)
    print(f"tcu_cuts: {' '.join(done)} in {out}/")


if __name__ == "__main__":
    main()
