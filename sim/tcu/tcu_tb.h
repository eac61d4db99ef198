/*
 * tcu_tb.h - what the TCU co-simulation (tcu_tb.c: the bench that plays the
 * cores and SPMs of NT TCUs) shares with its experiments (tcu_flood.c).
 */
#ifndef TCU_TB_H
#define TCU_TB_H

#include <stdint.h>

#include "shim.h"
#include "tcu_model.h"

#define NT TB_NT   /* from the ports file (sim/tcu/ports.sh) */
#define SX TB_SX   /* mesh columns: tile t sits at (t % SX, t / SX) */
#define MESH TB_MESH
#define TX(t) ((unsigned)(t) % SX)
#define TY(t) ((unsigned)(t) / SX)
/* index of the tile at (x, y), or -1 */
#define tile_at(x, y) ((x) < SX && (y) * SX + (x) < NT ? (int)((y) * SX + (x)) : -1)
#define MEMSZ 0x10000u
#define NEPS 32

extern struct shim *sim;
extern uint8_t rmem[NT][MEMSZ];          /* the RTL's SPMs (the cores' view) */
extern unsigned long mismatches;
extern unsigned stall_pct;               /* link / MMIO stall probability, percent */

/* one MMIO access per core in flight: set mm_valid (and addr, wdata, wstrb; wstrb 0
 * reads) and step() until mm_done; the read data is in mm_rdata */
extern int mm_valid[NT], mm_done[NT];
extern uint32_t mm_addr[NT], mm_wdata[NT], mm_wstrb[NT], mm_rdata[NT];

uint32_t tb_rnd(void);
void tb_mmio_post(int t, uint32_t off, uint32_t wdata, unsigned wstrb);
void tb_step(void);                      /* one clock cycle of the whole bench */
uint32_t tb_cmd_word(unsigned op, unsigned ep, unsigned arg);
/* the kernel configures EP e of tile t (the model gets it too) */
void tb_cfg_ep(int t, unsigned e, const uint32_t w[4]);

/* T6: flooding experiment (tcu_flood.c); returns the number of failed checks */
unsigned long flood_run(unsigned long cycles);

#endif
