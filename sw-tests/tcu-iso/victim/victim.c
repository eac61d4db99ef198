/*
 * iso-victim (tile 2): answers every ping of the kernel on V_CTL with the
 * ping's sequence number, the number of pings served since the core started
 * (a restarted core would count from 1 again), and whether its own endpoint
 * configuration is still the one it found at start. It never fetches V_FLOOD,
 * where the attacker's messages arrive; the kernel inspects that buffer.
 */
#include <stdint.h>

#include "iso.h"
#include "tcu.h"

int main(void)
{
	uint32_t ctl[2], flood[2], count = 0;
	volatile uint8_t *data = (volatile uint8_t *)V_DATA;

	for (unsigned i = 0; i < V_DATA_SIZE; i++)
		data[i] = iso_vdata(i);
	/* word 0 without the read/write positions, word 1 = buffer */
	for (int w = 0; w < 2; w++) {
		ctl[w] = TCU_EP_REG(V_CTL, w) & (w ? ~0u : ISO_REP_W0_FIXED);
		flood[w] = TCU_EP_REG(V_FLOOD, w) & (w ? ~0u : ISO_REP_W0_FIXED);
	}
	for (;;) {
		int32_t off = ISO_WAIT(V_CTL);
		struct iso_pong p;

		if (off < 0 || off == TCU_NONE_OFF)
			continue;
		const struct tcu_msg *m = tcu_msg_at((void *)V_CTL_BUF, (uint32_t)off);
		p.seq = m->data[0] | (uint32_t)m->data[1] << 8 | (uint32_t)m->data[2] << 16 |
			(uint32_t)m->data[3] << 24;
		p.count = ++count;
		p.magic = m->label == LBL_PING && SPEC_GET(m->hdr0, TCU_HDR0_SRC_X) == K_X &&
				  SPEC_GET(m->hdr0, TCU_HDR0_SRC_Y) == K_Y
			  ? V_MAGIC
			  : 0;
		p.eps_ok = 1;
		for (int w = 0; w < 2; w++)
			p.eps_ok &= (TCU_EP_REG(V_CTL, w) & (w ? ~0u : ISO_REP_W0_FIXED)) == ctl[w] &&
				    (TCU_EP_REG(V_FLOOD, w) & (w ? ~0u : ISO_REP_W0_FIXED)) == flood[w];
		for (unsigned i = 0; i < V_DATA_SIZE; i++)
			p.eps_ok &= data[i] == iso_vdata(i);
		tcu_reply(V_CTL, &p, sizeof(p), (uint32_t)off);
	}
}
