/*
 * tile_mem.c - memset and memcpy for every firmware program, a word at a time.
 *
 * picolibc as Debian builds it (size-optimised) fills and copies one byte per
 * loop turn: about 16 cycles a byte on a PicoRV32 tile. The kernel clears its
 * 18 KiB state at start-up, which took about 600 000 of a 2x2 boot's 870 000
 * cycles. These versions store aligned 32-bit words, four per loop turn, and fall
 * back to bytes for the unaligned head and tail (memcpy also when source and
 * destination differ in alignment). Linked as objects, they take the place of
 * libc's archive members. prog.mk compiles this file with
 * -fno-tree-loop-distribute-patterns so GCC does not turn the loops back into
 * calls of memset/memcpy. Checked by sw-tests/memops against byte loops.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	uint32_t w = (uint8_t)c * 0x01010101u;

	while (n && ((uintptr_t)d & 3)) {
		*d++ = (uint8_t)c;
		n--;
	}
	for (; n >= 16; n -= 16, d += 16) {
		((uint32_t *)d)[0] = w;
		((uint32_t *)d)[1] = w;
		((uint32_t *)d)[2] = w;
		((uint32_t *)d)[3] = w;
	}
	for (; n >= 4; n -= 4, d += 4)
		*(uint32_t *)d = w;
	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
		while (n && ((uintptr_t)d & 3)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= 16; n -= 16, d += 16, s += 16) {
			uint32_t a = ((const uint32_t *)s)[0], b = ((const uint32_t *)s)[1];
			uint32_t e = ((const uint32_t *)s)[2], f = ((const uint32_t *)s)[3];

			((uint32_t *)d)[0] = a;
			((uint32_t *)d)[1] = b;
			((uint32_t *)d)[2] = e;
			((uint32_t *)d)[3] = f;
		}
		for (; n >= 4; n -= 4, d += 4, s += 4)
			*(uint32_t *)d = *(const uint32_t *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}
