/*
 * act.c - activity slots, exit and teardown.
 */
#include "act.h"

#include <string.h>

#include "cap.h"
#include "kobj.h"
#include "plat.h"
#include "srv.h"

#define ACT_GEN_MASK ((uint32_t)KIF_SYSC_LABEL_GEN_MASK)

uint32_t act_label(unsigned act, uint32_t gen)
{
	return (uint32_t)SPEC_PUT(KIF_SYSC_LABEL_ACT, act) | (uint32_t)SPEC_PUT(KIF_SYSC_LABEL_GEN, gen);
}

unsigned act_find_free(const struct kern *k)
{
	unsigned i;

	for (i = 0; i < KCFG_MAX_ACTS; i++) {
		if (k->acts[i].state == KACT_FREE)
			return i;
	}
	return KACT_NONE;
}

void act_setup(struct kern *k, unsigned act, unsigned tile, unsigned parent, const struct kquota *lim,
	       uint16_t obj)
{
	struct kact *a = &k->acts[act];

	a->state = KACT_INIT;
	a->flags = 0;
	a->tile = (uint8_t)tile;
	a->parent = (uint8_t)parent;
	a->kill_next = KACT_NONE;
	a->req = KREQ_NONE;
	a->obj = obj;
	a->wait = KNIL;
	a->gen = (a->gen + 1) & ACT_GEN_MASK;
	a->code = 0;
	a->lim = *lim;
	memset(&a->used, 0, sizeof(a->used));
	k->tiles[tile].act = (uint8_t)act;
}

void act_reply(struct kern *k, unsigned act, const uint32_t *w, unsigned n)
{
	k->acts[act].flags &= (uint8_t)~KACTF_INSYS;
	k->plat->reply(k->pctx, act, w, n);
}

void act_reply_err(struct kern *k, unsigned act, int err)
{
	uint32_t w = (uint32_t)err;

	if (err)
		k->stats.errors++;
	act_reply(k, act, &w, 1);
}

/* Give the quotas act was given back to its parent; act stands alone afterwards. */
static void act_detach(struct kern *k, unsigned act)
{
	struct kact *a = &k->acts[act];
	struct kact *p;

	if (a->parent == KACT_NONE)
		return;
	p = &k->acts[a->parent];
	p->used.caps -= a->lim.caps;
	p->used.objs -= a->lim.objs;
	a->parent = KACT_NONE;
}

/* Answer everyone waiting for activity object o: with the exit code, or err if err != 0. */
static void act_wake(struct kern *k, uint16_t o, int32_t code, int err)
{
	uint32_t w[KIF_RPL_ACT_WAIT_CODE_LSB / 32 + 1];
	unsigned i;

	if (o == KNIL)
		return;
	w[KIF_RPL_ACT_WAIT_ERR_LSB / 32] = (uint32_t)err;
	w[KIF_RPL_ACT_WAIT_CODE_LSB / 32] = (uint32_t)code;
	for (i = 0; i < KCFG_MAX_ACTS; i++) {
		if (k->acts[i].wait != o)
			continue;
		k->acts[i].wait = KNIL;
		if (err)
			act_reply_err(k, i, err);
		else
			act_reply(k, i, w, 2);
	}
}

static void act_free(struct kern *k, unsigned act)
{
	struct kact *a = &k->acts[act];
	uint32_t gen = a->gen;

	k->tiles[a->tile].act = KACT_NONE;
	memset(a, 0, offsetof(struct kact, sel));
	a->gen = gen;
	a->obj = KNIL;
	a->wait = KNIL;
	a->req = KREQ_NONE;
	a->parent = KACT_NONE;
	a->kill_next = KACT_NONE;
	a->state = KACT_FREE;
}

void act_cancel(struct kern *k, unsigned act)
{
	struct kact *a = &k->acts[act];

	a->wait = KNIL;
	if (a->req != KREQ_NONE)
		srv_cancel(k, a->req);
	if (a->flags & KACTF_INSYS)
		act_reply(k, act, NULL, 0);
}

/*
 * End act: drop its pending syscall, hold its core, invalidate its
 * standard EPs, revoke every capability in its table (objects it owns go with
 * them), return its quotas to the parent. Capability walks only; activities
 * whose objects go away are queued, not torn down from here.
 */
static void act_teardown(struct kern *k, unsigned act)
{
	struct kact *a = &k->acts[act];
	unsigned s;

	a->state = KACT_EXITING;
	act_cancel(k, act);
	plat_core_log(k, a->tile, 0);
	plat_std_eps_inval(k, a->tile);
	for (s = 0; s < KCFG_SELS; s++) {
		uint16_t c = a->sel[s];

		if (c != KNIL)
			cap_revoke(k, c, 1, kobj_cap_gone, NULL);
	}
	act_detach(k, act);
	a->state = KACT_EXITED;
	if (a->flags & KACTF_OBJGONE)
		act_free(k, act);
}

void act_exit(struct kern *k, unsigned act, int32_t code)
{
	struct kact *a = &k->acts[act];

	a->code = code;
	act_teardown(k, act);
	/* the activity object may have gone with its last capability (root) */
	if (a->state == KACT_EXITED)
		act_wake(k, a->obj, code, 0);
}

void act_obj_gone(struct kern *k, uint16_t o)
{
	unsigned act = k->objs[o].u.act.act;
	struct kact *a = &k->acts[act];

	act_wake(k, o, 0, KIF_ERR_INV_SEL);
	act_detach(k, act);
	a->obj = KNIL;
	switch (a->state) {
	case KACT_EXITED:
		act_free(k, act);
		break;
	case KACT_EXITING:
		a->flags |= KACTF_OBJGONE;
		break;
	default:
		a->flags |= KACTF_OBJGONE | KACTF_KILLQ;
		a->kill_next = KACT_NONE;
		if (k->killq_tail == KACT_NONE)
			k->killq_head = (uint8_t)act;
		else
			k->acts[k->killq_tail].kill_next = (uint8_t)act;
		k->killq_tail = (uint8_t)act;
		break;
	}
}

void act_killq_run(struct kern *k)
{
	while (k->killq_head != KACT_NONE) {
		unsigned act = k->killq_head;
		struct kact *a = &k->acts[act];

		k->killq_head = a->kill_next;
		if (k->killq_head == KACT_NONE)
			k->killq_tail = KACT_NONE;
		a->kill_next = KACT_NONE;
		a->flags &= (uint8_t)~KACTF_KILLQ;
		act_teardown(k, act);
	}
}
