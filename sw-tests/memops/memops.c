/* memops: the tile library's memset and memcpy (firmware/lib/tile_mem.c) against byte
 * loops, for every alignment of destination and source (0..7) and lengths 0..40, then
 * longer ones (alignments 0..3), with 8 guard bytes around the destination; then their cycles per byte
 * on 4 KiB (printed; a byte loop takes about 16, the word loops under 4). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "tile.h"

#define MO_GUARD 0xA5
#define MO_SIZE 1200

static uint8_t mo_dst[MO_SIZE], mo_src[MO_SIZE], mo_want[MO_SIZE];
static uint8_t mo_big[4096], mo_big2[4096];

/* through pointers: GCC must call the library, not expand the builtins */
static void *(*volatile mo_memset)(void *, int, size_t) = memset;
static void *(*volatile mo_memcpy)(void *, const void *, size_t) = memcpy;

static const uint32_t mo_lens[] = {127, 128, 129, 300, 1021, 1100};

#define MO_NSHORT 41
#define MO_NLENS (MO_NSHORT + sizeof(mo_lens) / sizeof(mo_lens[0]))

static uint32_t mo_len(uint32_t i)
{
	return i < MO_NSHORT ? i : mo_lens[i - MO_NSHORT];
}

/* the alignments tried for length index li: all 8, or 4 for the long lengths */
static uint32_t mo_offs(uint32_t li)
{
	return li < MO_NSHORT ? 8 : 4;
}

/* the first differing byte of dst against want in the n-byte call's window, or -1 */
static int mo_diff(uint32_t n)
{
	for (uint32_t i = 0; i < n + 24; i++)
		if (mo_dst[i] != mo_want[i])
			return (int)i;
	return -1;
}

/* the window of an n-byte call: 16 bytes before (offset and guard), 8 after */
static void mo_fill(uint8_t *p, uint8_t v, uint32_t n)
{
	for (uint32_t i = 0; i < n + 24; i++)
		p[i] = v;
}

/* both windows of an n-byte call back to the guard pattern */
static void mo_reset(uint32_t n)
{
	mo_fill(mo_dst, MO_GUARD, n);
	mo_fill(mo_want, MO_GUARD, n);
}

static void mo_check_memset(void)
{
	static const int vals[] = {0, 0x5A, 0xFF, 0x1C3 /* only the low byte counts */};

	for (uint32_t li = 0; li < MO_NLENS; li++)
		for (uint32_t off = 0; off < mo_offs(li); off++)
			for (uint32_t v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
				uint32_t n = mo_len(li);
				void *r;
				int d;

				mo_reset(n);
				for (uint32_t i = 0; i < n; i++)
					mo_want[8 + off + i] = (uint8_t)vals[v];
				r = mo_memset(mo_dst + 8 + off, vals[v], n);
				d = mo_diff(n);
				CHECK(r == mo_dst + 8 + off);
				if (d >= 0) {
					printf("memset(+%lu, 0x%x, %lu): byte %d differs\n", (unsigned long)off,
					       vals[v], (unsigned long)n, d - 8 - (int)off);
					CHECK(d < 0);
				}
			}
}

static void mo_check_memcpy(void)
{
	for (int i = 0; i < MO_SIZE; i++)
		mo_src[i] = (uint8_t)(i * 7 + 3);
	for (uint32_t li = 0; li < MO_NLENS; li++)
		for (uint32_t doff = 0; doff < mo_offs(li); doff++)
			for (uint32_t soff = 0; soff < mo_offs(li); soff++) {
				uint32_t n = mo_len(li);
				void *r;
				int d;

				mo_reset(n);
				for (uint32_t i = 0; i < n; i++)
					mo_want[8 + doff + i] = mo_src[soff + i];
				r = mo_memcpy(mo_dst + 8 + doff, mo_src + soff, n);
				d = mo_diff(n);
				CHECK(r == mo_dst + 8 + doff);
				if (d >= 0) {
					printf("memcpy(+%lu, +%lu, %lu): byte %d differs\n", (unsigned long)doff,
					       (unsigned long)soff, (unsigned long)n, d - 8 - (int)doff);
					CHECK(d < 0);
				}
			}
}

/* cycles per byte, times 10, of one call on 4 KiB */
static uint32_t mo_rate(int copy)
{
	uint32_t t = tile_cycles32();

	if (copy)
		mo_memcpy(mo_big2, mo_big, sizeof(mo_big));
	else
		mo_memset(mo_big, 0x3C, sizeof(mo_big));
	t = tile_cycles32() - t;
	return t * 10 / sizeof(mo_big);
}

int main(void)
{
	uint32_t set, cpy;

	mo_check_memset();
	mo_check_memcpy();
	set = mo_rate(0);
	cpy = mo_rate(1);
	CHECK(mo_big2[4095] == 0x3C);
	printf("memops: 4 KiB memset %lu.%lu, memcpy %lu.%lu cycles per byte\n", (unsigned long)(set / 10),
	       (unsigned long)(set % 10), (unsigned long)(cpy / 10), (unsigned long)(cpy % 10));
	/* the word loops, not a byte loop (about 16 cycles per byte) */
	CHECK(set < 40);
	CHECK(cpy < 40);
	return check_done("memops");
}
