/* sim_mem.c - memory backdoor over DPI, and the ELF loader. */
#include "sim_mem.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svdpi.h"

/* exported by rtl/tile/tile_spm.v (DPI) */
extern void spm_bd_write(int word, int data);
extern int spm_bd_read(int word);

static struct {
	svScope scope;
	uint32_t words;
} spm[SIM_MAX_TILES];

/* called by every tile_spm instance at time 0 */
void sim_spm_register(int tile, int words)
{
	if (tile < 0 || tile >= SIM_MAX_TILES) {
		fprintf(stderr, "sim: SPM registered with bad tile number %d\n", tile);
		exit(2);
	}
	spm[tile].scope = svGetScope();
	spm[tile].words = (uint32_t)words;
}

uint32_t sim_mem_size(int tile)
{
	if (tile < 0 || tile >= SIM_MAX_TILES)
		return 0;
	return spm[tile].words * 4;
}

static int check(int tile, uint32_t addr, size_t len)
{
	uint32_t size = sim_mem_size(tile);

	if (size == 0 || addr > size || len > size - addr)
		return -1;
	svSetScope(spm[tile].scope);
	return 0;
}

int sim_mem_write(int tile, uint32_t addr, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	if (check(tile, addr, len))
		return -1;
	while (len) {
		uint32_t w = addr / 4, off = addr % 4;
		size_t n = 4 - off < len ? 4 - off : len;
		uint32_t v = (uint32_t)spm_bd_read((int)w);

		for (size_t i = 0; i < n; i++) {
			v &= ~(0xffu << (8 * (off + i)));
			v |= (uint32_t)p[i] << (8 * (off + i));
		}
		spm_bd_write((int)w, (int)v);
		addr += n, p += n, len -= n;
	}
	return 0;
}

int sim_mem_read(int tile, uint32_t addr, void *buf, size_t len)
{
	uint8_t *p = buf;

	if (check(tile, addr, len))
		return -1;
	for (size_t i = 0; i < len; i++, addr++)
		p[i] = (uint8_t)((uint32_t)spm_bd_read((int)(addr / 4)) >> (8 * (addr % 4)));
	return 0;
}

int sim_mem_load_elf(int tile, const char *path, uint32_t *entry, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	Elf32_Ehdr eh;
	uint8_t *seg = NULL;
	int rc = -1;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fread(&eh, sizeof(eh), 1, f) != 1 || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS32 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh.e_machine != EM_RISCV || eh.e_type != ET_EXEC) {
		snprintf(err, errlen, "%s: not a 32-bit little-endian RISC-V executable", path);
		goto out;
	}
	if (sim_mem_size(tile) == 0) {
		snprintf(err, errlen, "tile %d has no loadable memory", tile);
		goto out;
	}
	for (int i = 0; i < eh.e_phnum; i++) {
		Elf32_Phdr ph;

		if (fseek(f, (long)(eh.e_phoff + (uint32_t)i * eh.e_phentsize), SEEK_SET) ||
		    fread(&ph, sizeof(ph), 1, f) != 1) {
			snprintf(err, errlen, "%s: truncated program header %d", path, i);
			goto out;
		}
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (ph.p_filesz > ph.p_memsz || ph.p_paddr > sim_mem_size(tile) ||
		    ph.p_memsz > sim_mem_size(tile) - ph.p_paddr) {
			snprintf(err, errlen, "%s: segment 0x%x+0x%x does not fit tile %d's %u-byte memory",
				 path, ph.p_paddr, ph.p_memsz, tile, sim_mem_size(tile));
			goto out;
		}
		seg = calloc(1, ph.p_memsz);
		if (!seg || fseek(f, (long)ph.p_offset, SEEK_SET) ||
		    fread(seg, 1, ph.p_filesz, f) != ph.p_filesz) {
			snprintf(err, errlen, "%s: cannot read segment %d", path, i);
			goto out;
		}
		sim_mem_write(tile, ph.p_paddr, seg, ph.p_memsz);
		free(seg);
		seg = NULL;
	}
	*entry = eh.e_entry;
	rc = 0;
out:
	free(seg);
	fclose(f);
	return rc;
}
