/* con_tb_t1.c - console testbench variant: one tile (the FPGA build's case). */
#include "con_tb.h"

const int con_tb_tiles = 1;

void con_tb_set_codes(struct shim *s, const uint32_t *code)
{
	shim_set_ctl_code_i(s, code[0]);
}
