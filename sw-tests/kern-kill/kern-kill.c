/*
 * kern-kill: K7 on the SoC (root on tile 1, kern-spin preloaded on tile 2).
 * KK_ROUNDS times: create an activity on tile 2, give it a send gate to our
 * receive gate, start it, answer two of its messages, then kill it (revoke its
 * activity capability) while it waits for the third answer. Checks that the
 * kill ends it (nobody hangs; ACT_WAIT on the revoked capability answers
 * INV_SEL), that its tile is free again at once, that our receive gate keeps
 * working (the killed children's credits came back), and finally lets one
 * child finish normally with its exit code.
 */
#include <stdio.h>

#include "check.h"
#include "kill.h"
#include "rt.h"

#define SEL_TILE2 1

static uint8_t rbuf[4 << 6] __attribute__((aligned(256)));

/* one child: returns its activity capability; it is waiting for the answer to message 2 */
static uint32_t spawn(struct rt_rgate *rg, uint32_t *sg)
{
	struct rt_act a;
	const struct tcu_msg *m;
	uint32_t zero[2] = {0, 0};
	int err;

	CHECK_EQ(rt_act_create(&a, SEL_TILE2, 2, 16, 16, 8), 0);
	*sg = rt_sel_alloc();
	CHECK_EQ(rt_sys_create_sgate(*sg, rg->sel, 0x77, 1), 0);
	CHECK_EQ(rt_sys_exchange(a.sel, *sg, KK_SGATE_SEL, 1, 0), 0);
	CHECK_EQ(rt_act_start(&a), 0);
	for (uint32_t i = 0; i < 3; i++) {
		m = rt_rgate_wait(rg, &err);
		CHECK(m != NULL);
		if (!m)
			break;
		CHECK_EQ(*(const uint32_t *)m->data, i);
		if (i < 2)
			CHECK_EQ(rt_rgate_reply(rg, m, zero, 8), 0);
		else
			CHECK_EQ(rt_rgate_ack(rg, m), 0); /* the third stays unanswered */
	}
	return a.sel;
}

int main(void)
{
	struct rt_rgate rg;
	uint32_t sg, stop[2] = {KK_STOP, 0};
	int32_t code = -1;

	CHECK_EQ(rt_rgate_new(&rg, rbuf, 6, 2), 0);
	for (int r = 0; r < KK_ROUNDS; r++) {
		uint32_t act = spawn(&rg, &sg);

		CHECK_EQ(rt_sys_revoke(act, 1), 0);
		CHECK_EQ(rt_sys_act_wait(act, &code), KIF_ERR_INV_SEL);
		/* the send gate we gave it went with it; ours is still there */
		CHECK_EQ(rt_sys_revoke(sg, 1), 0);
	}
	/* the tile is free again: one more child, this time it may finish */
	{
		struct rt_act a;
		const struct tcu_msg *m;
		int err;

		CHECK_EQ(rt_act_create(&a, SEL_TILE2, 2, 16, 16, 8), 0);
		sg = rt_sel_alloc();
		CHECK_EQ(rt_sys_create_sgate(sg, rg.sel, 0x77, 1), 0);
		CHECK_EQ(rt_sys_exchange(a.sel, sg, KK_SGATE_SEL, 1, 0), 0);
		CHECK_EQ(rt_act_start(&a), 0);
		m = rt_rgate_wait(&rg, &err);
		CHECK(m != NULL);
		if (m)
			CHECK_EQ(rt_rgate_reply(&rg, m, stop, 8), 0);
		CHECK_EQ(rt_act_wait(&a, &code), 0);
		CHECK_EQ(code, KK_CODE);
	}
	printf("K7 kill: %d children killed while waiting for a reply, tile reused each time, last child exited with %ld\n",
	       KK_ROUNDS, (long)code);
	return check_done("kern-kill");
}
