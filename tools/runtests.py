#!/usr/bin/env python3
"""Test runner: runs every test listed in the given tests.list files.

A tests.list line is
    name | expectation | shell command
run from the repository root. Expectations, joined with ' && ':
    exit=N        the command exits with status N
    exit!=N       the command exits with any status but N
    out~/REGEX/   its output (stdout + stderr) matches REGEX (Python re, multiline)
    out!~/REGEX/  its output does not match REGEX
Blank lines and lines starting with '#' are ignored.

Prints one line per test as it ends, the tail of the log of every failure, and
closes with the line `N passed, N failed`. Logs go to build/test-logs/<name>.log.
Options: -j N (parallel jobs, default: number of cores), -k PATTERN (only tests
whose name contains PATTERN), --list.
"""
import argparse
import concurrent.futures as cf
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANG_GUARD_S = 1800
# lines of a passing test's output shown in the summary: the figures tests print
FIGURE = re.compile(r"^(synth: |lint: .*FAIL|formal: |PERF |[KTN][0-9]+ )")  # a test still running after this is reported as hung (not a perf limit)


def parse(path):
    tests = []
    with open(path) as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|", 2)]
            if len(parts) != 3 or not parts[0] or not parts[2]:
                sys.exit(f"runtests: {path}:{no}: want 'name | expectation | command'")
            checks = []
            for e in parts[1].split(" && "):
                e = e.strip()
                m = re.fullmatch(r"exit(!?=)(-?\d+)|out(!?~)/(.*)/", e)
                if not m:
                    sys.exit(f"runtests: {path}:{no}: bad expectation '{e}'")
                checks.append(m.groups())
            tests.append((parts[0], checks, parts[2], f"{os.path.relpath(path, ROOT)}:{no}"))
    return tests


def judge(checks, rc, out):
    for op, val, rop, rx in checks:
        if op == "=" and rc != int(val):
            return f"exit status {rc}, expected {val}"
        if op == "!=" and rc == int(val):
            return f"exit status {rc}, expected anything else"
        if rop == "~" and not re.search(rx, out, re.M):
            return f"output does not match /{rx}/"
        if rop == "!~" and re.search(rx, out, re.M):
            return f"output matches /{rx}/"
    return None


def run(test, logdir):
    name, checks, cmd, where = test
    log = os.path.join(logdir, name.replace("/", "_") + ".log")
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, shell=True, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=HANG_GUARD_S)
        out, rc = p.stdout.decode(errors="replace"), p.returncode
        why = judge(checks, rc, out)
    except subprocess.TimeoutExpired as e:
        out, rc = (e.stdout or b"").decode(errors="replace"), -1
        why = f"still running after {HANG_GUARD_S} s (hang guard)"
    with open(log, "w") as f:
        f.write(f"# {where}\n$ {cmd}\n{out}\n# exit status {rc}\n")
    return name, why, time.monotonic() - t0, log, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lists", nargs="+")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-k", default="")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    tests = [t for path in a.lists for t in parse(path) if a.k in t[0]]
    names = [t[0] for t in tests]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f"runtests: duplicate test names: {', '.join(sorted(dup))}")
    if a.list:
        for t in tests:
            print(f"{t[0]:32} {t[3]}")
        return
    logdir = os.path.join(ROOT, "build", "test-logs")
    os.makedirs(logdir, exist_ok=True)
    passed, failed = 0, []
    print(f"runtests: {len(tests)} tests, {a.j} at a time; logs in build/test-logs/", flush=True)
    with cf.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
        for name, why, secs, log, out in ex.map(lambda t: run(t, logdir), tests):
            if why is None:
                passed += 1
                print(f"PASS {name} ({secs:.1f} s)", flush=True)
                for line in out.splitlines():
                    if FIGURE.match(line):
                        print(f"     | {line}")
            else:
                failed.append(name)
                print(f"FAIL {name} ({secs:.1f} s): {why}; log: {os.path.relpath(log, ROOT)}", flush=True)
                for line in out.rstrip().splitlines()[-15:]:
                    print(f"     | {line}")
    if failed:
        print("failed: " + " ".join(failed))
    print(f"{passed} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
