#!/usr/bin/env python3
"""report.py: the FPGA build report of one board (make fpga-report).

Reads, from --dir (build/fpga/<board>/):
  hier.json         Yosys `stat -json` of the design synthesized with its hierarchy
                    kept (synth_ecp5 -noflatten): area per block
  pnr.json          nextpnr-ecp5 --report: placed totals against the device, Fmax
  stage-times.tsv   seconds per flow stage (fpga/tools/stage.sh)
Prints the table of LUT / FF / block RAM / DSP per block and in total against the
device's capacity, Fmax against the constraint, the PERF lines
    PERF fpga.<name>.fmax <MHz> MHz
    PERF fpga.<name>.luts <n> LUT
(<name> is --name: the board for the single tile, <board>-soc for the SoC) and
writes the same as JSON (--bench). Exit status 1 if timing is not met.

LUT counts are LUT4 plus two per CCU2C carry cell (nextpnr's TRELLIS_COMB
counts each half of a carry as one LUT slot), so the per-block sum and the
placed total measure the same thing; the placed total is the authority
(boundary optimisation makes the hierarchical sum differ slightly).
"""
import argparse
import json
import os
import re
import sys

# block of a module (by its base name); modules matching none inherit their parent's
BLOCKS = [
    (r"^picorv32", "core (PicoRV32)"),
    (r"^tile_spm$", "SPM (scratchpad)"),
    (r"^tile_dev$", "tile devices"),
    (r"^tile_top$", "tile bus/decoder"),
    (r"^tcu_", "TCU"),
    (r"^noc_", "NoC router"),
    (r"^mem_", "memory tile"),
    (r"^fpga_(console|con_line|uart_tx)$", "console + UART"),
]
TOP_BLOCK = "board (PLL, reset, LEDs)"
COLS = ("LUT", "FF", "BRAM", "DSP")


def base(name):
    name = name.lstrip("\\")
    if name.startswith("$paramod"):
        parts = name.split("\\")
        if len(parts) > 1:
            return parts[1]
    return name


def classify(mod):
    for rx, blk in BLOCKS:
        if re.search(rx, base(mod)):
            return blk
    return None


def prim_counts(cells):
    c = dict.fromkeys(COLS, 0)
    for t, n in cells.items():
        if t in ("LUT4",):
            c["LUT"] += n
        elif t == "CCU2C":
            c["LUT"] += 2 * n
        elif t == "TRELLIS_DPR16X4":
            c["LUT"] += 4 * n  # distributed RAM: one slice's LUTs
        elif t == "TRELLIS_FF":
            c["FF"] += n
        elif t == "DP16KD" or t == "PDPW16KD":
            c["BRAM"] += n
        elif t in ("MULT18X18D", "ALU54B"):
            c["DSP"] += n
    return c


def per_block(stat, top):
    mods = stat["modules"]
    names = {m.lstrip("\\"): m for m in mods}
    blocks = {}

    def walk(m, blk, mult, depth=0):
        if depth > 64:
            sys.exit("report: module hierarchy too deep")
        cells = mods[names[m]].get("num_cells_by_type", {})
        own = classify(m) or blk
        for k, v in prim_counts(cells).items():
            blocks.setdefault(own, dict.fromkeys(COLS, 0))[k] += v * mult
        for t, n in cells.items():
            sub = t.lstrip("\\")
            if sub in names:
                walk(sub, own, mult * n, depth + 1)

    top_name = next((n for n in names if base(n) == top), None)
    if top_name is None:
        sys.exit(f"report: top module {top} not in the hierarchical statistics")
    walk(top_name, TOP_BLOCK, 1)
    return blocks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--board", required=True)
    ap.add_argument("--device", required=True)
    ap.add_argument("--freq", type=float, required=True, help="the constraint in MHz")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--bench", required=True, help="JSON file to write")
    ap.add_argument("--name", help="the PERF name: fpga.<name>.fmax (default: the board)")
    a = ap.parse_args()

    with open(os.path.join(a.dir, "pnr.json")) as f:
        pnr = json.load(f)
    with open(os.path.join(a.dir, "hier.json")) as f:
        stat = json.load(f)
    top = f"{a.board}_top"
    pname = a.name or a.board
    blocks = per_block(stat, top)
    util = pnr["utilization"]

    def used(*k):
        return sum(util.get(x, {}).get("used", 0) for x in k)

    def avail(*k):
        return sum(util.get(x, {}).get("available", 0) for x in k)

    placed = {"LUT": used("TRELLIS_COMB"), "FF": used("TRELLIS_FF"), "BRAM": used("DP16KD"),
              "DSP": used("MULT18X18D", "ALU54B")}
    cap = {"LUT": avail("TRELLIS_COMB"), "FF": avail("TRELLIS_FF"), "BRAM": avail("DP16KD"),
           "DSP": avail("MULT18X18D")}
    clocks = pnr.get("fmax", {})
    fmax = min((c["achieved"] for c in clocks.values()), default=0.0)
    met = bool(clocks) and all(c["achieved"] >= c["constraint"] for c in clocks.values())

    times = {}
    tpath = os.path.join(a.dir, "stage-times.tsv")
    if os.path.exists(tpath):
        for line in open(tpath):
            p = line.rstrip("\n").split("\t")
            if len(p) == 3 and p[2] == "0":
                times[p[0]] = int(p[1])

    order = [b for _, b in BLOCKS] + [TOP_BLOCK]
    rows = [(b, blocks[b]) for b in order if b in blocks and any(blocks[b].values())]
    hsum = {k: sum(r[k] for _, r in rows) for k in COLS}
    w = max(len(b) for b, _ in rows + [("placed total (nextpnr)", None)])
    print(f"FPGA report: {a.board} {a.device}, constraint {a.freq:g} MHz ({a.dir})")
    print(f"  {'block':{w}}  {'LUT':>7} {'FF':>7} {'BRAM':>5} {'DSP':>4}")
    for b, r in rows:
        print(f"  {b:{w}}  {r['LUT']:7} {r['FF']:7} {r['BRAM']:5} {r['DSP']:4}")
    print(f"  {'sum of blocks (synthesis)':{w}}  {hsum['LUT']:7} {hsum['FF']:7} {hsum['BRAM']:5} {hsum['DSP']:4}")
    print(f"  {'placed total (nextpnr)':{w}}  {placed['LUT']:7} {placed['FF']:7} {placed['BRAM']:5} {placed['DSP']:4}")
    print(f"  {'device capacity':{w}}  {cap['LUT']:7} {cap['FF']:7} {cap['BRAM']:5} {cap['DSP']:4}")
    pct = {k: 100.0 * placed[k] / cap[k] if cap[k] else 0.0 for k in COLS}
    print(f"  {'utilisation':{w}}  {pct['LUT']:6.1f}% {pct['FF']:6.1f}% {pct['BRAM']:4.1f}% {pct['DSP']:3.1f}%")
    for name, c in clocks.items():
        print(f"  Fmax {c['achieved']:.2f} MHz for clock {name}: {'met' if c['achieved'] >= c['constraint'] else 'NOT MET'}"
              f" at the constraint of {c['constraint']:g} MHz")
    if times:
        print("  build times: " + ", ".join(f"{k} {v} s" for k, v in times.items()))
    print(f"PERF fpga.{pname}.fmax {fmax:.2f} MHz")
    print(f"PERF fpga.{pname}.luts {placed['LUT']} LUT")

    out = {
        "board": a.board, "device": a.device, "constraint_mhz": a.freq, "fmax_mhz": round(fmax, 2),
        "timing_met": met, "blocks": dict(rows), "sum_of_blocks": hsum, "placed": placed,
        "capacity": cap, "stage_seconds": times,
        "perf": {f"fpga.{pname}.fmax": [round(fmax, 2), "MHz"], f"fpga.{pname}.luts": [placed["LUT"], "LUT"]},
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.bench)), exist_ok=True)
    with open(a.bench, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    if not met:
        print(f"fpga-report: TIMING NOT MET on {a.board}: {fmax:.2f} MHz < {a.freq:g} MHz", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
