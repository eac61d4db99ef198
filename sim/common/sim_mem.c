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

int sim_mem_load_elf_buf(int tile, const char *name, const uint8_t *img, size_t len, uint32_t *entry, char *err,
			 size_t errlen)
{
	Elf32_Ehdr eh;
	uint8_t *seg = NULL;

	if (len < sizeof(eh)) {
		snprintf(err, errlen, "%s: not a 32-bit little-endian RISC-V executable", name);
		return -1;
	}
	memcpy(&eh, img, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_machine != EM_RISCV || eh.e_type != ET_EXEC) {
		snprintf(err, errlen, "%s: not a 32-bit little-endian RISC-V executable", name);
		return -1;
	}
	if (sim_mem_size(tile) == 0) {
		snprintf(err, errlen, "tile %d has no loadable memory", tile);
		return -1;
	}
	for (int i = 0; i < eh.e_phnum; i++) {
		uint64_t at = (uint64_t)eh.e_phoff + (uint64_t)i * eh.e_phentsize;
		Elf32_Phdr ph;

		if (at + sizeof(ph) > len) {
			snprintf(err, errlen, "%s: truncated program header %d", name, i);
			return -1;
		}
		memcpy(&ph, img + at, sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (ph.p_filesz > ph.p_memsz || ph.p_paddr > sim_mem_size(tile) ||
		    ph.p_memsz > sim_mem_size(tile) - ph.p_paddr) {
			snprintf(err, errlen, "%s: segment 0x%x+0x%x does not fit tile %d's %u-byte memory",
				 name, ph.p_paddr, ph.p_memsz, tile, sim_mem_size(tile));
			return -1;
		}
		if ((uint64_t)ph.p_offset + ph.p_filesz > len) {
			snprintf(err, errlen, "%s: cannot read segment %d", name, i);
			return -1;
		}
		seg = calloc(1, ph.p_memsz);
		if (!seg) {
			snprintf(err, errlen, "%s: out of memory", name);
			return -1;
		}
		memcpy(seg, img + ph.p_offset, ph.p_filesz);
		sim_mem_write(tile, ph.p_paddr, seg, ph.p_memsz);
		free(seg);
	}
	*entry = eh.e_entry;
	return 0;
}

uint8_t *sim_mem_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	buf = malloc(n ? (size_t)n : 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		snprintf(err, errlen, "%s: cannot read", path);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

int sim_mem_load_elf(int tile, const char *path, uint32_t *entry, char *err, size_t errlen)
{
	size_t len;
	uint8_t *img = sim_mem_read_file(path, &len, err, errlen);
	int rc;

	if (!img)
		return -1;
	rc = sim_mem_load_elf_buf(tile, path, img, len, entry, err, errlen);
	free(img);
	return rc;
}
