/*
 * iso-attacker (tile 1): a user tile that tries to break out. Each attempt
 * must be refused with the documented error (docs/tcu-design.md, Privilege);
 * after each one it reports to the kernel and waits until the kernel has
 * checked that the victim (tile 2) still works and is unchanged.
 *   S_OWN_EP  MMIO writes to its own EP registers (and an unconfigured EP):
 *             ignored, counted in STATUS.DENIED; FEATURES stays read-only
 *   S_EXT     a local EXT_CMD (invalidate its own EP): ignored, counted
 *   S_CORE    a local CORE_CTRL write (hold itself): ignored, counted
 *   S_PRIV    PRIV_WR / PRIV_RD on the victim's and the kernel's EPs,
 *             EXT_CMD and CORE_CTRL: NO_PERM, nothing leaves the tile
 *   S_MEM     memory EPs onto TCU registers and devices: OUT_OF_BOUNDS
 *             (a target serves memory only); read-only EP: NO_PERM
 *   S_FORGE   a payload that looks like a header from the kernel tile: the
 *             victim's slot carries the hardware-stamped source and label
 *   S_FLOOD   flood the victim's buffer: NO_CREDITS, then (unlimited EP)
 *             RECV_NO_SPACE; the victim's other EP keeps working
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "iso.h"
#include "tcu.h"
#include "tile.h"

static unsigned denied(void)
{
	return (unsigned)SPEC_GET(TCU_REG(TCU_REG_STATUS), TCU_STATUS_DENIED);
}

/* Report step to the kernel and wait for its go (the reply). */
static void report(uint32_t step)
{
	struct iso_report r = {step, check_failures, check_count, denied()};
	int err = tcu_send(A_SEP_K, &r, sizeof(r), A_RPL, step);
	int32_t off;

	if (err) {
		printf("iso-attacker: report %u: %s\n", (unsigned)step, tcu_strerror(err));
		tile_exit(1);
	}
	while ((off = ISO_WAIT(A_RPL)) == TCU_NONE_OFF)
		;
	if (off < 0 || tcu_msg_at((void *)A_RPL_BUF, (uint32_t)off)->label != step) {
		printf("iso-attacker: no go after step %u\n", (unsigned)step);
		tile_exit(1);
	}
	tcu_ack(A_RPL, (uint32_t)off);
}

static void own_eps(void)
{
	struct tcu_ep before, after, forged;
	unsigned d0 = denied();
	uint32_t feat = TCU_REG(TCU_REG_FEATURES);

	tcu_ep_read(A_SEP_FLOOD, &before);
	/* unlimited credits to another target */
	forged = tcu_ep_send(K_X, K_Y, K_REP, LBL_PING, 11, TCU_CRD_UNLIM);
	tcu_ep_write(A_SEP_FLOOD, &forged);
	tcu_ep_read(A_SEP_FLOOD, &after);
	CHECK(memcmp(&before, &after, sizeof(before)) == 0);
	/* make an unconfigured EP a memory EP onto the kernel's SPM */
	forged = tcu_ep_mem(K_X, K_Y, 0, 0x10000, 1, 1);
	tcu_ep_write(A_FREE_EP, &forged);
	tcu_ep_read(A_FREE_EP, &after);
	CHECK(after.w[0] == 0 && after.w[1] == 0 && after.w[2] == 0 && after.w[3] == 0);
	CHECK_EQ(tcu_read(A_FREE_EP, &after, 4, 0), TCU_ERR_NO_MEP);
	CHECK_EQ(denied() - d0, 8); /* every refused word counted */
	/* FEATURES is read-only: no kernel flag for us */
	TCU_REG(TCU_REG_FEATURES) = feat | (uint32_t)SPEC_PUT(TCU_FEAT_KERNEL, 1);
	CHECK_EQ(TCU_REG(TCU_REG_FEATURES), feat);
	CHECK_EQ(SPEC_GET(feat, TCU_FEAT_KERNEL), 0);
	/* the EP still works as configured */
	CHECK_EQ(tcu_send(A_SEP_FLOOD, NULL, 0, 200, 0), TCU_ERR_NO_REP);
	report(S_OWN_EP);
}

static void ext_cmd(void)
{
	unsigned d0 = denied();
	struct tcu_ep before, after;

	tcu_ep_read(A_SEP_FLOOD, &before);
	TCU_REG(TCU_REG_EXT_CMD) = (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) |
					     SPEC_PUT(TCU_EXTCMD_EP, A_SEP_FLOOD) | SPEC_PUT(TCU_EXTCMD_FORCE, 1));
	tcu_ep_read(A_SEP_FLOOD, &after);
	CHECK(memcmp(&before, &after, sizeof(before)) == 0);
	CHECK_EQ(TCU_EP_GET(&after, TCU_EP_TYPE), TCU_EPT_SEND);
	CHECK_EQ(denied() - d0, 1);
	report(S_EXT);
}

static void core_ctrl(void)
{
	unsigned d0 = denied();

	/* if this worked, the core would stop here and the kernel would time out */
	TCU_REG(TCU_REG_CORE_CTRL) = (uint32_t)SPEC_PUT(TCU_CORECTL_HOLD, 1);
	CHECK_EQ(SPEC_GET(TCU_REG(TCU_REG_CORE_CTRL), TCU_CORECTL_HOLD), 0);
	CHECK_EQ(denied() - d0, 1);
	report(S_CORE);
}

static void priv(void)
{
	struct tcu_ep e = tcu_ep_send(A_X, A_Y, A_RPL, 0, 6, TCU_CRD_UNLIM);
	uint32_t w[4] = {0, 0, 0, 0};
	unsigned d0 = denied();

	/* rewrite the victim's control EP, read its EPs */
	CHECK_EQ(tcu_ep_config(V_X, V_Y, V_CTL, &e), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_priv_write(V_X, V_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * V_FLOOD) / 4, e.w, 4),
		 TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_priv_read(V_X, V_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * V_CTL) / 4, w, 4), TCU_ERR_NO_PERM);
	CHECK(w[0] == 0 && w[1] == 0); /* nothing came back */
	/* invalidate its EP, stop its core, then the kernel's */
	CHECK_EQ(tcu_inv_ep(V_X, V_Y, V_CTL, 1, NULL), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_core_hold(V_X, V_Y, 1), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_core_hold(K_X, K_Y, 1), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_ep_config(K_X, K_Y, K_REP, &e), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_inv_ep(K_X, K_Y, K_REP, 1, NULL), TCU_ERR_NO_PERM);
	/* its own registers through the NoC are no different */
	CHECK_EQ(tcu_priv_write(A_X, A_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * A_FREE_EP) / 4, e.w, 4),
		 TCU_ERR_NO_PERM);
	/* PRIV_WR is refused before a packet leaves: no local DENIED either */
	CHECK_EQ(denied() - d0, 0);
	report(S_PRIV);
}

static void mem(void)
{
	uint8_t b[16];
	uint32_t zero[4] = {0, 0, 0, 0};

	memset(b, 0x5a, sizeof(b));
	/* the victim's TCU registers: EP 0, EXT_CMD, CORE_CTRL */
	CHECK_EQ(tcu_read(A_MEP_TCU, b, 16, TCU_REG_EP_BASE), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(b[0], 0x5a);
	CHECK_EQ(tcu_write(A_MEP_TCU, zero, 16, TCU_REG_EP_BASE + TCU_EP_BYTES * V_CTL), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(A_MEP_TCU, zero, 4, TCU_REG_CORE_CTRL), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(A_MEP_TCU, zero, 4, TCU_REG_EXT_CMD), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(A_MEP_TCU, b, 4, TCU_REG_FEATURES), TCU_ERR_OUT_OF_BOUNDS);
	/* the whole device area: console, exit, TCU */
	CHECK_EQ(tcu_write(A_MEP_DEV, "pwned\n", 6, 0), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(A_MEP_DEV, zero, 16, (MM_TCU_BASE - MM_DEV_BASE) + TCU_REG_EP_BASE),
		 TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_read(A_MEP_DEV, b, 4, MM_TCU_BASE - MM_DEV_BASE), TCU_ERR_OUT_OF_BOUNDS);
	/* the kernel tile's TCU */
	CHECK_EQ(tcu_write(A_MEP_K, zero, 16, TCU_REG_EP_BASE + TCU_EP_BYTES * K_REP), TCU_ERR_OUT_OF_BOUNDS);
	CHECK_EQ(tcu_write(A_MEP_K, zero, 4, TCU_REG_CORE_CTRL), TCU_ERR_OUT_OF_BOUNDS);
	/* read-only view of the victim's data: reads work, writes refused */
	CHECK_EQ(tcu_read(A_MEP_V_RO, b, 16, 0), TCU_ERR_NONE);
	for (unsigned i = 0; i < 16; i++)
		CHECK_EQ(b[i], iso_vdata(i));
	CHECK_EQ(tcu_write(A_MEP_V_RO, zero, 16, 0), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_write(A_MEP_V_RO, zero, 16, V_DATA_SIZE), TCU_ERR_NO_PERM);
	CHECK_EQ(tcu_read(A_MEP_V_RO, b, 16, V_DATA_SIZE - 8), TCU_ERR_OUT_OF_BOUNDS);
	report(S_MEM);
}

static void forge(void)
{
	uint32_t fake[8];

	iso_fake(fake);
	CHECK_EQ(tcu_send(A_SEP_FLOOD, fake, sizeof(fake), TCU_NO_EP, 0x0f0f), TCU_ERR_NONE);
	report(S_FORGE);
}

static void flood(void)
{
	uint32_t msg[4] = {0xf1, 0xf2, 0xf3, 0xf4};

	CHECK_EQ(tcu_send(A_SEP_FLOOD, msg, sizeof(msg), TCU_NO_EP, 1), TCU_ERR_NONE);
	for (int i = 0; i < 5; i++)
		CHECK_EQ(tcu_send(A_SEP_FLOOD, msg, sizeof(msg), TCU_NO_EP, 2), TCU_ERR_NO_CREDITS);
	for (int i = 0; i < 20; i++)
		CHECK_EQ(tcu_send(A_SEP_UNL, msg, sizeof(msg), TCU_NO_EP, 3), TCU_ERR_RECV_NO_SPACE);
	report(S_FLOOD);
}

int main(void)
{
	own_eps();
	ext_cmd();
	core_ctrl();
	priv();
	mem();
	forge();
	flood();
	int rc = check_done("iso-attacker");
	report(S_DONE);
	if (rc)
		return rc;
	for (;;) /* the kernel ends the run (an exit here would interleave its output) */
		;
}
