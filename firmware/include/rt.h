/*
 * rt.h - the runtime library for activities (programs started by the kernel).
 *
 * Link it with `USE_RT := 1` in the program's Makefile: main then runs after
 * rt_init with argc/argv from its argument block (BOOT_ENV_ADDR, written by
 * the parent; argv[0] is the program's name), returning from main (or exit())
 * becomes the EXIT syscall, and the stack ends below the argument block and
 * the standard receive buffers (last KIF_STD_RBUF_SIZE bytes of the SPM).
 *
 * Modules: rt_sys.c (rt_sys_*: one stub per syscall over the reserved EPs:
 * syscall send EP 0, reply receive EP 1), rt_gate.c (rt_sel_*, rt_ep_*,
 * rt_rgate_*, rt_sgate_*, rt_mgate_*: selectors, EPs, gates), rt_act.c
 * (rt_act_*: child activities), rt_srv.c (rt_srv_*: service framework),
 * rt_elf.c (rt_elf.h: the ELF loader),
 * rt_start.c (start-up with argc/argv from the argument block, exit). Every function returns 0 or an error (TCU_ERR_* or
 * KIF_ERR_*, one numbering; rt_strerror names it).
 */
#ifndef RT_H
#define RT_H

#include <stddef.h>
#include <stdint.h>

#include "spec/kif.h"
#include "spec/memmap.h"
#include "tcu.h"

/* the standard receive buffers (kif: STD_RBUF_SIZE at the end of the SPM) */
#define RT_STD_RBUF (MM_SPM_BASE + MM_SPM_SIZE_DEFAULT - KIF_STD_RBUF_SIZE)
#define RT_SYSC_RBUF (RT_STD_RBUF + KIF_SYSC_RBUF_OFF)

/* Wait for a message on receive EP ep: returns its offset or -err. Polls FETCH_MSG
 * (not the blocking WAIT read: the kernel must reach this tile's TCU meanwhile). */
static inline __attribute__((always_inline)) int32_t rt_poll(unsigned ep)
{
	int32_t off;

	do
		off = tcu_fetch(ep);
	while (off == TCU_NONE_OFF);
	return off;
}

/* ---- rt_start.c ---- */
/* Drain a syscall reply left from before a restart (ACT_STOP voids it) and
 * unmask the exception IRQs: from then on an illegal instruction (also EBREAK,
 * ECALL) or a misaligned access prints "crash: ... at 0x<pc>" and ends the
 * activity with exit code KIF_EXIT_CRASH | KIF_CRASH_ILLINSN / _MISALIGN. */
void rt_init(void);
/* End this activity with code (the EXIT syscall); never returns. */
__attribute__((noreturn)) void rt_exit(int code);
const char *rt_strerror(int err);

/* ---- rt_sys.c: raw syscalls (selectors chosen by the caller) ---- */
/* Send n words, wait for the reply; up to rmax result words (after the error
 * word) go to res. Returns the error word (or a TCU error). */
int rt_sys_call(const uint32_t *msg, unsigned n, uint32_t *res, unsigned rmax);
int rt_sys_noop(void);
int rt_sys_create_sgate(uint32_t dst, uint32_t rgate, uint32_t label, uint32_t credits);
int rt_sys_create_rgate(uint32_t dst, uint32_t order, uint32_t slots);
int rt_sys_create_mgate(uint32_t dst, uint32_t act, uint32_t addr, uint32_t size, uint32_t perms);
int rt_sys_derive_mem(uint32_t dst, uint32_t src, uint32_t off, uint32_t size, uint32_t perms);
int rt_sys_create_act(uint32_t dst, uint32_t tile, uint32_t caps, uint32_t objs, uint32_t eps, uint32_t *id);
int rt_sys_alloc_ep(uint32_t dst, uint32_t act, uint32_t ep, uint32_t replies);
int rt_sys_activate(uint32_t ep, uint32_t gate, uint32_t addr);
int rt_sys_act_start(uint32_t act);
int rt_sys_act_stop(uint32_t act);
int rt_sys_act_wait(uint32_t act, int32_t *code);
int rt_sys_exchange(uint32_t act, uint32_t own, uint32_t other, uint32_t count, uint32_t obtain);
int rt_sys_create_serv(uint32_t dst, uint32_t rgate);
int rt_sys_open_sess(uint32_t dst, uint32_t serv, uint32_t arg);
int rt_sys_revoke(uint32_t sel, uint32_t own);
/* EXCHANGE_SESS: *nres in = room in res (words), out = result words the service gave. */
int rt_sys_exchange_sess(uint32_t sess, uint32_t own, uint32_t count, uint32_t obtain, const uint32_t *args,
			 uint32_t nargs, uint32_t *res, uint32_t *nres);
/* syscalls counted since start (rt_sys_call) */
extern uint32_t rt_sys_count;

/* ---- rt_gate.c: selectors, EPs, gates ---- */
/* A free selector (counts up from BOOT_USER_SEL; rt_sel_reserve skips some). */
uint32_t rt_sel_alloc(void);
/* Give back selector sel (empty again: its capability was revoked) for a later
 * rt_sel_alloc; at most 16 are remembered besides the top one. */
void rt_sel_free(uint32_t sel);
void rt_sel_reserve(uint32_t next);
/* Allocate EP capability sel for a free EP of this tile with replies reply EPs;
 * *ep gets the EP id. */
int rt_ep_alloc(uint32_t sel, uint32_t replies, unsigned *ep);

struct rt_rgate {
	uint32_t sel;      /* receive gate capability */
	uint32_t ep_sel;   /* its EP capability */
	unsigned ep;       /* EP id */
	void *buf;         /* receive buffer (2^slots slots of 2^order bytes, aligned) */
	unsigned order, slots;
};

struct rt_sgate {
	uint32_t sel, ep_sel;
	unsigned ep;
};

struct rt_mgate {
	uint32_t sel, ep_sel;
	unsigned ep;
	uint32_t size;
};

/* Create a receive gate on buf and activate it (with 2^slots reply EPs). */
int rt_rgate_new(struct rt_rgate *g, void *buf, unsigned order, unsigned slots);
/* Wait for a message; returns it (NULL and *err on a TCU error). */
const struct tcu_msg *rt_rgate_wait(const struct rt_rgate *g, int *err);
/* The next message or NULL. */
const struct tcu_msg *rt_rgate_fetch(const struct rt_rgate *g);
int rt_rgate_reply(const struct rt_rgate *g, const struct tcu_msg *m, const void *data, size_t len);
int rt_rgate_ack(const struct rt_rgate *g, const struct tcu_msg *m);

/* Create a send gate to receive gate capability rgate (label, credits) and activate it. */
int rt_sgate_new(struct rt_sgate *g, uint32_t rgate, uint32_t label, uint32_t credits);
/* Activate an existing send gate capability sel on a new EP. */
int rt_sgate_bind(struct rt_sgate *g, uint32_t sel);
/* Send len bytes; the reply goes to rg (NULL: no reply) with label rlabel. */
int rt_sgate_send(const struct rt_sgate *g, const void *msg, size_t len, const struct rt_rgate *rg,
		  uint32_t rlabel);
/* Send and wait for the reply on rg; the reply is copied to rpl (at most rmax bytes, *rlen gets its size).
 * Inline: the IPC hot path (send, poll, copy, ack) costs what the raw TCU commands cost. */
static inline __attribute__((always_inline)) int rt_sgate_call(const struct rt_sgate *g, const void *msg, size_t len,
								const struct rt_rgate *rg, void *rpl, size_t rmax,
								size_t *rlen)
{
	const struct tcu_msg *m;
	uint32_t n;
	int32_t off;
	int err = tcu_send(g->ep, msg, len, rg->ep, 0);

	if (err)
		return err;
	off = rt_poll(rg->ep);
	if (off < 0)
		return -off;
	m = tcu_msg_at(rg->buf, (uint32_t)off);
	n = tcu_msg_len(m);
	if (n > rmax)
		n = (uint32_t)rmax;
	if ((n | (uint32_t)(uintptr_t)rpl) % 4 == 0) {
		for (uint32_t i = 0; i < n / 4; i++)
			((uint32_t *)rpl)[i] = ((const uint32_t *)(const void *)m->data)[i];
	} else {
		for (uint32_t i = 0; i < n; i++)
			((uint8_t *)rpl)[i] = m->data[i];
	}
	if (rlen)
		*rlen = n;
	return tcu_ack(rg->ep, (uint32_t)off);
}

/* Activate memory gate capability sel (size bytes) on a new EP. */
int rt_mgate_bind(struct rt_mgate *g, uint32_t sel, uint32_t size);
/* Derive a sub-range of memory gate src and activate it. */
int rt_mgate_derive(struct rt_mgate *g, uint32_t src, uint32_t off, uint32_t size, uint32_t perms);
int rt_mgate_read(const struct rt_mgate *g, void *dst, size_t len, uint32_t off);
int rt_mgate_write(const struct rt_mgate *g, const void *src, size_t len, uint32_t off);

/* ---- rt_act.c: child activities ---- */
struct rt_act {
	uint32_t sel; /* activity capability */
	uint32_t id;  /* kernel's activity id */
	unsigned tile;
};

/* Create an activity on tile (tile capability tile_sel) with the given quotas. */
int rt_act_create(struct rt_act *a, uint32_t tile_sel, unsigned tile, uint32_t caps, uint32_t objs, uint32_t eps);
/* Load the ELF of size bytes at offset off of memory gate img into the (held)
 * child's SPM and write its argument block (args: args_len bytes of
 * NUL-terminated strings). KIF_ERR_BAD_ELF for a malformed image (the child's
 * memory then holds nothing of it). */
int rt_act_load(const struct rt_act *a, const struct rt_mgate *img, uint32_t off, uint32_t size, const char *args,
		uint32_t args_len);
int rt_act_start(const struct rt_act *a);
/* The first module of kind (BOOT_KIND_*) in the boot image behind memory gate img:
 * its offset and size; KIF_ERR_INV_ARGS if the image has none (or is no image). */
int rt_boot_find(const struct rt_mgate *img, uint32_t kind, uint32_t *off, uint32_t *size);
/* Wait until the child exits; *code gets its exit code. */
int rt_act_wait(const struct rt_act *a, int32_t *code);

/* ---- rt_srv.c: services ---- */
/* One SRV_EXCHANGE for the service's handler: in ident .. args, out sel .. res. */
struct rt_srv_xchg {
	uint32_t ident, obtain, count, nargs;
	uint32_t args[KIF_MAX_SESS_ARGS];
	uint32_t sel;   /* first own selector: free destinations (delegate) or sources (obtain) */
	uint32_t moved; /* capabilities moved (<= count) */
	uint32_t nres;
	uint32_t res[KIF_MAX_SESS_ARGS];
};

struct rt_srv_ops {
	/* a client opens a session with arg: 0 and *ident, or an error (refused) */
	int (*open)(void *ctx, uint32_t arg, uint32_t *ident);
	/* a client delegates / obtains through session x->ident: 0 or an error */
	int (*exchange)(void *ctx, struct rt_srv_xchg *x);
	/* session ident is gone (may be NULL) */
	void (*close)(void *ctx, uint32_t ident);
	/* a client's message (label: what the service gave its send gate); must reply or ack */
	void (*msg)(void *ctx, const struct rt_rgate *rg, const struct tcu_msg *m);
};

struct rt_srv {
	struct rt_rgate rg; /* requests from the kernel and the clients */
	uint32_t sel;       /* the service capability */
	const struct rt_srv_ops *ops;
	void *ctx;
	uint32_t requests, msgs; /* kernel requests and client messages handled */
};

/* Create a service at selector sel on a new receive gate over buf (2^slots slots of
 * 2^KIF_SRV_MSG_ORDER bytes, aligned to its size). */
int rt_srv_new(struct rt_srv *s, uint32_t sel, void *buf, unsigned slots, const struct rt_srv_ops *ops, void *ctx);
/* Wait for one message and handle it. */
int rt_srv_step(struct rt_srv *s);

#endif /* RT_H */
