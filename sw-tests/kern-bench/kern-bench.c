/*
 * kern-bench: root activity measuring the kernel's noop syscall round trip
 * (send on the syscall EP, the kernel's fetch / decode / reply, the reply
 * fetched and acked) over KB_CALLS calls, as seen by software on the caller's
 * tile. Prints min / median / max in cycles.
 */
#include <stdio.h>

#include "rt.h"
#include "tile.h"

#define KB_CALLS 1000

static uint32_t kb_t[KB_CALLS];

int main(void)
{
	for (int i = 0; i < KB_CALLS; i++) {
		uint32_t t0 = tile_cycles32();
		int err = rt_sys_noop();
		uint32_t t1 = tile_cycles32();

		if (err) {
			printf("kern-bench: noop %d: %s\n", i, rt_strerror(err));
			return 1;
		}
		kb_t[i] = t1 - t0;
	}
	tile_sort_u32(kb_t, KB_CALLS);
	printf("kern-bench: noop syscall round trip over %d calls: min %lu median %lu max %lu cycles\n", KB_CALLS,
	       (unsigned long)kb_t[0], (unsigned long)kb_t[KB_CALLS / 2], (unsigned long)kb_t[KB_CALLS - 1]);
	return 0;
}
