/*
 * rt_elf.c - ELF32 little-endian RISC-V executable loader (see rt_elf.h).
 * Two passes over the program headers: check all, then copy; the header
 * fields are decoded byte-wise, so the image needs no alignment.
 */
#include "rt_elf.h"

#include <string.h>

#include "spec/kif.h"

#define RT_ELF_EHDR 52u
#define RT_ELF_PHDR 32u
#define RT_ELF_PT_LOAD 1u
#define RT_ELF_ET_EXEC 2u
#define RT_ELF_EM_RISCV 243u
#define RT_ELF_CHUNK 128u

static uint32_t rt_elf_u16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rt_elf_u32(const uint8_t *p)
{
	return rt_elf_u16(p) | rt_elf_u16(p + 2) << 16;
}

struct rt_elf_seg {
	uint32_t off, addr, filesz, memsz;
};

/* a + b <= lim without overflow */
static int rt_elf_fits(uint32_t a, uint32_t b, uint32_t lim)
{
	return a <= lim && b <= lim - a;
}

static int rt_elf_phdrs(const struct rt_elf_io *io, const uint8_t *eh, struct rt_elf_seg *seg, unsigned *nseg)
{
	uint32_t phoff = rt_elf_u32(eh + 28), phnum = rt_elf_u16(eh + 44);
	uint8_t ph[RT_ELF_PHDR];
	int err;

	if (rt_elf_u16(eh + 42) != RT_ELF_PHDR || phnum == 0 || phnum > RT_ELF_MAX_PHDRS ||
	    !rt_elf_fits(phoff, phnum * RT_ELF_PHDR, io->img_size))
		return KIF_ERR_BAD_ELF;
	*nseg = 0;
	for (uint32_t i = 0; i < phnum; i++) {
		struct rt_elf_seg s;

		err = io->read(io->ctx, phoff + i * RT_ELF_PHDR, ph, RT_ELF_PHDR);
		if (err)
			return err;
		if (rt_elf_u32(ph) != RT_ELF_PT_LOAD)
			continue;
		s.off = rt_elf_u32(ph + 4);
		s.addr = rt_elf_u32(ph + 12); /* p_paddr: where the image goes */
		s.filesz = rt_elf_u32(ph + 16);
		s.memsz = rt_elf_u32(ph + 20);
		if (s.memsz == 0)
			continue;
		if (s.filesz > s.memsz || !rt_elf_fits(s.off, s.filesz, io->img_size) || s.addr < io->mem_lo ||
		    !rt_elf_fits(s.addr, s.memsz, io->mem_hi))
			return KIF_ERR_BAD_ELF;
		seg[(*nseg)++] = s;
	}
	return *nseg ? 0 : KIF_ERR_BAD_ELF;
}

int rt_elf_load(const struct rt_elf_io *io, uint32_t *entry)
{
	static const uint8_t ident[8] = {0x7f, 'E', 'L', 'F', 1 /* 32-bit */, 1 /* LE */, 1 /* version */, 0};
	struct rt_elf_seg seg[RT_ELF_MAX_PHDRS];
	uint8_t eh[RT_ELF_EHDR], buf[RT_ELF_CHUNK];
	unsigned nseg;
	int err;

	if (io->img_size < RT_ELF_EHDR)
		return KIF_ERR_BAD_ELF;
	err = io->read(io->ctx, 0, eh, RT_ELF_EHDR);
	if (err)
		return err;
	if (memcmp(eh, ident, 7) || rt_elf_u16(eh + 16) != RT_ELF_ET_EXEC || rt_elf_u16(eh + 18) != RT_ELF_EM_RISCV ||
	    rt_elf_u32(eh + 20) != 1 || rt_elf_u32(eh + 24) != io->mem_lo || rt_elf_u16(eh + 40) != RT_ELF_EHDR)
		return KIF_ERR_BAD_ELF;
	err = rt_elf_phdrs(io, eh, seg, &nseg);
	if (err)
		return err;
	for (unsigned i = 0; i < nseg; i++) {
		for (uint32_t d = 0; d < seg[i].memsz; d += RT_ELF_CHUNK) {
			uint32_t n = seg[i].memsz - d < RT_ELF_CHUNK ? seg[i].memsz - d : RT_ELF_CHUNK;
			uint32_t f = d < seg[i].filesz ? seg[i].filesz - d : 0;

			if (f > n)
				f = n;
			if (f) {
				err = io->read(io->ctx, seg[i].off + d, buf, f);
				if (err)
					return err;
			}
			memset(buf + f, 0, n - f);
			err = io->write(io->ctx, seg[i].addr + d, buf, n);
			if (err)
				return err;
		}
	}
	*entry = rt_elf_u32(eh + 24);
	return 0;
}
