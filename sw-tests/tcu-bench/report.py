#!/usr/bin/env python3
"""report.py - tables, CSV, PERF lines and plot data of the TCU benchmark.

  report.py OUTDIR NAME=FILE ...

Each FILE is the console output of one run (bench kernel + ping + pong). Prints the
tables and `PERF tcu.*` lines (pipe them through tools/perf.py), writes OUTDIR/tcu_rtt.csv
and OUTDIR/tcu_bw.csv (for tcu_bench.gp) and fails if a run did not pass its checks.
"""
import re
import sys

LINK_BPC = 8.0  # 64-bit flits, one per cycle
KV = re.compile(r"(\w+)=(\d+)")


def parse(path):
    rtt, hw, bw, ok = [], None, [], False
    for line in open(path):
        line = re.sub(r"^\[tile \d+\] ", "", line.strip())
        kv = {k: int(v) for k, v in KV.findall(line)}
        if line.startswith("RTT "):
            rtt.append(kv)
        elif line.startswith("HW "):
            hw = kv
        elif line.startswith("BW "):
            bw.append(kv)
        elif re.match(r"ping: \d+ checks, 0 failed", line):
            ok = True
    if not ok or not rtt or hw is None or not bw:
        sys.exit(f"report: {path}: incomplete or failed run")
    return rtt, hw, bw


def name(size):
    return f"{size // 1024}KiB" if size % 1024 == 0 else f"{size}B"


def main():
    outdir, runs = sys.argv[1], [a.split("=", 1) for a in sys.argv[2:]]
    data = [(n, *parse(p)) for n, p in runs]
    perf = []

    print("TCU round trip (software-visible: tcu_send .. tcu_wait returns; echo from the receive slot)")
    print(f"{'system':<10} {'hops':>4} {'payload B':>9} {'rounds':>6} {'min':>6} {'median':>6} {'p99':>6} {'max':>6}")
    with open(f"{outdir}/tcu_rtt.csv", "w") as f:
        f.write("system,hops,payload,rounds,min,median,p99,max\n")
        for n, rtt, _, _ in data:
            for r in rtt:
                print(f"{n:<10} {r['hops']:>4} {r['size']:>9} {r['rounds']:>6} {r['min']:>6} {r['med']:>6} "
                      f"{r['p99']:>6} {r['max']:>6}")
                f.write(f"{n},{r['hops']},{r['size']},{r['rounds']},{r['min']},{r['med']},{r['p99']},{r['max']}\n")
                sfx = f"{r['size']}B_{r['hops']}hop"
                perf.append(f"PERF tcu.rtt_{sfx} {r['med']} cycles")
                if r["size"] == 8:
                    perf.append(f"PERF tcu.rtt_{sfx}_min {r['min']} cycles")
                    perf.append(f"PERF tcu.rtt_{sfx}_p99 {r['p99']} cycles")
    print()
    print("Hardware-only SEND (COMMAND store -> message visible at the receiver; 8 B payload)")
    print(f"{'system':<10} {'hops':>4} {'min':>6} {'median':>6} {'max':>6} {'stamps':>7} {'stamp cost':>10}")
    for n, _, hw, _ in data:
        print(f"{n:<10} {hw['hops']:>4} {hw['min']:>6} {hw['med']:>6} {hw['max']:>6} {hw['raw_med']:>7} "
              f"{2 * hw['cal']:>10}")
        perf.append(f"PERF tcu.hw_send_{hw['hops']}hop {hw['med']} cycles")
    print()
    print(f"READ / WRITE through a memory EP onto the memory tile (link limit {LINK_BPC:g} B/cycle)")
    print(f"{'system':<10} {'hops':>4} {'bytes':>6} {'WRITE cyc':>9} {'B/cyc':>6} {'%link':>6} "
          f"{'READ cyc':>9} {'B/cyc':>6} {'%link':>6}")
    with open(f"{outdir}/tcu_bw.csv", "w") as f:
        f.write("system,hops,bytes,write_cycles,write_bpc,read_cycles,read_bpc\n")
        for i, (n, _, _, bw) in enumerate(data):
            for b in bw:
                wb, rb = b["size"] / b["write"], b["size"] / b["read"]
                print(f"{n:<10} {b['hops']:>4} {b['size']:>6} {b['write']:>9} {wb:>6.2f} {100 * wb / LINK_BPC:>5.1f}% "
                      f"{b['read']:>9} {rb:>6.2f} {100 * rb / LINK_BPC:>5.1f}%")
                f.write(f"{n},{b['hops']},{b['size']},{b['write']},{wb:.3f},{b['read']},{rb:.3f}\n")
                if i == 0:  # the first system gives the bandwidth figures
                    perf.append(f"PERF tcu.write_bw_{name(b['size'])} {wb:.3f} bytes/cycle")
                    perf.append(f"PERF tcu.read_bw_{name(b['size'])} {rb:.3f} bytes/cycle")
    print()
    print("\n".join(perf))


if __name__ == "__main__":
    main()
