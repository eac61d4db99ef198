/*
 * test_deep.c - K4: revoke of deep chains and wide fans (10 .. 10 000 capabilities).
 *
 * Built with large pools (kernel.mk KT_BIG). Each revoke runs through the normal
 * syscall path on a thread whose stack was filled with a pattern; the bytes the
 * pattern lost give the stack peak. The peak must not depend on the depth or
 * width (the walk has O(1) state), the walk must take at most 2 moves per
 * capability, and afterwards every capability of the tree is gone from every
 * table and every EP configured from it is invalid.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "ktest.h"
#include "sys.h"

#define R 0
#define STACK_BYTES (256 * 1024)
#define PAINT 0xA5

static struct kern K;
static struct fplat P;
static uint8_t stack_area[STACK_BYTES] __attribute__((aligned(4096)));

#define CHECK KT_CHECK

struct call {
	struct ktest *t;
	unsigned act;
	uint32_t w[KIF_SYSC_MAX_WORDS];
	unsigned n;
	int rc;
};

static void *call_thread(void *arg)
{
	struct call *c = arg;

	c->rc = kt_sys(c->t, c->act, c->w, c->n);
	return NULL;
}

/* Run syscall c on the painted stack; returns the peak stack use in bytes. */
static size_t measured(struct call *c)
{
	pthread_attr_t attr;
	pthread_t th;
	size_t i;

	memset(stack_area, PAINT, sizeof(stack_area));
	if (pthread_attr_init(&attr) || pthread_attr_setstack(&attr, stack_area, sizeof(stack_area)) ||
	    pthread_create(&th, &attr, call_thread, c) || pthread_join(th, NULL)) {
		fprintf(stderr, "test_deep: cannot run the measuring thread\n");
		exit(1);
	}
	pthread_attr_destroy(&attr);
	for (i = 0; i < sizeof(stack_area) && stack_area[i] == PAINT; i++)
		;
	return sizeof(stack_area) - i;
}

#define MUST KT_MUST

enum shape { CHAIN_DERIVE, CHAIN_XCHG, FAN_DERIVE, FAN_XCHG, CHAIN_KILL };

static const char *const shape_name[] = {
	"chain (derive)", "chain (delegate/obtain across 2 activities)", "fan (derive)",
	"fan (delegate to a child)", "chain across 2 activities, revoked by killing the child",
};

/*
 * Root (act 0) and a child C on tile 3 (root sel 20, started). Memory gate base
 * = root sel 10, a derived range of the memory tile.
 */
static unsigned setup(struct ktest *t)
{
	kt_setup(t, &K, &P);
	MUST(t, R, KIF_SYS_DERIVE_MEM, 10, 7, 0, 0x10000, KIF_PERM_RW);
	MUST(t, R, KIF_SYS_CREATE_ACT, 20, 1, KCFG_SELS, 64, 8);
	MUST(t, R, KIF_SYS_ACT_START, 20);
	return t->rpl[1];
}

/* Build a tree of n capabilities (root sel 10 included) below root sel 10. */
static void build(struct ktest *t, enum shape s, unsigned n)
{
	uint32_t i;

	for (i = 1; i < n; i++) {
		switch (s) {
		case CHAIN_DERIVE:
			MUST(t, R, KIF_SYS_DERIVE_MEM, 100 + i, i == 1 ? 10 : 99 + i, 0, 0x10000 - i,
			     KIF_PERM_RW);
			break;
		case FAN_DERIVE:
			MUST(t, R, KIF_SYS_DERIVE_MEM, 100 + i, 10, i % 0x800, 0x800, KIF_PERM_R);
			break;
		case FAN_XCHG:
			MUST(t, R, KIF_SYS_EXCHANGE, 20, 10, i, 1, 0);
			break;
		default: /* chains across root and C: delegate odd steps, obtain even ones */
			if (i % 2)
				MUST(t, R, KIF_SYS_EXCHANGE, 20, i == 1 ? 10 : 99 + i, i, 1, 0);
			else
				MUST(t, R, KIF_SYS_EXCHANGE, 20, 100 + i, i - 1, 1, 1);
			break;
		}
	}
}

/* Build, activate the last capability made on an EP of C, revoke, check; returns the stack peak. */
static size_t one(enum shape s, unsigned n, unsigned *steps, unsigned *revoked)
{
	unsigned c, ncaps0, i, in_c;
	uint32_t last_sel;
	struct call call;
	struct ktest t;
	size_t peak;

	c = setup(&t);
	ncaps0 = K.ncaps;
	build(&t, s, n);
	kt_check(&t, "build");
	/* the capability made last: in C for delegations (odd steps), else in root */
	in_c = n > 1 && (s == FAN_XCHG || ((s == CHAIN_XCHG || s == CHAIN_KILL) && (n - 1) % 2));
	last_sel = n == 1 ? 10 : in_c ? n - 1 : 99 + n;
	MUST(&t, R, KIF_SYS_ALLOC_EP, 21, 20, 4, 0);
	if (in_c) {
		MUST(&t, R, KIF_SYS_EXCHANGE, 20, 21, KCFG_SELS - 1, 1, 0);
		MUST(&t, c, KIF_SYS_ACTIVATE, KCFG_SELS - 1, last_sel, 0);
	} else {
		MUST(&t, R, KIF_SYS_ACTIVATE, 21, last_sel, 0);
	}
	CHECK(PLAT_GET(P.ep[3][4], TCU_EP_TYPE) == TCU_EPT_MEM, "EP not configured");
	kt_check(&t, "activate");
	memset(&call, 0, sizeof(call));
	call.t = &t;
	call.act = R;
	call.n = 3;
	call.w[0] = KIF_SYS_REVOKE;
	call.w[1] = s == CHAIN_KILL ? 20 : 10;
	call.w[2] = 1;
	K.stats.revoke_steps = 0;
	K.stats.revoked = 0;
	peak = measured(&call);
	*steps = K.stats.revoke_steps;
	*revoked = K.stats.revoked;
	CHECK(call.rc == 0, "%s n=%u: revoke kt_failed: %d", shape_name[s], n, call.rc);
	kt_check(&t, "revoke");
	CHECK(PLAT_GET(P.ep[3][4], TCU_EP_TYPE) == TCU_EPT_INVALID, "%s n=%u: EP of a revoked gate still valid",
	      shape_name[s], n);
	if (s == CHAIN_KILL) {
		/* root keeps the chain's head (sel 10) and loses its activity cap of C */
		CHECK(K.acts[c].state == KACT_FREE, "child not ended");
		CHECK(K.ncaps == ncaps0 - 2, "%s n=%u: %u caps left, expected %u", shape_name[s], n, K.ncaps,
		      ncaps0 - 2);
		for (i = 0; i < KCFG_SELS; i++) {
			uint16_t x = cap_lookup(&K, R, i);

			CHECK(x == KNIL || i <= 10, "root still holds sel %u", i);
		}
	} else {
		/* the tree is gone, the EP capabilities stay */
		CHECK(K.ncaps == ncaps0 - 1 + 1 + in_c, "%s n=%u: %u caps left, expected %u", shape_name[s], n,
		      K.ncaps, ncaps0 + in_c);
		CHECK(*revoked == n, "%s n=%u: %u caps revoked", shape_name[s], n, *revoked);
	}
	CHECK(*steps <= 2 * *revoked, "%s n=%u: %u walk steps for %u caps", shape_name[s], n, *steps, *revoked);
	return peak;
}

/* Stack peak of a NOOP syscall on the measuring thread (also warms up lazy symbol binding). */
static size_t noop_peak(void)
{
	struct call call;
	struct ktest t;
	size_t peak;

	setup(&t);
	memset(&call, 0, sizeof(call));
	call.t = &t;
	call.n = 1;
	call.w[0] = KIF_SYS_NOOP;
	measured(&call);
	peak = measured(&call);
	CHECK(call.rc == 0, "noop kt_failed");
	return peak;
}

int main(void)
{
	static const unsigned sizes[] = { 10, 100, 1000, 10000 };
	unsigned s, i, steps, revoked;
	size_t noop = noop_peak();

	for (s = CHAIN_DERIVE; s <= CHAIN_KILL; s++) {
		size_t base = 0;

		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			unsigned before = kt_failed;
			size_t peak = one((enum shape)s, sizes[i], &steps, &revoked);

			if (i == 0)
				base = peak;
			CHECK(peak == base, "%s n=%u: stack peak %zu bytes, %zu at n=%u", shape_name[s], sizes[i], peak,
			      base, sizes[0]);
			printf("K4 %s n=%u: %s, revoke stack peak %zu bytes (n=%u: %zu), %u caps revoked in %u walk steps\n",
			       shape_name[s], sizes[i], kt_failed > before ? "FAIL" : "pass", peak, sizes[0], base, revoked,
			       steps);
		}
	}
	printf("K4 deep trees: up to 10000 capabilities deep and wide, revoke stack peak independent of size "
	       "(a NOOP syscall peaks at %zu bytes on the same ASan thread), %u failed\n", noop, kt_failed);
	return kt_failed ? 1 : 0;
}
