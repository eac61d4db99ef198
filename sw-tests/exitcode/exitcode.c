/* exitcode: main's return value becomes the simulator's exit status, and the
 * device registers behave (scratch read-back, cycle counter moves, tile id). */
#include <stdio.h>

#include "check.h"
#include "tile.h"

int main(void)
{
	TILE_DEV(MM_DEV_SCRATCH) = 0xa5a55a5a;
	CHECK_EQ(TILE_DEV(MM_DEV_SCRATCH), 0xa5a55a5a);
	*(volatile uint8_t *)(MM_DEV_BASE + MM_DEV_SCRATCH + 1) = 0x11;
	CHECK_EQ(TILE_DEV(MM_DEV_SCRATCH), 0xa5a5115a);
	uint64_t c0 = tile_cycles(), c1 = tile_cycles();
	CHECK(c1 > c0 && c1 - c0 < 1000);
	CHECK_EQ(tile_num(), 0);
	if (check_done("exitcode"))
		return 1;
	printf("returning 42\n");
	return 42;
}
