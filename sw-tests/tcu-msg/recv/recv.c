/*
 * tcu-msg-recv: the receive side. Many messages through an 8-slot buffer
 * (slot wrap-around, fetch order, occupied/unread masks, a freed hole is
 * reused, replies and acks mixed); receive and send buffers at every byte
 * alignment (guard bytes around them stay untouched); delivery into the
 * other tiles' SPMs, whose cores are held: the kernel checks their receive
 * EPs with PRIV_RD and the slots through a memory EP onto their SPM.
 * (M3: test_msg_receive, test_unaligned_recvbuf.)
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"
#include "tmsg.h"

enum { SEP = 0, REP = 1, RPL_REP = 2, SEP_U = 3, XEP = 4, MEP = 5, RPL_EPS = 16 };
#define NO TCU_NO_EP
#define LABEL 0x1abe1u

static uint8_t rbuf[8 * 64] __attribute__((aligned(8)));
static uint8_t rplbuf[64] __attribute__((aligned(8)));
static uint8_t ubuf[2 * 64 + 64] __attribute__((aligned(8)));
static uint8_t src[128];

static void wraparound(void)
{
	uint32_t seq = 0, got = 0, bad = 0;
	int32_t off;

	tm_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 3, RPL_EPS));
	tm_set(RPL_REP, tcu_ep_recv((uint32_t)(uintptr_t)rplbuf, 6, 0, NO));
	tm_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, LABEL, 6, 8));
	tm_set(SEP_U, tcu_ep_send(tile_x(), tile_y(), REP, LABEL + 1, 6, TCU_CRD_UNLIM));
	for (unsigned batch = 0; batch < 60; batch++) {
		unsigned b = 1 + batch % 8, unl = batch & 1;
		uint32_t first = seq;

		for (unsigned i = 0; i < b; i++, seq++)
			if (tcu_send(unl ? SEP_U : SEP, &seq, 4, unl ? NO : RPL_REP, seq))
				bad++;
		if (__builtin_popcount(tm_unread(REP)) != (int)b || tm_occ(REP) != tm_unread(REP))
			bad++;
		for (uint32_t s = first; s < seq; s++) {
			off = tcu_fetch(REP);
			/* FIFO use of the slots: message s lands in slot s % 8 */
			if (off != (int32_t)((s % 8) * 64)) {
				bad++;
				break;
			}
			const struct tcu_msg *m = tcu_msg_at(rbuf, (uint32_t)off);
			uint32_t v;

			memcpy(&v, m->data, 4);
			bad += v != s || tcu_msg_len(m) != 4 || m->label != LABEL + unl || m->reply_label != s;
			if (unl) {
				bad += tcu_ack(REP, (uint32_t)off) != 0;
			} else {
				bad += tcu_reply(REP, &s, 4, (uint32_t)off) != 0;
				int32_t r = tcu_fetch(RPL_REP);
				bad += r != 0 || tcu_msg_at(rplbuf, 0)->label != s;
				tcu_ack(RPL_REP, 0);
			}
			got++;
		}
		bad += tcu_fetch(REP) != TCU_NONE_OFF || tm_occ(REP) != 0;
	}
	CHECK_EQ(bad, 0);
	CHECK_EQ(got, seq);
	CHECK(seq > 8 * 30); /* wrapped around many times */
	CHECK_EQ(tm_credits(SEP), 8);
	CHECK_EQ(tm_credits(SEP_U), TCU_CRD_UNLIM);

	/* fill all 8 slots, free a hole, the next message takes the hole */
	for (uint32_t i = 0; i < 8; i++)
		CHECK_EQ(tcu_send(SEP_U, &i, 4, NO, 0), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP), 0xff);
	CHECK_EQ(tcu_send(SEP_U, src, 4, NO, 0), TCU_ERR_RECV_NO_SPACE);
	/* fetch order: round robin from the read position */
	for (uint32_t i = 0; i < 3; i++) {
		uint32_t exp = ((seq + i) % 8) * 64;

		CHECK_EQ(tcu_fetch(REP), exp);
	}
	CHECK_EQ(tm_unread(REP), 0xffu & ~(0x7u << (seq % 8) | 0x7u >> (8 - seq % 8)));
	uint32_t hole = ((seq + 5) % 8) * 64; /* an unread slot */
	CHECK_EQ(tcu_ack(REP, hole), TCU_ERR_NONE); /* acking drops it, fetched or not */
	CHECK_EQ(tm_occ(REP), 0xffu & ~(1u << (hole / 64)));
	uint32_t x = 0x4011e;
	CHECK_EQ(tcu_send(SEP_U, &x, 4, NO, 0), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP), 0xff);
	/* the remaining unread ones come in order, the refilled hole among them */
	unsigned n = 0;
	while ((off = tcu_fetch(REP)) >= 0 && off != TCU_NONE_OFF && n < 10) {
		uint32_t v;

		memcpy(&v, tcu_msg_at(rbuf, (uint32_t)off)->data, 4);
		if ((uint32_t)off == hole)
			CHECK_EQ(v, x);
		else
			CHECK_EQ(v, ((uint32_t)off / 64 - seq % 8 + 8) % 8);
		n++;
	}
	CHECK_EQ(n, 5);
	for (uint32_t s = 0; s < 8; s++)
		CHECK_EQ(tcu_ack(REP, s * 64), TCU_ERR_NONE);
	CHECK_EQ(tm_occ(REP), 0);
	CHECK_EQ(tm_unread(REP), 0);
}

/* Receive buffer, send data and reply buffer at byte offsets 0..7. */
static void unaligned(void)
{
	unsigned bad = 0, total = 0;

	for (unsigned i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i * 13 + 5);
	for (unsigned a = 0; a < 8; a++) {
		uint8_t *buf = ubuf + 8 + a; /* 2 slots of 64 B at an odd address */

		memset(ubuf, 0xee, sizeof(ubuf));
		tm_set(XEP, tcu_ep_recv((uint32_t)(uintptr_t)buf, 6, 1, RPL_EPS));
		tm_set(SEP, tcu_ep_send(tile_x(), tile_y(), XEP, LABEL, 6, 1));
		tm_set(RPL_REP, tcu_ep_recv((uint32_t)(uintptr_t)(rplbuf + a), 5, 0, NO));
		for (unsigned len = 0; len <= 48; len += 1 + a) {
			unsigned s = (len + a) % 7, slot;
			int32_t off;
			struct tcu_msg h;

			total++;
			if (tcu_send(SEP, src + s, len, RPL_REP, len) || (off = tcu_fetch(XEP)) < 0 ||
			    off == TCU_NONE_OFF) {
				bad++;
				continue;
			}
			slot = (uint32_t)off;
			memcpy(&h, buf + slot, sizeof(h));
			bad += tcu_msg_len(&h) != len || h.label != LABEL || h.reply_label != len;
			bad += memcmp(buf + slot + TCU_HDR_SIZE, src + s, len) != 0;
			/* reply from an odd address into an odd reply buffer */
			unsigned rl = len % 17;
			if (tcu_reply(XEP, src + a + 1, rl, slot) || tcu_fetch(RPL_REP) != 0) {
				bad++;
				continue;
			}
			memcpy(&h, rplbuf + a, sizeof(h));
			bad += tcu_msg_len(&h) != rl || h.label != len || !SPEC_GET(h.hdr0, TCU_HDR0_REPLY);
			bad += memcmp(rplbuf + a + TCU_HDR_SIZE, src + a + 1, rl) != 0;
			bad += tcu_ack(RPL_REP, 0) != 0;
		}
		/* the guards around the buffer are untouched */
		for (unsigned i = 0; i < 8 + a; i++)
			bad += ubuf[i] != 0xee;
		for (unsigned i = 8 + a + 128; i < sizeof(ubuf); i++)
			bad += ubuf[i] != 0xee;
	}
	CHECK_EQ(bad, 0);
	CHECK(total > 50);
	tm_clear(XEP);
}

/* Messages into the SPMs of tiles 1 and 2 (their cores are held). */
static void remote(void)
{
	static const unsigned tx[] = {1, 0}, ty[] = {0, 1};
	const uint32_t rb = 0xc000, REP_T = 3;
	uint32_t w[4];
	uint8_t slot[64];

	for (unsigned t = 0; t < 2; t++) {
		struct tcu_ep e = tcu_ep_recv(rb + 3, 6, 2, NO);

		CHECK_EQ(tcu_ep_config(tx[t], ty[t], REP_T, &e), 0);
		tm_set(SEP_U, tcu_ep_send(tx[t], ty[t], REP_T, 0xfa00 + t, 6, TCU_CRD_UNLIM));
		tm_set(MEP, tcu_ep_mem(tx[t], ty[t], rb, 4 * 64 + 3, 1, 0));
		for (uint32_t i = 0; i < 4; i++)
			CHECK_EQ(tcu_send(SEP_U, src + i, 10 + i, NO, 0x700 + i), TCU_ERR_NONE);
		CHECK_EQ(tcu_send(SEP_U, src, 1, NO, 0), TCU_ERR_RECV_NO_SPACE);
		CHECK_EQ(tcu_send(SEP_U, src, 49, NO, 0), TCU_ERR_OUT_OF_BOUNDS);
		CHECK_EQ(tcu_priv_read(tx[t], ty[t], (TCU_REG_EP_BASE + TCU_EP_BYTES * REP_T) / 4, w, 4), 0);
		CHECK_EQ(w[2], 0xf); /* OCC */
		CHECK_EQ(w[3], 0xf); /* UNREAD */
		for (uint32_t i = 0; i < 4; i++) {
			struct tcu_msg h;

			CHECK_EQ(tcu_read(MEP, slot, 64, 3 + 64 * i), TCU_ERR_NONE);
			memcpy(&h, slot, sizeof(h));
			CHECK_EQ(tcu_msg_len(&h), 10 + i);
			CHECK_EQ(h.label, 0xfa00 + t);
			CHECK_EQ(h.reply_label, 0x700 + i);
			CHECK_EQ(SPEC_GET(h.hdr0, TCU_HDR0_SRC_X), tile_x());
			CHECK_EQ(SPEC_GET(h.hdr0, TCU_HDR0_SRC_Y), tile_y());
			CHECK(memcmp(slot + TCU_HDR_SIZE, src + i, 10 + i) == 0);
		}
		/* the kernel empties the buffer by reconfiguring the EP */
		CHECK_EQ(tcu_ep_config(tx[t], ty[t], REP_T, &e), 0);
		CHECK_EQ(tcu_send(SEP_U, src, 1, NO, 0), TCU_ERR_NONE);
		CHECK_EQ(tcu_inv_ep(tx[t], ty[t], REP_T, 1, &w[0]), 0);
		CHECK_EQ(w[0], 1); /* its unread mask */
		CHECK_EQ(tcu_send(SEP_U, src, 1, NO, 0), TCU_ERR_RECV_GONE);
	}
	tm_clear(SEP_U);
	tm_clear(MEP);
}

int main(void)
{
	wraparound();
	unaligned();
	remote();
	return check_done("tcu-msg-recv");
}
