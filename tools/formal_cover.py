#!/usr/bin/env python3
"""formal_cover.py IN.il OUT.il: turn every cover(c) of an RTLIL design into
assert(!c) and drop the design's other assertions beforehand (run
`chformal -remove -assert` first). A model checker's counterexample to
assert(!c) is a trace that reaches the cover, so ABC bmc3 can check covers
(tools/formal.sh). Prints one line per cover: its index and source location.
"""
import re
import sys


def main(src, dst):
    lines = open(src).read().split("\n")
    out, k, i = [], 0, 0
    while i < len(lines):
        m = re.match(r"(\s*)cell \$cover (\S+)$", lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        ind = m.group(1)
        a = re.match(r"\s*connect \\A (.*)$", lines[i + 1])
        en = re.match(r"\s*connect \\EN (.*)$", lines[i + 2])
        if not a or not en or lines[i + 3].strip() != "end":
            sys.exit(f"formal_cover: unexpected $cover cell layout at line {i + 1}")
        where = out[-1].strip() if out and out[-1].strip().startswith("attribute \\src") else ""
        print(k, where.replace("attribute \\src ", "").strip('"'))
        out += [
            f"{ind}wire $cover_not_{k}",
            f"{ind}cell $not $cover_inv_{k}",
            f"{ind}  parameter \\A_SIGNED 0",
            f"{ind}  parameter \\A_WIDTH 1",
            f"{ind}  parameter \\Y_WIDTH 1",
            f"{ind}  connect \\A {a.group(1)}",
            f"{ind}  connect \\Y $cover_not_{k}",
            f"{ind}end",
        ]
        if where:
            out.append(f"{ind}{where}")
        out += [
            f"{ind}cell $assert $cover_as_assert_{k}",
            f"{ind}  connect \\A $cover_not_{k}",
            f"{ind}  connect \\EN {en.group(1)}",
            f"{ind}end",
        ]
        k += 1
        i += 4
    open(dst, "w").write("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
