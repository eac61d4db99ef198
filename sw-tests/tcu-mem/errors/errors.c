/*
 * tcu-mem-errors: READ and WRITE through memory EPs from the kernel tile of
 * the 2x2 SoC: every error (no memory EP, no permission incl. read-only and
 * write-only EPs, out of bounds of the region, of the target's memory and of
 * the local SPM, no wrap-around), zero-size transfers, large transfers
 * (32 KiB to the memory tile, multi-burst at odd offsets), read after write on
 * the SPMs of the held tiles 1 and 2, and the external command INV_EP (forced
 * and unforced, local and through the NoC). Refused writes must leave the
 * target unchanged. (M3: standalone/tests/unpriv-mem.cc and ext.cc.)
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"

enum { MEP = 0, MEP_RO = 1, MEP_WO = 2, MEP_NONE = 3, XEP = 4, SEP = 5, REP = 6, RPL_REP = 7, RPL_EPS = 16 };
#define NO TCU_NO_EP
#define MEM_X 1
#define MEM_Y 1
#define MEM_BYTES 0x100000u /* the 2x2 simulator's memory tile */
#define SPM_BYTES 0x10000u
#define RBASE 0x2000u /* region used on the memory tile */
#define RSIZE 0x1000u

extern char __bss_start[];
static uint8_t big[32768] __attribute__((aligned(8)));
static uint8_t buf[256], back[256];
static uint8_t rbuf[4 * 64] __attribute__((aligned(8)));
static uint8_t rplbuf[2 * 64] __attribute__((aligned(8)));

static void ep_set(unsigned ep, struct tcu_ep e)
{
	tcu_ep_write(ep, &e);
}

static struct tcu_ep ep_get(unsigned ep)
{
	struct tcu_ep e;

	tcu_ep_read(ep, &e);
	return e;
}

static void ep_clear(unsigned ep)
{
	struct tcu_ep e = {{0}};

	tcu_ep_write(ep, &e);
}

static void fill(uint8_t *p, unsigned n, unsigned seed)
{
	for (unsigned i = 0; i < n; i++)
		p[i] = (uint8_t)(seed + i * 29 + (i >> 8));
}

static void errors(void)
{
	ep_set(MEP, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 1, 1));
	ep_set(MEP_RO, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 1, 0));
	ep_set(MEP_WO, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 0, 1));
	ep_set(MEP_NONE, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 0, 0));
	ep_set(SEP, tcu_ep_send(0, 0, REP, 0, 6, 1));
	ep_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 2, RPL_EPS));
	ep_clear(XEP);

	fill(buf, sizeof(buf), 1);
	CHECK_EQ(tcu_write(MEP, buf, sizeof(buf), 0), TCU_ERR_NONE);

	/* no memory EP */
	static const unsigned notmem[] = {XEP, SEP, REP, 31, 32, 100, NO};
	for (unsigned i = 0; i < sizeof(notmem) / sizeof(notmem[0]); i++) {
		CHECK_EQ(tcu_read(notmem[i], back, 4, 0), TCU_ERR_NO_MEP);
		CHECK_EQ(tcu_write(notmem[i], back, 4, 0), TCU_ERR_NO_MEP);
		CHECK_EQ(tcu_read(notmem[i], back, 0, 0), TCU_ERR_NO_MEP);
	}
	/* permissions: checked before bounds, also for zero sizes */
	memset(back, 0x5a, sizeof(back));
	CHECK_EQ(tcu_write(MEP_RO, back, 16, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_write(MEP_RO, back, 0, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_write(MEP_RO, back, 16, RSIZE), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_read(MEP_WO, back, 16, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_read(MEP_WO, back, 0, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_read(MEP_NONE, back, 16, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_write(MEP_NONE, back, 16, 0), TCU_ERR_NO_PERM);
	/* read-only reads, write-only writes */
	memset(back, 0, sizeof(back));
	CHECK_EQ(tcu_read(MEP_RO, back, sizeof(back), 0), TCU_ERR_NONE);
	CHECK(memcmp(back, buf, sizeof(buf)) == 0); /* the refused writes changed nothing */
	fill(buf, 16, 77);
	CHECK_EQ(tcu_write(MEP_WO, buf, 16, 32), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(MEP, back, 16, 32), TCU_ERR_NONE);
	CHECK(memcmp(back, buf, 16) == 0);

	/* region bounds: offset + size <= SIZE, 33 bits wide */
	CHECK_EQ(tcu_read(MEP, back, 1, RSIZE), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, back, 2, RSIZE - 1), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(MEP, back, 2, RSIZE - 1), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, back, 1, RSIZE - 1), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(MEP, back, 0, RSIZE), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(MEP, back, 0, RSIZE + 1), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, back, 2, 0xffffffffu), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(MEP, back, 0x10, 0xfffffff8u), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, big, RSIZE + 1, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* local data outside the SPM */
	CHECK_EQ(tcu_read(MEP, (void *)(SPM_BYTES - 8), 16, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(MEP, (void *)(SPM_BYTES - 8), 16, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, (void *)0xfffffff0u, 32, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* the region fits the EP, but not the target's memory: the target refuses */
	ep_set(XEP, tcu_ep_mem(MEM_X, MEM_Y, MEM_BYTES - 16, 64, 1, 1));
	CHECK_EQ(tcu_read(XEP, back, 16, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(XEP, back, 17, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(XEP, back, 8, 16), TCU_ERR_OUT_OF_BOUNDS);
	/* a region never wraps around past 2^32 (docs/tcu-design.md): the
	 * access is refused and address 0 of the target keeps its bytes */
	ep_set(XEP, tcu_ep_mem(MEM_X, MEM_Y, 0xfffffff0u, 0x100, 1, 1));
	fill(buf, 16, 99);
	CHECK_EQ(tcu_write(XEP, buf, 16, 0x10), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(XEP, back, 16, 0x10), TCU_ERR_OUT_OF_BOUNDS);
	ep_set(XEP, tcu_ep_mem(MEM_X, MEM_Y, 0, 64, 1, 1));
	CHECK_EQ(tcu_read(XEP, back, 16, 0), TCU_ERR_NONE);
	CHECK(memcmp(back, buf, 16) != 0); /* address 0 did not get the data */
	/* a region on a tile's SPM ends at the SPM */
	ep_set(XEP, tcu_ep_mem(1, 0, SPM_BYTES - 8, 64, 1, 1));
	CHECK_EQ(tcu_read(XEP, back, 8, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(XEP, back, 9, 0), TCU_ERR_OUT_OF_BOUNDS);
	ep_clear(XEP);

	/* zero-size transfers succeed anywhere in the region and move nothing */
	memset(back, 0x33, 4);
	CHECK_EQ(tcu_read(MEP, back, 0, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_read(MEP, back, 0, 17), TCU_ERR_NONE);
	CHECK_EQ(tcu_write(MEP, back, 0, RSIZE), TCU_ERR_NONE);
	CHECK_EQ(back[0], 0x33);
	CHECK_EQ(tcu_read(MEP, (void *)(SPM_BYTES), 0, 0), TCU_ERR_NONE);
}

/* 32 KiB to the memory tile and back; bigger than a burst at odd offsets. */
static void large(void)
{
	unsigned bad = 0;

	ep_set(MEP, tcu_ep_mem(MEM_X, MEM_Y, 0x40000, 0x10000, 1, 1));
	fill(big, sizeof(big), 3);
	CHECK_EQ(tcu_write(MEP, big, sizeof(big), 0), TCU_ERR_NONE);
	memset(big, 0, sizeof(big));
	CHECK_EQ(tcu_read(MEP, big, sizeof(big), 0), TCU_ERR_NONE);
	for (unsigned i = 0; i < sizeof(big); i++)
		bad += big[i] != (uint8_t)(3 + i * 29 + (i >> 8));
	CHECK_EQ(bad, 0);
	/* the last 32 KiB of the region, from the program's own SPM (code,
	 * constants, then variables that change: compared up to the variables) */
	uintptr_t fixed = (((uintptr_t)__bss_start) & ~255u) - 256;
	CHECK(fixed >= 0x2000);
	CHECK_EQ(tcu_write(MEP, (void *)0, sizeof(big), 0x8000), TCU_ERR_NONE);
	for (unsigned o = 0; o + 256 <= fixed; o += 256) {
		CHECK_EQ(tcu_read(MEP, back, 256, 0x8000 + o), TCU_ERR_NONE);
		bad += memcmp(back, (void *)o, 256) != 0;
	}
	CHECK_EQ(bad, 0);
	bad = 0;
	/* 5000 bytes (3 bursts) from SPM offset 3 to region offset 7, read back
	 * to SPM offset 5; neighbours untouched */
	fill(big, 6000, 11);
	CHECK_EQ(tcu_write(MEP, big + 3, 5000, 7), TCU_ERR_NONE);
	memset(big + 8000, 0xcc, 6000);
	CHECK_EQ(tcu_read(MEP, big + 8005, 5000, 7), TCU_ERR_NONE);
	CHECK(memcmp(big + 8005, big + 3, 5000) == 0);
	CHECK(big[8004] == 0xcc && big[13005] == 0xcc);
	CHECK_EQ(tcu_read(MEP, big + 8000, 8, 0), TCU_ERR_NONE);
	for (unsigned i = 0; i < 7; i++)
		bad += big[8000 + i] != (uint8_t)(3 + i * 29);
	CHECK_EQ(bad, 0);
	/* a transfer whose last burst fails: OUT_OF_BOUNDS, earlier bursts done */
	ep_set(XEP, tcu_ep_mem(MEM_X, MEM_Y, MEM_BYTES - 4096, 8192, 1, 1));
	CHECK_EQ(tcu_read(XEP, big, 6000, 0), TCU_ERR_OUT_OF_BOUNDS);
	ep_clear(XEP);
}

/* Read after write on the SPMs of tiles 1 and 2. */
static void tiles(void)
{
	static const unsigned tx[] = {1, 0}, ty[] = {0, 1};

	for (unsigned t = 0; t < 2; t++) {
		ep_set(XEP, tcu_ep_mem(tx[t], ty[t], 0x8000, 0x1000, 1, 1));
		fill(buf, sizeof(buf), 40 + t);
		CHECK_EQ(tcu_write(XEP, buf, 200, 13), TCU_ERR_NONE);
		memset(back, 0, sizeof(back));
		CHECK_EQ(tcu_read(XEP, back + 1, 200, 13), TCU_ERR_NONE);
		CHECK(memcmp(back + 1, buf, 200) == 0);
	}
	/* the two tiles hold their own data */
	ep_set(XEP, tcu_ep_mem(1, 0, 0x8000 + 13, 4, 1, 0));
	CHECK_EQ(tcu_read(XEP, back, 1, 0), TCU_ERR_NONE);
	CHECK_EQ(back[0], 40);
	ep_clear(XEP);
}

static uint32_t ext(unsigned ep, int force, int *err)
{
	uint32_t unread = 0;

	*err = tcu_inv_ep(tile_x(), tile_y(), ep, force, &unread);
	return unread;
}

/* INV_EP: forced and unforced, on every EP type, here and remotely. */
static void invalidate(void)
{
	int err;
	int32_t off;
	struct tcu_ep e;
	uint32_t w[4];

	ep_set(MEP, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 1, 1));
	ep_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 2, RPL_EPS));
	ep_set(RPL_REP, tcu_ep_recv((uint32_t)(uintptr_t)rplbuf, 6, 1, NO));
	ep_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, 0x1, 6, 2));

	/* memory EP, forced */
	ext(MEP, 1, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	CHECK_EQ(tcu_read(MEP, back, 4, 0), TCU_ERR_NO_MEP);
	e = ep_get(MEP);
	CHECK(e.w[0] == 0 && e.w[1] == 0 && e.w[2] == 0 && e.w[3] == 0);
	/* memory EP, unforced */
	ep_set(MEP, tcu_ep_mem(MEM_X, MEM_Y, RBASE, RSIZE, 1, 1));
	ext(MEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	CHECK_EQ(tcu_write(MEP, back, 4, 0), TCU_ERR_NO_MEP);

	/* send EP with all credits home: unforced works */
	ext(SEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "x", 1, NO, 0), TCU_ERR_NO_SEP);
	/* credits outstanding: unforced refused (EP unchanged), forced works */
	ep_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, 0x1, 6, 2));
	CHECK_EQ(tcu_send(SEP, "a", 1, RPL_REP, 0), TCU_ERR_NONE);
	e = ep_get(SEP);
	ext(SEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NO_CREDITS);
	struct tcu_ep e2 = ep_get(SEP);
	CHECK(memcmp(&e, &e2, sizeof(e)) == 0);
	CHECK_EQ(tcu_send(SEP, "b", 1, RPL_REP, 0), TCU_ERR_NONE); /* still usable */
	/* the replies bring the credits home; then unforced works */
	for (int i = 0; i < 2; i++)
		if ((off = tcu_fetch(REP)) >= 0 && off != TCU_NONE_OFF)
			CHECK_EQ(tcu_reply(REP, NULL, 0, (uint32_t)off), TCU_ERR_NONE);
	for (int i = 0; i < 2; i++)
		if ((off = tcu_fetch(RPL_REP)) >= 0 && off != TCU_NONE_OFF)
			CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(TCU_EP_GET(&e2, TCU_SEP_CUR_CRD), 1);
	e2 = ep_get(SEP);
	CHECK_EQ(TCU_EP_GET(&e2, TCU_SEP_CUR_CRD), 2);
	ext(SEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	/* forced with credits outstanding */
	ep_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, 0x1, 6, 2));
	CHECK_EQ(tcu_send(SEP, "c", 1, NO, 0), TCU_ERR_NONE);
	ext(SEP, 1, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "x", 1, NO, 0), TCU_ERR_NO_SEP);
	/* an unlimited send EP never has credits outstanding */
	ep_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, 0x1, 6, TCU_CRD_UNLIM));
	CHECK_EQ(tcu_send(SEP, "d", 1, NO, 0), TCU_ERR_NONE);
	ext(SEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);

	/* receive EP: EXT_ARG = its unread mask; afterwards it is gone */
	CHECK_EQ(tcu_fetch(REP) >= 0, 1); /* "c": fetched, "d" stays unread */
	e = ep_get(REP);
	uint32_t unread = ext(REP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	CHECK_EQ(unread, TCU_EP_GET(&e, TCU_REP_UNREAD));
	CHECK_EQ(__builtin_popcount(unread), 1);
	CHECK_EQ(tcu_fetch(REP), -(int32_t)TCU_ERR_NO_REP);
	ep_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, 0x1, 6, 1));
	CHECK_EQ(tcu_send(SEP, "e", 1, NO, 0), TCU_ERR_RECV_GONE);
	CHECK_EQ(TCU_EP_GET(&e, TCU_EP_TYPE), TCU_EPT_RECV);
	/* a reply EP: forced */
	ep_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 2, RPL_EPS));
	CHECK_EQ(tcu_send(SEP, "f", 1, RPL_REP, 0), TCU_ERR_NONE);
	if ((off = tcu_fetch(REP)) >= 0 && off != TCU_NONE_OFF) {
		ext(RPL_EPS + (unsigned)off / 64, 1, &err);
		CHECK_EQ(err, TCU_ERR_NONE);
		CHECK_EQ(tcu_reply(REP, NULL, 0, (uint32_t)off), TCU_ERR_NO_SEP);
		CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	}
	/* an invalid EP stays invalid; an EP beyond the file is out of bounds */
	ext(XEP, 0, &err);
	CHECK_EQ(err, TCU_ERR_NONE);
	ext(tcu_num_eps(), 1, &err);
	CHECK_EQ(err, TCU_ERR_OUT_OF_BOUNDS);

	/* through the NoC, on tile 1 (the kernel's PRIV_WR of EXT_CMD) */
	e = tcu_ep_send(0, 0, REP, 0x2, 6, 2);
	TCU_EP_PUT(&e, TCU_SEP_CUR_CRD, 1); /* one credit out */
	CHECK_EQ(tcu_ep_config(1, 0, 9, &e), 0);
	CHECK_EQ(tcu_inv_ep(1, 0, 9, 0, NULL), TCU_ERR_NO_CREDITS);
	CHECK_EQ(tcu_priv_read(1, 0, (TCU_REG_EP_BASE + TCU_EP_BYTES * 9) / 4, w, 4), 0);
	CHECK(memcmp(w, e.w, sizeof(w)) == 0);
	CHECK_EQ(tcu_inv_ep(1, 0, 9, 1, NULL), TCU_ERR_NONE);
	CHECK_EQ(tcu_priv_read(1, 0, (TCU_REG_EP_BASE + TCU_EP_BYTES * 9) / 4, w, 4), 0);
	CHECK(w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0);
	e = tcu_ep_mem(1, 1, 0, 16, 1, 1);
	CHECK_EQ(tcu_ep_config(1, 0, 10, &e), 0);
	CHECK_EQ(tcu_inv_ep(1, 0, 10, 0, NULL), TCU_ERR_NONE);
	CHECK_EQ(tcu_priv_read(1, 0, (TCU_REG_EP_BASE + TCU_EP_BYTES * 10) / 4, w, 4), 0);
	CHECK(w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0);
	CHECK_EQ(tcu_inv_ep(1, 0, 100, 1, NULL), TCU_ERR_OUT_OF_BOUNDS);
	ep_clear(SEP);
	ep_clear(REP);
	ep_clear(RPL_REP);
}

int main(void)
{
	errors();
	large();
	tiles();
	invalidate();
	/* last, as its packet may stay in the mesh: a target tile that does not
	 * exist; the watchdog ends the command */
	ep_set(XEP, tcu_ep_mem(5, 5, 0, 64, 1, 1));
	CHECK_EQ(tcu_read(XEP, back, 8, 0), TCU_ERR_TIMEOUT_NOC);
	ep_clear(XEP);
	return check_done("tcu-mem-errors");
}
