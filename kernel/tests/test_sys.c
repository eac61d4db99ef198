/*
 * test_sys.c - directed syscall tests (K1) and scenarios (services, activity life
 * cycle, quotas, credits, revoke reaching every tile).
 *
 * Each table case starts from the same fixture, runs one syscall and compares the
 * error. A case that expects an error also checks that the kernel state and the
 * (fake) TCU state are byte-identical afterwards and that no service was sent
 * anything. After every case and scenario step all invariants are checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "ktest.h"
#include "sys.h"

#define R 0 /* root */
#define C 1 /* the child the fixture creates on tile 3 */
#define INV KIF_INV_SEL

static struct kern K;
static struct fplat P;

#define CHECK KT_CHECK

#define W KT_W
#define MUST KT_MUST

/*
 * Root's table after boot: 0 ACT, 1..6 TILE (tiles 3..8), 7 MGATE (memory tile).
 * The fixture adds (root): 10 RGATE order 7, 4 slots on EP 4 (+4 reply EPs) at
 * 0x8000; 11 EP 4; 12 SGATE to 10 (1 credit); 13 MGATE own SPM [0x1000, +0x1000)
 * RW; 14 ACT child C on tile 3 (quota 32 caps, 32 objs, 8 EPs), started; 15 EP 9;
 * 16 SERV on 10; 17 MGATE derived [0x1100, +0x100) R; 18 EP 4 on C's tile;
 * 19 RGATE order 6, 1 slot (not activated). C: 0 ACT, 1 copy of 13.
 */
static void fixture(struct ktest *t)
{
	kt_setup(t, &K, &P);
	MUST(t, R, KIF_SYS_CREATE_RGATE, 10, 7, 2);
	MUST(t, R, KIF_SYS_ALLOC_EP, 11, KIF_SEL_ACT, 4, 4);
	MUST(t, R, KIF_SYS_ACTIVATE, 11, 10, 0x8000);
	MUST(t, R, KIF_SYS_CREATE_SGATE, 12, 10, 0x1234, 1);
	MUST(t, R, KIF_SYS_CREATE_MGATE, 13, KIF_SEL_ACT, 0x1000, 0x1000, KIF_PERM_RW);
	MUST(t, R, KIF_SYS_CREATE_ACT, 14, 1, 32, 32, 8);
	MUST(t, R, KIF_SYS_ALLOC_EP, 15, KIF_SEL_ACT, 9, 0);
	MUST(t, R, KIF_SYS_CREATE_SERV, 16, 10);
	MUST(t, R, KIF_SYS_DERIVE_MEM, 17, 13, 0x100, 0x100, KIF_PERM_R);
	MUST(t, R, KIF_SYS_ALLOC_EP, 18, 14, 4, 0);
	MUST(t, R, KIF_SYS_CREATE_RGATE, 19, 6, 0);
	MUST(t, R, KIF_SYS_EXCHANGE, 14, 13, 1, 1, 0);
	MUST(t, R, KIF_SYS_ACT_START, 14);
	kt_check(t, "fixture");
}

enum { NOFAIL, FAIL_WRITE, FAIL_INVAL, FAIL_CORE, FAIL_SEND };

struct tcase {
	const char *name;
	unsigned act;
	int expect; /* error code, KT_DEFERRED or KT_DROPPED */
	int fail;   /* platform call to fail: kind | n << 4 (the n-th call of that kind) */
	unsigned n;
	const uint32_t *w;
};

#define OK 0
#define E(x) KIF_ERR_##x
#define T(name, act, exp, ...) { name, act, exp, NOFAIL, W(__VA_ARGS__) }
#define TF(name, act, exp, fail, nth, ...) { name, act, exp, (fail) | (nth) << 4, W(__VA_ARGS__) }

static const struct tcase cases[] = {
	/* decoding */
	T("noop", R, OK, KIF_SYS_NOOP),
	T("noop with extra word", R, E(BAD_MSG), KIF_SYS_NOOP, 0),
	T("unknown opcode 17", R, E(UNKNOWN_SYSCALL), 17),
	T("unknown opcode all ones", R, E(UNKNOWN_SYSCALL), 0xFFFFFFFF, 1, 2),
	T("message too long", R, E(BAD_MSG), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
	  21, 22, 23, 24, 25, 26, 27, 28),
	T("revoke too short", R, E(BAD_MSG), KIF_SYS_REVOKE, 13),
	T("from unknown activity 5", 5, KT_DROPPED, KIF_SYS_NOOP),
	T("from activity 200", 200, KT_DROPPED, KIF_SYS_NOOP),
	/* CREATE_RGATE */
	T("rgate ok", R, OK, KIF_SYS_CREATE_RGATE, 20, 11, 5),
	T("rgate dst used", R, E(EXISTS), KIF_SYS_CREATE_RGATE, 10, 7, 2),
	T("rgate dst beyond table", R, E(INV_SEL), KIF_SYS_CREATE_RGATE, KCFG_SELS, 7, 2),
	T("rgate dst INV_SEL", R, E(INV_SEL), KIF_SYS_CREATE_RGATE, INV, 7, 2),
	T("rgate order 3", R, E(INV_ARGS), KIF_SYS_CREATE_RGATE, 20, 3, 2),
	T("rgate order 12", R, E(INV_ARGS), KIF_SYS_CREATE_RGATE, 20, 12, 2),
	T("rgate slots 6", R, E(INV_ARGS), KIF_SYS_CREATE_RGATE, 20, 7, 6),
	T("rgate short", R, E(BAD_MSG), KIF_SYS_CREATE_RGATE, 20, 7),
	/* CREATE_SGATE */
	T("sgate ok", R, OK, KIF_SYS_CREATE_SGATE, 20, 10, 7, 2),
	T("sgate credits beyond free slots", R, E(NO_SLOTS), KIF_SYS_CREATE_SGATE, 20, 10, 7, 3),
	T("sgate 0 credits", R, E(INV_ARGS), KIF_SYS_CREATE_SGATE, 20, 10, 7, 0),
	T("sgate credits > slots", R, E(INV_ARGS), KIF_SYS_CREATE_SGATE, 20, 10, 7, 5),
	T("sgate kernel label", R, E(INV_ARGS), KIF_SYS_CREATE_SGATE, 20, 10, KIF_KERNEL_LABEL, 1),
	T("sgate on mgate", R, E(WRONG_KIND), KIF_SYS_CREATE_SGATE, 20, 13, 7, 1),
	T("sgate on empty sel", R, E(INV_SEL), KIF_SYS_CREATE_SGATE, 20, 30, 7, 1),
	T("sgate dst used", R, E(EXISTS), KIF_SYS_CREATE_SGATE, 10, 10, 7, 1),
	/* CREATE_MGATE */
	T("mgate own SPM", R, OK, KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0, KT_SPM, KIF_PERM_R),
	T("mgate child SPM", R, OK, KIF_SYS_CREATE_MGATE, 20, 14, 0, 0x100, KIF_PERM_RW),
	T("mgate size 0", R, E(INV_ARGS), KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0, 0, KIF_PERM_R),
	T("mgate past SPM end", R, E(INV_ARGS), KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0xF000, 0x1001, KIF_PERM_R),
	T("mgate wraps", R, E(INV_ARGS), KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0xFFFFFFF0, 0x20, KIF_PERM_R),
	T("mgate perms 0", R, E(INV_ARGS), KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0, 16, 0),
	T("mgate perms 4", R, E(INV_ARGS), KIF_SYS_CREATE_MGATE, 20, KIF_SEL_ACT, 0, 16, 4),
	T("mgate act is mgate", R, E(WRONG_KIND), KIF_SYS_CREATE_MGATE, 20, 13, 0, 16, 1),
	T("mgate dst used", R, E(EXISTS), KIF_SYS_CREATE_MGATE, 13, KIF_SEL_ACT, 0, 16, 1),
	T("child mgate own SPM", C, OK, KIF_SYS_CREATE_MGATE, 2, KIF_SEL_ACT, 0, 16, 1),
	/* DERIVE_MEM */
	T("derive whole", R, OK, KIF_SYS_DERIVE_MEM, 20, 13, 0, 0x1000, KIF_PERM_RW),
	T("derive last byte", R, OK, KIF_SYS_DERIVE_MEM, 20, 13, 0xFFF, 1, KIF_PERM_W),
	T("derive memory tile", R, OK, KIF_SYS_DERIVE_MEM, 20, 7, 0x80000, 0x80000, KIF_PERM_R),
	T("derive past end", R, E(DENIED), KIF_SYS_DERIVE_MEM, 20, 13, 0x800, 0x801, KIF_PERM_R),
	T("derive offset wraps", R, E(DENIED), KIF_SYS_DERIVE_MEM, 20, 13, 0xFFFFFFFF, 2, KIF_PERM_R),
	T("derive widens perms", R, E(DENIED), KIF_SYS_DERIVE_MEM, 20, 17, 0, 0x10, KIF_PERM_RW),
	T("derive size 0", R, E(INV_ARGS), KIF_SYS_DERIVE_MEM, 20, 13, 0, 0, KIF_PERM_R),
	T("derive perms 0", R, E(INV_ARGS), KIF_SYS_DERIVE_MEM, 20, 13, 0, 1, 0),
	T("derive from rgate", R, E(WRONG_KIND), KIF_SYS_DERIVE_MEM, 20, 10, 0, 1, KIF_PERM_R),
	T("derive from empty", R, E(INV_SEL), KIF_SYS_DERIVE_MEM, 20, 40, 0, 1, KIF_PERM_R),
	T("child derive its copy", C, OK, KIF_SYS_DERIVE_MEM, 2, 1, 0, 0x10, KIF_PERM_R),
	/* CREATE_ACT */
	T("act ok", R, OK, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4),
	T("act tile taken", R, E(NO_FREE_TILE), KIF_SYS_CREATE_ACT, 20, 1, 16, 16, 4),
	T("act tile is mgate", R, E(WRONG_KIND), KIF_SYS_CREATE_ACT, 20, 13, 16, 16, 4),
	T("act 0 caps", R, E(INV_ARGS), KIF_SYS_CREATE_ACT, 20, 2, 0, 16, 4),
	T("act caps > table", R, E(INV_ARGS), KIF_SYS_CREATE_ACT, 20, 2, KCFG_SELS + 1, 16, 4),
	T("act objs > pool", R, E(INV_ARGS), KIF_SYS_CREATE_ACT, 20, 2, 8, KCFG_MAX_OBJS + 1, 4),
	T("act eps > tile", R, E(INV_ARGS), KIF_SYS_CREATE_ACT, 20, 2, 8, 8, KT_EPS - KIF_FIRST_USER_EP + 1),
	T("act dst used", R, E(EXISTS), KIF_SYS_CREATE_ACT, 14, 2, 8, 8, 4),
	T("child has no tile cap", C, E(INV_SEL), KIF_SYS_CREATE_ACT, 2, 5, 8, 8, 4),
	TF("act 1st EP write fails", R, E(PLATFORM), FAIL_WRITE, 1, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4),
	TF("act 2nd EP write fails", R, E(PLATFORM), FAIL_WRITE, 2, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4),
	TF("act 3rd EP write fails", R, E(PLATFORM), FAIL_WRITE, 3, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4),
	/* ALLOC_EP */
	T("ep ok", R, OK, KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 12, 0),
	T("ep with 2 replies", R, OK, KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 12, 2),
	T("ep on child", R, OK, KIF_SYS_ALLOC_EP, 20, 14, 5, 0),
	T("ep reserved", R, E(INV_ARGS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, KIF_FIRST_USER_EP - 1, 0),
	T("ep past last", R, E(INV_ARGS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, KT_EPS - 1, 1),
	T("ep huge", R, E(INV_ARGS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 0xFFFFFFFF, 1),
	T("ep taken by reply EPs", R, E(EXISTS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 6, 0),
	T("ep replies 3", R, E(INV_ARGS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 12, 3),
	T("ep replies 64", R, E(INV_ARGS), KIF_SYS_ALLOC_EP, 20, KIF_SEL_ACT, 12, 64),
	T("ep act is mgate", R, E(WRONG_KIND), KIF_SYS_ALLOC_EP, 20, 13, 12, 0),
	T("ep child EP quota", R, E(NO_QUOTA), KIF_SYS_ALLOC_EP, 20, 14, 10, 8),
	/* ACTIVATE */
	T("activate sgate", R, OK, KIF_SYS_ACTIVATE, 15, 12, 0),
	T("activate mgate", R, OK, KIF_SYS_ACTIVATE, 15, 13, 0),
	T("activate derived mgate", R, OK, KIF_SYS_ACTIVATE, 15, 17, 0),
	T("activate rgate at SPM end", R, OK, KIF_SYS_ACTIVATE, 15, 19, KT_SPM - 64),
	T("activate sgate on child EP", R, OK, KIF_SYS_ACTIVATE, 18, 12, 0),
	T("deactivate unbound", R, OK, KIF_SYS_ACTIVATE, 15, INV, 0),
	T("rgate past SPM end", R, E(INV_ARGS), KIF_SYS_ACTIVATE, 15, 19, KT_SPM - 63),
	T("rgate twice", R, E(EXISTS), KIF_SYS_ACTIVATE, 15, 10, 0x9000),
	T("over a receive EP", R, E(INV_STATE), KIF_SYS_ACTIVATE, 11, 13, 0),
	T("deactivate receive EP", R, E(INV_STATE), KIF_SYS_ACTIVATE, 11, INV, 0),
	T("deactivate with addr", R, E(INV_ARGS), KIF_SYS_ACTIVATE, 15, INV, 4),
	T("activate ACT cap", R, E(WRONG_KIND), KIF_SYS_ACTIVATE, 15, KIF_SEL_ACT, 0),
	T("activate on mgate", R, E(WRONG_KIND), KIF_SYS_ACTIVATE, 13, 12, 0),
	T("activate empty gate", R, E(INV_SEL), KIF_SYS_ACTIVATE, 15, 40, 0),
	T("sgate with addr", R, E(INV_ARGS), KIF_SYS_ACTIVATE, 15, 12, 4),
	T("mgate with addr", R, E(INV_ARGS), KIF_SYS_ACTIVATE, 15, 13, 4),
	TF("activate EP write fails", R, E(PLATFORM), FAIL_WRITE, 1, KIF_SYS_ACTIVATE, 15, 13, 0),
	/* ACT_START / ACT_STOP / ACT_WAIT */
	T("stop child", R, OK, KIF_SYS_ACT_STOP, 14),
	T("start running child", R, E(INV_STATE), KIF_SYS_ACT_START, 14),
	T("start self", R, E(DENIED), KIF_SYS_ACT_START, KIF_SEL_ACT),
	T("stop self", R, E(DENIED), KIF_SYS_ACT_STOP, KIF_SEL_ACT),
	T("start mgate", R, E(WRONG_KIND), KIF_SYS_ACT_START, 13),
	T("stop empty", R, E(INV_SEL), KIF_SYS_ACT_STOP, 40),
	TF("stop core fails", R, E(PLATFORM), FAIL_CORE, 1, KIF_SYS_ACT_STOP, 14),
	T("wait for running child", R, KT_DEFERRED, KIF_SYS_ACT_WAIT, 14),
	T("wait for self", R, E(DENIED), KIF_SYS_ACT_WAIT, KIF_SEL_ACT),
	T("child waits for itself", C, E(DENIED), KIF_SYS_ACT_WAIT, KIF_SEL_ACT),
	/* EXCHANGE */
	T("delegate 2", R, OK, KIF_SYS_EXCHANGE, 14, 12, 2, 2, 0),
	T("obtain 1", R, OK, KIF_SYS_EXCHANGE, 14, 20, 1, 1, 1),
	T("obtain past used", R, E(INV_SEL), KIF_SYS_EXCHANGE, 14, 20, 1, 2, 1),
	T("delegate onto used", R, E(EXISTS), KIF_SYS_EXCHANGE, 14, 12, 1, 1, 0),
	T("delegate empty source", R, E(INV_SEL), KIF_SYS_EXCHANGE, 14, 8, 2, 3, 0),
	T("exchange 0", R, E(INV_ARGS), KIF_SYS_EXCHANGE, 14, 12, 2, 0, 0),
	T("exchange 9", R, E(INV_ARGS), KIF_SYS_EXCHANGE, 14, 12, 2, KIF_MAX_XCHG + 1, 0),
	T("exchange obtain 2", R, E(INV_ARGS), KIF_SYS_EXCHANGE, 14, 12, 2, 1, 2),
	T("exchange with self", R, E(DENIED), KIF_SYS_EXCHANGE, KIF_SEL_ACT, 12, 30, 1, 0),
	T("exchange via mgate", R, E(WRONG_KIND), KIF_SYS_EXCHANGE, 13, 12, 2, 1, 0),
	T("delegate past table", R, E(INV_SEL), KIF_SYS_EXCHANGE, 14, 12, KCFG_SELS - 1, 2, 0),
	T("delegate dst wraps", R, E(INV_SEL), KIF_SYS_EXCHANGE, 14, 12, 0xFFFFFFFF, 2, 0),
	T("child has no act cap of root", C, E(WRONG_KIND), KIF_SYS_EXCHANGE, 1, 0, 30, 1, 0),
	/* CREATE_SERV */
	T("serv ok", R, OK, KIF_SYS_CREATE_SERV, 20, 10),
	T("serv slots too small", R, E(INV_ARGS), KIF_SYS_CREATE_SERV, 20, 19),
	T("serv on sgate", R, E(WRONG_KIND), KIF_SYS_CREATE_SERV, 20, 12),
	T("serv dst used", R, E(EXISTS), KIF_SYS_CREATE_SERV, 16, 10),
	/* OPEN_SESS */
	T("open ok (waits for the service)", R, KT_DEFERRED, KIF_SYS_OPEN_SESS, 20, 16, 7),
	T("open on rgate", R, E(WRONG_KIND), KIF_SYS_OPEN_SESS, 20, 10, 7),
	T("open dst used", R, E(EXISTS), KIF_SYS_OPEN_SESS, 16, 16, 7),
	TF("open send fails", R, E(SRV_GONE), FAIL_SEND, 1, KIF_SYS_OPEN_SESS, 20, 16, 7),
	/* EXCHANGE_SESS (decoding; completion in the service scenario) */
	T("xsess on serv", R, E(WRONG_KIND), KIF_SYS_EXCHANGE_SESS, 16, 20, 1, 0, 0),
	T("xsess short", R, E(BAD_MSG), KIF_SYS_EXCHANGE_SESS, 16, 20, 1, 0),
	/* REVOKE */
	T("revoke mgate", R, OK, KIF_SYS_REVOKE, 13, 1),
	T("revoke children of mgate", R, OK, KIF_SYS_REVOKE, 13, 0),
	T("revoke children of own ACT", R, OK, KIF_SYS_REVOKE, KIF_SEL_ACT, 0),
	T("revoke rgate (sgate, serv, EP)", R, OK, KIF_SYS_REVOKE, 10, 1),
	T("revoke child ACT", R, OK, KIF_SYS_REVOKE, 14, 1),
	T("revoke tile (kills child)", R, OK, KIF_SYS_REVOKE, 1, 1),
	T("revoke own ACT", R, E(DENIED), KIF_SYS_REVOKE, KIF_SEL_ACT, 1),
	T("revoke own 2", R, E(INV_ARGS), KIF_SYS_REVOKE, 13, 2),
	T("revoke empty", R, E(INV_SEL), KIF_SYS_REVOKE, 40, 1),
	T("revoke beyond table", R, E(INV_SEL), KIF_SYS_REVOKE, 0xFFFFFFFF, 1),
	T("child revokes its copy", C, OK, KIF_SYS_REVOKE, 1, 1),
	/* EXIT */
	T("child exits", C, KT_DEFERRED, KIF_SYS_EXIT, 3),
	T("exit short", C, E(BAD_MSG), KIF_SYS_EXIT),
};

static void set_fail(int spec)
{
	unsigned nth = (unsigned)spec >> 4;

	switch (spec & 15) {
	case FAIL_WRITE:
		P.fail_write = nth;
		break;
	case FAIL_INVAL:
		P.fail_inval = nth;
		break;
	case FAIL_CORE:
		P.fail_core = nth;
		break;
	case FAIL_SEND:
		P.fail_send = nth;
		break;
	default:
		break;
	}
}

/* K1: run the table; returns the number of error cases. */
static unsigned run_table(void)
{
	unsigned i, nerr = 0;
	struct ktest t;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tcase *c = &cases[i];
		uint64_t h0, p0;
		unsigned srv0;
		int r;

		fixture(&t);
		h0 = kern_hash(&K);
		p0 = fplat_hash(&P);
		srv0 = P.nsrv;
		set_fail(c->fail);
		r = kt_sys(&t, c->act, c->w, c->n);
		CHECK(r == c->expect, "case '%s': got %d (%s), want %d (%s)", c->name, r, r > 0 ? kif_err_name(r) : "-",
		      c->expect, c->expect > 0 ? kif_err_name(c->expect) : "-");
		if (c->expect > 0 || c->expect == KT_DROPPED) {
			nerr++;
			CHECK(kern_hash(&K) == h0, "case '%s': kernel state changed by a failing syscall", c->name);
			CHECK(fplat_hash(&P) == p0 && P.nsrv == srv0, "case '%s': TCU state changed by a failing syscall",
			      c->name);
		}
		kt_check(&t, c->name);
	}
	return nerr;
}

/* A message whose length is not a multiple of 4, and a stale label, change nothing. */
static void test_raw(void)
{
	struct ktest t;
	uint32_t w[2] = { KIF_SYS_NOOP, 0 };
	uint64_t h0;

	fixture(&t);
	h0 = kern_hash(&K);
	CHECK(sys_handle(&K, kt_label(&K, R), w, 3) == 0 && kt_last_err(&t, R) == KIF_ERR_BAD_MSG,
	      "3-byte message not BAD_MSG");
	CHECK(kern_hash(&K) == h0, "3-byte message changed state");
	CHECK(sys_handle(&K, kt_label(&K, R), w, 0) == 0 && kt_last_err(&t, R) == KIF_ERR_BAD_MSG,
	      "empty message not BAD_MSG");
	CHECK(sys_handle(&K, kt_label(&K, R) ^ (1u << 8), w, 4) != 0, "stale generation accepted");
	CHECK(kern_hash(&K) == h0, "dropped messages changed state");
	kt_check(&t, "raw");
}

/* kind of (act, sel), KIF_CAP_NONE if empty */
static unsigned kind_at(unsigned act, uint32_t sel)
{
	uint16_t c = cap_lookup(&K, act, sel);

	return c == KNIL ? KIF_CAP_NONE : K.caps[c].kind;
}

/* (act, sel) of the parent of (act, sel) as act << 16 | sel, or ~0u */
static uint32_t parent_at(unsigned act, uint32_t sel)
{
	uint16_t c = cap_lookup(&K, act, sel), p;

	if (c == KNIL || (p = K.caps[c].parent) == KNIL)
		return ~0u;
	return (uint32_t)K.caps[p].act << 16 | K.caps[p].sel;
}

/* The oldest message to a service; its words compared to want[0..n). */
static int srv_msg(struct fplat_msg *m, unsigned n, const uint32_t *want)
{
	if (fplat_pop_srv(&P, m))
		return 0;
	return m->n == n && !memcmp(m->w, want, n * sizeof(*want));
}

#define SRV_MSG(m, ...) srv_msg(m, W(__VA_ARGS__))
#define SRV_REPLY(m, ...) sys_srv_reply(&K, (m)->label, ((const uint32_t[]){ __VA_ARGS__ }), \
					sizeof((const uint32_t[]){ __VA_ARGS__ }))

static void test_services(void)
{
	struct fplat_msg m, old;
	struct ktest t;
	uint64_t h0;

	fixture(&t);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 16, 2, 1, 0); /* C: 2 = service */
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 3, 2, 42) == KT_DEFERRED, "open not deferred");
	CHECK(SRV_MSG(&m, KIF_SRV_OPEN, 42), "SRV_OPEN not sent");
	CHECK(m.tile == KT_ROOT_TILE && m.ep == 4, "SRV_OPEN to tile %u EP %u", m.tile, m.ep);
	CHECK(SRV_REPLY(&m, 0, 0x77) == 0 && kt_last_err(&t, C) == 0, "open not completed");
	CHECK(kind_at(C, 3) == KIF_CAP_SESS && parent_at(C, 3) == (C << 16 | 2), "session cap wrong");
	kt_check(&t, "open");

	/* obtain through the session: the service hands out its sgate 12 */
	CHECK(kt_call(&t, C, 8, KIF_SYS_EXCHANGE_SESS, 3, 4, 2, 1, 2, 11, 12) == KT_DEFERRED, "xsess not deferred");
	CHECK(SRV_MSG(&m, KIF_SRV_EXCHANGE, 0x77, 1, 2, 2, 11, 12), "SRV_EXCHANGE wrong");
	CHECK(SRV_REPLY(&m, 0, 12, 1, 1, 99) == 0, "xsess reply refused");
	CHECK(P.rpl_n[C] == 4 && P.rpl[C][0] == 0 && P.rpl[C][1] == 1 && P.rpl[C][2] == 1 && P.rpl[C][3] == 99,
	      "obtain reply wrong");
	CHECK(kind_at(C, 4) == KIF_CAP_SGATE && parent_at(C, 4) == (R << 16 | 12) && kind_at(C, 5) == KIF_CAP_NONE,
	      "obtained cap wrong");
	kt_check(&t, "obtain");

	/* delegate through the session: C's memory gate copy goes to root sel 25 */
	CHECK(kt_call(&t, C, 6, KIF_SYS_EXCHANGE_SESS, 3, 1, 1, 0, 0) == KT_DEFERRED, "delegate not deferred");
	CHECK(SRV_MSG(&m, KIF_SRV_EXCHANGE, 0x77, 0, 1, 0), "delegate request wrong");
	CHECK(SRV_REPLY(&m, 0, 25, 1, 0) == 0 && kt_last_err(&t, C) == 0, "delegate kt_failed");
	CHECK(kind_at(R, 25) == KIF_CAP_MGATE && parent_at(R, 25) == (C << 16 | 1), "delegated cap wrong");

	/* the service's destination is taken by completion time: EXISTS, nothing moved */
	CHECK(kt_call(&t, C, 6, KIF_SYS_EXCHANGE_SESS, 3, 1, 1, 0, 0) == KT_DEFERRED, "delegate 2 not deferred");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, 0, 10, 1, 0) == 0, "reply refused");
	CHECK(kt_last_err(&t, C) == KIF_ERR_EXISTS, "occupied destination not EXISTS");
	/* refusals and malformed replies */
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 6, 2, 1) == KT_DEFERRED, "open 2");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, KIF_ERR_DENIED, 0) == 0, "reply refused");
	CHECK(kt_last_err(&t, C) == KIF_ERR_DENIED && kind_at(C, 6) == KIF_CAP_NONE, "refusal not passed on");
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 6, 2, 1) == KT_DEFERRED, "open 3");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, 0) == 0, "reply refused");
	CHECK(kt_last_err(&t, C) == KIF_ERR_SRV_GONE, "short reply not SRV_GONE");
	CHECK(kt_call(&t, C, 6, KIF_SYS_EXCHANGE_SESS, 3, 5, 1, 1, 0) == KT_DEFERRED, "xsess 3");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, 0, 12, 2, 0) == 0, "reply refused");
	CHECK(kt_last_err(&t, C) == KIF_ERR_SRV_GONE && kind_at(C, 5) == KIF_CAP_NONE, "count > asked accepted");
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 6, 2, 1) == KT_DEFERRED, "open 4");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, 0xDEAD, 0) == 0, "reply refused");
	CHECK(kt_last_err(&t, C) == KIF_ERR_SRV_GONE, "unknown error code not mapped to SRV_GONE");
	/* a stale reply label is dropped and changes nothing */
	h0 = kern_hash(&K);
	CHECK(SRV_REPLY(&m, 0, 5) != 0 && kern_hash(&K) == h0, "stale service reply accepted");
	kt_check(&t, "refusals");

	/* revoking the session tells the service */
	MUST(&t, C, KIF_SYS_REVOKE, 3, 1);
	CHECK(SRV_MSG(&m, KIF_SRV_CLOSE, 0x77), "SRV_CLOSE not sent");
	CHECK(SRV_REPLY(&m, 0) == 0, "close reply refused");

	/* one request at a time per service: the second waits in the queue */
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 6, 2, 1) == KT_DEFERRED, "open C");
	CHECK(kt_call(&t, R, 4, KIF_SYS_OPEN_SESS, 26, 16, 2) == KT_DEFERRED, "open R");
	CHECK(P.nsrv == 1, "second request not queued (%u messages)", P.nsrv);
	kt_check(&t, "queued");
	CHECK(fplat_pop_srv(&P, &m) == 0 && SRV_REPLY(&m, 0, 1) == 0 && kt_last_err(&t, C) == 0, "first open");
	CHECK(SRV_MSG(&m, KIF_SRV_OPEN, 2), "queued request not sent after the reply");
	CHECK(SRV_REPLY(&m, 0, 2) == 0 && kt_last_err(&t, R) == 0 && kind_at(R, 26) == KIF_CAP_SESS, "second open");
	kt_check(&t, "dequeued");

	/* the service goes away while a client waits: SRV_GONE at once, the late reply is dropped */
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 7, 2, 1) == KT_DEFERRED, "open 5");
	CHECK(fplat_pop_srv(&P, &old) == 0, "no request");
	MUST(&t, R, KIF_SYS_REVOKE, 16, 1);
	CHECK(kt_last_err(&t, C) == KIF_ERR_SRV_GONE, "waiting client not told SRV_GONE");
	CHECK(kind_at(C, 6) == KIF_CAP_NONE && kind_at(R, 26) == KIF_CAP_NONE, "sessions survived their service");
	CHECK(SRV_REPLY(&old, 0, 3) != 0, "late reply accepted");
	kt_check(&t, "service gone");

	/* a client killed while its open is in flight: the accepted session is closed again */
	fixture(&t);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 16, 2, 1, 0);
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 3, 2, 42) == KT_DEFERRED, "open 6");
	CHECK(fplat_pop_srv(&P, &m) == 0, "no request");
	MUST(&t, R, KIF_SYS_REVOKE, 14, 1);
	CHECK(SRV_REPLY(&m, 0, 0x55) == 0, "reply to a dead client's request refused");
	CHECK(SRV_MSG(&m, KIF_SRV_CLOSE, 0x55), "orphan session not closed");
	kt_check(&t, "client gone");
}

static void test_lifecycle(void)
{
	struct ktest t;
	uint32_t old;
	unsigned d;

	fixture(&t);
	MUST(&t, R, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4);
	d = t.rpl[1];
	CHECK(K.acts[d].state == KACT_INIT && !P.run[4], "new activity not held");
	CHECK(kt_call(&t, d, 1, KIF_SYS_NOOP) == KT_DROPPED, "syscall before start accepted");
	MUST(&t, R, KIF_SYS_ACT_START, 20);
	CHECK(P.run[4] && kt_call(&t, d, 1, KIF_SYS_NOOP) == 0, "started activity cannot call");
	MUST(&t, R, KIF_SYS_ACT_STOP, 20);
	CHECK(!P.run[4] && kt_call(&t, d, 1, KIF_SYS_NOOP) == KT_DROPPED, "stopped activity still runs");
	MUST(&t, R, KIF_SYS_ACT_START, 20);
	CHECK(kt_call(&t, R, 2, KIF_SYS_ACT_WAIT, 20) == KT_DEFERRED, "wait not deferred");
	CHECK(kt_call(&t, d, 2, KIF_SYS_EXIT, (uint32_t)-7) == KT_DEFERRED, "exit answered");
	CHECK(P.rpl_n[R] == 2 && P.rpl[R][0] == 0 && P.rpl[R][1] == (uint32_t)-7, "waiter did not get the code");
	CHECK(K.acts[d].state == KACT_EXITED && !P.run[4], "exited activity not stopped");
	kt_check(&t, "exit");
	CHECK(kt_call(&t, R, 2, KIF_SYS_ACT_WAIT, 20) == 0 && t.rpl[1] == (uint32_t)-7, "second wait");
	CHECK(kt_call(&t, d, 1, KIF_SYS_NOOP) == KT_DROPPED, "exited activity can call");
	CHECK(kt_call(&t, R, 6, KIF_SYS_CREATE_ACT, 21, 2, 4, 4, 4) == KIF_ERR_NO_FREE_TILE, "tile reused early");
	old = kt_label(&K, d);
	MUST(&t, R, KIF_SYS_REVOKE, 20, 1);
	CHECK(K.acts[d].state == KACT_FREE, "slot not freed");
	MUST(&t, R, KIF_SYS_CREATE_ACT, 21, 2, 4, 4, 4);
	CHECK(t.rpl[1] == d && kt_label(&K, d) != old, "slot reused without a new generation");
	CHECK(sys_handle(&K, old, (const uint32_t[]){ KIF_SYS_NOOP }, 4) != 0, "old label accepted");
	kt_check(&t, "reuse");

	/* the waiter of an activity whose capability is revoked gets INV_SEL */
	MUST(&t, R, KIF_SYS_EXCHANGE, 21, 14, 1, 1, 0); /* the new activity gets C's activity cap */
	MUST(&t, R, KIF_SYS_ACT_START, 21);
	CHECK(kt_call(&t, d, 2, KIF_SYS_ACT_WAIT, 1) == KT_DEFERRED, "wait for C");
	MUST(&t, R, KIF_SYS_REVOKE, 14, 1);
	CHECK(kt_last_err(&t, d) == KIF_ERR_INV_SEL, "waiter not woken with INV_SEL");
	CHECK(K.tiles[3].act == KACT_NONE && !P.run[3], "killed child still on its tile");
	kt_check(&t, "kill");

	/* a stopped activity loses the syscall it waited in and can call again after a restart */
	fixture(&t);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 16, 2, 1, 0);
	CHECK(kt_call(&t, C, 4, KIF_SYS_OPEN_SESS, 3, 2, 1) == KT_DEFERRED, "open");
	MUST(&t, R, KIF_SYS_ACT_STOP, 14);
	CHECK(P.rpl_n[C] == 0 && K.acts[C].req == KREQ_NONE, "stopped activity's syscall not cancelled");
	kt_check(&t, "stop while waiting");
	MUST(&t, R, KIF_SYS_ACT_START, 14);
	CHECK(kt_call(&t, C, 1, KIF_SYS_NOOP) == 0, "restarted activity cannot call");
	kt_check(&t, "restart");

	/* a waiting activity that is killed loses its wait silently (slot freed, no answer) */
	fixture(&t);
	MUST(&t, R, KIF_SYS_CREATE_ACT, 20, 2, 16, 16, 4);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 20, 2, 1, 0); /* C holds D's activity cap */
	CHECK(kt_call(&t, C, 2, KIF_SYS_ACT_WAIT, 2) == KT_DEFERRED, "C waits for D");
	MUST(&t, R, KIF_SYS_REVOKE, 14, 1);
	CHECK(P.rpl_n[C] == 0 && K.acts[C].state == KACT_FREE, "killed waiter answered");
	kt_check(&t, "killed waiter");
}

/* K5: quotas run out for the greedy activity only; everything comes back. */
static void test_quota(void)
{
	struct kquota used0;
	unsigned ncaps0, nobjs0, g, n;
	struct ktest t;

	fixture(&t);
	used0 = K.acts[R].used;
	ncaps0 = K.ncaps;
	nobjs0 = K.nobjs;
	MUST(&t, R, KIF_SYS_CREATE_ACT, 20, 3, 6, 4, 2); /* G on tile 5: 6 caps, 4 objects, 2 EPs */
	g = t.rpl[1];
	MUST(&t, R, KIF_SYS_ACT_START, 20);
	for (n = 0; n < KCFG_SELS; n++) {
		if (kt_call(&t, g, 4, KIF_SYS_CREATE_RGATE, 1 + n, 7, 0) != 0)
			break;
	}
	CHECK(n == 4 && kt_last_err(&t, g) == KIF_ERR_NO_QUOTA, "object quota: %u gates, then %d", n,
	      kt_last_err(&t, g));
	CHECK(kt_call(&t, g, 6, KIF_SYS_DERIVE_MEM, 9, 1, 0, 1, 1) == KIF_ERR_WRONG_KIND, "derive from rgate");
	MUST(&t, g, KIF_SYS_REVOKE, 4, 1);
	MUST(&t, g, KIF_SYS_CREATE_MGATE, 4, KIF_SEL_ACT, 0, 64, KIF_PERM_RW);
	for (n = 0; n < KCFG_SELS; n++) {
		if (kt_call(&t, g, 6, KIF_SYS_DERIVE_MEM, 10 + n, 4, 0, 1, 1) != 0)
			break;
	}
	CHECK(n == 0 && kt_last_err(&t, g) == KIF_ERR_NO_QUOTA, "derive past object quota: %u", n);
	MUST(&t, g, KIF_SYS_REVOKE, 3, 1);
	MUST(&t, g, KIF_SYS_DERIVE_MEM, 10, 4, 0, 1, 1);
	MUST(&t, R, KIF_SYS_EXCHANGE, 20, 13, 11, 1, 0); /* copies cost capability slots only */
	CHECK(kt_call(&t, R, 6, KIF_SYS_EXCHANGE, 20, 13, 12, 1, 0) == KIF_ERR_NO_QUOTA, "cap quota not hit");
	CHECK(K.acts[g].used.caps == 6 && K.acts[g].used.objs == 4, "greedy counters %u/%u", K.acts[g].used.caps,
	      K.acts[g].used.objs);
	/* EP quota: 2 EPs */
	MUST(&t, R, KIF_SYS_ALLOC_EP, 21, 20, 4, 1);
	CHECK(kt_call(&t, R, 5, KIF_SYS_ALLOC_EP, 22, 20, 6, 0) == KIF_ERR_NO_QUOTA, "EP quota not hit");
	/* the others are not affected */
	CHECK(kt_call(&t, R, 1, KIF_SYS_NOOP) == 0 && kt_call(&t, C, 1, KIF_SYS_NOOP) == 0, "others blocked");
	MUST(&t, C, KIF_SYS_CREATE_RGATE, 2, 7, 0);
	MUST(&t, R, KIF_SYS_CREATE_RGATE, 23, 7, 0);
	MUST(&t, R, KIF_SYS_REVOKE, 23, 1);
	MUST(&t, C, KIF_SYS_REVOKE, 2, 1);
	kt_check(&t, "quota");
	/* ending the greedy activity returns everything */
	MUST(&t, R, KIF_SYS_REVOKE, 20, 1);
	CHECK(K.acts[R].used.caps == used0.caps && K.acts[R].used.objs == used0.objs &&
	      K.acts[R].used.eps == used0.eps && K.ncaps == ncaps0 && K.nobjs == nobjs0,
	      "leak after the greedy activity ended: caps %u->%u objs %u->%u", ncaps0, K.ncaps, nobjs0, K.nobjs);
	printf("K5 quota: greedy activity stopped at its cap/object/EP quotas, others served, 0 caps / 0 objects leaked\n");
	kt_check(&t, "quota end");

	/* no free tile: root fills every processing tile */
	for (n = 0; n < 5; n++)
		MUST(&t, R, KIF_SYS_CREATE_ACT, 30 + n, 2 + n, 2, 2, 2);
	CHECK(kt_call(&t, R, 6, KIF_SYS_CREATE_ACT, 40, 1, 2, 2, 2) == KIF_ERR_NO_FREE_TILE, "no NO_FREE_TILE");
	kt_check(&t, "tiles");
}

/* The credits of all send gates to a receive gate never exceed its slots. */
static void test_credits(void)
{
	struct ktest t;

	fixture(&t); /* rgate 10: 4 slots, sgate 12 (1) + service (1) */
	MUST(&t, R, KIF_SYS_CREATE_SGATE, 20, 10, 1, 2);
	CHECK(kt_call(&t, R, 5, KIF_SYS_CREATE_SGATE, 21, 10, 1, 1) == KIF_ERR_NO_SLOTS, "fifth credit granted");
	CHECK(kt_call(&t, R, 3, KIF_SYS_CREATE_SERV, 21, 10) == KIF_ERR_NO_SLOTS, "service credit granted");
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 20, 2, 1, 0); /* copies share the credits */
	CHECK(kt_call(&t, R, 5, KIF_SYS_CREATE_SGATE, 21, 10, 1, 1) == KIF_ERR_NO_SLOTS, "copy added credits");
	MUST(&t, R, KIF_SYS_ACTIVATE, 15, 20, 0);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 15, 3, 1, 0); /* C gets an EP cap... */
	CHECK(kt_call(&t, C, 4, KIF_SYS_ACTIVATE, 3, 2, 0) == KIF_ERR_EXISTS, "send gate active on two EPs");
	MUST(&t, R, KIF_SYS_REVOKE, 20, 1);
	MUST(&t, R, KIF_SYS_CREATE_SGATE, 21, 10, 1, 2);
	kt_check(&t, "credits");
}

/* Revoke reaches every tile: EPs configured from revoked gates become invalid. */
static void test_revoke_eps(void)
{
	struct ktest t;

	fixture(&t);
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 12, 2, 1, 0); /* C: 2 = sgate copy */
	MUST(&t, R, KIF_SYS_EXCHANGE, 14, 18, 3, 1, 0); /* C: 3 = its EP 4 */
	MUST(&t, C, KIF_SYS_ACTIVATE, 3, 2, 0);
	CHECK(PLAT_GET(P.ep[3][4], TCU_EP_TYPE) == TCU_EPT_SEND && PLAT_GET(P.ep[3][4], TCU_SEP_TGT_EP) == 4,
	      "C's send EP not configured");
	MUST(&t, R, KIF_SYS_REVOKE, 12, 1);
	CHECK(PLAT_GET(P.ep[3][4], TCU_EP_TYPE) == TCU_EPT_INVALID && kind_at(C, 2) == KIF_CAP_NONE,
	      "revoked send gate still configured on another tile");
	kt_check(&t, "sgate revoke");
	MUST(&t, C, KIF_SYS_ACTIVATE, 3, 1, 0); /* memory gate copy */
	MUST(&t, R, KIF_SYS_REVOKE, 13, 0);
	CHECK(PLAT_GET(P.ep[3][4], TCU_EP_TYPE) == TCU_EPT_INVALID, "revoked memory gate still configured");
	kt_check(&t, "mgate revoke");

	/* the receive gate's EP goes: so do the send EPs to it, and it stays unusable */
	fixture(&t);
	MUST(&t, R, KIF_SYS_ACTIVATE, 15, 12, 0);
	MUST(&t, R, KIF_SYS_REVOKE, 11, 1);
	CHECK(PLAT_GET(P.ep[KT_ROOT_TILE][4], TCU_EP_TYPE) == TCU_EPT_INVALID &&
	      PLAT_GET(P.ep[KT_ROOT_TILE][9], TCU_EP_TYPE) == TCU_EPT_INVALID, "EPs survive their receive EP");
	MUST(&t, R, KIF_SYS_ALLOC_EP, 11, KIF_SEL_ACT, 4, 0);
	CHECK(kt_call(&t, R, 4, KIF_SYS_ACTIVATE, 11, 10, 0x8000) == KIF_ERR_EXISTS, "lost rgate re-activated");
	CHECK(kt_call(&t, R, 4, KIF_SYS_ACTIVATE, 15, 12, 0) == KIF_ERR_INV_STATE, "sgate to lost rgate activated");
	kt_check(&t, "rgate lost");

	/* a tile that does not answer an invalidation: the revoke completes, the fault is counted */
	fixture(&t);
	MUST(&t, R, KIF_SYS_ACTIVATE, 18, 13, 0);
	P.fail_inval = 1;
	MUST(&t, R, KIF_SYS_REVOKE, 13, 1);
	CHECK(K.stats.plat_fail == 1 && P.stale_ep[3][4] && kind_at(R, 13) == KIF_CAP_NONE, "fault not counted");
	kt_check(&t, "invalidation fault");
}

/* kern_init refuses bad tile lists; kern_boot builds root's table as documented. */
static void test_boot(void)
{
	struct ktile_desc d[3] = {
		{ 0, 0, KTILE_KERNEL, KT_EPS, KT_SPM },
		{ 1, 0, KTILE_MEM, 4, KT_MEM },
		{ 2, 0, KTILE_PROC, KT_EPS, KT_SPM },
	};
	struct ktest t;
	unsigned s;

	fplat_init(&P);
	CHECK(kern_init(&K, &fplat_ops, &P, d, 3, 1) == KIF_ERR_INV_ARGS, "kernel tile index not checked");
	CHECK(kern_init(&K, &fplat_ops, &P, d, 0, 0) == KIF_ERR_INV_ARGS, "empty tile list accepted");
	d[2].num_eps = KIF_FIRST_USER_EP;
	CHECK(kern_init(&K, &fplat_ops, &P, d, 3, 0) == KIF_ERR_INV_ARGS, "tile without user EPs accepted");
	d[2].num_eps = KT_EPS;
	d[0].num_eps = KIF_KEP_SYSC_RPL + KIF_MAX_ACTS - 1;
	CHECK(kern_init(&K, &fplat_ops, &P, d, 3, 0) == KIF_ERR_INV_ARGS, "kernel tile without reply EPs accepted");
	d[0].num_eps = KT_EPS;
	CHECK(kern_init(&K, &fplat_ops, &P, d, 3, 0) == 0, "good tile list refused");
	CHECK(kern_boot(&K, 1) == -(int)KIF_ERR_NO_FREE_TILE, "root on a memory tile");
	P.fail_write = 1;
	CHECK(kern_boot(&K, 2) == -(int)KIF_ERR_PLATFORM, "EP write failure not reported");
	CHECK(kern_boot(&K, 2) == 0 && kern_boot(&K, 2) == -(int)KIF_ERR_NO_FREE_TILE, "second root on a taken tile");

	kt_setup(&t, &K, &P);
	CHECK(kind_at(R, KIF_SEL_ACT) == KIF_CAP_ACT && kind_at(R, 7) == KIF_CAP_MGATE && kind_at(R, 8) == KIF_CAP_NONE,
	      "root table layout");
	for (s = 1; s < 7; s++)
		CHECK(kind_at(R, s) == KIF_CAP_TILE && K.objs[K.caps[cap_lookup(&K, R, s)].obj].u.tile.tile == s + 2,
		      "root sel %u is not the TILE cap of tile %u", s, s + 2);
	kt_check(&t, "boot");
}

int main(void)
{
	unsigned nerr, ncases = sizeof(cases) / sizeof(cases[0]);

	nerr = run_table();
	test_raw();
	printf("K1 directed: %u cases (%u with errors: kernel and TCU state unchanged after each), %u failed\n", ncases,
	       nerr, kt_failed);
	test_boot();
	test_services();
	test_lifecycle();
	test_quota();
	test_credits();
	test_revoke_eps();
	printf("kernel syscall tests: %u checks, %u failed\n", kt_checks, kt_failed);
	return kt_failed ? 1 : 0;
}
