/* tile_sys.c - the single processing tile (tile_top) as a simulated system. */
#include "sim_sys.h"

const char *const sim_sys_name = "sim-tile";

int sim_sys_tiles(void)
{
	return 1;
}

void sim_sys_init(struct shim *s)
{
	sim_sys_console_ready(s, 1);
	shim_set_core_hold_i(s, 0);
	shim_set_irq_i(s, 0);
	shim_set_tcu_ready_i(s, 0);
	shim_set_tcu_rdata_i(s, 0);
	shim_set_spm_en_i(s, 0);
	shim_set_rst_i(s, 1);
	for (int i = 0; i < 4; i++)
		shim_tick(s);
	shim_set_rst_i(s, 0);
}

static int con_ready = 1;

void sim_sys_console_ready(struct shim *s, int ready)
{
	con_ready = ready;
	shim_set_con_ready_i(s, (uint64_t)ready);
}

int sim_sys_poll(struct shim *s, struct sim_ev *ev, int max)
{
	int n = 0;

	if (shim_get_con_valid_o(s) && con_ready && n < max)
		ev[n++] = (struct sim_ev){SIM_EV_CONSOLE, 0, (uint32_t)shim_get_con_data_o(s), 0};
	if (shim_get_ctl_valid_o(s) && n < max)
		ev[n++] = (struct sim_ev){SIM_EV_EXIT, 0, (uint32_t)shim_get_ctl_code_o(s), 0};
	if (shim_get_err_valid_o(s) && n < max)
		ev[n++] = (struct sim_ev){SIM_EV_BUS_ERROR, 0, (uint32_t)shim_get_err_addr_o(s),
					  (uint32_t)shim_get_err_pc_o(s)};
	if (shim_get_trap_o(s) && n < max)
		ev[n++] = (struct sim_ev){SIM_EV_TRAP, 0, 0, 0};
	return n;
}
