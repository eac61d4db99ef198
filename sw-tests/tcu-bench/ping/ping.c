/*
 * ping: the measuring side of the TCU benchmark (the run's main tile).
 *
 * 1. Round trip: for payloads of 8 B .. 2 KiB (2 KiB - 16 B, the largest
 *    message a 2 KiB slot holds), warmup + rounds times: send the payload to
 *    pong, wait for its echo; the software-visible round trip runs from the
 *    counter read before the SEND's COMMAND store to the one after the
 *    blocking WAIT for the reply returns (lean driver calls: DATA_* and ARG
 *    set once per size, one COMMAND store per round), in cycles. Every reply is
 *    checked (reply flag, source tile, label, length, payload) outside the
 *    timed window. Prints min / median / p99 / max.
 * 2. Hardware-only send: rounds 8-byte sends with DATA_* and ARG set up
 *    beforehand; t0 is read in the instruction before the COMMAND store, pong
 *    reads t1 in the instruction after its blocking WAIT load returns (both
 *    pairs in inline assembly, bench.h). All tiles count cycles from the
 *    same reset, so t1 - t0 minus the cost of the two stamps (two
 *    back-to-back counter reads each) is SEND issued -> message visible at
 *    the receiver (checked against a waveform: COMMAND store on the bus ->
 *    WAIT load answered).
 * 3. READ/WRITE bandwidth through a memory EP onto the memory tile, sizes
 *    64 B .. BENCH_BW_MAX, data read back and compared.
 */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "check.h"
#include "tcu.h"
#include "tile.h"

#define MAX_ROUNDS 1000

static uint32_t t[MAX_ROUNDS];
static uint32_t bad;

/* nearest-rank percentile of a sorted array */
static uint32_t pct(const uint32_t *a, int n, int p)
{
	int k = (n * p + 99) / 100;

	return a[k > 0 ? k - 1 : 0];
}

static uint32_t pattern(uint32_t seed, uint32_t i)
{
	return (seed * 0x9e3779b1u) ^ (i * 0x85ebca6bu) ^ 0x5bd1e995u;
}

static void fill(volatile uint32_t *p, uint32_t words, uint32_t seed)
{
	for (uint32_t i = 0; i < words; i++)
		p[i] = pattern(seed, i);
}

static uint32_t mismatches(const volatile uint32_t *a, const volatile uint32_t *b, uint32_t words)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < words; i++)
		n += a[i] != b[i];
	return n;
}

/* a reply from pong to round r: header, then the echoed payload */
static void check_reply(const struct tcu_msg *m, uint32_t size, uint32_t r, int full)
{
	volatile struct bench_cfg *cfg = bench_cfg();
	const volatile uint32_t *p = (const volatile uint32_t *)m->data, *s = (const volatile uint32_t *)PING_SBUF;
	uint32_t w = size / 4, e = 0;

	e += !SPEC_GET(m->hdr0, TCU_HDR0_REPLY);
	e += SPEC_GET(m->hdr0, TCU_HDR0_SRC_X) != cfg->pong_x || SPEC_GET(m->hdr0, TCU_HDR0_SRC_Y) != cfg->pong_y;
	e += tcu_msg_len(m) != size;
	e += m->label != size;
	e += p[0] != r || p[w - 1] != ~r;
	if (full)
		e += mismatches(p, s, w) != 0;
	if (e && bad++ < 4)
		printf("ping: size %u round %u: bad reply (%u faults)\n", (unsigned)size, (unsigned)r, (unsigned)e);
}

/* the offset of the reply a WAIT word names; ends the run on errors */
static uint32_t reply_off(int err, uint32_t w)
{
	if (err || SPEC_GET(w, TCU_CMD_ERR) || SPEC_GET(w, TCU_CMD_ARG) == TCU_NONE_OFF) {
		printf("ping: %s\n", err || SPEC_GET(w, TCU_CMD_ERR) ? tcu_strerror(err ? err : (int)SPEC_GET(w, TCU_CMD_ERR))
							     : "no reply");
		tile_exit(1);
	}
	return (uint32_t)SPEC_GET(w, TCU_CMD_ARG);
}

/* DATA_ADDR, DATA_SIZE and ARG (the reply label) are set once per size; a
 * round is one COMMAND store, the wait for the SEND's result (while the
 * message travels) and the blocking wait for the reply */
static void rtt(uint32_t size, uint32_t rounds, uint32_t warmup, uint32_t hops)
{
	volatile uint32_t *s = (volatile uint32_t *)PING_SBUF;
	uint32_t w = size / 4, cmd = tcu_cmd_word(TCU_OP_SEND, PING_SEP, PING_RPL_REP);

	fill(s, w, size);
	memset((void *)PING_RBUF, 0, 16 + size);
	tcu_set_data((const void *)s, size);
	tcu_set_arg(size);
	for (uint32_t r = 0; r < warmup + rounds; r++) {
		s[0] = r, s[w - 1] = ~r;
		uint32_t t1, t0 = stamp_start(cmd);
		int err = tcu_last_err();
		uint32_t w = wait_stamp(PING_RPL_REP, &t1);
		uint32_t off = reply_off(err, w);

		check_reply(tcu_msg_at((void *)PING_RBUF, off), size, r, r < 2 || r + 1 == warmup + rounds);
		CHECK_EQ(tcu_ack(PING_RPL_REP, off), 0);
		if (r >= warmup)
			t[r - warmup] = t1 - t0;
	}
	tile_sort_u32(t, (int)rounds);
	printf("RTT hops=%u size=%u rounds=%u min=%u med=%u p99=%u max=%u\n", (unsigned)hops, (unsigned)size,
	       (unsigned)rounds, (unsigned)t[0], (unsigned)t[rounds / 2], (unsigned)pct(t, (int)rounds, 99),
	       (unsigned)t[rounds - 1]);
}

static void hw_send(uint32_t rounds, uint32_t hops)
{
	volatile uint32_t *s = (volatile uint32_t *)PING_SBUF;
	uint32_t cmd = tcu_cmd_word(TCU_OP_SEND, PING_SEP, PING_RPL_REP);

	/* the cost of one stamp: two back-to-back counter reads */
	uint32_t cal = stamp_cost();

	tcu_set_data((const void *)s, 8);
	TCU_REG(TCU_REG_ARG) = 0;
	for (uint32_t r = 0; r < rounds; r++) {
		s[0] = r, s[1] = 0;
		uint32_t t0 = stamp_start(cmd);
		int err = tcu_last_err();
		uint32_t off = reply_off(err, tcu_wait_word(PING_RPL_REP));
		const struct tcu_msg *m = tcu_msg_at((void *)PING_RBUF, off);
		const volatile uint32_t *p = (const volatile uint32_t *)m->data;

		CHECK(p[0] == r && tcu_msg_len(m) == 8);
		t[r] = p[1] - t0;
		CHECK_EQ(tcu_ack(PING_RPL_REP, off), 0);
	}
	tile_sort_u32(t, (int)rounds);
	printf("HW hops=%u rounds=%u min=%u med=%u max=%u raw_med=%u cal=%u\n", (unsigned)hops, (unsigned)rounds,
	       (unsigned)(t[0] - 2 * cal), (unsigned)(t[rounds / 2] - 2 * cal), (unsigned)(t[rounds - 1] - 2 * cal),
	       (unsigned)t[rounds / 2], (unsigned)cal);
}

static uint32_t median(uint32_t *a, uint32_t n)
{
	tile_sort_u32(a, (int)n);
	return a[n / 2];
}

static void bandwidth(uint32_t reps, uint32_t hops)
{
	volatile uint32_t *src = (volatile uint32_t *)PING_BW_SRC, *dst = (volatile uint32_t *)PING_BW_DST;
	uint32_t wr[16], rd[16];

	if (reps > 16)
		reps = 16;
	for (uint32_t size = 64; size <= BENCH_BW_MAX; size *= 2) {
		fill(src, size / 4, size + 1);
		for (uint32_t k = 0; k < reps; k++) {
			uint32_t t0 = tile_cycles32();
			int err = tcu_write(PING_MEP, (const void *)src, size, 0);
			uint32_t t1 = tile_cycles32();

			CHECK_EQ(err, 0);
			wr[k] = t1 - t0;
		}
		for (uint32_t k = 0; k < reps; k++) {
			memset((void *)dst, 0, size);
			uint32_t t0 = tile_cycles32();
			int err = tcu_read(PING_MEP, (void *)dst, size, 0);
			uint32_t t1 = tile_cycles32();

			CHECK_EQ(err, 0);
			CHECK_EQ(mismatches(src, dst, size / 4), 0);
			rd[k] = t1 - t0;
		}
		printf("BW hops=%u size=%u write=%u read=%u\n", (unsigned)hops, (unsigned)size,
		       (unsigned)median(wr, reps), (unsigned)median(rd, reps));
	}
}

int main(void)
{
	volatile struct bench_cfg *cfg = bench_cfg();

	if (cfg->magic != BENCH_MAGIC || cfg->rounds == 0 || cfg->rounds > MAX_ROUNDS) {
		printf("ping: no valid configuration\n");
		return 1;
	}
	for (int i = 0; i < BENCH_NSIZES; i++)
		rtt(bench_size(i), cfg->rounds, cfg->warmup, cfg->hops);
	hw_send(cfg->rounds, cfg->hops);
	bandwidth(cfg->bw_reps, cfg->mem_hops);
	CHECK_EQ(bad, 0);
	return check_done("ping");
}
