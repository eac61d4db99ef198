/*
 * gl_bram.h - boot images into the gate-level netlist's block RAMs (DP16KD
 * model), the way ecpbram patches a bitstream.
 */
#ifndef GL_BRAM_H
#define GL_BRAM_H

#include <stdint.h>

/* Called by each DP16KD instance at start-up (DPI import). */
void gl_bram_register(void);

/* DP16KD instances in the netlist. */
int gl_bram_count(void);

/*
 * Replace the placeholder image in from_hex (one word per line, a multiple of
 * 512 words) with to_hex (same geometry) in the block RAMs, bit slice by bit
 * slice. Returns 0, or -1 with a message on stderr when a file is unusable or a
 * slice of the placeholder is not found exactly once.
 */
int gl_bram_swap(const char *from_hex, const char *to_hex);

#endif /* GL_BRAM_H */
