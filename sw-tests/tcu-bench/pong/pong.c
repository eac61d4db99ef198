/*
 * pong: the echo side of the TCU benchmark. Follows the schedule in the
 * configuration the kernel wrote (see ping.c): for every payload size, echo
 * warmup + rounds requests unchanged (the reply is sent straight from the
 * receive slot, no copy); then, for the hardware-only figure, answer rounds
 * 8-byte requests with the cycle counter read right after the message became
 * visible (payload word 1). Cycle counters of all tiles count from the same
 * reset, so ping can subtract its own send stamp.
 */
#include <stdio.h>

#include "bench.h"
#include "tcu.h"
#include "tile.h"

static int32_t next(void)
{
	for (;;) {
		int32_t off = tcu_wait(PONG_REP);

		if (off >= 0 && off != (int32_t)TCU_NONE_OFF)
			return off;
		if (off < 0) {
			printf("pong: wait: %s\n", tcu_strerror(-off));
			tile_exit(1);
		}
	}
}

static void fail(int err)
{
	printf("pong: reply: %s\n", tcu_strerror(err));
	tile_exit(1);
}

int main(void)
{
	volatile struct bench_cfg *cfg = bench_cfg();
	uint32_t n = cfg->warmup + cfg->rounds;

	if (cfg->magic != BENCH_MAGIC) {
		printf("pong: no configuration\n");
		return 1;
	}
	for (int i = 0; i < BENCH_NSIZES; i++) {
		uint32_t size = bench_size(i);

		for (uint32_t r = 0; r < n; r++) {
			int32_t off = next();
			int err = tcu_reply(PONG_REP, (const void *)(PONG_RBUF + (uint32_t)off + 16), size, (uint32_t)off);

			if (err)
				fail(err);
		}
	}
	for (uint32_t r = 0; r < cfg->rounds; r++) {
		int32_t off = next();
		uint32_t t1 = tile_cycles32();
		volatile uint32_t *p = (volatile uint32_t *)(PONG_RBUF + (uint32_t)off + 16);

		p[1] = t1;
		int err = tcu_reply(PONG_REP, (const void *)p, 8, (uint32_t)off);
		if (err)
			fail(err);
	}
	/* stay until ping ends the run */
	for (;;)
		;
}
