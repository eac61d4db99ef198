/* iso.h - the layout the three programs of the isolation test share:
 * kernel (tile 0), attacker (tile 1 at (1,0)), victim (tile 2 at (0,1)). */
#ifndef ISO_H
#define ISO_H

#include <stdint.h>

#include "tcu.h"

#define A_X 1
#define A_Y 0
#define V_X 0
#define V_Y 1
#define K_X 0
#define K_Y 0

/* kernel EPs */
#define K_REP 1   /* reports from the attacker: 2 slots x 64 B, reply EPs K_RPL_EPS.. */
#define K_SEP_V 2 /* pings to the victim */
#define K_RPL 3   /* the victim's answers: 1 slot x 64 B */
#define K_MEP_V 4 /* read-only view of the victim's SPM buffers */
#define K_RPL_EPS 16
#define K_RBUF_SIZE (2 * 64)

/* attacker EPs */
#define A_SEP_K 0     /* reports to the kernel (1 credit) */
#define A_RPL 1       /* the kernel's go: 1 slot x 64 B */
#define A_SEP_FLOOD 2 /* to the victim's flood EP, 2 credits */
#define A_SEP_UNL 3   /* the same target, unlimited credits */
#define A_MEP_TCU 4   /* memory EP onto the victim's TCU registers (misconfigured on purpose) */
#define A_MEP_DEV 5   /* memory EP onto the victim's whole device/TCU area, RW */
#define A_MEP_K 6     /* memory EP onto the kernel tile's TCU registers */
#define A_MEP_V_RO 7  /* read-only memory EP onto the victim's data */
#define A_FREE_EP 20  /* an EP the kernel never configured */
#define A_RPL_BUF 0xc000u

/* victim EPs */
#define V_CTL 0   /* pings from the kernel: 2 slots x 64 B, reply EPs V_RPL_EPS.. */
#define V_FLOOD 1 /* the attacker's messages: 2 slots x 128 B, never fetched */
#define V_RPL_EPS 8
#define V_CTL_BUF 0xc000u
#define V_FLOOD_BUF 0xc100u
#define V_DATA 0xe000u /* 256 bytes of pattern the victim writes at start */
#define V_DATA_SIZE 256

#define LBL_A 0xa77ac4u    /* attacker -> kernel */
#define LBL_FLOOD 0xf100du /* attacker -> victim */
#define LBL_PING 0x9196u
#define V_MAGIC 0x71c71au

/* word 0 of a receive EP without RPOS/WPOS (they move with every message) */
#define ISO_REP_W0_FIXED ((1u << TCU_REP_RPOS_LSB) - 1)

/* How the user tiles wait for a message. The blocking WAIT register holds off
 * the kernel's PRIV_REQs to the tile (they wait for an idle command engine)
 * until the kernel's command times out; built with ISO_USE_WAIT the test
 * shows that (iso-kernel then fails); by default the tiles poll FETCH_MSG. */
#ifdef ISO_USE_WAIT
#define ISO_WAIT(ep) tcu_wait(ep)
#else
#define ISO_WAIT(ep) tcu_fetch(ep)
#endif

/* attack steps, reported by the attacker in this order */
enum { S_OWN_EP = 1, S_EXT, S_CORE, S_PRIV, S_MEM, S_FORGE, S_FLOOD, S_DONE };

struct iso_report {
	uint32_t step, failures, checks, denied;
};

struct iso_pong {
	uint32_t seq, count, magic, eps_ok;
};

static inline uint8_t iso_vdata(unsigned i)
{
	return (uint8_t)(i * 7 + 0x31);
}

/* The attacker's forged message: a payload that looks like a header claiming
 * to come from the kernel tile, as a reply, with the kernel's label. */
static inline void iso_fake(uint32_t w[8])
{
	w[0] = (uint32_t)(SPEC_PUT(TCU_HDR0_REPLY, 1) | SPEC_PUT(TCU_HDR0_SRC_X, K_X) | SPEC_PUT(TCU_HDR0_SRC_Y, K_Y) |
			  SPEC_PUT(TCU_HDR0_LEN, 16));
	w[1] = (uint32_t)(SPEC_PUT(TCU_HDR1_SND_EP, K_SEP_V) | SPEC_PUT(TCU_HDR1_RPL_EP, TCU_NO_EP));
	w[2] = 0;
	w[3] = LBL_PING;
	for (int i = 4; i < 8; i++)
		w[i] = 0xbadc0de0u + (uint32_t)i;
}

#endif /* ISO_H */
