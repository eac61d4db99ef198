/*
 * kern.h - the kernel's whole state and its top-level entry points.
 *
 * All state lives in one struct kern made of fixed pools (kcfg.h); the modules
 * (cap_, kobj_, act_, srv_, sys_) work on it. Pool entries are named by 16-bit
 * indices, KNIL meaning none; activities, tiles and requests by 8-bit indices.
 * The hardware is reached only through struct kplat (plat.h), so the same code
 * runs on the kernel tile and on the host under tests and the fuzzer.
 */
#ifndef KERN_H
#define KERN_H

#include <stddef.h>
#include <stdint.h>

#include "kcfg.h"
#include "spec/kif.h"
#include "spec/tcu.h"

#define KNIL 0xFFFFu     /* nil index of caps and objects */
#define KACT_NONE 0xFFu  /* no activity */
#define KREQ_NONE 0xFFu  /* no request */
#define KTILE_NONE 0xFFu /* no tile */

/* One shared error numbering: TCU errors, then the kernel's. */
_Static_assert(KIF_FIRST_ERR == TCU_ERR_NO_PMP_EP + 1, "KIF errors must continue the TCU's");
_Static_assert(KIF_ERR_INV_SEL == KIF_FIRST_ERR, "first KIF error is FIRST_ERR");
_Static_assert(1u << KIF_KEP_SYSC_SLOTS == KIF_MAX_ACTS, "one syscall slot per activity");

struct kplat;

/* A capability: one entry of the global pool, placed in one activity's table. */
struct cap {
	uint16_t obj;    /* kernel object it names */
	uint16_t parent; /* derivation tree: parent, first child, siblings */
	uint16_t child;
	uint16_t next;   /* next sibling (free list link when unused) */
	uint16_t prev;
	uint16_t sel;    /* selector in its activity's table */
	uint16_t ep;     /* send/memory gate: EP object it is activated on, or KNIL */
	uint8_t act;     /* owning activity */
	uint8_t kind;    /* KIF_CAP_*; KIF_CAP_NONE = free */
};

struct kquota {
	uint16_t caps; /* capabilities in the table (+ children's cap quotas) */
	uint16_t objs; /* kernel objects owned (+ children's object quotas) */
	uint16_t eps;  /* EPs of the activity's tile held by EP objects */
};

/* receive gate flags */
#define KRG_GONE 1u /* was activated, its EP is gone: cannot be activated again */

/* A kernel object; kind-specific part in the union. */
struct kobj {
	uint8_t kind;  /* KIF_CAP_*; KIF_CAP_NONE = free */
	uint8_t owner; /* activity charged for it, or KACT_NONE (kernel) */
	uint16_t refs; /* capabilities naming it */
	uint16_t next; /* free list link */
	uint16_t pad;
	union {
		struct {
			uint16_t rgate; /* receive gate object */
			uint16_t bound; /* EP object it is activated on, or KNIL */
			uint32_t label;
			uint8_t credits;
		} sg;
		struct {
			uint16_t ep;   /* EP object it is activated on, or KNIL */
			uint8_t order; /* log2 slot size */
			uint8_t slots; /* log2 slot count */
			uint8_t used;  /* credits handed out (send gates + services) */
			uint8_t flags; /* KRG_* */
			uint32_t addr; /* buffer address once activated */
		} rg;
		struct {
			uint32_t addr;
			uint32_t size;
			uint8_t tile;
			uint8_t perms; /* KIF_PERM_* bits */
		} mg;
		struct {
			uint16_t rgate;  /* receive gate object the requests go to */
			uint8_t qhead;   /* queued requests (KREQ_NONE = empty) */
			uint8_t qtail;
			uint8_t inflight; /* request sent and not answered, or KREQ_NONE */
		} srv;
		struct {
			uint16_t srv; /* service object */
			uint32_t ident;
		} sess;
		struct {
			uint16_t cap;   /* send/memory gate capability activated on it, or KNIL */
			uint16_t rgate; /* receive gate object activated on it, or KNIL */
			uint8_t tile;
			uint8_t epid;
			uint8_t replies; /* reply EPs following epid */
			uint8_t act;     /* activity whose EP quota it uses */
		} ep;
		struct {
			uint8_t act;
		} act;
		struct {
			uint8_t tile;
		} tile;
	} u;
};

/* activity states */
#define KACT_FREE 0
#define KACT_INIT 1    /* created, core held */
#define KACT_RUN 2     /* started */
#define KACT_STOPPED 3 /* stopped by ACT_STOP */
#define KACT_EXITING 4 /* being torn down */
#define KACT_EXITED 5  /* torn down; the slot waits for its activity object to go */

/* activity flags */
#define KACTF_INSYS 1u   /* a syscall was accepted and not yet answered */
#define KACTF_KILLQ 2u   /* queued for teardown */
#define KACTF_OBJGONE 4u /* its activity object is gone: free the slot after teardown */

struct kact {
	uint8_t state;
	uint8_t flags;
	uint8_t tile;
	uint8_t parent;    /* activity charged with its quotas, or KACT_NONE */
	uint8_t kill_next; /* kill queue link */
	uint8_t req;       /* service request it waits for, or KREQ_NONE */
	uint16_t obj;      /* its activity object */
	uint16_t wait;     /* activity object it waits for (ACT_WAIT), or KNIL */
	uint16_t pad;
	uint32_t gen;  /* generation: SYSC_LABEL.GEN */
	int32_t code;  /* exit code */
	struct kquota lim, used;
	uint16_t sel[KCFG_SELS]; /* capability table: cap index or KNIL */
};

/* tile kinds */
#define KTILE_PROC 0   /* processing tile: runs one activity */
#define KTILE_MEM 1    /* memory tile */
#define KTILE_KERNEL 2 /* the kernel's tile */

/* Description of a tile, given at kern_init (from the boot information). */
struct ktile_desc {
	uint8_t x, y;
	uint8_t kind;    /* KTILE_* */
	uint8_t num_eps; /* EPs of its TCU */
	uint32_t mem_size; /* bytes of its SPM or memory */
};

struct ktile {
	uint8_t x, y, kind, num_eps;
	uint32_t mem_size;
	uint8_t act; /* activity running on it, or KACT_NONE */
	uint8_t pad[3];
	uint32_t ep_used[(TCU_MAX_EPS + 31) / 32]; /* EPs held by EP objects */
};

/* request states */
#define KREQ_FREE 0
#define KREQ_QUEUED 1
#define KREQ_SENT 2

/* A request from the kernel to a service (for a client's syscall or a close notice). */
struct kreq {
	uint8_t state;
	uint8_t act;   /* waiting client, or KACT_NONE (close notice, cancelled client) */
	uint8_t next;  /* queue link */
	uint8_t nw;    /* words in msg */
	uint16_t srv;  /* service object */
	uint16_t sess; /* EXCHANGE: session object, else KNIL */
	uint32_t gen;  /* KREQ_LABEL.GEN */
	uint32_t sel;  /* client's destination (OPEN) or first own selector (EXCHANGE) */
	uint32_t csel; /* client's service (OPEN) or session (EXCHANGE) selector */
	uint32_t count;
	uint32_t obtain;
	uint32_t msg[KIF_SRV_EXCHANGE_ARGS_LSB / 32 + KIF_MAX_SESS_ARGS];
};

/* Counters for reports; not part of the state the K1 hash covers. */
struct kstats {
	uint32_t syscalls;   /* accepted syscall messages */
	uint32_t errors;     /* syscalls answered with an error */
	uint32_t dropped;    /* messages dropped (unknown label, second syscall, stale reply) */
	uint32_t revoked;    /* capabilities revoked */
	uint32_t revoke_steps; /* moves of the revoke walk (down to a child or back up) */
	uint32_t plat_fail;  /* platform calls that failed during cleanup (logged, not undone) */
	uint32_t close_lost; /* close notices not sent: request table full */
};

struct kern {
	struct cap caps[KCFG_MAX_CAPS];
	struct kobj objs[KCFG_MAX_OBJS];
	struct kact acts[KCFG_MAX_ACTS];
	struct ktile tiles[KCFG_MAX_TILES];
	struct kreq reqs[KCFG_MAX_REQS];
	uint16_t cap_free; /* free list heads */
	uint16_t obj_free;
	uint16_t ncaps; /* in use */
	uint16_t nobjs;
	uint8_t ntiles;
	uint8_t ktile;    /* the kernel's tile */
	uint8_t killq_head; /* activities to tear down */
	uint8_t killq_tail;
	uint8_t srv_sent; /* requests in flight to services (<= 2^KEP_SRV_SLOTS) */
	uint8_t in_revoke; /* a revoke walk runs: no tree changes allowed */
	uint8_t pad[2];
	const struct kplat *plat;
	void *pctx;
	struct kstats stats; /* must stay last: kern_hash stops here */
};

/*
 * Set up an empty kernel: pools free, tiles from desc[0..n) (n <= KCFG_MAX_TILES,
 * ktile = index of the only KTILE_KERNEL tile, which needs KEP_SYSC_RPL + MAX_ACTS
 * EPs; processing tiles need user EPs and room for the standard receive buffers).
 * Returns 0 or KIF_ERR_INV_ARGS.
 */
int kern_init(struct kern *k, const struct kplat *plat, void *pctx, const struct ktile_desc *desc, unsigned n,
	      unsigned ktile);

/*
 * Create the root activity on tile `tile` with all quotas; its table gets SEL_ACT,
 * then one TILE capability per other processing tile, then one RW memory gate per
 * memory tile (whole memory), in tile order. Configures its standard EPs; the
 * caller loads its image and starts its core. Returns the activity id, or a
 * negative error (-KIF_ERR_NO_FREE_TILE, -KIF_ERR_PLATFORM, ...); after an error
 * the kernel must be set up again (kern_init).
 */
int kern_boot(struct kern *k, unsigned tile);

/*
 * Revoke capability c's subtree (and c itself if own), then tear down every
 * activity whose activity object went away. Iterative; returns the number of
 * capabilities revoked.
 */
unsigned kern_revoke(struct kern *k, uint16_t c, int own);

/* 64-bit FNV-1a hash of the whole state (stats excluded), for "unchanged" checks. */
uint64_t kern_hash(const struct kern *k);

/*
 * Check every structural invariant (tree links, tables, reference counts, quotas,
 * derivation never widens, credits <= slots, EP bindings, requests). Returns NULL
 * if all hold, else a description of the first violation (static buffer).
 */
const char *kern_check(const struct kern *k);

#endif /* KERN_H */
