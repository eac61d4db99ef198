#!/usr/bin/env python3
"""fit.py: does a synthesized design fit the device? (make fpga-fit)

Reads the "Device utilisation" table that nextpnr-ecp5 prints after packing
(--pack-only, so no placement is attempted) and prints LUT / FF / block RAM / DSP /
LUT-RAM against the device's capacity with a verdict:
  fits            every resource at most --margin percent (default 90) used
  tight           all fit, but some resource above the margin: placement and
                  routing may fail or run long
  does NOT fit    some resource above 100 %
and the line `PERF fpga-fit.<name>.luts <n> LUT` (through tools/perf.py, into
build/bench/fpga-fit.json). Exit status 0 in every case
(this is a report); 2 if the log has no utilisation table.
"""
import argparse
import re
import subprocess
import sys

# nextpnr cell type -> the report's name
KINDS = [("TRELLIS_COMB", "LUT"), ("TRELLIS_FF", "FF"), ("DP16KD", "BRAM"),
         ("MULT18X18D", "DSP"), ("TRELLIS_RAMW", "LUT-RAM")]


def utilisation(text):
    """{cell type: (used, available)} from the last table in a nextpnr log."""
    part = text.rsplit("Device utilisation:", 1)
    if len(part) < 2:
        return None
    out = {}
    for line in part[1].splitlines()[1:]:
        m = re.match(r"Info:\s+(\w+):\s+(\d+)/\s*(\d+)", line)
        if not m:
            break
        out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--log", required=True, help="nextpnr log of the --pack-only run")
    ap.add_argument("--name", required=True, help="what was packed, for the PERF line")
    ap.add_argument("--what", default="", help="one line describing the design")
    ap.add_argument("--margin", type=float, default=90.0)
    ap.add_argument("--no-perf", action="store_true", help="print the verdict only (tests)")
    a = ap.parse_args()
    util = utilisation(open(a.log, errors="replace").read())
    if not util:
        print(f"fpga-fit: no utilisation table in {a.log} (see the log)", file=sys.stderr)
        return 2
    print(f"fpga-fit: {a.what or a.name}")
    worst = 0.0
    for cell, name in KINDS:
        used, avail = util.get(cell, (0, 0))
        pct = 100.0 * used / avail if avail else 0.0
        worst = max(worst, pct)
        print(f"  {name:8} {used:7} / {avail:6}  {pct:5.1f}%")
    if worst > 100.0:
        verdict = "does NOT fit"
    elif worst > a.margin:
        verdict = f"tight (above {a.margin:g}%: placement and routing may fail)"
    else:
        verdict = "fits"
    print(f"  verdict: {verdict}")
    if a.no_perf:
        return 0
    perf = f"PERF fpga-fit.{a.name}.luts {util.get('TRELLIS_COMB', (0, 0))[0]} LUT\n"
    subprocess.run([sys.executable, "tools/perf.py", "--config", "packed, not placed (make fpga-fit)"],
                   input=perf, text=True, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
