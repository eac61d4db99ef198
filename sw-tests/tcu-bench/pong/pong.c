/*
 * pong: the echo side of the TCU benchmark. Follows the schedule in the
 * configuration the kernel wrote (see ping.c): for every payload size, echo
 * warmup + rounds requests unchanged (the reply is sent straight from the
 * receive slot, no copy); then, for the hardware-only figure, answer rounds
 * 8-byte requests with the cycle counter read right after the message became
 * visible (payload word 1). The hot loop uses the lean driver calls: DATA_*
 * is set once per phase, each reply is one COMMAND store. Cycle counters of all tiles count from the same
 * reset, so ping can subtract its own send stamp.
 */
#include <stdio.h>

#include "bench.h"
#include "tcu.h"
#include "tile.h"

/*
 * The hot path is optimistic: the REPLY for the offset the blocking WAIT
 * returned is issued at once, and both results are checked afterwards. A WAIT
 * that timed out (offset NONE_OFF) makes that REPLY fail with INV_MSG_OFF
 * without side effects, and the loop waits again; any other error ends the
 * run. Returns 1 once a reply went out.
 */
static int replied(uint32_t w, int err)
{
	if (SPEC_GET(w, TCU_CMD_ERR)) {
		printf("pong: wait: %s\n", tcu_strerror((int)SPEC_GET(w, TCU_CMD_ERR)));
		tile_exit(1);
	}
	if (SPEC_GET(w, TCU_CMD_ARG) == TCU_NONE_OFF)
		return 0;
	if (err) {
		printf("pong: reply: %s\n", tcu_strerror(err));
		tile_exit(1);
	}
	return 1;
}

int main(void)
{
	volatile struct bench_cfg *cfg = bench_cfg();
	uint32_t n = cfg->warmup + cfg->rounds;
	/* one slot (ping has one credit): every request sits at PONG_RBUF and
	 * the echo is sent straight from there, so DATA_ADDR never changes */
	volatile uint32_t *p = (volatile uint32_t *)(PONG_RBUF + 16);

	if (cfg->magic != BENCH_MAGIC) {
		printf("pong: no configuration\n");
		return 1;
	}
	for (int i = 0; i < BENCH_NSIZES; i++) {
		tcu_set_data((const void *)p, bench_size(i));
		for (uint32_t r = 0; r < n; r++) {
			uint32_t w;

			do {
				w = tcu_wait_word(PONG_REP);
				tcu_start(tcu_reply_cmd(PONG_REP, w));
			} while (!replied(w, tcu_last_err()));
		}
	}
	tcu_set_data((const void *)p, 8);
	for (uint32_t r = 0; r < cfg->rounds; r++) {
		uint32_t w;

		do {
			uint32_t t1;

			w = wait_stamp(PONG_REP, &t1);
			p[1] = t1;
			tcu_start(tcu_reply_cmd(PONG_REP, w));
		} while (!replied(w, tcu_last_err()));
	}
	/* stay until ping ends the run */
	for (;;)
		;
}
