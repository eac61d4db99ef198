/*
 * kplat_tcu.c - the kernel's platform interface on the TCU: remote EPs through
 * PRIV_WR, invalidation through the external INV_EP command, core hold/release
 * through CORE_CTRL, syscall replies with REPLY on KEP_SYSC_RECV, requests to
 * services with SEND on the re-targeted KEP_SRV_SEND.
 */
#include "kplat_tcu.h"

#include "tcu.h"

/* slot-aligned receive buffers (the TCU addresses slots by offset) */
uint8_t ktcu_sysc_buf[KTCU_SYSC_BUF_SIZE] __attribute__((aligned(KTCU_SYSC_BUF_SIZE)));
uint8_t ktcu_srv_buf[KTCU_SRV_BUF_SIZE] __attribute__((aligned(KTCU_SRV_BUF_SIZE)));

#define KTCU_INVAL_TRIES 8

static const struct ktile *ktcu_tile(void *ctx, unsigned tile)
{
	return &((struct ktcu *)ctx)->k->tiles[tile];
}

static int ktcu_is_own(void *ctx, unsigned tile)
{
	return tile == ((struct ktcu *)ctx)->k->ktile;
}

static int ktcu_ep_write(void *ctx, unsigned tile, unsigned ep, const uint32_t *w)
{
	const struct ktile *t = ktcu_tile(ctx, tile);
	struct tcu_ep e;

	for (unsigned i = 0; i < PLAT_EP_WORDS; i++)
		e.w[i] = w[i];
	if (ktcu_is_own(ctx, tile)) {
		tcu_ep_write(ep, &e);
		return 0;
	}
	return tcu_priv_write(t->x, t->y, (TCU_REG_EP_BASE + TCU_EP_BYTES * ep) / 4, e.w, PLAT_EP_WORDS);
}

static int ktcu_ep_inval(void *ctx, unsigned tile, unsigned ep)
{
	const struct ktile *t = ktcu_tile(ctx, tile);
	int err = 0;

	for (int i = 0; i < KTCU_INVAL_TRIES; i++) {
		err = tcu_inv_ep(t->x, t->y, ep, 1, NULL);
		if (!err)
			return 0;
		((struct ktcu *)ctx)->retries++;
	}
	return err;
}

static int ktcu_core_ctrl(void *ctx, unsigned tile, int run)
{
	const struct ktile *t = ktcu_tile(ctx, tile);

	return tcu_core_hold(t->x, t->y, !run);
}

static void ktcu_reply(void *ctx, unsigned act, const uint32_t *w, unsigned n)
{
	struct ktcu *c = ctx;
	uint32_t off = c->pending[act];

	if (n == 0) {
		tcu_ack(KIF_KEP_SYSC_RECV, off);
		return;
	}
	c->replies++;
	tcu_reply(KIF_KEP_SYSC_RECV, w, 4 * n, off);
}

static int ktcu_srv_send(void *ctx, unsigned tile, unsigned ep, uint32_t rlabel, const uint32_t *w, unsigned n)
{
	const struct ktile *t = ktcu_tile(ctx, tile);
	/* unlimited: the service's reply EP gets CRD_EP = NO_EP (no credit to return) */
	struct tcu_ep e = tcu_ep_send(t->x, t->y, ep, KIF_KERNEL_LABEL, KIF_SRV_MSG_ORDER, TCU_CRD_UNLIM);

	tcu_ep_write(KIF_KEP_SRV_SEND, &e);
	((struct ktcu *)ctx)->srv_msgs++;
	return tcu_send(KIF_KEP_SRV_SEND, w, 4 * n, KIF_KEP_SRV_RECV, rlabel);
}

const struct kplat ktcu_plat = {
	.ep_write = ktcu_ep_write,
	.ep_inval = ktcu_ep_inval,
	.core_ctrl = ktcu_core_ctrl,
	.reply = ktcu_reply,
	.srv_send = ktcu_srv_send,
};

void ktcu_own_eps(void)
{
	struct tcu_ep e;

	e = tcu_ep_recv((uint32_t)(uintptr_t)ktcu_sysc_buf, KIF_SYSC_MSG_ORDER, KIF_KEP_SYSC_SLOTS, KIF_KEP_SYSC_RPL);
	tcu_ep_write(KIF_KEP_SYSC_RECV, &e);
	e = tcu_ep_recv((uint32_t)(uintptr_t)ktcu_srv_buf, KIF_SRV_MSG_ORDER, KIF_KEP_SRV_SLOTS, TCU_NO_EP);
	tcu_ep_write(KIF_KEP_SRV_RECV, &e);
}
