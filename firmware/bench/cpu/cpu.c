/*
 * cpu: a CPU-bound mix (insertion sort, CRC-32, multiply-accumulate, division)
 * on one tile, then the tile library's memset and memcpy on 1 KiB. Prints
 * cycles per kernel and the totals, so the host can compute the simulator's
 * speed and the core's cycles per iteration. Self-checking: wrong results fail
 * the run.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tile.h"

#define N 256

static uint32_t data[N], copy[N];

/* through pointers: the library's functions, not GCC's expansion of the builtins */
static void *(*volatile set_fn)(void *, int, size_t) = memset;
static void *(*volatile cpy_fn)(void *, const void *, size_t) = memcpy;

static uint32_t rng = 1;
static uint32_t rnd(void)
{
	rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
	return rng;
}

static void sort(void)
{
	for (int i = 1; i < N; i++) {
		uint32_t v = data[i];
		int j = i - 1;

		while (j >= 0 && data[j] > v)
			data[j + 1] = data[j], j--;
		data[j + 1] = v;
	}
}

static uint32_t crc32(const uint8_t *p, int n)
{
	uint32_t c = 0xffffffffu;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return ~c;
}

int main(void)
{
	int rounds = 20;
	uint32_t t0 = tile_cycles32(), t_sort = 0, t_crc = 0, t_mac = 0, chk = 0;

	for (int r = 0; r < rounds; r++) {
		uint32_t a;
		uint64_t acc = 0;

		for (int i = 0; i < N; i++)
			data[i] = rnd();
		a = tile_cycles32();
		sort();
		t_sort += tile_cycles32() - a;
		for (int i = 1; i < N; i++)
			if (data[i - 1] > data[i]) {
				printf("cpu: sort failed at %d\n", i);
				return 1;
			}
		a = tile_cycles32();
		chk ^= crc32((const uint8_t *)data, sizeof(data));
		t_crc += tile_cycles32() - a;
		a = tile_cycles32();
		for (int i = 0; i < N; i++)
			acc += (uint64_t)data[i] * (data[N - 1 - i] | 1) + data[i] / ((data[(i + 1) % N] >> 20) | 1);
		t_mac += tile_cycles32() - a;
		chk ^= (uint32_t)acc ^ (uint32_t)(acc >> 32);
	}
	printf("cpu: %d rounds of %d words: sort %u, crc32 %u, mac+div %u cycles per round; check 0x%08x\n",
	       rounds, N, (unsigned)(t_sort / rounds), (unsigned)(t_crc / rounds), (unsigned)(t_mac / rounds),
	       (unsigned)chk);
	printf("PERF tile.sort_256 %u cycles\n", (unsigned)(t_sort / rounds));
	printf("PERF tile.crc32_1KiB %u cycles\n", (unsigned)(t_crc / rounds));
	printf("PERF tile.mac_div_256 %u cycles\n", (unsigned)(t_mac / rounds));
	uint32_t t_set = tile_cycles32();
	set_fn(copy, 0x5a, sizeof(copy));
	t_set = tile_cycles32() - t_set;
	for (int i = 0; i < N; i++)
		if (copy[i] != 0x5a5a5a5aU) {
			printf("cpu: memset failed at word %d\n", i);
			return 1;
		}
	uint32_t t_cpy = tile_cycles32();
	cpy_fn(copy, data, sizeof(copy));
	t_cpy = tile_cycles32() - t_cpy;
	for (int i = 0; i < N; i++)
		if (copy[i] != data[i]) {
			printf("cpu: memcpy failed at word %d\n", i);
			return 1;
		}
	printf("cpu: 1 KiB memset %u, memcpy %u cycles\n", (unsigned)t_set, (unsigned)t_cpy);
	printf("PERF tile.memset_1KiB %u cycles\n", (unsigned)t_set);
	printf("PERF tile.memcpy_1KiB %u cycles\n", (unsigned)t_cpy);
	printf("cpu: total %u cycles\n", (unsigned)(tile_cycles32() - t0));
	return 0;
}
