/*
 * test_prop.c - K2: property-based test of capability monotonicity against a
 * reference model.
 *
 * Four activities (kt_family: root R, its children A1 and A2, A1's child A3) run random
 * sequences of CREATE_MGATE, DERIVE_MEM, CREATE_RGATE, CREATE_SGATE, EXCHANGE
 * (delegate / obtain between parent and child), ACTIVATE and REVOKE, mostly
 * valid, some not. The model is a plain list of capabilities (no tree links: a
 * revoke marks descendants by repeated passes) with the kernel's rules written
 * again the simple way. After every step:
 *   - the kernel accepted exactly what the model accepted; a refused syscall left
 *     the kernel and TCU state byte-identical;
 *   - every table slot matches the model: kind, object, parent (act, sel), range;
 *   - every valid EP in the (fake) TCU belongs to a live binding and vice versa;
 *   - no derived memory gate is wider than its parent, no receive gate has more
 *     credits handed out than slots, and kern_check holds.
 *
 *   test_prop [SEQUENCES [OPS [SEED]]]     (default 10000 x 100, seed 1)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "ktest.h"
#include "sys.h"

#define NACT KT_FAMILY
#define R 0
#define MAXN 2048 /* model nodes per sequence */
#define MAXO 2048 /* model objects per sequence */
#define LO 24     /* random selectors: [LO, HI) */
#define HI 56
#define EP0 KT_FAMILY_EPS

static struct kern K, K0;
static struct fplat P;
static struct ktest T;
static uint64_t P0;

/* Snapshot of the kernel and TCU state (cheaper than hashing the kernel every step). */
static void snap(void)
{
	memcpy(&K0, &K, offsetof(struct kern, stats));
	P0 = fplat_hash(&P);
}

static int unchanged(void)
{
	return !memcmp(&K0, &K, offsetof(struct kern, stats)) && fplat_hash(&P) == P0;
}

struct mobj {
	int live;
	unsigned kind, owner;
	unsigned kidx; /* the kernel's object index */
	unsigned tile; /* MGATE, EP, ACT: the tile */
	uint32_t addr, size, perms;     /* MGATE */
	unsigned order, slots, used;    /* RGATE */
	int rg_ep;                      /* RGATE: EP object it is on, or -1 */
	int rgate, bound;               /* SGATE: its receive gate; the EP object it is on, or -1 */
	unsigned credits;
	unsigned epid;                  /* EP */
	int bcap, brg;                  /* EP: bound node (send/memory gate), bound receive gate object */
	unsigned act;                   /* ACT: activity id */
};

struct mnode {
	int live;
	unsigned act, sel, kind;
	int parent, obj;
	int ep; /* EP object it is activated on, or -1 */
};

static struct mobj mo[MAXO];
static struct mnode mn[MAXN];
static int nmo, nmn;
static int mtab[NACT][KCFG_SELS];
static unsigned caps_used[NACT], objs_used[NACT], caps_lim[NACT], objs_lim[NACT];
static unsigned live_caps, live_objs;

static unsigned long long violations, steps, accepted, refused;
static uint64_t rng;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static uint32_t rn(uint32_t n)
{
	return n ? rnd() % n : 0;
}

/* ------------------------------------------------------------------ model */

static int m_obj_new(unsigned kind, unsigned owner)
{
	struct mobj *o;

	if (nmo == MAXO) {
		fprintf(stderr, "test_prop: model object table full\n");
		exit(2);
	}
	o = &mo[nmo];
	memset(o, 0, sizeof(*o));
	o->live = 1;
	o->kind = kind;
	o->owner = owner;
	o->rg_ep = o->rgate = o->bound = o->bcap = o->brg = -1;
	if (owner < NACT)
		objs_used[owner]++;
	live_objs++;
	return nmo++;
}

static int m_node_new(unsigned act, uint32_t sel, int obj, int parent)
{
	struct mnode *n;

	if (nmn == MAXN) {
		fprintf(stderr, "test_prop: model node table full\n");
		exit(2);
	}
	n = &mn[nmn];
	n->live = 1;
	n->act = act;
	n->sel = sel;
	n->kind = mo[obj].kind;
	n->obj = obj;
	n->parent = parent;
	n->ep = -1;
	mtab[act][sel] = nmn;
	caps_used[act]++;
	live_caps++;
	return nmn++;
}

static int m_at(unsigned act, uint32_t sel)
{
	return sel < KCFG_SELS ? mtab[act][sel] : -1;
}

static int m_free(unsigned act, uint32_t sel, uint32_t n)
{
	uint32_t i;

	if (sel >= KCFG_SELS || n > KCFG_SELS - sel)
		return 0;
	for (i = 0; i < n; i++) {
		if (mtab[act][sel + i] >= 0)
			return 0;
	}
	return 1;
}

static int m_quota(unsigned act, unsigned caps, unsigned objs)
{
	return caps_used[act] + caps <= caps_lim[act] && objs_used[act] + objs <= objs_lim[act] &&
	       live_caps + caps <= KCFG_MAX_CAPS && live_objs + objs <= KCFG_MAX_OBJS;
}

static void m_unbind_ep(int e)
{
	if (mo[e].bcap >= 0) {
		struct mnode *c = &mn[mo[e].bcap];

		if (c->kind == KIF_CAP_SGATE)
			mo[c->obj].bound = -1;
		c->ep = -1;
		mo[e].bcap = -1;
	}
}

/* The last capability of object o went away. */
static void m_obj_gone(int o)
{
	struct mobj *x = &mo[o];

	x->live = 0;
	if (x->owner < NACT)
		objs_used[x->owner]--;
	live_objs--;
	if (x->kind == KIF_CAP_SGATE)
		mo[x->rgate].used -= x->credits;
	if (x->kind == KIF_CAP_RGATE && x->rg_ep >= 0)
		mo[x->rg_ep].brg = -1;
}

static void m_revoke(int root, int own)
{
	static unsigned char mark[MAXN];
	int changed = 1, i;

	memset(mark, 0, sizeof(mark));
	mark[root] = 1;
	while (changed) {
		changed = 0;
		for (i = 0; i < nmn; i++) {
			if (mn[i].live && !mark[i] && mn[i].parent >= 0 && mark[mn[i].parent]) {
				mark[i] = 1;
				changed = 1;
			}
		}
	}
	if (!own)
		mark[root] = 0;
	for (i = 0; i < nmn; i++) {
		struct mnode *n = &mn[i];
		int refs = 0, j;

		if (!mark[i] || !n->live)
			continue;
		n->live = 0;
		mtab[n->act][n->sel] = -1;
		caps_used[n->act]--;
		live_caps--;
		if (n->ep >= 0)
			m_unbind_ep(n->ep);
		for (j = 0; j < nmn; j++)
			refs += mn[j].live && mn[j].obj == n->obj;
		if (!refs)
			m_obj_gone(n->obj);
	}
}

/* The kernel object of the capability at (act, sel). */
static unsigned k_obj(unsigned act, uint32_t sel)
{
	return K.caps[cap_lookup(&K, act, sel)].obj;
}

/* ------------------------------------------------------------------ operations */

struct op {
	unsigned act, n;
	uint32_t w[8];
};

/* Does the model accept op? If so and apply, change the model (after the kernel ran it). */
static int m_mgate(const struct op *o, int apply)
{
	uint32_t d = o->w[1], addr = o->w[3], size = o->w[4], perms = o->w[5];
	int a = m_at(o->act, o->w[2]), ob, tile;

	if (!m_free(o->act, d, 1) || a < 0 || mn[a].kind != KIF_CAP_ACT)
		return 0;
	tile = (int)mo[mn[a].obj].tile;
	if (perms == 0 || perms > 3 || size == 0 || (uint64_t)addr + size > KT_SPM || !m_quota(o->act, 1, 1))
		return 0;
	(void)tile;
	if (apply) {
		ob = m_obj_new(KIF_CAP_MGATE, o->act);
		mo[ob].tile = mo[mn[a].obj].tile;
		mo[ob].addr = addr;
		mo[ob].size = size;
		mo[ob].perms = perms;
		mo[ob].kidx = 0;
		m_node_new(o->act, d, ob, a);
		mo[ob].kidx = k_obj(o->act, d);
	}
	return 1;
}

static int m_derive(const struct op *o, int apply)
{
	uint32_t d = o->w[1], off = o->w[3], size = o->w[4], perms = o->w[5];
	int s = m_at(o->act, o->w[2]), ob;
	const struct mobj *so;

	if (!m_free(o->act, d, 1) || s < 0 || mn[s].kind != KIF_CAP_MGATE)
		return 0;
	so = &mo[mn[s].obj];
	if (perms == 0 || perms > 3 || size == 0 || (perms & ~so->perms) || (uint64_t)off + size > so->size ||
	    !m_quota(o->act, 1, 1))
		return 0;
	if (apply) {
		ob = m_obj_new(KIF_CAP_MGATE, o->act);
		mo[ob].tile = so->tile;
		mo[ob].addr = so->addr + off;
		mo[ob].size = size;
		mo[ob].perms = perms;
		m_node_new(o->act, d, ob, s);
		mo[ob].kidx = k_obj(o->act, d);
	}
	return 1;
}

static int m_rgate(const struct op *o, int apply)
{
	uint32_t d = o->w[1], order = o->w[2], slots = o->w[3];
	int ob;

	if (!m_free(o->act, d, 1) || order < TCU_MIN_MSG_ORDER || order > TCU_MAX_MSG_ORDER ||
	    slots > TCU_MAX_SLOTS_ORDER || !m_quota(o->act, 1, 1))
		return 0;
	if (apply) {
		ob = m_obj_new(KIF_CAP_RGATE, o->act);
		mo[ob].order = order;
		mo[ob].slots = slots;
		m_node_new(o->act, d, ob, -1);
		mo[ob].kidx = k_obj(o->act, d);
	}
	return 1;
}

static int m_sgate(const struct op *o, int apply)
{
	uint32_t d = o->w[1], label = o->w[3], crd = o->w[4];
	int r = m_at(o->act, o->w[2]), ob;
	struct mobj *ro;

	if (!m_free(o->act, d, 1) || r < 0 || mn[r].kind != KIF_CAP_RGATE)
		return 0;
	ro = &mo[mn[r].obj];
	if (label == KIF_KERNEL_LABEL || crd == 0 || crd > (1u << ro->slots) || ro->used + crd > (1u << ro->slots) ||
	    !m_quota(o->act, 1, 1))
		return 0;
	if (apply) {
		ob = m_obj_new(KIF_CAP_SGATE, o->act);
		mo[ob].rgate = mn[r].obj;
		mo[ob].credits = crd;
		ro->used += crd;
		m_node_new(o->act, d, ob, r);
		mo[ob].kidx = k_obj(o->act, d);
	}
	return 1;
}

static int m_exchange(const struct op *o, int apply)
{
	uint32_t own = o->w[2], other = o->w[3], n = o->w[4], obtain = o->w[5], i;
	int y = m_at(o->act, o->w[1]);
	unsigned ya, sa, da;
	uint32_t ss, ds;

	if (y < 0 || mn[y].kind != KIF_CAP_ACT)
		return 0;
	ya = mo[mn[y].obj].act;
	if (ya == o->act || n == 0 || n > KIF_MAX_XCHG || obtain > 1)
		return 0;
	sa = obtain ? ya : o->act;
	ss = obtain ? other : own;
	da = obtain ? o->act : ya;
	ds = obtain ? own : other;
	if (ss >= KCFG_SELS || n > KCFG_SELS - ss)
		return 0;
	for (i = 0; i < n; i++) {
		if (mtab[sa][ss + i] < 0)
			return 0;
	}
	if (!m_free(da, ds, n) || !m_quota(da, n, 0))
		return 0;
	if (apply) {
		for (i = 0; i < n; i++) {
			int src = mtab[sa][ss + i];

			m_node_new(da, ds + i, mn[src].obj, src);
		}
	}
	return 1;
}

static int m_activate(const struct op *o, int apply)
{
	uint32_t gsel = o->w[2], addr = o->w[3];
	int e = m_at(o->act, o->w[1]), g, eo;
	struct mobj *go;

	if (e < 0 || mn[e].kind != KIF_CAP_EP)
		return 0;
	eo = mn[e].obj;
	if (gsel == KIF_INV_SEL) {
		if (addr || mo[eo].brg >= 0)
			return 0;
		if (apply)
			m_unbind_ep(eo);
		return 1;
	}
	g = m_at(o->act, gsel);
	if (g < 0)
		return 0;
	go = &mo[mn[g].obj];
	if (mn[g].kind != KIF_CAP_SGATE && mn[g].kind != KIF_CAP_MGATE && mn[g].kind != KIF_CAP_RGATE)
		return 0;
	if (mo[eo].brg >= 0 || mn[g].ep >= 0)
		return 0;
	if (mn[g].kind == KIF_CAP_SGATE && (go->bound >= 0 || mo[go->rgate].rg_ep < 0 || addr))
		return 0;
	if (mn[g].kind == KIF_CAP_MGATE && addr)
		return 0;
	if (mn[g].kind == KIF_CAP_RGATE &&
	    (go->rg_ep >= 0 || (uint64_t)addr + (1u << (go->order + go->slots)) > KT_SPM))
		return 0;
	if (apply) {
		m_unbind_ep(eo);
		if (mn[g].kind == KIF_CAP_RGATE) {
			go->rg_ep = eo;
			mo[eo].brg = mn[g].obj;
		} else {
			mo[eo].bcap = g;
			mn[g].ep = eo;
			if (mn[g].kind == KIF_CAP_SGATE)
				go->bound = eo;
		}
	}
	return 1;
}

static int m_revoke_op(const struct op *o, int apply)
{
	int c = m_at(o->act, o->w[1]);

	if (o->w[2] > 1 || c < 0 || (o->w[2] && o->w[1] == KIF_SEL_ACT))
		return 0;
	if (apply)
		m_revoke(c, (int)o->w[2]);
	return 1;
}

static int m_accepts(const struct op *o, int apply)
{
	switch (o->w[0]) {
	case KIF_SYS_CREATE_MGATE:
		return m_mgate(o, apply);
	case KIF_SYS_DERIVE_MEM:
		return m_derive(o, apply);
	case KIF_SYS_CREATE_RGATE:
		return m_rgate(o, apply);
	case KIF_SYS_CREATE_SGATE:
		return m_sgate(o, apply);
	case KIF_SYS_EXCHANGE:
		return m_exchange(o, apply);
	case KIF_SYS_ACTIVATE:
		return m_activate(o, apply);
	default:
		return m_revoke_op(o, apply);
	}
}

/* ------------------------------------------------------------------ generator */

/* A selector of act holding kind (any kind: 0), mostly; sometimes anything. */
static uint32_t pick(unsigned act, unsigned kind)
{
	int cand[KCFG_SELS], n = 0;
	uint32_t s;

	if (rn(16) == 0)
		return rn(4) == 0 ? (rn(2) ? KCFG_SELS : KIF_INV_SEL) : rn(KCFG_SELS);
	for (s = LO; s < HI; s++) {
		int x = mtab[act][s];

		if (x >= 0 && (kind == 0 || mn[x].kind == kind))
			cand[n++] = (int)s;
	}
	return n && rn(8) ? (uint32_t)cand[rn((uint32_t)n)] : LO + rn(HI - LO);
}

static uint32_t free_sel(void)
{
	return rn(32) ? LO + rn(HI - LO) : rn(KCFG_SELS + 2);
}

static uint32_t edge(uint32_t max)
{
	switch (rn(8)) {
	case 0:
		return 0;
	case 1:
		return max;
	case 2:
		return max + 1;
	case 3:
		return rnd();
	default:
		return rn(max + 1);
	}
}

static void gen(struct op *o)
{
	unsigned a = rn(NACT);
	uint32_t s;

	memset(o, 0, sizeof(*o));
	o->act = a;
	switch (rn(10)) {
	case 0:
		o->w[0] = KIF_SYS_CREATE_MGATE;
		o->w[1] = free_sel();
		o->w[2] = rn(8) ? KIF_SEL_ACT : a == R ? 20 + rn(2) : a == 1 ? 2 : rn(4);
		o->w[3] = edge(KT_SPM);
		o->w[4] = edge(KT_SPM - (o->w[3] < KT_SPM ? o->w[3] : 0));
		o->w[5] = rn(8) ? 1 + rn(3) : rn(8);
		o->n = 6;
		break;
	case 1:
	case 2:
		s = pick(a, KIF_CAP_MGATE);
		o->w[0] = KIF_SYS_DERIVE_MEM;
		o->w[1] = free_sel();
		o->w[2] = s;
		{
			int x = m_at(a, s);
			uint32_t size = x >= 0 && mn[x].kind == KIF_CAP_MGATE ? mo[mn[x].obj].size : 0x100;

			o->w[3] = edge(size);
			o->w[4] = edge(size - (o->w[3] <= size ? o->w[3] : 0));
			o->w[5] = x >= 0 && mn[x].kind == KIF_CAP_MGATE && rn(4) ? mo[mn[x].obj].perms & (1 + rn(3))
										 : rn(5);
		}
		o->n = 6;
		break;
	case 3:
		o->w[0] = KIF_SYS_CREATE_RGATE;
		o->w[1] = free_sel();
		o->w[2] = rn(8) ? 4 + rn(8) : rn(16);
		o->w[3] = rn(8) ? rn(3) : rn(8);
		o->n = 4;
		break;
	case 4:
		o->w[0] = KIF_SYS_CREATE_SGATE;
		o->w[1] = free_sel();
		o->w[2] = pick(a, KIF_CAP_RGATE);
		o->w[3] = rn(64) ? rnd() & 0xFFFF : KIF_KERNEL_LABEL;
		o->w[4] = rn(8) ? 1 + rn(2) : rn(40);
		o->n = 5;
		break;
	case 5:
	case 6:
		o->w[0] = KIF_SYS_EXCHANGE;
		o->w[1] = a == R ? 20 + rn(2) : a == 1 && rn(4) ? 2 : rn(3);
		o->w[5] = rn(16) ? rn(2) : rn(4);
		o->w[4] = rn(16) ? 1 + rn(3) : rn(12);
		o->w[2] = o->w[5] ? free_sel() : pick(a, 0);
		o->w[3] = o->w[5] ? LO + rn(HI - LO) : free_sel();
		o->n = 6;
		break;
	case 7:
		o->w[0] = KIF_SYS_ACTIVATE;
		o->w[1] = rn(16) ? EP0 + rn(2) : pick(a, 0);
		o->w[2] = rn(10) ? pick(a, 0) : KIF_INV_SEL;
		{
			int g = m_at(a, o->w[2]);

			o->w[3] = g >= 0 && mn[g].kind == KIF_CAP_RGATE && rn(8) ? 0x4000 + (rn(0x30) << 8) : rn(16) ? 0 : rnd();
		}
		o->n = 4;
		break;
	default:
		/* the set-up's capabilities (outside [LO, HI)) stay: the model has no activity deaths */
		o->w[0] = KIF_SYS_REVOKE;
		o->w[1] = pick(a, 0);
		if ((o->w[1] < LO || o->w[1] >= HI) && m_at(a, o->w[1]) >= 0)
			o->w[1] = KCFG_SELS + rn(3);
		o->w[2] = rn(16) ? rn(2) : rn(4);
		o->n = 3;
		break;
	}
}

/* ------------------------------------------------------------------ set-up, import, compare */

/* The four activities of kt_family, nothing else. */
static void setup(void)
{
	kt_setup(&T, &K, &P);
	kt_family(&T);
}

/* Model = the kernel's tables after set-up (activity, tile, memory and EP capabilities only). */
static void import(void)
{
	static int kmap[KCFG_MAX_OBJS], cmap[KCFG_MAX_CAPS];
	unsigned a, s, i;

	nmo = nmn = 0;
	live_caps = live_objs = 0;
	memset(mtab, 0xFF, sizeof(mtab));
	memset(kmap, 0xFF, sizeof(kmap));
	memset(cmap, 0xFF, sizeof(cmap));
	for (a = 0; a < NACT; a++) {
		caps_used[a] = objs_used[a] = 0;
		caps_lim[a] = K.acts[a].lim.caps;
		objs_lim[a] = K.acts[a].lim.objs;
	}
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		const struct kobj *k = &K.objs[i];
		int o;

		if (k->kind == KIF_CAP_NONE)
			continue;
		o = m_obj_new(k->kind, k->owner);
		kmap[i] = o;
		mo[o].kidx = i;
		if (k->kind == KIF_CAP_MGATE) {
			mo[o].tile = k->u.mg.tile;
			mo[o].addr = k->u.mg.addr;
			mo[o].size = k->u.mg.size;
			mo[o].perms = k->u.mg.perms;
		} else if (k->kind == KIF_CAP_EP) {
			mo[o].tile = k->u.ep.tile;
			mo[o].epid = k->u.ep.epid;
		} else if (k->kind == KIF_CAP_ACT) {
			mo[o].act = k->u.act.act;
			mo[o].tile = K.acts[k->u.act.act].tile;
		}
	}
	for (a = 0; a < NACT; a++) {
		for (s = 0; s < KCFG_SELS; s++) {
			uint16_t c = cap_lookup(&K, a, s);

			if (c != KNIL)
				cmap[c] = m_node_new(a, s, kmap[K.caps[c].obj], -1);
		}
	}
	for (i = 0; i < (unsigned)nmn; i++) {
		uint16_t c = cap_lookup(&K, mn[i].act, mn[i].sel);

		mn[i].parent = K.caps[c].parent == KNIL ? -1 : cmap[K.caps[c].parent];
	}
	for (a = 0; a < NACT; a++) {
		caps_used[a] = K.acts[a].used.caps;
		objs_used[a] = K.acts[a].used.objs;
	}
}

static char why[256];

/* 0 if kernel and model agree on every slot and every EP, else 1 with the reason in why. */
static int compare(void)
{
	unsigned a, s;
	int i;

	for (a = 0; a < NACT; a++) {
		for (s = 0; s < KCFG_SELS; s++) {
			uint16_t c = cap_lookup(&K, a, s);
			int x = mtab[a][s];
			const struct cap *kc;

			if ((x < 0) != (c == KNIL)) {
				snprintf(why, sizeof(why), "slot (%u, %u): kernel %s, model %s", a, s,
					 c == KNIL ? "empty" : "used", x < 0 ? "empty" : "used");
				return 1;
			}
			if (x < 0)
				continue;
			kc = &K.caps[c];
			if (kc->kind != mn[x].kind || kc->obj != mo[mn[x].obj].kidx) {
				snprintf(why, sizeof(why), "slot (%u, %u): kind/object differ", a, s);
				return 1;
			}
			if ((mn[x].parent < 0) != (kc->parent == KNIL) ||
			    (mn[x].parent >= 0 && (K.caps[kc->parent].act != mn[mn[x].parent].act ||
						   K.caps[kc->parent].sel != mn[mn[x].parent].sel))) {
				snprintf(why, sizeof(why), "slot (%u, %u): parent differs", a, s);
				return 1;
			}
			if (kc->kind == KIF_CAP_MGATE) {
				const struct kobj *ko = &K.objs[kc->obj];
				const struct mobj *m = &mo[mn[x].obj];

				if (ko->u.mg.addr != m->addr || ko->u.mg.size != m->size || ko->u.mg.perms != m->perms ||
				    ko->u.mg.tile != m->tile) {
					snprintf(why, sizeof(why), "slot (%u, %u): memory range differs", a, s);
					return 1;
				}
			}
		}
	}
	for (i = 0; i < nmo; i++) {
		const struct mobj *m = &mo[i];
		unsigned type;

		if (!m->live || m->kind != KIF_CAP_EP)
			continue;
		type = PLAT_GET(P.ep[m->tile][m->epid], TCU_EP_TYPE);
		if (type != (m->brg >= 0 ? TCU_EPT_RECV : m->bcap >= 0 ? (mn[m->bcap].kind == KIF_CAP_SGATE ? TCU_EPT_SEND
												 : TCU_EPT_MEM)
				      : TCU_EPT_INVALID)) {
			snprintf(why, sizeof(why), "tile %u EP %u: TCU type %u does not fit the model", m->tile, m->epid,
				 type);
			return 1;
		}
	}
	return 0;
}

/* Kernel-only monotonicity: derived memory gates within their parents, credits within slots. */
static int monotone(void)
{
	static unsigned credits[KCFG_MAX_OBJS];
	unsigned i;

	memset(credits, 0, sizeof(credits));
	for (i = 0; i < KCFG_MAX_CAPS; i++) {
		const struct cap *c = &K.caps[i];
		const struct kobj *o, *po;

		if (c->kind != KIF_CAP_MGATE || c->parent == KNIL || K.caps[c->parent].kind != KIF_CAP_MGATE)
			continue;
		o = &K.objs[c->obj];
		po = &K.objs[K.caps[c->parent].obj];
		if (o->u.mg.addr < po->u.mg.addr ||
		    (uint64_t)o->u.mg.addr + o->u.mg.size > (uint64_t)po->u.mg.addr + po->u.mg.size ||
		    (o->u.mg.perms & ~po->u.mg.perms) || o->u.mg.tile != po->u.mg.tile) {
			snprintf(why, sizeof(why), "memory gate cap %u wider than its parent", i);
			return 1;
		}
	}
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		if (K.objs[i].kind == KIF_CAP_SGATE)
			credits[K.objs[i].u.sg.rgate] += K.objs[i].u.sg.credits;
	}
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		if (K.objs[i].kind == KIF_CAP_RGATE && credits[i] > (1u << K.objs[i].u.rg.slots)) {
			snprintf(why, sizeof(why), "receive gate %u: %u credits for %u slots", i, credits[i],
				 1u << K.objs[i].u.rg.slots);
			return 1;
		}
	}
	return 0;
}

static void report(unsigned long seq, unsigned step, const struct op *o, int r, int want)
{
	unsigned i;

	violations++;
	if (violations > 5)
		return;
	fprintf(stderr, "VIOLATION sequence %lu step %u: act %u %s(", seq, step, o->act, kif_sys_name(o->w[0]));
	for (i = 1; i < o->n; i++)
		fprintf(stderr, "%s%#x", i > 1 ? ", " : "", o->w[i]);
	fprintf(stderr, ") -> %d (%s), model %s: %s\n", r, r > 0 ? kif_err_name((uint32_t)r) : "-",
		want ? "accepts" : "refuses", why);
}

int main(int argc, char **argv)
{
	unsigned long nseq = argc > 1 ? strtoul(argv[1], NULL, 0) : 10000;
	unsigned nops = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 0) : 100;
	unsigned long seed = argc > 3 ? strtoul(argv[3], NULL, 0) : 1;
	unsigned long q;

	for (q = 0; q < nseq; q++) {
		unsigned i;

		rng = 0x9E3779B97F4A7C15ull * (seed + q) | 1;
		setup();
		import();
		why[0] = 0;
		if (compare())
			report(q, 0, &(struct op){ 0 }, 0, 1);
		for (i = 0; i < nops; i++) {
			const char *m;
			struct op o;
			int want, r;

			gen(&o);
			want = m_accepts(&o, 0);
			snap();
			r = kt_sys(&T, o.act, o.w, o.n);
			steps++;
			why[0] = 0;
			if ((r == 0) != want) {
				snprintf(why, sizeof(why), "kernel and model disagree");
				report(q, i, &o, r, want);
				break;
			}
			if (r) {
				refused++;
				if (!unchanged()) {
					snprintf(why, sizeof(why), "refused syscall changed the state");
					report(q, i, &o, r, want);
					break;
				}
			} else {
				accepted++;
				m_accepts(&o, 1);
			}
			m = kern_check(&K);
			if (!m)
				m = fplat_check(&P, &K);
			if (m)
				snprintf(why, sizeof(why), "%s", m);
			if (m || compare() || monotone()) {
				report(q, i, &o, r, want);
				break;
			}
		}
	}
	printf("K2 monotonicity: %lu sequences x %u ops over 4 activities (%llu accepted, %llu refused), "
	       "%llu violations\n", nseq, nops, accepted, refused, violations);
	return violations ? 1 : 0;
}
