#!/usr/bin/env python3
"""Static stack check of the kernel as compiled for the kernel tile (rv32).

Reads the call-graph files GCC writes with -fcallgraph-info=su (one <src>.ci per
object) and checks, for the whole kernel:
  * no recursion: the call graph (across files) has no cycle;
  * no dynamic stack: every frame has a static size (no VLA, no alloca);
  * worst-case stack of each entry point = the heaviest call path, in bytes.
Indirect calls are resolved with --indirect CALLER=CALLEE (e.g. the revoke
callback); the remaining ones are calls into the platform (TCU driver), which
the report counts separately. Calls to functions outside the kernel (libc:
memcpy, memset, snprintf) are listed as external leaves.

  kstack.py DIR [--entry NAME ...] [--indirect CALLER=CALLEE ...] [--skip FILE.c ...]

Exit status 1 on recursion, dynamic frames, an unknown entry point or no input.
"""
import argparse
import glob
import os
import re
import sys

NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
SIZE = re.compile(r"(\d+) bytes \(([a-z,]+)\)")
INDIRECT = "__indirect_call"


def load(d, skip):
    frames, calls, defined_in = {}, {}, {}
    files = sorted(f for f in glob.glob(os.path.join(d, "*.ci")) if os.path.basename(f)[:-3] not in skip)
    for f in files:
        text = open(f).read()
        for title, label in NODE.findall(text):
            m = SIZE.search(label.replace("\\n", " "))
            if m:
                frames[title] = (int(m.group(1)), m.group(2))
                defined_in[title] = os.path.basename(f)[:-3]
        for src, dst in EDGE.findall(text):
            calls.setdefault(src, []).append(dst)
    return files, frames, calls


def resolve(name, frames):
    """An external reference 'f' names the definition 'f' (global) if there is one."""
    return name if name in frames else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--entry", action="append", default=[])
    ap.add_argument("--indirect", action="append", default=[])
    ap.add_argument("--skip", action="append", default=[])
    a = ap.parse_args()
    files, frames, calls = load(a.dir, set(a.skip))
    if not files:
        print(f"kstack: no .ci files in {a.dir}")
        return 1
    ind = {}
    for spec in a.indirect:
        src, dst = spec.split("=", 1)
        ind.setdefault(src, []).append(dst)
    bad = [f"{n} ({kind})" for n, (_, kind) in frames.items() if kind != "static"]
    if bad:
        print("kstack: frames that are not static: " + ", ".join(sorted(bad)))
        return 1
    # adjacency over defined functions; platform calls and libc leaves noted
    adj, plat, ext = {}, {}, set()
    for f in frames:
        out = []
        for dst in calls.get(f, []):
            if dst == INDIRECT:
                name = f.split(":")[-1]
                targets = ind.get(name)
                if targets is None:
                    plat[f] = plat.get(f, 0) + 1
                    continue
                for t in targets:
                    r = resolve(t, frames) or next((x for x in frames if x.endswith(":" + t)), None)
                    if r is None:
                        print(f"kstack: --indirect target {t} not found")
                        return 1
                    out.append(r)
                continue
            r = resolve(dst, frames)
            if r is None:
                ext.add(dst)
                continue
            out.append(r)
        adj[f] = out
    # cycle check and heaviest path: iterative DFS with colours
    colour, cost, via = {}, {}, {}
    for root in frames:
        if root in colour:
            continue
        stack = [(root, iter(adj[root]))]
        colour[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                stack.pop()
                colour[node] = 2
                best, arg = 0, None
                for d in adj[node]:
                    if cost[d] > best:
                        best, arg = cost[d], d
                cost[node] = frames[node][0] + best
                via[node] = arg
                continue
            c = colour.get(nxt, 0)
            if c == 1:
                cyc = [n for n, _ in stack] + [nxt]
                print("kstack: RECURSION: " + " -> ".join(cyc[cyc.index(nxt):]))
                return 1
            if c == 0:
                colour[nxt] = 1
                stack.append((nxt, iter(adj[nxt])))
    reach_plat = {}
    for f in frames:
        reach_plat[f] = f in plat
    # does an entry reach a platform call? (propagate over the DAG in cost order)
    for f in sorted(frames, key=lambda n: cost[n]):
        if any(reach_plat[d] for d in adj[f]):
            reach_plat[f] = True
    print(f"kstack: {len(files)} objects, {len(frames)} functions, call graph acyclic (no recursion), "
          f"all frames static")
    for e in a.entry:
        if e not in frames:
            print(f"kstack: entry {e} not found")
            return 1
        path, n = [], e
        while n:
            path.append(n.split(":")[-1])
            n = via[n]
        extra = " + the frame of one platform call" if reach_plat[e] else ""
        print(f"kstack: worst-case stack {e}: {cost[e]} bytes{extra} ({' > '.join(path)})")
    print(f"kstack: {sum(plat.values())} platform call sites; external leaves: {', '.join(sorted(ext)) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
