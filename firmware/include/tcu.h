/*
 * tcu.h - driver for the tile's Trusted Communication Unit.
 *
 * Register map, endpoint layouts, opcodes and error codes come from the
 * generated spec/tcu.h (spec/tcu.toml). The hot path (send, reply, fetch, wait,
 * ack, read, write) is static inline: one store starts a command, one load
 * waits for it. Every function returns a TCU error code (TCU_ERR_*), 0 = success.
 * Privileged functions (tcu_ep_*_cfg, tcu_priv_*, tcu_inv_ep) work only on the
 * kernel tile; elsewhere the TCU refuses them with TCU_ERR_NO_PERM.
 */
#ifndef TCU_H
#define TCU_H

#include <stddef.h>
#include <stdint.h>

#include "spec/memmap.h"
#include "spec/tcu.h"

#define TCU_REG(off) (*(volatile uint32_t *)(MM_TCU_BASE + (off)))
#define TCU_EP_REG(ep, w) TCU_REG(TCU_REG_EP_BASE + TCU_EP_BYTES * (ep) + 4 * (w))

/* One command word. */
static inline uint32_t tcu_cmd_word(uint32_t op, uint32_t ep, uint32_t arg)
{
	return (uint32_t)(SPEC_PUT(TCU_CMD_OP, op) | SPEC_PUT(TCU_CMD_EP, ep) | SPEC_PUT(TCU_CMD_ARG, arg));
}

/* Start a command and wait until it is done; returns the whole result word. */
static inline uint32_t tcu_run(uint32_t op, uint32_t ep, uint32_t arg)
{
	TCU_REG(TCU_REG_COMMAND) = tcu_cmd_word(op, ep, arg);
	return TCU_REG(TCU_REG_CMD_WAIT);
}

static inline int tcu_err(uint32_t res)
{
	return (int)SPEC_GET(res, TCU_CMD_ERR);
}

static inline void tcu_set_data(const volatile void *p, size_t size)
{
	TCU_REG(TCU_REG_DATA_ADDR) = (uint32_t)(uintptr_t)p;
	TCU_REG(TCU_REG_DATA_SIZE) = (uint32_t)size;
}

/* Send size bytes at msg through send EP ep; a reply (if reply_ep is not
 * TCU_NO_EP) arrives at receive EP reply_ep carrying reply_label. */
static inline int tcu_send(unsigned ep, const void *msg, size_t size, unsigned reply_ep, uint32_t reply_label)
{
	tcu_set_data(msg, size);
	TCU_REG(TCU_REG_ARG) = reply_label;
	return tcu_err(tcu_run(TCU_OP_SEND, ep, reply_ep));
}

/* Reply with size bytes at msg to the message at offset off of receive EP ep
 * (frees its slot and returns the sender's credit). */
static inline int tcu_reply(unsigned ep, const void *msg, size_t size, uint32_t off)
{
	tcu_set_data(msg, size);
	return tcu_err(tcu_run(TCU_OP_REPLY, ep, off));
}

/* Offset of the next unread message of receive EP ep, or TCU_NONE_OFF
 * (an error code < 0 as -err). */
static inline int32_t tcu_fetch(unsigned ep)
{
	uint32_t r = tcu_run(TCU_OP_FETCH_MSG, ep, 0);

	return tcu_err(r) ? -tcu_err(r) : (int32_t)SPEC_GET(r, TCU_CMD_ARG);
}

/* Block (stalling the core on the bus) until receive EP ep has an unread
 * message; returns its offset, TCU_NONE_OFF after the TCU's wait timeout,
 * or -err. */
static inline int32_t tcu_wait(unsigned ep)
{
	uint32_t r = TCU_REG(TCU_REG_WAIT_BASE + 4 * ep);

	return tcu_err(r) ? -tcu_err(r) : (int32_t)SPEC_GET(r, TCU_CMD_ARG);
}

/* Free the slot at offset off of receive EP ep without replying. */
static inline int tcu_ack(unsigned ep, uint32_t off)
{
	return tcu_err(tcu_run(TCU_OP_ACK_MSG, ep, off));
}

/* Copy size bytes from offset off of memory EP ep to dst. */
static inline int tcu_read(unsigned ep, void *dst, size_t size, uint32_t off)
{
	tcu_set_data(dst, size);
	TCU_REG(TCU_REG_ARG) = off;
	return tcu_err(tcu_run(TCU_OP_READ, ep, 0));
}

/* Copy size bytes from src to offset off of memory EP ep. */
static inline int tcu_write(unsigned ep, const void *src, size_t size, uint32_t off)
{
	tcu_set_data(src, size);
	TCU_REG(TCU_REG_ARG) = off;
	return tcu_err(tcu_run(TCU_OP_WRITE, ep, 0));
}

/* ---- lean hot path: registers that persist ----
 * DATA_ADDR, DATA_SIZE and ARG keep their values between commands, so a loop
 * that sends or replies from the same buffer sets them once (tcu_set_data,
 * tcu_set_arg) and then starts every command with a single store. tcu_start
 * does not wait: the next COMMAND store, CMD_WAIT or WAIT load waits until the
 * command is done, and tcu_last_err() returns its error code. */
static inline void tcu_set_arg(uint32_t arg)
{
	TCU_REG(TCU_REG_ARG) = arg;
}

static inline void tcu_start(uint32_t cmd_word)
{
	TCU_REG(TCU_REG_COMMAND) = cmd_word;
}

static inline int tcu_last_err(void)
{
	return tcu_err(TCU_REG(TCU_REG_CMD_WAIT));
}

/* Blocking wait on receive EP ep, the raw result word (CMD layout: ERR, and
 * the message offset or TCU_NONE_OFF in ARG). */
static inline uint32_t tcu_wait_word(unsigned ep)
{
	return TCU_REG(TCU_REG_WAIT_BASE + 4 * ep);
}

/* The REPLY command word (receive EP ep) for the message a tcu_wait_word()
 * result names: the offset is already in the ARG field. */
static inline uint32_t tcu_reply_cmd(unsigned ep, uint32_t wait_word)
{
	return tcu_cmd_word(TCU_OP_REPLY, ep, 0) | (wait_word & (uint32_t)SPEC_PUT(TCU_CMD_ARG, TCU_CMD_ARG_MASK));
}

/* A message in a receive slot: the 16-byte header, then the payload. */
struct tcu_msg {
	uint32_t hdr0, hdr1, reply_label, label;
	uint8_t data[];
};

/* The message at offset off of a receive buffer that starts at buf. */
static inline const struct tcu_msg *tcu_msg_at(const void *buf, uint32_t off)
{
	return (const struct tcu_msg *)((uintptr_t)buf + off);
}

static inline uint32_t tcu_msg_len(const struct tcu_msg *m)
{
	return (uint32_t)SPEC_GET(m->hdr0, TCU_HDR0_LEN);
}

/* ---- endpoint registers (read: anyone; write: the kernel tile only) ---- */

/* The four words of an endpoint. */
struct tcu_ep {
	uint32_t w[4];
};

/* Set / get a field of an endpoint given its spec name, e.g.
 * TCU_EP_PUT(&ep, TCU_SEP_TGT_X, 1). Fields never cross a word. */
#define TCU_EP_PUT(e, F, v) tcu_ep_put((e), F##_LSB, F##_W, (uint32_t)(v))
#define TCU_EP_GET(e, F) tcu_ep_get((e), F##_LSB, F##_W)

static inline void tcu_ep_put(struct tcu_ep *e, unsigned lsb, unsigned w, uint32_t v)
{
	uint32_t mask = w == 32 ? 0xffffffffu : ((1u << w) - 1);

	e->w[lsb / 32] = (e->w[lsb / 32] & ~(mask << (lsb % 32))) | ((v & mask) << (lsb % 32));
}

static inline uint32_t tcu_ep_get(const struct tcu_ep *e, unsigned lsb, unsigned w)
{
	uint32_t mask = w == 32 ? 0xffffffffu : ((1u << w) - 1);

	return (e->w[lsb / 32] >> (lsb % 32)) & mask;
}

/* Read endpoint ep of this tile. */
void tcu_ep_read(unsigned ep, struct tcu_ep *e);
/* Write endpoint ep of this tile (kernel tile only; a user tile's write is
 * refused by the hardware and counted in STATUS.DENIED). */
void tcu_ep_write(unsigned ep, const struct tcu_ep *e);

/* Build endpoint words. */
struct tcu_ep tcu_ep_send(unsigned tx, unsigned ty, unsigned tep, uint32_t label, unsigned msg_order,
			  unsigned credits);
struct tcu_ep tcu_ep_recv(uint32_t buf, unsigned slot_order, unsigned slots_order, unsigned reply_ep);
struct tcu_ep tcu_ep_mem(unsigned tx, unsigned ty, uint32_t base, uint32_t size, int r, int w);

/* Kernel tile: write n words to registers starting at word offset reg of
 * tile (x, y) through the NoC (PRIV_REQ). Both calls repeat a request the
 * target answered ABORT (busy, nothing applied) up to TCU_PRIV_TRIES times. */
#define TCU_PRIV_TRIES 16
int tcu_priv_write(unsigned x, unsigned y, unsigned reg, const uint32_t *words, unsigned n);
/* Kernel tile: read n words from registers of tile (x, y). */
int tcu_priv_read(unsigned x, unsigned y, unsigned reg, uint32_t *words, unsigned n);
/* Kernel tile: configure endpoint ep of tile (x, y). */
int tcu_ep_config(unsigned x, unsigned y, unsigned ep, const struct tcu_ep *e);
/* Kernel tile: invalidate endpoint ep of tile (x, y); *unread (may be NULL)
 * gets a receive EP's unread mask. */
int tcu_inv_ep(unsigned x, unsigned y, unsigned ep, int force, uint32_t *unread);
/* Kernel tile: hold (1) or start (0) the core of tile (x, y). */
int tcu_core_hold(unsigned x, unsigned y, int hold);

/* This tile's coordinates and EP count, from the FEATURES register. */
static inline unsigned tcu_num_eps(void)
{
	return (unsigned)SPEC_GET(TCU_REG(TCU_REG_FEATURES), TCU_FEAT_NUM_EPS);
}

/* Name of an error code, for messages. */
const char *tcu_strerror(int err);

#endif /* TCU_H */
