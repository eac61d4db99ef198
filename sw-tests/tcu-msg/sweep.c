/*
 * tcu-msg-sweep: message and reply sizes on the kernel tile. For every
 * message size n in [FIRST, LAST] (all of 0 .. 2032 = 2 KiB minus the header
 * over the programs tcu-msg-sweep0..3), send n bytes and reply with 2032 - n
 * bytes, so every reply size is covered too. Each delivery is checked
 * completely: header (length, labels, source, sender/reply EPs, reply
 * order), every payload byte, and a canary byte right after the payload that
 * must stay untouched; the credit comes back with every reply.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"
#include "tmsg.h"

/* PART k of NPARTS (one program each: sw-tests/tcu-msg/sweep<k>) */
#ifndef PART
#define PART 0
#endif
#define NPARTS 4
#define FIRST (PART * 509u)
#define LAST (PART == NPARTS - 1 ? 2032u : FIRST + 508u)
#define STR_(x) #x
#define STR(x) STR_(x)
#define SWEEP_NAME "tcu-msg-sweep" STR(PART)

enum { SEP = 0, REP = 1, RPL_REP = 2, RPL_EPS = 16 };
#define MAXPL (2048 - TCU_HDR_SIZE)
#define LABEL 0x5eedu
#define PAT0 0x3c2d1e0fu
#define STEP 0x01030507u /* odd byte steps: neighbouring bytes differ */
#define CANARY 0xa5u

static uint8_t rbuf[2048] __attribute__((aligned(8)));
static uint8_t rplbuf[2048] __attribute__((aligned(8)));
static uint32_t pat[MAXPL / 4 + 16];
static unsigned bad_hdr, bad_data, bad_canary, bad_cmd;

/* Number of leading bytes of p (word aligned) that match the pattern stream
 * starting with word w. */
static unsigned match(const uint8_t *p, unsigned n, uint32_t w)
{
	const uint32_t *q = (const uint32_t *)p;
	uint32_t step = STEP;
	unsigned i = 0;

	/* unrolled: the PicoRV32 spends most of this test here */
	for (; i + 32 <= n; i += 32, q += 8) {
		uint32_t w1 = w + step, w2 = w1 + step, w3 = w2 + step, w4 = w3 + step;
		uint32_t w5 = w4 + step, w6 = w5 + step, w7 = w6 + step;

		if (q[0] != w || q[1] != w1 || q[2] != w2 || q[3] != w3 || q[4] != w4 || q[5] != w5 ||
		    q[6] != w6 || q[7] != w7)
			break;
		w = w7 + step;
	}
	for (; i + 4 <= n; i += 4, w += step)
		if (*q++ != w)
			break;
	for (; i < n; i++)
		if (p[i] != (uint8_t)(w >> (8 * (i & 3))))
			return i;
	return n;
}

static void note(const char *what, unsigned n, unsigned v)
{
	if (bad_hdr + bad_data + bad_canary + bad_cmd <= 10)
		printf("%s: size %u: %s (0x%x)\n", SWEEP_NAME, n, what, v);
}

static void set_canary(uint8_t *slot, unsigned len)
{
	if (TCU_HDR_SIZE + len < 2048)
		slot[TCU_HDR_SIZE + len] = CANARY;
}

static int canary_ok(const uint8_t *slot, unsigned len)
{
	return TCU_HDR_SIZE + len >= 2048 || slot[TCU_HDR_SIZE + len] == CANARY;
}

/* Check the message in slot (len bytes of pattern from word w0). */
static void check_msg(const uint8_t *slot, unsigned n, unsigned len, uint32_t w0, int reply, uint32_t label,
		      uint32_t rlabel)
{
	const struct tcu_msg *m = (const struct tcu_msg *)slot;
	unsigned got;

	if (tcu_msg_len(m) != len || m->label != label || (!reply && m->reply_label != rlabel) ||
	    SPEC_GET(m->hdr0, TCU_HDR0_REPLY) != (unsigned)reply || SPEC_GET(m->hdr0, TCU_HDR0_SRC_X) != tile_x() ||
	    SPEC_GET(m->hdr0, TCU_HDR0_SRC_Y) != tile_y() ||
	    SPEC_GET(m->hdr0, TCU_HDR0_RPL_ORDER) != (reply ? 0u : 11u) ||
	    SPEC_GET(m->hdr1, TCU_HDR1_SND_EP) != SEP ||
	    SPEC_GET(m->hdr1, TCU_HDR1_RPL_EP) != (reply ? TCU_NO_EP : RPL_REP)) {
		bad_hdr++;
		note(reply ? "reply header" : "message header", n, m->hdr0);
	}
	got = match(m->data, len, w0);
	if (got != len) {
		bad_data++;
		note(reply ? "reply payload differs at byte" : "payload differs at byte", n, got);
	}
	if (!canary_ok(slot, len)) {
		bad_canary++;
		note(reply ? "reply overran its length" : "message overran its length", n, len);
	}
}

int main(void)
{
	unsigned rounds = 0;

	for (unsigned j = 0; j < sizeof(pat) / 4; j++)
		pat[j] = PAT0 + j * STEP;
	tm_set(REP, tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 11, 0, RPL_EPS));
	tm_set(RPL_REP, tcu_ep_recv((uint32_t)(uintptr_t)rplbuf, 11, 0, TCU_NO_EP));
	tm_set(SEP, tcu_ep_send(tile_x(), tile_y(), REP, LABEL, 11, 1));
	/* one byte too many, for both */
	CHECK_EQ(tcu_send(SEP, pat, MAXPL + 1, RPL_REP, 0), TCU_ERR_OUT_OF_BOUNDS);

	for (unsigned n = FIRST; n <= LAST; n++, rounds++) {
		unsigned k = n % 16, k2 = (n * 7) % 16, m = MAXPL - n;
		int32_t off;
		int err;

		set_canary(rbuf, n);
		set_canary(rplbuf, m);
		err = tcu_send(SEP, &pat[k], n, RPL_REP, n);
		off = err ? -err : tcu_fetch(REP);
		if (off != 0) {
			bad_cmd++;
			note("send/fetch", n, (unsigned)off);
			break;
		}
		check_msg(rbuf, n, n, PAT0 + k * STEP, 0, LABEL, n);
		if (n == FIRST) /* oversized reply refused, slot kept */
			CHECK_EQ(tcu_reply(REP, pat, MAXPL + 1, 0), TCU_ERR_OUT_OF_BOUNDS);
		err = tcu_reply(REP, &pat[k2], m, 0);
		off = err ? -err : tcu_fetch(RPL_REP);
		if (off != 0) {
			bad_cmd++;
			note("reply/fetch", n, (unsigned)off);
			break;
		}
		check_msg(rplbuf, n, m, PAT0 + k2 * STEP, 1, n, 0);
		err = tcu_ack(RPL_REP, 0);
		if (err || tm_credits(SEP) != 1) {
			bad_cmd++;
			note("ack/credits", n, (unsigned)err);
		}
	}
	CHECK_EQ(rounds, LAST - FIRST + 1);
	CHECK_EQ(bad_cmd, 0);
	CHECK_EQ(bad_hdr, 0);
	CHECK_EQ(bad_data, 0);
	CHECK_EQ(bad_canary, 0);
	CHECK_EQ(tm_occ(REP), 0);
	CHECK_EQ(tm_occ(RPL_REP), 0);
	printf("%s: message sizes %u..%u, reply sizes %u..%u, %u rounds\n", SWEEP_NAME, FIRST, LAST,
	       MAXPL - LAST, MAXPL - FIRST, rounds);
	return check_done(SWEEP_NAME);
}
