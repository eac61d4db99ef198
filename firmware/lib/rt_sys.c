/*
 * rt_sys.c - syscall stubs: one message on the syscall send EP, the reply from
 * the syscall reply receive EP. Message words are placed by the layouts of
 * spec/kif.toml (word i = field with LSB 32 i).
 */
#include "rt.h"

#define RT_W(F) (KIF_##F##_LSB / 32)
#define RT_N(F) (KIF_##F##_LSB / 32 + 1) /* words up to and including field F */

uint32_t rt_sys_count;

int rt_sys_call(const uint32_t *msg, unsigned n, uint32_t *res, unsigned rmax)
{
	const struct tcu_msg *m;
	const uint32_t *w;
	uint32_t len;
	int32_t off;
	int err;

	rt_sys_count++;
	err = tcu_send(KIF_EP_SYSC_SEND, msg, 4 * n, KIF_EP_SYSC_RECV, 0);
	if (err)
		return err;
	/* poll rather than the blocking WAIT read (before TCU fix 7008fbc a core blocked
	 * in it kept the kernel's PRIV_WR to this tile from being served) */
	off = rt_poll(KIF_EP_SYSC_RECV);
	if (off < 0)
		return -off;
	m = tcu_msg_at((const void *)RT_SYSC_RBUF, (uint32_t)off);
	w = (const uint32_t *)m->data;
	len = tcu_msg_len(m) / 4;
	err = len ? (int)w[0] : (int)KIF_ERR_BAD_MSG;
	for (unsigned i = 1; i < len && i <= rmax; i++)
		res[i - 1] = w[i];
	tcu_ack(KIF_EP_SYSC_RECV, (uint32_t)off);
	return err;
}

int rt_sys_noop(void)
{
	uint32_t m[RT_N(SYS_NOOP_OP)];

	m[RT_W(SYS_NOOP_OP)] = KIF_SYS_NOOP;
	return rt_sys_call(m, RT_N(SYS_NOOP_OP), NULL, 0);
}

int rt_sys_create_sgate(uint32_t dst, uint32_t rgate, uint32_t label, uint32_t credits)
{
	uint32_t m[RT_N(SYS_CREATE_SGATE_CREDITS)];

	m[RT_W(SYS_CREATE_SGATE_OP)] = KIF_SYS_CREATE_SGATE;
	m[RT_W(SYS_CREATE_SGATE_DST)] = dst;
	m[RT_W(SYS_CREATE_SGATE_RGATE)] = rgate;
	m[RT_W(SYS_CREATE_SGATE_LABEL)] = label;
	m[RT_W(SYS_CREATE_SGATE_CREDITS)] = credits;
	return rt_sys_call(m, RT_N(SYS_CREATE_SGATE_CREDITS), NULL, 0);
}

int rt_sys_create_rgate(uint32_t dst, uint32_t order, uint32_t slots)
{
	uint32_t m[RT_N(SYS_CREATE_RGATE_SLOTS)];

	m[RT_W(SYS_CREATE_RGATE_OP)] = KIF_SYS_CREATE_RGATE;
	m[RT_W(SYS_CREATE_RGATE_DST)] = dst;
	m[RT_W(SYS_CREATE_RGATE_ORDER)] = order;
	m[RT_W(SYS_CREATE_RGATE_SLOTS)] = slots;
	return rt_sys_call(m, RT_N(SYS_CREATE_RGATE_SLOTS), NULL, 0);
}

int rt_sys_create_mgate(uint32_t dst, uint32_t act, uint32_t addr, uint32_t size, uint32_t perms)
{
	uint32_t m[RT_N(SYS_CREATE_MGATE_PERMS)];

	m[RT_W(SYS_CREATE_MGATE_OP)] = KIF_SYS_CREATE_MGATE;
	m[RT_W(SYS_CREATE_MGATE_DST)] = dst;
	m[RT_W(SYS_CREATE_MGATE_ACT)] = act;
	m[RT_W(SYS_CREATE_MGATE_ADDR)] = addr;
	m[RT_W(SYS_CREATE_MGATE_SIZE)] = size;
	m[RT_W(SYS_CREATE_MGATE_PERMS)] = perms;
	return rt_sys_call(m, RT_N(SYS_CREATE_MGATE_PERMS), NULL, 0);
}

int rt_sys_derive_mem(uint32_t dst, uint32_t src, uint32_t off, uint32_t size, uint32_t perms)
{
	uint32_t m[RT_N(SYS_DERIVE_MEM_PERMS)];

	m[RT_W(SYS_DERIVE_MEM_OP)] = KIF_SYS_DERIVE_MEM;
	m[RT_W(SYS_DERIVE_MEM_DST)] = dst;
	m[RT_W(SYS_DERIVE_MEM_SRC)] = src;
	m[RT_W(SYS_DERIVE_MEM_OFFSET)] = off;
	m[RT_W(SYS_DERIVE_MEM_SIZE)] = size;
	m[RT_W(SYS_DERIVE_MEM_PERMS)] = perms;
	return rt_sys_call(m, RT_N(SYS_DERIVE_MEM_PERMS), NULL, 0);
}

int rt_sys_create_act(uint32_t dst, uint32_t tile, uint32_t caps, uint32_t objs, uint32_t eps, uint32_t *id)
{
	uint32_t m[RT_N(SYS_CREATE_ACT_EPS)], r[1] = {0};
	int err;

	m[RT_W(SYS_CREATE_ACT_OP)] = KIF_SYS_CREATE_ACT;
	m[RT_W(SYS_CREATE_ACT_DST)] = dst;
	m[RT_W(SYS_CREATE_ACT_TILE)] = tile;
	m[RT_W(SYS_CREATE_ACT_CAPS)] = caps;
	m[RT_W(SYS_CREATE_ACT_OBJS)] = objs;
	m[RT_W(SYS_CREATE_ACT_EPS)] = eps;
	err = rt_sys_call(m, RT_N(SYS_CREATE_ACT_EPS), r, 1);
	if (!err && id)
		*id = r[RT_W(RPL_CREATE_ACT_ID) - 1];
	return err;
}

int rt_sys_alloc_ep(uint32_t dst, uint32_t act, uint32_t ep, uint32_t replies)
{
	uint32_t m[RT_N(SYS_ALLOC_EP_REPLIES)];

	m[RT_W(SYS_ALLOC_EP_OP)] = KIF_SYS_ALLOC_EP;
	m[RT_W(SYS_ALLOC_EP_DST)] = dst;
	m[RT_W(SYS_ALLOC_EP_ACT)] = act;
	m[RT_W(SYS_ALLOC_EP_EP)] = ep;
	m[RT_W(SYS_ALLOC_EP_REPLIES)] = replies;
	return rt_sys_call(m, RT_N(SYS_ALLOC_EP_REPLIES), NULL, 0);
}

int rt_sys_activate(uint32_t ep, uint32_t gate, uint32_t addr)
{
	uint32_t m[RT_N(SYS_ACTIVATE_ADDR)];

	m[RT_W(SYS_ACTIVATE_OP)] = KIF_SYS_ACTIVATE;
	m[RT_W(SYS_ACTIVATE_EP)] = ep;
	m[RT_W(SYS_ACTIVATE_GATE)] = gate;
	m[RT_W(SYS_ACTIVATE_ADDR)] = addr;
	return rt_sys_call(m, RT_N(SYS_ACTIVATE_ADDR), NULL, 0);
}

static int rt_sys_act_op(uint32_t op, uint32_t act, uint32_t *res)
{
	uint32_t m[2] = {op, act};

	return rt_sys_call(m, 2, res, res ? 1 : 0);
}

int rt_sys_act_start(uint32_t act)
{
	return rt_sys_act_op(KIF_SYS_ACT_START, act, NULL);
}

int rt_sys_act_stop(uint32_t act)
{
	return rt_sys_act_op(KIF_SYS_ACT_STOP, act, NULL);
}

int rt_sys_act_wait(uint32_t act, int32_t *code)
{
	uint32_t r[1] = {0};
	int err = rt_sys_act_op(KIF_SYS_ACT_WAIT, act, r);

	if (!err && code)
		*code = (int32_t)r[RT_W(RPL_ACT_WAIT_CODE) - 1];
	return err;
}

int rt_sys_exchange(uint32_t act, uint32_t own, uint32_t other, uint32_t count, uint32_t obtain)
{
	uint32_t m[RT_N(SYS_EXCHANGE_OBTAIN)];

	m[RT_W(SYS_EXCHANGE_OP)] = KIF_SYS_EXCHANGE;
	m[RT_W(SYS_EXCHANGE_ACT)] = act;
	m[RT_W(SYS_EXCHANGE_OWN)] = own;
	m[RT_W(SYS_EXCHANGE_OTHER)] = other;
	m[RT_W(SYS_EXCHANGE_COUNT)] = count;
	m[RT_W(SYS_EXCHANGE_OBTAIN)] = obtain;
	return rt_sys_call(m, RT_N(SYS_EXCHANGE_OBTAIN), NULL, 0);
}

int rt_sys_create_serv(uint32_t dst, uint32_t rgate)
{
	uint32_t m[RT_N(SYS_CREATE_SERV_RGATE)];

	m[RT_W(SYS_CREATE_SERV_OP)] = KIF_SYS_CREATE_SERV;
	m[RT_W(SYS_CREATE_SERV_DST)] = dst;
	m[RT_W(SYS_CREATE_SERV_RGATE)] = rgate;
	return rt_sys_call(m, RT_N(SYS_CREATE_SERV_RGATE), NULL, 0);
}

int rt_sys_open_sess(uint32_t dst, uint32_t serv, uint32_t arg)
{
	uint32_t m[RT_N(SYS_OPEN_SESS_ARG)];

	m[RT_W(SYS_OPEN_SESS_OP)] = KIF_SYS_OPEN_SESS;
	m[RT_W(SYS_OPEN_SESS_DST)] = dst;
	m[RT_W(SYS_OPEN_SESS_SERV)] = serv;
	m[RT_W(SYS_OPEN_SESS_ARG)] = arg;
	return rt_sys_call(m, RT_N(SYS_OPEN_SESS_ARG), NULL, 0);
}

int rt_sys_revoke(uint32_t sel, uint32_t own)
{
	uint32_t m[RT_N(SYS_REVOKE_OWN)];

	m[RT_W(SYS_REVOKE_OP)] = KIF_SYS_REVOKE;
	m[RT_W(SYS_REVOKE_SEL)] = sel;
	m[RT_W(SYS_REVOKE_OWN)] = own;
	return rt_sys_call(m, RT_N(SYS_REVOKE_OWN), NULL, 0);
}

int rt_sys_exchange_sess(uint32_t sess, uint32_t own, uint32_t count, uint32_t obtain, const uint32_t *args,
			 uint32_t nargs, uint32_t *res, uint32_t *nres)
{
	uint32_t m[RT_W(SYS_EXCHANGE_SESS_ARGS) + KIF_MAX_SESS_ARGS];
	uint32_t r[KIF_RPL_MAX_WORDS];
	int err;

	if (nargs > KIF_MAX_SESS_ARGS)
		return KIF_ERR_INV_ARGS;
	m[RT_W(SYS_EXCHANGE_SESS_OP)] = KIF_SYS_EXCHANGE_SESS;
	m[RT_W(SYS_EXCHANGE_SESS_SESS)] = sess;
	m[RT_W(SYS_EXCHANGE_SESS_OWN)] = own;
	m[RT_W(SYS_EXCHANGE_SESS_COUNT)] = count;
	m[RT_W(SYS_EXCHANGE_SESS_OBTAIN)] = obtain;
	m[RT_W(SYS_EXCHANGE_SESS_NARGS)] = nargs;
	for (uint32_t i = 0; i < nargs; i++)
		m[RT_W(SYS_EXCHANGE_SESS_ARGS) + i] = args[i];
	err = rt_sys_call(m, RT_W(SYS_EXCHANGE_SESS_ARGS) + nargs, r, KIF_RPL_MAX_WORDS - 1);
	if (err)
		return err;
	/* r[i] is reply word i + 1 */
	uint32_t n = r[RT_W(RPL_EXCHANGE_SESS_NARGS) - 1];
	if (n > KIF_MAX_SESS_ARGS)
		n = KIF_MAX_SESS_ARGS;
	if (nres) {
		for (uint32_t i = 0; i < n && i < *nres; i++)
			res[i] = r[RT_W(RPL_EXCHANGE_SESS_ARGS) - 1 + i];
		*nres = n;
	}
	return 0;
}
