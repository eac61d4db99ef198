/* con_tb_t3.c - console testbench variant: three tiles (arbitration). */
#include "con_tb.h"

const int con_tb_tiles = 3;

void con_tb_set_codes(struct shim *s, const uint32_t *code)
{
	shim_setw_ctl_code_i(s, code);
}
