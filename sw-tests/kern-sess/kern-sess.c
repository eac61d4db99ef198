/*
 * kern-sess: sessions on the SoC, positive and negative (root on tile 1 as the
 * client, kern-svc preloaded on tile 2 as the service). Covers OPEN_SESS and
 * EXCHANGE_SESS (every error the client can provoke, the service's own
 * refusals passed through, per-session identity on the service's send gates,
 * delegation into the service), SRV_CLOSE after a session is revoked, the
 * session capabilities ending with the service, and ACT_STOP.
 */
#include <stdio.h>

#include "check.h"
#include "rt.h"
#include "sess.h"
#include "spec/boot.h"

#define SEL_TILE2 1
#define SEL_MEM 2
#define TRIES 100000

static uint8_t rbuf[64] __attribute__((aligned(64)));
static unsigned seen[KIF_ERR_PLATFORM + 1], kinds;

#define EXPECT_ERR(call, err)                                        \
	do {                                                         \
		int e_ = (call);                                     \
		CHECK_EQ(e_, (err));                                 \
		if (e_ == (int)(err) && e_ <= (int)KIF_ERR_PLATFORM && !seen[e_]++) \
			kinds++;                                     \
	} while (0)

static uint32_t ask(const struct rt_sgate *sg, struct rt_rgate *rg, uint32_t word, uint32_t *closes)
{
	uint32_t r[2] = {0, 0};
	size_t n = 0;

	CHECK_EQ(rt_sgate_call(sg, &word, 4, rg, r, 8, &n), 0);
	if (closes)
		*closes = r[1];
	return r[0];
}

int main(void)
{
	struct rt_act svc;
	struct rt_rgate rg;
	struct rt_sgate sg1, sg2;
	uint32_t serv = rt_sel_alloc(), s1 = rt_sel_alloc(), s2 = rt_sel_alloc(), g1 = rt_sel_alloc();
	uint32_t g2 = rt_sel_alloc(), a[2], res[1], nres, closes = 0, m[8];
	int32_t code = -1;
	int err = 0, i;

	rt_sel_reserve(BOOT_USER_SEL);
	CHECK_EQ(rt_rgate_new(&rg, rbuf, 6, 0), 0);
	CHECK_EQ(rt_act_create(&svc, SEL_TILE2, 2, 32, 32, 16), 0);
	CHECK_EQ(rt_act_start(&svc), 0);
	for (i = 0; i < TRIES; i++) {
		err = rt_sys_exchange(svc.sel, serv, BOOT_SERV_SEL, 1, 1);
		if (err != KIF_ERR_INV_SEL)
			break;
	}
	CHECK_EQ(err, 0);

	/* OPEN_SESS */
	CHECK_EQ(rt_sys_open_sess(s1, serv, 1), 0);
	CHECK_EQ(rt_sys_open_sess(s2, serv, 2), 0);
	EXPECT_ERR(rt_sys_open_sess(rt_sel_alloc(), serv, SS_REFUSE_ARG), KIF_ERR_DENIED);
	EXPECT_ERR(rt_sys_open_sess(s1, serv, 3), KIF_ERR_EXISTS);
	EXPECT_ERR(rt_sys_open_sess(rt_sel_alloc(), s1, 3), KIF_ERR_WRONG_KIND);
	EXPECT_ERR(rt_sys_open_sess(rt_sel_alloc(), 60, 3), KIF_ERR_INV_SEL);

	/* EXCHANGE_SESS: a send gate per session, labelled with its ident */
	a[0] = SS_X_SGATE;
	CHECK_EQ(rt_sys_exchange_sess(s1, g1, 1, 1, a, 1, NULL, NULL), 0);
	CHECK_EQ(rt_sys_exchange_sess(s2, g2, 1, 1, a, 1, NULL, NULL), 0);
	CHECK_EQ(rt_sgate_bind(&sg1, g1), 0);
	CHECK_EQ(rt_sgate_bind(&sg2, g2), 0);
	CHECK_EQ(ask(&sg1, &rg, 0, NULL), SS_IDENT_BASE + 1);
	CHECK_EQ(ask(&sg2, &rg, 0, NULL), SS_IDENT_BASE + 2);
	EXPECT_ERR(rt_sys_exchange_sess(serv, rt_sel_alloc(), 1, 1, a, 1, NULL, NULL), KIF_ERR_WRONG_KIND);
	EXPECT_ERR(rt_sys_exchange_sess(s1, rt_sel_alloc(), KIF_MAX_XCHG + 1, 1, a, 1, NULL, NULL), KIF_ERR_INV_ARGS);
	EXPECT_ERR(rt_sys_exchange_sess(s1, rt_sel_alloc(), 1, 2, a, 1, NULL, NULL), KIF_ERR_INV_ARGS);
	EXPECT_ERR(rt_sys_exchange_sess(s1, g1, 1, 1, a, 1, NULL, NULL), KIF_ERR_EXISTS);
	EXPECT_ERR(rt_sys_exchange_sess(s1, 61, 1, 0, a, 1, NULL, NULL), KIF_ERR_INV_SEL);
	a[0] = SS_X_FULL;
	EXPECT_ERR(rt_sys_exchange_sess(s1, rt_sel_alloc(), 1, 1, a, 1, NULL, NULL), KIF_ERR_NO_SPACE);
	/* NARGS says 2, one word follows */
	m[0] = KIF_SYS_EXCHANGE_SESS, m[1] = s1, m[2] = rt_sel_alloc(), m[3] = 1, m[4] = 1, m[5] = 2, m[6] = SS_X_SGATE;
	EXPECT_ERR(rt_sys_call(m, 7, NULL, 0), KIF_ERR_BAD_MSG);
	/* delegate two memory gates into the service */
	{
		uint32_t d = rt_sel_alloc();

		(void)rt_sel_alloc();
		CHECK_EQ(rt_sys_derive_mem(d, SEL_MEM, 0, 64, KIF_PERM_R), 0);
		CHECK_EQ(rt_sys_derive_mem(d + 1, SEL_MEM, 64, 64, KIF_PERM_R), 0);
		a[0] = SS_X_TAKE;
		nres = 1;
		CHECK_EQ(rt_sys_exchange_sess(s1, d, 2, 0, a, 1, res, &nres), 0);
		CHECK_EQ(nres, 1);
		CHECK_EQ(res[0], 2);
	}

	/* revoking a session tells the service (SRV_CLOSE) */
	CHECK_EQ(rt_sys_revoke(s2, 1), 0);
	for (i = 0; i < 100 && closes == 0; i++)
		ask(&sg1, &rg, 0, &closes);
	CHECK_EQ(closes, 1);
	/* the send gate obtained through s2 stays (a copy of the service's gate) */
	CHECK_EQ(ask(&sg2, &rg, 0, NULL), SS_IDENT_BASE + 2);

	/* the service ends: its service and session capabilities end with it */
	ask(&sg1, &rg, SS_M_DIE, NULL);
	CHECK_EQ(rt_act_wait(&svc, &code), 0);
	CHECK_EQ(code, 0);
	EXPECT_ERR(rt_sys_open_sess(rt_sel_alloc(), serv, 1), KIF_ERR_INV_SEL);
	a[0] = SS_X_SGATE;
	EXPECT_ERR(rt_sys_exchange_sess(s1, rt_sel_alloc(), 1, 1, a, 1, NULL, NULL), KIF_ERR_INV_SEL);

	/* ACT_STOP: not on ourselves, not on an exited activity */
	EXPECT_ERR(rt_sys_act_stop(KIF_SEL_ACT), KIF_ERR_DENIED);
	EXPECT_ERR(rt_sys_act_stop(svc.sel), KIF_ERR_INV_STATE);
	CHECK_EQ(rt_sys_revoke(svc.sel, 1), 0);
	{
		struct rt_act b;

		CHECK_EQ(rt_act_create(&b, SEL_TILE2, 2, 16, 16, 8), 0);
		EXPECT_ERR(rt_sys_act_stop(b.sel), KIF_ERR_INV_STATE); /* created, not started */
		CHECK_EQ(rt_act_start(&b), 0);
		CHECK_EQ(rt_sys_act_stop(b.sel), 0);
		EXPECT_ERR(rt_sys_act_start(KIF_SEL_ACT), KIF_ERR_DENIED);
		CHECK_EQ(rt_sys_revoke(b.sel, 1), 0);
	}
	printf("kern-sess: 2 sessions, SRV_CLOSE seen, %u error kinds provoked\n", kinds);
	return check_done("kern-sess");
}
