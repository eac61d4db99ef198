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
	/* fail the n-th next call of a kind (0: never) with fail_err */
	unsigned fail_write, fail_inval, fail_core, fail_send;
	int fail_err;
};

extern const struct kplat fplat_ops;

/* All EPs invalid, cores held, nothing recorded. */
void fplat_init(struct fplat *p);

/* FNV-1a hash of the EP words and core states. */
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

/* The current SYSC_LABEL of activity act. */
uint32_t kt_label(const struct kern *k, unsigned act);

/* Abort with a message if kern_check or fplat_check finds a violation. */
void kt_check(const struct ktest *t, const char *where);

#endif /* KTEST_H */
