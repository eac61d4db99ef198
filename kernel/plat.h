/*
 * plat.h - the kernel's only path to hardware, and the TCU endpoint encoders.
 *
 * On the kernel tile the TCU driver implements struct kplat with PRIV_WR / EXT_CMD
 * commands and REPLY / SEND on the kernel's own EPs; on the host a fake records
 * the calls (kernel/tests/fplat.c). Tiles are named by their index in the
 * kernel's tile table (struct ktile has the coordinates).
 */
#ifndef PLAT_H
#define PLAT_H

#include <stdint.h>

#include "kern.h"

#define PLAT_EP_WORDS 4

struct kplat {
	/* Write the PLAT_EP_WORDS words of EP ep on tile. Returns 0 or a TCU error. */
	int (*ep_write)(void *ctx, unsigned tile, unsigned ep, const uint32_t *w);
	/*
	 * Invalidate EP ep on tile (forced: even with credits outstanding). 0 or a TCU
	 * error. The kernel cannot undo a revoke, so the driver retries and reports a
	 * failure only for a tile that no longer answers (the kernel counts it in
	 * stats.plat_fail; that tile must then be reset before it is used again).
	 */
	int (*ep_inval)(void *ctx, unsigned tile, unsigned ep);
	/* Release (run = 1) or hold (run = 0) the core of tile. 0 or a TCU error. */
	int (*core_ctrl)(void *ctx, unsigned tile, int run);
	/*
	 * Answer activity act's pending syscall with n words; n = 0 frees its syscall
	 * slot without an answer (EXIT, or the activity was ended meanwhile).
	 */
	void (*reply)(void *ctx, unsigned act, const uint32_t *w, unsigned n);
	/*
	 * Send n words to receive EP ep on tile with reply label rlabel (KREQ_LABEL),
	 * replies to KEP_SRV_RECV. Returns 0 or a TCU error.
	 */
	int (*srv_send)(void *ctx, unsigned tile, unsigned ep, uint32_t rlabel, const uint32_t *w, unsigned n);
};

/* Encoders: fill w[PLAT_EP_WORDS] with a TCU endpoint (spec/tcu.h layouts). */
void plat_ep_send(uint32_t *w, const struct ktile *tgt, unsigned tgt_ep, uint32_t label, unsigned msg_order,
		  unsigned credits);
void plat_ep_recv(uint32_t *w, uint32_t buf, unsigned slot_order, unsigned slots, unsigned rpl_ep);
void plat_ep_mem(uint32_t *w, const struct ktile *tgt, uint32_t addr, uint32_t size, unsigned perms);

/* Field access on an EP word array (fields never cross a word). */
uint32_t plat_ep_get(const uint32_t *w, unsigned lsb, unsigned width);
void plat_ep_put(uint32_t *w, unsigned lsb, unsigned width, uint32_t v);
#define PLAT_GET(w, F) plat_ep_get((w), F##_LSB, F##_W)
#define PLAT_PUT(w, F, v) plat_ep_put((w), F##_LSB, F##_W, (v))

/*
 * Calls through k->plat; an ep_inval / core_ctrl failure during cleanup cannot
 * be undone, so the _log variants count it in k->stats.plat_fail and go on.
 */
int plat_write(struct kern *k, unsigned tile, unsigned ep, const uint32_t *w);
void plat_inval_log(struct kern *k, unsigned tile, unsigned ep);
int plat_core(struct kern *k, unsigned tile, int run);
void plat_core_log(struct kern *k, unsigned tile, int run);

/*
 * Configure the standard EPs (syscall send with SYSC_LABEL label, syscall receive,
 * upcall receive) of the activity on tile. On failure the ones already written
 * are invalidated again and the TCU error is returned.
 */
int plat_std_eps(struct kern *k, unsigned tile, uint32_t label);
/* Invalidate the standard EPs of the activity on tile (cleanup, failures logged). */
void plat_std_eps_inval(struct kern *k, unsigned tile);

#endif /* PLAT_H */
