/*
 * fuzz_sys.c - libFuzzer target: syscall decoding and dispatch, stateful.
 *
 * Every input starts from the same state (root R, children A1 and A2, A1's
 * child A3, a service of R with an open session of A1, gates and EPs) and is a
 * sequence of records:
 *   c n w0 .. w(n-1)   c < 0xE0: syscall of activity c % 4 with n % 29 words
 *                      (the last record may be cut short: any length reaches
 *                      the decoder)
 *   0xF0.. n words     the service answers its oldest pending request with these
 *                      words (c & 1: with a corrupted reply label)
 *   0xE0.. m           the platform fails the m-th next call of kind c & 3
 *                      (EP write, EP invalidate, core control, service send)
 * After every syscall answered with an error: the kernel and TCU state are
 * byte-identical to before (K1). After every input: kern_check and fplat_check
 * hold (EPs whose invalidation the fake refused are exempt: the kernel cannot undo
 * a revoke and counts the fault). Any violation aborts, which libFuzzer reports
 * as a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ktest.h"
#include "sys.h"

#define NACT KT_FAMILY
#define R 0
#define MAX_RECORDS 64

static struct kern K, K0, Kinit;
static struct fplat P, Pinit;
static struct ktest T;
static unsigned long long inputs, syscalls, refused, replies;

#define MUST(act, ...) KT_MUST(&T, act, __VA_ARGS__)

static void report(void)
{
	printf("K1 fuzz: %llu inputs, %llu syscalls (%llu refused, state unchanged after each), %llu service replies, "
	       "0 invariant violations\n", inputs, syscalls, refused, replies);
}

/*
 * R: 10 RGATE (order 7, 8 slots) on EP 4 (sel 11), 12 SERV, 13 SGATE to 10,
 * 14 MGATE own SPM, then kt_family (20/21 ACT A1/A2; A1: 1 TILE, 2 ACT A3;
 * EP caps for EPs 5, 6 at 60, 61), A1: 3 SERV copy, 4 SESS.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct fplat_msg m;

	(void)argc;
	(void)argv;
	kt_setup(&T, &K, &P);
	MUST(R, KIF_SYS_CREATE_RGATE, 10, 7, 3);
	MUST(R, KIF_SYS_ALLOC_EP, 11, KIF_SEL_ACT, 4, 0);
	MUST(R, KIF_SYS_ACTIVATE, 11, 10, 0x8000);
	MUST(R, KIF_SYS_CREATE_SERV, 12, 10);
	MUST(R, KIF_SYS_CREATE_SGATE, 13, 10, 0x55, 2);
	MUST(R, KIF_SYS_CREATE_MGATE, 14, KIF_SEL_ACT, 0x1000, 0x2000, KIF_PERM_RW);
	kt_family(&T);
	MUST(R, KIF_SYS_EXCHANGE, 20, 12, 3, 1, 0);
	if (kt_call(&T, 1, 4, KIF_SYS_OPEN_SESS, 4, 3, 9) != KT_DEFERRED || fplat_pop_srv(&P, &m) ||
	    sys_srv_reply(&K, m.label, (const uint32_t[]){ 0, 0x1D }, 8) || kt_last_err(&T, 1) != 0)
		abort();
	kt_check(&T, "fuzz set-up");
	memcpy(&Kinit, &K, sizeof(K));
	memcpy(&Pinit, &P, sizeof(P));
	atexit(report);
	return 0;
}

static void check(const char *what)
{
	const char *m = kern_check(&K);

	if (!m)
		m = fplat_check(&P, &K);
	if (m) {
		fprintf(stderr, "fuzz_sys: invariant violated after %s: %s\n", what, m);
		abort();
	}
}

static void fail_next(unsigned kind, unsigned nth)
{
	unsigned *f[4] = { &P.fail_write, &P.fail_inval, &P.fail_core, &P.fail_send };

	*f[kind & 3] = nth;
}

/* One syscall record: act, len bytes of message. */
static void do_syscall(unsigned act, const uint8_t *msg, size_t len)
{
	unsigned before = P.nreply[act];
	uint64_t h0 = fplat_hash(&P);
	unsigned nsrv = P.nsrv;

	memcpy(&K0, &K, offsetof(struct kern, stats));
	if (sys_handle(&K, kt_label(&K, act), msg, len)) {
		if (memcmp(&K0, &K, offsetof(struct kern, stats)) || fplat_hash(&P) != h0 || P.nsrv != nsrv) {
			fprintf(stderr, "fuzz_sys: a dropped message changed the state\n");
			abort();
		}
		return;
	}
	syscalls++;
	if (P.nreply[act] != before && P.rpl_n[act] && P.rpl[act][0]) {
		refused++;
		if (memcmp(&K0, &K, offsetof(struct kern, stats)) || fplat_hash(&P) != h0 || P.nsrv != nsrv) {
			fprintf(stderr, "fuzz_sys: syscall %s refused with %s changed the state (K1)\n",
				len >= 4 ? kif_sys_name(msg[0] | msg[1] << 8 | (uint32_t)msg[2] << 16 |
							(uint32_t)msg[3] << 24)
					 : "?",
				kif_err_name(P.rpl[act][0]));
			abort();
		}
	}
}

static void do_srv_reply(unsigned c, const uint8_t *msg, size_t len)
{
	struct fplat_msg m;

	if (fplat_pop_srv(&P, &m))
		return;
	replies++;
	sys_srv_reply(&K, (c & 1) ? m.label ^ 0x100 : m.label, msg, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned rec;

	memcpy(&K, &Kinit, sizeof(K));
	memcpy(&P, &Pinit, sizeof(P));
	inputs++;
	for (rec = 0; rec < MAX_RECORDS && size >= 2; rec++) {
		unsigned c = data[0], n = data[1];
		size_t len;

		data += 2;
		size -= 2;
		if (c >= 0xE0 && c < 0xF0) {
			fail_next(c, n % 8);
			continue;
		}
		len = (n % (KIF_SYSC_MAX_WORDS + 1)) * 4u;
		if (len > size)
			len = size;
		if (c >= 0xF0)
			do_srv_reply(c, data, len);
		else
			do_syscall(c % NACT, data, len);
		data += len;
		size -= len;
	}
	check("input");
	return 0;
}
