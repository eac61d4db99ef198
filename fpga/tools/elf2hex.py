#!/usr/bin/env python3
"""elf2hex.py PROGRAM.elf OUT.hex [--bytes N] [--width 32|64] [--raw | --boot-kernel]: a tile's boot image.

Copies the loadable segments (PT_LOAD, file contents; .bss stays zero) of a
32-bit little-endian RISC-V ELF into an image of N bytes (default 65536, the
SPM) starting at address 0, and writes it as $readmemh text: one 32-bit word
per line (8 hex digits, little-endian words), every word of the SPM, and a
newline after the last word (Verilator 5.006 drops a last word without one).
--width 64: one 64-bit dword per line (16 hex digits, word 2k+1 in the upper
half), the rows of a tile_spm with a 64-bit port B (WideB = 1: the SPM of a
tile with a TCU, the memory tile). --raw: the input is a binary image copied
to address 0 as it is (a boot image for the memory tile, tools/mkboot.py).
--boot-kernel: the input is a boot image; its kernel module is the ELF (what
the simulator's --boot loads into the kernel tile; layout spec/boot.toml).
The same file initialises tile_spm (InitFile) and patches a bitstream (ecpbram).
"""
import argparse
import os
import struct
import sys
import tomllib


def load(path, size, elf=None):
    """The loadable segments of the ELF at path (or of the bytes elf) in size bytes."""
    if elf is None:
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


def boot_kernel(path):
    """The kernel module (an ELF) of the boot image at path."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "spec", "boot.toml"), "rb") as f:
        spec = tomllib.load(f)
    const = {c["name"]: c["value"] for c in spec["const"]}
    kind = {m["name"]: m["value"] for e in spec["enum"] if e["name"] == "KIND" for m in e["members"]}
    word = {g["name"]: [x["name"] for x in g["fields"]] for g in spec["fields"]}
    with open(path, "rb") as f:
        img = f.read()
    hdr_bytes = 4 * len(word["HDR"])
    if len(img) < hdr_bytes:
        sys.exit(f"elf2hex: {path}: not a boot image")
    hdr = dict(zip(word["HDR"], struct.unpack_from(f"<{len(word['HDR'])}I", img)))
    if hdr["MAGIC"] != const["MAGIC"]:
        sys.exit(f"elf2hex: {path}: not a boot image (no 'BOOT' magic)")
    for i in range(min(hdr["NMODS"], const["MAX_MODS"])):
        at = hdr_bytes + i * const["MOD_BYTES"]
        if at + const["MOD_BYTES"] > len(img):
            break
        mod = dict(zip(word["MOD"], struct.unpack_from(f"<{len(word['MOD'])}I", img, at)))
        if mod["KIND"] == kind["KERNEL"]:
            if mod["OFFSET"] + mod["SIZE"] > len(img):
                sys.exit(f"elf2hex: {path}: the kernel module lies outside the image")
            return img[mod["OFFSET"]:mod["OFFSET"] + mod["SIZE"]]
    sys.exit(f"elf2hex: {path}: no kernel module")


def load_raw(path, size):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) > size:
        sys.exit(f"elf2hex: {path}: {len(data)} bytes do not fit {size} bytes of memory")
    return bytearray(data) + bytearray(size - len(data))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("elf")
    ap.add_argument("out")
    ap.add_argument("--bytes", type=int, default=65536, help="SPM size in bytes")
    ap.add_argument("--width", type=int, default=32, choices=(32, 64), help="bits per line")
    ap.add_argument("--raw", action="store_true", help="the input is a binary image, not an ELF")
    ap.add_argument("--boot-kernel", action="store_true", help="the input is a boot image: its kernel")
    a = ap.parse_args()
    if a.bytes <= 0 or a.bytes % (a.width // 8):
        sys.exit(f"elf2hex: --bytes must be a positive multiple of {a.width // 8}")
    if a.raw:
        img = load_raw(a.elf, a.bytes)
    elif a.boot_kernel:
        img = load(a.elf, a.bytes, boot_kernel(a.elf))
    else:
        img = load(a.elf, a.bytes)
    if a.width == 64:
        words = struct.unpack(f"<{a.bytes // 8}Q", img)
        text = "".join(f"{w:016x}\n" for w in words)
    else:
        words = struct.unpack(f"<{a.bytes // 4}I", img)
        text = "".join(f"{w:08x}\n" for w in words)
    with open(a.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
