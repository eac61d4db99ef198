/*
 * sys.c - system call decoding and the handlers.
 *
 * Every handler first checks all its arguments (selectors, kinds, values, quotas,
 * and the platform call that can fail) and only then changes state, so a failing
 * syscall leaves the kernel exactly as it was (K1).
 */
#include "sys.h"

#include <string.h>

#include "act.h"
#include "cap.h"
#include "kif.h"
#include "kobj.h"
#include "plat.h"
#include "srv.h"

#define SYS_DEFER (-1)   /* the reply comes later */
#define SYS_NOREPLY (-2) /* EXIT: nothing to answer */

struct sys_ctx {
	struct kern *k;
	unsigned act;
	const uint32_t *m;
	unsigned n;
	unsigned rn; /* result words in rpl after the error word */
	int kick;    /* capabilities were revoked: queued service requests may go now */
	uint32_t rpl[KIF_RPL_MAX_WORDS];
};

#define ARG(x, F) ((x)->m[KIF_W(F)])

static int sys_dst(const struct sys_ctx *x, uint32_t sel)
{
	return cap_free_range(x->k, x->act, sel, 1);
}

static int sys_get(const struct sys_ctx *x, uint32_t sel, unsigned kind, uint16_t *c)
{
	return cap_get(x->k, x->act, sel, kind, c);
}

static struct kobj *sys_obj(const struct sys_ctx *x, uint16_t c)
{
	return &x->k->objs[x->k->caps[c].obj];
}

/* Activity id named by activity capability c. */
static unsigned sys_act_of(const struct sys_ctx *x, uint16_t c)
{
	return sys_obj(x, c)->u.act.act;
}

static int sys_perms_ok(uint32_t perms)
{
	return perms != 0 && perms <= KIF_PERM_RW;
}

static int sys_noop(struct sys_ctx *x)
{
	(void)x;
	return 0;
}

static int sys_create_rgate(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_CREATE_RGATE_DST);
	uint32_t order = ARG(x, SYS_CREATE_RGATE_ORDER);
	uint32_t slots = ARG(x, SYS_CREATE_RGATE_SLOTS);
	struct kobj *r;
	uint16_t o;
	int err;

	err = sys_dst(x, dst);
	if (err)
		return err;
	if (order < TCU_MIN_MSG_ORDER || order > TCU_MAX_MSG_ORDER || slots > TCU_MAX_SLOTS_ORDER)
		return KIF_ERR_INV_ARGS;
	err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	o = kobj_alloc(x->k, KIF_CAP_RGATE, x->act);
	r = &x->k->objs[o];
	r->u.rg.ep = KNIL;
	r->u.rg.order = (uint8_t)order;
	r->u.rg.slots = (uint8_t)slots;
	kobj_cap_new(x->k, x->act, dst, o, KNIL);
	return 0;
}

static int sys_create_sgate(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_CREATE_SGATE_DST);
	uint32_t label = ARG(x, SYS_CREATE_SGATE_LABEL);
	uint32_t crd = ARG(x, SYS_CREATE_SGATE_CREDITS);
	struct kobj *r, *s;
	uint16_t rc, o;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_CREATE_SGATE_RGATE), KIF_CAP_RGATE, &rc);
	if (err)
		return err;
	r = sys_obj(x, rc);
	if (label == KIF_KERNEL_LABEL || crd == 0 || crd > (1u << r->u.rg.slots))
		return KIF_ERR_INV_ARGS;
	if (r->u.rg.used + crd > (1u << r->u.rg.slots))
		return KIF_ERR_NO_SLOTS;
	err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	o = kobj_alloc(x->k, KIF_CAP_SGATE, x->act);
	s = &x->k->objs[o];
	s->u.sg.rgate = x->k->caps[rc].obj;
	s->u.sg.bound = KNIL;
	s->u.sg.label = label;
	s->u.sg.credits = (uint8_t)crd;
	r->u.rg.used += (uint8_t)crd;
	kobj_cap_new(x->k, x->act, dst, o, rc);
	return 0;
}

/* A memory gate object [addr, addr + size) of tile, charged to the caller, at dst under parent. */
static void sys_new_mgate(struct sys_ctx *x, uint32_t dst, uint16_t parent, unsigned tile, uint32_t addr,
			  uint32_t size, uint32_t perms)
{
	uint16_t o = kobj_alloc(x->k, KIF_CAP_MGATE, x->act);
	struct kobj *m = &x->k->objs[o];

	m->u.mg.tile = (uint8_t)tile;
	m->u.mg.addr = addr;
	m->u.mg.size = size;
	m->u.mg.perms = (uint8_t)perms;
	kobj_cap_new(x->k, x->act, dst, o, parent);
}

static int sys_create_mgate(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_CREATE_MGATE_DST);
	uint32_t addr = ARG(x, SYS_CREATE_MGATE_ADDR);
	uint32_t size = ARG(x, SYS_CREATE_MGATE_SIZE);
	uint32_t perms = ARG(x, SYS_CREATE_MGATE_PERMS);
	unsigned tile;
	uint16_t ac;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_CREATE_MGATE_ACT), KIF_CAP_ACT, &ac);
	if (err)
		return err;
	tile = x->k->acts[sys_act_of(x, ac)].tile;
	if (!sys_perms_ok(perms) || size == 0 || (uint64_t)addr + size > x->k->tiles[tile].mem_size)
		return KIF_ERR_INV_ARGS;
	err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	sys_new_mgate(x, dst, ac, tile, addr, size, perms);
	return 0;
}

static int sys_derive_mem(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_DERIVE_MEM_DST);
	uint32_t off = ARG(x, SYS_DERIVE_MEM_OFFSET);
	uint32_t size = ARG(x, SYS_DERIVE_MEM_SIZE);
	uint32_t perms = ARG(x, SYS_DERIVE_MEM_PERMS);
	const struct kobj *m;
	uint16_t sc;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_DERIVE_MEM_SRC), KIF_CAP_MGATE, &sc);
	if (err)
		return err;
	m = sys_obj(x, sc);
	if (!sys_perms_ok(perms) || size == 0)
		return KIF_ERR_INV_ARGS;
	if ((perms & ~(uint32_t)m->u.mg.perms) || (uint64_t)off + size > m->u.mg.size)
		return KIF_ERR_DENIED;
	err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	sys_new_mgate(x, dst, sc, m->u.mg.tile, m->u.mg.addr + off, size, perms);
	return 0;
}

static int sys_create_act(struct sys_ctx *x)
{
	struct kern *k = x->k;
	uint32_t dst = ARG(x, SYS_CREATE_ACT_DST);
	struct kquota lim;
	const struct ktile *t;
	unsigned tile, id;
	uint16_t tc, o, pc;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_CREATE_ACT_TILE), KIF_CAP_TILE, &tc);
	if (err)
		return err;
	tile = sys_obj(x, tc)->u.tile.tile;
	t = &k->tiles[tile];
	if (t->kind != KTILE_PROC || t->act != KACT_NONE)
		return KIF_ERR_NO_FREE_TILE;
	if (ARG(x, SYS_CREATE_ACT_CAPS) == 0 || ARG(x, SYS_CREATE_ACT_CAPS) > KCFG_SELS ||
	    ARG(x, SYS_CREATE_ACT_OBJS) > KCFG_MAX_OBJS || ARG(x, SYS_CREATE_ACT_EPS) > t->num_eps - KIF_FIRST_USER_EP)
		return KIF_ERR_INV_ARGS;
	lim.caps = (uint16_t)ARG(x, SYS_CREATE_ACT_CAPS);
	lim.objs = (uint16_t)ARG(x, SYS_CREATE_ACT_OBJS);
	lim.eps = (uint16_t)ARG(x, SYS_CREATE_ACT_EPS);
	id = act_find_free(k);
	if (id == KACT_NONE)
		return KIF_ERR_NO_SPACE;
	err = kobj_quota(k, x->act, 1u + lim.caps, 1u + lim.objs);
	if (err)
		return err;
	if (plat_std_eps(k, tile, act_label(id, k->acts[id].gen + 1)))
		return KIF_ERR_PLATFORM;
	o = kobj_alloc(k, KIF_CAP_ACT, x->act);
	k->objs[o].u.act.act = (uint8_t)id;
	act_setup(k, id, tile, x->act, &lim, o);
	pc = kobj_cap_new(k, x->act, dst, o, tc);
	kobj_cap_new(k, id, KIF_SEL_ACT, o, pc);
	k->acts[x->act].used.caps += lim.caps;
	k->acts[x->act].used.objs += lim.objs;
	x->rpl[KIF_W(RPL_CREATE_ACT_ID)] = id;
	x->rn = 1;
	return 0;
}

/* 0 if EPs [ep, ep + n) of tile are all free. */
static int sys_eps_free(const struct ktile *t, uint32_t ep, uint32_t n)
{
	uint32_t i;

	for (i = ep; i < ep + n; i++) {
		if (t->ep_used[i / 32] & (1u << (i % 32)))
			return KIF_ERR_EXISTS;
	}
	return 0;
}

static int sys_alloc_ep(struct sys_ctx *x)
{
	struct kern *k = x->k;
	uint32_t dst = ARG(x, SYS_ALLOC_EP_DST);
	uint32_t ep = ARG(x, SYS_ALLOC_EP_EP);
	uint32_t rpl = ARG(x, SYS_ALLOC_EP_REPLIES);
	struct kact *ta;
	struct ktile *t;
	struct kobj *e;
	uint16_t ac, o;
	uint32_t i;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_ALLOC_EP_ACT), KIF_CAP_ACT, &ac);
	if (err)
		return err;
	ta = &k->acts[sys_act_of(x, ac)];
	if (ta->state >= KACT_EXITING)
		return KIF_ERR_INV_STATE;
	t = &k->tiles[ta->tile];
	if (rpl > (1u << TCU_MAX_SLOTS_ORDER) || (rpl & (rpl - 1)) || ep < KIF_FIRST_USER_EP ||
	    (uint64_t)ep + rpl >= t->num_eps)
		return KIF_ERR_INV_ARGS;
	err = sys_eps_free(t, ep, rpl + 1);
	if (!err)
		err = kobj_quota(k, x->act, 1, 1);
	if (err)
		return err;
	if ((unsigned)ta->used.eps + 1 + rpl > ta->lim.eps)
		return KIF_ERR_NO_QUOTA;
	o = kobj_alloc(k, KIF_CAP_EP, x->act);
	e = &k->objs[o];
	e->u.ep.cap = KNIL;
	e->u.ep.rgate = KNIL;
	e->u.ep.tile = ta->tile;
	e->u.ep.epid = (uint8_t)ep;
	e->u.ep.replies = (uint8_t)rpl;
	e->u.ep.act = (uint8_t)sys_act_of(x, ac);
	for (i = ep; i <= ep + rpl; i++)
		t->ep_used[i / 32] |= 1u << (i % 32);
	ta->used.eps += (uint16_t)(1 + rpl);
	kobj_cap_new(k, x->act, dst, o, ac);
	return 0;
}

/* ACTIVATE with GATE = INV_SEL: invalidate the EP (not one holding a receive gate). */
static int sys_deactivate(struct sys_ctx *x, uint16_t e)
{
	struct kobj *eo = &x->k->objs[e];

	if (ARG(x, SYS_ACTIVATE_ADDR))
		return KIF_ERR_INV_ARGS;
	if (eo->u.ep.rgate != KNIL)
		return KIF_ERR_INV_STATE;
	if (eo->u.ep.cap == KNIL)
		return 0;
	if (x->k->plat->ep_inval(x->k->pctx, eo->u.ep.tile, eo->u.ep.epid))
		return KIF_ERR_PLATFORM;
	kobj_unbind_ep(x->k, e);
	return 0;
}

/* Encode gate capability g for EP object e into w; 0 or the error. */
static int sys_gate_words(struct sys_ctx *x, uint16_t e, uint16_t g, uint32_t *w)
{
	struct kern *k = x->k;
	const struct kobj *eo = &k->objs[e];
	const struct kobj *go = sys_obj(x, g);
	uint32_t addr = ARG(x, SYS_ACTIVATE_ADDR);
	const struct kobj *r, *re;

	switch (k->caps[g].kind) {
	case KIF_CAP_SGATE:
		r = &k->objs[go->u.sg.rgate];
		if (go->u.sg.bound != KNIL)
			return KIF_ERR_EXISTS;
		if (r->u.rg.ep == KNIL)
			return KIF_ERR_INV_STATE;
		if (addr)
			return KIF_ERR_INV_ARGS;
		re = &k->objs[r->u.rg.ep];
		plat_ep_send(w, &k->tiles[re->u.ep.tile], re->u.ep.epid, go->u.sg.label, r->u.rg.order,
			     go->u.sg.credits);
		return 0;
	case KIF_CAP_MGATE:
		if (addr)
			return KIF_ERR_INV_ARGS;
		plat_ep_mem(w, &k->tiles[go->u.mg.tile], go->u.mg.addr, go->u.mg.size, go->u.mg.perms);
		return 0;
	case KIF_CAP_RGATE:
		if (go->u.rg.ep != KNIL || (go->u.rg.flags & KRG_GONE))
			return KIF_ERR_EXISTS;
		if ((eo->u.ep.replies && eo->u.ep.replies < (1u << go->u.rg.slots)) ||
		    (uint64_t)addr + (1u << (go->u.rg.order + go->u.rg.slots)) > k->tiles[eo->u.ep.tile].mem_size)
			return KIF_ERR_INV_ARGS;
		plat_ep_recv(w, addr, go->u.rg.order, go->u.rg.slots,
			     eo->u.ep.replies ? eo->u.ep.epid + 1u : TCU_NO_EP);
		return 0;
	default:
		return KIF_ERR_WRONG_KIND;
	}
}

static int sys_activate(struct sys_ctx *x)
{
	struct kern *k = x->k;
	uint32_t w[PLAT_EP_WORDS];
	struct kobj *eo;
	uint16_t ec, e, g;
	int err;

	err = sys_get(x, ARG(x, SYS_ACTIVATE_EP), KIF_CAP_EP, &ec);
	if (err)
		return err;
	e = k->caps[ec].obj;
	eo = &k->objs[e];
	if (ARG(x, SYS_ACTIVATE_GATE) == KIF_INV_SEL)
		return sys_deactivate(x, e);
	err = sys_get(x, ARG(x, SYS_ACTIVATE_GATE), KIF_CAP_NONE, &g);
	if (err)
		return err;
	if (eo->u.ep.rgate != KNIL)
		return KIF_ERR_INV_STATE;
	if (k->caps[g].ep != KNIL)
		return KIF_ERR_EXISTS;
	err = sys_gate_words(x, e, g, w);
	if (err)
		return err;
	if (plat_write(k, eo->u.ep.tile, eo->u.ep.epid, w))
		return KIF_ERR_PLATFORM;
	if (k->caps[g].kind == KIF_CAP_RGATE) {
		struct kobj *r = sys_obj(x, g);

		kobj_unbind_ep(k, e);
		r->u.rg.ep = e;
		r->u.rg.addr = ARG(x, SYS_ACTIVATE_ADDR);
		eo->u.ep.rgate = k->caps[g].obj;
	} else {
		kobj_bind_cap(k, e, g);
	}
	return 0;
}

/* The activity named by activity capability ACT (word 1) if it is not the caller. */
static int sys_other_act(struct sys_ctx *x, uint32_t sel, unsigned *act)
{
	uint16_t c;
	int err;

	err = sys_get(x, sel, KIF_CAP_ACT, &c);
	if (err)
		return err;
	*act = sys_act_of(x, c);
	return *act == x->act ? KIF_ERR_DENIED : 0;
}

static int sys_act_start(struct sys_ctx *x)
{
	struct kact *a;
	unsigned id;
	int err;

	err = sys_other_act(x, ARG(x, SYS_ACT_START_ACT), &id);
	if (err)
		return err;
	a = &x->k->acts[id];
	if (a->state != KACT_INIT && a->state != KACT_STOPPED)
		return KIF_ERR_INV_STATE;
	if (plat_core(x->k, a->tile, 1))
		return KIF_ERR_PLATFORM;
	a->state = KACT_RUN;
	return 0;
}

static int sys_act_stop(struct sys_ctx *x)
{
	struct kact *a;
	unsigned id;
	int err;

	err = sys_other_act(x, ARG(x, SYS_ACT_STOP_ACT), &id);
	if (err)
		return err;
	a = &x->k->acts[id];
	if (a->state != KACT_RUN)
		return KIF_ERR_INV_STATE;
	if (plat_core(x->k, a->tile, 0))
		return KIF_ERR_PLATFORM;
	a->state = KACT_STOPPED;
	/* its core restarts from reset: a syscall it was waiting in is void */
	act_cancel(x->k, id);
	return 0;
}

static int sys_act_wait(struct sys_ctx *x)
{
	struct kact *a;
	unsigned id;
	int err;

	err = sys_other_act(x, ARG(x, SYS_ACT_WAIT_ACT), &id);
	if (err)
		return err;
	a = &x->k->acts[id];
	if (a->state == KACT_EXITED) {
		x->rpl[KIF_W(RPL_ACT_WAIT_CODE)] = (uint32_t)a->code;
		x->rn = 1;
		return 0;
	}
	x->k->acts[x->act].wait = a->obj;
	return SYS_DEFER;
}

static int sys_exchange(struct sys_ctx *x)
{
	struct kern *k = x->k;
	uint32_t own = ARG(x, SYS_EXCHANGE_OWN), other = ARG(x, SYS_EXCHANGE_OTHER);
	uint32_t n = ARG(x, SYS_EXCHANGE_COUNT), obtain = ARG(x, SYS_EXCHANGE_OBTAIN);
	unsigned id, sa, da, i;
	uint32_t ss, ds;
	int err;

	err = sys_other_act(x, ARG(x, SYS_EXCHANGE_ACT), &id);
	if (err)
		return err;
	if (k->acts[id].state >= KACT_EXITING)
		return KIF_ERR_INV_STATE;
	if (n == 0 || n > KIF_MAX_XCHG || obtain > 1)
		return KIF_ERR_INV_ARGS;
	sa = obtain ? id : x->act;
	ss = obtain ? other : own;
	da = obtain ? x->act : id;
	ds = obtain ? own : other;
	err = cap_used_range(k, sa, ss, n);
	if (!err)
		err = cap_free_range(k, da, ds, n);
	if (!err)
		err = kobj_quota(k, da, n, 0);
	if (err)
		return err;
	for (i = 0; i < n; i++) {
		uint16_t c = k->acts[sa].sel[ss + i];

		kobj_cap_new(k, da, ds + i, k->caps[c].obj, c);
	}
	return 0;
}

static int sys_create_serv(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_CREATE_SERV_DST);
	struct kobj *r, *s;
	uint16_t rc, o;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_CREATE_SERV_RGATE), KIF_CAP_RGATE, &rc);
	if (err)
		return err;
	r = sys_obj(x, rc);
	if (r->u.rg.order < KIF_SRV_MSG_ORDER)
		return KIF_ERR_INV_ARGS;
	if (r->u.rg.ep == KNIL)
		return KIF_ERR_INV_STATE;
	if (r->u.rg.used + 1u > (1u << r->u.rg.slots))
		return KIF_ERR_NO_SLOTS;
	err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	o = kobj_alloc(x->k, KIF_CAP_SERV, x->act);
	s = &x->k->objs[o];
	s->u.srv.rgate = x->k->caps[rc].obj;
	s->u.srv.qhead = KREQ_NONE;
	s->u.srv.qtail = KREQ_NONE;
	s->u.srv.inflight = KREQ_NONE;
	r->u.rg.used++;
	kobj_cap_new(x->k, x->act, dst, o, rc);
	return 0;
}

static void sys_req_init(const struct sys_ctx *x, struct kreq *t, uint16_t srv)
{
	memset(t, 0, sizeof(*t));
	t->act = (uint8_t)x->act;
	t->srv = srv;
	t->sess = KNIL;
}

static int sys_open_sess(struct sys_ctx *x)
{
	uint32_t dst = ARG(x, SYS_OPEN_SESS_DST);
	struct kreq t;
	uint16_t sc;
	int err;

	err = sys_dst(x, dst);
	if (!err)
		err = sys_get(x, ARG(x, SYS_OPEN_SESS_SERV), KIF_CAP_SERV, &sc);
	if (!err)
		err = kobj_quota(x->k, x->act, 1, 1);
	if (err)
		return err;
	sys_req_init(x, &t, x->k->caps[sc].obj);
	t.sel = dst;
	t.csel = ARG(x, SYS_OPEN_SESS_SERV);
	t.nw = KIF_WORDS(SRV_OPEN_ARG);
	t.msg[KIF_W(SRV_OPEN_OP)] = KIF_SRV_OPEN;
	t.msg[KIF_W(SRV_OPEN_ARG)] = ARG(x, SYS_OPEN_SESS_ARG);
	err = srv_submit(x->k, &t);
	return err ? err : SYS_DEFER;
}

static int sys_exchange_sess(struct sys_ctx *x)
{
	uint32_t own = ARG(x, SYS_EXCHANGE_SESS_OWN), n = ARG(x, SYS_EXCHANGE_SESS_COUNT);
	uint32_t obtain = ARG(x, SYS_EXCHANGE_SESS_OBTAIN), nargs = ARG(x, SYS_EXCHANGE_SESS_NARGS);
	const struct kobj *so;
	struct kreq t;
	uint16_t sc;
	int err;

	err = sys_get(x, ARG(x, SYS_EXCHANGE_SESS_SESS), KIF_CAP_SESS, &sc);
	if (err)
		return err;
	if (n > KIF_MAX_XCHG || obtain > 1 || nargs > KIF_MAX_SESS_ARGS)
		return KIF_ERR_INV_ARGS;
	if (x->n != KIF_W(SYS_EXCHANGE_SESS_ARGS) + nargs)
		return KIF_ERR_BAD_MSG;
	if (obtain) {
		err = cap_free_range(x->k, x->act, own, n);
		if (!err)
			err = kobj_quota(x->k, x->act, n, 0);
	} else {
		err = cap_used_range(x->k, x->act, own, n);
	}
	if (err)
		return err;
	so = sys_obj(x, sc);
	sys_req_init(x, &t, so->u.sess.srv);
	t.sess = x->k->caps[sc].obj;
	t.sel = own;
	t.csel = ARG(x, SYS_EXCHANGE_SESS_SESS);
	t.count = n;
	t.obtain = obtain;
	t.nw = KIF_W(SRV_EXCHANGE_ARGS) + nargs;
	t.msg[KIF_W(SRV_EXCHANGE_OP)] = KIF_SRV_EXCHANGE;
	t.msg[KIF_W(SRV_EXCHANGE_IDENT)] = so->u.sess.ident;
	t.msg[KIF_W(SRV_EXCHANGE_OBTAIN)] = obtain;
	t.msg[KIF_W(SRV_EXCHANGE_COUNT)] = n;
	t.msg[KIF_W(SRV_EXCHANGE_NARGS)] = nargs;
	memcpy(&t.msg[KIF_W(SRV_EXCHANGE_ARGS)], &x->m[KIF_W(SYS_EXCHANGE_SESS_ARGS)], nargs * sizeof(uint32_t));
	err = srv_submit(x->k, &t);
	return err ? err : SYS_DEFER;
}

static int sys_revoke(struct sys_ctx *x)
{
	uint32_t sel = ARG(x, SYS_REVOKE_SEL), own = ARG(x, SYS_REVOKE_OWN);
	uint16_t c;
	int err;

	if (own > 1)
		return KIF_ERR_INV_ARGS;
	err = sys_get(x, sel, KIF_CAP_NONE, &c);
	if (err)
		return err;
	if (own && sel == KIF_SEL_ACT)
		return KIF_ERR_DENIED;
	cap_revoke(x->k, c, (int)own, kobj_cap_gone, NULL);
	x->kick = 1;
	return 0;
}

static int sys_exit(struct sys_ctx *x)
{
	act_exit(x->k, x->act, (int32_t)ARG(x, SYS_EXIT_CODE));
	x->kick = 1;
	return SYS_NOREPLY;
}

/* Length of each syscall message in words (EXCHANGE_SESS: its fixed part). */
static const uint8_t sys_words[KIF_SYS_COUNT] = {
	[KIF_SYS_NOOP] = KIF_WORDS(SYS_NOOP_OP),
	[KIF_SYS_CREATE_SGATE] = KIF_WORDS(SYS_CREATE_SGATE_CREDITS),
	[KIF_SYS_CREATE_RGATE] = KIF_WORDS(SYS_CREATE_RGATE_SLOTS),
	[KIF_SYS_CREATE_MGATE] = KIF_WORDS(SYS_CREATE_MGATE_PERMS),
	[KIF_SYS_DERIVE_MEM] = KIF_WORDS(SYS_DERIVE_MEM_PERMS),
	[KIF_SYS_CREATE_ACT] = KIF_WORDS(SYS_CREATE_ACT_EPS),
	[KIF_SYS_ALLOC_EP] = KIF_WORDS(SYS_ALLOC_EP_REPLIES),
	[KIF_SYS_ACTIVATE] = KIF_WORDS(SYS_ACTIVATE_ADDR),
	[KIF_SYS_ACT_START] = KIF_WORDS(SYS_ACT_START_ACT),
	[KIF_SYS_ACT_STOP] = KIF_WORDS(SYS_ACT_STOP_ACT),
	[KIF_SYS_ACT_WAIT] = KIF_WORDS(SYS_ACT_WAIT_ACT),
	[KIF_SYS_EXCHANGE] = KIF_WORDS(SYS_EXCHANGE_OBTAIN),
	[KIF_SYS_CREATE_SERV] = KIF_WORDS(SYS_CREATE_SERV_RGATE),
	[KIF_SYS_OPEN_SESS] = KIF_WORDS(SYS_OPEN_SESS_ARG),
	[KIF_SYS_EXCHANGE_SESS] = KIF_W(SYS_EXCHANGE_SESS_ARGS),
	[KIF_SYS_REVOKE] = KIF_WORDS(SYS_REVOKE_OWN),
	[KIF_SYS_EXIT] = KIF_WORDS(SYS_EXIT_CODE),
};

/* Run the handler of op (a switch, not a table of pointers: the static call graph stays complete). */
static int sys_call(struct sys_ctx *x, uint32_t op)
{
	switch (op) {
	case KIF_SYS_NOOP:
		return sys_noop(x);
	case KIF_SYS_CREATE_SGATE:
		return sys_create_sgate(x);
	case KIF_SYS_CREATE_RGATE:
		return sys_create_rgate(x);
	case KIF_SYS_CREATE_MGATE:
		return sys_create_mgate(x);
	case KIF_SYS_DERIVE_MEM:
		return sys_derive_mem(x);
	case KIF_SYS_CREATE_ACT:
		return sys_create_act(x);
	case KIF_SYS_ALLOC_EP:
		return sys_alloc_ep(x);
	case KIF_SYS_ACTIVATE:
		return sys_activate(x);
	case KIF_SYS_ACT_START:
		return sys_act_start(x);
	case KIF_SYS_ACT_STOP:
		return sys_act_stop(x);
	case KIF_SYS_ACT_WAIT:
		return sys_act_wait(x);
	case KIF_SYS_EXCHANGE:
		return sys_exchange(x);
	case KIF_SYS_CREATE_SERV:
		return sys_create_serv(x);
	case KIF_SYS_OPEN_SESS:
		return sys_open_sess(x);
	case KIF_SYS_EXCHANGE_SESS:
		return sys_exchange_sess(x);
	case KIF_SYS_REVOKE:
		return sys_revoke(x);
	case KIF_SYS_EXIT:
		return sys_exit(x);
	default:
		return KIF_ERR_UNKNOWN_SYSCALL;
	}
}

/* Decode and run one syscall; returns the error, SYS_DEFER or SYS_NOREPLY. */
static int sys_dispatch(struct sys_ctx *x, const void *msg, size_t len, uint32_t *buf)
{
	uint32_t op;

	if (len == 0 || len % 4 || len > KIF_SYSC_MAX_WORDS * 4)
		return KIF_ERR_BAD_MSG;
	memcpy(buf, msg, len);
	x->m = buf;
	x->n = (unsigned)(len / 4);
	op = buf[KIF_W(SYS_OP)];
	if (op >= KIF_SYS_COUNT)
		return KIF_ERR_UNKNOWN_SYSCALL;
	if (x->n < sys_words[op] || (op != KIF_SYS_EXCHANGE_SESS && x->n != sys_words[op]))
		return KIF_ERR_BAD_MSG;
	return sys_call(x, op);
}

int sys_handle(struct kern *k, uint32_t label, const void *msg, size_t len)
{
	unsigned act = (unsigned)SPEC_GET(label, KIF_SYSC_LABEL_ACT);
	uint32_t buf[KIF_SYSC_MAX_WORDS];
	struct sys_ctx x;
	struct kact *a;
	int err;

	if (act >= KCFG_MAX_ACTS) {
		k->stats.dropped++;
		return KIF_ERR_INV_ARGS;
	}
	a = &k->acts[act];
	if (a->state != KACT_RUN || a->gen != (uint32_t)SPEC_GET(label, KIF_SYSC_LABEL_GEN) ||
	    (a->flags & KACTF_INSYS)) {
		k->stats.dropped++;
		return KIF_ERR_INV_ARGS;
	}
	k->stats.syscalls++;
	a->flags |= KACTF_INSYS;
	x.k = k;
	x.act = act;
	x.rn = 0;
	x.kick = 0;
	err = sys_dispatch(&x, msg, len, buf);
	if (err >= 0 && (a->flags & KACTF_INSYS)) {
		x.rpl[KIF_W(RPL_ERR)] = (uint32_t)err;
		if (err)
			act_reply_err(k, act, err);
		else
			act_reply(k, act, x.rpl, 1 + x.rn);
	}
	if (x.kick || k->killq_head != KACT_NONE) {
		act_killq_run(k);
		srv_kick_all(k);
	}
	return 0;
}

int sys_srv_reply(struct kern *k, uint32_t label, const void *msg, size_t len)
{
	uint32_t buf[KIF_SYSC_MAX_WORDS];
	int err;

	if (len % 4 || len > sizeof(buf)) {
		k->stats.dropped++;
		return KIF_ERR_INV_ARGS;
	}
	memcpy(buf, msg, len);
	err = srv_reply(k, label, buf, (unsigned)(len / 4));
	act_killq_run(k);
	return err;
}
