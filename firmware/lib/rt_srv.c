/*
 * rt_srv.c - the service framework: a receive gate registered as a service
 * (CREATE_SERV), a loop step that answers the kernel's requests (SRV_OPEN,
 * SRV_EXCHANGE, SRV_CLOSE, label KERNEL_LABEL) through the service's handlers
 * and hands every other message (a client's, labelled by its session) to the
 * message handler; and the client side (open a session, exchange through it).
 */
#include <string.h>

#include "rt.h"

#define RT_W(F) (KIF_##F##_LSB / 32)

int rt_srv_new(struct rt_srv *s, uint32_t sel, void *buf, unsigned slots, const struct rt_srv_ops *ops, void *ctx)
{
	int err = rt_rgate_new(&s->rg, buf, KIF_SRV_MSG_ORDER, slots);

	s->sel = sel;
	s->ops = ops;
	s->ctx = ctx;
	s->requests = 0;
	s->msgs = 0;
	if (err)
		return err;
	return rt_sys_create_serv(sel, s->rg.sel);
}

static void rt_srv_kernel(struct rt_srv *s, const struct tcu_msg *m)
{
	const uint32_t *w = (const uint32_t *)m->data;
	uint32_t n = tcu_msg_len(m) / 4;
	uint32_t r[RT_W(SRV_EXCHANGE_RPL_ARGS) + KIF_MAX_SESS_ARGS];
	uint32_t rn = 1;

	memset(r, 0, sizeof(r));
	s->requests++;
	switch (n ? w[0] : ~0u) {
	case KIF_SRV_OPEN:
		r[0] = n <= RT_W(SRV_OPEN_ARG) ? KIF_ERR_BAD_MSG
					       : (uint32_t)s->ops->open(s->ctx, w[RT_W(SRV_OPEN_ARG)],
									&r[RT_W(SRV_OPEN_RPL_IDENT)]);
		rn = RT_W(SRV_OPEN_RPL_IDENT) + 1; /* the full layout, also with an error */
		break;
	case KIF_SRV_EXCHANGE: {
		struct rt_srv_xchg x;

		rn = RT_W(SRV_EXCHANGE_RPL_ARGS); /* the full layout (no result words), also with an error */
		if (n < RT_W(SRV_EXCHANGE_ARGS) || w[RT_W(SRV_EXCHANGE_NARGS)] > KIF_MAX_SESS_ARGS ||
		    n != RT_W(SRV_EXCHANGE_ARGS) + w[RT_W(SRV_EXCHANGE_NARGS)]) {
			r[0] = KIF_ERR_BAD_MSG;
			break;
		}
		memset(&x, 0, sizeof(x));
		x.ident = w[RT_W(SRV_EXCHANGE_IDENT)];
		x.obtain = w[RT_W(SRV_EXCHANGE_OBTAIN)];
		x.count = w[RT_W(SRV_EXCHANGE_COUNT)];
		x.nargs = w[RT_W(SRV_EXCHANGE_NARGS)];
		memcpy(x.args, &w[RT_W(SRV_EXCHANGE_ARGS)], 4 * x.nargs);
		r[0] = (uint32_t)s->ops->exchange(s->ctx, &x);
		if (r[0]) {
			r[RT_W(SRV_EXCHANGE_RPL_SEL)] = 0;
			break;
		}
		if (x.nres > KIF_MAX_SESS_ARGS)
			x.nres = KIF_MAX_SESS_ARGS;
		r[RT_W(SRV_EXCHANGE_RPL_SEL)] = x.sel;
		r[RT_W(SRV_EXCHANGE_RPL_COUNT)] = x.moved;
		r[RT_W(SRV_EXCHANGE_RPL_NARGS)] = x.nres;
		memcpy(&r[RT_W(SRV_EXCHANGE_RPL_ARGS)], x.res, 4 * x.nres);
		rn = RT_W(SRV_EXCHANGE_RPL_ARGS) + x.nres;
		break;
	}
	case KIF_SRV_CLOSE:
		if (n > RT_W(SRV_CLOSE_IDENT) && s->ops->close)
			s->ops->close(s->ctx, w[RT_W(SRV_CLOSE_IDENT)]);
		break;
	default:
		r[0] = KIF_ERR_BAD_MSG;
		break;
	}
	rt_rgate_reply(&s->rg, m, r, 4 * rn);
}

int rt_srv_step(struct rt_srv *s)
{
	int err;
	const struct tcu_msg *m = rt_rgate_wait(&s->rg, &err);

	if (!m)
		return err;
	if (m->label == KIF_KERNEL_LABEL) {
		rt_srv_kernel(s, m);
		return 0;
	}
	s->msgs++;
	if (s->ops->msg)
		s->ops->msg(s->ctx, &s->rg, m);
	else
		rt_rgate_ack(&s->rg, m);
	return 0;
}
