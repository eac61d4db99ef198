/*
 * tcu-mem-unaligned: WRITE and READ at every alignment against a byte model
 * of the remote memory. For local offsets 0..15 x remote offsets 0..15 x
 * lengths 1..15: write fresh bytes from SPM offset lo to region offset ro,
 * read them back to another SPM offset and compare with the model, bytes
 * just outside the read must stay untouched; after each (lo, ro) pair the
 * whole 48-byte window is read back and compared with the model, which
 * catches any byte written outside [ro, ro + len). TARGET 0: against the
 * memory tile (even region base); TARGET 1 (tcu-mem-unaligned-spm): against
 * tile 1's SPM (odd region base).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"

#ifndef TARGET
#define TARGET 0
#endif
#if TARGET == 1
#define NAME "tcu-mem-unaligned-spm"
#else
#define NAME "tcu-mem-unaligned"
#endif

enum { MEP = 0 };
#define WIN 48
#define GUARD 0xeeu

static uint8_t model[WIN];
static uint8_t src[32] __attribute__((aligned(8)));
static uint8_t dst[WIN + 16] __attribute__((aligned(8)));
static uint8_t win[WIN] __attribute__((aligned(8)));
static unsigned bad_cmd, bad_read, bad_guard, bad_window, transfers;

static void note(const char *what, unsigned lo, unsigned ro, unsigned len)
{
	if (bad_cmd + bad_read + bad_guard + bad_window <= 8)
		printf(NAME ": %s at local %u remote %u length %u\n", what, lo, ro, len);
}

static void sweep(unsigned tx, unsigned ty, uint32_t base)
{
	struct tcu_ep e = tcu_ep_mem(tx, ty, base, WIN, 1, 1);
	uint8_t v = (uint8_t)base;

	tcu_ep_write(MEP, &e);
	for (unsigned i = 0; i < WIN; i++)
		model[i] = (uint8_t)(v += 101);
	bad_cmd += tcu_write(MEP, model, WIN, 0) != 0;
	for (unsigned lo = 0; lo < 16; lo++) {
		for (unsigned ro = 0; ro < 16; ro++) {
			for (unsigned len = 1; len < 16; len++) {
				unsigned rd = (lo + len) % 16 + 1; /* read into another offset */

				for (unsigned i = 0; i < len; i++)
					src[lo + i] = (uint8_t)(v += 37);
				if (tcu_write(MEP, src + lo, len, ro)) {
					bad_cmd++;
					note("WRITE failed", lo, ro, len);
					continue;
				}
				memcpy(model + ro, src + lo, len);
				memset(dst + rd - 1, GUARD, len + 2);
				if (tcu_read(MEP, dst + rd, len, ro)) {
					bad_cmd++;
					note("READ failed", lo, ro, len);
					continue;
				}
				transfers += 2;
				if (memcmp(dst + rd, model + ro, len)) {
					bad_read++;
					note("READ differs from the model", lo, ro, len);
				}
				if (dst[rd - 1] != GUARD || dst[rd + len] != GUARD) {
					bad_guard++;
					note("READ wrote outside its buffer", lo, ro, len);
				}
			}
			if (tcu_read(MEP, win, WIN, 0) || memcmp(win, model, WIN)) {
				bad_window++;
				note("window differs from the model after", lo, ro, 15);
			}
		}
	}
}

int main(void)
{
#if TARGET == 1
	sweep(1, 0, 0x9003); /* tile 1's SPM, odd base */
#else
	sweep(1, 1, 0x60000); /* memory tile, aligned base */
#endif
	CHECK_EQ(bad_cmd, 0);
	CHECK_EQ(bad_read, 0);
	CHECK_EQ(bad_guard, 0);
	CHECK_EQ(bad_window, 0);
	CHECK_EQ(transfers, 2 * 16 * 16 * 15);
	printf(NAME ": %u transfers checked against the model\n", transfers);
	return check_done(NAME);
}
