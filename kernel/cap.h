/*
 * cap.h - capability pool, per-activity tables and the derivation tree.
 *
 * Every capability sits in one activity's table (act, sel) and in the derivation
 * tree: parent, first child, and a doubly linked sibling list. Copies and derived
 * capabilities are children of their source, so revoking a capability reaches
 * everything made from it, in every table. The walk is iterative with O(1) state.
 * This module counts table slots in the owner's quota (used.caps); kernel objects
 * and their reference counts belong to kobj.h.
 */
#ifndef CAP_H
#define CAP_H

#include <stdint.h>

#include "kern.h"

/* Called for every revoked capability, children before parents, while it is still
 * linked; it must not change the tree (no cap_new / cap_revoke). */
typedef void (*cap_revoke_fn)(struct kern *k, uint16_t c, void *ctx);

/* Empty pool and tables (kern_init). */
void cap_init(struct kern *k);

/* The capability at (act, sel), or KNIL if sel is out of range or empty. */
uint16_t cap_lookup(const struct kern *k, unsigned act, uint32_t sel);

/*
 * Look up (act, sel) expecting kind (KIF_CAP_NONE: any kind). Returns 0 and sets
 * *c, or KIF_ERR_INV_SEL (out of range or empty) / KIF_ERR_WRONG_KIND.
 */
int cap_get(const struct kern *k, unsigned act, uint32_t sel, unsigned kind, uint16_t *c);

/*
 * Check that selectors [sel, sel + n) of act are in range and empty. Returns 0,
 * KIF_ERR_INV_SEL or KIF_ERR_EXISTS.
 */
int cap_free_range(const struct kern *k, unsigned act, uint32_t sel, uint32_t n);

/* 0 if selectors [sel, sel + n) of act are in range and all hold capabilities, else KIF_ERR_INV_SEL. */
int cap_used_range(const struct kern *k, unsigned act, uint32_t sel, uint32_t n);

/*
 * Allocate a capability of kind naming obj at (act, sel) (must be free and in
 * range), as a child of parent (KNIL: a root). Charges act's cap quota. Returns
 * its index, or KNIL if the pool is empty (quotas make that impossible).
 */
uint16_t cap_new(struct kern *k, unsigned act, uint32_t sel, unsigned kind, uint16_t obj, uint16_t parent);

/*
 * Revoke the subtree below c, and c itself if own: post-order, fn(k, x, ctx) for
 * each capability just before it is unlinked and freed. No recursion, no state
 * that grows with depth or width. Returns the number of capabilities freed.
 */
unsigned cap_revoke(struct kern *k, uint16_t c, int own, cap_revoke_fn fn, void *ctx);

#endif /* CAP_H */
