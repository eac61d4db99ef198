/* soc_sys.c - soc_top (kernel tile, processing tiles, memory tile on the
 * mesh) as a simulated system; the tile count comes from the ports file. */
#include <string.h>

#include "sim_sys.h"

#define WORDS(bits) (((bits) + 31) / 32)

const char *const sim_sys_name = "sim-soc";

static uint64_t con_ready = ~0ull;

int sim_sys_tiles(void)
{
	return SOC_TILES;
}

/* read a vector output of w bits per tile into 32-bit words */
#define GET_VEC(s, port, bits, buf)                                      \
	do {                                                             \
		if (SOC_WIDE_##port) {                                   \
			GETW_##port(s, buf);                             \
		} else {                                                 \
			uint64_t v_ = GET_##port(s);                     \
			buf[0] = (uint32_t)v_;                           \
			if (WORDS(bits) > 1)                             \
				buf[1] = (uint32_t)(v_ >> 32);           \
		}                                                        \
	} while (0)

/* the accessor that exists for each port, and a dummy for the other one */
#if SOC_WIDE_con_data_o
#define GETW_con_data_o(s, b) shim_getw_con_data_o(s, b)
#define GET_con_data_o(s) 0
#else
#define GETW_con_data_o(s, b) ((void)(b))
#define GET_con_data_o(s) shim_get_con_data_o(s)
#endif
#if SOC_WIDE_ctl_code_o
#define GETW_ctl_code_o(s, b) shim_getw_ctl_code_o(s, b)
#define GET_ctl_code_o(s) 0
#else
#define GETW_ctl_code_o(s, b) ((void)(b))
#define GET_ctl_code_o(s) shim_get_ctl_code_o(s)
#endif
#if SOC_WIDE_err_addr_o
#define GETW_err_addr_o(s, b) shim_getw_err_addr_o(s, b)
#define GET_err_addr_o(s) 0
#define GETW_err_pc_o(s, b) shim_getw_err_pc_o(s, b)
#define GET_err_pc_o(s) 0
#else
#define GETW_err_addr_o(s, b) ((void)(b))
#define GET_err_addr_o(s) shim_get_err_addr_o(s)
#define GETW_err_pc_o(s, b) ((void)(b))
#define GET_err_pc_o(s) shim_get_err_pc_o(s)
#endif

void sim_sys_console_ready(struct shim *s, int ready)
{
	con_ready = ready ? ~0ull : 0;
	shim_set_con_ready_i(s, con_ready & ((1ull << SOC_TILES) - 1));
}

void sim_sys_init(struct shim *s)
{
	sim_sys_console_ready(s, 1);
	shim_set_rst_i(s, 1);
	for (int i = 0; i < 4; i++)
		shim_tick(s);
	shim_set_rst_i(s, 0);
}

int sim_sys_poll(struct shim *s, struct sim_ev *ev, int max)
{
	uint64_t con = shim_get_con_valid_o(s) & con_ready, ctl = shim_get_ctl_valid_o(s);
	uint64_t err = shim_get_err_valid_o(s), trap = shim_get_trap_o(s);
	uint32_t data[WORDS(SOC_TILES * 32)], addr[WORDS(SOC_TILES * 32)], pc[WORDS(SOC_TILES * 32)];
	int n = 0;

	if (!(con | ctl | err | trap))
		return 0;
	memset(data, 0, sizeof(data));
	GET_VEC(s, con_data_o, SOC_TILES * 8, data);
	for (int t = 0; t < SOC_TILES && n < max; t++)
		if (con >> t & 1)
			ev[n++] = (struct sim_ev){SIM_EV_CONSOLE, t, (data[t / 4] >> (8 * (t % 4))) & 0xff, 0};
	if (ctl) {
		GET_VEC(s, ctl_code_o, SOC_TILES * 32, data);
		for (int t = 0; t < SOC_TILES && n < max; t++)
			if (ctl >> t & 1)
				ev[n++] = (struct sim_ev){SIM_EV_EXIT, t, data[t], 0};
	}
	if (err) {
		GET_VEC(s, err_addr_o, SOC_TILES * 32, addr);
		GET_VEC(s, err_pc_o, SOC_TILES * 32, pc);
		for (int t = 0; t < SOC_TILES && n < max; t++)
			if (err >> t & 1)
				ev[n++] = (struct sim_ev){SIM_EV_BUS_ERROR, t, addr[t], pc[t]};
	}
	for (int t = 0; t < SOC_TILES && n < max; t++)
		if (trap >> t & 1)
			ev[n++] = (struct sim_ev){SIM_EV_TRAP, t, 0, 0};
	return n;
}
