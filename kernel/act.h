/*
 * act.h - activities: slots, quotas, replies, exit, teardown and the kill queue.
 *
 * An activity runs alone on one processing tile. Its activity object is named by
 * the capability its creator got (a child of the tile capability) and by the
 * activity's own SEL_ACT (a child of that). When the object loses its last
 * capability, the activity is queued for teardown; the queue is worked off after
 * the revoke that caused it, so teardown never nests (no recursion).
 */
#ifndef ACT_H
#define ACT_H

#include <stdint.h>

#include "kern.h"

/* The SYSC_LABEL of activity slot act with generation gen. */
uint32_t act_label(unsigned act, uint32_t gen);

/* A free activity slot, or KACT_NONE. */
unsigned act_find_free(const struct kern *k);

/*
 * Fill free slot act: tile, parent charged with lim (KACT_NONE: none), activity
 * object obj, next generation, state INIT. Marks the tile as taken.
 */
void act_setup(struct kern *k, unsigned act, unsigned tile, unsigned parent, const struct kquota *lim,
	       uint16_t obj);

/* Answer act's pending syscall with n words (n = 0: only free its slot). */
void act_reply(struct kern *k, unsigned act, const uint32_t *w, unsigned n);

/* Answer act's pending syscall with error err (one word). */
void act_reply_err(struct kern *k, unsigned act, int err);

/*
 * Forget act's pending syscall (a wait, a service request) and free its syscall
 * slot without an answer: the activity was stopped or is ending.
 */
void act_cancel(struct kern *k, unsigned act);

/* EXIT: record the code, tear act down, wake its waiters. */
void act_exit(struct kern *k, unsigned act, int32_t code);

/* Activity object o lost its last capability (revoke callback; queues the teardown). */
void act_obj_gone(struct kern *k, uint16_t o);

/* Tear down every queued activity (which may queue more). */
void act_killq_run(struct kern *k);

#endif /* ACT_H */
