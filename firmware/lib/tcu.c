/* tcu.c - the TCU driver's slow path: endpoint setup, privileged accesses. */
#include "tcu.h"

#include "tile.h"

void tcu_ep_read(unsigned ep, struct tcu_ep *e)
{
	for (int i = 0; i < 4; i++)
		e->w[i] = TCU_EP_REG(ep, i);
}

void tcu_ep_write(unsigned ep, const struct tcu_ep *e)
{
	for (int i = 0; i < 4; i++)
		TCU_EP_REG(ep, i) = e->w[i];
}

struct tcu_ep tcu_ep_send(unsigned tx, unsigned ty, unsigned tep, uint32_t label, unsigned msg_order,
			  unsigned credits)
{
	struct tcu_ep e = {{0}};

	TCU_EP_PUT(&e, TCU_EP_TYPE, TCU_EPT_SEND);
	TCU_EP_PUT(&e, TCU_SEP_CUR_CRD, credits);
	TCU_EP_PUT(&e, TCU_SEP_MAX_CRD, credits);
	TCU_EP_PUT(&e, TCU_SEP_MSG_ORDER, msg_order);
	TCU_EP_PUT(&e, TCU_SEP_CRD_EP, TCU_NO_EP);
	TCU_EP_PUT(&e, TCU_SEP_TGT_X, tx);
	TCU_EP_PUT(&e, TCU_SEP_TGT_Y, ty);
	TCU_EP_PUT(&e, TCU_SEP_TGT_EP, tep);
	TCU_EP_PUT(&e, TCU_SEP_LABEL, label);
	return e;
}

struct tcu_ep tcu_ep_recv(uint32_t buf, unsigned slot_order, unsigned slots_order, unsigned reply_ep)
{
	struct tcu_ep e = {{0}};

	TCU_EP_PUT(&e, TCU_EP_TYPE, TCU_EPT_RECV);
	TCU_EP_PUT(&e, TCU_REP_SLOT_ORDER, slot_order);
	TCU_EP_PUT(&e, TCU_REP_SLOTS, slots_order);
	TCU_EP_PUT(&e, TCU_REP_RPL_EP, reply_ep);
	TCU_EP_PUT(&e, TCU_REP_BUF, buf);
	return e;
}

struct tcu_ep tcu_ep_mem(unsigned tx, unsigned ty, uint32_t base, uint32_t size, int r, int w)
{
	struct tcu_ep e = {{0}};

	TCU_EP_PUT(&e, TCU_EP_TYPE, TCU_EPT_MEM);
	TCU_EP_PUT(&e, TCU_MEP_R, r != 0);
	TCU_EP_PUT(&e, TCU_MEP_W, w != 0);
	TCU_EP_PUT(&e, TCU_MEP_TGT_X, tx);
	TCU_EP_PUT(&e, TCU_MEP_TGT_Y, ty);
	TCU_EP_PUT(&e, TCU_MEP_BASE, base);
	TCU_EP_PUT(&e, TCU_MEP_SIZE, size);
	return e;
}

/* ABORT: the target's command engine stayed busy (for example its own packet
 * queued behind this request) and nothing was applied, so the request is
 * repeated; after TCU_PRIV_TRIES attempts the caller gets ABORT */

static int priv(unsigned op, unsigned x, unsigned y, unsigned reg, const volatile uint32_t *words, unsigned n)
{
	int err = TCU_ERR_ABORT;

	for (unsigned i = 0; i < TCU_PRIV_TRIES && err == TCU_ERR_ABORT; i++) {
		tcu_set_data(words, 4 * n);
		TCU_REG(TCU_REG_ARG) = (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, reg) | SPEC_PUT(TCU_PRIVARG_X, x) |
						   SPEC_PUT(TCU_PRIVARG_Y, y));
		err = tcu_err(tcu_run(op, 0, 0));
	}
	return err;
}

int tcu_priv_write(unsigned x, unsigned y, unsigned reg, const uint32_t *words, unsigned n)
{
	return priv(TCU_OP_PRIV_WR, x, y, reg, words, n);
}

int tcu_priv_read(unsigned x, unsigned y, unsigned reg, uint32_t *words, unsigned n)
{
	return priv(TCU_OP_PRIV_RD, x, y, reg, words, n);
}

static int is_local(unsigned x, unsigned y)
{
	return x == tile_x() && y == tile_y();
}

int tcu_ep_config(unsigned x, unsigned y, unsigned ep, const struct tcu_ep *e)
{
	if (is_local(x, y)) {
		tcu_ep_write(ep, e);
		return 0;
	}
	return tcu_priv_write(x, y, (TCU_REG_EP_BASE + TCU_EP_BYTES * ep) / 4, e->w, 4);
}

int tcu_inv_ep(unsigned x, unsigned y, unsigned ep, int force, uint32_t *unread)
{
	uint32_t cmd = (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, ep) |
				  SPEC_PUT(TCU_EXTCMD_FORCE, force != 0));
	int err;

	if (is_local(x, y)) {
		TCU_REG(TCU_REG_EXT_CMD) = cmd;
		err = (int)SPEC_GET(TCU_REG(TCU_REG_EXT_CMD), TCU_EXTCMD_ERR);
		if (unread)
			*unread = TCU_REG(TCU_REG_EXT_ARG);
		return err;
	}
	err = tcu_priv_write(x, y, TCU_REG_EXT_CMD / 4, &cmd, 1);
	if (unread)
		*unread = TCU_REG(TCU_REG_RESULT);
	return err;
}

int tcu_core_hold(unsigned x, unsigned y, int hold)
{
	uint32_t v = (uint32_t)SPEC_PUT(TCU_CORECTL_HOLD, hold != 0);

	return tcu_priv_write(x, y, TCU_REG_CORE_CTRL / 4, &v, 1);
}

const char *tcu_strerror(int err)
{
	static const char *const names[] = TCU_ERR_NAMES;

	if (err < 0)
		err = -err;
	return (unsigned)err < sizeof(names) / sizeof(names[0]) && names[err] ? names[err] : "?";
}
