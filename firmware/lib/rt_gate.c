/*
 * rt_gate.c - selectors, EPs and gates for activities: each gate is a
 * capability plus an EP capability it is activated on; after that, messages
 * and memory accesses go straight to the TCU.
 */
#include <string.h>

#include "rt.h"
#include "spec/boot.h"

/* below BOOT_USER_SEL: boot capabilities and the services root delegates */
static uint32_t rt_next_sel = BOOT_USER_SEL;
static unsigned rt_next_ep = KIF_FIRST_USER_EP;
/* selectors given back (rt_sel_free), used first */
#define RT_SEL_FREE_MAX 16
static uint32_t rt_sel_freed[RT_SEL_FREE_MAX];
static unsigned rt_sel_nfreed;

uint32_t rt_sel_alloc(void)
{
	if (rt_sel_nfreed)
		return rt_sel_freed[--rt_sel_nfreed];
	return rt_next_sel++;
}

void rt_sel_free(uint32_t sel)
{
	if (sel + 1 == rt_next_sel)
		rt_next_sel--;
	else if (rt_sel_nfreed < RT_SEL_FREE_MAX)
		rt_sel_freed[rt_sel_nfreed++] = sel;
}

void rt_sel_reserve(uint32_t next)
{
	if (next > rt_next_sel)
		rt_next_sel = next;
}

int rt_ep_alloc(uint32_t sel, uint32_t replies, unsigned *ep)
{
	unsigned n = tcu_num_eps();
	int err = KIF_ERR_NO_QUOTA;

	while (rt_next_ep + replies < n) {
		unsigned e = rt_next_ep;

		err = rt_sys_alloc_ep(sel, KIF_SEL_ACT, e, replies);
		rt_next_ep += 1 + replies;
		if (err == KIF_ERR_EXISTS)
			continue;
		if (!err)
			*ep = e;
		return err;
	}
	return err;
}

static int rt_gate_bind(uint32_t sel, uint32_t replies, uint32_t addr, uint32_t *ep_sel, unsigned *ep)
{
	int err;

	*ep_sel = rt_sel_alloc();
	err = rt_ep_alloc(*ep_sel, replies, ep);
	if (err)
		return err;
	return rt_sys_activate(*ep_sel, sel, addr);
}

int rt_rgate_new(struct rt_rgate *g, void *buf, unsigned order, unsigned slots)
{
	int err;

	g->sel = rt_sel_alloc();
	g->buf = buf;
	g->order = order;
	g->slots = slots;
	err = rt_sys_create_rgate(g->sel, order, slots);
	if (err)
		return err;
	return rt_gate_bind(g->sel, 1u << slots, (uint32_t)(uintptr_t)buf, &g->ep_sel, &g->ep);
}

const struct tcu_msg *rt_rgate_wait(const struct rt_rgate *g, int *err)
{
	int32_t off;

	off = rt_poll(g->ep);
	if (off < 0) {
		*err = -off;
		return NULL;
	}
	*err = 0;
	return tcu_msg_at(g->buf, (uint32_t)off);
}

const struct tcu_msg *rt_rgate_fetch(const struct rt_rgate *g)
{
	int32_t off = tcu_fetch(g->ep);

	return off < 0 || off == TCU_NONE_OFF ? NULL : tcu_msg_at(g->buf, (uint32_t)off);
}

static uint32_t rt_rgate_off(const struct rt_rgate *g, const struct tcu_msg *m)
{
	return (uint32_t)((uintptr_t)m - (uintptr_t)g->buf);
}

int rt_rgate_reply(const struct rt_rgate *g, const struct tcu_msg *m, const void *data, size_t len)
{
	return tcu_reply(g->ep, data, len, rt_rgate_off(g, m));
}

int rt_rgate_ack(const struct rt_rgate *g, const struct tcu_msg *m)
{
	return tcu_ack(g->ep, rt_rgate_off(g, m));
}

int rt_sgate_new(struct rt_sgate *g, uint32_t rgate, uint32_t label, uint32_t credits)
{
	int err;

	g->sel = rt_sel_alloc();
	err = rt_sys_create_sgate(g->sel, rgate, label, credits);
	if (err)
		return err;
	return rt_gate_bind(g->sel, 0, 0, &g->ep_sel, &g->ep);
}

int rt_sgate_bind(struct rt_sgate *g, uint32_t sel)
{
	g->sel = sel;
	return rt_gate_bind(sel, 0, 0, &g->ep_sel, &g->ep);
}

int rt_sgate_send(const struct rt_sgate *g, const void *msg, size_t len, const struct rt_rgate *rg,
		  uint32_t rlabel)
{
	return tcu_send(g->ep, msg, len, rg ? rg->ep : TCU_NO_EP, rlabel);
}

int rt_mgate_bind(struct rt_mgate *g, uint32_t sel, uint32_t size)
{
	g->sel = sel;
	g->size = size;
	return rt_gate_bind(sel, 0, 0, &g->ep_sel, &g->ep);
}

int rt_mgate_derive(struct rt_mgate *g, uint32_t src, uint32_t off, uint32_t size, uint32_t perms)
{
	uint32_t sel = rt_sel_alloc();
	int err = rt_sys_derive_mem(sel, src, off, size, perms);

	if (err)
		return err;
	return rt_mgate_bind(g, sel, size);
}

int rt_mgate_read(const struct rt_mgate *g, void *dst, size_t len, uint32_t off)
{
	return tcu_read(g->ep, dst, len, off);
}

int rt_mgate_write(const struct rt_mgate *g, const void *src, size_t len, uint32_t off)
{
	return tcu_write(g->ep, src, len, off);
}
