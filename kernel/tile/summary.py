#!/usr/bin/env python3
"""Echo a boot run's console (stdin) and end with a one-screen summary: what ran where,
messages, syscalls, cycles. Exit status 1 unless the kernel reported root's exit code 0."""
import re
import sys


def main():
    text = sys.stdin.read()
    sys.stdout.write(text)
    acts, codes = {}, {}
    for m in re.finditer(r"root: started (\S+) on tile (\d+) \(activity (\d+)\)(.*)", text):
        acts[int(m.group(2))] = (m.group(1), int(m.group(3)), "service" if "service" in m.group(4) else "")
    for m in re.finditer(r"root: (\S+) +tile (\d+) exit (-?\d+)(.*)", text):
        codes[int(m.group(2))] = m.group(3) + m.group(4)
    k = re.search(r"kernel: (\d+)x(\d+) mesh, memory tile (\d+); root is activity (\d+) on tile (\d+) \((.*)\)", text)
    done = re.search(r"kernel: root exited with code (-?\d+) after (\d+) cycles; (\d+) syscalls \((\d+) errors, "
                     r"(\d+) dropped\), (\d+) replies, (\d+) service requests", text)
    store = re.search(r"store: served (\d+) sessions, (\d+) client messages, (\d+) kernel requests", text)
    sim = re.search(r"sim: (\d+) cycles in", text)
    print("\n===================== summary =====================")
    if not k or not done:
        print("the kernel did not report root's exit: the run failed")
        sys.exit(1)
    mx, my, mt, ract, rtile = (int(k.group(i)) for i in range(1, 6))
    print(f"{mx}x{my} mesh, boot: {k.group(6)}")
    print(f"{'tile':>4}  {'what':<12} {'activity':>8}  exit")
    for t in range(mx * my):
        if t == 0:
            row = ("kernel", "", "")
        elif t == mt:
            row = ("memory", "", "(boot image)")
        elif t == rtile:
            row = ("root", str(ract), done.group(1))
        elif t in acts:
            name, a, kind = acts[t]
            row = (name + (" (srv)" if kind else ""), str(a), codes.get(t, "?"))
        else:
            row = ("idle", "", "")
        print(f"{t:>4}  {row[0]:<12} {row[1]:>8}  {row[2]}")
    if store:
        print(f"messages: {store.group(2)} client messages to the store over {store.group(1)} sessions, "
              f"{store.group(3)} kernel requests to it")
    print(f"syscalls: {done.group(3)} ({done.group(4)} answered with an error, {done.group(5)} dropped), "
          f"{done.group(7)} service requests")
    print(f"cycles: {done.group(2)} from root's start to its exit" + (f" ({sim.group(1)} simulated)" if sim else ""))
    sys.exit(0 if done.group(1) == "0" else 1)


if __name__ == "__main__":
    main()
