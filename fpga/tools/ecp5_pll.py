#!/usr/bin/env python3
"""ecp5_pll.py IN_MHZ OUT_MHZ: dividers of one ECP5 EHXPLLL (feedback from CLKOP)
for fpga_pll.v, as `ClkiDiv ClkfbDiv ClkopDiv HZ` (HZ: the output it achieves,
in Hz). Limits (ECP5 family data sheet): PFD 3.125..400 MHz, VCO 400..800 MHz,
output 3.125..400 MHz. Picks the smallest error, then the VCO nearest 600 MHz.
Fails (exit 1) when the error exceeds --tolerance (default 0.5 %)."""
import argparse
import sys


def solve(fin, fout):
    best = None
    for ci in range(1, 129):
        fpfd = fin / ci
        if not 3.125 <= fpfd <= 400:
            continue
        for fb in range(1, 81):
            f = fpfd * fb
            if not 3.125 <= f <= 400:
                continue
            for op in range(1, 129):
                vco = f * op
                if not 400 <= vco <= 800:
                    continue
                key = (abs(f - fout), abs(vco - 600))
                if best is None or key < best[0]:
                    best = (key, ci, fb, op, f)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fin", type=float)
    ap.add_argument("fout", type=float)
    ap.add_argument("--tolerance", type=float, default=0.5, help="allowed error in percent")
    a = ap.parse_args()
    best = solve(a.fin, a.fout)
    if best is None or best[0][0] > a.fout * a.tolerance / 100:
        sys.exit(f"ecp5_pll: no divider set gives {a.fout} MHz from {a.fin} MHz within {a.tolerance} %")
    _, ci, fb, op, f = best
    print(ci, fb, op, round(f * 1e6))


if __name__ == "__main__":
    main()
