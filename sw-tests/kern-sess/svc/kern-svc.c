/*
 * kern-svc: the session test's service (tile 2). Opens sessions with ident
 * SS_IDENT_BASE + argument (refuses SS_REFUSE_ARG), hands out send gates
 * labelled with the session, takes delegated capabilities, refuses SS_X_FULL
 * with NO_SPACE, counts closes; answers a message with {label, closes} and
 * exits after answering SS_M_DIE.
 */
#include "rt.h"
#include "sess.h"
#include "spec/boot.h"

static uint8_t buf[4 << KIF_SRV_MSG_ORDER] __attribute__((aligned(4 << KIF_SRV_MSG_ORDER)));
static struct rt_srv srv;
static uint32_t closes;
static int dying;

static int sv_open(void *ctx, uint32_t arg, uint32_t *ident)
{
	(void)ctx;
	if (arg == SS_REFUSE_ARG)
		return KIF_ERR_DENIED;
	*ident = SS_IDENT_BASE + arg;
	return 0;
}

static int sv_exchange(void *ctx, struct rt_srv_xchg *x)
{
	(void)ctx;
	if (x->nargs < 1)
		return KIF_ERR_INV_ARGS;
	if (x->args[0] == SS_X_FULL)
		return KIF_ERR_NO_SPACE;
	if (x->args[0] == SS_X_SGATE && x->obtain && x->count == 1) {
		uint32_t sel = rt_sel_alloc();
		int err = rt_sys_create_sgate(sel, srv.rg.sel, x->ident, 1);

		x->sel = sel;
		x->moved = 1;
		return err;
	}
	if (x->args[0] == SS_X_TAKE && !x->obtain) {
		x->sel = rt_sel_alloc();
		for (uint32_t i = 1; i < x->count; i++)
			rt_sel_alloc();
		x->moved = x->count;
		x->nres = 1;
		x->res[0] = x->count;
		return 0;
	}
	return KIF_ERR_INV_ARGS;
}

static void sv_close(void *ctx, uint32_t ident)
{
	(void)ctx;
	(void)ident;
	closes++;
}

static void sv_msg(void *ctx, const struct rt_rgate *rg, const struct tcu_msg *m)
{
	uint32_t r[2] = {m->label, closes};

	(void)ctx;
	if (tcu_msg_len(m) >= 4 && *(const uint32_t *)m->data == SS_M_DIE)
		dying = 1;
	rt_rgate_reply(rg, m, r, sizeof(r));
}

static const struct rt_srv_ops ops = {.open = sv_open, .exchange = sv_exchange, .close = sv_close, .msg = sv_msg};

int main(void)
{
	int err = rt_srv_new(&srv, BOOT_SERV_SEL, buf, 2, &ops, NULL);

	while (!err && !dying)
		err = rt_srv_step(&srv);
	return err;
}
