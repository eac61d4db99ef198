/*
 * test_elf.c - K6: the ELF loader (firmware/lib/rt_elf.c) against a directed set
 * of malformed images and random mutations, on the host. A refused image must
 * give KIF_ERR_BAD_ELF (or the callback's error) and leave the target memory
 * untouched; no image may ever write outside [mem_lo, mem_hi). Real ELFs given
 * as arguments must load byte-exactly like their segments say.
 *   test_elf [prog.elf ...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_elf.h"
#include "spec/kif.h"

#define MEM 0xFE80u /* a program's SPM below its argument block */
#define FILL 0xAA

static uint8_t img[1u << 17];
static uint32_t img_len;
static uint8_t mem[MEM + 16];
static int outside, fail_read_at = -1, reads;
static unsigned failed, cases;

static int rd(void *ctx, uint32_t off, void *dst, uint32_t n)
{
	(void)ctx;
	if (reads++ == fail_read_at)
		return 21; /* a TCU error (TIMEOUT_NOC) */
	if (off > img_len || n > img_len - off) {
		outside = 1;
		return 9;
	}
	memcpy(dst, img + off, n);
	return 0;
}

static int wr(void *ctx, uint32_t addr, const void *src, uint32_t n)
{
	const struct rt_elf_io *io = ctx;

	if (addr < io->mem_lo || addr > io->mem_hi || n > io->mem_hi - addr) {
		outside = 1;
		return 9;
	}
	memcpy(mem + addr, src, n);
	return 0;
}

static void put16(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, v); put16(p + 2, v >> 16); }

/* A valid image: header, two PT_LOAD headers (text 64 B, data 16 B + 48 B bss), payload. */
static void make_valid(void)
{
	memset(img, 0, sizeof(img));
	memcpy(img, "\177ELF\1\1\1", 7);
	put16(img + 16, 2);   /* ET_EXEC */
	put16(img + 18, 243); /* EM_RISCV */
	put32(img + 20, 1);
	put32(img + 24, 0);  /* entry */
	put32(img + 28, 52); /* phoff */
	put16(img + 40, 52);
	put16(img + 42, 32);
	put16(img + 44, 2);
	uint8_t *ph = img + 52;
	put32(ph, 1), put32(ph + 4, 116), put32(ph + 8, 0), put32(ph + 12, 0), put32(ph + 16, 64), put32(ph + 20, 64);
	ph += 32;
	put32(ph, 1), put32(ph + 4, 180), put32(ph + 8, 0x400), put32(ph + 12, 0x400), put32(ph + 16, 16),
		put32(ph + 20, 64);
	for (unsigned i = 0; i < 80; i++)
		img[116 + i] = (uint8_t)(i * 7 + 1);
	img_len = 196;
}

static int load(uint32_t *entry)
{
	struct rt_elf_io io = {.read = rd, .write = wr, .img_size = img_len, .mem_lo = 0, .mem_hi = MEM};

	io.ctx = &io;
	memset(mem, FILL, sizeof(mem));
	outside = 0;
	reads = 0;
	return rt_elf_load(&io, entry);
}

static int untouched(void)
{
	for (unsigned i = 0; i < MEM; i++)
		if (mem[i] != FILL)
			return 0;
	return 1;
}

static void expect_bad(const char *what, int want)
{
	uint32_t e;
	int err = load(&e);

	cases++;
	if (err != want || !untouched() || outside) {
		failed++;
		printf("FAIL %s: error %d (want %d), memory %s\n", what, err, want, untouched() ? "untouched" : "written");
	}
}

#define MUT(what, stmt)                   \
	do {                              \
		make_valid();             \
		stmt;                     \
		expect_bad(what, KIF_ERR_BAD_ELF); \
	} while (0)

static void directed(void)
{
	uint32_t e;

	make_valid();
	cases++;
	if (load(&e) || e != 0 || memcmp(mem, img + 116, 64) || memcmp(mem + 0x400, img + 180, 16) ||
	    mem[0x410] != 0 || mem[0x43f] != 0 || mem[0x440] != FILL || mem[64] != FILL) {
		failed++;
		printf("FAIL valid image\n");
	}
	MUT("truncated header", img_len = 40);
	MUT("bad magic", img[1] = 'X');
	MUT("64-bit class", img[4] = 2);
	MUT("big endian", img[5] = 2);
	MUT("not ET_EXEC", put16(img + 16, 3));
	MUT("wrong machine", put16(img + 18, 62));
	MUT("version 0", put32(img + 20, 0));
	MUT("entry not the reset vector", put32(img + 24, 0x40));
	MUT("ehsize", put16(img + 40, 64));
	MUT("phentsize", put16(img + 42, 56));
	MUT("no program headers", put16(img + 44, 0));
	MUT("too many program headers", put16(img + 44, RT_ELF_MAX_PHDRS + 1));
	MUT("program headers past the end", put32(img + 28, 180));
	MUT("phoff overflow", put32(img + 28, 0xFFFFFFF0u));
	MUT("segment past the image", put32(img + 52 + 4, 190));
	MUT("offset + filesz overflow", put32(img + 52 + 4, 0xFFFFFFC8u));
	MUT("filesz > memsz", put32(img + 52 + 16, 65));
	MUT("segment past the memory", put32(img + 52 + 12, MEM - 32));
	MUT("address overflow", put32(img + 52 + 12, 0xFFFFFFE0u));
	MUT("no PT_LOAD", (put32(img + 52, 4), put32(img + 84, 4)));
	/* the second segment is bad: the first must not have been written either */
	MUT("bad second segment", put32(img + 84 + 20, MEM));
	/* a failing read is reported as such and nothing is written */
	make_valid();
	fail_read_at = 1;
	expect_bad("read error", 21);
	fail_read_at = -1;
}

/* Random byte mutations: load or refuse, never write outside the target. */
static unsigned random_mut(unsigned n, unsigned *loaded)
{
	unsigned bad = 0;
	uint32_t s = 12345, e;

	for (unsigned i = 0; i < n; i++) {
		make_valid();
		for (int k = 0; k < 3; k++) {
			s = s * 1103515245u + 12345u;
			img[(s >> 8) % 116] ^= (uint8_t)(1u << ((s >> 4) % 8));
		}
		int err = load(&e);
		if (outside || (err && err != (int)KIF_ERR_BAD_ELF) || (err && !untouched())) {
			bad++;
			printf("FAIL random mutation %u: error %d, outside %d\n", i, err, outside);
		}
		*loaded += err == 0;
	}
	return bad;
}

static int real(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint32_t e;
	int err;

	if (!f) {
		printf("FAIL %s: cannot open\n", path);
		return 1;
	}
	img_len = (uint32_t)fread(img, 1, sizeof(img), f);
	fclose(f);
	err = load(&e);
	/* the first loaded bytes are the reset vector's code at the first segment's file offset */
	uint32_t off = img[52 + 4] | img[52 + 5] << 8 | img[52 + 6] << 16 | (uint32_t)img[52 + 7] << 24;
	if (err || outside || off + 16 > img_len || memcmp(mem, img + off, 16)) {
		printf("FAIL %s: error %d\n", path, err);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned loaded = 0, rbad;

	directed();
	rbad = random_mut(20000, &loaded);
	failed += rbad;
	for (int i = 1; i < argc; i++)
		failed += (unsigned)real(argv[i]);
	printf("K6 malformed ELF: %u directed cases, 20000 random mutations (%u still loadable), %u failed\n", cases,
	       loaded, failed);
	return failed != 0;
}
