/*
 * spm_tb.c - unit testbench of tile_spm with the TCU's 64-bit port B (WideB = 1):
 * random reads and writes with random byte enables and idle cycles on both
 * ports (A: 32-bit words, B: 64-bit dwords), against a C model of the memory.
 * Checks: read data one cycle after the request (read-before-write on the same
 * port), byte enables, both halves of a dword, port B winning a same-byte write
 * collision, the DPI backdoor. Usage: spm-tb [cycles] [+verilator+seed+N]
 */
#include <stdio.h>
#include <stdlib.h>

#include "shim.h"
#include "sim_mem.h"

#define WORDS 1024 /* SpmBytes = 4096 */

static uint32_t model[WORDS];
static uint64_t rng = 88172645463325252ull;

static uint32_t rnd(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (uint32_t)rng;
}

static uint32_t merge(uint32_t old, uint32_t data, unsigned we)
{
	for (int i = 0; i < 4; i++)
		if (we & (1u << i))
			old = (old & ~(0xffu << (8 * i))) | (data & (0xffu << (8 * i)));
	return old;
}

int main(int argc, char **argv)
{
	long cycles = argc > 1 && argv[1][0] != '+' ? atol(argv[1]) : 200000;
	struct shim *s = shim_new(argc, argv);
	unsigned errors = 0, reads = 0, writes = 0, collisions = 0;
	int a_pend = 0, b_pend = 0;
	uint32_t a_exp = 0;
	uint64_t b_exp = 0;

	/* the backdoor loads a known image first */
	for (uint32_t w = 0; w < WORDS; w++) {
		model[w] = w * 0x9e3779b9u;
		sim_mem_write(0, w * 4, &model[w], 4);
	}
	for (long c = 0; c < cycles; c++) {
		int a_en = rnd() % 100 < 60, b_en = rnd() % 100 < 60;
		unsigned a_we = rnd() % 3 ? 0 : rnd() & 15, b_we = rnd() % 3 ? 0 : rnd() & 255;
		/* a small hot window makes collisions frequent; B addresses dwords */
		uint32_t a_addr = rnd() % 4 ? rnd() % 8 : rnd() % WORDS;
		uint32_t b_addr = rnd() % 4 ? rnd() % 4 : rnd() % (WORDS / 2);
		uint32_t a_data = rnd();
		uint64_t b_data = (uint64_t)rnd() << 32 | rnd();

		shim_set_a_en_i(s, a_en), shim_set_a_we_i(s, a_we), shim_set_a_addr_i(s, a_addr);
		shim_set_a_wdata_i(s, a_data);
		shim_set_b_en_i(s, b_en), shim_set_b_we_i(s, b_we), shim_set_b_addr_i(s, b_addr);
		shim_set_b_wdata_i(s, b_data);
		shim_tick(s);
		/* read-before-write: the data read is the old word */
		if (a_en)
			a_exp = model[a_addr], a_pend = 1, reads++;
		if (b_en)
			b_exp = (uint64_t)model[2 * b_addr + 1] << 32 | model[2 * b_addr], b_pend = 1, reads++;
		if (a_en && a_we)
			model[a_addr] = merge(model[a_addr], a_data, a_we), writes++;
		if (b_en && b_we) {
			unsigned lo = b_we & 15, hi = b_we >> 4;

			collisions += a_en && a_we && a_addr >> 1 == b_addr && (a_we & (a_addr & 1 ? hi : lo));
			model[2 * b_addr] = merge(model[2 * b_addr], (uint32_t)b_data, lo);
			model[2 * b_addr + 1] = merge(model[2 * b_addr + 1], (uint32_t)(b_data >> 32), hi);
			writes++;
		}
		/* rdata holds until the port is used again */
		if (a_pend && (uint32_t)shim_get_a_rdata_o(s) != a_exp && errors++ < 10)
			printf("cycle %ld: port A read 0x%08x, expected 0x%08x\n", c, (unsigned)shim_get_a_rdata_o(s), a_exp);
		if (b_pend && (uint64_t)shim_get_b_rdata_o(s) != b_exp && errors++ < 10)
			printf("cycle %ld: port B read 0x%016llx, expected 0x%016llx\n", c,
			       (unsigned long long)shim_get_b_rdata_o(s), (unsigned long long)b_exp);
	}
	for (uint32_t w = 0; w < WORDS; w++) {
		uint32_t v;

		sim_mem_read(0, w * 4, &v, 4);
		if (v != model[w] && errors++ < 10)
			printf("word %u: backdoor reads 0x%08x, model 0x%08x\n", w, v, model[w]);
	}
	printf("spm: %ld cycles, %u reads, %u writes, %u same-byte collisions, %u errors\n", cycles, reads,
	       writes, collisions, errors);
	shim_free(s);
	return errors ? 1 : 0;
}
