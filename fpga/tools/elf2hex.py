#!/usr/bin/env python3
"""elf2hex.py PROGRAM.elf OUT.hex [--bytes N]: the SPM boot image of a tile.

Copies the loadable segments (PT_LOAD, file contents; .bss stays zero) of a
32-bit little-endian RISC-V ELF into an image of N bytes (default 65536, the
SPM) starting at address 0, and writes it as $readmemh text: one 32-bit word
per line (8 hex digits, little-endian words), every word of the SPM, and a
newline after the last word (Verilator 5.006 drops a last word without one).
The same file initialises tile_spm (InitFile) and patches a bitstream (ecpbram).
"""
import argparse
import struct
import sys


def load(path, size):
    with open(path, "rb") as f:
        elf = f.read()
    if elf[:4] != b"\x7fELF" or elf[4] != 1 or elf[5] != 1:
        sys.exit(f"elf2hex: {path}: not a 32-bit little-endian ELF")
    phoff, = struct.unpack_from("<I", elf, 28)
    phentsize, phnum = struct.unpack_from("<HH", elf, 42)
    img = bytearray(size)
    for i in range(phnum):
        p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz = struct.unpack_from("<IIIIII", elf, phoff + i * phentsize)
        if p_type != 1 or p_filesz == 0:  # PT_LOAD with contents
            continue
        if p_paddr + p_memsz > size:
            sys.exit(f"elf2hex: {path}: segment at 0x{p_paddr:08x} (+{p_memsz} bytes) does not fit {size} bytes of SPM")
        img[p_paddr:p_paddr + p_filesz] = elf[p_offset:p_offset + p_filesz]
    return img


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("elf")
    ap.add_argument("out")
    ap.add_argument("--bytes", type=int, default=65536, help="SPM size in bytes")
    a = ap.parse_args()
    if a.bytes <= 0 or a.bytes % 4:
        sys.exit("elf2hex: --bytes must be a positive multiple of 4")
    img = load(a.elf, a.bytes)
    words = struct.unpack(f"<{a.bytes // 4}I", img)
    with open(a.out, "w") as f:
        f.write("".join(f"{w:08x}\n" for w in words))


if __name__ == "__main__":
    main()
