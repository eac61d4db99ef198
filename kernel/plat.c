/*
 * plat.c - TCU endpoint encoders and the kernel's calls through struct kplat.
 */
#include "plat.h"

#include <string.h>

uint32_t plat_ep_get(const uint32_t *w, unsigned lsb, unsigned width)
{
	uint32_t mask = width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1;

	return (w[lsb / 32] >> (lsb % 32)) & mask;
}

void plat_ep_put(uint32_t *w, unsigned lsb, unsigned width, uint32_t v)
{
	uint32_t mask = width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1;
	unsigned sh = lsb % 32;

	w[lsb / 32] = (w[lsb / 32] & ~(mask << sh)) | ((v & mask) << sh);
}

void plat_ep_send(uint32_t *w, const struct ktile *tgt, unsigned tgt_ep, uint32_t label, unsigned msg_order,
		  unsigned credits)
{
	memset(w, 0, PLAT_EP_WORDS * sizeof(*w));
	PLAT_PUT(w, TCU_SEP_TYPE, TCU_EPT_SEND);
	PLAT_PUT(w, TCU_SEP_CUR_CRD, credits);
	PLAT_PUT(w, TCU_SEP_MAX_CRD, credits);
	PLAT_PUT(w, TCU_SEP_MSG_ORDER, msg_order);
	PLAT_PUT(w, TCU_SEP_CRD_EP, TCU_NO_EP);
	PLAT_PUT(w, TCU_SEP_TGT_X, tgt->x);
	PLAT_PUT(w, TCU_SEP_TGT_Y, tgt->y);
	PLAT_PUT(w, TCU_SEP_TGT_EP, tgt_ep);
	PLAT_PUT(w, TCU_SEP_LABEL, label);
}

void plat_ep_recv(uint32_t *w, uint32_t buf, unsigned slot_order, unsigned slots, unsigned rpl_ep)
{
	memset(w, 0, PLAT_EP_WORDS * sizeof(*w));
	PLAT_PUT(w, TCU_REP_TYPE, TCU_EPT_RECV);
	PLAT_PUT(w, TCU_REP_SLOT_ORDER, slot_order);
	PLAT_PUT(w, TCU_REP_SLOTS, slots);
	PLAT_PUT(w, TCU_REP_RPL_EP, rpl_ep);
	PLAT_PUT(w, TCU_REP_BUF, buf);
}

void plat_ep_mem(uint32_t *w, const struct ktile *tgt, uint32_t addr, uint32_t size, unsigned perms)
{
	memset(w, 0, PLAT_EP_WORDS * sizeof(*w));
	PLAT_PUT(w, TCU_MEP_TYPE, TCU_EPT_MEM);
	PLAT_PUT(w, TCU_MEP_R, !!(perms & KIF_PERM_R));
	PLAT_PUT(w, TCU_MEP_W, !!(perms & KIF_PERM_W));
	PLAT_PUT(w, TCU_MEP_TGT_X, tgt->x);
	PLAT_PUT(w, TCU_MEP_TGT_Y, tgt->y);
	PLAT_PUT(w, TCU_MEP_BASE, addr);
	PLAT_PUT(w, TCU_MEP_SIZE, size);
}

int plat_write(struct kern *k, unsigned tile, unsigned ep, const uint32_t *w)
{
	return k->plat->ep_write(k->pctx, tile, ep, w);
}

void plat_inval_log(struct kern *k, unsigned tile, unsigned ep)
{
	if (k->plat->ep_inval(k->pctx, tile, ep))
		k->stats.plat_fail++;
}

int plat_core(struct kern *k, unsigned tile, int run)
{
	return k->plat->core_ctrl(k->pctx, tile, run);
}

void plat_core_log(struct kern *k, unsigned tile, int run)
{
	if (plat_core(k, tile, run))
		k->stats.plat_fail++;
}

int plat_std_eps(struct kern *k, unsigned tile, uint32_t label)
{
	uint32_t rbuf = k->tiles[tile].mem_size - KIF_STD_RBUF_SIZE;
	uint32_t w[PLAT_EP_WORDS];
	int err;

	plat_ep_send(w, &k->tiles[k->ktile], KIF_KEP_SYSC_RECV, label, KIF_SYSC_MSG_ORDER, 1);
	err = plat_write(k, tile, KIF_EP_SYSC_SEND, w);
	if (err)
		return err;
	plat_ep_recv(w, rbuf + KIF_SYSC_RBUF_OFF, KIF_SYSC_RPL_ORDER, 0, TCU_NO_EP);
	err = plat_write(k, tile, KIF_EP_SYSC_RECV, w);
	if (err)
		goto undo_send;
	plat_ep_recv(w, rbuf + KIF_UPCALL_RBUF_OFF, KIF_UPCALL_ORDER, 0, KIF_EP_UPCALL_RPL);
	err = plat_write(k, tile, KIF_EP_UPCALL_RECV, w);
	if (err)
		goto undo_recv;
	return 0;

undo_recv:
	plat_inval_log(k, tile, KIF_EP_SYSC_RECV);
undo_send:
	plat_inval_log(k, tile, KIF_EP_SYSC_SEND);
	return err;
}

void plat_std_eps_inval(struct kern *k, unsigned tile)
{
	plat_inval_log(k, tile, KIF_EP_SYSC_SEND);
	plat_inval_log(k, tile, KIF_EP_SYSC_RECV);
	plat_inval_log(k, tile, KIF_EP_UPCALL_RECV);
	plat_inval_log(k, tile, KIF_EP_UPCALL_RPL);
}
