/*
 * tcu_tb.c - unit testbench of the TCU RTL (rtl/tcu) against the reference
 * model (sim/common/tcu_model.c).
 *
 * NT TCUs (tile i at (i % SX, i / SX), tile 0 = kernel tile) in tcu_tb_top; NT,
 * SX and MESH come from the generated ports file (sim/tcu/ports.sh). This file
 * plays their cores (MMIO) and their SPMs (C arrays, 1-cycle read latency). With
 * MESH 0 it also plays a behavioural wormhole crossbar per network that stamps
 * SRC like the network interface, drops packets to tiles that do not exist, and
 * stalls randomly; with MESH 1 the TCUs sit on the real NoC (noc_mesh) and the
 * bench stalls every link at random.
 * Directed checks run first (latency, privilege, forged packets), then random
 * command sequences; every command's error, result, all memories and all EP
 * registers are compared with the model.
 *
 *   tcu_tb [-n commands] [-s seed] [-p stall_percent] [-t trace.fst]
 * Prints "tcu_tb: ... N mismatches" and exits 1 on any mismatch or hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spec/noc.h"
#include "tcu_tb.h"

#define VW(bits) (((bits) + 31) / 32)
#define HELD_MASK (((1ull << NT) - 1) & ~1ull) /* cores held after reset: all but the kernel's */
#define QCAP 8192
#define QDEPTH 4 /* flits a link + router buffer holds */
#define HANG_CYCLES 200000ul
#define SCRATCH 0xF000u /* kernel SPM scratch for PRIV data */

struct shim *sim;
uint8_t rmem[NT][MEMSZ];
static uint8_t mmem[NT][MEMSZ];
static struct tm_sys msys;
static struct tm_tile mt[NT];
unsigned long mismatches;
static unsigned long ncmds;
static unsigned long hist[16][32]; /* [opcode][error] */
unsigned stall_pct = 25;
static uint64_t rng = 88172645463325252ull;

uint32_t tb_rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static int chance(unsigned pct)
{
	return tb_rnd() % 100 < pct;
}

#define FAIL(...)                                                   \
	do {                                                        \
		mismatches++;                                       \
		if (mismatches < 30) {                              \
			printf("MISMATCH @%llu: ", (unsigned long long)shim_cycle(sim)); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

/* ------------------------------------------------------------ bit vectors */

static uint64_t vget(const uint32_t *v, unsigned lsb, unsigned w)
{
	unsigned i = lsb / 32, sh = lsb % 32;
	uint64_t r = v[i] >> sh;

	if (sh + w > 32)
		r |= (uint64_t)v[i + 1] << (32 - sh);
	if (sh + w > 64)
		r |= (uint64_t)v[i + 2] << (64 - sh);
	return w < 64 ? r & ((1ull << w) - 1) : r;
}

static void vset(uint32_t *v, unsigned lsb, unsigned w, uint64_t x)
{
	while (w) {
		unsigned i = lsb / 32, sh = lsb % 32, n = 32 - sh < w ? 32 - sh : w;
		uint32_t m = (n == 32 ? 0xffffffffu : ((1u << n) - 1)) << sh;

		v[i] = (v[i] & ~m) | ((uint32_t)(x << sh) & m);
		x >>= n;
		lsb += n;
		w -= n;
	}
}

/* ------------------------------------------------------------ crossbar (MESH 0) */

struct flit {
	uint64_t data;
	int last;
};

struct queue {
	struct flit f[QCAP];
	unsigned head, n;
};

static struct queue q[2][NT];   /* [net][destination] */
static int owner[2][NT];        /* source that holds the destination, -1 none */
static int src_state[2][NT];    /* -1 between packets, -2 dropping, else destination */
static unsigned long dropped_pkts;
static unsigned long abort_writes; /* SPM writes granted in an abort cycle (coverage) */

/* coordinates of tile t, or of a tile that does not exist for t == NT */
#if MESH
#define MISSING_X(t) ((t) < NT ? TX(t) : SX) /* beyond the mesh: the NI drops it */
#define MISSING_Y(t) ((t) < NT ? TY(t) : 0)
#else
#define MISSING_X(t) TX(t) /* (1, 1) with 3 tiles on 2 columns: no TCU there */
#define MISSING_Y(t) TY(t)
#endif

static int debug;

#if !MESH
static int in_valid[2][NT];

static int tile_of(unsigned x, unsigned y)
{
	unsigned i = y * SX + x;

	return (x < SX && i < NT) ? (int)i : -1;
}

static void qpush(struct queue *qq, uint64_t d, int last)
{
	if (debug)
		printf("  @%llu q%d flit %016llx%s\n", (unsigned long long)shim_cycle(sim), (int)(qq - &q[0][0]),
		       (unsigned long long)d, last ? " last" : "");
	if (qq->n == QCAP) {
		printf("tcu_tb: crossbar queue overflow\n");
		exit(2);
	}
	qq->f[(qq->head + qq->n) % QCAP] = (struct flit){ d, last };
	qq->n++;
}
#endif

/* ------------------------------------------------------------ cycle loop */

int mm_valid[NT];
uint32_t mm_addr[NT], mm_wdata[NT], mm_wstrb[NT], mm_rdata[NT];
int mm_done[NT];
static uint64_t spm_rdata[NT]; /* SPM port B: 64 bits */
static int irq_seen[NT];
/* optional per-cycle observer of the flits each tile injects (mesh: taken by the NoC) */
static void (*flit_monitor)(int net, int tile, uint64_t data, int last);

static uint64_t core_rst(void)
{
	uint32_t v[VW(NT)] = { 0 };

	shim_getv_core_rst_o(sim, v);
	return v[0] | (NT > 32 ? (uint64_t)v[1] << 32 : 0);
}

static void set_inputs(void)
{
	uint32_t v[VW(NT)] = { 0 }, a[VW(12 * NT)] = { 0 }, s[VW(4 * NT)] = { 0 }, w[VW(32 * NT)] = { 0 };

	for (int t = 0; t < NT; t++) {
		vset(v, t, 1, (unsigned)mm_valid[t]);
		vset(a, 12 * t, 12, mm_addr[t]);
		vset(s, 4 * t, 4, mm_wstrb[t]);
		vset(w, 32 * t, 32, mm_wdata[t]);
	}
	shim_setv_mmio_valid_i(sim, v);
	shim_setv_mmio_addr_i(sim, a);
	shim_setv_mmio_wstrb_i(sim, s);
	shim_setv_mmio_wdata_i(sim, w);
	{
		uint32_t d[VW(64 * NT)] = { 0 };

		for (int t = 0; t < NT; t++)
			vset(d, 64 * t, 64, spm_rdata[t]);
		shim_setv_spm_rdata_i(sim, d);
	}
#if MESH
	{
		uint32_t st[VW(4 * NT)] = { 0 };

		for (int i = 0; i < 4 * NT; i++)
			if (chance(stall_pct))
				vset(st, (unsigned)i, 1, 1);
		shim_setv_stall_i(sim, st);
	}
#else
	for (int n = 0; n < 2; n++) {
		uint32_t d[VW(64 * NT)] = { 0 }, iv[VW(NT)] = { 0 }, il[VW(NT)] = { 0 };

		for (int t = 0; t < NT; t++) {
			struct queue *qq = &q[n][t];

			in_valid[n][t] = qq->n && !chance(stall_pct);
			if (qq->n) {
				vset(d, 64 * t, 64, qq->f[qq->head].data);
				vset(il, t, 1, (unsigned)qq->f[qq->head].last);
			}
			vset(iv, t, 1, (unsigned)in_valid[n][t]);
		}
		if (n == 0) {
			shim_setv_req_in_valid_i(sim, iv);
			shim_setv_req_in_last_i(sim, il);
			shim_setv_req_in_data_i(sim, d);
		} else {
			shim_setv_rsp_in_valid_i(sim, iv);
			shim_setv_rsp_in_last_i(sim, il);
			shim_setv_rsp_in_data_i(sim, d);
		}
	}
#endif
}

#if !MESH
/* the crossbar: decide which TCU outputs move (wormhole: one packet per destination) */
static void crossbar(uint32_t ov[2][VW(NT)], uint32_t ol[2][VW(NT)], uint32_t od[2][VW(64 * NT)],
		     uint32_t rdy[2][VW(NT)])
{
	for (int n = 0; n < 2; n++) {
		for (int s = 0; s < NT; s++) {
			uint64_t d = vget(od[n], 64 * s, 64);
			int last = (int)vget(ol[n], s, 1);

			if (!vget(ov[n], s, 1) || chance(stall_pct))
				continue;
			if (src_state[n][s] == -1) {
				int dst = tile_of(SPEC_GET(d, NOC_HEAD_DST_X), SPEC_GET(d, NOC_HEAD_DST_Y));

				if (dst >= 0 && (owner[n][dst] != -1 || q[n][dst].n >= QDEPTH))
					continue;
				vset(rdy[n], s, 1, 1);
				if (flit_monitor)
					flit_monitor(n, s, d, last);
				if (dst < 0) {
					dropped_pkts++;
					src_state[n][s] = last ? -1 : -2;
					continue;
				}
				d &= ~(SPEC_PUT(NOC_HEAD_SRC_X, 0xf) | SPEC_PUT(NOC_HEAD_SRC_Y, 0xf));
				d |= SPEC_PUT(NOC_HEAD_SRC_X, TX(s)) | SPEC_PUT(NOC_HEAD_SRC_Y, TY(s));
				qpush(&q[n][dst], d, last);
				if (!last) {
					owner[n][dst] = s;
					src_state[n][s] = dst;
				}
			} else {
				if (src_state[n][s] >= 0 && q[n][src_state[n][s]].n >= QDEPTH)
					continue; /* link buffers are small: back-pressure */
				vset(rdy[n], s, 1, 1);
				if (flit_monitor)
					flit_monitor(n, s, d, last);
				if (src_state[n][s] >= 0)
					qpush(&q[n][src_state[n][s]], d, last);
				if (last) {
					if (src_state[n][s] >= 0)
						owner[n][src_state[n][s]] = -1;
					src_state[n][s] = -1;
				}
			}
		}
	}
}
#endif

/* one clock cycle of the whole bench */
void tb_step(void)
{
	uint32_t en[VW(NT)], we[VW(8 * NT)], sa[VW(29 * NT)], sw[VW(64 * NT)];
	uint32_t mrdy[VW(NT)], mr[VW(32 * NT)], irq[VW(NT)], aw[VW(NT)];
#if MESH
	uint32_t ov[2][VW(NT)], ol[2][VW(NT)], od[2][VW(64 * NT)], drop[2][VW(NT)];
#else
	uint32_t ov[2][VW(NT)], ol[2][VW(NT)], od[2][VW(64 * NT)], ir[2][VW(NT)];
	uint32_t rdy[2][VW(NT)] = { { 0 } };
#endif

	set_inputs();
#if MESH
	shim_eval(sim);
	/* monitor: what the network takes from each tile this cycle */
	if (flit_monitor) {
		shim_getv_req_out_valid_o(sim, ov[0]);
		shim_getv_rsp_out_valid_o(sim, ov[1]);
		shim_getv_req_out_last_o(sim, ol[0]);
		shim_getv_rsp_out_last_o(sim, ol[1]);
		shim_getv_req_out_data_o(sim, od[0]);
		shim_getv_rsp_out_data_o(sim, od[1]);
		for (int n = 0; n < 2; n++)
			for (int t = 0; t < NT; t++)
				if (vget(ov[n], t, 1))
					flit_monitor(n, t, vget(od[n], 64 * t, 64), (int)vget(ol[n], t, 1));
	}
	shim_getv_req_drop_o(sim, drop[0]);
	shim_getv_rsp_drop_o(sim, drop[1]);
	for (int n = 0; n < 2; n++)
		for (int t = 0; t < NT; t++)
			dropped_pkts += vget(drop[n], t, 1);
#else
	{
		uint32_t zero[VW(NT)] = { 0 };

		shim_setv_req_out_ready_i(sim, zero);
		shim_setv_rsp_out_ready_i(sim, zero);
	}
	shim_eval(sim);
	shim_getv_req_out_valid_o(sim, ov[0]);
	shim_getv_rsp_out_valid_o(sim, ov[1]);
	shim_getv_req_out_last_o(sim, ol[0]);
	shim_getv_rsp_out_last_o(sim, ol[1]);
	shim_getv_req_out_data_o(sim, od[0]);
	shim_getv_rsp_out_data_o(sim, od[1]);
	crossbar(ov, ol, od, rdy);
	shim_setv_req_out_ready_i(sim, rdy[0]);
	shim_setv_rsp_out_ready_i(sim, rdy[1]);
	shim_eval(sim);
	shim_getv_req_in_ready_o(sim, ir[0]);
	shim_getv_rsp_in_ready_o(sim, ir[1]);
#endif
	shim_getv_spm_en_o(sim, en);
	shim_getv_spm_we_o(sim, we);
	shim_getv_spm_addr_o(sim, sa);
	shim_getv_spm_wdata_o(sim, sw);
	shim_getv_mmio_ready_o(sim, mrdy);
	shim_getv_mmio_rdata_o(sim, mr);
	shim_getv_abort_wr_o(sim, aw);
	for (int t = 0; t < NT; t++)
		abort_writes += vget(aw, t, 1);

	shim_tick(sim);

#if !MESH
	for (int n = 0; n < 2; n++)
		for (int t = 0; t < NT; t++)
			if (in_valid[n][t] && vget(ir[n], t, 1)) {
				q[n][t].head = (q[n][t].head + 1) % QCAP;
				q[n][t].n--;
			}
#endif
	for (int t = 0; t < NT; t++) {
		if (vget(en, t, 1)) {
			uint32_t addr = (uint32_t)vget(sa, 29 * t, 29) * 8 % MEMSZ;
			uint64_t wd = vget(sw, 64 * t, 64);
			unsigned bwe = (unsigned)vget(we, 8 * t, 8);

			spm_rdata[t] = 0;
			for (int b = 0; b < 8; b++) {
				if (bwe & (1u << b))
					rmem[t][addr + b] = (uint8_t)(wd >> (8 * b));
				spm_rdata[t] |= (uint64_t)rmem[t][addr + b] << (8 * b);
			}
		}
		if (mm_valid[t] && vget(mrdy, t, 1)) {
			mm_rdata[t] = (uint32_t)vget(mr, 32 * t, 32);
			mm_valid[t] = 0;
			mm_done[t] = 1;
		}
	}
	shim_getv_irq_o(sim, irq);
	for (int t = 0; t < NT; t++)
		if (vget(irq, t, 1))
			irq_seen[t] = 1;
	if (shim_finished(sim)) {
		printf("tcu_tb: the model stopped (assertion?)\n");
		exit(1);
	}
}

static void idle_cycles(unsigned n)
{
	while (n--)
		tb_step();
}

/* post one MMIO access of core t (wstrb 0: a read); tb_step() until mm_done */
void tb_mmio_post(int t, uint32_t off, uint32_t wdata, unsigned wstrb)
{
	mm_valid[t] = 1;
	mm_addr[t] = off;
	mm_wdata[t] = wdata;
	mm_wstrb[t] = wstrb;
	mm_done[t] = 0;
}

/* one MMIO access of core t; returns the read data */
static uint32_t mmio(int t, uint32_t off, uint32_t wdata, unsigned wstrb)
{
	unsigned long c = 0;

	if (chance(stall_pct))
		idle_cycles(tb_rnd() % 3);
	tb_mmio_post(t, off, wdata, wstrb);
	while (!mm_done[t]) {
		tb_step();
		if (++c > HANG_CYCLES) {
			printf("tcu_tb: HANG: tile %d MMIO 0x%03x (wstrb %x) not answered in %lu cycles\n", t, off, wstrb,
			       HANG_CYCLES);
			exit(1);
		}
	}
	return mm_rdata[t];
}

static void wr(int t, uint32_t off, uint32_t v)
{
	mmio(t, off, v, 0xf);
}

static uint32_t rd(int t, uint32_t off)
{
	return mmio(t, off, 0, 0);
}

static void reset(void)
{
	shim_set_rst_i(sim, 1);
	idle_cycles(4);
	shim_set_rst_i(sim, 0);
	idle_cycles(2);
	for (int t = 0; t < NT; t++)
		tm_reset(&msys, &mt[t]);
}

/* ------------------------------------------------------------ commands on both sides */

uint32_t tb_cmd_word(unsigned op, unsigned ep, unsigned arg)
{
	return (uint32_t)(SPEC_PUT(TCU_CMD_OP, op) | SPEC_PUT(TCU_CMD_EP, ep) | SPEC_PUT(TCU_CMD_ARG, arg));
}

static uint32_t last_addr[NT], last_size[NT], last_arg[NT];
static unsigned long max_lat, bad_ep; /* T8: longest command (COMMAND store to idle seen), bad EP indices */

/* run a command on tile t in the RTL and the model, compare the COMMAND words */
static unsigned both_cmd(int t, unsigned op, unsigned ep, unsigned carg, uint32_t addr, uint32_t size, uint32_t arg)
{
	uint32_t got, want;
	uint64_t t0;

	/* argument registers keep their values: skip stores that change nothing */
	if (addr != last_addr[t] || chance(20))
		wr(t, TCU_REG_DATA_ADDR, addr);
	if (size != last_size[t] || chance(20))
		wr(t, TCU_REG_DATA_SIZE, size);
	if (arg != last_arg[t] || chance(20))
		wr(t, TCU_REG_ARG, arg);
	last_addr[t] = addr;
	last_size[t] = size;
	last_arg[t] = arg;
	t0 = shim_cycle(sim);
	wr(t, TCU_REG_COMMAND, tb_cmd_word(op, ep, carg));
	got = chance(50) ? rd(t, TCU_REG_CMD_WAIT) : 0;
	while (SPEC_GET(got = rd(t, TCU_REG_COMMAND), TCU_CMD_OP) != TCU_OP_IDLE)
		;
	if (shim_cycle(sim) - t0 > max_lat)
		max_lat = (unsigned long)(shim_cycle(sim) - t0);
	if (ep >= NEPS)
		bad_ep++;
	tm_cmd(&msys, &mt[t], op, ep, carg, addr, size, arg);
	want = mt[t].command;
	ncmds++;
	hist[op & 15][SPEC_GET(want, TCU_CMD_ERR)]++;
	if (got != want)
		FAIL("tile %d op %u ep %u carg 0x%x addr 0x%x size %u arg 0x%x: COMMAND 0x%08x (%s) want 0x%08x (%s)", t,
		     op, ep, carg, addr, size, arg, got, tm_err_name(SPEC_GET(got, TCU_CMD_ERR)), want,
		     tm_err_name(SPEC_GET(want, TCU_CMD_ERR)));
	return (unsigned)SPEC_GET(got, TCU_CMD_ERR);
}

static void compare_mem(const char *what)
{
	for (int t = 0; t < NT; t++)
		if (memcmp(rmem[t], mmem[t], MEMSZ)) {
			unsigned i = 0;

			while (rmem[t][i] == mmem[t][i])
				i++;
			FAIL("%s: tile %d memory differs first at 0x%x: 0x%02x want 0x%02x", what, t, i, rmem[t][i],
			     mmem[t][i]);
			memcpy(rmem[t], mmem[t], MEMSZ); /* report once */
		}
}

static void compare_eps(const char *what)
{
	for (int t = 0; t < NT; t++)
		for (unsigned e = 0; e < NEPS; e++)
			for (unsigned w = 0; w < 4; w++) {
				uint32_t got = rd(t, TCU_REG_EP_BASE + 16 * e + 4 * w);

				if (got != mt[t].ep[e][w]) {
					FAIL("%s: tile %d EP %u word %u = 0x%08x want 0x%08x", what, t, e, w, got,
					     mt[t].ep[e][w]);
					return;
				}
			}
}

/* the kernel configures EP e of tile t: local stores on itself, else PRIV_WR */
void tb_cfg_ep(int t, unsigned e, const uint32_t w[4])
{
	if (t == 0 && chance(50)) {
		for (unsigned i = 0; i < 4; i++) {
			wr(0, TCU_REG_EP_BASE + 16 * e + 4 * i, w[i]);
			tm_mmio_write(&msys, &mt[0], TCU_REG_EP_BASE + 16 * e + 4 * i, w[i]);
		}
		return;
	}
	memcpy(rmem[0] + SCRATCH, w, 16);
	memcpy(mmem[0] + SCRATCH, w, 16);
	both_cmd(0, TCU_OP_PRIV_WR, 0, 0, SCRATCH, 16,
		 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EP_BASE / 4 + 4 * e) | SPEC_PUT(TCU_PRIVARG_X, TX(t)) |
			    SPEC_PUT(TCU_PRIVARG_Y, TY(t))));
}

/* ------------------------------------------------------------ directed tests */

static void test_latency(void)
{
	uint32_t w[4];
	unsigned old = stall_pct;
	uint64_t t0;

	stall_pct = 0;
	tm_ep_recv(w, 0x8000, 6, 2, TCU_NO_EP);
	tb_cfg_ep(2, 1, w);
	tm_ep_send(w, TX(2), TY(2), 1, 0x1234, 6, 4);
	tb_cfg_ep(1, 1, w);
	wr(2, TCU_REG_IRQ_EN, 1);
	tm_mmio_write(&msys, &mt[2], TCU_REG_IRQ_EN, 1);
	wr(1, TCU_REG_DATA_ADDR, 0x100);
	wr(1, TCU_REG_DATA_SIZE, 8);
	tm_mmio_write(&msys, &mt[1], TCU_REG_DATA_ADDR, 0x100);
	tm_mmio_write(&msys, &mt[1], TCU_REG_DATA_SIZE, 8);
	last_addr[1] = 0x100;
	last_size[1] = 8;
	irq_seen[2] = 0;
	/* the COMMAND store; cycle 0 = the cycle the TCU accepts it */
	tb_mmio_post(1, TCU_REG_COMMAND, tb_cmd_word(TCU_OP_SEND, 1, TCU_NO_EP), 0xf);
	t0 = shim_cycle(sim);
	while (!irq_seen[2] && shim_cycle(sim) - t0 < 1000)
		tb_step();
#if MESH
	printf("tcu.hw_send_mesh: %llu cycles (SEND store -> irq at the receiver, 8 B, tile 1 -> tile 2, %u hops)\n",
	       (unsigned long long)(shim_cycle(sim) - t0),
	       (unsigned)(abs((int)TX(1) - (int)TX(2)) + abs((int)TY(1) - (int)TY(2))));
#else
	printf("tcu.hw_send_1hop: %llu cycles (SEND store -> irq at the receiver, 8 B, back-to-back links)\n",
	       (unsigned long long)(shim_cycle(sim) - t0));
#endif
	if (!irq_seen[2])
		FAIL("no irq after SEND");
	while (SPEC_GET(rd(1, TCU_REG_COMMAND), TCU_CMD_OP) != TCU_OP_IDLE)
		;
	tm_mmio_write(&msys, &mt[1], TCU_REG_COMMAND, tb_cmd_word(TCU_OP_SEND, 1, TCU_NO_EP));
	if (rd(1, TCU_REG_COMMAND) != mt[1].command)
		FAIL("latency SEND result");
	/* round trip in hardware: fetch + ack at the receiver */
	if (both_cmd(2, TCU_OP_FETCH_MSG, 1, 0, 0, 0, 0) != TCU_ERR_NONE)
		FAIL("latency fetch");
	both_cmd(2, TCU_OP_ACK_MSG, 1, 0, 0, 0, 0);
	wr(2, TCU_REG_STATUS, 1);
	tm_mmio_write(&msys, &mt[2], TCU_REG_STATUS, 1);
	compare_mem("latency");
	compare_eps("latency");
	stall_pct = old;
}

static void test_privilege(void)
{
	uint32_t w[4], before;

	/* cores of tiles 1 and 2 are held after reset, the kernel's runs */
	if (core_rst() != HELD_MASK)
		FAIL("core_rst_o = %llx after reset, want %llx", (unsigned long long)core_rst(), HELD_MASK);
	/* a user core cannot write its EP registers, EXT_CMD, CORE_CTRL */
	tm_ep_mem(w, TX(2), TY(2), 0, 0x100, 1, 1);
	tb_cfg_ep(1, 3, w);
	before = rd(1, TCU_REG_EP_BASE + 16 * 3);
	for (unsigned i = 0; i < 4; i++) {
		wr(1, TCU_REG_EP_BASE + 16 * 3 + 4 * i, 0xffffffffu);
		tm_mmio_write(&msys, &mt[1], TCU_REG_EP_BASE + 16 * 3 + 4 * i, 0xffffffffu);
	}
	wr(1, TCU_REG_EXT_CMD, (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, 3) |
					 SPEC_PUT(TCU_EXTCMD_FORCE, 1)));
	tm_mmio_write(&msys, &mt[1], TCU_REG_EXT_CMD,
		      (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, 3) |
				 SPEC_PUT(TCU_EXTCMD_FORCE, 1)));
	wr(1, TCU_REG_CORE_CTRL, 0);
	tm_mmio_write(&msys, &mt[1], TCU_REG_CORE_CTRL, 0);
	if (rd(1, TCU_REG_EP_BASE + 16 * 3) != before)
		FAIL("user store changed its EP");
	if (SPEC_GET(rd(1, TCU_REG_STATUS), TCU_STATUS_DENIED) != 6)
		FAIL("DENIED = %u, want 6", (unsigned)SPEC_GET(rd(1, TCU_REG_STATUS), TCU_STATUS_DENIED));
	if (!(core_rst() & 2))
		FAIL("user tile released its own core");
	/* kernel-only commands on a user tile */
	both_cmd(1, TCU_OP_PRIV_WR, 0, 0, 0, 4, (uint32_t)SPEC_PUT(TCU_PRIVARG_Y, 1));
#if !MESH
	/*
	 * Packets only the crossbar can inject (on the mesh, the network interface
	 * stamps the source and a user TCU cannot issue PRIV_WR at all).
	 * A forged PRIV_REQ: tile 1 (stamped source) writes tile 2's EP 0.
	 */
	{
		uint64_t h = SPEC_PUT(NOC_HEAD_DST_X, 0) | SPEC_PUT(NOC_HEAD_DST_Y, 1) | SPEC_PUT(NOC_HEAD_SRC_X, 1) |
			     SPEC_PUT(NOC_HEAD_SRC_Y, 0) | SPEC_PUT(NOC_HEAD_KIND, NOC_KIND_PRIV_REQ);
		uint64_t a = SPEC_PUT(TCU_PRIV_ARG_WRITE, 1) | SPEC_PUT(TCU_PRIV_ARG_REG, TCU_REG_EP_BASE / 4) |
			     SPEC_PUT(TCU_PRIV_ARG_CNT, 2);
		uint32_t words[2] = { 0x3, 0x0 };

		h |= a << NOC_HEAD_ARG_LSB;
		qpush(&q[0][2], h, 0);
		qpush(&q[0][2], 0xffffffff00000003ull, 1);
		idle_cycles(60);
		tm_priv_req(&msys, 1, 0, &mt[2], 1, TCU_REG_EP_BASE / 4, 2, words, NULL);
		if (rd(2, TCU_REG_EP_BASE) != 0)
			FAIL("forged PRIV_REQ changed an EP");
		if (SPEC_GET(rd(2, TCU_REG_STATUS), TCU_STATUS_DENIED) != 1)
			FAIL("forged PRIV_REQ not counted");
		/* its PRIV_RSP (NO_PERM) reached tile 1 as a stray response: dropped */
		if (SPEC_GET(rd(1, TCU_REG_STATUS), TCU_STATUS_DROPPED) != 1)
			FAIL("stray PRIV_RSP not dropped");
	}
	/* an unknown packet kind is drained and counted */
	qpush(&q[0][1], SPEC_PUT(NOC_HEAD_KIND, 7) | SPEC_PUT(NOC_HEAD_DST_X, 1), 0);
	qpush(&q[0][1], 0, 0);
	qpush(&q[0][1], 0, 1);
	idle_cycles(40);
	if (SPEC_GET(rd(1, TCU_REG_STATUS), TCU_STATUS_DROPPED) != 2)
		FAIL("unknown packet kind not counted");
	/*
	 * A WR_REQ whose packet ends before its LEN: 24 bytes announced, one data
	 * flit sent. The inbound engine aborts the stream in the cycle the writer's
	 * chunk (that flit) is granted; the chunk is still written, the 16 bytes
	 * beyond it are not, and the packet counts as dropped.
	 */
	{
		const uint32_t a = 0x7f00;
		const uint64_t d = 0x0123456789abcdefull;
		unsigned long before_aw = abort_writes;
		uint8_t old[24];

		memcpy(old, rmem[1] + a, sizeof old);
		qpush(&q[0][1], SPEC_PUT(NOC_HEAD_KIND, NOC_KIND_WR_REQ) | SPEC_PUT(NOC_HEAD_DST_X, 1) |
				       ((uint64_t)SPEC_PUT(TCU_MEM_ARG_LEN, 24) << NOC_HEAD_ARG_LSB), 0);
		qpush(&q[0][1], SPEC_PUT(TCU_MEM_ADDR_ADDR, a), 0);
		qpush(&q[0][1], d, 1);
		idle_cycles(40);
		for (unsigned b = 0; b < 24; b++)
			if (rmem[1][a + b] != (b < 8 ? (uint8_t)(d >> (8 * b)) : old[b]))
				FAIL("short WR_REQ: byte %u = %02x", b, rmem[1][a + b]);
		if (abort_writes == before_aw)
			FAIL("short WR_REQ: no write granted in the abort cycle");
		if (SPEC_GET(rd(1, TCU_REG_STATUS), TCU_STATUS_DROPPED) != 3)
			FAIL("short WR_REQ not counted as dropped");
		memcpy(mmem[1] + a, rmem[1] + a, 8); /* the model has no forged packets */
	}
#endif
	/* the kernel starts tile 2's core */
	memset(rmem[0] + SCRATCH, 0, 4);
	memset(mmem[0] + SCRATCH, 0, 4);
	both_cmd(0, TCU_OP_PRIV_WR, 0, 0, SCRATCH, 4,
		 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_CORE_CTRL / 4) | SPEC_PUT(TCU_PRIVARG_X, TX(2)) |
			    SPEC_PUT(TCU_PRIVARG_Y, TY(2))));
	if (core_rst() != (HELD_MASK & ~4ull))
		FAIL("core_rst_o = %llx after the kernel started tile 2", (unsigned long long)core_rst());
	/* PRIV_RD of a remote EP and of a blocking register */
	both_cmd(0, TCU_OP_PRIV_RD, 0, 0, SCRATCH, 16,
		 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EP_BASE / 4 + 12) | SPEC_PUT(TCU_PRIVARG_X, 1)));
	both_cmd(0, TCU_OP_PRIV_RD, 0, 0, SCRATCH, 8,
		 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_CMD_WAIT / 4) | SPEC_PUT(TCU_PRIVARG_X, 1)));
	both_cmd(0, TCU_OP_PRIV_WR, 0, 0, SCRATCH, 4,
		 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_COMMAND / 4) | SPEC_PUT(TCU_PRIVARG_X, 1)));
	/* a memory EP onto a missing tile times out */
	tm_ep_mem(w, MISSING_X(NT), MISSING_Y(NT), 0, 0x100, 1, 1);
	tb_cfg_ep(1, 4, w);
	both_cmd(1, TCU_OP_READ, 4, 0, 0x100, 8, 0);
	compare_mem("privilege");
	compare_eps("privilege");
}

/* ------------------------------------------------------------ random sequences */

/*
 * EP roles keep most commands meaningful: EPs 0-3 receive (reply EPs 16 + 4 i ..),
 * 4-7 send (to receive EPs 0-3 of any tile), 8-11 memory (onto other tiles);
 * a few configurations and commands break the roles on purpose.
 */
static void role_ep(uint32_t *w, int t, unsigned e)
{
	if (chance(2)) {
		memset(w, 0, 16);
		return;
	}
	if (e < 4) {
		unsigned order = chance(95) ? 5 + tb_rnd() % 4 : (chance(50) ? 4 : 9 + tb_rnd() % 3);
		unsigned rpl = chance(10) ? TCU_NO_EP : 16 + 4 * e;

		if (chance(3))
			rpl = 28 + tb_rnd() % 4; /* range beyond the EP file */
		tm_ep_recv(w, 0x8000 + e * 0x1800 + tb_rnd() % 0x300, order, tb_rnd() % 3, rpl);
	} else if (e < 8) {
		unsigned tgt = tb_rnd() % NT;
		unsigned order = chance(95) ? 5 + tb_rnd() % 4 : (chance(50) ? 3 : 12);
		unsigned crd = chance(20) ? TCU_CRD_UNLIM : 1 + tb_rnd() % 4;

		if (chance(2))
			tgt = NT; /* no such tile */
		tm_ep_send(w, MISSING_X(tgt), MISSING_Y(tgt), chance(95) ? tb_rnd() % 4 : 4 + tb_rnd() % 40, tb_rnd(), order, crd);
		if (chance(3))
			TM_SET(w, TCU_SEP_REPLY, 1);
	} else {
		unsigned tgt = (t + 1 + tb_rnd() % (NT - 1)) % NT;
		uint32_t base = chance(90) ? tb_rnd() % 0x7000 : tb_rnd() << 8;
		uint32_t size = chance(90) ? 1 + tb_rnd() % 0x2000 : tb_rnd() << 12;

		if (chance(2))
			tgt = NT;
		tm_ep_mem(w, MISSING_X(tgt), MISSING_Y(tgt), base, size, chance(85), chance(85));
	}
}

static uint32_t rnd_size(void)
{
	unsigned k = tb_rnd() % 100;

	if (k < 50)
		return tb_rnd() % 24;
	if (k < 85)
		return tb_rnd() % 300;
	if (k < 98)
		return tb_rnd() % 5000;
	return tb_rnd();
}

static uint32_t rnd_addr(void)
{
	return chance(98) ? tb_rnd() % 0x6000 : MEMSZ - tb_rnd() % 64;
}

/* offsets handed out by FETCH/WAIT, for REPLY and ACK */
static unsigned fetched[NT][4][8], nfetched[NT][4];

static void note_fetch(int t, unsigned ep, uint32_t cmd)
{
	unsigned off = (unsigned)SPEC_GET(cmd, TCU_CMD_ARG);

	if (ep < 4 && SPEC_GET(cmd, TCU_CMD_ERR) == TCU_ERR_NONE && off != TCU_NONE_OFF && nfetched[t][ep] < 8)
		fetched[t][ep][nfetched[t][ep]++] = off;
}

static unsigned pick_off(int t, unsigned ep)
{
	if (ep < 4 && nfetched[t][ep] && chance(85)) {
		unsigned i = tb_rnd() % nfetched[t][ep], off = fetched[t][ep][i];

		fetched[t][ep][i] = fetched[t][ep][--nfetched[t][ep]];
		return off;
	}
	if (chance(50)) {
		uint32_t *e = mt[t].ep[ep % NEPS];
		unsigned order = TM_GET(e, TCU_REP_SLOT_ORDER);

		return ((tb_rnd() % (2u << TM_GET(e, TCU_REP_SLOTS))) << order) & 0xffff;
	}
	return tb_rnd() & 0xffff;
}

static unsigned pick_ep(int t, unsigned lo)
{
	if (lo == 0 && chance(60)) {
		/* prefer receive EPs with fetched messages */
		for (unsigned e = 0; e < 4; e++)
			if (nfetched[t][e])
				return e;
	}
	if (chance(92))
		return lo + tb_rnd() % 4;
	return chance(80) ? tb_rnd() % 12 : tb_rnd() % 128;
}

static void random_cmd(void)
{
	int t = tb_rnd() % NT;
	unsigned k = tb_rnd() % 100;
	uint32_t w[4];

	if (k < 6) {
		unsigned e = chance(95) ? tb_rnd() % 12 : tb_rnd() % NEPS;

		role_ep(w, t, e);
		tb_cfg_ep(t, e, w);
		if (e < 4)
			nfetched[t][e] = 0;
	} else if (k < 30) {
		unsigned ep = pick_ep(t, 4);
		unsigned rpl = chance(30) ? TCU_NO_EP : (chance(95) ? tb_rnd() % 4 : tb_rnd() % 128);
		unsigned order = TM_GET(mt[t].ep[ep % NEPS], TCU_SEP_MSG_ORDER);
		uint32_t size = chance(70) ? tb_rnd() % 40 :
				chance(80) && order >= 5 && order < 12 ? tb_rnd() % ((1u << order) - 8) : rnd_size();

		both_cmd(t, TCU_OP_SEND, ep, rpl, rnd_addr(), size, tb_rnd());
	} else if (k < 48) {
		unsigned ep = pick_ep(t, 0);
		uint32_t size = chance(90) ? tb_rnd() % 56 : rnd_size();

		both_cmd(t, TCU_OP_REPLY, ep, pick_off(t, ep), rnd_addr(), size, tb_rnd());
	} else if (k < 58) {
		unsigned ep = pick_ep(t, 0);

		both_cmd(t, TCU_OP_FETCH_MSG, ep, tb_rnd(), 0, 0, tb_rnd());
		note_fetch(t, ep, mt[t].command);
	} else if (k < 66) {
		unsigned ep = pick_ep(t, 0);

		both_cmd(t, TCU_OP_ACK_MSG, ep, pick_off(t, ep), 0, 0, 0);
	} else if (k < 84) {
		unsigned ep = pick_ep(t, 8);
		uint32_t *e = mt[t].ep[ep % NEPS];
		uint32_t msize = TM_GET(e, TCU_MEP_SIZE);
		uint32_t size = rnd_size();
		uint32_t off = chance(85) && msize ? tb_rnd() % msize : tb_rnd();

		if (chance(25) && msize >= size)
			off = msize - size; /* right at the end */
		if (chance(80) && msize > off && size > msize - off)
			size = msize - off;
		both_cmd(t, chance(50) ? TCU_OP_READ : TCU_OP_WRITE, ep, 0, rnd_addr(), size, off);
	} else if (k < 92) {
		/* blocking WAIT */
		unsigned ep = pick_ep(t, 0);
		uint32_t got;
		int block;
		uint32_t want = tm_mmio_read(&msys, &mt[t], TCU_REG_WAIT_BASE + 4 * ep, &block);

		got = rd(t, TCU_REG_WAIT_BASE + 4 * ep);
		if (block)
			want = (uint32_t)(SPEC_PUT(TCU_CMD_EP, ep) | SPEC_PUT(TCU_CMD_ARG, TCU_NONE_OFF));
		ncmds++;
		if (got != want)
			FAIL("tile %d WAIT ep %u = 0x%08x want 0x%08x", t, ep, got, want);
		note_fetch(t, ep, got);
	} else if (k < 95) {
		/* the kernel invalidates an EP, forced or not */
		unsigned e = chance(70) ? 12 + tb_rnd() % 20 : chance(95) ? tb_rnd() % 12 : tb_rnd() % 128;
		uint32_t x = (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, chance(95) ? TCU_EXT_INV_EP : 5) |
					SPEC_PUT(TCU_EXTCMD_EP, e) | SPEC_PUT(TCU_EXTCMD_FORCE, chance(50)));

		memcpy(rmem[0] + SCRATCH, &x, 4);
		memcpy(mmem[0] + SCRATCH, &x, 4);
		both_cmd(0, TCU_OP_PRIV_WR, 0, 0, SCRATCH, 4,
			 (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EXT_CMD / 4) | SPEC_PUT(TCU_PRIVARG_X, TX(t)) |
				    SPEC_PUT(TCU_PRIVARG_Y, TY(t))));
		if (rd(0, TCU_REG_RESULT) != mt[0].result)
			FAIL("RESULT 0x%08x want 0x%08x", rd(0, TCU_REG_RESULT), mt[0].result);
		if (e < 4)
			nfetched[t][e] = 0;
	} else {
		/* odd opcodes */
		both_cmd(t, chance(50) ? TCU_OP_SLEEP : 10 + tb_rnd() % 6, tb_rnd() % 12, 0, 0, 0, 0);
	}
}

/*
 * T9: a global reset in the middle of traffic. A long command is started on a
 * random tile and the whole bench is reset a random number of cycles later; then
 * every EP must be invalid, and the model restarts from the RTL's memories.
 */
static unsigned long resets;

static void setup_roles(void);

static void mid_reset(void)
{
	int t = tb_rnd() % NT;
	unsigned ep = 4 + tb_rnd() % 8;

	wr(t, TCU_REG_DATA_ADDR, tb_rnd() % 0x4000);
	wr(t, TCU_REG_DATA_SIZE, tb_rnd() % 3000);
	wr(t, TCU_REG_ARG, tb_rnd() % 64);
	tb_mmio_post(t, TCU_REG_COMMAND,
		     tb_cmd_word(ep < 8 ? TCU_OP_SEND : (chance(50) ? TCU_OP_READ : TCU_OP_WRITE), ep, TCU_NO_EP), 0xf);
	idle_cycles(tb_rnd() % 400);
	shim_set_rst_i(sim, 1);
	idle_cycles(2);
	shim_set_rst_i(sim, 0);
	for (int n = 0; n < 2; n++)
		for (int i = 0; i < NT; i++) {
			q[n][i].n = 0;
			owner[n][i] = src_state[n][i] = -1;
		}
	for (int i = 0; i < NT; i++) {
		mm_valid[i] = 0;
		tm_reset(&msys, &mt[i]);
		memcpy(mmem[i], rmem[i], MEMSZ);
		last_addr[i] = last_size[i] = last_arg[i] = 0;
		for (int e = 0; e < 4; e++)
			nfetched[i][e] = 0;
	}
	resets++;
	compare_eps("after reset");
	if (core_rst() != HELD_MASK)
		FAIL("core_rst_o = %llx after reset", (unsigned long long)core_rst());
	setup_roles();
}

/*
 * T7: the kernel invalidates an EP while a command through it (or a message into
 * it) is in flight. Privileged writes take effect only between commands, so the
 * RTL's outcome must equal one of the two serial orders of the model: command
 * then invalidate, or invalidate then command (error codes, RESULT, every
 * memory byte and the EPs of the tiles involved). A third outcome is legal and
 * counted apart: the user command outlasts CmdTimeout / 2 cycles (e.g. a WRITE
 * to a missing tile waits CmdTimeout cycles, or a SEND to the own tile queues
 * behind the kernel's request), so the target answers the kernel's PRIV_WR
 * with ABORT and applies nothing: the state is that of the command alone, and
 * the kernel retries (docs/tcu-design.md).
 */
static unsigned long race_trials, race_cmd_first, race_inv_first, race_abort, race_abort_wait, race_fail;
static unsigned long race_self, race_self_abort; /* SENDs to the own tile raced against a PRIV_REQ to it */
#define RACE_WAIT 16u /* not an opcode: tile t blocks in a WAIT load */
static struct tm_tile race_snap[NT];
static uint8_t race_mem[NT][MEMSZ];

/* start a command on tile t without waiting for it (registers written first) */
static void start_cmd(int t, uint32_t cmd, uint32_t addr, uint32_t size, uint32_t arg)
{
	wr(t, TCU_REG_DATA_ADDR, addr);
	wr(t, TCU_REG_DATA_SIZE, size);
	wr(t, TCU_REG_ARG, arg);
	last_addr[t] = addr;
	last_size[t] = size;
	last_arg[t] = arg;
	tb_mmio_post(t, TCU_REG_COMMAND, cmd, 0xf);
}

/* start tile t's side of a race: a command, or a blocking WAIT load */
static void race_start_t(int t, unsigned op, unsigned ep, unsigned carg, uint32_t addr, uint32_t size, uint32_t arg)
{
	if (op != RACE_WAIT) {
		start_cmd(t, tb_cmd_word(op, ep, carg), addr, size, arg);
		return;
	}
	tb_mmio_post(t, TCU_REG_WAIT_BASE + 4 * ep, 0, 0);
}

/* poll tile t's COMMAND until idle; a command that never ends fails the run */
static void race_poll(int t, uint32_t *got, unsigned op, unsigned ep, int u, unsigned iep)
{
	uint64_t t0 = shim_cycle(sim);

	while (SPEC_GET(*got = rd(t, TCU_REG_COMMAND), TCU_CMD_OP) != TCU_OP_IDLE)
		if (shim_cycle(sim) - t0 > HANG_CYCLES) {
			printf("tcu_tb: HANG: T7 race: tile %d COMMAND 0x%08x not idle after %lu cycles (op %u ep %u, "
			       "invalidating EP %u of tile %d)\n", t, *got, HANG_CYCLES, op, ep, iep, u);
			exit(1);
		}
}

/* the model's outcome of one serial order (1: command first, 0: invalidation
 * first, 2: command only, the kernel's PRIV_WR aborted); 1 if the RTL state
 * matches it */
static int race_order(int cmd_first, int t, unsigned op, unsigned ep, unsigned carg, uint32_t addr, uint32_t size,
		      uint32_t arg, uint32_t karg, const uint32_t got[3], const int *who, int nwho,
		      uint32_t eps[][NEPS][4])
{
	uint32_t tres = 0; /* tile t's outcome: its COMMAND word, or what its WAIT load returned */

	memcpy(mt, race_snap, sizeof(mt));
	for (int i = 0; i < NT; i++)
		memcpy(mmem[i], race_mem[i], MEMSZ);
	for (int k = 0; k < 2; k++) {
		if ((k == 0) != (cmd_first != 0)) { /* 1 and 2: the command first */
			if (cmd_first == 2)
				continue; /* aborted: not applied */
			tm_cmd(&msys, &mt[0], TCU_OP_PRIV_WR, 0, 0, SCRATCH, 4, karg);
		} else if (op == RACE_WAIT) {
			int block;

			tres = tm_mmio_read(&msys, &mt[t], TCU_REG_WAIT_BASE + 4 * ep, &block);
			if (block) /* the RTL's WAIT times out with "no message" */
				tres = (uint32_t)(SPEC_PUT(TCU_CMD_EP, ep) | SPEC_PUT(TCU_CMD_ARG, TCU_NONE_OFF));
		} else {
			tm_cmd(&msys, &mt[t], op, ep, carg, addr, size, arg);
			tres = mt[t].command;
		}
	}
	if (tres != got[0])
		return 0;
	if (cmd_first == 2) {
		/* the target's command engine stayed busy: the kernel got ABORT, nothing applied */
		if (SPEC_GET(got[1], TCU_CMD_ERR) != TCU_ERR_ABORT)
			return 0;
	} else if (mt[0].command != got[1] || mt[0].result != got[2]) {
		return 0;
	}
	for (int i = 0; i < NT; i++)
		if (memcmp(rmem[i], mmem[i], MEMSZ))
			return 0;
	for (int i = 0; i < nwho; i++)
		if (memcmp(eps[i], mt[who[i]].ep, sizeof(eps[i])))
			return 0;
	return 1;
}

static void race_trial(void)
{
	int t = 1 + (int)(tb_rnd() % (NT - 1)), u = t, who[2];
	unsigned k = tb_rnd() % 4, op, ep, carg = TCU_NO_EP, iep, force = chance(50);
	uint32_t addr = tb_rnd() % 0x6000, size, arg = 0, x, karg, got[3];
	uint32_t eps[2][NEPS][4];
	unsigned delay = tb_rnd() % 120;
	int cmd_first_start = chance(70), nwho;
	unsigned sep = 4 + tb_rnd() % 4;

	if (k == 0) { /* SEND through EP 4..7; invalidate the send EP */
		op = TCU_OP_SEND;
		ep = sep;
		size = tb_rnd() % 64;
		carg = chance(50) ? TCU_NO_EP : tb_rnd() % 4;
		iep = ep;
		arg = tb_rnd();
	} else if (k == 1) { /* SEND; invalidate the receive EP at the receiver */
		uint32_t *e;

		op = TCU_OP_SEND;
		ep = sep;
		size = tb_rnd() % 64;
		arg = tb_rnd();
		e = mt[t].ep[ep];
		u = tile_at(TM_GET(e, TCU_SEP_TGT_X), TM_GET(e, TCU_SEP_TGT_Y));
		iep = TM_GET(e, TCU_SEP_TGT_EP);
		if (u < 0 || iep >= NEPS) {
			u = t;
			iep = ep;
		}
	} else if (k == 3) { /* a core blocked in WAIT on a receive EP; invalidate it or another EP */
		op = RACE_WAIT;
		ep = tb_rnd() % 4;
		size = 0;
		iep = chance(50) ? ep : tb_rnd() % 12;
	} else { /* READ or WRITE through a memory EP; invalidate it */
		uint32_t msize;

		op = chance(50) ? TCU_OP_READ : TCU_OP_WRITE;
		ep = 8 + tb_rnd() % 4;
		msize = TM_GET(mt[t].ep[ep], TCU_MEP_SIZE);
		size = 1 + tb_rnd() % 256;
		arg = msize > size ? tb_rnd() % (msize - size) : 0;
		iep = ep;
	}
	x = (uint32_t)(SPEC_PUT(TCU_EXTCMD_OP, TCU_EXT_INV_EP) | SPEC_PUT(TCU_EXTCMD_EP, iep) |
		       SPEC_PUT(TCU_EXTCMD_FORCE, force));
	karg = (uint32_t)(SPEC_PUT(TCU_PRIVARG_REG, TCU_REG_EXT_CMD / 4) | SPEC_PUT(TCU_PRIVARG_X, TX(u)) |
			  SPEC_PUT(TCU_PRIVARG_Y, TY(u)));
	memcpy(rmem[0] + SCRATCH, &x, 4);
	memcpy(mmem[0] + SCRATCH, &x, 4);
	memcpy(race_snap, mt, sizeof(mt));
	for (int i = 0; i < NT; i++)
		memcpy(race_mem[i], mmem[i], MEMSZ);

	/* both commands in flight at once, started `delay` cycles apart */
	if (op == RACE_WAIT)
		cmd_first_start = 1; /* the WAIT load is posted first */
	if (cmd_first_start)
		race_start_t(t, op, ep, carg, addr, size, arg);
	else
		start_cmd(0, tb_cmd_word(TCU_OP_PRIV_WR, 0, 0), SCRATCH, 4, karg);
	idle_cycles(delay);
	if (cmd_first_start)
		start_cmd(0, tb_cmd_word(TCU_OP_PRIV_WR, 0, 0), SCRATCH, 4, karg);
	else
		race_start_t(t, op, ep, carg, addr, size, arg);
	for (unsigned long c = 0; !mm_done[t] || !mm_done[0]; c++) { /* both COMMAND stores taken */
		tb_step();
		if (c > HANG_CYCLES) {
			printf("tcu_tb: HANG: T7 race: COMMAND stores not taken in %lu cycles\n", HANG_CYCLES);
			exit(1);
		}
	}
	if (op == RACE_WAIT) {
		got[0] = mm_rdata[t];
		note_fetch(t, ep, got[0]);
	} else {
		race_poll(t, got, op, ep, u, iep);
	}
	race_poll(0, got + 1, op, ep, u, iep);
	got[2] = rd(0, TCU_REG_RESULT);
	who[0] = t;
	who[1] = u;
	nwho = u == t ? 1 : 2;
	for (int i = 0; i < nwho; i++)
		for (unsigned e = 0; e < NEPS; e++)
			for (unsigned w = 0; w < 4; w++)
				eps[i][e][w] = rd(who[i], TCU_REG_EP_BASE + 16 * e + 4 * w);
	race_trials++;
	ncmds += 2;
	if (op == TCU_OP_SEND && tile_at(TM_GET(race_snap[t].ep[ep], TCU_SEP_TGT_X),
					 TM_GET(race_snap[t].ep[ep], TCU_SEP_TGT_Y)) == t) {
		race_self++;
		race_self_abort += SPEC_GET(got[1], TCU_CMD_ERR) == TCU_ERR_ABORT;
	}
	if (race_order(1, t, op, ep, carg, addr, size, arg, karg, got, who, nwho, eps)) {
		race_cmd_first++;
	} else if (race_order(0, t, op, ep, carg, addr, size, arg, karg, got, who, nwho, eps)) {
		race_inv_first++;
	} else if (race_order(2, t, op, ep, carg, addr, size, arg, karg, got, who, nwho, eps)) {
		race_abort++;
		if (op == RACE_WAIT)
			race_abort_wait++;
	} else {
		race_fail++;
		FAIL("T7 race: tile %d op %u ep %u size %u, inval tile %d EP %u force %u, delay %u: COMMAND 0x%08x "
		     "kernel 0x%08x RESULT 0x%08x match neither serial order (model: 0x%08x 0x%08x 0x%08x after "
		     "invalidate-first)",
		     t, op, ep, size, u, iep, force, delay, got[0], got[1], got[2], mt[t].command, mt[0].command,
		     mt[0].result);
		printf("  EP %u of tile %d before: %08x %08x %08x %08x\n", ep, t, race_snap[t].ep[ep][0],
		       race_snap[t].ep[ep][1], race_snap[t].ep[ep][2], race_snap[t].ep[ep][3]);
		return;
	}
	/* the matched order's state is the model's now; the slot may need re-filling */
	if (iep < 4 && !mt[u].ep[iep][0])
		nfetched[u][iep] = 0;
	if (!mt[u].ep[iep][0] && chance(80)) {
		uint32_t w[4];

		do
			role_ep(w, u, iep);
		while (!w[0]);
		tb_cfg_ep(u, iep, w);
	}
}

/* the initial world: every EP in its role */
static void setup_roles(void)
{
	uint32_t w[4];

	for (int t = 0; t < NT; t++)
		for (unsigned e = 0; e < 12; e++) {
			do
				role_ep(w, t, e);
			while (!w[0]);
			tb_cfg_ep(t, e, w);
		}
	compare_eps("setup");
}

int main(int argc, char **argv)
{
	unsigned long n = 3000, seed = 1, reset_every = 500, race_pm = 0, flood = 0;
	const char *trace = NULL;
	unsigned long long trace_from = 0;
	int opt;

	while ((opt = getopt(argc, argv, "n:s:p:t:T:r:x:F:d")) != -1) {
		switch (opt) {
		case 'd':
			debug = 1;
			break;
		case 'n':
			n = strtoul(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			stall_pct = (unsigned)strtoul(optarg, NULL, 0);
			break;
		case 't':
			trace = optarg;
			break;
		case 'T':
			trace_from = strtoull(optarg, NULL, 0);
			break;
		case 'r':
			reset_every = strtoul(optarg, NULL, 0);
			break;
		case 'x':
			race_pm = strtoul(optarg, NULL, 0);
			break;
		case 'F':
			flood = strtoul(optarg, NULL, 0);
			break;
		default:
			fprintf(stderr, "usage: tcu_tb [-n steps] [-s seed] [-p stall%%] [-r reset_every] "
					"[-x race_permille] [-F flood_cycles] [-t trace.fst [-T from_cycle]]\n"
					"  every step is one random command, or (with probability race_permille/1000)\n"
					"  one T7 race trial; a global reset hits the traffic every reset_every steps;\n"
					"  -F runs the T6 flooding experiment (tcu_flood.c) instead of the random steps\n");
			return 2;
		}
	}
	rng ^= seed * 0x9e3779b97f4a7c15ull;
	for (int i = 0; i < 8; i++)
		tb_rnd();
	sim = shim_new(0, NULL);
	if (trace)
		shim_trace(sim, trace, trace_from, ~0ull);
	tm_sys_init(&msys, 0, 0);
	for (int t = 0; t < NT; t++) {
		for (unsigned i = 0; i < MEMSZ; i++)
			rmem[t][i] = mmem[t][i] = (uint8_t)tb_rnd();
		tm_tile_init(&mt[t], &msys, TX(t), TY(t), NEPS, mmem[t], MEMSZ);
		tm_sys_add(&msys, &mt[t]);
	}
	for (int nn = 0; nn < 2; nn++)
		for (int t = 0; t < NT; t++)
			owner[nn][t] = src_state[nn][t] = -1;
	reset();

	test_privilege();
	test_latency();
	if (flood) {
		unsigned long f = flood_run(flood);

		printf("tcu_tb: seed %lu, T6 flooding, %llu cycles, %lu failed checks, %lu mismatches\n", seed,
		       (unsigned long long)shim_cycle(sim), f, mismatches);
		shim_free(sim);
		return f || mismatches ? 1 : 0;
	}
	setup_roles();
	for (unsigned long i = 0; i < n; i++) {
		if (reset_every && i % reset_every == reset_every - 1)
			mid_reset();
		if (tb_rnd() % 1000 < race_pm)
			race_trial();
		else
			random_cmd();
		compare_mem("random");
		if (i % 16 == 15 || mismatches)
			compare_eps("random");
		if (mismatches)
			break;
	}
	if (mismatches)
		for (int nn = 0; nn < 2; nn++)
			for (int t = 0; t < NT; t++)
				if (q[nn][t].n)
					printf("  queue net %d tile %d holds %u flits\n", nn, t, q[nn][t].n);
	compare_eps("final");
	{
		static const char *const ops[16] = { "IDLE", "SEND", "REPLY", "READ", "WRITE", "FETCH", "ACK", "SLEEP",
						     "PRIV_WR", "PRIV_RD", "10", "11", "12", "13", "14", "15" };

		for (int o = 0; o < 16; o++) {
			unsigned long tot = 0;

			for (int e = 0; e < 32; e++)
				tot += hist[o][e];
			if (!tot || o >= 10)
				continue;
			printf("  %-8s %6lu:", ops[o], tot);
			for (int e = 0; e < 32; e++)
				if (hist[o][e])
					printf(" %s %lu", tm_err_name(e), hist[o][e]);
			printf("\n");
		}
		printf("  deliveries");
		for (int t = 0; t < NT; t++)
			printf(" %lu", mt[t].delivered);
		printf("\n");
	}
	{
		unsigned long dl = 0, unk = 0;

		for (int t = 0; t < NT; t++)
			dl += mt[t].delivered;
		for (int o = 0; o < 16; o++)
			unk += hist[o][TCU_ERR_UNKNOWN_CMD];
		printf("T3/T4 credits and slots (%s, %d tiles): %lu commands, EPs compared every 16 and at the end, "
		       "%lu mismatches\n", MESH ? "mesh" : "crossbar", NT, ncmds, mismatches);
		printf("T4 aborted writes: %lu SPM writes granted in the cycle their stream was aborted (the "
		       "directed short WR_REQ checked byte by byte), %lu mismatches\n", abort_writes, mismatches);
		printf("T5 headers: %lu messages with random payloads, headers and payloads compared with the model, "
		       "%lu mismatches\n", dl, mismatches);
		if (race_trials)
			printf("T7 races: %lu invalidations during a command or delivery (%lu command first, %lu invalidate "
			       "first, %lu invalidations aborted by the busy tile, nothing applied), %lu matching no serial "
			       "order; %lu of the aborts behind a WAIT; %lu SENDs to the own tile raced (%lu aborted)\n",
			       race_trials, race_cmd_first, race_inv_first, race_abort, race_fail, race_abort_wait, race_self,
			       race_self_abort);
		printf("T8 commands: %lu commands (%lu unknown opcodes, %lu EP indices beyond the file), longest %lu "
		       "cycles, 0 hangs\n", ncmds, unk, bad_ep, max_lat);
		printf("T9 resets: %lu global resets in traffic, all EPs invalid after each, %lu mismatches\n", resets,
		       mismatches);
	}
	printf("tcu_tb: seed %lu, %lu commands, %lu resets in traffic, %llu cycles, %lu packets to missing tiles, "
	       "%lu mismatches\n", seed, ncmds, resets, (unsigned long long)shim_cycle(sim), dropped_pkts, mismatches);
	shim_free(sim);
	return mismatches ? 1 : 0;
}
