/*
 * tcu_model_test.c - directed tests of the TCU reference model against
 * hand-computed expectations: every message, memory, invalidation and privilege
 * error path (the M3 standalone test set), header contents, credits and slots.
 * Prints one line per failed check and "tcu_model: N checks, N failed"; exit
 * status 1 if any check failed.
 */
#include <stdio.h>
#include <string.h>

#include "tcu_model.h"

#define MEM_SIZE 0x10000u

static unsigned checks, failed;

#define CHECK_EQ(got, want)                                                                                   \
	do {                                                                                                  \
		unsigned long long g_ = (got), w_ = (want);                                                   \
		checks++;                                                                                     \
		if (g_ != w_) {                                                                               \
			failed++;                                                                             \
			printf("FAIL %s:%d: %s = 0x%llx, want 0x%llx\n", __FILE__, __LINE__, #got, g_, w_); \
		}                                                                                             \
	} while (0)

#define CHECK_ERR(got, want)                                                                               \
	do {                                                                                               \
		unsigned g_ = (got), w_ = (want);                                                          \
		checks++;                                                                                  \
		if (g_ != w_) {                                                                            \
			failed++;                                                                          \
			printf("FAIL %s:%d: %s = %s, want %s\n", __FILE__, __LINE__, #got, tm_err_name(g_), \
			       tm_err_name(w_));                                                           \
		}                                                                                          \
	} while (0)

static struct tm_sys sys;
static struct tm_tile kern, ta, tb, tmem;
static uint8_t mem_k[MEM_SIZE], mem_a[MEM_SIZE], mem_b[MEM_SIZE], mem_m[MEM_SIZE];

/* tiles: kernel (0,0), A (1,0), B (0,1), memory (1,1); 32 EPs each */
static void setup(void)
{
	tm_sys_init(&sys, 0, 0);
	tm_tile_init(&kern, &sys, 0, 0, 32, mem_k, MEM_SIZE);
	tm_tile_init(&ta, &sys, 1, 0, 32, mem_a, MEM_SIZE);
	tm_tile_init(&tb, &sys, 0, 1, 32, mem_b, MEM_SIZE);
	tm_tile_init(&tmem, &sys, 1, 1, 32, mem_m, MEM_SIZE);
	tm_sys_add(&sys, &kern);
	tm_sys_add(&sys, &ta);
	tm_sys_add(&sys, &tb);
	tm_sys_add(&sys, &tmem);
	for (unsigned i = 0; i < MEM_SIZE; i++) {
		mem_k[i] = (uint8_t)i;
		mem_a[i] = (uint8_t)(i * 7 + 1);
		mem_b[i] = (uint8_t)(i * 13 + 5);
		mem_m[i] = (uint8_t)(i * 3 + 2);
	}
}

static void cfg(struct tm_tile *t, unsigned ep, const uint32_t *w)
{
	CHECK_ERR(tm_cfg_ep(&sys, t, ep, w), TCU_ERR_NONE);
}

static unsigned send(struct tm_tile *t, unsigned ep, uint32_t addr, uint32_t size, unsigned rpl, uint32_t rlabel)
{
	return tm_cmd(&sys, t, TCU_OP_SEND, ep, rpl, addr, size, rlabel);
}

static unsigned reply(struct tm_tile *t, unsigned ep, unsigned off, uint32_t addr, uint32_t size)
{
	return tm_cmd(&sys, t, TCU_OP_REPLY, ep, off, addr, size, 0);
}

static unsigned fetch(struct tm_tile *t, unsigned ep)
{
	tm_cmd(&sys, t, TCU_OP_FETCH_MSG, ep, 0, 0, 0, 0);
	return SPEC_GET(t->command, TCU_CMD_ARG);
}

static unsigned crd(struct tm_tile *t, unsigned ep)
{
	return TM_GET(t->ep[ep], TCU_SEP_CUR_CRD);
}

static uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void test_regs(void)
{
	uint32_t f = tm_mmio_read(&sys, &ta, TCU_REG_FEATURES, NULL);

	CHECK_EQ(SPEC_GET(f, TCU_FEAT_NUM_EPS), 32);
	CHECK_EQ(SPEC_GET(f, TCU_FEAT_KERNEL), 0);
	CHECK_EQ(SPEC_GET(f, TCU_FEAT_TILE_X), 1);
	CHECK_EQ(SPEC_GET(tm_mmio_read(&sys, &kern, TCU_REG_FEATURES, NULL), TCU_FEAT_KERNEL), 1);
	CHECK_EQ(ta.core_ctrl, 1);
	CHECK_EQ(kern.core_ctrl, 0);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_SLEEP, 0, 0, 0, 0, 0), TCU_ERR_UNKNOWN_CMD);
	CHECK_ERR(tm_cmd(&sys, &ta, 15, 0, 0, 0, 0, 0), TCU_ERR_UNKNOWN_CMD);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_IDLE, 0, 0, 0, 0, 0), TCU_ERR_NONE);
	/* argument registers keep their values */
	tm_mmio_write(&sys, &ta, TCU_REG_DATA_ADDR, 0x123);
	CHECK_EQ(tm_mmio_read(&sys, &ta, TCU_REG_DATA_ADDR, NULL), 0x123);
}

static void test_msg_errors(void)
{
	uint32_t w[4];

	setup();
	/* A: 1 send EP to B:EP 4 (2 credits, 64 B), reply recv EP 2; B: recv EP 4 */
	tm_ep_send(w, 0, 1, 4, 0xabcd, 6, 2);
	cfg(&ta, 1, w);
	tm_ep_recv(w, 0x1000, 6, 1, TCU_NO_EP);
	cfg(&ta, 2, w);
	/* NO_SEP: invalid EP, EP beyond NumEps, receive EP */
	CHECK_ERR(send(&ta, 0, 0, 8, TCU_NO_EP, 0), TCU_ERR_NO_SEP);
	CHECK_ERR(send(&ta, 40, 0, 8, TCU_NO_EP, 0), TCU_ERR_NO_SEP);
	CHECK_ERR(send(&ta, 2, 0, 8, TCU_NO_EP, 0), TCU_ERR_NO_SEP);
	/* RECV_GONE: B has no receive EP 4 yet; the credit stays */
	CHECK_ERR(send(&ta, 1, 0, 8, TCU_NO_EP, 0), TCU_ERR_RECV_GONE);
	CHECK_EQ(crd(&ta, 1), 2);
	/* RECV_OUT_OF_BOUNDS: slot of 32 B, message 16 + 17 */
	tm_ep_recv(w, 0x2000, 5, 1, TCU_NO_EP);
	cfg(&tb, 4, w);
	CHECK_ERR(send(&ta, 1, 0, 17, TCU_NO_EP, 0), TCU_ERR_RECV_OUT_OF_BOUNDS);
	CHECK_EQ(crd(&ta, 1), 2);
	/* OUT_OF_BOUNDS at the sender: 16 + 49 > 64 */
	CHECK_ERR(send(&ta, 1, 0, 49, TCU_NO_EP, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* local data outside the SPM */
	CHECK_ERR(send(&ta, 1, MEM_SIZE - 4, 8, TCU_NO_EP, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* RECV_INV_RPL_EPS: 2 slots from reply EP 31 exceed 32 EPs */
	tm_ep_recv(w, 0x2000, 6, 1, 31);
	cfg(&tb, 4, w);
	CHECK_ERR(send(&ta, 1, 0, 8, TCU_NO_EP, 0), TCU_ERR_RECV_INV_RPL_EPS);
	/* RECV_INV_RPL_EPS: the 2 reply EPs from 3 include receive EP 4 itself */
	tm_ep_recv(w, 0x2000, 6, 1, 3);
	cfg(&tb, 4, w);
	CHECK_ERR(send(&ta, 1, 0, 8, TCU_NO_EP, 0), TCU_ERR_RECV_INV_RPL_EPS);
	/* NO_REP: reply EP is not a receive EP; also one beyond NumEps */
	CHECK_ERR(send(&ta, 1, 0, 8, 1, 0), TCU_ERR_NO_REP);
	CHECK_ERR(send(&ta, 1, 0, 8, 100, 0), TCU_ERR_NO_REP);
	/* SEND_INV_MSG_SZ */
	tm_ep_send(w, 0, 1, 4, 0, 3, 1);
	cfg(&ta, 3, w);
	CHECK_ERR(send(&ta, 3, 0, 0, TCU_NO_EP, 0), TCU_ERR_SEND_INV_MSG_SZ);
	tm_ep_send(w, 0, 1, 4, 0, 12, 1);
	cfg(&ta, 3, w);
	CHECK_ERR(send(&ta, 3, 0, 0, TCU_NO_EP, 0), TCU_ERR_SEND_INV_MSG_SZ);
	/* target tile that does not exist */
	tm_ep_send(w, 5, 5, 4, 0, 6, 1);
	cfg(&ta, 3, w);
	CHECK_ERR(send(&ta, 3, 0, 0, TCU_NO_EP, 0), TCU_ERR_TIMEOUT_NOC);
	CHECK_EQ(crd(&ta, 3), 1);
	/* RECV_NO_SPACE: one slot, three credits */
	tm_ep_recv(w, 0x2000, 6, 0, 8);
	cfg(&tb, 4, w);
	tm_ep_send(w, 0, 1, 4, 0, 6, 3);
	cfg(&ta, 3, w);
	CHECK_ERR(send(&ta, 3, 0, 0, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_ERR(send(&ta, 3, 0, 0, TCU_NO_EP, 0), TCU_ERR_RECV_NO_SPACE);
	CHECK_EQ(crd(&ta, 3), 2);
	/* REPLY errors on B */
	CHECK_ERR(reply(&tb, 5, 0, 0, 0), TCU_ERR_NO_REP);
	CHECK_ERR(reply(&tb, 4, 8, 0, 0), TCU_ERR_INV_MSG_OFF);  /* not a slot start */
	CHECK_ERR(reply(&tb, 4, 64, 0, 0), TCU_ERR_INV_MSG_OFF); /* beyond the one slot */
	CHECK_ERR(reply(&tb, 4, 0, 0, 0), TCU_ERR_NO_SEP);	  /* message wanted no reply */
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_ACK_MSG, 4, 0, 0, 0, 0), TCU_ERR_NONE);
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_ACK_MSG, 4, 0, 0, 0, 0), TCU_ERR_INV_MSG_OFF);
	tm_ep_recv(w, 0x2000, 6, 0, TCU_NO_EP);
	cfg(&tb, 4, w);
	CHECK_ERR(reply(&tb, 4, 0, 0, 0), TCU_ERR_REPLIES_DISABLED);
	/* SEND_REPLY_EP: a use-once reply EP refuses SEND */
	tm_ep_recv(w, 0x2000, 6, 0, 8);
	cfg(&tb, 4, w);
	CHECK_ERR(send(&ta, 1, 0, 4, 2, 7), TCU_ERR_NONE);
	CHECK_EQ(TM_GET(tb.ep[8], TCU_SEP_REPLY), 1);
	CHECK_ERR(send(&tb, 8, 0, 0, TCU_NO_EP, 0), TCU_ERR_SEND_REPLY_EP);
	/* ACK_MSG on an invalid / non-receive EP */
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_ACK_MSG, 8, 0, 0, 0, 0), TCU_ERR_NO_REP);
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_FETCH_MSG, 99, 0, 0, 0, 0), TCU_ERR_NO_REP);
}

static void test_msg_flow(void)
{
	uint32_t w[4];
	const uint8_t *slot;
	unsigned off;

	setup();
	/* A: send EP 1 -> B:4, label 0x11223344, 128 B, 2 credits; reply recv EP 2 (64 B slots) */
	tm_ep_send(w, 0, 1, 4, 0x11223344, 7, 2);
	cfg(&ta, 1, w);
	tm_ep_recv(w, 0x3001, 6, 2, TCU_NO_EP); /* unaligned receive buffer */
	cfg(&ta, 2, w);
	/* B: recv EP 4, 4 slots of 128 B at 0x2003 (unaligned), reply EPs 10..13 */
	tm_ep_recv(w, 0x2003, 7, 2, 10);
	cfg(&tb, 4, w);

	memcpy(mem_a + 0x101, "hello, world", 12);
	CHECK_ERR(send(&ta, 1, 0x101, 12, 2, 0xcafe0001), TCU_ERR_NONE);
	CHECK_EQ(crd(&ta, 1), 1);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_OCC), 1);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_UNREAD), 1);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_WPOS), 1);
	CHECK_EQ(tb.irq, 1);
	slot = mem_b + 0x2003;
	/* header word 0: reply 0, rpl order 6, src (1,0), len 12 */
	CHECK_EQ(rd32(slot), (6u << 1) | (1u << 5) | (0u << 9) | (12u << 13));
	CHECK_EQ(rd32(slot + 4), 1u | (2u << 16));
	CHECK_EQ(rd32(slot + 8), 0xcafe0001);
	CHECK_EQ(rd32(slot + 12), 0x11223344);
	CHECK_EQ(memcmp(slot + 16, "hello, world", 12), 0);
	/* the installed reply EP 10 */
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_TYPE), TCU_EPT_SEND);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_REPLY), 1);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_CUR_CRD), 1);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_MSG_ORDER), 6);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_CRD_EP), 1);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_TGT_X), 1);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_TGT_Y), 0);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_TGT_EP), 2);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_SEP_LABEL), 0xcafe0001);

	/* second message, third send has no credits */
	CHECK_ERR(send(&ta, 1, 0x101, 0, 2, 0xcafe0002), TCU_ERR_NONE);
	CHECK_ERR(send(&ta, 1, 0x101, 0, 2, 0xcafe0003), TCU_ERR_NO_CREDITS);
	CHECK_EQ(crd(&ta, 1), 0);
	CHECK_EQ(TM_GET(ta.ep[1], TCU_SEP_MAX_CRD), 2);

	/* fetch in order, then none */
	off = fetch(&tb, 4);
	CHECK_EQ(off, 0);
	CHECK_EQ(fetch(&tb, 4), 128);
	CHECK_EQ(fetch(&tb, 4), TCU_NONE_OFF);
	CHECK_ERR(SPEC_GET(tb.command, TCU_CMD_ERR), TCU_ERR_NONE);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_UNREAD), 0);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_OCC), 3);

	/* reply too large for the 64 B reply slot order */
	CHECK_ERR(reply(&tb, 4, 0, 0x500, 49), TCU_ERR_OUT_OF_BOUNDS);
	memcpy(mem_b + 0x500, "pong", 4);
	CHECK_ERR(reply(&tb, 4, 0, 0x500, 4), TCU_ERR_NONE);
	CHECK_EQ(crd(&ta, 1), 1);
	CHECK_EQ(TM_GET(tb.ep[10], TCU_EP_TYPE), TCU_EPT_INVALID);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_OCC), 2);
	/* second reply to the same message */
	CHECK_ERR(reply(&tb, 4, 0, 0x500, 4), TCU_ERR_NO_SEP);
	/* the reply at A: header says reply, credit EP 1, label = reply label */
	off = fetch(&ta, 2);
	CHECK_EQ(off, 0);
	slot = mem_a + 0x3001;
	CHECK_EQ(rd32(slot), 1u | (0u << 5) | (1u << 9) | (4u << 13)); /* reply from (0,1), 4 B */
	CHECK_EQ(rd32(slot + 4), 1u | ((uint32_t)TCU_NO_EP << 16));
	CHECK_EQ(rd32(slot + 12), 0xcafe0001);
	CHECK_EQ(memcmp(slot + 16, "pong", 4), 0);
	/* empty reply to the empty message */
	CHECK_ERR(reply(&tb, 4, 128, 0, 0), TCU_ERR_NONE);
	CHECK_EQ(crd(&ta, 1), 2);
	CHECK_EQ(TM_GET(tb.ep[4], TCU_REP_OCC), 0);
	CHECK_EQ(rd32(mem_a + 0x3001 + 64) >> 13 & 0xfff, 0);
	/* credits never exceed max: a stray credit return does nothing */
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_ACK_MSG, 2, 0, 0, 0, 0), TCU_ERR_NONE);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_ACK_MSG, 2, 64, 0, 0, 0), TCU_ERR_NONE);

	/* wrap-around: 4 slots, 11 messages sent and handled one by one */
	tm_ep_send(w, 0, 1, 4, 0x55, 7, TCU_CRD_UNLIM);
	cfg(&ta, 3, w);
	for (unsigned i = 0; i < 11; i++) {
		mem_a[0x700] = (uint8_t)i;
		CHECK_ERR(send(&ta, 3, 0x700, 1, TCU_NO_EP, i), TCU_ERR_NONE);
		off = fetch(&tb, 4);
		CHECK_EQ(off, ((2 + i) % 4) * 128);
		CHECK_EQ(mem_b[0x2003 + off + 16], i);
		CHECK_ERR(reply(&tb, 4, off, 0, 0), TCU_ERR_NO_SEP);
		CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_ACK_MSG, 4, off, 0, 0, 0), TCU_ERR_NONE);
	}
	/* no reply EP requested: the credit is gone for good after the ACK (M3) */
	CHECK_ERR(send(&ta, 1, 0x700, 1, TCU_NO_EP, 0), TCU_ERR_NONE);
	off = fetch(&tb, 4);
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_ACK_MSG, 4, off, 0, 0, 0), TCU_ERR_NONE);
	CHECK_EQ(crd(&ta, 1), 1);
}

static void test_unlimited_and_wait(void)
{
	uint32_t w[4], v;
	int block;

	setup();
	tm_ep_send(w, 0, 1, 4, 7, 5, TCU_CRD_UNLIM);
	cfg(&ta, 1, w);
	tm_ep_recv(w, 0x2000, 5, 1, TCU_NO_EP); /* 2 slots */
	cfg(&tb, 4, w);
	v = tm_mmio_read(&sys, &tb, TCU_REG_WAIT_BASE + 4 * 4, &block);
	CHECK_EQ(block, 1);
	v = tm_mmio_read(&sys, &tb, TCU_REG_WAIT_BASE + 4 * 5, &block);
	CHECK_EQ(block, 0);
	CHECK_ERR(SPEC_GET(v, TCU_CMD_ERR), TCU_ERR_NO_REP);
	for (unsigned i = 0; i < 2; i++)
		CHECK_ERR(send(&ta, 1, 0, 0, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_EQ(crd(&ta, 1), TCU_CRD_UNLIM);
	CHECK_EQ(rd32(mem_b + 0x2004) & 0xffff, TCU_NO_EP);
	v = tm_mmio_read(&sys, &tb, TCU_REG_WAIT_BASE + 4 * 4, &block);
	CHECK_EQ(block, 0);
	CHECK_EQ(SPEC_GET(v, TCU_CMD_ARG), 0);
	CHECK_EQ(SPEC_GET(v, TCU_CMD_EP), 4);
	CHECK_ERR(send(&ta, 1, 0, 0, TCU_NO_EP, 0), TCU_ERR_RECV_NO_SPACE);
	CHECK_EQ(crd(&ta, 1), TCU_CRD_UNLIM);
	/* IRQ status: set by delivery, write 1 to clear */
	CHECK_EQ(SPEC_GET(tm_mmio_read(&sys, &tb, TCU_REG_STATUS, NULL), TCU_STATUS_IRQ), 1);
	tm_mmio_write(&sys, &tb, TCU_REG_STATUS, 1);
	CHECK_EQ(SPEC_GET(tm_mmio_read(&sys, &tb, TCU_REG_STATUS, NULL), TCU_STATUS_IRQ), 0);
}

static void test_mem(void)
{
	uint32_t w[4];
	uint8_t ref[8192];

	setup();
	tm_ep_mem(w, 1, 1, 0x1000, 0x3000, 1, 1);
	cfg(&ta, 1, w);
	tm_ep_mem(w, 1, 1, 0x1000, 0x100, 1, 0);
	cfg(&ta, 2, w);
	tm_ep_mem(w, 1, 1, 0x1000, 0x100, 0, 1);
	cfg(&ta, 3, w);
	tm_ep_mem(w, 1, 1, 0xff00, 0x1000, 1, 1); /* region runs past the memory tile's end */
	cfg(&ta, 4, w);
	tm_ep_send(w, 1, 1, 0, 0, 6, 1);
	cfg(&ta, 5, w);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 0, 0, 0, 4, 0), TCU_ERR_NO_MEP);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 5, 0, 0, 4, 0), TCU_ERR_NO_MEP);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 50, 0, 0, 4, 0), TCU_ERR_NO_MEP);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 2, 0, 0, 4, 0), TCU_ERR_NO_PERM);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 3, 0, 0, 4, 0), TCU_ERR_NO_PERM);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 4, 0x100), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 0x101, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 2, 0xffffffffu), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 0xffffffffu, 1), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, MEM_SIZE - 1, 2, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 0x100, 0), TCU_ERR_NONE);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 2, 0, 0, 0, 0x100), TCU_ERR_NONE); /* zero size at the end */
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 3, 0, 0, 0, 0), TCU_ERR_NONE);
	/* the memory tile refuses what lies beyond its memory; bursts before it are done */
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 4, 0, 0, 0x100, 0), TCU_ERR_NONE);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 4, 0, 0, 0x101, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* large unaligned write + read back: 5000 bytes = 3 bursts */
	for (unsigned i = 0; i < 5000; i++)
		mem_a[0x4001 + i] = (uint8_t)(i * 31 + 7);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 1, 0, 0x4001, 5000, 3), TCU_ERR_NONE);
	CHECK_EQ(memcmp(mem_m + 0x1003, mem_a + 0x4001, 5000), 0);
	memcpy(ref, mem_m + 0x1005, 4000);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 1, 0, 0x8002, 4000, 5), TCU_ERR_NONE);
	CHECK_EQ(memcmp(mem_a + 0x8002, ref, 4000), 0);
	/* alignment sweep: len 1..15 x local 0..3 x remote 0..3 */
	for (unsigned len = 1; len < 16; len++)
		for (unsigned lo = 0; lo < 4; lo++)
			for (unsigned ro = 0; ro < 4; ro++) {
				mem_a[0x9000 + lo] = (uint8_t)(len + lo + ro);
				CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 1, 0, 0x9000 + lo, len, 0x200 + ro),
					  TCU_ERR_NONE);
				CHECK_EQ(mem_m[0x1200 + ro], (uint8_t)(len + lo + ro));
			}
	/* memory target missing */
	tm_ep_mem(w, 7, 7, 0, 0x100, 1, 1);
	cfg(&ta, 6, w);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 6, 0, 0, 4, 0), TCU_ERR_TIMEOUT_NOC);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 6, 0, 0, 0, 0), TCU_ERR_NONE);
}

static void test_invalidate(void)
{
	uint32_t w[4], unread;

	setup();
	tm_ep_mem(w, 1, 1, 0, 0x100, 1, 1);
	cfg(&ta, 1, w);
	tm_ep_send(w, 0, 1, 4, 0, 6, 2);
	cfg(&ta, 2, w);
	tm_ep_recv(w, 0x2000, 6, 2, TCU_NO_EP);
	cfg(&tb, 4, w);
	/* forced on MEM and RECV */
	CHECK_ERR(tm_ext_inv(&sys, &ta, 1, 1, &unread), TCU_ERR_NONE);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_READ, 1, 0, 0, 4, 0), TCU_ERR_NO_MEP);
	CHECK_ERR(send(&ta, 2, 0, 0, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_ERR(send(&ta, 2, 0, 0, TCU_NO_EP, 0), TCU_ERR_NONE);
	CHECK_EQ(fetch(&tb, 4), 0);
	CHECK_ERR(tm_ext_inv(&sys, &tb, 4, 1, &unread), TCU_ERR_NONE);
	CHECK_EQ(unread, 2);
	CHECK_ERR(tm_ext_inv(&sys, &tb, 4, 1, &unread), TCU_ERR_NONE); /* twice is fine */
	CHECK_EQ(unread, 0);
	CHECK_ERR(tm_cmd(&sys, &tb, TCU_OP_FETCH_MSG, 4, 0, 0, 0, 0), TCU_ERR_NO_REP);
	/* unforced on SEND with credits outstanding, then forced */
	CHECK_ERR(tm_ext_inv(&sys, &ta, 2, 0, &unread), TCU_ERR_NO_CREDITS);
	CHECK_EQ(TM_GET(ta.ep[2], TCU_EP_TYPE), TCU_EPT_SEND);
	CHECK_ERR(tm_ext_inv(&sys, &ta, 2, 1, &unread), TCU_ERR_NONE);
	CHECK_ERR(send(&ta, 2, 0, 0, TCU_NO_EP, 0), TCU_ERR_NO_SEP);
	/* unforced on a SEND EP with all credits home */
	tm_ep_send(w, 0, 1, 4, 0, 6, 2);
	cfg(&ta, 2, w);
	CHECK_ERR(tm_ext_inv(&sys, &ta, 2, 0, &unread), TCU_ERR_NONE);
	CHECK_ERR(tm_ext_inv(&sys, &ta, 40, 1, &unread), TCU_ERR_OUT_OF_BOUNDS);
	/* the kernel tile invalidates its own EP with a local EXT_CMD store */
	tm_ep_mem(w, 1, 1, 0, 0x100, 1, 1);
	CHECK_EQ(tm_mmio_write(&sys, &kern, TCU_REG_EP_BASE + 16 * 3, w[0]), 0);
	CHECK_EQ(tm_mmio_write(&sys, &kern, TCU_REG_EXT_CMD,
			       SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, 3)), 0);
	CHECK_EQ(kern.ep[3][0], 0);
	CHECK_EQ(SPEC_GET(kern.ext_cmd, TCU_EXTCMD_OP), TCU_EXT_IDLE);
}

static void test_privilege(void)
{
	uint32_t w[4], before[4], words[4];

	setup();
	tm_ep_mem(w, 1, 1, 0, 0x100, 1, 1);
	cfg(&ta, 1, w);
	memcpy(before, ta.ep[1], sizeof(before));
	/* a user core cannot write its EP registers, EXT_CMD or CORE_CTRL */
	for (unsigned i = 0; i < 4; i++)
		CHECK_EQ(tm_mmio_write(&sys, &ta, TCU_REG_EP_BASE + 16 + 4 * i, 0xffffffffu), -1);
	CHECK_EQ(memcmp(ta.ep[1], before, sizeof(before)), 0);
	CHECK_EQ(tm_mmio_write(&sys, &ta, TCU_REG_EXT_CMD,
			       SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, 1) |
				       SPEC_PUT(TCU_EXTCMD_FORCE, 1)), -1);
	CHECK_EQ(TM_GET(ta.ep[1], TCU_EP_TYPE), TCU_EPT_MEM);
	CHECK_EQ(tm_mmio_write(&sys, &tb, TCU_REG_CORE_CTRL, 0), -1);
	CHECK_EQ(tb.core_ctrl, 1);
	CHECK_EQ(SPEC_GET(tm_mmio_read(&sys, &ta, TCU_REG_STATUS, NULL), TCU_STATUS_DENIED), 5);
	/* but it can read them */
	CHECK_EQ(tm_mmio_read(&sys, &ta, TCU_REG_EP_BASE + 16, NULL), before[0]);
	/* forged PRIV_REQ: source A writes B's EP and CORE_CTRL */
	CHECK_ERR(tm_priv_req(&sys, 1, 0, &tb, 1, TCU_REG_EP_BASE / 4 + 4, 4, w, NULL), TCU_ERR_NO_PERM);
	CHECK_EQ(tb.ep[1][0], 0);
	words[0] = 0;
	CHECK_ERR(tm_priv_req(&sys, 1, 0, &tb, 1, TCU_REG_CORE_CTRL / 4, 1, words, NULL), TCU_ERR_NO_PERM);
	CHECK_EQ(tb.core_ctrl, 1);
	CHECK_EQ(SPEC_GET(tm_mmio_read(&sys, &tb, TCU_REG_STATUS, NULL), TCU_STATUS_DENIED), 3);
	/* kernel-only commands from a user tile */
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_PRIV_WR, 0, 0, 0, 4, SPEC_PUT(TCU_PRIVARG_X, 0) | SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_NO_PERM);
	/* the kernel starts B's core with PRIV_WR to CORE_CTRL */
	memset(mem_k + 0x100, 0, 4);
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 4,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_CORE_CTRL / 4) | SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_NONE);
	CHECK_EQ(tb.core_ctrl, 0);
	/* PRIV_WR to a register that is not privileged-writable, bad sizes */
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 4,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_COMMAND / 4) | SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_UNKNOWN_CMD);
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 6, SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_OUT_OF_BOUNDS);
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 68, SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_OUT_OF_BOUNDS);
	/* EP words beyond NumEps are not registers */
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 4,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EP_BASE / 4 + 32 * 4) | SPEC_PUT(TCU_PRIVARG_Y, 1)),
		  TCU_ERR_UNKNOWN_CMD);
	/* PRIV_RD of A's EP 1 into the kernel's SPM */
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_RD, 0, 0, 0x200, 16,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EP_BASE / 4 + 4) | SPEC_PUT(TCU_PRIVARG_X, 1)),
		  TCU_ERR_NONE);
	CHECK_EQ(memcmp(mem_k + 0x200, before, 16), 0);
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_RD, 0, 0, 0x200, 4,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_WAIT_BASE / 4) | SPEC_PUT(TCU_PRIVARG_X, 1)),
		  TCU_ERR_UNKNOWN_CMD);
	/* remote INV_EP through PRIV_WR to EXT_CMD returns the result in RESULT */
	words[0] = SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, 1);
	memcpy(mem_k + 0x100, words, 4);
	CHECK_ERR(tm_cmd(&sys, &kern, TCU_OP_PRIV_WR, 0, 0, 0x100, 4,
			 SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EXT_CMD / 4) | SPEC_PUT(TCU_PRIVARG_X, 1)),
		  TCU_ERR_NONE);
	CHECK_EQ(TM_GET(ta.ep[1], TCU_EP_TYPE), TCU_EPT_INVALID);
	/* a memory EP can never reach TCU registers: addresses are memory only */
	tm_ep_mem(w, 0, 1, 0xfffffff0u, 0x10, 1, 1);
	cfg(&ta, 1, w);
	CHECK_ERR(tm_cmd(&sys, &ta, TCU_OP_WRITE, 1, 0, 0, 4, 0), TCU_ERR_OUT_OF_BOUNDS);
	/* reset holds a user core again, and clears the EPs */
	tm_reset(&sys, &tb);
	CHECK_EQ(tb.core_ctrl, 1);
	CHECK_EQ(tb.ep[1][0] | tb.ep[4][0], 0);
}

int main(void)
{
	setup();
	test_regs();
	test_msg_errors();
	test_msg_flow();
	test_unlimited_and_wait();
	test_mem();
	test_invalidate();
	test_privilege();
	printf("tcu_model: %u checks, %u failed\n", checks, failed);
	return failed ? 1 : 0;
}
