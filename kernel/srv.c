/*
 * srv.c - service requests and their completion.
 */
#include "srv.h"

#include <string.h>

#include "act.h"
#include "cap.h"
#include "kif.h"
#include "kobj.h"
#include "plat.h"

#define SRV_BUDGET (1u << KIF_KEP_SRV_SLOTS)
#define W(F) KIF_W(F)

void srv_init(struct kern *k)
{
	unsigned i;

	memset(k->reqs, 0, sizeof(k->reqs));
	for (i = 0; i < KCFG_MAX_REQS; i++)
		k->reqs[i].next = KREQ_NONE;
	k->srv_sent = 0;
}

static uint32_t srv_label(unsigned r, uint32_t gen)
{
	return (uint32_t)SPEC_PUT(KIF_KREQ_LABEL_REQ, r) | (uint32_t)SPEC_PUT(KIF_KREQ_LABEL_GEN, gen);
}

/* Send n words to service o's receive EP with reply label rlabel; 0 or an error. */
static int srv_send(struct kern *k, uint16_t o, const uint32_t *msg, unsigned n, uint32_t rlabel)
{
	const struct kobj *rg = &k->objs[k->objs[o].u.srv.rgate];
	const struct kobj *e;

	if (rg->u.rg.ep == KNIL)
		return KIF_ERR_SRV_GONE;
	e = &k->objs[rg->u.rg.ep];
	return k->plat->srv_send(k->pctx, e->u.ep.tile, e->u.ep.epid, rlabel, msg, n);
}

static void srv_free(struct kern *k, unsigned r)
{
	struct kreq *q = &k->reqs[r];
	uint32_t gen = q->gen;

	memset(q, 0, sizeof(*q));
	q->gen = gen;
	q->next = KREQ_NONE;
}

/* Unlink queued request r from its service's queue. */
static void srv_unqueue(struct kern *k, unsigned r)
{
	struct kobj *s = &k->objs[k->reqs[r].srv];
	unsigned prev = KREQ_NONE, i;

	for (i = s->u.srv.qhead; i != KREQ_NONE && i != r; i = k->reqs[i].next)
		prev = i;
	if (i == KREQ_NONE)
		return;
	if (prev == KREQ_NONE)
		s->u.srv.qhead = k->reqs[r].next;
	else
		k->reqs[prev].next = k->reqs[r].next;
	if (s->u.srv.qtail == r)
		s->u.srv.qtail = (uint8_t)prev;
	k->reqs[r].next = KREQ_NONE;
}

int srv_submit(struct kern *k, const struct kreq *t)
{
	struct kobj *s = &k->objs[t->srv];
	struct kreq *q;
	uint32_t gen;
	unsigned r;

	for (r = 0; r < KCFG_MAX_REQS && k->reqs[r].state != KREQ_FREE; r++)
		;
	if (r == KCFG_MAX_REQS)
		return KIF_ERR_NO_SPACE;
	q = &k->reqs[r];
	gen = (q->gen + 1) & (uint32_t)KIF_KREQ_LABEL_GEN_MASK;
	if (s->u.srv.inflight == KREQ_NONE && s->u.srv.qhead == KREQ_NONE && k->srv_sent < SRV_BUDGET) {
		if (srv_send(k, t->srv, t->msg, t->nw, srv_label(r, gen)))
			return KIF_ERR_SRV_GONE;
		memcpy(q, t, sizeof(*q));
		q->state = KREQ_SENT;
		s->u.srv.inflight = (uint8_t)r;
		k->srv_sent++;
	} else {
		if (k->objs[s->u.srv.rgate].u.rg.ep == KNIL)
			return KIF_ERR_SRV_GONE;
		memcpy(q, t, sizeof(*q));
		q->state = KREQ_QUEUED;
		if (s->u.srv.qtail == KREQ_NONE)
			s->u.srv.qhead = (uint8_t)r;
		else
			k->reqs[s->u.srv.qtail].next = (uint8_t)r;
		s->u.srv.qtail = (uint8_t)r;
	}
	q->gen = gen;
	q->next = KREQ_NONE;
	if (t->act != KACT_NONE)
		k->acts[t->act].req = (uint8_t)r;
	return 0;
}

/* Request r could not be completed: tell its client (if any) and free it. */
static void srv_fail(struct kern *k, unsigned r, int err)
{
	unsigned act = k->reqs[r].act;

	if (act != KACT_NONE) {
		k->acts[act].req = KREQ_NONE;
		act_reply_err(k, act, err);
	}
	srv_free(k, r);
}

/* Send the next queued request of service o if it is idle and the budget allows. */
static void srv_kick(struct kern *k, uint16_t o)
{
	struct kobj *s = &k->objs[o];

	while (s->u.srv.inflight == KREQ_NONE && s->u.srv.qhead != KREQ_NONE && k->srv_sent < SRV_BUDGET) {
		unsigned r = s->u.srv.qhead;

		s->u.srv.qhead = k->reqs[r].next;
		if (s->u.srv.qhead == KREQ_NONE)
			s->u.srv.qtail = KREQ_NONE;
		k->reqs[r].next = KREQ_NONE;
		if (srv_send(k, o, k->reqs[r].msg, k->reqs[r].nw, srv_label(r, k->reqs[r].gen))) {
			srv_fail(k, r, KIF_ERR_SRV_GONE);
			continue;
		}
		k->reqs[r].state = KREQ_SENT;
		s->u.srv.inflight = (uint8_t)r;
		k->srv_sent++;
	}
}

void srv_kick_all(struct kern *k)
{
	unsigned r;

	for (r = 0; r < KCFG_MAX_REQS && k->srv_sent < SRV_BUDGET; r++) {
		if (k->reqs[r].state == KREQ_QUEUED)
			srv_kick(k, k->reqs[r].srv);
	}
}

/* Queue a close notice for session ident of service o (best effort: counted if the table is full). */
static void srv_close(struct kern *k, uint16_t o, uint32_t ident)
{
	struct kreq t;

	memset(&t, 0, sizeof(t));
	t.act = KACT_NONE;
	t.srv = o;
	t.sess = KNIL;
	t.nw = 2;
	t.msg[W(SRV_CLOSE_OP)] = KIF_SRV_CLOSE;
	t.msg[W(SRV_CLOSE_IDENT)] = ident;
	if (srv_submit(k, &t))
		k->stats.close_lost++;
}

/* A service's error word, passed to the client if it is a known code. */
static int srv_err(uint32_t e)
{
	return e <= KIF_ERR_LAST ? (int)e : (int)KIF_ERR_SRV_GONE;
}

static void srv_open_done(struct kern *k, const struct kreq *q, const uint32_t *w, unsigned n)
{
	unsigned a = q->act;
	uint16_t sc, o;
	int err;

	if (n != W(SRV_OPEN_RPL_IDENT) + 1) {
		err = KIF_ERR_SRV_GONE;
		goto out;
	}
	if (w[W(SRV_OPEN_RPL_ERR)]) {
		err = srv_err(w[W(SRV_OPEN_RPL_ERR)]);
		goto out;
	}
	if (a == KACT_NONE) {
		err = KIF_ERR_INV_STATE;
		goto close;
	}
	err = cap_get(k, a, q->csel, KIF_CAP_SERV, &sc);
	if (!err && k->caps[sc].obj != q->srv)
		err = KIF_ERR_INV_SEL;
	if (!err)
		err = cap_free_range(k, a, q->sel, 1);
	if (!err)
		err = kobj_quota(k, a, 1, 1);
	if (err)
		goto close;
	o = kobj_alloc(k, KIF_CAP_SESS, a);
	k->objs[o].u.sess.srv = q->srv;
	k->objs[o].u.sess.ident = w[W(SRV_OPEN_RPL_IDENT)];
	kobj_cap_new(k, a, q->sel, o, sc);
	goto out;

close:
	srv_close(k, q->srv, w[W(SRV_OPEN_RPL_IDENT)]);
out:
	if (a != KACT_NONE) {
		k->acts[a].req = KREQ_NONE;
		act_reply_err(k, a, err);
	}
}

/* Copy n capabilities (sa, ss..) to (da, ds..) as children of the sources. */
static void srv_copy(struct kern *k, unsigned sa, uint32_t ss, unsigned da, uint32_t ds, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		uint16_t c = k->acts[sa].sel[ss + i];

		kobj_cap_new(k, da, ds + i, k->caps[c].obj, c);
	}
}

/* 0 if n capabilities from (sa, ss..) can go to the free (da, ds..), else the error. */
static int srv_can_copy(const struct kern *k, unsigned sa, uint32_t ss, unsigned da, uint32_t ds, uint32_t n)
{
	int err;

	err = cap_used_range(k, sa, ss, n);
	if (!err)
		err = cap_free_range(k, da, ds, n);
	return err ? err : kobj_quota(k, da, n, 0);
}

static void srv_xchg_done(struct kern *k, const struct kreq *q, const uint32_t *w, unsigned n)
{
	uint32_t rpl[W(RPL_EXCHANGE_SESS_ARGS) + KIF_MAX_SESS_ARGS];
	unsigned a = q->act, sa;
	uint32_t cnt, nargs, ssel;
	uint16_t c;
	int err;

	if (a == KACT_NONE)
		return;
	k->acts[a].req = KREQ_NONE;
	if (n < W(SRV_EXCHANGE_RPL_ARGS) || w[W(SRV_EXCHANGE_RPL_NARGS)] > KIF_MAX_SESS_ARGS ||
	    n != W(SRV_EXCHANGE_RPL_ARGS) + w[W(SRV_EXCHANGE_RPL_NARGS)] || w[W(SRV_EXCHANGE_RPL_COUNT)] > q->count) {
		err = KIF_ERR_SRV_GONE;
		goto fail;
	}
	if (w[W(SRV_EXCHANGE_RPL_ERR)]) {
		err = srv_err(w[W(SRV_EXCHANGE_RPL_ERR)]);
		goto fail;
	}
	cnt = w[W(SRV_EXCHANGE_RPL_COUNT)];
	nargs = w[W(SRV_EXCHANGE_RPL_NARGS)];
	ssel = w[W(SRV_EXCHANGE_RPL_SEL)];
	sa = k->objs[q->srv].owner;
	err = cap_get(k, a, q->csel, KIF_CAP_SESS, &c);
	if (!err && k->caps[c].obj != q->sess)
		err = KIF_ERR_INV_SEL;
	if (!err && (sa == KACT_NONE || k->acts[sa].state >= KACT_EXITING))
		err = KIF_ERR_SRV_GONE;
	if (!err && cnt)
		err = q->obtain ? srv_can_copy(k, sa, ssel, a, q->sel, cnt) : srv_can_copy(k, a, q->sel, sa, ssel, cnt);
	if (err)
		goto fail;
	if (q->obtain)
		srv_copy(k, sa, ssel, a, q->sel, cnt);
	else
		srv_copy(k, a, q->sel, sa, ssel, cnt);
	rpl[W(RPL_EXCHANGE_SESS_ERR)] = 0;
	rpl[W(RPL_EXCHANGE_SESS_COUNT)] = cnt;
	rpl[W(RPL_EXCHANGE_SESS_NARGS)] = nargs;
	memcpy(&rpl[W(RPL_EXCHANGE_SESS_ARGS)], &w[W(SRV_EXCHANGE_RPL_ARGS)], nargs * sizeof(*w));
	act_reply(k, a, rpl, W(RPL_EXCHANGE_SESS_ARGS) + nargs);
	return;

fail:
	act_reply_err(k, a, err);
}

int srv_reply(struct kern *k, uint32_t label, const uint32_t *w, unsigned n)
{
	unsigned r = (unsigned)SPEC_GET(label, KIF_KREQ_LABEL_REQ);
	struct kreq q;

	if (r >= KCFG_MAX_REQS || k->reqs[r].state != KREQ_SENT ||
	    k->reqs[r].gen != (uint32_t)SPEC_GET(label, KIF_KREQ_LABEL_GEN)) {
		k->stats.dropped++;
		return KIF_ERR_INV_ARGS;
	}
	memcpy(&q, &k->reqs[r], sizeof(q));
	k->objs[q.srv].u.srv.inflight = KREQ_NONE;
	k->srv_sent--;
	srv_free(k, r);
	switch (q.msg[0]) {
	case KIF_SRV_OPEN:
		srv_open_done(k, &q, w, n);
		break;
	case KIF_SRV_EXCHANGE:
		srv_xchg_done(k, &q, w, n);
		break;
	default: /* close notice: nothing to complete */
		break;
	}
	srv_kick_all(k);
	return 0;
}

void srv_cancel(struct kern *k, unsigned req)
{
	struct kreq *q = &k->reqs[req];

	if (q->act != KACT_NONE)
		k->acts[q->act].req = KREQ_NONE;
	q->act = KACT_NONE;
	if (q->state == KREQ_QUEUED) {
		srv_unqueue(k, req);
		srv_free(k, req);
	}
}

void srv_serv_gone(struct kern *k, uint16_t o)
{
	unsigned r;

	for (r = 0; r < KCFG_MAX_REQS; r++) {
		struct kreq *q = &k->reqs[r];

		if (q->state == KREQ_FREE || q->srv != o)
			continue;
		if (q->state == KREQ_SENT)
			k->srv_sent--;
		srv_fail(k, r, KIF_ERR_SRV_GONE);
	}
}

void srv_sess_gone(struct kern *k, uint16_t o)
{
	unsigned r;

	for (r = 0; r < KCFG_MAX_REQS; r++) {
		struct kreq *q = &k->reqs[r];

		if (q->state == KREQ_FREE || q->sess != o)
			continue;
		if (q->act != KACT_NONE) {
			k->acts[q->act].req = KREQ_NONE;
			act_reply_err(k, q->act, KIF_ERR_INV_SEL);
			q->act = KACT_NONE;
		}
		q->sess = KNIL;
		if (q->state == KREQ_QUEUED) {
			srv_unqueue(k, r);
			srv_free(k, r);
		}
	}
	srv_close(k, k->objs[o].u.sess.srv, k->objs[o].u.sess.ident);
}
