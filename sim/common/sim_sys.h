/*
 * sim_sys.h - what a simulated system (one Verilated top) gives the generic
 * simulator main (sim_main.c). One implementation per system top.
 */
#ifndef SIM_SYS_H
#define SIM_SYS_H

#include <stdint.h>

#include "shim.h"

enum sim_ev_kind { SIM_EV_CONSOLE, SIM_EV_EXIT, SIM_EV_BUS_ERROR, SIM_EV_TRAP };

struct sim_ev {
	enum sim_ev_kind kind;
	int tile;
	uint32_t a, b; /* console: a = byte; exit: a = code; bus error: a = addr, b = pc */
};

#define SIM_EV_MAX 64

/* Name of the system (for messages) and its number of tiles. */
extern const char *const sim_sys_name;
int sim_sys_tiles(void);
/* Drive the inputs that stay constant (console ready, tie-offs) and reset. */
void sim_sys_init(struct shim *s);
/* Drive the console sinks' ready for the next cycle (back-pressure tests). */
void sim_sys_console_ready(struct shim *s, int ready);
/* Before a tick (inputs set, model evaluated): collect what the coming clock
 * edge completes (console bytes, exit) and what has happened (bus error,
 * trap) into ev; returns the count. */
int sim_sys_poll(struct shim *s, struct sim_ev *ev, int max);

#endif /* SIM_SYS_H */
