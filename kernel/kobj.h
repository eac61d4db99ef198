/*
 * kobj.h - kernel objects: pool, quotas, reference counts, EP bindings and what
 * happens when the last capability of an object is revoked.
 *
 * An object is charged to its owner's object quota and lives while capabilities
 * name it. Every capability of an object descends from the one that created it,
 * so revoking the creating capability always ends the object. Gates are bound to
 * EPs: a send or memory gate capability to at most one EP object (and a send gate
 * object to at most one EP, so its credits exist once); a receive gate object to
 * one EP for its whole life.
 */
#ifndef KOBJ_H
#define KOBJ_H

#include <stdint.h>

#include "kern.h"

/* Empty object pool (kern_init). */
void kobj_init(struct kern *k);

/*
 * 0 if act may take `caps` more capabilities and `objs` more objects (and the
 * pools have room), else KIF_ERR_NO_QUOTA (or KIF_ERR_NO_SPACE).
 */
int kobj_quota(const struct kern *k, unsigned act, unsigned caps, unsigned objs);

/*
 * A zeroed object of kind, charged to owner (KACT_NONE: the kernel). Returns its
 * index, or KNIL if the pool is empty (callers check kobj_quota first).
 */
uint16_t kobj_alloc(struct kern *k, unsigned kind, unsigned owner);

/* A capability naming obj (of obj's kind) at (act, sel), child of parent; counts the reference. */
uint16_t kobj_cap_new(struct kern *k, unsigned act, uint32_t sel, uint16_t obj, uint16_t parent);

/* cap_revoke callback: unbind c's EP, drop its reference, destroy the object when unused. */
void kobj_cap_gone(struct kern *k, uint16_t c, void *ctx);

/*
 * Bind send/memory gate capability c to EP object e (whose TCU EP is already
 * written), replacing the capability bound before (that one just loses its binding).
 */
void kobj_bind_cap(struct kern *k, uint16_t e, uint16_t c);

/* Drop the send/memory gate capability bound to EP object e (no TCU access). */
void kobj_unbind_ep(struct kern *k, uint16_t e);

#endif /* KOBJ_H */
