/*
 * ktest.c - fake platform and fixture for the kernel's host tests.
 */
#include "ktest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "sys.h"

unsigned kt_checks, kt_failed;

/* Contribution of one EP (or core: ep = TCU_MAX_EPS) to the state hash; 0 when all zero. */
static uint64_t fp_mix(unsigned tile, unsigned ep, const uint32_t *w, unsigned n)
{
	uint64_t h = (uint64_t)(tile << 8 | ep) + 1, any = 0;
	unsigned i;

	for (i = 0; i < n; i++) {
		any |= w[i];
		h = (h ^ w[i]) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	return any ? h * 0xBF58476D1CE4E5B9ull : 0;
}

static int fp_fail(unsigned *n)
{
	if (*n == 0)
		return 0;
	return --*n == 0;
}

static int fp_ep_write(void *ctx, unsigned tile, unsigned ep, const uint32_t *w)
{
	struct fplat *p = ctx;

	p->calls++;
	if (fp_fail(&p->fail_write))
		return p->fail_err;
	if (tile >= KCFG_MAX_TILES || ep >= TCU_MAX_EPS)
		abort();
	p->hash ^= fp_mix(tile, ep, p->ep[tile][ep], PLAT_EP_WORDS) ^ fp_mix(tile, ep, w, PLAT_EP_WORDS);
	memcpy(p->ep[tile][ep], w, sizeof(p->ep[tile][ep]));
	p->stale_ep[tile][ep] = 0;
	return 0;
}

static int fp_ep_inval(void *ctx, unsigned tile, unsigned ep)
{
	struct fplat *p = ctx;

	p->calls++;
	if (tile >= KCFG_MAX_TILES || ep >= TCU_MAX_EPS)
		abort();
	if (fp_fail(&p->fail_inval)) {
		p->stale_ep[tile][ep] = 1;
		return p->fail_err;
	}
	p->hash ^= fp_mix(tile, ep, p->ep[tile][ep], PLAT_EP_WORDS);
	memset(p->ep[tile][ep], 0, sizeof(p->ep[tile][ep]));
	p->stale_ep[tile][ep] = 0;
	return 0;
}

static int fp_core(void *ctx, unsigned tile, int run)
{
	struct fplat *p = ctx;

	p->calls++;
	if (fp_fail(&p->fail_core)) {
		p->stale_core[tile] = 1;
		return p->fail_err;
	}
	{
		uint32_t old = p->run[tile], now = (uint32_t)run;

		p->hash ^= fp_mix(tile, TCU_MAX_EPS, &old, 1) ^ fp_mix(tile, TCU_MAX_EPS, &now, 1);
	}
	p->run[tile] = (uint8_t)run;
	p->stale_core[tile] = 0;
	return 0;
}

static void fp_reply(void *ctx, unsigned act, const uint32_t *w, unsigned n)
{
	struct fplat *p = ctx;

	if (act >= KCFG_MAX_ACTS || n > KIF_RPL_MAX_WORDS)
		abort();
	p->nreply[act]++;
	p->rpl_n[act] = n;
	if (n)
		memcpy(p->rpl[act], w, n * sizeof(*w));
}

static int fp_srv_send(void *ctx, unsigned tile, unsigned ep, uint32_t rlabel, const uint32_t *w, unsigned n)
{
	struct fplat *p = ctx;
	struct fplat_msg *m;

	p->calls++;
	if (fp_fail(&p->fail_send))
		return p->fail_err;
	if (p->nsrv == FP_MAX_SRV_MSGS || n > KIF_SYSC_MAX_WORDS)
		abort();
	m = &p->srv[p->nsrv++];
	m->tile = tile;
	m->ep = ep;
	m->label = rlabel;
	m->n = n;
	memcpy(m->w, w, n * sizeof(*w));
	return 0;
}

const struct kplat fplat_ops = {
	.ep_write = fp_ep_write,
	.ep_inval = fp_ep_inval,
	.core_ctrl = fp_core,
	.reply = fp_reply,
	.srv_send = fp_srv_send,
};

void fplat_init(struct fplat *p)
{
	memset(p, 0, sizeof(*p));
	p->fail_err = TCU_ERR_TIMEOUT_NOC;
}

uint64_t fplat_hash(const struct fplat *p)
{
	return p->hash;
}

int fplat_pop_srv(struct fplat *p, struct fplat_msg *m)
{
	if (p->nsrv == 0)
		return -1;
	*m = p->srv[0];
	memmove(&p->srv[0], &p->srv[1], (p->nsrv - 1) * sizeof(p->srv[0]));
	p->nsrv--;
	return 0;
}

/* The EP words the kernel must have written for EP object e, in w; 0 if e holds no gate. */
static int fp_expect(const struct kern *k, uint16_t e, uint32_t *w)
{
	const struct kobj *eo = &k->objs[e];

	if (eo->u.ep.rgate != KNIL) {
		const struct kobj *r = &k->objs[eo->u.ep.rgate];

		plat_ep_recv(w, r->u.rg.addr, r->u.rg.order, r->u.rg.slots,
			     eo->u.ep.replies ? eo->u.ep.epid + 1u : TCU_NO_EP);
		return 1;
	}
	if (eo->u.ep.cap != KNIL) {
		const struct kobj *g = &k->objs[k->caps[eo->u.ep.cap].obj];

		if (g->kind == KIF_CAP_MGATE) {
			plat_ep_mem(w, &k->tiles[g->u.mg.tile], g->u.mg.addr, g->u.mg.size, g->u.mg.perms);
		} else {
			const struct kobj *r = &k->objs[g->u.sg.rgate];
			const struct kobj *re = &k->objs[r->u.rg.ep];

			plat_ep_send(w, &k->tiles[re->u.ep.tile], re->u.ep.epid, g->u.sg.label, r->u.rg.order,
				     g->u.sg.credits);
		}
		return 1;
	}
	return 0;
}

const char *fplat_check(const struct fplat *p, const struct kern *k)
{
	static char msg[160];
	static uint8_t bound[KCFG_MAX_TILES][TCU_MAX_EPS];
	uint32_t w[PLAT_EP_WORDS];
	unsigned i, t, e;

	memset(bound, 0, sizeof(bound));
	for (i = 0; i < KCFG_MAX_OBJS; i++) {
		const struct kobj *eo = &k->objs[i];

		if (eo->kind != KIF_CAP_EP || !fp_expect(k, (uint16_t)i, w))
			continue;
		bound[eo->u.ep.tile][eo->u.ep.epid] = 1;
		if (!p->stale_ep[eo->u.ep.tile][eo->u.ep.epid] && memcmp(w, p->ep[eo->u.ep.tile][eo->u.ep.epid], sizeof(w))) {
			snprintf(msg, sizeof(msg), "tile %u EP %u: TCU words differ from the bound gate", eo->u.ep.tile,
				 eo->u.ep.epid);
			return msg;
		}
	}
	for (t = 0; t < k->ntiles; t++) {
		unsigned a = k->tiles[t].act;
		int live = a != KACT_NONE && k->acts[a].state < KACT_EXITING;

		if (k->tiles[t].kind == KTILE_PROC && !p->stale_core[t] && !p->stale_ep[t][KIF_EP_SYSC_SEND] &&
		    (PLAT_GET(p->ep[t][KIF_EP_SYSC_SEND], TCU_EP_TYPE) != (live ? TCU_EPT_SEND : TCU_EPT_INVALID) ||
		     (live && PLAT_GET(p->ep[t][KIF_EP_SYSC_SEND], TCU_SEP_LABEL) != act_label(a, k->acts[a].gen)) ||
		     (live && p->run[t] != (k->acts[a].state == KACT_RUN)) ||
		     (!live && p->run[t]))) {
			snprintf(msg, sizeof(msg), "tile %u: syscall EP or core state does not fit activity %u", t, a);
			return msg;
		}
		for (e = KIF_FIRST_USER_EP; e < k->tiles[t].num_eps; e++) {
			if (!bound[t][e] && !p->stale_ep[t][e] && PLAT_GET(p->ep[t][e], TCU_EP_TYPE) != TCU_EPT_INVALID) {
				snprintf(msg, sizeof(msg), "tile %u EP %u: valid in the TCU, no live gate bound", t, e);
				return msg;
			}
		}
	}
	return NULL;
}

void kt_setup(struct ktest *t, struct kern *k, struct fplat *p)
{
	struct ktile_desc d[KT_TILES];
	unsigned i;

	memset(t, 0, sizeof(*t));
	t->k = k;
	t->p = p;
	fplat_init(p);
	for (i = 0; i < KT_TILES; i++) {
		d[i].x = (uint8_t)(i % 3);
		d[i].y = (uint8_t)(i / 3);
		d[i].kind = i == 0 ? KTILE_KERNEL : i == 1 ? KTILE_MEM : KTILE_PROC;
		d[i].num_eps = KT_EPS;
		d[i].mem_size = i == 1 ? KT_MEM : KT_SPM;
	}
	if (kern_init(k, &fplat_ops, p, d, KT_TILES, 0)) {
		fprintf(stderr, "kt_setup: kern_init failed\n");
		exit(1);
	}
	t->root = kern_boot(k, KT_ROOT_TILE);
	if (t->root < 0) {
		fprintf(stderr, "kt_setup: kern_boot failed: %d\n", t->root);
		exit(1);
	}
	fp_core(p, KT_ROOT_TILE, 1); /* the boot code loads root and starts its core */
	p->calls = 0;
}

uint32_t kt_label(const struct kern *k, unsigned act)
{
	return act_label(act, act < KCFG_MAX_ACTS ? k->acts[act].gen : 0);
}

int kt_sys(struct ktest *t, unsigned act, const uint32_t *w, unsigned n)
{
	unsigned before = act < KCFG_MAX_ACTS ? t->p->nreply[act] : 0;

	if (sys_handle(t->k, kt_label(t->k, act), w, n * sizeof(*w)))
		return KT_DROPPED;
	if (act >= KCFG_MAX_ACTS)
		abort();
	if (t->p->nreply[act] == before || t->p->rpl_n[act] == 0)
		return KT_DEFERRED;
	t->rpl_n = t->p->rpl_n[act];
	memcpy(t->rpl, t->p->rpl[act], t->rpl_n * sizeof(uint32_t));
	return (int)t->rpl[0];
}

void kt_must(struct ktest *t, unsigned act, unsigned n, const uint32_t *w)
{
	int r = kt_sys(t, act, w, n);

	if (r != 0) {
		fprintf(stderr, "set-up syscall %s of activity %u failed: %d (%s)\n", kif_sys_name(w[0]), act, r,
			r > 0 ? kif_err_name((uint32_t)r) : r == KT_DEFERRED ? "deferred" : "dropped");
		exit(2);
	}
}

void kt_family(struct ktest *t)
{
	unsigned a;

	KT_MUST(t, 0, KIF_SYS_CREATE_ACT, 20, 1, 48, 40, 8);
	KT_MUST(t, 0, KIF_SYS_CREATE_ACT, 21, 2, 40, 24, 8);
	KT_MUST(t, 0, KIF_SYS_EXCHANGE, 20, 3, 1, 1, 0);
	KT_MUST(t, 0, KIF_SYS_ACT_START, 20);
	KT_MUST(t, 0, KIF_SYS_ACT_START, 21);
	KT_MUST(t, 1, KIF_SYS_CREATE_ACT, 2, 1, 32, 16, 8);
	KT_MUST(t, 1, KIF_SYS_ACT_START, 2);
	for (a = 0; a < KT_FAMILY; a++) {
		KT_MUST(t, a, KIF_SYS_ALLOC_EP, KT_FAMILY_EPS, KIF_SEL_ACT, 5, 0);
		KT_MUST(t, a, KIF_SYS_ALLOC_EP, KT_FAMILY_EPS + 1, KIF_SEL_ACT, 6, 0);
	}
}

int kt_call(struct ktest *t, unsigned act, unsigned n, ...)
{
	uint32_t w[KIF_SYSC_MAX_WORDS];
	va_list ap;
	unsigned i;

	if (n > KIF_SYSC_MAX_WORDS)
		abort();
	va_start(ap, n);
	for (i = 0; i < n; i++)
		w[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return kt_sys(t, act, w, n);
}

int kt_last_err(const struct ktest *t, unsigned act)
{
	if (t->p->nreply[act] == 0 || t->p->rpl_n[act] == 0)
		return -1;
	return (int)t->p->rpl[act][0];
}

void kt_check(const struct ktest *t, const char *where)
{
	const char *m = kern_check(t->k);

	if (!m)
		m = fplat_check(t->p, t->k);
	if (m) {
		fprintf(stderr, "INVARIANT VIOLATED after %s: %s\n", where, m);
		abort();
	}
}
