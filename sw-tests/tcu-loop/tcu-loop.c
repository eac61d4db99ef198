/*
 * tcu-loop: the TCU on the kernel tile of the 2x2 SoC, end to end through the
 * NoC: messages to its own receive EP (header fields, payload, credits, reply
 * with credit return, no credits, ack), and memory EPs onto the memory tile
 * (write / read back, bounds, permissions).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tcu.h"
#include "tile.h"

enum { SEP = 0, REP = 1, RPL_REP = 2, MEP = 3, MEP_RO = 4, RPL_EPS = 8 };
#define MEM_X 1
#define MEM_Y 1

static uint8_t rbuf[4 * 64] __attribute__((aligned(8)));
static uint8_t rplbuf[64] __attribute__((aligned(8)));
static uint8_t big[1024], back[1024];

static unsigned credits(unsigned ep)
{
	struct tcu_ep e;

	tcu_ep_read(ep, &e);
	return TCU_EP_GET(&e, TCU_SEP_CUR_CRD);
}

static void messages(void)
{
	struct tcu_ep e;
	const struct tcu_msg *m;
	int32_t off;

	e = tcu_ep_recv((uint32_t)(uintptr_t)rbuf, 6, 2, RPL_EPS);
	tcu_ep_write(REP, &e);
	e = tcu_ep_recv((uint32_t)(uintptr_t)rplbuf, 6, 0, TCU_NO_EP);
	tcu_ep_write(RPL_REP, &e);
	e = tcu_ep_send(tile_x(), tile_y(), REP, 0x1234, 6, 2);
	tcu_ep_write(SEP, &e);

	CHECK_EQ(tcu_fetch(REP), TCU_NONE_OFF);
	CHECK_EQ(tcu_send(SEP, "hello", 5, RPL_REP, 0x77), TCU_ERR_NONE);
	CHECK_EQ(credits(SEP), 1);
	off = tcu_wait(REP);
	CHECK(off >= 0 && off < (int32_t)sizeof(rbuf));
	if (off < 0)
		return;
	m = tcu_msg_at(rbuf, (uint32_t)off);
	uint32_t first = (uint32_t)off;
	CHECK_EQ(tcu_msg_len(m), 5);
	CHECK_EQ(m->label, 0x1234);
	CHECK_EQ(m->reply_label, 0x77);
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_SRC_X), tile_x());
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_SRC_Y), tile_y());
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_REPLY), 0);
	CHECK(memcmp(m->data, "hello", 5) == 0);
	/* fetched once: no second time */
	CHECK_EQ(tcu_fetch(REP), TCU_NONE_OFF);

	CHECK_EQ(tcu_reply(REP, "world!", 6, (uint32_t)off), TCU_ERR_NONE);
	off = tcu_wait(RPL_REP);
	CHECK_EQ(off, 0);
	m = tcu_msg_at(rplbuf, 0);
	CHECK_EQ(tcu_msg_len(m), 6);
	CHECK_EQ(m->label, 0x77);
	CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_REPLY), 1);
	CHECK(memcmp(m->data, "world!", 6) == 0);
	CHECK_EQ(credits(SEP), 2);
	CHECK_EQ(tcu_ack(RPL_REP, 0), TCU_ERR_NONE);
	/* the reply EP was use-once: a second reply fails (T5), and the slot is free */
	CHECK_EQ(tcu_reply(REP, "x", 1, first), TCU_ERR_NO_SEP);
	CHECK_EQ(tcu_ack(REP, first), TCU_ERR_INV_MSG_OFF);

	/* two credits, three sends */
	CHECK_EQ(tcu_send(SEP, "a", 1, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "bb", 2, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_send(SEP, "ccc", 3, TCU_NO_EP, 0), TCU_ERR_NO_CREDITS);
	CHECK_EQ(credits(SEP), 0);
	for (int i = 0; i < 2; i++) {
		off = tcu_fetch(REP);
		CHECK(off >= 0 && off != TCU_NONE_OFF);
		if (off >= 0 && off != TCU_NONE_OFF) {
			m = tcu_msg_at(rbuf, (uint32_t)off);
			CHECK_EQ(tcu_msg_len(m), (uint32_t)i + 1);
			CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
		}
	}
	/* acked without a reply: the credits stay consumed (M3 semantics) */
	CHECK_EQ(credits(SEP), 0);
	/* a message larger than the send EP allows */
	e = tcu_ep_send(tile_x(), tile_y(), REP, 0, 6, TCU_CRD_UNLIM);
	tcu_ep_write(SEP, &e);
	CHECK_EQ(tcu_send(SEP, big, 64 - TCU_HDR_SIZE + 1, TCU_NO_EP, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_send(SEP, big, 64 - TCU_HDR_SIZE, TCU_NO_EP, 0), TCU_ERR_NONE);
	off = tcu_wait(REP);
	CHECK(off >= 0);
	if (off >= 0)
		CHECK_EQ(tcu_ack(REP, (uint32_t)off), TCU_ERR_NONE);
	/* no send EP / no receive EP */
	CHECK_EQ(tcu_send(MEP, "x", 1, TCU_NO_EP, 0), TCU_ERR_NO_SEP);
	CHECK_EQ(tcu_fetch(SEP), -(int32_t)TCU_ERR_NO_REP);
}

static void memory(void)
{
	struct tcu_ep e = tcu_ep_mem(MEM_X, MEM_Y, 0x1000, sizeof(big), 1, 1);

	CHECK_EQ(tcu_ep_config(tile_x(), tile_y(), MEP, &e), 0);
	e = tcu_ep_mem(MEM_X, MEM_Y, 0x1000, sizeof(big), 1, 0);
	CHECK_EQ(tcu_ep_config(tile_x(), tile_y(), MEP_RO, &e), 0);
	for (unsigned i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7 + 3);
	CHECK_EQ(tcu_write(MEP, big, sizeof(big), 0), TCU_ERR_NONE);
	memset(back, 0, sizeof(back));
	CHECK_EQ(tcu_read(MEP, back, sizeof(back), 0), TCU_ERR_NONE);
	CHECK(memcmp(big, back, sizeof(big)) == 0);
	/* unaligned offsets and sizes */
	memset(back, 0, sizeof(back));
	CHECK_EQ(tcu_read(MEP_RO, back + 3, 101, 17), TCU_ERR_NONE);
	CHECK(memcmp(back + 3, big + 17, 101) == 0);
	CHECK_EQ(back[2], 0);
	CHECK_EQ(back[104], 0);
	/* bounds and permissions */
	CHECK_EQ(tcu_read(MEP, back, 2, sizeof(big) - 1), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(MEP, back, 0, 0), TCU_ERR_NONE);
	CHECK_EQ(tcu_write(MEP_RO, big, 4, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_read(SEP, back, 4, 0), TCU_ERR_NO_MEP);
}

int main(void)
{
	printf("tcu-loop: tile (%u,%u), %u EPs\n", (unsigned)tile_x(), (unsigned)tile_y(), tcu_num_eps());
	messages();
	memory();
	return check_done("tcu-loop");
}
