#!/usr/bin/env python3
"""ooc_report.py --block B --dir D --freq MHz: Fmax and critical path of an out-of-context build.

Reads nextpnr's --report JSON (D/pnr.json), the synthesized netlist (D/synth.json,
for each cell's and net's RTL source: Yosys' src attribute) and the stage times
(D/stage-times.tsv). Prints the achieved Fmax, the utilisation, the critical
path step by step (cell, net = RTL signal where it has a name, source line),
its logic levels and logic/routing delay split, and a PERF line
`PERF fpga-ooc.<block>.fmax <MHz> MHz` (merged into build/bench/fpga-ooc.json by
tools/perf.py).
"""
import argparse
import json
import os
import re
import subprocess
import sys


def short_src(src):
    """'rtl/tcu/tcu_cmd.v:345.3-346.20|...' -> 'tcu_cmd.v:345' (first location)."""
    if not src:
        return ""
    first = src.split("|")[0]
    m = re.match(r"(.*?):(\d+)", first)
    if not m:
        return first
    return f"{os.path.basename(m.group(1))}:{m.group(2)}"


def strip_dut(name):
    return name[len("u_dut."):] if name.startswith("u_dut.") else name


def is_rtl(src):
    """A source location in the project (not a Yosys techmap library)."""
    return bool(src) and "/share/" not in src.split("|")[0] and "techlibs" not in src


def anchor(net):
    """The RTL name Yosys' autoname built a net's name from: the text before the first cell suffix."""
    n = strip_dut(net)
    m = re.search(r"_(TRELLIS_FF|LUT4|PFUMX|L6MUX21|CCU2C|DPRAM|TRELLIS_DPR16X4)", n)
    n = n[:m.start()] if m else n
    n = re.sub(r"\$.*", "", n)
    return n or "?"


def load_netlist(path):
    """Cells (name -> (type, project src)) and net bits (nextpnr net name -> RTL names)."""
    try:
        with open(path) as f:
            nl = json.load(f)
    except (OSError, ValueError):
        return {}, {}
    mod = nl.get("modules", {}).get("fpga_ooc", {})
    cells = {}
    for n, c in mod.get("cells", {}).items():
        src = c.get("attributes", {}).get("src", "")
        cells[n] = (c.get("type", ""), src if is_rtl(src) else "")
    # every bit's names that come from the RTL (src in the project), shortest first
    rtl_names = {}
    bit_of = {}
    own_src = {}
    for n, v in mod.get("netnames", {}).items():
        bits = v.get("bits", [])
        off = int(v.get("offset", 0))
        src = v.get("attributes", {}).get("src", "")
        for i, b in enumerate(bits):
            key = n if len(bits) == 1 else f"{n}[{i + off}]"
            bit_of[key] = b
            own_src[key] = src if is_rtl(src) else ""
            autoname = re.search(r"_(TRELLIS_FF|LUT4|PFUMX|L6MUX21|CCU2C)_", n)
            if is_rtl(src) and not v.get("hide_name", 0) and not autoname and isinstance(b, int):
                rtl_names.setdefault(b, []).append((key, src))
    nets = {}
    for key, b in bit_of.items():
        names = sorted(rtl_names.get(b, []), key=lambda t: len(t[0]))
        if not names and own_src[key]:
            names = [(key, own_src[key])]  # an arithmetic cell's net: its RTL line
        nets[key] = names
    return cells, nets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--block", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--freq", type=float, required=True)
    a = ap.parse_args()
    try:
        with open(os.path.join(a.dir, "pnr.json")) as f:
            rep = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"ooc_report: no nextpnr report in {a.dir} ({e}): run make fpga-ooc BLOCK={a.block}")
    cells, nets = load_netlist(os.path.join(a.dir, "synth.json"))

    times = {}
    tpath = os.path.join(a.dir, "stage-times.tsv")
    if os.path.exists(tpath):
        for line in open(tpath):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 2:
                times[f[0]] = f[1]

    fmax = None
    for clk, v in rep.get("fmax", {}).items():
        if fmax is None or v["achieved"] < fmax:
            fmax = v["achieved"]
    util = rep.get("utilization", {})

    def u(k):
        v = util.get(k, {})
        return f"{v.get('used', 0)}/{v.get('available', 0)}"

    print(f"fpga-ooc: {a.block} on the ECP5 (out of context, reg to reg)")
    print(f"  Fmax {fmax:.1f} MHz at a {a.freq:g} MHz constraint" if fmax is not None else "  Fmax: none reported")
    print(f"  placed: LUT (TRELLIS_COMB) {u('TRELLIS_COMB')}, FF {u('TRELLIS_FF')}, block RAM {u('DP16KD')}, "
          f"DSP {u('MULT18X18D')} (with the wrapper's shift chain and MISR)")
    if times:
        print("  runtime: " + ", ".join(f"{k} {v} s" for k, v in times.items()))

    for cp in rep.get("critical_paths", []):
        path = cp.get("path", [])
        if "<async>" in (cp.get("from"), cp.get("to")):
            tot = sum(x.get("delay", 0.0) for x in path)
            print(f"  pin path {cp.get('from')} -> {cp.get('to')}: {tot:.2f} ns (wrapper I/O, not the block)")
            continue
        total = sum(s.get("delay", 0.0) for s in path)
        logic = sum(s.get("delay", 0.0) for s in path if s.get("type") in ("logic", "clk-to-q", "source"))
        route = sum(s.get("delay", 0.0) for s in path if s.get("type") == "routing")
        # logic levels: slices the path enters between the two registers (a routed hop
        # with a delay leads into the next slice; carry chains and slice-internal muxes don't)
        hops = sum(1 for s in path if s.get("type") == "routing" and s.get("delay", 0.0) > 0.0)
        print(f"  critical path: {total:.2f} ns, {max(hops - 1, 0)} logic levels (slices between the registers), "
              f"cell delay {logic:.2f} ns, routing {route:.2f} ns")
        print(f"    {'step':<9} {'ns':>5} {'at':>6}  {'cell (type ports) / net':<40} {'RTL signal':<36} source")
        seen, carry_n, at = [], 0, 0.0
        for s in path:
            typ = s.get("type", "")
            d = s.get("delay", 0.0)
            at += d
            if typ == "routing":
                net = s.get("net", "")
                names = nets.get(net, [])
                if not names and d == 0.0:
                    continue  # inside a slice or a carry chain
                rtl = strip_dut(names[0][0]) if names else f"(near {anchor(net)})"
                if names and names[0][0] == net:
                    rtl = f"(near {anchor(net)})"
                src = short_src(names[0][1]) if names else ""
                print(f"    {typ:<9} {d:5.2f} {at:6.2f}  {strip_dut(net)[-40:]:<40} {rtl[-36:]:<36} {src}")
                seen.append(src or anchor(net))
            else:
                cell = s.get("to", {}).get("cell", "") or s.get("from", {}).get("cell", "")
                ctype, csrc = cells.get(cell, ("", ""))
                port = s.get("from", {}).get("port", "") + "->" + s.get("to", {}).get("port", "")
                if port == "FCI->FCO":
                    carry_n += 1
                    continue
                if carry_n:
                    print(f"    {'carry':<9} {'':>5} {'':>6}  ({carry_n} carry cells FCI->FCO, {2 * carry_n} bits)")
                    carry_n = 0
                label = f"{strip_dut(cell)[-28:]} ({ctype or 'packed'} {port})"
                print(f"    {typ:<9} {d:5.2f} {at:6.2f}  {label[-40:]:<40} {'':<36} {short_src(csrc)}")
                if csrc:
                    seen.append(short_src(csrc))
        trail = [x for i, x in enumerate(seen) if x and (i == 0 or x != seen[i - 1])]
        print("    RTL along the path: " + " -> ".join(trail))

    if fmax is not None:
        # PERF line, echoed and merged into build/bench/fpga-ooc.json by tools/perf.py
        perf = f"PERF fpga-ooc.{a.block}.fmax {fmax:.1f} MHz\n"
        subprocess.run([sys.executable, "tools/perf.py", "--config",
                        f"blocks out of context (make fpga-ooc), {a.freq:g} MHz constraint"],
                       input=perf, text=True, check=False)

if __name__ == "__main__":
    main()
