/*
 * tcu_model.c - executable reference model of the TCU contract.
 * See tcu_model.h and docs/tcu-design.md (check order and error codes).
 */
#include "tcu_model.h"

#include <string.h>

struct tm_msg {
	unsigned dst_ep, len, reply, rpl_order, snd_ep, rpl_ep;
	uint32_t label, rpl_label;
	const uint8_t *payload;
};

void tm_set_field(uint32_t *ep, unsigned lsb, unsigned width, uint32_t v)
{
	uint32_t mask = width >= 32 ? 0xffffffffu : ((1u << width) - 1);
	uint32_t *w = &ep[lsb / 32];

	*w = (*w & ~(mask << (lsb % 32))) | ((v & mask) << (lsb % 32));
}

static uint32_t get_field32(uint32_t x, unsigned lsb, unsigned width)
{
	return width >= 32 ? x : (x >> lsb) & ((1u << width) - 1);
}

#define W32_GET(x, F) get_field32((x), F##_LSB, F##_W)
#define W32_PUT(F, v) ((uint32_t)SPEC_PUT(F, v))

static const char *const err_names[] = {
	"NONE",		  "NO_MEP",	      "NO_SEP",		 "NO_REP",	  "FOREIGN_EP",	     "SEND_REPLY_EP",
	"RECV_GONE",	  "RECV_NO_SPACE",    "REPLIES_DISABLED", "OUT_OF_BOUNDS", "NO_CREDITS",     "NO_PERM",
	"INV_MSG_OFF",	  "TRANSLATION_FAULT", "ABORT",		 "UNKNOWN_CMD",	  "RECV_OUT_OF_BOUNDS", "RECV_INV_RPL_EPS",
	"SEND_INV_CRD_EP", "SEND_INV_MSG_SZ", "TIMEOUT_MEM",	 "TIMEOUT_NOC",	  "PAGE_BOUNDARY",   "MSG_UNALIGNED",
	"TLB_MISS",	  "TLB_FULL",	      "NO_PMP_EP",
};

const char *tm_err_name(unsigned err)
{
	if (err < sizeof(err_names) / sizeof(err_names[0]))
		return err_names[err];
	return "?";
}

void tm_sys_init(struct tm_sys *s, unsigned kx, unsigned ky)
{
	memset(s, 0, sizeof(*s));
	s->kx = kx;
	s->ky = ky;
}

struct tm_tile *tm_find(const struct tm_sys *s, unsigned x, unsigned y)
{
	for (unsigned i = 0; i < s->ntiles; i++)
		if (s->tile[i]->x == x && s->tile[i]->y == y)
			return s->tile[i];
	return NULL;
}

int tm_sys_add(struct tm_sys *s, struct tm_tile *t)
{
	if (s->ntiles >= TM_MAX_TILES || tm_find(s, t->x, t->y))
		return -1;
	s->tile[s->ntiles++] = t;
	return 0;
}

int tm_is_kernel(const struct tm_sys *s, const struct tm_tile *t)
{
	return t->x == s->kx && t->y == s->ky;
}

void tm_reset(const struct tm_sys *s, struct tm_tile *t)
{
	memset(t->ep, 0, sizeof(t->ep));
	t->command = t->data_addr = t->data_size = t->arg = t->result = 0;
	t->ext_cmd = t->ext_arg = t->irq_en = 0;
	t->irq = t->denied = t->dropped = 0;
	t->core_ctrl = tm_is_kernel(s, t) ? 0 : 1;
}

void tm_tile_init(struct tm_tile *t, const struct tm_sys *s, unsigned x, unsigned y, unsigned num_eps,
		  uint8_t *mem, uint32_t mem_size)
{
	memset(t, 0, sizeof(*t));
	t->x = x;
	t->y = y;
	t->num_eps = num_eps > TCU_MAX_EPS ? TCU_MAX_EPS : num_eps;
	t->mem = mem;
	t->mem_size = mem_size;
	tm_reset(s, t);
}

static uint32_t *ep_at(struct tm_tile *t, unsigned ep, unsigned type)
{
	if (ep >= t->num_eps || TM_GET(t->ep[ep], TCU_EP_TYPE) != type)
		return NULL;
	return t->ep[ep];
}

static int local_oob(const struct tm_tile *t, uint32_t addr, uint32_t size)
{
	return (uint64_t)addr + size > t->mem_size;
}

static void sat_inc(unsigned *c)
{
	if (*c < 255)
		(*c)++;
}

/* ------------------------------------------------------------ receive side */

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static unsigned deliver(struct tm_sys *s, unsigned sx, unsigned sy, struct tm_tile *d, const struct tm_msg *m)
{
	uint32_t *rep = ep_at(d, m->dst_ep, TCU_EPT_RECV);
	unsigned order, nslots, first_rpl, slot = 0, found = 0;
	uint32_t occ, unread;
	uint64_t addr;
	uint8_t hdr[TCU_HDR_SIZE];

	(void)s;
	if (!rep)
		return TCU_ERR_RECV_GONE;
	order = TM_GET(rep, TCU_REP_SLOT_ORDER);
	nslots = 1u << TM_GET(rep, TCU_REP_SLOTS);
	first_rpl = TM_GET(rep, TCU_REP_RPL_EP);
	if (TCU_HDR_SIZE + m->len > (1u << order))
		return TCU_ERR_RECV_OUT_OF_BOUNDS;
	if (first_rpl != TCU_NO_EP &&
	    (first_rpl + nslots > d->num_eps || (m->dst_ep >= first_rpl && m->dst_ep < first_rpl + nslots)))
		return TCU_ERR_RECV_INV_RPL_EPS;
	occ = TM_GET(rep, TCU_REP_OCC);
	for (unsigned k = 0; k < nslots; k++) {
		unsigned i = (TM_GET(rep, TCU_REP_WPOS) + k) % nslots;

		if (!(occ & (1u << i))) {
			slot = i;
			found = 1;
			break;
		}
	}
	if (!found)
		return TCU_ERR_RECV_NO_SPACE;
	addr = (uint64_t)TM_GET(rep, TCU_REP_BUF) + ((uint64_t)slot << order);
	if (addr + TCU_HDR_SIZE + m->len > d->mem_size)
		return TCU_ERR_RECV_OUT_OF_BOUNDS;

	put32(hdr, W32_PUT(TCU_HDR0_REPLY, m->reply) | W32_PUT(TCU_HDR0_RPL_ORDER, m->rpl_order) |
			   W32_PUT(TCU_HDR0_SRC_X, sx) | W32_PUT(TCU_HDR0_SRC_Y, sy) | W32_PUT(TCU_HDR0_LEN, m->len));
	put32(hdr + 4, W32_PUT(TCU_HDR1_SND_EP, m->snd_ep) | W32_PUT(TCU_HDR1_RPL_EP, m->rpl_ep));
	put32(hdr + TCU_HDR_RPL_LABEL_OFF, m->rpl_label);
	put32(hdr + TCU_HDR_LABEL_OFF, m->label);
	memcpy(d->mem + addr, hdr, TCU_HDR_SIZE);
	if (m->len)
		memmove(d->mem + addr + TCU_HDR_SIZE, m->payload, m->len);

	unread = TM_GET(rep, TCU_REP_UNREAD);
	TM_SET(rep, TCU_REP_OCC, occ | (1u << slot));
	TM_SET(rep, TCU_REP_UNREAD, unread | (1u << slot));
	TM_SET(rep, TCU_REP_WPOS, (slot + 1) % nslots);

	if (!m->reply && m->rpl_ep != TCU_NO_EP && first_rpl != TCU_NO_EP) {
		uint32_t *r = d->ep[first_rpl + slot];

		memset(r, 0, TM_EP_WORDS * 4);
		TM_SET(r, TCU_SEP_TYPE, TCU_EPT_SEND);
		TM_SET(r, TCU_SEP_CUR_CRD, 1);
		TM_SET(r, TCU_SEP_MAX_CRD, 1);
		TM_SET(r, TCU_SEP_MSG_ORDER, m->rpl_order);
		TM_SET(r, TCU_SEP_REPLY, 1);
		TM_SET(r, TCU_SEP_CRD_EP, m->snd_ep);
		TM_SET(r, TCU_SEP_TGT_X, sx);
		TM_SET(r, TCU_SEP_TGT_Y, sy);
		TM_SET(r, TCU_SEP_TGT_EP, m->rpl_ep);
		TM_SET(r, TCU_SEP_LABEL, m->rpl_label);
	}
	if (m->reply && m->snd_ep != TCU_NO_EP) {
		uint32_t *c = ep_at(d, m->snd_ep, TCU_EPT_SEND);

		if (c && !TM_GET(c, TCU_SEP_REPLY)) {
			unsigned cur = TM_GET(c, TCU_SEP_CUR_CRD);

			if (cur != TCU_CRD_UNLIM && cur < TM_GET(c, TCU_SEP_MAX_CRD))
				TM_SET(c, TCU_SEP_CUR_CRD, cur + 1);
		}
	}
	d->irq = 1;
	d->delivered++;
	return TCU_ERR_NONE;
}

/* ------------------------------------------------------------ commands */

static unsigned cmd_send(struct tm_sys *s, struct tm_tile *t, unsigned ep, unsigned rpl)
{
	uint32_t *sep = ep_at(t, ep, TCU_EPT_SEND);
	uint32_t *rep = NULL;
	unsigned order, cur;
	struct tm_tile *d;
	struct tm_msg m;
	unsigned err;

	if (!sep)
		return TCU_ERR_NO_SEP;
	if (TM_GET(sep, TCU_SEP_REPLY))
		return TCU_ERR_SEND_REPLY_EP;
	order = TM_GET(sep, TCU_SEP_MSG_ORDER);
	if (order < TCU_MIN_MSG_ORDER || order > TCU_MAX_MSG_ORDER)
		return TCU_ERR_SEND_INV_MSG_SZ;
	if ((uint64_t)TCU_HDR_SIZE + t->data_size > (1u << order) || local_oob(t, t->data_addr, t->data_size))
		return TCU_ERR_OUT_OF_BOUNDS;
	if (rpl != TCU_NO_EP) {
		rep = ep_at(t, rpl, TCU_EPT_RECV);
		if (!rep)
			return TCU_ERR_NO_REP;
	}
	cur = TM_GET(sep, TCU_SEP_CUR_CRD);
	if (cur == 0)
		return TCU_ERR_NO_CREDITS;

	m.dst_ep = TM_GET(sep, TCU_SEP_TGT_EP);
	m.len = t->data_size;
	m.reply = 0;
	m.rpl_order = rep ? TM_GET(rep, TCU_REP_SLOT_ORDER) : 0;
	m.snd_ep = cur == TCU_CRD_UNLIM ? TCU_NO_EP : ep;
	m.rpl_ep = rep ? rpl : TCU_NO_EP;
	m.label = TM_GET(sep, TCU_SEP_LABEL);
	m.rpl_label = t->arg;
	m.payload = t->mem + t->data_addr;
	d = tm_find(s, TM_GET(sep, TCU_SEP_TGT_X), TM_GET(sep, TCU_SEP_TGT_Y));
	if (!d)
		return TCU_ERR_TIMEOUT_NOC;
	/* the credit is taken before the packet leaves, so a reply that overtakes
	 * the MSG_ACK finds it taken; it is refunded if delivery fails */
	if (cur != TCU_CRD_UNLIM)
		TM_SET(sep, TCU_SEP_CUR_CRD, cur - 1);
	err = deliver(s, t->x, t->y, d, &m);
	if (err != TCU_ERR_NONE && cur != TCU_CRD_UNLIM) {
		sep = ep_at(t, ep, TCU_EPT_SEND);
		if (sep)
			TM_SET(sep, TCU_SEP_CUR_CRD, TM_GET(sep, TCU_SEP_CUR_CRD) + 1);
	}
	return err;
}

/* slot index of a message offset; -1 if it is not a slot (or, with need_occ,
 * not an occupied one) */
static int msg_slot(const uint32_t *rep, unsigned off, int need_occ)
{
	unsigned order = TM_GET(rep, TCU_REP_SLOT_ORDER);
	unsigned nslots = 1u << TM_GET(rep, TCU_REP_SLOTS);
	unsigned slot = off >> order;

	if (off & ((1u << order) - 1) || slot >= nslots)
		return -1;
	if (need_occ && !(TM_GET(rep, TCU_REP_OCC) & (1u << slot)))
		return -1;
	return (int)slot;
}

static void free_slot(struct tm_tile *t, uint32_t *rep, unsigned slot)
{
	unsigned first = TM_GET(rep, TCU_REP_RPL_EP);

	TM_SET(rep, TCU_REP_OCC, TM_GET(rep, TCU_REP_OCC) & ~(1u << slot));
	TM_SET(rep, TCU_REP_UNREAD, TM_GET(rep, TCU_REP_UNREAD) & ~(1u << slot));
	if (first != TCU_NO_EP && first + slot < t->num_eps)
		memset(t->ep[first + slot], 0, TM_EP_WORDS * 4);
}

static unsigned cmd_reply(struct tm_sys *s, struct tm_tile *t, unsigned ep, unsigned off)
{
	uint32_t *rep = ep_at(t, ep, TCU_EPT_RECV);
	uint32_t *sep;
	unsigned first, order, idx, err;
	struct tm_tile *d;
	struct tm_msg m;
	int slot;

	if (!rep)
		return TCU_ERR_NO_REP;
	first = TM_GET(rep, TCU_REP_RPL_EP);
	if (first == TCU_NO_EP)
		return TCU_ERR_REPLIES_DISABLED;
	slot = msg_slot(rep, off, 0);
	if (slot < 0)
		return TCU_ERR_INV_MSG_OFF;
	idx = first + (unsigned)slot;
	sep = ep_at(t, idx, TCU_EPT_SEND);
	if (!sep || !TM_GET(sep, TCU_SEP_REPLY))
		return TCU_ERR_NO_SEP;
	/* the credit goes home to a send EP, or nowhere (NO_EP: an unlimited sender) */
	if (TM_GET(sep, TCU_SEP_CRD_EP) >= t->num_eps && TM_GET(sep, TCU_SEP_CRD_EP) != TCU_NO_EP)
		return TCU_ERR_SEND_INV_CRD_EP;
	order = TM_GET(sep, TCU_SEP_MSG_ORDER);
	if (order < TCU_MIN_MSG_ORDER || order > TCU_MAX_MSG_ORDER)
		return TCU_ERR_SEND_INV_MSG_SZ;
	if ((uint64_t)TCU_HDR_SIZE + t->data_size > (1u << order) || local_oob(t, t->data_addr, t->data_size))
		return TCU_ERR_OUT_OF_BOUNDS;

	m.dst_ep = TM_GET(sep, TCU_SEP_TGT_EP);
	m.len = t->data_size;
	m.reply = 1;
	m.rpl_order = 0;
	m.snd_ep = TM_GET(sep, TCU_SEP_CRD_EP);
	m.rpl_ep = TCU_NO_EP;
	m.label = TM_GET(sep, TCU_SEP_LABEL);
	m.rpl_label = 0;
	m.payload = t->mem + t->data_addr;
	d = tm_find(s, TM_GET(sep, TCU_SEP_TGT_X), TM_GET(sep, TCU_SEP_TGT_Y));
	if (!d)
		return TCU_ERR_TIMEOUT_NOC;
	err = deliver(s, t->x, t->y, d, &m);
	if (err == TCU_ERR_NONE)
		free_slot(t, rep, (unsigned)slot);
	return err;
}

static unsigned cmd_fetch(struct tm_tile *t, unsigned ep, unsigned *res)
{
	uint32_t *rep = ep_at(t, ep, TCU_EPT_RECV);
	unsigned nslots, rpos;
	uint32_t unread;

	*res = TCU_NONE_OFF;
	if (!rep)
		return TCU_ERR_NO_REP;
	nslots = 1u << TM_GET(rep, TCU_REP_SLOTS);
	rpos = TM_GET(rep, TCU_REP_RPOS);
	unread = TM_GET(rep, TCU_REP_UNREAD);
	for (unsigned k = 0; k < nslots; k++) {
		unsigned i = (rpos + k) % nslots;

		if (unread & (1u << i)) {
			TM_SET(rep, TCU_REP_UNREAD, unread & ~(1u << i));
			TM_SET(rep, TCU_REP_RPOS, (i + 1) % nslots);
			*res = i << TM_GET(rep, TCU_REP_SLOT_ORDER);
			break;
		}
	}
	return TCU_ERR_NONE;
}

static unsigned cmd_ack(struct tm_tile *t, unsigned ep, unsigned off)
{
	uint32_t *rep = ep_at(t, ep, TCU_EPT_RECV);
	int slot;

	if (!rep)
		return TCU_ERR_NO_REP;
	slot = msg_slot(rep, off, 1);
	if (slot < 0)
		return TCU_ERR_INV_MSG_OFF;
	free_slot(t, rep, (unsigned)slot);
	return TCU_ERR_NONE;
}

static unsigned cmd_mem(struct tm_sys *s, struct tm_tile *t, unsigned ep, int write)
{
	uint32_t *mep = ep_at(t, ep, TCU_EPT_MEM);
	uint32_t done = 0, base, off = t->arg, size = t->data_size;
	struct tm_tile *d;

	if (!mep)
		return TCU_ERR_NO_MEP;
	if (!(write ? TM_GET(mep, TCU_MEP_W) : TM_GET(mep, TCU_MEP_R)))
		return TCU_ERR_NO_PERM;
	/* within the region, and the accessed range does not wrap past 2^32 */
	if ((uint64_t)off + size > TM_GET(mep, TCU_MEP_SIZE) ||
	    (uint64_t)TM_GET(mep, TCU_MEP_BASE) + off + size > 0x100000000ull || local_oob(t, t->data_addr, size))
		return TCU_ERR_OUT_OF_BOUNDS;
	if (size == 0)
		return TCU_ERR_NONE;
	d = tm_find(s, TM_GET(mep, TCU_MEP_TGT_X), TM_GET(mep, TCU_MEP_TGT_Y));
	if (!d)
		return TCU_ERR_TIMEOUT_NOC;
	base = TM_GET(mep, TCU_MEP_BASE);
	while (done < size) {
		uint32_t n = size - done > TCU_MEM_BURST ? TCU_MEM_BURST : size - done;
		uint32_t raddr = base + off + done; /* no wrap: checked above */

		if ((uint64_t)raddr + n > d->mem_size)
			return TCU_ERR_OUT_OF_BOUNDS;
		if (write)
			memmove(d->mem + raddr, t->mem + t->data_addr + done, n);
		else
			memmove(t->mem + t->data_addr + done, d->mem + raddr, n);
		done += n;
	}
	return TCU_ERR_NONE;
}

static unsigned cmd_priv(struct tm_sys *s, struct tm_tile *t, int write)
{
	uint32_t words[TCU_PRIV_MAX_WORDS], data = 0;
	unsigned cnt = t->data_size / 4, err;
	struct tm_tile *d;

	if (!tm_is_kernel(s, t))
		return TCU_ERR_NO_PERM;
	if (t->data_size == 0 || t->data_size % 4 || cnt > TCU_PRIV_MAX_WORDS || local_oob(t, t->data_addr, t->data_size))
		return TCU_ERR_OUT_OF_BOUNDS;
	d = tm_find(s, W32_GET(t->arg, TCU_PRIVARG_X), W32_GET(t->arg, TCU_PRIVARG_Y));
	if (!d)
		return TCU_ERR_TIMEOUT_NOC;
	if (write)
		memcpy(words, t->mem + t->data_addr, t->data_size);
	err = tm_priv_req(s, t->x, t->y, d, write, W32_GET(t->arg, TCU_PRIVARG_REG), cnt, words, &data);
	t->result = data;
	if (!write && err == TCU_ERR_NONE)
		memcpy(t->mem + t->data_addr, words, t->data_size);
	return err;
}

static void run_command(struct tm_sys *s, struct tm_tile *t, uint32_t val)
{
	unsigned op = W32_GET(val, TCU_CMD_OP), ep = W32_GET(val, TCU_CMD_EP), arg = W32_GET(val, TCU_CMD_ARG);
	unsigned err, res = arg;

	switch (op) {
	case TCU_OP_IDLE:
		err = TCU_ERR_NONE;
		break;
	case TCU_OP_SEND:
		err = cmd_send(s, t, ep, arg);
		break;
	case TCU_OP_REPLY:
		err = cmd_reply(s, t, ep, arg);
		break;
	case TCU_OP_READ:
	case TCU_OP_WRITE:
		err = cmd_mem(s, t, ep, op == TCU_OP_WRITE);
		break;
	case TCU_OP_FETCH_MSG:
		err = cmd_fetch(t, ep, &res);
		break;
	case TCU_OP_ACK_MSG:
		err = cmd_ack(t, ep, arg);
		break;
	case TCU_OP_PRIV_WR:
	case TCU_OP_PRIV_RD:
		err = cmd_priv(s, t, op == TCU_OP_PRIV_WR);
		break;
	default:
		err = TCU_ERR_UNKNOWN_CMD;
		break;
	}
	t->command = W32_PUT(TCU_CMD_OP, TCU_OP_IDLE) | W32_PUT(TCU_CMD_EP, ep) | W32_PUT(TCU_CMD_ERR, err) |
		     W32_PUT(TCU_CMD_ARG, res);
}

/* ------------------------------------------------------------ external commands, registers */

static unsigned ext_inv(struct tm_tile *t, unsigned ep, int force, uint32_t *unread)
{
	uint32_t *e;

	*unread = 0;
	if (ep >= t->num_eps)
		return TCU_ERR_OUT_OF_BOUNDS;
	e = t->ep[ep];
	if (!force && TM_GET(e, TCU_EP_TYPE) == TCU_EPT_SEND) {
		unsigned cur = TM_GET(e, TCU_SEP_CUR_CRD), max = TM_GET(e, TCU_SEP_MAX_CRD);

		if (cur != TCU_CRD_UNLIM && cur != max)
			return TCU_ERR_NO_CREDITS;
	}
	if (TM_GET(e, TCU_EP_TYPE) == TCU_EPT_RECV)
		*unread = TM_GET(e, TCU_REP_UNREAD);
	memset(e, 0, TM_EP_WORDS * 4);
	return TCU_ERR_NONE;
}

static unsigned ext_cmd(struct tm_tile *t, uint32_t val)
{
	unsigned op = W32_GET(val, TCU_EXTCMD_OP), ep = W32_GET(val, TCU_EXTCMD_EP);
	unsigned err;
	uint32_t unread = 0;

	if (op == TCU_EXT_INV_EP)
		err = ext_inv(t, ep, W32_GET(val, TCU_EXTCMD_FORCE), &unread);
	else if (op == TCU_EXT_IDLE)
		err = TCU_ERR_NONE;
	else
		err = TCU_ERR_UNKNOWN_CMD;
	t->ext_arg = unread;
	t->ext_cmd = W32_PUT(TCU_EXTCMD_OP, TCU_EXT_IDLE) | W32_PUT(TCU_EXTCMD_EP, ep) | W32_PUT(TCU_EXTCMD_ERR, err) |
		     W32_PUT(TCU_EXTCMD_FORCE, W32_GET(val, TCU_EXTCMD_FORCE));
	return err;
}

unsigned tm_ext_inv(struct tm_sys *s, struct tm_tile *t, unsigned ep, int force, uint32_t *unread)
{
	uint32_t w = W32_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | W32_PUT(TCU_EXTCMD_EP, ep) |
		     W32_PUT(TCU_EXTCMD_FORCE, force ? 1 : 0);
	uint32_t data = 0;
	unsigned err = tm_priv_req(s, s->kx, s->ky, t, 1, TCU_REG_EXT_CMD / 4, 1, &w, &data);

	if (unread)
		*unread = data;
	return err;
}

/* word offset of an EP register, or -1 */
static int ep_word(const struct tm_tile *t, unsigned woff, unsigned *ep, unsigned *w)
{
	if (woff < TCU_REG_EP_BASE / 4)
		return -1;
	*ep = (woff - TCU_REG_EP_BASE / 4) / TM_EP_WORDS;
	*w = (woff - TCU_REG_EP_BASE / 4) % TM_EP_WORDS;
	return *ep < t->num_eps ? 0 : -1;
}

static int priv_writable(const struct tm_tile *t, unsigned woff)
{
	unsigned ep, w;

	return woff == TCU_REG_EXT_CMD / 4 || woff == TCU_REG_CORE_CTRL / 4 || ep_word(t, woff, &ep, &w) == 0;
}

/* privileged register write; returns the external command error (NONE otherwise) */
static unsigned priv_write(struct tm_tile *t, unsigned woff, uint32_t v, int *ext)
{
	unsigned ep, w;

	if (woff == TCU_REG_EXT_CMD / 4) {
		*ext = 1;
		return ext_cmd(t, v);
	}
	if (woff == TCU_REG_CORE_CTRL / 4)
		t->core_ctrl = W32_PUT(TCU_CORECTL_HOLD, W32_GET(v, TCU_CORECTL_HOLD));
	else if (ep_word(t, woff, &ep, &w) == 0)
		t->ep[ep][w] = v;
	return TCU_ERR_NONE;
}

/* non-blocking register read; *ok = 0 for unmapped or blocking registers */
static uint32_t reg_read(const struct tm_sys *s, const struct tm_tile *t, unsigned woff, int *ok)
{
	unsigned ep, w;

	*ok = 1;
	switch (woff * 4) {
	case TCU_REG_FEATURES:
		return W32_PUT(TCU_FEAT_NUM_EPS, t->num_eps) | W32_PUT(TCU_FEAT_KERNEL, tm_is_kernel(s, t)) |
		       W32_PUT(TCU_FEAT_TILE_X, t->x) | W32_PUT(TCU_FEAT_TILE_Y, t->y) | W32_PUT(TCU_FEAT_VERSION, TCU_VERSION);
	case TCU_REG_COMMAND:
		return t->command;
	case TCU_REG_DATA_ADDR:
		return t->data_addr;
	case TCU_REG_DATA_SIZE:
		return t->data_size;
	case TCU_REG_ARG:
		return t->arg;
	case TCU_REG_RESULT:
		return t->result;
	case TCU_REG_STATUS:
		return W32_PUT(TCU_STATUS_IRQ, t->irq) | W32_PUT(TCU_STATUS_DENIED, t->denied) |
		       W32_PUT(TCU_STATUS_DROPPED, t->dropped);
	case TCU_REG_IRQ_EN:
		return t->irq_en;
	case TCU_REG_EXT_CMD:
		return t->ext_cmd;
	case TCU_REG_EXT_ARG:
		return t->ext_arg;
	case TCU_REG_CORE_CTRL:
		return t->core_ctrl;
	}
	if (ep_word(t, woff, &ep, &w) == 0)
		return t->ep[ep][w];
	*ok = 0;
	return 0;
}

unsigned tm_priv_req(struct tm_sys *s, unsigned sx, unsigned sy, struct tm_tile *dst, int write, unsigned reg,
		     unsigned cnt, uint32_t *words, uint32_t *data)
{
	unsigned err = TCU_ERR_NONE;
	int ext = 0, ok;

	if (data)
		*data = 0;
	if (sx != s->kx || sy != s->ky) {
		sat_inc(&dst->denied);
		return TCU_ERR_NO_PERM;
	}
	if (cnt == 0 || cnt > TCU_PRIV_MAX_WORDS)
		return TCU_ERR_UNKNOWN_CMD;
	for (unsigned k = 0; k < cnt; k++) {
		if (write && !priv_writable(dst, reg + k))
			return TCU_ERR_UNKNOWN_CMD;
		if (!write) {
			reg_read(s, dst, reg + k, &ok);
			if (!ok)
				return TCU_ERR_UNKNOWN_CMD;
		}
	}
	for (unsigned k = 0; k < cnt; k++) {
		if (write) {
			unsigned e = priv_write(dst, reg + k, words[k], &ext);

			if (e != TCU_ERR_NONE)
				err = e;
		} else {
			words[k] = reg_read(s, dst, reg + k, &ok);
		}
	}
	if (ext && data)
		*data = dst->ext_arg;
	return err;
}

int tm_mmio_write(struct tm_sys *s, struct tm_tile *t, uint32_t off, uint32_t val)
{
	unsigned woff = (off % TCU_WINDOW) / 4;
	int ext = 0;

	switch (woff * 4) {
	case TCU_REG_COMMAND:
		run_command(s, t, val);
		return 0;
	case TCU_REG_DATA_ADDR:
		t->data_addr = val;
		return 0;
	case TCU_REG_DATA_SIZE:
		t->data_size = val;
		return 0;
	case TCU_REG_ARG:
		t->arg = val;
		return 0;
	case TCU_REG_STATUS:
		if (W32_GET(val, TCU_STATUS_IRQ))
			t->irq = 0;
		return 0;
	case TCU_REG_IRQ_EN:
		t->irq_en = val & 1;
		return 0;
	}
	if (!priv_writable(t, woff))
		return -1;
	if (!tm_is_kernel(s, t)) {
		sat_inc(&t->denied);
		return -1;
	}
	priv_write(t, woff, val, &ext);
	return 0;
}

uint32_t tm_mmio_read(struct tm_sys *s, struct tm_tile *t, uint32_t off, int *would_block)
{
	unsigned woff = (off % TCU_WINDOW) / 4;
	int ok;

	if (would_block)
		*would_block = 0;
	if (woff * 4 == TCU_REG_CMD_WAIT)
		return t->command;
	if (woff >= TCU_REG_WAIT_BASE / 4 && woff < TCU_REG_EP_BASE / 4) {
		unsigned ep = woff - TCU_REG_WAIT_BASE / 4, res, err;
		uint32_t *rep = ep_at(t, ep, TCU_EPT_RECV);

		if (rep && !TM_GET(rep, TCU_REP_UNREAD)) {
			if (would_block)
				*would_block = 1;
			return 0;
		}
		err = cmd_fetch(t, ep, &res);
		return W32_PUT(TCU_CMD_OP, TCU_OP_IDLE) | W32_PUT(TCU_CMD_EP, ep) | W32_PUT(TCU_CMD_ERR, err) |
		       W32_PUT(TCU_CMD_ARG, res);
	}
	return reg_read(s, t, woff, &ok);
}

unsigned tm_cmd(struct tm_sys *s, struct tm_tile *t, unsigned op, unsigned ep, unsigned cmd_arg, uint32_t addr,
		uint32_t size, uint32_t arg)
{
	tm_mmio_write(s, t, TCU_REG_DATA_ADDR, addr);
	tm_mmio_write(s, t, TCU_REG_DATA_SIZE, size);
	tm_mmio_write(s, t, TCU_REG_ARG, arg);
	tm_mmio_write(s, t, TCU_REG_COMMAND,
		      W32_PUT(TCU_CMD_OP, op) | W32_PUT(TCU_CMD_EP, ep) | W32_PUT(TCU_CMD_ARG, cmd_arg));
	return W32_GET(t->command, TCU_CMD_ERR);
}

unsigned tm_cfg_ep(struct tm_sys *s, struct tm_tile *t, unsigned ep, const uint32_t w[TM_EP_WORDS])
{
	uint32_t words[TM_EP_WORDS];

	memcpy(words, w, sizeof(words));
	return tm_priv_req(s, s->kx, s->ky, t, 1, TCU_REG_EP_BASE / 4 + ep * TM_EP_WORDS, TM_EP_WORDS, words, NULL);
}

void tm_ep_send(uint32_t *w, unsigned tx, unsigned ty, unsigned tep, uint32_t label, unsigned msg_order,
		unsigned crd)
{
	memset(w, 0, TM_EP_WORDS * 4);
	TM_SET(w, TCU_SEP_TYPE, TCU_EPT_SEND);
	TM_SET(w, TCU_SEP_CUR_CRD, crd);
	TM_SET(w, TCU_SEP_MAX_CRD, crd);
	TM_SET(w, TCU_SEP_MSG_ORDER, msg_order);
	TM_SET(w, TCU_SEP_CRD_EP, TCU_NO_EP);
	TM_SET(w, TCU_SEP_TGT_X, tx);
	TM_SET(w, TCU_SEP_TGT_Y, ty);
	TM_SET(w, TCU_SEP_TGT_EP, tep);
	TM_SET(w, TCU_SEP_LABEL, label);
}

void tm_ep_recv(uint32_t *w, uint32_t buf, unsigned slot_order, unsigned slots, unsigned rpl_ep)
{
	memset(w, 0, TM_EP_WORDS * 4);
	TM_SET(w, TCU_REP_TYPE, TCU_EPT_RECV);
	TM_SET(w, TCU_REP_SLOT_ORDER, slot_order);
	TM_SET(w, TCU_REP_SLOTS, slots);
	TM_SET(w, TCU_REP_RPL_EP, rpl_ep);
	TM_SET(w, TCU_REP_BUF, buf);
}

void tm_ep_mem(uint32_t *w, unsigned tx, unsigned ty, uint32_t base, uint32_t size, int r, int wr)
{
	memset(w, 0, TM_EP_WORDS * 4);
	TM_SET(w, TCU_MEP_TYPE, TCU_EPT_MEM);
	TM_SET(w, TCU_MEP_R, r ? 1 : 0);
	TM_SET(w, TCU_MEP_W, wr ? 1 : 0);
	TM_SET(w, TCU_MEP_TGT_X, tx);
	TM_SET(w, TCU_MEP_TGT_Y, ty);
	TM_SET(w, TCU_MEP_BASE, base);
	TM_SET(w, TCU_MEP_SIZE, size);
}
