/*
 * sim_mem.h - backdoor access to the memories of a simulated system.
 *
 * Memories register themselves through DPI when the model starts (tile SPMs
 * call sim_spm_register); the harness then reads and writes them by tile
 * number, and loads ELF images into them.
 */
#ifndef SIM_MEM_H
#define SIM_MEM_H

#include <stddef.h>
#include <stdint.h>

#define SIM_MAX_TILES 256

/* Size in bytes of tile's memory, 0 if the tile has none. */
uint32_t sim_mem_size(int tile);
/* Copy len bytes to/from tile's memory at byte address addr.
 * Returns 0, or -1 if the range is outside the memory. */
int sim_mem_write(int tile, uint32_t addr, const void *buf, size_t len);
int sim_mem_read(int tile, uint32_t addr, void *buf, size_t len);
/* Load an ELF32 RISC-V executable into tile's memory (PT_LOAD segments, bss
 * zeroed). Returns 0, or -1 with a message in err (size errlen). */
int sim_mem_load_elf(int tile, const char *path, uint32_t *entry, char *err, size_t errlen);
/* The same from an image of len bytes in memory (name for messages). */
int sim_mem_load_elf_buf(int tile, const char *name, const uint8_t *img, size_t len, uint32_t *entry, char *err,
			 size_t errlen);
/* Read a whole file (malloc'd; *len its size), or NULL with a message in err. */
uint8_t *sim_mem_read_file(const char *path, size_t *len, char *err, size_t errlen);

#endif /* SIM_MEM_H */
