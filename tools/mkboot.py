#!/usr/bin/env python3
"""Build a boot image from a boot configuration (layout: spec/boot.toml).

  mkboot.py CONFIG -o IMAGE [--list]

A configuration is a text file, one directive per line (# starts a comment; paths
are relative to the current directory, words split like a shell):
  mesh 2x2                          mesh the image is for (kernel tile 0, memory tile last)
  kernel PATH.elf                   the kernel (the simulator loads it into tile 0)
  root PATH.elf tile=N [args="..."] the root program (the kernel loads it into tile N)
  prog NAME PATH.elf tile=N [args="..."]   a program root starts on tile N
  serv NAME PATH.elf tile=N [args="..."]   the same for a service (its service capability
                                    goes to every program listed after it)
  data NAME PATH                    a data module
ELF modules are stripped to their loadable segments (no sections or debug info); raw=1
on a root/prog line keeps the file as it is (tests with malformed images).
Errors (unknown directive, a tile that is no free processing tile, too many modules,
arguments that do not fit the argument block, ...) name the line and exit 1.
"""
import os
import shlex
import struct
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def spec():
    with open(os.path.join(ROOT, "spec", "boot.toml"), "rb") as f:
        s = tomllib.load(f)
    c = {k["name"]: k["value"] for k in s["const"]}
    kinds = {m["name"]: m["value"] for e in s["enum"] if e["name"] == "KIND" for m in e["members"]}
    flagbits = {m["name"]: m["value"] for e in s["enum"] if e["name"] == "FLAG" for m in e["members"]}
    groups = {}
    for g in s["fields"]:
        names, lsb = [], 0
        for fld in g["fields"]:
            assert fld["width"] == 32 and fld.get("lsb", lsb) == lsb, "boot layouts are 32-bit words"
            names.append(fld["name"])
            lsb += 32
        groups[g["name"]] = names
    return c, kinds, flagbits, groups


def words(names, values):
    return struct.pack("<%dI" % len(names), *[values.get(n, 0) for n in names])


def fail(where, msg):
    sys.exit(f"mkboot: {where}: {msg}")


def parse(path, c, kinds, flagbits):
    mesh, mods = None, []
    with open(path) as f:
        lines = f.read().splitlines()
    for no, line in enumerate(lines, 1):
        where = f"{path}:{no}"
        try:
            w = shlex.split(line, comments=True)
        except ValueError as e:
            fail(where, str(e))
        if not w:
            continue
        opts = {}
        pos = []
        for x in w[1:]:
            if "=" in x:
                k, v = x.split("=", 1)
                opts[k] = v
            else:
                pos.append(x)
        d = w[0]
        if d == "mesh":
            try:
                mx, my = (int(v) for v in pos[0].split("x"))
            except (ValueError, IndexError):
                fail(where, "mesh wants COLSxROWS, e.g. 2x2")
            if mx * my < 3 or mx > 15 or my > 15:
                fail(where, f"mesh {mx}x{my}: needs 3 .. 225 tiles")
            mesh = (mx, my)
            continue
        if d in ("kernel", "root"):
            pos = [d] + pos
        elif d not in ("prog", "serv", "data"):
            fail(where, f"unknown directive '{d}'")
        if len(pos) != 2:
            fail(where, f"{d}: wants {'NAME ' if d in ('prog', 'serv', 'data') else ''}PATH")
        name, file = pos
        if len(name.encode()) > c["NAME_BYTES"]:
            fail(where, f"name '{name}' longer than {c['NAME_BYTES']} bytes")
        run = d in ("root", "prog", "serv")
        bad = set(opts) - ({"tile", "args", "raw"} if run else set())
        if bad:
            fail(where, f"{d}: unknown option(s) {', '.join(sorted(bad))}")
        if run and "tile" not in opts:
            fail(where, f"{d}: needs tile=N")
        try:
            data = open(file, "rb").read()
        except OSError as e:
            fail(where, f"{file}: {e.strerror}")
        if d != "data" and data[:4] != b"\x7fELF":
            fail(where, f"{file}: not an ELF file")
        args = b""
        if run:
            args = b"\0".join(a.encode() for a in [name] + shlex.split(opts.get("args", ""))) + b"\0"
            if len(args) > c["ENV_SIZE"] - 16:
                fail(where, f"arguments need {len(args)} bytes, the block holds {c['ENV_SIZE'] - 16}")
        try:
            tile = int(opts.get("tile", "0"), 0)
        except ValueError:
            fail(where, f"tile={opts['tile']}: not a number")
        kind = kinds["PROG" if d == "serv" else d.upper()]
        flags = flagbits["SERVICE"] if d == "serv" else 0
        if d != "data" and len(data) >= 52 and data[:4] == b"\x7fELF":
            data = strip_elf(data, where) if not opts.get("raw") else data
        mods.append({"where": where, "kind": kind, "flags": flags, "name": name, "data": data, "tile": tile,
                     "args": args})
    if mesh is None:
        fail(path, "no 'mesh' line")
    n = mesh[0] * mesh[1]
    used = {}
    for m in mods:
        if m["kind"] in (kinds["ROOT"], kinds["PROG"]):
            if not 0 < m["tile"] < n - 1:
                fail(m["where"], f"tile {m['tile']} is no processing tile of a {mesh[0]}x{mesh[1]} mesh (1 .. {n - 2})")
            if m["tile"] in used:
                fail(m["where"], f"tile {m['tile']} already runs {used[m['tile']]}")
            used[m["tile"]] = m["name"]
    for k in ("KERNEL", "ROOT"):
        cnt = sum(m["kind"] == kinds[k] for m in mods)
        if cnt != 1:
            fail(path, f"needs exactly one '{k.lower()}' line, has {cnt}")
    if sum(m["flags"] & flagbits["SERVICE"] != 0 for m in mods) > c["MAX_SERVS"]:
        fail(path, f"more than {c['MAX_SERVS']} services")
    if len(mods) > c["MAX_MODS"]:
        fail(path, f"{len(mods)} modules, at most {c['MAX_MODS']}")
    return mesh, mods


def strip_elf(data, where):
    """Keep only what a loader reads: header, program headers, PT_LOAD contents (no sections,
    no debug info). Non-loadable program headers keep their type with no file bytes."""
    if len(data) < 52 or data[4] != 1 or data[5] != 1:
        fail(where, "not a 32-bit little-endian ELF")
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    if phentsize != 32 or phoff + 32 * phnum > len(data):
        fail(where, "bad program headers")
    out_ph, body, off = [], b"", 52 + 32 * phnum
    for i in range(phnum):
        ph = list(struct.unpack_from("<8I", data, phoff + 32 * i))
        if ph[0] == 1 and ph[4]:
            pad = (-off) % 4
            body += b"\0" * pad
            off += pad
            seg = data[ph[1]:ph[1] + ph[4]]
            if len(seg) != ph[4]:
                fail(where, f"segment {i} past the end of the file")
            ph[1] = off
            body += seg
            off += len(seg)
        else:
            ph[1], ph[4] = 0, 0
        out_ph.append(struct.pack("<8I", *ph))
    hdr = bytearray(data[:52])
    struct.pack_into("<I", hdr, 28, 52)            # e_phoff
    struct.pack_into("<I", hdr, 32, 0)             # e_shoff
    struct.pack_into("<HHH", hdr, 46, 0, 0, 0)     # e_shentsize, e_shnum, e_shstrndx
    return bytes(hdr) + b"".join(out_ph) + body


def build(mesh, mods, c, kinds, groups):
    align = c["ALIGN"]
    hdr_len = len(groups["HDR"]) * 4
    off = hdr_len + len(mods) * c["MOD_BYTES"]
    body, entries = b"", []
    for m in mods:
        def place(blob):
            nonlocal off, body
            pad = (-off) % align
            body += b"\0" * pad
            off += pad
            at = off
            body += blob
            off += len(blob)
            return at
        data_off = place(m["data"])
        args_off = place(m["args"]) if m["args"] else 0
        name = m["name"].encode().ljust(c["NAME_BYTES"], b"\0")
        v = {"KIND": m["kind"], "OFFSET": data_off, "SIZE": len(m["data"]), "TILE": m["tile"],
             "ARGS_OFF": args_off, "ARGS_SIZE": len(m["args"]), "FLAGS": m["flags"]}
        for i in range(4):
            v[f"NAME{i}"] = struct.unpack_from("<I", name, 4 * i)[0]
        entries.append(words(groups["MOD"], v))
    root = next(m for m in mods if m["kind"] == kinds["ROOT"])
    hdr = words(groups["HDR"], {"MAGIC": c["MAGIC"], "VERSION": c["VERSION"], "SIZE": off, "NMODS": len(mods),
                                "MESH_X": mesh[0], "MESH_Y": mesh[1], "ROOT_TILE": root["tile"]})
    return hdr + b"".join(entries) + body


def main():
    args = sys.argv[1:]
    out, listing = None, False
    if "-o" in args:
        i = args.index("-o")
        if i + 1 >= len(args):
            sys.exit("mkboot: -o needs a file name")
        out = args[i + 1]
        del args[i:i + 2]
    if "--list" in args:
        listing = True
        args.remove("--list")
    if len(args) != 1 or out is None:
        sys.exit("usage: mkboot.py CONFIG -o IMAGE [--list]")
    c, kinds, flagbits, groups = spec()
    mesh, mods = parse(args[0], c, kinds, flagbits)
    img = build(mesh, mods, c, kinds, groups)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        f.write(img)
    if listing:
        names = {v: k.lower() for k, v in kinds.items()}
        print(f"mkboot: {out}: {len(img)} bytes, {mesh[0]}x{mesh[1]} mesh, {len(mods)} modules")
        for m in mods:
            tile = f"tile {m['tile']}" if m["kind"] in (kinds["ROOT"], kinds["PROG"]) else ""
            kind = "serv" if m["flags"] else names[m["kind"]]
            print(f"  {kind:6} {m['name']:16} {len(m['data']):7} bytes  {tile}")


if __name__ == "__main__":
    main()
