/*
 * kern-sys: the root activity of the first system test (kernel on tile 0, this
 * program on tile 1, kern-child on tile 2, memory tile 3). Exercises the
 * syscalls through the runtime library: noops, receive/send/memory gates with
 * messages and memory accesses through them, revoke, a child activity that
 * gets a delegated memory gate and exits with a code we wait for, and a
 * negative case for every error path reachable from here.
 * Root's boot capabilities (2x2): 0 own activity, 1 tile 2, 2 memory tile.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "kern-sys.h"
#include "rt.h"

#define SEL_TILE2 1
#define SEL_MEM 2

static uint8_t rbuf[4 << 6] __attribute__((aligned(256)));
static uint8_t pbuf[1 << 6] __attribute__((aligned(64)));
static unsigned seen[KIF_ERR_PLATFORM + 1];

/* a call that must fail with err */
#define EXPECT_ERR(call, err)                    \
	do {                                     \
		int e_ = (call);                 \
		CHECK_EQ(e_, (err));             \
		if (e_ == (int)(err) && e_ <= (int)KIF_ERR_PLATFORM) \
			seen[e_]++;              \
	} while (0)

static void test_noop(void)
{
	uint32_t m[3] = {KIF_SYS_NOOP, 0, 0};

	for (int i = 0; i < 10; i++)
		CHECK_EQ(rt_sys_noop(), 0);
	EXPECT_ERR(rt_sys_call(m, 2, NULL, 0), KIF_ERR_BAD_MSG);
	m[0] = 99;
	EXPECT_ERR(rt_sys_call(m, 1, NULL, 0), KIF_ERR_UNKNOWN_SYSCALL);
}

static void test_msgs(struct rt_rgate *rg, struct rt_sgate *sg)
{
	struct rt_rgate rpl;
	const struct tcu_msg *m;
	uint32_t msg[2] = {0x11223344, 0x55667788}, ans[2] = {0xa, 0xb};
	int err;

	CHECK_EQ(rt_rgate_new(rg, rbuf, 6, 2), 0);
	CHECK_EQ(rt_rgate_new(&rpl, pbuf, 6, 0), 0);
	CHECK_EQ(rt_sgate_new(sg, rg->sel, 0x1234, 2), 0);
	/* a message to ourselves and its reply */
	CHECK_EQ(rt_sgate_send(sg, msg, sizeof(msg), &rpl, 0x77), 0);
	m = rt_rgate_wait(rg, &err);
	CHECK(m != NULL);
	if (m) {
		CHECK_EQ(m->label, 0x1234);
		CHECK_EQ(tcu_msg_len(m), 8);
		CHECK_EQ(((const uint32_t *)m->data)[1], msg[1]);
		CHECK_EQ(rt_rgate_reply(rg, m, ans, sizeof(ans)), 0);
	}
	m = rt_rgate_wait(&rpl, &err);
	CHECK(m != NULL);
	if (m) {
		CHECK_EQ(m->label, 0x77);
		CHECK_EQ(((const uint32_t *)m->data)[0], ans[0]);
		CHECK_EQ(rt_rgate_ack(&rpl, m), 0);
	}
	/* bad arguments */
	EXPECT_ERR(rt_sys_create_rgate(rg->sel, 6, 0), KIF_ERR_EXISTS);
	EXPECT_ERR(rt_sys_create_rgate(rt_sel_alloc(), 2, 0), KIF_ERR_INV_ARGS);
	EXPECT_ERR(rt_sys_create_sgate(rt_sel_alloc(), 9999, 1, 1), KIF_ERR_INV_SEL);
	EXPECT_ERR(rt_sys_create_sgate(rt_sel_alloc(), sg->sel, 1, 1), KIF_ERR_WRONG_KIND);
	EXPECT_ERR(rt_sys_create_sgate(rt_sel_alloc(), rg->sel, 1, 3), KIF_ERR_NO_SLOTS);
	EXPECT_ERR(rt_sys_activate(sg->ep_sel, rg->sel, (uint32_t)(uintptr_t)rbuf), KIF_ERR_EXISTS);
	/* a service needs slots that hold the kernel's requests */
	EXPECT_ERR(rt_sys_create_serv(rt_sel_alloc(), rg->sel), KIF_ERR_INV_ARGS);
	{
		uint32_t s = rt_sel_alloc();

		CHECK_EQ(rt_sys_create_rgate(s, 7, 1), 0);
		EXPECT_ERR(rt_sys_create_serv(rt_sel_alloc(), s), KIF_ERR_INV_STATE);
	}
}

static void test_mem(struct rt_mgate *mg)
{
	uint32_t w[KS_MEM_SIZE / 4], r[KS_MEM_SIZE / 4];
	struct rt_mgate ro;

	CHECK_EQ(rt_mgate_derive(mg, SEL_MEM, KS_MEM_OFF, KS_MEM_SIZE, KIF_PERM_RW), 0);
	for (unsigned i = 0; i < KS_MEM_SIZE / 4; i++)
		w[i] = KS_PATTERN + i;
	CHECK_EQ(rt_mgate_write(mg, w, sizeof(w), 0), 0);
	memset(r, 0, sizeof(r));
	CHECK_EQ(rt_mgate_read(mg, r, sizeof(r), 0), 0);
	CHECK(memcmp(r, w, sizeof(w)) == 0);
	/* outside the gate's range: refused by the TCU */
	CHECK_EQ(rt_mgate_read(mg, r, 8, KS_MEM_SIZE - 4), TCU_ERR_OUT_OF_BOUNDS);
	/* read-only sub-range: writes refused by the TCU, no widening by the kernel */
	CHECK_EQ(rt_mgate_derive(&ro, mg->sel, 0, 64, KIF_PERM_R), 0);
	CHECK_EQ(rt_mgate_read(&ro, r, 4, 0), 0);
	CHECK_EQ(r[0], KS_PATTERN);
	CHECK(rt_mgate_write(&ro, w, 4, 0) != 0);
	EXPECT_ERR(rt_sys_derive_mem(rt_sel_alloc(), ro.sel, 0, 64, KIF_PERM_RW), KIF_ERR_DENIED);
	EXPECT_ERR(rt_sys_derive_mem(rt_sel_alloc(), mg->sel, 0, KS_MEM_SIZE + 4, KIF_PERM_R), KIF_ERR_DENIED);
	EXPECT_ERR(rt_sys_derive_mem(rt_sel_alloc(), mg->sel, 0, 0, KIF_PERM_R), KIF_ERR_INV_ARGS);
	EXPECT_ERR(rt_sys_derive_mem(rt_sel_alloc(), SEL_TILE2, 0, 4, KIF_PERM_R), KIF_ERR_WRONG_KIND);
	/* revoke the read-only gate: its EP stops working */
	CHECK_EQ(rt_sys_revoke(ro.sel, 1), 0);
	CHECK(rt_mgate_read(&ro, r, 4, 0) != 0);
	EXPECT_ERR(rt_sys_revoke(ro.sel, 1), KIF_ERR_INV_SEL);
	EXPECT_ERR(rt_sys_revoke(KIF_SEL_ACT, 1), KIF_ERR_DENIED);
}

static void test_child(const struct rt_mgate *mg)
{
	uint32_t act = rt_sel_alloc(), id = 0;
	int32_t code = -1;

	EXPECT_ERR(rt_sys_create_act(act, SEL_MEM, 16, 16, 8, &id), KIF_ERR_WRONG_KIND);
	CHECK_EQ(rt_sys_create_act(act, SEL_TILE2, 16, 16, 8, &id), 0);
	EXPECT_ERR(rt_sys_create_act(rt_sel_alloc(), SEL_TILE2, 16, 16, 8, &id), KIF_ERR_NO_FREE_TILE);
	EXPECT_ERR(rt_sys_act_start(KIF_SEL_ACT), KIF_ERR_DENIED);
	EXPECT_ERR(rt_sys_act_wait(mg->sel, &code), KIF_ERR_WRONG_KIND);
	EXPECT_ERR(rt_sys_exchange(act, mg->sel, KS_CHILD_MGATE, 1, 2), KIF_ERR_INV_ARGS);
	CHECK_EQ(rt_sys_exchange(act, mg->sel, KS_CHILD_MGATE, 1, 0), 0);
	EXPECT_ERR(rt_sys_exchange(act, mg->sel, KS_CHILD_MGATE, 1, 0), KIF_ERR_EXISTS);
	CHECK_EQ(rt_sys_act_start(act), 0);
	/* K3: once the child has bound its copy, revoke it (children only: ours stays) */
	{
		uint32_t flag = 0;
		int err = 0;

		for (int i = 0; i < KS_SPIN && flag != KS_FLAG && !err; i++)
			err = rt_mgate_read(mg, &flag, 4, KS_FLAG_OFF);
		CHECK_EQ(err, 0);
		CHECK_EQ(flag, KS_FLAG);
		CHECK_EQ(rt_sys_revoke(mg->sel, 0), 0);
		CHECK_EQ(rt_mgate_read(mg, &flag, 4, 0), 0);
		CHECK_EQ(flag, KS_PATTERN);
	}
	CHECK_EQ(rt_sys_act_wait(act, &code), 0);
	CHECK_EQ(code, KS_CHILD_CODE);
	EXPECT_ERR(rt_sys_act_start(act), KIF_ERR_INV_STATE);
	/* the tile is free again once the activity capability is gone */
	CHECK_EQ(rt_sys_revoke(act, 1), 0);
	printf("kern-sys: child activity %lu exited with %ld\n", (unsigned long)id, (long)code);
}

int main(void)
{
	struct rt_rgate rg;
	struct rt_sgate sg;
	struct rt_mgate mg;
	uint32_t x = 1;

	rt_sel_reserve(SEL_MEM + 1);
	test_noop();
	test_msgs(&rg, &sg);
	test_mem(&mg);
	test_child(&mg);
	/* revoking the receive gate ends the send gate too */
	CHECK_EQ(rt_sys_revoke(rg.sel, 1), 0);
	CHECK(rt_sgate_send(&sg, &x, 4, NULL, 0) != 0);
	printf("kern-sys: errors seen:");
	unsigned kinds = 0;
	for (unsigned e = KIF_FIRST_ERR; e <= KIF_ERR_PLATFORM; e++) {
		if (seen[e]) {
			printf(" %s", rt_strerror((int)e));
			kinds++;
		}
	}
	printf(" (%u kinds), %lu syscalls\n", kinds, (unsigned long)rt_sys_count);
	return check_done("kern-sys");
}
