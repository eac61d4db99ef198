/*
 * tile.h - the tile library: console, cycle counter, tile id, exit.
 * Register offsets come from the generated spec/memmap.h.
 */
#ifndef TILE_H
#define TILE_H

#include <stdint.h>

#include "spec/memmap.h"

#define TILE_DEV(off) (*(volatile uint32_t *)(MM_DEV_BASE + (off)))

/* Write one character to the tile console. */
static inline void tile_putc(char c)
{
	TILE_DEV(MM_DEV_CONSOLE) = (uint8_t)c;
}

/* Write a string to the console (no newline added). */
void tile_puts(const char *s);

/* Cycles since reset (64-bit, read consistently). */
static inline uint64_t tile_cycles(void)
{
	uint32_t lo = TILE_DEV(MM_DEV_CYCLE_LO);

	return ((uint64_t)TILE_DEV(MM_DEV_CYCLE_HI) << 32) | lo;
}

/* Low 32 bits of the cycle counter: cheapest for short intervals. */
static inline uint32_t tile_cycles32(void)
{
	return TILE_DEV(MM_DEV_CYCLE_LO);
}

/* This tile's coordinates and number. */
static inline uint32_t tile_x(void) { return SPEC_GET(TILE_DEV(MM_DEV_TILE_ID), MM_TILEID_X); }
static inline uint32_t tile_y(void) { return SPEC_GET(TILE_DEV(MM_DEV_TILE_ID), MM_TILEID_Y); }
static inline uint32_t tile_num(void) { return SPEC_GET(TILE_DEV(MM_DEV_TILE_ID), MM_TILEID_NUM); }

/* Sort n words ascending (Shell sort, in place: for the sample arrays of benchmarks). */
void tile_sort_u32(uint32_t *a, int n);

/* End the run: 0 = pass, anything else = fail. Never returns. */
__attribute__((noreturn)) void tile_exit(int code);

/* Called by the default interrupt entry: reports and ends the run. */
__attribute__((noreturn)) void tile_unexpected_irq(void);

#endif /* TILE_H */
