#!/usr/bin/env python3
"""Routed Fmax of one design placed and routed with several nextpnr seeds.

Reads <dir>/seed<N>.json (nextpnr --report) for every seed N, prints a table
(seed, Fmax, met or not at the constraint, the run's time and its routing's
time from <dir>/seed<N>.log when there is one, the critical path's start and
end cells with the hierarchy they share named once) and one line
`PERF fpga-seeds.<name>.seed<N> <MHz> MHz` per seed plus `.best`, then names
the best seed and the make command that builds the bitstream with it. Exit 1
when a seed's report is missing or unreadable.
  seeds.py --dir D --freq MHz --seeds "1 2 3" --name ulx3s-soc
"""
import argparse
import json
import os
import re
import sys


def fmax_of(report):
    clocks = report.get("fmax", {})
    return min((c["achieved"] for c in clocks.values()), default=0.0)


def worst_path(report):
    # the critical path of the system clock (skip paths to or from I/O)
    for p in report.get("critical_paths", []):
        if p.get("from", "").startswith("<") or p.get("to", "").startswith("<"):
            continue
        steps = p.get("path", [])
        if steps:
            return steps[0].get("from", {}).get("cell", "?"), steps[-1].get("to", {}).get("cell", "?")
    return "?", "?"


def times_of(log_path):
    # (whole run, routing) in seconds from a seed's log: the routers' own "RouterN time"
    # lines and stage.sh's closing "stage: N s" line; None where the log does not say
    total, route = None, None
    try:
        with open(log_path, errors="replace") as f:
            for line in f:
                m = re.match(r"Info: Router\d time ([0-9.]+)s", line)
                if m:
                    route = (route or 0.0) + float(m.group(1))
                m = re.match(r"stage: (\d+) s", line)
                if m:
                    total = float(m.group(1))
    except OSError:
        pass
    return total, route


def secs(t):
    return f"{t:5.0f} s" if t is not None else f"{'-':>7}"


def path_text(src, dst):
    # "block: a -> b" with the hierarchy both cells share named once
    sp, dp = src.split("."), dst.split(".")
    n = 0
    while n < min(len(sp), len(dp)) - 1 and sp[n] == dp[n]:
        n += 1
    common = ".".join(sp[:n])
    rest = f"{'.'.join(sp[n:])} -> {'.'.join(dp[n:])}"
    return f"{common}: {rest}" if common else rest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--freq", type=float, required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--name", required=True)
    a = ap.parse_args()
    rows, missing = [], []
    for s in a.seeds.split():
        path = os.path.join(a.dir, f"seed{s}.json")
        if not os.path.exists(path):
            missing.append(s)
            continue
        try:
            with open(path) as f:
                rep = json.load(f)
        except (OSError, ValueError) as e:
            print(f"fpga-seeds: seed {s}: unreadable report {path}: {e}", file=sys.stderr)
            missing.append(s)
            continue
        rows.append((s, fmax_of(rep), worst_path(rep), times_of(os.path.join(a.dir, f"seed{s}.log"))))
    print(f"fpga-seeds: {a.name} placed and routed at {a.freq:g} MHz, one seed per run")
    print(f"  {'seed':>4}  {'Fmax':>9}  {'':8}  {'run':>7}  {'route':>7}  critical path (from -> to)")
    for s, f, (src, dst), (total, route) in rows:
        verdict = "met" if f >= a.freq else "NOT MET"
        print(f"  {s:>4}  {f:6.2f} MHz  {verdict:8}  {secs(total)}  {secs(route)}  {path_text(src, dst)}")
    for s, f, _, _ in rows:
        print(f"PERF fpga-seeds.{a.name}.seed{s} {f:.2f} MHz")
    if rows:
        best = max(rows, key=lambda r: r[1])
        print(f"PERF fpga-seeds.{a.name}.best {best[1]:.2f} MHz")
        met = [r for r in rows if r[1] >= a.freq]
        print(f"fpga-seeds: best seed {best[0]}: {best[1]:.2f} MHz; {len(met)} of {len(rows)} seeds meet {a.freq:g} MHz"
              + (f" (bitstream: make bitstream SEED={best[0]} FREQ={a.freq:g} ...)" if met else ""))
    if missing:
        print(f"fpga-seeds: no readable report for seed(s) {' '.join(missing)} (see {a.dir}/seed<N>.log)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
