/*
 * tcu-msg-errors: every error path of the message commands, on the kernel tile
 * of the 2x2 SoC (messages to its own EPs travel through its router; some go
 * to the other tiles). Each check names the exact error code of docs/spec/tcu.md
 * and the order of checks in docs/tcu-design.md; every refused command must
 * leave credits and receive masks unchanged. Also: empty messages and
 * replies, sends without a reply EP, no credits / no space, two credits with
 * three sends, unknown opcodes. (M3: standalone/tests/unpriv-msgs.cc.)
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"
#include "tmsg.h"

enum {
	SEP = 0,     /* send EP under test */
	REP = 1,     /* 4 slots x 64 B, reply EPs RPL_EPS.. */
	RPL_REP = 2, /* 2 slots x 64 B: replies */
	REP_NR = 3,  /* 2 slots x 64 B, replies disabled */
	XEP = 4,     /* scratch EP: whatever a test needs */
	REP2 = 5,    /* scratch receive EP */
	MEP = 6,     /* a memory EP */
	XEP2 = 12,   /* second scratch EP */
	RPL_EPS = 16,
};
#define NO TCU_NO_EP
#define ME_X 0
#define ME_Y 0

static uint8_t rbuf[4 * 64] __attribute__((aligned(8)));
static uint8_t rplbuf[2 * 64] __attribute__((aligned(8)));
static uint8_t nrbuf[2 * 64] __attribute__((aligned(8)));
static uint8_t xbuf[4 * 64] __attribute__((aligned(8)));
static uint8_t data[256];

static void setup(void)
{
	for (unsigned ep = 0; ep < tcu_num_eps(); ep++)
		tm_clear(ep);
	tm_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 2, RPL_EPS));
	tm_set(RPL_REP, tcu_ep_recv((uint32_t)(uintptr_t)rplbuf, 6, 1, NO));
	tm_set(REP_NR, tcu_ep_recv((uint32_t)(uintptr_t)nrbuf, 6, 1, NO));
	tm_set(SEP, tcu_ep_send(ME_X, ME_Y, REP, 0x5e9d, 6, 2));
	tm_set(MEP, tcu_ep_mem(1, 1, 0, 4096, 1, 1));
}

/* Fetch the next message of ep; -1 if there is none. */
static int32_t fetch1(unsigned ep)
{
	int32_t off = tcu_fetch(ep);

	CHECK(off >= 0 && off != TCU_NONE_OFF);
	return off >= 0 && off != TCU_NONE_OFF ? off : -1;
}

static void no_sep(void)
{
	CHECK_EQ(tcu_send(XEP, data, 1, NO, 0), TCU_ERR_NO_SEP); /* invalid EP */
	CHECK_EQ(tcu_send(REP, data, 1, NO, 0), TCU_ERR_NO_SEP); /* receive EP */
	CHECK_EQ(tcu_send(MEP, data, 1, NO, 0), TCU_ERR_NO_SEP); /* memory EP */
	CHECK_EQ(tcu_send(tcu_num_eps(), data, 1, NO, 0), TCU_ERR_NO_SEP); /* beyond the EP file */
	CHECK_EQ(tcu_send(NO, data, 1, NO, 0), TCU_ERR_NO_SEP);
	CHECK_EQ(tm_occ(REP), 0);
}

static void no_rep(void)
{
	CHECK_EQ(tcu_fetch(SEP), -(int32_t)TCU_ERR_NO_REP);
	CHECK_EQ(tcu_fetch(XEP), -(int32_t)TCU_ERR_NO_REP);
	CHECK_EQ(tcu_fetch(MEP), -(int32_t)TCU_ERR_NO_REP);
	CHECK_EQ(tcu_fetch(tcu_num_eps()), -(int32_t)TCU_ERR_NO_REP);
	CHECK_EQ(tcu_wait(SEP), -(int32_t)TCU_ERR_NO_REP);
	CHECK_EQ(tcu_ack(SEP, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_ack(XEP, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_reply(SEP, data, 1, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_reply(MEP, data, 1, 0), TCU_ERR_NO_REP);
	/* SEND's reply EP must be a receive EP */
	CHECK_EQ(tcu_send(SEP, data, 1, SEP, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_send(SEP, data, 1, XEP, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_send(SEP, data, 1, MEP, 0), TCU_ERR_NO_REP);
	CHECK_EQ(tcu_send(SEP, data, 1, tcu_num_eps(), 0), TCU_ERR_NO_REP);
	/* nothing was sent, no credit taken */
	CHECK_EQ(tm_credits(SEP), 2);
	CHECK_EQ(tm_occ(REP), 0);
}

static void inv_msg_off(void)
{
	int32_t off;

	CHECK_EQ(tcu_ack(REP, 0), TCU_ERR_INV_MSG_OFF); /* nothing there */
	/* REPLY only needs a slot start; a free slot has no reply EP */
	CHECK_EQ(tcu_reply(REP, data, 1, 0), TCU_ERR_NO_SEP);
	CHECK_EQ(tcu_send(SEP, "m", 1, RPL_REP, 1), TCU_ERR_NONE);
	if ((off = fetch1(REP)) < 0)
		return;
	CHECK_EQ(tcu_ack(REP, (uint32_t)off + 1), TCU_ERR_INV_MSG_OFF);  /* not a slot start */
	CHECK_EQ(tcu_ack(REP, (uint32_t)off + 16), TCU_ERR_INV_MSG_OFF); /* not a slot start */
	CHECK_EQ(tcu_ack(REP, ((uint32_t)off + 64) % 256), TCU_ERR_INV_MSG_OFF); /* free slot */
	CHECK_EQ(tcu_ack(REP, 256), TCU_ERR_INV_MSG_OFF);   /* past the buffer */
	CHECK_EQ(tcu_ack(REP, 0xfffc), TCU_ERR_INV_MSG_OFF);
	CHECK_EQ(tcu_reply(REP, data, 1, (uint32_t)off + 4), TCU_ERR_INV_MSG_OFF);
	CHECK_EQ(tcu_reply(REP, data, 1, 256), TCU_ERR_INV_MSG_OFF);
	CHECK_EQ(tm_occ(REP), 1u << (off / 64));
	CHECK_EQ(tcu_reply(REP, "r", 1, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP), 0);
	if ((off = fetch1(RPL_REP)) >= 0)
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(SEP), 2);
}

static void replies_disabled(void)
{
	int32_t off;
	const struct tcu_msg *m;

	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP_NR, 0x11, 6, 1));
	CHECK_EQ(tcu_send(XEP, "q", 1, RPL_REP, 0x22), TCU_ERR_NONE);
	if ((off = fetch1(REP_NR)) < 0)
		return;
	m = tcu_msg_at(nrbuf, (uint32_t)off);
	CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_RPL_EP), RPL_REP);
	CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_SND_EP), XEP);
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_RPL_ORDER), 6);
	CHECK_EQ(tcu_reply(REP_NR, "r", 1, (uint32_t)off), TCU_ERR_REPLIES_DISABLED);
	CHECK_EQ(tm_occ(REP_NR), 1u << (off / 64)); /* the slot stays */
	CHECK_EQ(tcu_ack(REP_NR, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP_NR), 0);
	CHECK_EQ(tm_credits(XEP), 0); /* acked, not replied: the credit is gone */
	CHECK_EQ(tm_occ(RPL_REP), 0);
}

/* A message that asks for a reply installs a use-once reply EP; SEND on it is
 * refused, a REPLY through it works once and invalidates it. */
static void send_reply_ep(void)
{
	int32_t off, roff;
	struct tcu_ep e;
	unsigned rep;

	CHECK_EQ(tcu_send(SEP, "hi", 2, RPL_REP, 0xabc), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(SEP), 1);
	if ((off = fetch1(REP)) < 0)
		return;
	rep = RPL_EPS + (unsigned)off / 64;
	e = tm_get(rep);
	CHECK_EQ(TCU_EP_GET(&e, TCU_EP_TYPE), TCU_EPT_SEND);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_REPLY), 1);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_CUR_CRD), 1);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_MAX_CRD), 1);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_MSG_ORDER), 6);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_CRD_EP), SEP);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_TGT_X), ME_X);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_TGT_Y), ME_Y);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_TGT_EP), RPL_REP);
	CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_LABEL), 0xabc);
	CHECK_EQ(tcu_send(rep, "x", 1, NO, 0), TCU_ERR_SEND_REPLY_EP);
	CHECK_EQ(tcu_send(rep, "x", 1, RPL_REP, 0), TCU_ERR_SEND_REPLY_EP);
	CHECK_EQ(tm_occ(RPL_REP), 0);
	CHECK_EQ(tcu_reply(REP, "yo", 2, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_type(rep), TCU_EPT_INVALID);
	CHECK_EQ(tcu_send(rep, "x", 1, NO, 0), TCU_ERR_NO_SEP);
	CHECK_EQ(tm_credits(SEP), 2);
	if ((roff = fetch1(RPL_REP)) >= 0) {
		const struct tcu_msg *m = tcu_msg_at(rplbuf, (uint32_t)roff);

		CHECK_EQ(m->label, 0xabc);
		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_REPLY), 1);
		CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_SND_EP), SEP);
		CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_RPL_EP), NO);
		CHECK_EQ(tcu_msg_len(m), 2);
		CHECK(memcmp(m->data, "yo", 2) == 0);
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)roff), TCU_ERR_NONE);
	}
}

/* The target EP is not a receive EP: RECV_GONE, and the credit comes back. */
static void recv_gone(void)
{
	static const struct {
		unsigned x, y, ep;
	} tgt[] = {
		{ME_X, ME_Y, XEP},   /* invalid */
		{ME_X, ME_Y, SEP},   /* a send EP */
		{ME_X, ME_Y, MEP},   /* a memory EP */
		{ME_X, ME_Y, 31},    /* last EP, invalid */
		{ME_X, ME_Y, 100},   /* beyond the EP file */
		{1, 0, 9},           /* tile 1, invalid EP */
		{0, 1, 9},           /* tile 2 */
		{1, 1, 0},           /* the memory tile */
	};

	tm_clear(XEP);
	for (unsigned i = 0; i < sizeof(tgt) / sizeof(tgt[0]); i++) {
		tm_set(XEP2, tcu_ep_send(tgt[i].x, tgt[i].y, tgt[i].ep, i, 6, 1));
		CHECK_EQ(tcu_send(XEP2, data, 8, RPL_REP, 0), TCU_ERR_RECV_GONE);
		CHECK_EQ(tm_credits(XEP2), 1);
	}
	tm_clear(XEP2);
	CHECK_EQ(tm_occ(RPL_REP), 0);
}

/* RPL_EP + slots > NumEps, or a range with the receive EP in it: RECV_INV_RPL_EPS;
 * the boundary cases work. */
static void inv_rpl_eps(void)
{
	unsigned n = tcu_num_eps();
	int32_t off;

	tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 6, 2, n - 3)); /* 4 slots: one too many */
	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP2, 0x33, 6, 3));
	CHECK_EQ(tcu_send(XEP, data, 4, RPL_REP, 0), TCU_ERR_RECV_INV_RPL_EPS);
	CHECK_EQ(tcu_send(XEP, data, 4, NO, 0), TCU_ERR_RECV_INV_RPL_EPS);
	CHECK_EQ(tm_occ(REP2), 0);
	CHECK_EQ(tm_credits(XEP), 3);
	/* a reply range that includes the receive EP itself: its reply EP would
	 * overwrite the receive EP (refused, stronger than M3) */
	tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 6, 2, REP2 - 1));
	CHECK_EQ(tcu_send(XEP, data, 4, NO, 0), TCU_ERR_RECV_INV_RPL_EPS);
	CHECK_EQ(tm_type(REP2), TCU_EPT_RECV);
	CHECK_EQ(tm_occ(REP2), 0);
	CHECK_EQ(tm_credits(XEP), 3);
	tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 6, 2, REP2 + 1)); /* just above: fine */
	CHECK_EQ(tcu_send(XEP, data, 4, NO, 0), TCU_ERR_NONE);
	if ((off = fetch1(REP2)) >= 0)
		CHECK_EQ(tcu_ack(REP2, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(XEP), 2); /* no reply: the credit stays taken */
	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP2, 0x33, 6, 3));
	tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 6, 2, n - 4)); /* exactly fits */
	CHECK_EQ(tcu_send(XEP, data, 4, RPL_REP, 0x44), TCU_ERR_NONE);
	if ((off = fetch1(REP2)) >= 0) {
		CHECK_EQ(tm_type(n - 4 + (unsigned)off / 64), TCU_EPT_SEND);
		CHECK_EQ(tcu_reply(REP2, data, 0, (uint32_t)off), TCU_ERR_NONE);
	}
	if ((off = fetch1(RPL_REP)) >= 0)
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(XEP), 3);
	tm_clear(REP2);
	tm_clear(XEP);
}

/* A reply EP whose credit EP does not exist (the kernel wrote it, or the
 * original sender's EP id is beyond the EP file): SEND_INV_CRD_EP. */
static void inv_crd_ep(void)
{
	int32_t off;
	unsigned rep;
	struct tcu_ep e;

	CHECK_EQ(tcu_send(SEP, "c", 1, RPL_REP, 0x55), TCU_ERR_NONE);
	if ((off = fetch1(REP)) < 0)
		return;
	rep = RPL_EPS + (unsigned)off / 64;
	e = tm_get(rep);
	TCU_EP_PUT(&e, TCU_SEP_CRD_EP, tcu_num_eps() + 1);
	tcu_ep_write(rep, &e);
	CHECK_EQ(tcu_reply(REP, "r", 1, (uint32_t)off), TCU_ERR_SEND_INV_CRD_EP);
	CHECK_EQ(tm_occ(RPL_REP), 0);
	CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	/* leave no reply behind for the next tests, whatever happened */
	if (tm_occ(RPL_REP)) {
		printf("inv_crd_ep: the reply went out and was delivered\n");
		while ((off = tcu_fetch(RPL_REP)) >= 0 && off != TCU_NONE_OFF)
			tcu_ack(RPL_REP, (uint32_t)off);
	}
	/* a message from an unlimited-credit EP: the reply EP's CRD_EP is NO_EP
	 * (no credit goes back), and that reply is allowed */
	tm_set(SEP, tcu_ep_send(ME_X, ME_Y, REP, 0x5e9d, 6, TCU_CRD_UNLIM));
	CHECK_EQ(tcu_send(SEP, "u", 1, RPL_REP, 0x56), TCU_ERR_NONE);
	if ((off = fetch1(REP)) >= 0) {
		e = tm_get(RPL_EPS + (unsigned)off / 64);
		CHECK_EQ(TCU_EP_GET(&e, TCU_SEP_CRD_EP), TCU_NO_EP);
		CHECK_EQ(tcu_reply(REP, "r", 1, (uint32_t)off), TCU_ERR_NONE);
		CHECK(tm_occ(RPL_REP) != 0);
		while ((off = tcu_fetch(RPL_REP)) >= 0 && off != TCU_NONE_OFF)
			CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	}
	/* the credit is lost with the ack; give it back for the next tests */
	tm_set(SEP, tcu_ep_send(ME_X, ME_Y, REP, 0x5e9d, 6, 2));
}

/* Message order outside 4..11: SEND_INV_MSG_SZ, checked before the size;
 * a reply EP with such an order (from a bad reply receive EP) likewise. */
static void inv_msg_sz(void)
{
	static const unsigned bad[] = {0, 3, 12, 15};
	int32_t off;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP, 0x66, bad[i], 1));
		CHECK_EQ(tcu_send(XEP, data, 0, NO, 0), TCU_ERR_SEND_INV_MSG_SZ);
		CHECK_EQ(tcu_send(XEP, data, 4000, NO, 0), TCU_ERR_SEND_INV_MSG_SZ);
		CHECK_EQ(tm_credits(XEP), 1);
	}
	CHECK_EQ(tm_occ(REP), 0);
	/* orders 4 and 11 are fine */
	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP, 0x66, 4, 1));
	CHECK_EQ(tcu_send(XEP, data, 1, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(XEP, data, 0, NO, 0), TCU_ERR_NONE);
	if ((off = fetch1(REP)) >= 0)
		CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	/* a reply receive EP with slot order 12: the installed reply EP has it */
	tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 12, 0, NO));
	CHECK_EQ(tcu_send(SEP, data, 3, REP2, 0x77), TCU_ERR_NONE);
	if ((off = fetch1(REP)) >= 0) {
		const struct tcu_msg *m = tcu_msg_at(rbuf, (uint32_t)off);

		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_RPL_ORDER), 12);
		CHECK_EQ(tcu_reply(REP, data, 0, (uint32_t)off), TCU_ERR_SEND_INV_MSG_SZ);
		CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	}
	CHECK_EQ(tm_occ(REP2), 0);
	tm_set(SEP, tcu_ep_send(ME_X, ME_Y, REP, 0x5e9d, 6, 2));
	tm_clear(REP2);
	tm_clear(XEP);
}

/* Too large for the send EP / for the slot / for the reply EP; data or slot
 * outside the SPM. */
static void out_of_bounds(void)
{
	int32_t off;

	CHECK_EQ(tcu_send(SEP, data, 49, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(SEP, data, 0xffff, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(SEP, data, 0xffffffffu, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(SEP, (void *)(MM_SPM_BASE + 0x10000 - 8), 16, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(SEP, (void *)0xfffffff8u, 16, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tm_credits(SEP), 2);
	/* the receiver's slot is smaller than the sender's limit */
	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP, 0x88, 8, 2));
	CHECK_EQ(tcu_send(XEP, data, 49, NO, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(XEP, data, 240, NO, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	CHECK_EQ(tm_credits(XEP), 2);
	CHECK_EQ(tm_occ(REP), 0);
	CHECK_EQ(tcu_send(XEP, data, 48, NO, 0), TCU_ERR_NONE);
	if ((off = fetch1(REP)) >= 0)
		CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	/* slots outside the SPM */
	tm_set(REP2, tcu_ep_recv(0x10000u - 16, 6, 0, NO));
	tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP2, 0x88, 6, 1));
	CHECK_EQ(tcu_send(XEP, data, 1, NO, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	tm_set(REP2, tcu_ep_recv(0x40000u, 6, 0, NO));
	CHECK_EQ(tcu_send(XEP, data, 0, NO, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	tm_set(REP2, tcu_ep_recv(0xfffffff0u, 6, 0, NO));
	CHECK_EQ(tcu_send(XEP, data, 8, NO, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	CHECK_EQ(tm_occ(REP2), 0);
	CHECK_EQ(tm_credits(XEP), 1);
	/* a reply larger than the reply EP allows */
	CHECK_EQ(tcu_send(SEP, data, 4, RPL_REP, 0x99), TCU_ERR_NONE);
	if ((off = fetch1(REP)) >= 0) {
		CHECK_EQ(tcu_reply(REP, data, 49, (uint32_t)off), TCU_ERR_OUT_OF_BOUNDS);
		CHECK_EQ(tcu_reply(REP, (void *)(MM_SPM_BASE + 0x10000 - 4), 8, (uint32_t)off),
			 TCU_ERR_OUT_OF_BOUNDS);
		CHECK_EQ(tm_occ(REP), 1u << (off / 64));
		CHECK_EQ(tcu_reply(REP, data, 48, (uint32_t)off), TCU_ERR_NONE);
	}
	if ((off = fetch1(RPL_REP)) >= 0) {
		CHECK_EQ(tcu_msg_len(tcu_msg_at(rplbuf, (uint32_t)off)), 48);
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	}
	CHECK_EQ(tm_credits(SEP), 2);
	tm_clear(REP2);
	tm_clear(XEP);
}

/* Zero-length message and zero-length reply. */
static void empty(void)
{
	int32_t off;
	const struct tcu_msg *m;

	CHECK_EQ(tcu_send(SEP, NULL, 0, RPL_REP, 0xe0), TCU_ERR_NONE);
	if ((off = fetch1(REP)) < 0)
		return;
	m = tcu_msg_at(rbuf, (uint32_t)off);
	CHECK_EQ(tcu_msg_len(m), 0);
	CHECK_EQ(m->label, 0x5e9d);
	CHECK_EQ(m->reply_label, 0xe0);
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_REPLY), 0);
	CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_SND_EP), SEP);
	CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_RPL_EP), RPL_REP);
	/* its reply EP refuses SEND */
	CHECK_EQ(tcu_send(RPL_EPS + (unsigned)off / 64, NULL, 0, NO, 0), TCU_ERR_SEND_REPLY_EP);
	CHECK_EQ(tcu_reply(REP, NULL, 0, (uint32_t)off), TCU_ERR_NONE);
	if ((off = fetch1(RPL_REP)) >= 0) {
		m = tcu_msg_at(rplbuf, (uint32_t)off);
		CHECK_EQ(tcu_msg_len(m), 0);
		CHECK_EQ(m->label, 0xe0);
		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_REPLY), 1);
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)off), TCU_ERR_NONE);
	}
	CHECK_EQ(tm_credits(SEP), 2);
}

/* A message without a reply EP: REPLY finds no reply EP (NO_SEP), ACK works. */
static void no_reply(void)
{
	int32_t off;
	const struct tcu_msg *m;

	CHECK_EQ(tcu_send(SEP, "nr", 2, NO, 0x12), TCU_ERR_NONE);
	if ((off = fetch1(REP)) < 0)
		return;
	m = tcu_msg_at(rbuf, (uint32_t)off);
	CHECK_EQ(SPEC_GET(m->hdr1, TCU_HDR1_RPL_EP), NO);
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_RPL_ORDER), 0);
	CHECK_EQ(tm_type(RPL_EPS + (unsigned)off / 64), TCU_EPT_INVALID);
	CHECK_EQ(tcu_reply(REP, "r", 1, (uint32_t)off), TCU_ERR_NO_SEP);
	CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_INV_MSG_OFF);
	CHECK_EQ(tm_credits(SEP), 1);
	tm_set(SEP, tcu_ep_send(ME_X, ME_Y, REP, 0x5e9d, 6, 2));
}

/* More credits than slots: the receiver runs out of space first
 * (RECV_NO_SPACE, credit refunded); an unlimited EP likewise. */
static void no_space(void)
{
	int32_t off;

	for (int unlim = 0; unlim < 2; unlim++) {
		unsigned crd = unlim ? TCU_CRD_UNLIM : 4;

		tm_set(REP2, tcu_ep_recv((uint32_t)(uintptr_t)xbuf, 6, 1, NO));
		tm_set(XEP, tcu_ep_send(ME_X, ME_Y, REP2, 0xaa, 6, crd));
		CHECK_EQ(tcu_send(XEP, "1", 1, NO, 0), TCU_ERR_NONE);
		CHECK_EQ(tcu_send(XEP, "2", 1, NO, 0), TCU_ERR_NONE);
		CHECK_EQ(tcu_send(XEP, "3", 1, NO, 0), TCU_ERR_RECV_NO_SPACE);
		CHECK_EQ(tm_credits(XEP), unlim ? TCU_CRD_UNLIM : 2);
		CHECK_EQ(tm_occ(REP2), 3);
		CHECK_EQ(tm_unread(REP2), 3);
		/* the refused message overwrote nothing */
		CHECK_EQ(tcu_msg_at(xbuf, 0)->data[0], '1');
		CHECK_EQ(tcu_msg_at(xbuf, 64)->data[0], '2');
		CHECK_EQ(SPEC_GET(tcu_msg_at(xbuf, 0)->hdr1, TCU_HDR1_SND_EP), unlim ? NO : XEP);
		if ((off = fetch1(REP2)) >= 0) {
			CHECK_EQ(off, 0);
			CHECK_EQ(tcu_ack(REP2, (uint32_t)off), TCU_ERR_NONE);
		}
		CHECK_EQ(tcu_send(XEP, "4", 1, NO, 0), TCU_ERR_NONE);
		CHECK_EQ(tcu_send(XEP, "5", 1, NO, 0), TCU_ERR_RECV_NO_SPACE);
		for (int i = 0; i < 2; i++) {
			if ((off = fetch1(REP2)) >= 0) {
				CHECK_EQ(tcu_msg_at(xbuf, (uint32_t)off)->data[0], i ? '4' : '2');
				CHECK_EQ(tcu_ack(REP2, (uint32_t)off), TCU_ERR_NONE);
			}
		}
		CHECK_EQ(tcu_fetch(REP2), TCU_NONE_OFF);
		CHECK_EQ(tm_credits(XEP), unlim ? TCU_CRD_UNLIM : 1);
	}
	tm_clear(REP2);
	tm_clear(XEP);
}

/* Two credits, three sends; replies return them; a slot is answered once. */
static void two_credits(void)
{
	int32_t off[2], roff;

	CHECK_EQ(tm_credits(SEP), 2);
	CHECK_EQ(tcu_send(SEP, "first", 5, RPL_REP, 0x101), TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "second", 6, RPL_REP, 0x102), TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "third", 5, RPL_REP, 0x103), TCU_ERR_NO_CREDITS);
	CHECK_EQ(tm_credits(SEP), 0);
	CHECK_EQ(__builtin_popcount(tm_occ(REP)), 2);
	for (int i = 0; i < 2; i++) {
		if ((off[i] = fetch1(REP)) < 0)
			return;
		CHECK_EQ(tcu_msg_len(tcu_msg_at(rbuf, (uint32_t)off[i])), 5u + i);
	}
	CHECK_EQ(tcu_fetch(REP), TCU_NONE_OFF);
	CHECK_EQ(tcu_reply(REP, data, 49, (uint32_t)off[0]), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tm_credits(SEP), 0);
	CHECK_EQ(tcu_reply(REP, "R1", 2, (uint32_t)off[0]), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(SEP), 1);
	CHECK_EQ(tcu_reply(REP, "R1", 2, (uint32_t)off[0]), TCU_ERR_NO_SEP);
	CHECK_EQ(tcu_reply(REP, "R2", 2, (uint32_t)off[1]), TCU_ERR_NONE);
	CHECK_EQ(tm_credits(SEP), 2);
	CHECK_EQ(tcu_reply(REP, "R2", 2, (uint32_t)off[1]), TCU_ERR_NO_SEP);
	CHECK_EQ(tm_occ(REP), 0);
	for (int i = 0; i < 2; i++) {
		if ((roff = fetch1(RPL_REP)) < 0)
			return;
		const struct tcu_msg *m = tcu_msg_at(rplbuf, (uint32_t)roff);
		CHECK_EQ(m->label, 0x101u + i);
		CHECK(m->data[0] == 'R' && m->data[1] == '1' + i);
		CHECK_EQ(tcu_ack(RPL_REP, (uint32_t)roff), TCU_ERR_NONE);
	}
	/* credits never exceed the maximum: a stray reply adds nothing */
	CHECK_EQ(tm_credits(SEP), 2);
}

static void unknown_cmd(void)
{
	static const unsigned ops[] = {TCU_OP_SLEEP, 10, 11, 12, 13, 14, 15};

	for (unsigned i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		CHECK_EQ(tcu_err(tcu_run(ops[i], REP, 0)), TCU_ERR_UNKNOWN_CMD);
	CHECK_EQ(tcu_err(tcu_run(TCU_OP_IDLE, REP, 0)), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP), 0);
}

int main(void)
{
	for (unsigned i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i + 1);
	setup();
	no_sep();
	no_rep();
	inv_msg_off();
	replies_disabled();
	send_reply_ep();
	recv_gone();
	inv_rpl_eps();
	inv_crd_ep();
	inv_msg_sz();
	out_of_bounds();
	empty();
	no_reply();
	no_space();
	two_credits();
	unknown_cmd();
	return check_done("tcu-msg-errors");
}
