#!/usr/bin/env python3
"""Seed corpus for kernel/tests/fuzz_sys.c: one valid input per syscall (and a few
sequences through a service), in the fuzzer's record format, for its set-up state.

  fuzz_seeds.py OUTDIR

Opcodes come from the generated firmware/include/spec/kif.h (the ABI's one source).
"""
import os
import re
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def kif():
    text = open(os.path.join(ROOT, "firmware/include/spec/kif.h")).read()
    return {m.group(1): int(m.group(2), 0) for m in re.finditer(r"#define KIF_(\w+) (0x[0-9a-f]+|\d+)u", text)}


def main():
    out = sys.argv[1]
    k = kif()
    op = lambda name: k["SYS_" + name]
    R, A1, A2, A3 = 0, 1, 2, 3
    INV = 0xFFFFFFFF

    def sc(act, *words):
        return bytes([act, len(words)]) + b"".join(struct.pack("<I", w & 0xFFFFFFFF) for w in words)

    def srv(*words):
        return bytes([0xF0, len(words)]) + b"".join(struct.pack("<I", w) for w in words)

    seeds = {
        "noop": sc(R, op("NOOP")),
        "create_rgate": sc(R, op("CREATE_RGATE"), 30, 7, 1),
        "create_sgate": sc(R, op("CREATE_SGATE"), 30, 10, 7, 1),
        "create_mgate": sc(R, op("CREATE_MGATE"), 30, 0, 0x100, 0x100, 3),
        "derive_mem": sc(R, op("DERIVE_MEM"), 30, 14, 0, 0x100, 1),
        "create_act": sc(R, op("CREATE_ACT"), 30, 4, 8, 8, 4) + sc(R, op("ACT_START"), 30),
        "alloc_ep": sc(R, op("ALLOC_EP"), 30, 0, 7, 2) + sc(R, op("ACTIVATE"), 30, 10, 0),
        "activate": sc(R, op("ACTIVATE"), 60, 13, 0) + sc(R, op("ACTIVATE"), 61, 14, 0)
        + sc(R, op("ACTIVATE"), 61, INV, 0),
        "act_stop_start": sc(R, op("ACT_STOP"), 21) + sc(R, op("ACT_START"), 21),
        "act_wait_exit": sc(R, op("ACT_WAIT"), 21) + sc(A2, op("EXIT"), 5) + sc(R, op("REVOKE"), 21, 1),
        "exchange": sc(R, op("EXCHANGE"), 20, 13, 30, 2, 0) + sc(R, op("EXCHANGE"), 20, 30, 0, 1, 1),
        "create_serv": sc(R, op("CREATE_RGATE"), 30, 7, 2) + sc(R, op("ALLOC_EP"), 31, 0, 8, 0)
        + sc(R, op("ACTIVATE"), 31, 30, 0x9000) + sc(R, op("CREATE_SERV"), 32, 30),
        "open_sess": sc(A1, op("OPEN_SESS"), 30, 3, 1) + srv(0, 0x77),
        "xsess_obtain": sc(A1, op("EXCHANGE_SESS"), 4, 30, 1, 1, 0) + srv(0, 13, 1, 0),
        "xsess_delegate": sc(A1, op("EXCHANGE_SESS"), 4, 3, 1, 0, 1, 5) + srv(0, 40, 1, 1, 6),
        "sess_close": sc(A1, op("REVOKE"), 4, 1) + srv(0),
        "serv_gone": sc(A1, op("OPEN_SESS"), 30, 3, 1) + sc(R, op("REVOKE"), 12, 1) + srv(0, 1),
        "kill": sc(A3, op("NOOP")) + sc(R, op("REVOKE"), 20, 1),
        "revoke_rgate": sc(R, op("ACTIVATE"), 60, 13, 0) + sc(R, op("REVOKE"), 10, 1),
        "exit_root": sc(R, op("EXIT"), 1),
        "platform_fault": bytes([0xE0, 1]) + sc(R, op("ACTIVATE"), 61, 14, 0) + bytes([0xE1, 1])
        + sc(A3, op("EXIT"), 0),
        # regressions found by the fuzzer (harness side): an invalidation refused during
        # root's exit; the third standard-EP write of CREATE_ACT failing (undo restores)
        "regress_exit_inval_fault": bytes([0xED, 5]) + sc(R, op("EXIT"), 42),
        "regress_create_act_undo": bytes([0xE0, 3]) + sc(R, op("CREATE_ACT"), 30, 4, 8, 10, 4),
    }
    os.makedirs(out, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(f"fuzz_seeds: {len(seeds)} seeds in {out}")


if __name__ == "__main__":
    main()
