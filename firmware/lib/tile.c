/* tile.c - tile library: console for picolibc's stdio, exit, unexpected irq. */
#include <stdio.h>

#include "tile.h"

void tile_puts(const char *s)
{
	while (*s)
		tile_putc(*s++);
}

__attribute__((noreturn)) void tile_exit(int code)
{
	for (;;)
		TILE_DEV(MM_DEV_SIMCTL) = (uint32_t)code;
}

/* picolibc: exit() ends here */
__attribute__((noreturn)) void _exit(int code)
{
	tile_exit(code);
}

__attribute__((noreturn)) void tile_unexpected_irq(void)
{
	tile_puts("tile: unexpected interrupt\n");
	tile_exit(0x1e);
}

static int console_put(char c, FILE *f)
{
	(void)f;
	tile_putc(c);
	return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &console;
FILE *const stderr = &console;

void tile_sort_u32(uint32_t *a, int n)
{
	for (int gap = n / 2; gap > 0; gap /= 2)
		for (int i = gap; i < n; i++) {
			uint32_t v = a[i];
			int j = i;

			for (; j >= gap && a[j - gap] > v; j -= gap)
				a[j] = a[j - gap];
			a[j] = v;
		}
}
