/*
 * rt_elf.h - ELF32 RISC-V loader shared by the kernel (root's image) and the
 * runtime (children's images). It reads the image and writes the target memory
 * through callbacks (TCU memory EPs on a tile, plain buffers in host tests), and
 * checks every header field and every segment before it writes anything, so a
 * malformed image is refused with KIF_ERR_BAD_ELF and the target stays untouched.
 */
#ifndef RT_ELF_H
#define RT_ELF_H

#include <stdint.h>

#define RT_ELF_MAX_PHDRS 16

struct rt_elf_io {
	void *ctx;
	/* copy n bytes at offset off of the image to dst: 0 or an error */
	int (*read)(void *ctx, uint32_t off, void *dst, uint32_t n);
	/* copy n bytes from src to address addr of the target memory: 0 or an error */
	int (*write)(void *ctx, uint32_t addr, const void *src, uint32_t n);
	uint32_t img_size; /* bytes of the image */
	uint32_t mem_lo;   /* segments must lie in [mem_lo, mem_hi); the entry must be mem_lo */
	uint32_t mem_hi;
};

/* Load the PT_LOAD segments (bss zeroed). Returns 0 (*entry set), KIF_ERR_BAD_ELF,
 * or the error of a callback. */
int rt_elf_load(const struct rt_elf_io *io, uint32_t *entry);

#endif /* RT_ELF_H */
