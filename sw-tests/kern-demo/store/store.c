/*
 * store: the demo's service. Clients open sessions, obtain a send gate to it
 * (label = their session), send ADD messages (it answers with the running sum),
 * and pass a memory gate from one client to another through it (one client
 * delegates it, the other obtains it). Ends when every session it opened is
 * closed again, printing what it served.
 */
#include <stdio.h>

#include "demo.h"
#include "rt.h"
#include "spec/boot.h"

#define MAX_SESS 8

struct store {
	uint32_t next_ident, open, opened;
	uint32_t kept_sel, kept_len; /* the memory gate a client left here */
	int kept, read;
	uint32_t sum;
};

static uint8_t buf[4 << KIF_SRV_MSG_ORDER] __attribute__((aligned(4 << KIF_SRV_MSG_ORDER)));
static struct rt_srv srv;

static int st_open(void *ctx, uint32_t arg, uint32_t *ident)
{
	struct store *s = ctx;

	if (s->open == MAX_SESS)
		return KIF_ERR_NO_SPACE;
	*ident = ++s->next_ident;
	s->open++;
	s->opened++;
	printf("store: session %lu opened (client %lu)\n", (unsigned long)*ident, (unsigned long)arg);
	return 0;
}

static int st_exchange(void *ctx, struct rt_srv_xchg *x)
{
	struct store *s = ctx;
	uint32_t sel;
	int err;

	if (x->nargs < 1 || x->count != 1)
		return KIF_ERR_INV_ARGS;
	switch (x->args[0]) {
	case DEMO_X_SGATE:
		if (!x->obtain)
			return KIF_ERR_INV_ARGS;
		sel = rt_sel_alloc();
		err = rt_sys_create_sgate(sel, srv.rg.sel, x->ident, 1);
		if (err)
			return err;
		x->sel = sel;
		x->moved = 1;
		return 0;
	case DEMO_X_PUT:
		if (x->obtain || x->nargs < 2 || s->kept)
			return KIF_ERR_INV_ARGS;
		s->kept_sel = rt_sel_alloc();
		s->kept_len = x->args[1];
		s->kept = 1;
		x->sel = s->kept_sel;
		x->moved = 1;
		printf("store: session %lu left a memory gate of %lu bytes\n", (unsigned long)x->ident,
		       (unsigned long)s->kept_len);
		return 0;
	case DEMO_X_GET:
		if (!x->obtain)
			return KIF_ERR_INV_ARGS;
		if (!s->kept)
			return KIF_ERR_INV_STATE;
		x->sel = s->kept_sel;
		x->moved = 1;
		x->nres = 1;
		x->res[0] = s->kept_len;
		printf("store: session %lu obtains the memory gate\n", (unsigned long)x->ident);
		return 0;
	default:
		return KIF_ERR_INV_ARGS;
	}
}

static void st_close(void *ctx, uint32_t ident)
{
	struct store *s = ctx;

	if (s->open)
		s->open--;
	printf("store: session %lu closed\n", (unsigned long)ident);
}

static void st_msg(void *ctx, const struct rt_rgate *rg, const struct tcu_msg *m)
{
	struct store *s = ctx;
	const uint32_t *w = (const uint32_t *)m->data;
	uint32_t r[2] = {0, 0};

	if (tcu_msg_len(m) >= 8 && w[0] == DEMO_M_ADD) {
		s->sum += w[1];
		r[0] = s->sum;
		r[1] = srv.msgs;
	} else if (tcu_msg_len(m) >= 4 && w[0] == DEMO_M_READ) {
		s->read = 1;
	} else if (tcu_msg_len(m) >= 4 && w[0] == DEMO_M_POLL) {
		r[0] = (uint32_t)s->read;
	}
	rt_rgate_reply(rg, m, r, sizeof(r));
}

static const struct rt_srv_ops ops = {
	.open = st_open,
	.exchange = st_exchange,
	.close = st_close,
	.msg = st_msg,
};

int main(void)
{
	struct store s = {0};
	int err = rt_srv_new(&srv, BOOT_SERV_SEL, buf, 2, &ops, &s);

	if (err) {
		printf("store: cannot create the service: %s\n", rt_strerror(err));
		return 1;
	}
	while (!(s.opened && s.open == 0)) {
		err = rt_srv_step(&srv);
		if (err) {
			printf("store: %s\n", rt_strerror(err));
			return 1;
		}
	}
	printf("store: served %lu sessions, %lu client messages, %lu kernel requests; sum %lu\n",
	       (unsigned long)s.opened, (unsigned long)srv.msgs, (unsigned long)srv.requests, (unsigned long)s.sum);
	return 0;
}
