/*
 * kobj.c - kernel object pool and object destruction.
 */
#include "kobj.h"

#include <string.h>

#include "act.h"
#include "cap.h"
#include "plat.h"
#include "srv.h"

void kobj_init(struct kern *k)
{
	unsigned i;

	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		memset(&k->objs[i], 0, sizeof(k->objs[i]));
		k->objs[i].next = i + 1 < KCFG_MAX_OBJS ? (uint16_t)(i + 1) : KNIL;
	}
	k->obj_free = 0;
	k->nobjs = 0;
}

int kobj_quota(const struct kern *k, unsigned act, unsigned caps, unsigned objs)
{
	const struct kact *a = &k->acts[act];

	if ((unsigned)a->used.caps + caps > a->lim.caps || (unsigned)a->used.objs + objs > a->lim.objs)
		return KIF_ERR_NO_QUOTA;
	if ((unsigned)k->ncaps + caps > KCFG_MAX_CAPS || (unsigned)k->nobjs + objs > KCFG_MAX_OBJS)
		return KIF_ERR_NO_SPACE;
	return 0;
}

uint16_t kobj_alloc(struct kern *k, unsigned kind, unsigned owner)
{
	uint16_t o = k->obj_free;
	struct kobj *x;

	if (o == KNIL)
		return KNIL;
	x = &k->objs[o];
	k->obj_free = x->next;
	k->nobjs++;
	memset(x, 0, sizeof(*x));
	x->kind = (uint8_t)kind;
	x->owner = (uint8_t)owner;
	if (owner != KACT_NONE)
		k->acts[owner].used.objs++;
	return o;
}

static void kobj_free(struct kern *k, uint16_t o)
{
	struct kobj *x = &k->objs[o];

	if (x->owner != KACT_NONE)
		k->acts[x->owner].used.objs--;
	memset(x, 0, sizeof(*x));
	x->next = k->obj_free;
	k->obj_free = o;
	k->nobjs--;
}

uint16_t kobj_cap_new(struct kern *k, unsigned act, uint32_t sel, uint16_t obj, uint16_t parent)
{
	uint16_t c = cap_new(k, act, sel, k->objs[obj].kind, obj, parent);

	if (c != KNIL)
		k->objs[obj].refs++;
	return c;
}

void kobj_bind_cap(struct kern *k, uint16_t e, uint16_t c)
{
	struct cap *x = &k->caps[c];

	kobj_unbind_ep(k, e);
	k->objs[e].u.ep.cap = c;
	x->ep = e;
	if (x->kind == KIF_CAP_SGATE)
		k->objs[x->obj].u.sg.bound = e;
}

void kobj_unbind_ep(struct kern *k, uint16_t e)
{
	uint16_t c = k->objs[e].u.ep.cap;

	if (c == KNIL)
		return;
	if (k->caps[c].kind == KIF_CAP_SGATE)
		k->objs[k->caps[c].obj].u.sg.bound = KNIL;
	k->caps[c].ep = KNIL;
	k->objs[e].u.ep.cap = KNIL;
}

/* The receive gate on EP object e loses its EP: so do the send gates to it. */
static void kobj_rgate_lost(struct kern *k, uint16_t e)
{
	uint16_t r = k->objs[e].u.ep.rgate;
	unsigned i;

	plat_inval_log(k, k->objs[e].u.ep.tile, k->objs[e].u.ep.epid);
	k->objs[r].u.rg.ep = KNIL;
	k->objs[r].u.rg.flags |= KRG_GONE;
	k->objs[e].u.ep.rgate = KNIL;
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		struct kobj *s = &k->objs[i];
		uint16_t se;

		if (s->kind != KIF_CAP_SGATE || s->u.sg.rgate != r || s->u.sg.bound == KNIL)
			continue;
		se = s->u.sg.bound;
		plat_inval_log(k, k->objs[se].u.ep.tile, k->objs[se].u.ep.epid);
		kobj_unbind_ep(k, se);
	}
}

static void kobj_ep_gone(struct kern *k, uint16_t e)
{
	struct kobj *x = &k->objs[e];
	unsigned i;

	if (x->u.ep.cap != KNIL) {
		plat_inval_log(k, x->u.ep.tile, x->u.ep.epid);
		kobj_unbind_ep(k, e);
	}
	if (x->u.ep.rgate != KNIL)
		kobj_rgate_lost(k, e);
	for (i = x->u.ep.epid; i <= (unsigned)x->u.ep.epid + x->u.ep.replies; i++)
		k->tiles[x->u.ep.tile].ep_used[i / 32] &= ~(1u << (i % 32));
	k->acts[x->u.ep.act].used.eps -= (uint16_t)(1 + x->u.ep.replies);
}

/* Last capability gone: release what the object holds, then the object. */
static void kobj_destroy(struct kern *k, uint16_t o)
{
	struct kobj *x = &k->objs[o];

	switch (x->kind) {
	case KIF_CAP_SGATE:
		k->objs[x->u.sg.rgate].u.rg.used -= x->u.sg.credits;
		break;
	case KIF_CAP_RGATE:
		if (x->u.rg.ep != KNIL) {
			uint16_t e = x->u.rg.ep;

			plat_inval_log(k, k->objs[e].u.ep.tile, k->objs[e].u.ep.epid);
			k->objs[e].u.ep.rgate = KNIL;
		}
		break;
	case KIF_CAP_SERV:
		srv_serv_gone(k, o);
		k->objs[x->u.srv.rgate].u.rg.used--;
		break;
	case KIF_CAP_SESS:
		srv_sess_gone(k, o);
		break;
	case KIF_CAP_EP:
		kobj_ep_gone(k, o);
		break;
	case KIF_CAP_ACT:
		act_obj_gone(k, o);
		break;
	default: /* MGATE, TILE: nothing held */
		break;
	}
	kobj_free(k, o);
}

void kobj_cap_gone(struct kern *k, uint16_t c, void *ctx)
{
	struct cap *x = &k->caps[c];
	uint16_t o = x->obj;

	(void)ctx;
	if (x->ep != KNIL) {
		uint16_t e = x->ep;

		plat_inval_log(k, k->objs[e].u.ep.tile, k->objs[e].u.ep.epid);
		kobj_unbind_ep(k, e);
	}
	k->stats.revoked++;
	if (--k->objs[o].refs == 0)
		kobj_destroy(k, o);
}
