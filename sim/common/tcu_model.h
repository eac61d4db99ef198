/*
 * tcu_model.h - executable reference model of the TCU contract (spec/tcu.toml).
 *
 * One struct tm_tile per tile (EP file, command registers, the tile's memory as a
 * byte array) and one struct tm_sys holding the tiles of a mesh. Every command is
 * executed atomically, remote effects included (delivery, credit return, remote
 * register writes), in the order and with the error codes that docs/tcu-design.md
 * defines; the RTL must produce the same outcome for a command that does not race
 * with another one. Error codes are the TCU_ERR_* values of spec/tcu.h.
 */
#ifndef TCU_MODEL_H
#define TCU_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "spec/tcu.h"

#define TM_MAX_TILES 64
#define TM_EP_WORDS 4

/* field access on an EP (uint32_t[4]); spec fields never cross a word */
#define TM_GET(ep, F) (((ep)[F##_LSB / 32] >> (F##_LSB % 32)) & (uint32_t)F##_MASK)
#define TM_SET(ep, F, v) tm_set_field((ep), F##_LSB, F##_W, (v))

struct tm_tile {
	unsigned x, y;
	unsigned num_eps;
	uint32_t ep[TCU_MAX_EPS][TM_EP_WORDS];
	uint8_t *mem; /* the tile's SPM (or memory tile array), owned by the caller */
	uint32_t mem_size;
	/* registers */
	uint32_t command, data_addr, data_size, arg, result;
	uint32_t ext_cmd, ext_arg, core_ctrl, irq_en;
	unsigned irq, denied, dropped;
	/* statistics for tests */
	unsigned long delivered;
};

struct tm_sys {
	unsigned kx, ky; /* the kernel tile */
	unsigned ntiles;
	struct tm_tile *tile[TM_MAX_TILES];
};

void tm_set_field(uint32_t *ep, unsigned lsb, unsigned width, uint32_t v);

/* Set up an empty system whose kernel tile is (kx, ky). */
void tm_sys_init(struct tm_sys *s, unsigned kx, unsigned ky);
/* Add tile t (coordinates, EP count and memory already set with tm_tile_init);
 * returns 0, or -1 if the system is full or the coordinates are taken. */
int tm_sys_add(struct tm_sys *s, struct tm_tile *t);
/* Describe a tile and reset it (tm_reset). num_eps <= TCU_MAX_EPS. */
void tm_tile_init(struct tm_tile *t, const struct tm_sys *s, unsigned x, unsigned y, unsigned num_eps,
		  uint8_t *mem, uint32_t mem_size);
/* Hardware reset of one tile's TCU: EPs invalid, registers cleared, core held
 * unless it is the kernel tile. Memory is kept. */
void tm_reset(const struct tm_sys *s, struct tm_tile *t);
/* The tile at (x, y) or NULL. */
struct tm_tile *tm_find(const struct tm_sys *s, unsigned x, unsigned y);
/* Nonzero if t is the kernel tile. */
int tm_is_kernel(const struct tm_sys *s, const struct tm_tile *t);

/* Local core store to the MMIO window (byte offset off). A COMMAND store runs the
 * command to completion; an EXT_CMD store by the kernel tile runs the external
 * command. Returns 0, or -1 if the store was refused (privileged register written
 * by an unprivileged core; counted in STATUS.DENIED) or hit no register. */
int tm_mmio_write(struct tm_sys *s, struct tm_tile *t, uint32_t off, uint32_t val);
/* Local core load. WAIT_BASE + 4 n performs the blocking fetch: if it would block
 * (receive EP n valid, no unread message) *would_block is set to 1 and nothing
 * changes; pass NULL if the caller does not care. Unmapped offsets read 0. */
uint32_t tm_mmio_read(struct tm_sys *s, struct tm_tile *t, uint32_t off, int *would_block);

/* Convenience: DATA_ADDR/DATA_SIZE/ARG stores then a COMMAND store; returns CMD.ERR. */
unsigned tm_cmd(struct tm_sys *s, struct tm_tile *t, unsigned op, unsigned ep, unsigned cmd_arg, uint32_t addr,
		uint32_t size, uint32_t arg);

/* A PRIV_REQ arriving at dst from source tile (sx, sy), as the NoC would deliver
 * it: write (cnt words from words[]) or read (into words[]) at word offset reg.
 * Returns the PRIV_RSP error; *data gets PRIV_RSP.DATA (may be NULL). */
unsigned tm_priv_req(struct tm_sys *s, unsigned sx, unsigned sy, struct tm_tile *dst, int write, unsigned reg,
		     unsigned cnt, uint32_t *words, uint32_t *data);

/* Privileged register write as the kernel would do it (through a PRIV_REQ from
 * the kernel tile, or a local store on the kernel tile): configure EP n. */
unsigned tm_cfg_ep(struct tm_sys *s, struct tm_tile *t, unsigned ep, const uint32_t w[TM_EP_WORDS]);

/* Encoders for the three EP kinds (into w[4]). */
void tm_ep_send(uint32_t *w, unsigned tx, unsigned ty, unsigned tep, uint32_t label, unsigned msg_order,
		unsigned crd);
void tm_ep_recv(uint32_t *w, uint32_t buf, unsigned slot_order, unsigned slots, unsigned rpl_ep);
void tm_ep_mem(uint32_t *w, unsigned tx, unsigned ty, uint32_t base, uint32_t size, int r, int wr);

/* External command on t (INV_EP); returns the error, *unread gets EXT_ARG. */
unsigned tm_ext_inv(struct tm_sys *s, struct tm_tile *t, unsigned ep, int force, uint32_t *unread);

/* Name of an error code ("NONE", "NO_SEP", ...). */
const char *tm_err_name(unsigned err);

#endif /* TCU_MODEL_H */
