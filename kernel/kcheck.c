/*
 * kcheck.c - kern_check: every structural invariant of the kernel state.
 *
 * Used after each step by the host tests and the fuzzer; small enough to run on
 * the kernel tile in a debug build. Scratch counters are static (no allocation).
 */
#include <stdio.h>
#include <string.h>

#include "kern.h"

static char kc_msg[160];
static uint16_t kc_refs[KCFG_MAX_OBJS];
static uint16_t kc_ncaps[KCFG_MAX_ACTS];
static uint16_t kc_nobjs[KCFG_MAX_ACTS];
static uint16_t kc_eps[KCFG_MAX_ACTS];
static uint16_t kc_credits[KCFG_MAX_OBJS];

#define KC_FAIL(...)                                              \
	do {                                                      \
		snprintf(kc_msg, sizeof(kc_msg), __VA_ARGS__);     \
		return kc_msg;                                    \
	} while (0)

static int kc_alive(const struct kern *k, unsigned a)
{
	return a < KCFG_MAX_ACTS && k->acts[a].state != KACT_FREE;
}

/* Links of one used capability. */
static const char *kc_cap_links(const struct kern *k, uint16_t c)
{
	const struct cap *x = &k->caps[c];

	if (x->kind == KIF_CAP_NONE || x->kind > KIF_CAP_TILE)
		KC_FAIL("cap %u: bad kind %u", c, x->kind);
	if (x->obj >= KCFG_MAX_OBJS || k->objs[x->obj].kind != x->kind)
		KC_FAIL("cap %u: object %u of another kind", c, x->obj);
	if (!kc_alive(k, x->act) || x->sel >= KCFG_SELS || k->acts[x->act].sel[x->sel] != c)
		KC_FAIL("cap %u: not in table (%u, %u)", c, x->act, x->sel);
	if (x->parent != KNIL && (x->parent >= KCFG_MAX_CAPS || k->caps[x->parent].kind == KIF_CAP_NONE))
		KC_FAIL("cap %u: bad parent %u", c, x->parent);
	if (x->prev != KNIL) {
		if (k->caps[x->prev].next != c || k->caps[x->prev].parent != x->parent)
			KC_FAIL("cap %u: prev %u does not link back", c, x->prev);
	} else if (x->parent != KNIL && k->caps[x->parent].child != c) {
		KC_FAIL("cap %u: first sibling but parent's child is %u", c, k->caps[x->parent].child);
	}
	if (x->next != KNIL && (k->caps[x->next].prev != c || k->caps[x->next].kind == KIF_CAP_NONE))
		KC_FAIL("cap %u: next %u does not link back", c, x->next);
	if (x->child != KNIL && (k->caps[x->child].parent != c || k->caps[x->child].prev != KNIL))
		KC_FAIL("cap %u: child %u does not link back", c, x->child);
	if (x->ep != KNIL) {
		if ((x->kind != KIF_CAP_SGATE && x->kind != KIF_CAP_MGATE) || x->ep >= KCFG_MAX_OBJS ||
		    k->objs[x->ep].kind != KIF_CAP_EP || k->objs[x->ep].u.ep.cap != c)
			KC_FAIL("cap %u: EP binding %u not mutual", c, x->ep);
	}
	return NULL;
}

/* A derived capability never has more authority than its parent. */
static const char *kc_cap_derived(const struct kern *k, uint16_t c)
{
	const struct cap *x = &k->caps[c], *p;
	const struct kobj *o = &k->objs[x->obj], *po;

	if (x->parent == KNIL)
		return NULL;
	p = &k->caps[x->parent];
	po = &k->objs[p->obj];
	if (p->obj == x->obj)
		return NULL; /* a copy */
	switch (x->kind) {
	case KIF_CAP_MGATE:
		if (p->kind == KIF_CAP_MGATE) {
			if (o->u.mg.tile != po->u.mg.tile || o->u.mg.addr < po->u.mg.addr ||
			    (uint64_t)o->u.mg.addr + o->u.mg.size > (uint64_t)po->u.mg.addr + po->u.mg.size ||
			    (o->u.mg.perms & ~po->u.mg.perms))
				KC_FAIL("cap %u: memory gate wider than its parent %u", c, x->parent);
			return NULL;
		}
		if (p->kind == KIF_CAP_ACT && k->acts[po->u.act.act].tile == o->u.mg.tile)
			return NULL;
		break;
	case KIF_CAP_SGATE:
		if (p->kind == KIF_CAP_RGATE && p->obj == o->u.sg.rgate)
			return NULL;
		break;
	case KIF_CAP_SERV:
		if (p->kind == KIF_CAP_RGATE && p->obj == o->u.srv.rgate)
			return NULL;
		break;
	case KIF_CAP_SESS:
		if (p->kind == KIF_CAP_SERV && p->obj == o->u.sess.srv)
			return NULL;
		break;
	case KIF_CAP_ACT:
		if (p->kind == KIF_CAP_TILE && po->u.tile.tile == k->acts[o->u.act.act].tile)
			return NULL;
		break;
	case KIF_CAP_EP:
		if (p->kind == KIF_CAP_ACT && k->acts[po->u.act.act].tile == o->u.ep.tile)
			return NULL;
		break;
	default:
		break;
	}
	KC_FAIL("cap %u (kind %u): parent %u (kind %u) may not make it", c, x->kind, x->parent, p->kind);
}

/* Walk every tree from its root without a stack; count the caps reached. */
static const char *kc_trees(const struct kern *k, unsigned used)
{
	unsigned seen = 0, steps = 0, i;

	for (i = 0; i < KCFG_MAX_CAPS; i++) {
		uint16_t r = (uint16_t)i, x = r;

		if (k->caps[i].kind == KIF_CAP_NONE || k->caps[i].parent != KNIL)
			continue;
		for (;;) {
			if (++steps > 4u * KCFG_MAX_CAPS)
				KC_FAIL("derivation tree has a cycle (from root %u)", r);
			seen++;
			if (k->caps[x].child != KNIL) {
				x = k->caps[x].child;
				continue;
			}
			while (x != r && k->caps[x].next == KNIL)
				x = k->caps[x].parent;
			if (x == r)
				break;
			x = k->caps[x].next;
		}
	}
	if (seen != used)
		KC_FAIL("trees reach %u caps, %u in use", seen, used);
	return NULL;
}

static const char *kc_caps(const struct kern *k)
{
	unsigned used = 0, nfree = 0, i;
	const char *m;
	uint16_t f;

	memset(kc_refs, 0, sizeof(kc_refs));
	memset(kc_ncaps, 0, sizeof(kc_ncaps));
	for (i = 0; i < KCFG_MAX_CAPS; i++) {
		const struct cap *x = &k->caps[i];

		if (x->kind == KIF_CAP_NONE)
			continue;
		used++;
		m = kc_cap_links(k, (uint16_t)i);
		if (!m)
			m = kc_cap_derived(k, (uint16_t)i);
		if (m)
			return m;
		kc_refs[x->obj]++;
		kc_ncaps[x->act]++;
	}
	if (used != k->ncaps)
		KC_FAIL("%u caps in use, ncaps says %u", used, k->ncaps);
	for (f = k->cap_free; f != KNIL && nfree <= KCFG_MAX_CAPS; f = k->caps[f].next, nfree++) {
		if (k->caps[f].kind != KIF_CAP_NONE)
			KC_FAIL("cap %u on the free list is in use", f);
	}
	if (nfree != KCFG_MAX_CAPS - used)
		KC_FAIL("free list has %u caps, expected %u", nfree, KCFG_MAX_CAPS - used);
	return kc_trees(k, used);
}

static const char *kc_obj_kind(const struct kern *k, uint16_t i)
{
	const struct kobj *o = &k->objs[i];
	unsigned sum = kc_credits[i];

	switch (o->kind) {
	case KIF_CAP_SGATE:
		if (k->objs[o->u.sg.rgate].kind != KIF_CAP_RGATE || o->u.sg.credits == 0)
			KC_FAIL("send gate %u: bad receive gate or credits", i);
		if (o->u.sg.bound != KNIL && (k->objs[o->u.sg.bound].kind != KIF_CAP_EP ||
					      k->objs[o->u.sg.bound].u.ep.cap == KNIL ||
					      k->caps[k->objs[o->u.sg.bound].u.ep.cap].obj != i))
			KC_FAIL("send gate %u: binding to EP %u not mutual", i, o->u.sg.bound);
		break;
	case KIF_CAP_RGATE:
		if (sum != o->u.rg.used || sum > (1u << o->u.rg.slots))
			KC_FAIL("receive gate %u: credits %u, used %u, slots %u", i, sum, o->u.rg.used,
				1u << o->u.rg.slots);
		if (o->u.rg.ep != KNIL &&
		    (k->objs[o->u.rg.ep].kind != KIF_CAP_EP || k->objs[o->u.rg.ep].u.ep.rgate != i))
			KC_FAIL("receive gate %u: binding to EP %u not mutual", i, o->u.rg.ep);
		break;
	case KIF_CAP_MGATE:
		if (o->u.mg.tile >= k->ntiles || o->u.mg.perms == 0 || o->u.mg.perms > KIF_PERM_RW ||
		    (uint64_t)o->u.mg.addr + o->u.mg.size > k->tiles[o->u.mg.tile].mem_size)
			KC_FAIL("memory gate %u outside its tile", i);
		break;
	case KIF_CAP_SERV:
		if (k->objs[o->u.srv.rgate].kind != KIF_CAP_RGATE)
			KC_FAIL("service %u: no receive gate", i);
		break;
	case KIF_CAP_SESS:
		if (k->objs[o->u.sess.srv].kind != KIF_CAP_SERV)
			KC_FAIL("session %u: no service", i);
		break;
	case KIF_CAP_EP:
		if (o->u.ep.tile >= k->ntiles || o->u.ep.epid < KIF_FIRST_USER_EP ||
		    (unsigned)o->u.ep.epid + o->u.ep.replies >= k->tiles[o->u.ep.tile].num_eps ||
		    !kc_alive(k, o->u.ep.act) || k->acts[o->u.ep.act].tile != o->u.ep.tile)
			KC_FAIL("EP %u: bad place", i);
		if (o->u.ep.cap != KNIL && o->u.ep.rgate != KNIL)
			KC_FAIL("EP %u: two gates", i);
		if (o->u.ep.cap != KNIL && (k->caps[o->u.ep.cap].kind == KIF_CAP_NONE || k->caps[o->u.ep.cap].ep != i))
			KC_FAIL("EP %u: binding to cap %u not mutual", i, o->u.ep.cap);
		if (o->u.ep.rgate != KNIL && k->objs[o->u.ep.rgate].u.rg.ep != i)
			KC_FAIL("EP %u: binding to receive gate %u not mutual", i, o->u.ep.rgate);
		kc_eps[o->u.ep.act] += (uint16_t)(1 + o->u.ep.replies);
		break;
	case KIF_CAP_ACT:
		if (!kc_alive(k, o->u.act.act) || k->acts[o->u.act.act].obj != i)
			KC_FAIL("activity object %u: activity %u does not name it", i, o->u.act.act);
		break;
	case KIF_CAP_TILE:
		if (o->u.tile.tile >= k->ntiles || k->tiles[o->u.tile.tile].kind != KTILE_PROC)
			KC_FAIL("tile object %u: no processing tile", i);
		break;
	default:
		KC_FAIL("object %u: bad kind %u", i, o->kind);
	}
	return NULL;
}

static const char *kc_objs(const struct kern *k)
{
	unsigned used = 0, nfree = 0, i;
	const char *m;
	uint16_t f;

	memset(kc_nobjs, 0, sizeof(kc_nobjs));
	memset(kc_eps, 0, sizeof(kc_eps));
	memset(kc_credits, 0, sizeof(kc_credits));
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		const struct kobj *o = &k->objs[i];

		if (o->kind == KIF_CAP_SGATE && o->u.sg.rgate < KCFG_MAX_OBJS)
			kc_credits[o->u.sg.rgate] += o->u.sg.credits;
		if (o->kind == KIF_CAP_SERV && o->u.srv.rgate < KCFG_MAX_OBJS)
			kc_credits[o->u.srv.rgate]++;
	}
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		const struct kobj *o = &k->objs[i];

		if (o->kind == KIF_CAP_NONE)
			continue;
		used++;
		if (o->refs == 0 || o->refs != kc_refs[i])
			KC_FAIL("object %u: refs %u, %u caps name it", i, o->refs, kc_refs[i]);
		if (o->owner != KACT_NONE) {
			if (!kc_alive(k, o->owner))
				KC_FAIL("object %u: owner %u is gone", i, o->owner);
			kc_nobjs[o->owner]++;
		}
		m = kc_obj_kind(k, (uint16_t)i);
		if (m)
			return m;
	}
	if (used != k->nobjs)
		KC_FAIL("%u objects in use, nobjs says %u", used, k->nobjs);
	for (f = k->obj_free; f != KNIL && nfree <= KCFG_MAX_OBJS; f = k->objs[f].next, nfree++) {
		if (k->objs[f].kind != KIF_CAP_NONE)
			KC_FAIL("object %u on the free list is in use", f);
	}
	if (nfree != KCFG_MAX_OBJS - used)
		KC_FAIL("object free list has %u, expected %u", nfree, KCFG_MAX_OBJS - used);
	return NULL;
}

static const char *kc_act_quota(const struct kern *k, unsigned a)
{
	const struct kact *x = &k->acts[a];
	unsigned caps = kc_ncaps[a], objs = kc_nobjs[a], i;

	for (i = 0; i < KCFG_MAX_ACTS; i++) {
		if (k->acts[i].state != KACT_FREE && k->acts[i].parent == a) {
			caps += k->acts[i].lim.caps;
			objs += k->acts[i].lim.objs;
		}
	}
	if (x->used.caps != caps || x->used.objs != objs || x->used.eps != kc_eps[a])
		KC_FAIL("activity %u: used caps/objs/eps %u/%u/%u, counted %u/%u/%u", a, x->used.caps, x->used.objs,
			x->used.eps, caps, objs, kc_eps[a]);
	if (x->used.caps > x->lim.caps || x->used.objs > x->lim.objs || x->used.eps > x->lim.eps)
		KC_FAIL("activity %u: over quota", a);
	return NULL;
}

static const char *kc_acts(const struct kern *k)
{
	unsigned a, s;
	const char *m;

	for (a = 0; a < KCFG_MAX_ACTS; a++) {
		const struct kact *x = &k->acts[a];

		if (x->state == KACT_FREE) {
			for (s = 0; s < KCFG_SELS; s++) {
				if (x->sel[s] != KNIL)
					KC_FAIL("free activity %u has a capability", a);
			}
			continue;
		}
		if (x->state > KACT_EXITED || x->tile >= k->ntiles || k->tiles[x->tile].act != a)
			KC_FAIL("activity %u: bad state %u or tile %u", a, x->state, x->tile);
		if (x->state == KACT_EXITING || (x->flags & (KACTF_KILLQ | KACTF_OBJGONE)))
			KC_FAIL("activity %u: teardown left unfinished", a);
		if (x->obj == KNIL || k->objs[x->obj].kind != KIF_CAP_ACT || k->objs[x->obj].u.act.act != a)
			KC_FAIL("activity %u: no activity object", a);
		if (x->state == KACT_EXITED && (kc_ncaps[a] || kc_nobjs[a] || x->parent != KACT_NONE))
			KC_FAIL("exited activity %u still holds resources", a);
		if (x->wait != KNIL && (k->objs[x->wait].kind != KIF_CAP_ACT || !(x->flags & KACTF_INSYS)))
			KC_FAIL("activity %u: waits for %u", a, x->wait);
		if (x->req != KREQ_NONE && (k->reqs[x->req].act != a || !(x->flags & KACTF_INSYS)))
			KC_FAIL("activity %u: request %u", a, x->req);
		if (x->parent != KACT_NONE && !kc_alive(k, x->parent))
			KC_FAIL("activity %u: parent %u is gone", a, x->parent);
		m = kc_act_quota(k, a);
		if (m)
			return m;
	}
	return NULL;
}

static const char *kc_tiles(const struct kern *k)
{
	static uint32_t bits[KCFG_MAX_TILES][(TCU_MAX_EPS + 31) / 32];
	unsigned t, i, e;

	memset(bits, 0, sizeof(bits));
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		const struct kobj *o = &k->objs[i];

		if (o->kind != KIF_CAP_EP)
			continue;
		t = o->u.ep.tile;
		for (e = o->u.ep.epid; e <= (unsigned)o->u.ep.epid + o->u.ep.replies; e++) {
			if (bits[t][e / 32] & (1u << (e % 32)))
				KC_FAIL("tile %u: EP %u held twice", t, e);
			bits[t][e / 32] |= 1u << (e % 32);
		}
	}
	for (t = 0; t < KCFG_MAX_TILES; t++) {
		if (memcmp(bits[t], k->tiles[t].ep_used, sizeof(bits[t])))
			KC_FAIL("tile %u: EP bitmap differs from the EP objects", t);
		if (k->tiles[t].act != KACT_NONE && (t >= k->ntiles || k->acts[k->tiles[t].act].tile != t))
			KC_FAIL("tile %u: activity %u is elsewhere", t, k->tiles[t].act);
	}
	return NULL;
}

static const char *kc_reqs(const struct kern *k)
{
	unsigned sent = 0, r, i, n;

	for (r = 0; r < KCFG_MAX_REQS; r++) {
		const struct kreq *q = &k->reqs[r];
		const struct kobj *s;

		if (q->state == KREQ_FREE)
			continue;
		s = &k->objs[q->srv];
		if (q->state > KREQ_SENT || s->kind != KIF_CAP_SERV)
			KC_FAIL("request %u: bad state or service", r);
		if (q->act != KACT_NONE && (!kc_alive(k, q->act) || k->acts[q->act].req != r))
			KC_FAIL("request %u: client %u does not wait for it", r, q->act);
		if (q->state == KREQ_SENT) {
			sent++;
			if (s->u.srv.inflight != r)
				KC_FAIL("request %u: sent, service says %u", r, s->u.srv.inflight);
			continue;
		}
		for (i = s->u.srv.qhead, n = 0; i != KREQ_NONE && i != r && n < KCFG_MAX_REQS; i = k->reqs[i].next)
			n++;
		if (i != r)
			KC_FAIL("request %u: queued but not in its service's queue", r);
	}
	if (sent != k->srv_sent || sent > (1u << KIF_KEP_SRV_SLOTS))
		KC_FAIL("%u requests in flight, srv_sent %u", sent, k->srv_sent);
	return NULL;
}

const char *kern_check(const struct kern *k)
{
	const char *m;

	if (k->in_revoke || k->killq_head != KACT_NONE)
		KC_FAIL("revoke or kill queue unfinished");
	m = kc_caps(k);
	if (!m)
		m = kc_objs(k);
	if (!m)
		m = kc_acts(k);
	if (!m)
		m = kc_tiles(k);
	if (!m)
		m = kc_reqs(k);
	return m;
}
