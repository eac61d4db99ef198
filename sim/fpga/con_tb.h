/*
 * con_tb.h - what one variant of the console testbench (number of tiles) gives
 * the generic testbench con_tb.c: the tile count and the port access that
 * depends on the port widths.
 */
#ifndef CON_TB_H
#define CON_TB_H

#include <stdint.h>

#include "shim.h"

#define CON_TB_MAX_TILES 4

extern const int con_tb_tiles;
/* Drive ctl_code_i: code[t] for tile t. */
void con_tb_set_codes(struct shim *s, const uint32_t *code);

#endif /* CON_TB_H */
