/*
 * ktest.h - host test support: a fake platform that records what the kernel asks
 * of the hardware, and a small fixture (a 3x3 mesh with root booted).
 *
 * The fake keeps every tile's EP words as the kernel wrote them, the core run
 * states, the last reply per activity and the messages sent to services. It can
 * be told to fail the n-th next call of a kind, to test the kernel's error paths.
 */
#ifndef KTEST_H
#define KTEST_H

#include <stdint.h>
#include <stdio.h>

#include "kern.h"
#include "kif.h"
#include "plat.h"

#define FP_MAX_SRV_MSGS 64

struct fplat_msg {
	unsigned tile, ep, n;
	uint32_t label;
	uint32_t w[KIF_SYSC_MAX_WORDS];
};

struct fplat {
	uint32_t ep[KCFG_MAX_TILES][TCU_MAX_EPS][PLAT_EP_WORDS];
	uint8_t run[KCFG_MAX_TILES];
	/* replies: count per activity and the last one */
	unsigned nreply[KCFG_MAX_ACTS];
	unsigned rpl_n[KCFG_MAX_ACTS];
	uint32_t rpl[KCFG_MAX_ACTS][KIF_RPL_MAX_WORDS];
	/* messages to services, oldest first */
	unsigned nsrv;
	struct fplat_msg srv[FP_MAX_SRV_MSGS];
	unsigned long calls; /* ep_write, ep_inval, core_ctrl and srv_send calls */
	uint64_t hash;       /* of all EP words and core states, kept up to date by every change */
	/* EPs / cores whose invalidation / stop the fake refused (a hardware fault the
	 * kernel only counts): fplat_check does not judge them until written again */
	uint8_t stale_ep[KCFG_MAX_TILES][TCU_MAX_EPS];
	uint8_t stale_core[KCFG_MAX_TILES];
	/* fail the n-th next call of a kind (0: never) with fail_err */
	unsigned fail_write, fail_inval, fail_core, fail_send;
	int fail_err;
};

extern const struct kplat fplat_ops;

/* All EPs invalid, cores held, nothing recorded. */
void fplat_init(struct fplat *p);

/* Hash of the EP words and core states (O(1): the fake updates it on every change;
 * the same contents give the same hash, whatever happened in between). */
uint64_t fplat_hash(const struct fplat *p);

/* Remove and return in *m the oldest message to a service; 0, or -1 if none. */
int fplat_pop_srv(struct fplat *p, struct fplat_msg *m);

/*
 * Cross-check the fake's EPs with the kernel: every valid user EP (>= FIRST_USER_EP)
 * must be bound to a live gate and hold exactly that gate's encoding, every bound
 * EP object must be valid. NULL if consistent, else a description.
 */
const char *fplat_check(const struct fplat *p, const struct kern *k);

/* The standard system: 3x3 mesh, tile 0 kernel, tile 1 memory, tiles 2..8 processing. */
#define KT_TILES 9
#define KT_ROOT_TILE 2
#define KT_SPM 0x10000u
#define KT_MEM 0x100000u
#define KT_EPS 32

struct ktest {
	struct kern *k;
	struct fplat *p;
	int root; /* root activity id */
	uint32_t rpl[KIF_RPL_MAX_WORDS];
	unsigned rpl_n;
};

/* Initialise k and p and boot root on KT_ROOT_TILE; exits the process on failure. */
void kt_setup(struct ktest *t, struct kern *k, struct fplat *p);

#define KT_DEFERRED (-1) /* the syscall was accepted and not answered (yet) */
#define KT_DROPPED (-2)  /* sys_handle refused the message */

/*
 * Run syscall w[0..n) as activity act (its current label). Returns the reply's
 * error word (reply words in t->rpl / t->rpl_n), KT_DEFERRED or KT_DROPPED.
 */
int kt_sys(struct ktest *t, unsigned act, const uint32_t *w, unsigned n);

/* kt_sys with the words as arguments: kt_call(t, act, n, op, args...). */
int kt_call(struct ktest *t, unsigned act, unsigned n, ...);

/* Error word of the last reply activity act got, or -1 if it got none (or only slot frees). */
int kt_last_err(const struct ktest *t, unsigned act);

/* Counted checks: KT_CHECK(cond, printf-args) reports a failure and goes on. */
extern unsigned kt_checks, kt_failed;
#define KT_CHECK(cond, ...)                                               \
	do {                                                              \
		kt_checks++;                                              \
		if (!(cond)) {                                            \
			kt_failed++;                                      \
			fprintf(stderr, "FAIL %s:%d: ", __func__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                     \
			fprintf(stderr, "\n");                            \
		}                                                         \
	} while (0)

/* Run a syscall that must succeed (building state); exits the process with a message otherwise. */
void kt_must(struct ktest *t, unsigned act, unsigned n, const uint32_t *w);

/* The words of a message as (count, array): kt_sys(t, act, KT_W(op, args...)). */
#define KT_W(...) (sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t)), ((const uint32_t[]){ __VA_ARGS__ })
#define KT_MUST(t, act, ...) kt_must(t, act, KT_W(__VA_ARGS__))

/*
 * Four activities on the booted fixture: root (0), A1 (1, tile 3, root sel 20;
 * quotas 48 caps / 40 objects / 8 EPs), A2 (2, tile 4, root sel 21; 40 / 24 / 8),
 * A3 (3, tile 5, A1 sel 2 through A1's TILE cap at sel 1; 32 / 16 / 8), all
 * started; each holds EP capabilities for EPs 5 and 6 of its tile at
 * KT_FAMILY_EPS and KT_FAMILY_EPS + 1.
 */
#define KT_FAMILY 4
#define KT_FAMILY_EPS 60
void kt_family(struct ktest *t);

/* The current SYSC_LABEL of activity act. */
uint32_t kt_label(const struct kern *k, unsigned act);

/* Abort with a message if kern_check or fplat_check finds a violation. */
void kt_check(const struct ktest *t, const char *where);

#endif /* KTEST_H */
