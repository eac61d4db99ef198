#!/usr/bin/env python3
"""Collect benchmark figures.

Reads text (files given, or stdin), keeps every line `PERF <suite>.<name> <value> <unit>`,
echoes them, and merges them into build/bench/<suite>.json (one object per suite:
{"suite": ..., "config": ..., "figures": {name: {"value": v, "unit": u}}}).
  perf.py [--config "text"] [files...]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = re.compile(r"^PERF ([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+) (-?[0-9.eE+-]+) (\S+)\s*$")


def main():
    args = sys.argv[1:]
    config = ""
    if args[:1] == ["--config"]:
        config, args = args[1], args[2:]
    text = "".join(open(f).read() for f in args) if args else sys.stdin.read()
    suites = {}
    for line in text.splitlines():
        m = LINE.match(line.strip())
        if m:
            suite, name, value, unit = m.groups()
            suites.setdefault(suite, {})[name] = {"value": float(value), "unit": unit}
            print(line.strip())
    if not suites:
        sys.exit("perf: no PERF lines found")
    outdir = os.path.join(ROOT, "build", "bench")
    os.makedirs(outdir, exist_ok=True)
    for suite, figs in suites.items():
        path = os.path.join(outdir, f"{suite}.json")
        data = {"suite": suite, "config": config, "figures": {}}
        if os.path.exists(path):
            with open(path) as f:
                data = json.load(f)
        data["figures"].update(figs)
        if config:
            data["config"] = config
        with open(path, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
        print(f"perf: wrote {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
