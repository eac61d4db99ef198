/*
 * ping: sends PP_ROUNDS 8-byte messages to pong and waits for each 8-byte
 * reply; checks every payload and prints the round-trip cycles (min, median,
 * max) as seen by software. The run's main tile.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "pingpong.h"
#include "tcu.h"
#include "tile.h"

static uint32_t rtt[PP_ROUNDS];

int main(void)
{
	uint32_t msg[2], bad = 0;

	for (uint32_t r = 0; r < PP_ROUNDS; r++) {
		msg[0] = r, msg[1] = ~r;
		uint32_t t0 = tile_cycles32();
		int err = tcu_send(PP_SEP, msg, 8, PP_RPL_REP, r);
		int32_t off = err ? -err : tcu_wait(PP_RPL_REP);
		uint32_t t1 = tile_cycles32();

		if (off < 0 || off == TCU_NONE_OFF) {
			printf("ping: round %u: %s\n", (unsigned)r, tcu_strerror(off < 0 ? -off : 0));
			return 1;
		}
		const struct tcu_msg *m = tcu_msg_at((void *)PP_RPLBUF, (uint32_t)off);
		const uint32_t *p = (const uint32_t *)m->data;
		bad += m->label != r || tcu_msg_len(m) != 8 || p[0] != r + 1 || p[1] != ~(r + 1);
		tcu_ack(PP_RPL_REP, (uint32_t)off);
		rtt[r] = t1 - t0;
	}
	CHECK_EQ(bad, 0);
	tile_sort_u32(rtt, PP_ROUNDS);
	printf("ping: %d rounds, 8 B + 8 B, round trip min %u median %u max %u cycles\n", PP_ROUNDS,
	       (unsigned)rtt[0], (unsigned)rtt[PP_ROUNDS / 2], (unsigned)rtt[PP_ROUNDS - 1]);
	return check_done("ping");
}
