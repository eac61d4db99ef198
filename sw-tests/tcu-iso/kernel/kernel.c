/*
 * iso-kernel (tile 0, the run's main tile): sets up the isolation test. It
 * configures the endpoints of the attacker (tile 1) and the victim (tile 2)
 * through PRIV_WR - including memory EPs that point at TCU registers and
 * devices, which the hardware must still refuse - and starts both cores.
 * After each attack the attacker reports; the kernel then checks that the
 * victim is unaffected: it answers a ping (its served-ping count proves it was
 * never restarted, its own EPs and data are unchanged), its EPs read back as
 * configured, its core runs, no privileged write reached it; and the
 * step-specific effects (attacker's EPs, the victim's flood buffer: hardware-
 * stamped header of the forged message, no message overwritten).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "iso.h"
#include "tcu.h"
#include "tile.h"

#define STEP_CYCLES 4000000u /* an attack step must not take longer */

static uint8_t krbuf[K_RBUF_SIZE] __attribute__((aligned(8)));
static uint8_t kpong[64] __attribute__((aligned(8)));
static struct tcu_ep v_eps[2], a_flood;
static uint32_t pings;

static int cfg(unsigned x, unsigned y, unsigned ep, struct tcu_ep e)
{
	return tcu_ep_config(x, y, ep, &e);
}

static void setup(void)
{
	struct tcu_ep e;

	e = tcu_ep_recv((uint32_t)(uintptr_t)krbuf, 6, 1, K_RPL_EPS);
	tcu_ep_write(K_REP, &e);
	e = tcu_ep_send(V_X, V_Y, V_CTL, LBL_PING, 6, 1);
	tcu_ep_write(K_SEP_V, &e);
	e = tcu_ep_recv((uint32_t)(uintptr_t)kpong, 6, 0, TCU_NO_EP);
	tcu_ep_write(K_RPL, &e);
	e = tcu_ep_mem(V_X, V_Y, V_CTL_BUF, V_DATA + V_DATA_SIZE - V_CTL_BUF, 1, 0);
	tcu_ep_write(K_MEP_V, &e);

	v_eps[0] = tcu_ep_recv(V_CTL_BUF, 6, 1, V_RPL_EPS);
	v_eps[1] = tcu_ep_recv(V_FLOOD_BUF, 7, 1, TCU_NO_EP);
	CHECK_EQ(cfg(V_X, V_Y, V_CTL, v_eps[0]), 0);
	CHECK_EQ(cfg(V_X, V_Y, V_FLOOD, v_eps[1]), 0);

	CHECK_EQ(cfg(A_X, A_Y, A_SEP_K, tcu_ep_send(K_X, K_Y, K_REP, LBL_A, 6, 1)), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_RPL, tcu_ep_recv(A_RPL_BUF, 6, 0, TCU_NO_EP)), 0);
	a_flood = tcu_ep_send(V_X, V_Y, V_FLOOD, LBL_FLOOD, 7, 2);
	CHECK_EQ(cfg(A_X, A_Y, A_SEP_FLOOD, a_flood), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_SEP_UNL, tcu_ep_send(V_X, V_Y, V_FLOOD, LBL_FLOOD + 1, 7, TCU_CRD_UNLIM)), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_MEP_TCU, tcu_ep_mem(V_X, V_Y, MM_TCU_BASE, TCU_WINDOW, 1, 1)), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_MEP_DEV, tcu_ep_mem(V_X, V_Y, MM_DEV_BASE, 0x200000, 1, 1)), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_MEP_K, tcu_ep_mem(K_X, K_Y, MM_TCU_BASE, TCU_WINDOW, 1, 1)), 0);
	CHECK_EQ(cfg(A_X, A_Y, A_MEP_V_RO, tcu_ep_mem(V_X, V_Y, V_DATA, V_DATA_SIZE, 1, 0)), 0);
}

static uint32_t preg(unsigned x, unsigned y, unsigned reg)
{
	uint32_t v = 0xdeadbeef;

	CHECK_EQ(tcu_priv_read(x, y, reg / 4, &v, 1), 0);
	return v;
}

/* Wait for the next unread message of ep, at most STEP_CYCLES. */
static int32_t wait_msg(unsigned ep)
{
	uint32_t t0 = tile_cycles32();
	int32_t off;

	while ((off = tcu_wait(ep)) == TCU_NONE_OFF)
		if (tile_cycles32() - t0 > STEP_CYCLES)
			break;
	return off;
}

/* The victim answers, was never restarted, and is configured as before. */
static void victim_ok(unsigned step)
{
	uint32_t w[8], seq = 0x100 + step;
	int32_t off;

	CHECK_EQ(tcu_send(K_SEP_V, &seq, 4, K_RPL, seq), 0);
	off = wait_msg(K_RPL);
	CHECK_EQ(off, 0);
	if (off == 0) {
		const struct tcu_msg *m = tcu_msg_at(kpong, 0);
		struct iso_pong p;

		memcpy(&p, m->data, sizeof(p));
		CHECK_EQ(m->label, seq);
		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_SRC_X), V_X);
		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_SRC_Y), V_Y);
		CHECK_EQ(p.seq, seq);
		CHECK_EQ(p.count, ++pings);
		CHECK_EQ(p.magic, V_MAGIC);
		CHECK_EQ(p.eps_ok, 1);
		CHECK_EQ(tcu_ack(K_RPL, 0), 0);
	}
	CHECK_EQ(tcu_priv_read(V_X, V_Y, TCU_REG_EP_BASE / 4, w, 8), 0);
	for (int e = 0; e < 2; e++)
		CHECK((w[4 * e] & ISO_REP_W0_FIXED) == v_eps[e].w[0] && w[4 * e + 1] == v_eps[e].w[1]);
	CHECK_EQ(w[2], 0); /* V_CTL: the ping was answered */
	CHECK_EQ(SPEC_GET(preg(V_X, V_Y, TCU_REG_CORE_CTRL), TCU_CORECTL_HOLD), 0);
	CHECK_EQ(SPEC_GET(preg(V_X, V_Y, TCU_REG_STATUS), TCU_STATUS_DENIED), 0);
	/* the kernel's own EPs are intact */
	CHECK_EQ(TCU_EP_REG(K_REP, 0) & ISO_REP_W0_FIXED,
		 tcu_ep_recv((uint32_t)(uintptr_t)krbuf, 6, 1, K_RPL_EPS).w[0]);
	CHECK_EQ(TCU_EP_REG(K_REP, 1), (uint32_t)(uintptr_t)krbuf);
	CHECK_EQ(SPEC_GET(TCU_REG(TCU_REG_CORE_CTRL), TCU_CORECTL_HOLD), 0);
	(void)step;
}

/* The victim's flood buffer: slot 0 holds the forged message, slot 1 (after
 * the flood) the second one; what the headers say comes from the hardware. */
static void check_flood(unsigned slots)
{
	uint32_t w[4], fake[8], slot[16];

	CHECK_EQ(tcu_priv_read(V_X, V_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * V_FLOOD) / 4, w, 4), 0);
	CHECK_EQ(w[2], slots); /* OCC */
	CHECK_EQ(w[3], slots); /* UNREAD: the victim never fetched */
	iso_fake(fake);
	CHECK_EQ(tcu_read(K_MEP_V, slot, 64, V_FLOOD_BUF - V_CTL_BUF), 0);
	CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_SRC_X), A_X);
	CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_SRC_Y), A_Y);
	CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_REPLY), 0);
	CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_LEN), sizeof(fake));
	CHECK_EQ(SPEC_GET(slot[1], TCU_HDR1_SND_EP), A_SEP_FLOOD);
	CHECK_EQ(SPEC_GET(slot[1], TCU_HDR1_RPL_EP), TCU_NO_EP);
	CHECK_EQ(slot[2], 0x0f0f); /* reply label: software's, as documented */
	CHECK_EQ(slot[3], LBL_FLOOD);
	CHECK(memcmp(slot + 4, fake, sizeof(fake)) == 0);
	if (slots == 3) {
		CHECK_EQ(tcu_read(K_MEP_V, slot, 32, V_FLOOD_BUF - V_CTL_BUF + 128), 0);
		CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_SRC_X), A_X);
		CHECK_EQ(SPEC_GET(slot[0], TCU_HDR0_LEN), 16);
		CHECK_EQ(slot[2], 1);
		CHECK_EQ(slot[3], LBL_FLOOD);
		CHECK(slot[4] == 0xf1 && slot[7] == 0xf4);
	}
}

int main(void)
{
	struct iso_report r = {0, 0, 0, 0};
	struct tcu_ep e;
	unsigned expect_denied[S_DONE + 1] = {0, 8, 9, 10, 10, 10, 10, 10, 10};

	setup();
	CHECK_EQ(tcu_core_hold(V_X, V_Y, 0), 0);
	CHECK_EQ(tcu_core_hold(A_X, A_Y, 0), 0);
	for (unsigned step = S_OWN_EP; step <= S_DONE; step++) {
		int32_t off = wait_msg(K_REP);

		if (off < 0 || off == TCU_NONE_OFF) {
			printf("iso-kernel: no report for step %u\n", step);
			CHECK(0);
			break;
		}
		const struct tcu_msg *m = tcu_msg_at(krbuf, (uint32_t)off);
		memcpy(&r, m->data, sizeof(r));
		CHECK_EQ(m->label, LBL_A);
		CHECK_EQ(SPEC_GET(m->hdr0, TCU_HDR0_SRC_X), A_X);
		CHECK_EQ(r.step, step);
		CHECK_EQ(r.denied, expect_denied[step]);
		CHECK_EQ(SPEC_GET(preg(A_X, A_Y, TCU_REG_STATUS), TCU_STATUS_DENIED), expect_denied[step]);
		victim_ok(step);
		switch (step) {
		case S_OWN_EP:
		case S_EXT:
			CHECK_EQ(tcu_priv_read(A_X, A_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * A_SEP_FLOOD) / 4, e.w, 4), 0);
			CHECK(memcmp(&e, &a_flood, sizeof(e)) == 0);
			CHECK_EQ(tcu_priv_read(A_X, A_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * A_FREE_EP) / 4, e.w, 4), 0);
			CHECK(e.w[0] == 0 && e.w[1] == 0 && e.w[2] == 0 && e.w[3] == 0);
			break;
		case S_MEM: {
			uint8_t d[V_DATA_SIZE];

			CHECK_EQ(tcu_read(K_MEP_V, d, V_DATA_SIZE, V_DATA - V_CTL_BUF), 0);
			for (unsigned i = 0; i < V_DATA_SIZE; i++)
				if (d[i] != iso_vdata(i)) {
					CHECK_EQ(d[i], iso_vdata(i));
					break;
				}
			break;
		}
		case S_FORGE:
			check_flood(1);
			break;
		case S_FLOOD:
			check_flood(3);
			break;
		case S_DONE:
			CHECK_EQ(r.failures, 0);
			CHECK(r.checks > 50);
			break;
		}
		CHECK_EQ(tcu_reply(K_REP, NULL, 0, (uint32_t)off), 0);
		if (r.step != step)
			break;
	}
	/* what the attacker could not do, the kernel can: stop its core */
	CHECK_EQ(tcu_core_hold(A_X, A_Y, 1), 0);
	CHECK_EQ(SPEC_GET(preg(A_X, A_Y, TCU_REG_CORE_CTRL), TCU_CORECTL_HOLD), 1);
	victim_ok(S_DONE + 1);
	printf("iso-kernel: %u attack steps checked, victim answered %u pings\n", (unsigned)r.step,
	       (unsigned)pings);
	return check_done("iso-kernel");
}
