/*
 * bench.h - layout shared by the TCU benchmark programs (bench kernel, ping,
 * pong). The kernel configures the endpoints below, writes a struct bench_cfg
 * to BENCH_CFG on both user tiles through a memory EP, then starts them.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#include "spec/memmap.h"
#include "spec/tcu.h"

/* SPM layout on the user tiles (programs stay below BENCH_CFG) */
#define BENCH_CFG 0x7f00u    /* struct bench_cfg, written by the kernel */
#define PING_SBUF 0x8000u    /* ping: message payloads (2 KiB) */
#define PING_RBUF 0x8800u    /* ping: reply receive buffer, 1 slot of 2 KiB */
#define PING_BW_SRC 0x9000u  /* ping: WRITE source (BENCH_BW_MAX bytes) */
#define PING_BW_DST 0xb000u  /* ping: READ destination (BENCH_BW_MAX bytes) */
#define PONG_RBUF 0x8000u    /* pong: request receive buffer, 1 slot of 2 KiB */

#define BENCH_SLOT_ORDER 11  /* 2 KiB slots: the largest message (header included) */
#define BENCH_MAX_PAYLOAD ((1u << BENCH_SLOT_ORDER) - 16u)
#define BENCH_BW_MAX 0x2000u /* largest READ/WRITE of the sweep */

/* EPs */
#define PING_SEP 0      /* ping: send EP to pong's PONG_REP */
#define PING_RPL_REP 2  /* ping: receive EP for the replies */
#define PING_MEP 3      /* ping: memory EP onto the memory tile */
#define PONG_REP 1      /* pong: receive EP for the requests */
#define PONG_RPL_EPS 8  /* pong: first reply EP (1 slot: 8) */
#define KERN_MEP 1      /* kernel: memory EP used to write the configuration */
#define BENCH_LABEL 0xbe4c
#define BENCH_MEM_BASE 0x10000u /* region of the memory tile the memory EP covers */
#define BENCH_MEM_SIZE 0x10000u

#define BENCH_MAGIC 0x7c0be4c1u
#define BENCH_NSIZES 9 /* payloads 8 .. 2048 B in powers of two (2048 -> BENCH_MAX_PAYLOAD) */

struct bench_cfg {
	uint32_t magic;
	uint32_t rounds;   /* measured round trips per payload size */
	uint32_t warmup;   /* unmeasured round trips before them */
	uint32_t hops;     /* NoC hops between ping and pong */
	uint32_t mem_hops; /* NoC hops between ping and the memory tile */
	uint32_t bw_reps;  /* repetitions of each READ/WRITE size */
	uint32_t pong_x, pong_y; /* pong's tile: the source of every reply */
};

/*
 * Cycle stamps next to the TCU accesses, in inline assembly so that the
 * compiler puts nothing between the two bus accesses:
 * stamp_start: read the cycle counter, then store cmd to COMMAND;
 * wait_stamp: blocking WAIT load on receive EP ep, then read the counter;
 * stamp_cost: two back-to-back counter reads (the cost of one stamp).
 */
static inline uint32_t stamp_start(uint32_t cmd)
{
	uint32_t t;

	__asm__ volatile("lw %0, %c2(%1)\n\tsw %3, %c5(%4)"
			 : "=&r"(t)
			 : "r"(MM_DEV_BASE), "i"(MM_DEV_CYCLE_LO), "r"(cmd), "r"(MM_TCU_BASE), "i"(TCU_REG_COMMAND)
			 : "memory");
	return t;
}

static inline uint32_t wait_stamp(unsigned ep, uint32_t *t)
{
	uint32_t w, c;

	__asm__ volatile("lw %0, %c3(%2)\n\tlw %1, %c5(%4)"
			 : "=&r"(w), "=&r"(c)
			 : "r"(MM_TCU_BASE), "i"(TCU_REG_WAIT_BASE + 4 * ep), "r"(MM_DEV_BASE), "i"(MM_DEV_CYCLE_LO)
			 : "memory");
	*t = c;
	return w;
}

static inline uint32_t stamp_cost(void)
{
	uint32_t a, b;

	__asm__ volatile("lw %0, %c3(%2)\n\tlw %1, %c3(%2)"
			 : "=&r"(a), "=&r"(b)
			 : "r"(MM_DEV_BASE), "i"(MM_DEV_CYCLE_LO)
			 : "memory");
	return b - a;
}

static inline volatile struct bench_cfg *bench_cfg(void)
{
	return (volatile struct bench_cfg *)BENCH_CFG;
}

/* payload size of step i of the sweep */
static inline uint32_t bench_size(int i)
{
	uint32_t s = 8u << i;

	return s > BENCH_MAX_PAYLOAD ? BENCH_MAX_PAYLOAD : s;
}
#endif
