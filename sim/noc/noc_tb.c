/*
 * noc_tb.c - unit testbench and benchmark of the NoC (rtl/noc/noc_mesh.v).
 *
 * A traffic generator and a sink sit at every node of both networks (REQ,
 * RSP). Generators drive random SRC values in every head (the network
 * interface must replace them) and now and then a packet to a node outside
 * the mesh (the network interface must drop it and say so); sinks apply
 * random back-pressure. A scoreboard checks that every packet arrives exactly
 * once, intact, in order per (source, destination) pair, at the right node,
 * with the right source stamp; watchdogs fail the run on a deadlock (no
 * progress) or livelock/starvation (a packet older than a cycle limit).
 *
 * The mesh size and flit width come from the model's ports file
 * (NOC_TB_SIZE_X, NOC_TB_SIZE_Y, NOC_TB_FLIT_W).
 *
 * Usage: noc_tb [test options] | --bench DIR
 *   --seed N       random seed (default 1)
 *   --packets N    packets to check, both networks together (default 200000)
 *   --trace F      write an FST waveform of the first 20000 cycles to F
 *   --bench DIR    run the benchmark instead: zero-load hop latency and
 *                  latency / throughput versus offered load per pattern;
 *                  writes DIR/noc_hops.csv and DIR/noc_load.csv, prints a
 *                  table and PERF lines (tools/perf.py turns them into JSON)
 * Exit status 0 when every check passed, 1 otherwise.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"
#include "spec/noc.h"

#define SX NOC_TB_SIZE_X
#define SY NOC_TB_SIZE_Y
#define FW NOC_TB_FLIT_W
#define NODES (SX * SY)
#define WORDS ((NODES * FW + 31) / 32)
#define CLASSES 2
#define QCAP 1024u	 /* packets queued per source */
#define RING 2048u	 /* outstanding packets tracked per (src, dst) pair */
#define MAX_LEN 20u	 /* longest random packet, flits */
#define STALL_LIMIT 20000 /* cycles without any delivery = deadlock */
#define AGE_LIMIT 400000 /* cycles in the network = livelock / starvation */

#if NODES > 64 || FW > 64 || NODES * FW <= 64
#error "noc_tb needs at most 64 nodes, FlitW <= 64 and wide data ports"
#endif

enum pattern { PAT_UNIFORM, PAT_TRANSPOSE, PAT_BITCOMP, PAT_HOTSPOT, PAT_NEIGHBOUR, PATTERNS };
static const char *const pat_name[PATTERNS] = {"uniform", "transpose", "bitcomp", "hotspot",
					       "neighbour"};
#define SRC_BITS (SPEC_PUT(NOC_HEAD_SRC_X, ~0ull) | SPEC_PUT(NOC_HEAD_SRC_Y, ~0ull))

static const char *const cls_name[CLASSES] = {"req", "rsp"};

struct pkt {
	uint16_t dst;	/* node, or 0xffff: out-of-mesh (dropped by the NI) */
	uint8_t bad_x, bad_y;
	uint32_t seq;
	uint32_t len;
};

struct src {
	struct pkt q[QCAP];
	uint32_t head, n; /* ring of queued packets */
	uint32_t idx;	  /* next flit of q[head] */
	int valid;	  /* a flit is offered (held until accepted) */
	uint64_t flit;
	int last;
};

struct pair {
	uint32_t gen_seq, inj_seq, rx_seq;
	uint32_t gen_at[RING], inj_at[RING];
};

struct sink {
	int busy;
	unsigned src;
	uint32_t seq, idx, len;
};

struct net {
	struct src src[NODES];
	struct sink sink[NODES];
	struct pair pair[NODES][NODES];
	uint64_t rx_pkts, rx_flits, tx_flits, bad_sent, bad_flits, drops, last_progress;
	uint64_t max_age, lat_sum, lat_n, win_flits;
	uint64_t win_offered[NODES], win_acc[NODES]; /* per source, in the window */
	enum pattern pat;
	double load;   /* offered flits per node per cycle */
	double gap_p;  /* probability a source idles before a flit */
	double bp_p;   /* probability a sink is not ready */
	int block;     /* sinks never ready */
	int gen_on;
};

static struct net net[CLASSES];
static uint64_t rng_state = 1;
static unsigned fixed_len; /* 0: random lengths */
static uint64_t win_from, win_to; /* latency / throughput window (bench) */
static int errors;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static double rndf(void)
{
	return (double)(rnd() >> 11) / 9007199254740992.0;
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

static uint64_t flit_mask(void)
{
	return FW == 64 ? ~0ull : (1ull << FW) - 1;
}

/* Expected content of flit k of a packet: a hash of where it comes from. */
static uint64_t pkt_hash(int c, unsigned s, unsigned d, uint32_t seq, uint32_t k)
{
	return mix(((uint64_t)c << 62) ^ ((uint64_t)s << 52) ^ ((uint64_t)d << 40) ^
		   ((uint64_t)seq << 12) ^ k);
}

static uint32_t pkt_len(int c, unsigned s, unsigned d, uint32_t seq)
{
	uint64_t h = pkt_hash(c, s, d, seq, 0xfff);

	if (fixed_len)
		return fixed_len;
	if (h % 100 < 50)
		return 1;
	if (h % 100 < 85)
		return 2 + (uint32_t)((h >> 8) % 7);
	return 9 + (uint32_t)((h >> 8) % (MAX_LEN - 8));
}

static uint64_t head_flit(unsigned dx, unsigned dy, unsigned sx, unsigned sy, uint64_t arg)
{
	return (SPEC_PUT(NOC_HEAD_DST_X, dx) | SPEC_PUT(NOC_HEAD_DST_Y, dy) |
		SPEC_PUT(NOC_HEAD_SRC_X, sx) | SPEC_PUT(NOC_HEAD_SRC_Y, sy) |
		SPEC_PUT(NOC_HEAD_KIND, NOC_KIND_TEST) | SPEC_PUT(NOC_HEAD_ARG, arg)) &
	       flit_mask();
}

/* Flit k of packet (s -> d, seq) as it must arrive (true source stamped). */
static uint64_t expect_flit(int c, unsigned s, unsigned d, uint32_t seq, uint32_t k)
{
	uint64_t h = pkt_hash(c, s, d, seq, k);

	if (k == 0)
		return head_flit(d % SX, d / SX, s % SX, s / SX, h);
	return h & flit_mask();
}

static unsigned pick_dst(enum pattern p, unsigned s)
{
	unsigned x = s % SX, y = s / SX, d;

	switch (p) {
	case PAT_TRANSPOSE:
		return (x % SY) * SX + (y % SX);
	case PAT_BITCOMP:
		return (SY - 1 - y) * SX + (SX - 1 - x);
	case PAT_HOTSPOT:
		if (rnd() % 4 == 0)
			return (SY / 2) * SX + SX / 2;
		break;
	case PAT_NEIGHBOUR:
		return SX > 1 ? y * SX + (x + 1) % SX : ((y + 1) % SY) * SX + x;
	default:
		break;
	}
	do
		d = (unsigned)(rnd() % NODES);
	while (d == s);
	return d;
}

static void fail(int c, uint64_t cyc, const char *fmt, ...)
{
	va_list ap;

	if (errors++ >= 20)
		return;
	fprintf(stderr, "FAIL cycle %" PRIu64 " %s: ", cyc, cls_name[c]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Maybe append a new packet to source s (Bernoulli process at the offered load). */
static void generate(int c, unsigned s, uint64_t cyc)
{
	struct net *n = &net[c];
	struct src *g = &n->src[s];
	double mean = fixed_len ? fixed_len : 4.36;
	struct pkt *p;
	struct pair *pr;

	if (!n->gen_on || rndf() >= n->load / mean)
		return;
	if (fixed_len && cyc >= win_from && cyc < win_to)
		n->win_offered[s] += fixed_len; /* offered, even if the queue is full */
	if (g->n == QCAP)
		return;
	p = &g->q[(g->head + g->n) % QCAP];
	if ((SX < 16 || SY < 16) && !fixed_len && rnd() % 256 == 0) {
		p->dst = 0xffff; /* out of the mesh: the NI must drop it */
		p->bad_x = SX < 16 ? (uint8_t)(SX + rnd() % (16 - SX)) : 0;
		p->bad_y = SX < 16 ? (uint8_t)(rnd() % 16) : (uint8_t)(SY + rnd() % (16 - SY));
		p->seq = 0;
		p->len = 1 + (uint32_t)(rnd() % 4);
		g->n++;
		return;
	}
	p->dst = (uint16_t)pick_dst(n->pat, s);
	pr = &n->pair[s][p->dst];
	if (pr->gen_seq - pr->rx_seq >= RING)
		return; /* tracking ring full: hold back (never at sane loads) */
	p->seq = pr->gen_seq++;
	p->len = pkt_len(c, s, p->dst, p->seq);
	pr->gen_at[p->seq % RING] = (uint32_t)cyc;
	g->n++;
}

/* Offer the next flit of source s unless one is already offered. */
static void offer(int c, unsigned s)
{
	struct src *g = &net[c].src[s];
	struct pkt *p;

	if (g->valid || g->n == 0 || rndf() < net[c].gap_p)
		return;
	p = &g->q[g->head];
	g->last = g->idx + 1 == p->len;
	if (p->dst == 0xffff)
		g->flit = g->idx ? rnd() & flit_mask()
				 : head_flit(p->bad_x, p->bad_y, (unsigned)rnd(), (unsigned)rnd(),
					     rnd());
	else
		g->flit = expect_flit(c, s, p->dst, p->seq, g->idx);
	if (g->idx == 0) /* the tile claims a random source: the NI must stamp its own */
		g->flit = ((g->flit & ~SRC_BITS) | (rnd() & SRC_BITS)) & flit_mask();
	g->valid = 1;
}

static void accepted(int c, unsigned s, uint64_t cyc)
{
	struct net *n = &net[c];
	struct src *g = &n->src[s];
	struct pkt *p = &g->q[g->head];

	g->valid = 0;
	n->tx_flits++;
	if (p->dst == 0xffff)
		n->bad_flits++;
	if (g->idx == 0 && p->dst != 0xffff) {
		struct pair *pr = &n->pair[s][p->dst];

		pr->inj_at[pr->inj_seq++ % RING] = (uint32_t)cyc;
	}
	if (++g->idx == p->len) {
		g->idx = 0;
		g->head = (g->head + 1) % QCAP;
		g->n--;
		if (p->dst == 0xffff)
			n->bad_sent++;
	}
}

/* Check one flit delivered at node d. */
static void delivered(int c, unsigned d, uint64_t flit, int last, uint64_t cyc)
{
	struct net *n = &net[c];
	struct sink *k = &n->sink[d];
	struct pair *pr;

	n->rx_flits++;
	n->last_progress = cyc;
	if (cyc >= win_from && cyc < win_to)
		n->win_flits++;
	if (!k->busy) {
		unsigned sx = (unsigned)SPEC_GET(flit, NOC_HEAD_SRC_X);
		unsigned sy = (unsigned)SPEC_GET(flit, NOC_HEAD_SRC_Y);

		if (SPEC_GET(flit, NOC_HEAD_DST_X) != d % SX ||
		    SPEC_GET(flit, NOC_HEAD_DST_Y) != d / SX) {
			fail(c, cyc, "misrouted head at node %u: %016" PRIx64, d, flit);
			return;
		}
		if (sx >= SX || sy >= SY) {
			fail(c, cyc, "bad source stamp at node %u: %016" PRIx64, d, flit);
			return;
		}
		k->src = sy * SX + sx;
		pr = &n->pair[k->src][d];
		if (pr->rx_seq == pr->inj_seq) {
			fail(c, cyc, "unexpected packet %u -> %u (duplicate or wrong source stamp)",
			     k->src, d);
			return;
		}
		k->busy = 1;
		k->seq = pr->rx_seq;
		k->idx = 0;
		k->len = pkt_len(c, k->src, d, k->seq);
	}
	if (cyc >= win_from && cyc < win_to)
		n->win_acc[k->src]++;
	if (flit != expect_flit(c, k->src, d, k->seq, k->idx))
		fail(c, cyc, "corrupt, lost or reordered: %u -> %u seq %u flit %u: %016" PRIx64
		     ", expected %016" PRIx64, k->src, d, k->seq, k->idx, flit,
		     expect_flit(c, k->src, d, k->seq, k->idx));
	if ((k->idx + 1 == k->len) != !!last)
		fail(c, cyc, "last bit wrong: %u -> %u seq %u flit %u of %u", k->src, d, k->seq,
		     k->idx, k->len);
	if (++k->idx < k->len && !last)
		return;
	pr = &n->pair[k->src][d];
	{
		uint64_t age = cyc - pr->inj_at[k->seq % RING];
		uint32_t gen = pr->gen_at[k->seq % RING];

		if (age > n->max_age)
			n->max_age = age;
		if (gen >= win_from && gen < win_to) {
			n->lat_sum += cyc - gen;
			n->lat_n++;
		}
	}
	pr->rx_seq++;
	n->rx_pkts++;
	k->busy = 0;
}

static void put_bits(uint32_t *w, unsigned lsb, uint64_t v)
{
	for (unsigned b = 0; b < FW; b++) {
		unsigned i = lsb + b;

		w[i / 32] = (w[i / 32] & ~(1u << (i % 32))) | ((uint32_t)((v >> b) & 1) << (i % 32));
	}
}

static uint64_t get_bits(const uint32_t *w, unsigned lsb)
{
	uint64_t v = 0;

	for (unsigned b = 0; b < FW; b++) {
		unsigned i = lsb + b;

		v |= (uint64_t)((w[i / 32] >> (i % 32)) & 1) << b;
	}
	return v;
}

struct ports {
	uint64_t tx_valid, tx_last, tx_ready, rx_valid, rx_last, rx_ready, drop;
	uint32_t tx_data[WORDS], rx_data[WORDS];
};

static void drive(struct shim *sim, int c, struct ports *p)
{
	if (c == 0) {
		shim_set_req_tx_valid_i(sim, p->tx_valid);
		shim_set_req_tx_last_i(sim, p->tx_last);
		shim_setw_req_tx_data_i(sim, p->tx_data);
		shim_set_req_rx_ready_i(sim, p->rx_ready);
	} else {
		shim_set_rsp_tx_valid_i(sim, p->tx_valid);
		shim_set_rsp_tx_last_i(sim, p->tx_last);
		shim_setw_rsp_tx_data_i(sim, p->tx_data);
		shim_set_rsp_rx_ready_i(sim, p->rx_ready);
	}
}

static void sample(struct shim *sim, int c, struct ports *p)
{
	if (c == 0) {
		p->tx_ready = shim_get_req_tx_ready_o(sim);
		p->drop = shim_get_req_drop_o(sim);
		p->rx_valid = shim_get_req_rx_valid_o(sim);
		p->rx_last = shim_get_req_rx_last_o(sim);
		shim_getw_req_rx_data_o(sim, p->rx_data);
	} else {
		p->tx_ready = shim_get_rsp_tx_ready_o(sim);
		p->drop = shim_get_rsp_drop_o(sim);
		p->rx_valid = shim_get_rsp_rx_valid_o(sim);
		p->rx_last = shim_get_rsp_rx_last_o(sim);
		shim_getw_rsp_rx_data_o(sim, p->rx_data);
	}
}

/* One clock cycle of both networks: generate, offer, handshake, check. */
static void cycle(struct shim *sim)
{
	static struct ports p[CLASSES];
	uint64_t cyc = shim_cycle(sim);

	for (int c = 0; c < CLASSES; c++) {
		struct net *n = &net[c];

		p[c].tx_valid = p[c].tx_last = p[c].rx_ready = 0;
		for (unsigned s = 0; s < NODES; s++) {
			generate(c, s, cyc);
			offer(c, s);
			if (n->src[s].valid) {
				p[c].tx_valid |= 1ull << s;
				p[c].tx_last |= (uint64_t)n->src[s].last << s;
				put_bits(p[c].tx_data, s * FW, n->src[s].flit);
			}
			if (!n->block && rndf() >= n->bp_p)
				p[c].rx_ready |= 1ull << s;
		}
		drive(sim, c, &p[c]);
	}
	shim_eval(sim);
	for (int c = 0; c < CLASSES; c++) {
		sample(sim, c, &p[c]);
		for (unsigned s = 0; s < NODES; s++) {
			if ((p[c].tx_valid & p[c].tx_ready) >> s & 1)
				accepted(c, s, cyc);
			if ((p[c].rx_valid & p[c].rx_ready) >> s & 1)
				delivered(c, s, get_bits(p[c].rx_data, s * FW),
					  (int)(p[c].rx_last >> s & 1), cyc);
			if (p[c].drop >> s & 1)
				net[c].drops++;
		}
	}
	shim_tick(sim);
}

static uint64_t outstanding(int c)
{
	uint64_t o = 0;

	for (unsigned s = 0; s < NODES; s++) {
		o += net[c].src[s].n;
		for (unsigned d = 0; d < NODES; d++)
			o += net[c].pair[s][d].inj_seq - net[c].pair[s][d].rx_seq;
	}
	return o;
}

/* Watchdogs: no delivery for STALL_LIMIT cycles while packets are pending
 * (deadlock), or a packet in the network for more than AGE_LIMIT (livelock /
 * starvation). Returns nonzero when the run must stop. */
static int watchdog(uint64_t cyc)
{
	for (int c = 0; c < CLASSES; c++) {
		struct net *n = &net[c];

		if (n->block || !outstanding(c)) {
			n->last_progress = cyc;
			continue;
		}
		if (cyc - n->last_progress > STALL_LIMIT) {
			fail(c, cyc, "deadlock: no flit delivered for %d cycles, %" PRIu64
			     " packets pending", STALL_LIMIT, outstanding(c));
			return 1;
		}
		for (unsigned s = 0; s < NODES; s++)
			for (unsigned d = 0; d < NODES; d++) {
				struct pair *pr = &n->pair[s][d];

				if (pr->rx_seq != pr->inj_seq &&
				    cyc - pr->inj_at[pr->rx_seq % RING] > AGE_LIMIT) {
					fail(c, cyc, "livelock / starvation: packet %u -> %u seq %u"
					     " older than %d cycles", s, d, pr->rx_seq, AGE_LIMIT);
					return 1;
				}
			}
	}
	return 0;
}

/* Run until `until(arg)` holds, checking watchdogs every 256 cycles. */
static int run(struct shim *sim, int (*until)(uint64_t), uint64_t arg)
{
	while (!until(arg)) {
		cycle(sim);
		if (shim_finished(sim)) {
			fprintf(stderr, "FAIL: the model stopped (assertion)\n");
			errors++;
			return 1;
		}
		if ((shim_cycle(sim) & 255) == 0 && watchdog(shim_cycle(sim)))
			return 1;
		if (errors)
			return 1;
	}
	return 0;
}

static int until_pkts(uint64_t want)
{
	return net[0].rx_pkts + net[1].rx_pkts >= want;
}

static int until_drained(uint64_t cls_mask)
{
	for (int c = 0; c < CLASSES; c++)
		if ((cls_mask >> c & 1) && outstanding(c))
			return 0;
	return 1;
}

static struct shim *sim_g;
static int until_cycle(uint64_t when)
{
	return shim_cycle(sim_g) >= when;
}

static void reset(struct shim *sim)
{
	shim_set_rst_i(sim, 1);
	for (int i = 0; i < 4; i++)
		shim_tick(sim);
	shim_set_rst_i(sim, 0);
}

static void set_traffic(int c, enum pattern pat, double load, double gap, double bp)
{
	net[c].pat = pat;
	net[c].load = load;
	net[c].gap_p = gap;
	net[c].bp_p = bp;
	net[c].gen_on = 1;
}

/* The CI / soak test: random phases of every pattern, then a response-drain
 * check with all request sinks blocked, then a full drain. */
static int test(struct shim *sim, uint64_t packets)
{
	uint64_t per_phase = packets / 20 + 1, seen_bad;
	uint64_t counts[PATTERNS] = {0}, age_load[CLASSES];

	for (int ph = 0; !errors && until_pkts(packets) == 0; ph++) {
		enum pattern pat = (enum pattern)(ph % PATTERNS);
		uint64_t before = net[0].rx_pkts + net[1].rx_pkts;

		for (int c = 0; c < CLASSES; c++)
			set_traffic(c, (enum pattern)((pat + c) % PATTERNS), 0.05 + 0.95 * rndf(),
				    rndf() * 0.5, rndf() * 0.6);
		if (run(sim, until_pkts, before + per_phase))
			break;
		counts[pat] += net[0].rx_pkts + net[1].rx_pkts - before;
	}
	for (int c = 0; c < CLASSES; c++)
		age_load[c] = net[c].max_age;
	/* Responses drain while every request sink refuses to take anything. */
	if (!errors) {
		set_traffic(0, PAT_HOTSPOT, 0.8, 0.0, 0.0);
		set_traffic(1, PAT_UNIFORM, 0.5, 0.0, 0.3);
		net[0].block = 1;
		run(sim, until_cycle, shim_cycle(sim) + 20000);
		net[0].gen_on = net[1].gen_on = 0;
		if (!errors && !run(sim, until_drained, 2))
			printf("rsp drain with req blocked: ok (req pending %" PRIu64 ")\n",
			       outstanding(0));
		net[0].block = 0;
	}
	net[0].gen_on = net[1].gen_on = 0;
	if (!errors)
		run(sim, until_drained, 3);
	for (int i = 0; !errors && i < 64; i++)
		cycle(sim); /* nothing may trickle out after the drain */
	for (int c = 0; c < CLASSES; c++) {
		struct net *n = &net[c];

		if (!errors && n->tx_flits != n->rx_flits + n->bad_flits)
			fail(c, shim_cycle(sim), "flits sent %" PRIu64 " != received %" PRIu64
			     " + dropped %" PRIu64, n->tx_flits, n->rx_flits, n->bad_flits);
		if (!errors && n->drops != n->bad_sent)
			fail(c, shim_cycle(sim), "out-of-mesh packets sent %" PRIu64
			     ", dropped by the NI %" PRIu64, n->bad_sent, n->drops);
		printf("%s: %" PRIu64 " packets, %" PRIu64 " flits checked; %" PRIu64
		       " out-of-mesh dropped; max packet age under random load %" PRIu64
		       " cycles\n", cls_name[c], n->rx_pkts, n->rx_flits, n->drops, age_load[c]);
	}
	seen_bad = net[0].bad_sent + net[1].bad_sent;
	printf("patterns (packets):");
	for (int p = 0; p < PATTERNS; p++)
		printf(" %s %" PRIu64, pat_name[p], counts[p]);
	printf("\n%dx%d FlitW %d: %" PRIu64 " packets checked (+%" PRIu64
	       " out-of-mesh dropped) in %" PRIu64 " cycles, %.1f s: %d errors -> %s\n", SX, SY,
	       FW, net[0].rx_pkts + net[1].rx_pkts, seen_bad, shim_cycle(sim), shim_seconds(sim),
	       errors, errors ? "FAILED" : "PASS");
	return errors != 0;
}

/* ---- benchmark ---------------------------------------------------------- */

#define BENCH_LEN 4u	   /* flits per packet in the load sweep */
#define BENCH_WARM 3000u   /* cycles before the measurement window */
#define BENCH_WIN 12000u   /* measurement window, cycles */

#define BENCH_KEEP 0.97	   /* "keeps up": accepted >= this * offered */
#define BENCH_REFINE 5	   /* bisection steps for the saturation point */

static const double bench_loads[] = {0.02, 0.05, 0.1,  0.15, 0.2,  0.25, 0.3,  0.35,
				     0.4,  0.45, 0.5,  0.55, 0.6,  0.65, 0.7,  0.75,
				     0.8,  0.85, 0.9,  0.95, 1.0};
#define BENCH_POINTS (sizeof(bench_loads) / sizeof(bench_loads[0]))

/* Fraction of source s's traffic that goes to d under pattern p. */
static double traffic(enum pattern p, unsigned s, unsigned d)
{
	unsigned x = s % SX, y = s / SX, hot = (SY / 2) * SX + SX / 2;
	double u = d == s ? 0.0 : 1.0 / (NODES - 1);

	switch (p) {
	case PAT_TRANSPOSE:
		return d == (x % SY) * SX + (y % SX);
	case PAT_BITCOMP:
		return d == (SY - 1 - y) * SX + (SX - 1 - x);
	case PAT_HOTSPOT:
		return 0.25 * (d == hot) + 0.75 * u;
	case PAT_NEIGHBOUR:
		return d == (SX > 1 ? y * SX + (x + 1) % SX : ((y + 1) % SY) * SX + x);
	default:
		return u;
	}
}

/* Bisection limit: per-node injection rate at which the busier direction of
 * the middle vertical or horizontal cut is saturated (capped at the 1
 * flit/node/cycle injection port). */
static double bisection_limit(enum pattern p)
{
	double lim = 1.0;

	for (int cut = 0; cut < 2; cut++) {
		unsigned k = cut ? SY : SX, chans = cut ? SX : SY;
		double fw = 0, bw = 0;

		if (k < 2)
			continue;
		for (unsigned s = 0; s < NODES; s++)
			for (unsigned d = 0; d < NODES; d++) {
				unsigned a = cut ? s / SX : s % SX, b = cut ? d / SX : d % SX;

				if (a < k / 2 && b >= k / 2)
					fw += traffic(p, s, d);
				if (a >= k / 2 && b < k / 2)
					bw += traffic(p, s, d);
			}
		if (fw > bw)
			bw = fw;
		if (bw > 0 && chans / bw < lim)
			lim = chans / bw;
	}
	return lim;
}

/* Ideal throughput under XY routing: 1 / load of the busiest channel
 * (mesh links, injection and ejection ports). */
static double xy_limit(enum pattern p)
{
	static double load[NODES][5];
	double max = 0;

	memset(load, 0, sizeof(load));
	for (unsigned s = 0; s < NODES; s++)
		for (unsigned d = 0; d < NODES; d++) {
			double t = traffic(p, s, d);
			int x = (int)(s % SX), y = (int)(s / SX);

			if (t == 0)
				continue;
			load[s][0] += t; /* injection, counted on the local slot */
			while (x != (int)(d % SX)) {
				int e = x < (int)(d % SX);

				load[y * SX + x][e ? 2 : 4] += t;
				x += e ? 1 : -1;
			}
			while (y != (int)(d / SX)) {
				int so = y < (int)(d / SX);

				load[y * SX + x][so ? 3 : 1] += t;
				y += so ? 1 : -1;
			}
		}
	for (unsigned n = 0; n < NODES; n++) {
		double ej = 0;

		for (unsigned s = 0; s < NODES; s++)
			ej += traffic(p, s, n);
		if (ej > max)
			max = ej;
		for (int q = 0; q < 5; q++)
			if (load[n][q] > max)
				max = load[n][q];
	}
	return max > 0 ? 1.0 / max : 1.0;
}

static void quiesce(struct shim *sim)
{
	net[0].gen_on = net[1].gen_on = 0;
	run(sim, until_drained, 3);
	for (int c = 0; c < CLASSES; c++) {
		net[c].lat_sum = net[c].lat_n = net[c].win_flits = 0;
		memset(net[c].win_offered, 0, sizeof(net[c].win_offered));
		memset(net[c].win_acc, 0, sizeof(net[c].win_acc));
		net[c].max_age = 0;
	}
}

/* Zero-load latency of a 1-flit packet s -> d, from the cycle the tile offers
 * it to the cycle the destination tile takes it. */
static double zero_load(struct shim *sim, unsigned s, unsigned d)
{
	struct src *g = &net[0].src[s];
	struct pkt *p = &g->q[(g->head + g->n) % QCAP];
	struct pair *pr = &net[0].pair[s][d];
	uint64_t want = net[0].rx_pkts + 1;

	quiesce(sim);
	p->dst = (uint16_t)d;
	p->seq = pr->gen_seq++;
	p->len = 1;
	pr->gen_at[p->seq % RING] = (uint32_t)shim_cycle(sim);
	g->n++;
	run(sim, until_pkts, want + net[1].rx_pkts);
	return net[0].lat_n ? (double)net[0].lat_sum / net[0].lat_n : -1;
}

/* One load point: warm up, measure a window, drain. Returns the accepted
 * throughput (flits/node/cycle), sets *keep when every source got at least
 * BENCH_KEEP of the flits it offered in the window through, and logs the
 * point to the CSV and stdout. */
static double bench_point(struct shim *sim, enum pattern p, double offered, FILE *csv,
			  int *keep)
{
	double acc, lat;

	quiesce(sim);
	set_traffic(0, p, offered, 0, 0);
	win_from = shim_cycle(sim) + BENCH_WARM;
	win_to = win_from + BENCH_WIN;
	run(sim, until_cycle, win_to);
	net[0].gen_on = 0;
	run(sim, until_drained, 1);
	win_from = 0;
	win_to = ~0ull;
	acc = (double)net[0].win_flits / ((double)NODES * BENCH_WIN);
	lat = net[0].lat_n ? (double)net[0].lat_sum / net[0].lat_n : 0;
	*keep = 1;
	for (unsigned s = 0; s < NODES; s++)
		if (net[0].win_acc[s] < BENCH_KEEP * net[0].win_offered[s])
			*keep = 0;
	fprintf(csv, "%s,%.4f,%.4f,%.2f,%" PRIu64 "\n", pat_name[p], offered, acc, lat,
		net[0].lat_n);
	printf("  %-10s %8.3f %9.3f %10.1f%s\n", pat_name[p], offered, acc, lat,
	       *keep ? "" : "  (saturated)");
	return acc;
}

static int noc_bench(struct shim *sim, const char *dir)
{
	char path[512];
	FILE *hops, *load;
	double sx = 0, sy = 0, sxx = 0, sxy = 0, nfit = 0, slope, icpt;
	double lat_h[2 * 16] = {0}, cnt_h[2 * 16] = {0};
	double sat[PATTERNS], bis[PATTERNS], xyl[PATTERNS], full[PATTERNS], hi[PATTERNS], keep;

	snprintf(path, sizeof(path), "%s/noc_hops.csv", dir);
	hops = fopen(path, "w");
	snprintf(path, sizeof(path), "%s/noc_load.csv", dir);
	load = fopen(path, "w");
	if (!hops || !load) {
		fprintf(stderr, "noc_bench: cannot write to %s\n", dir);
		return 1;
	}
	fixed_len = 1;
	for (int c = 0; c < CLASSES; c++)
		set_traffic(c, PAT_UNIFORM, 0, 0, 0);
	net[0].gen_on = net[1].gen_on = 0;
	fprintf(hops, "src,dst,hops,latency_cycles\n");
	for (unsigned s = 0; s < NODES; s++)
		for (unsigned d = 0; d < NODES; d++) {
			unsigned h = (unsigned)(abs((int)(s % SX) - (int)(d % SX)) +
						abs((int)(s / SX) - (int)(d / SX)));
			double l = zero_load(sim, s, d);

			fprintf(hops, "%u,%u,%u,%.0f\n", s, d, h, l);
			lat_h[h] += l;
			cnt_h[h]++;
			sx += h, sy += l, sxx += (double)h * h, sxy += h * l, nfit++;
		}
	slope = (nfit * sxy - sx * sy) / (nfit * sxx - sx * sx);
	icpt = (sy - slope * sx) / nfit;
	printf("NoC benchmark: %dx%d mesh, FlitW %d, XY wormhole, REQ network "
	       "(RSP is an identical, independent network)\n\n", SX, SY, FW);
	printf("Zero-load latency, 1-flit packet, tile offers -> tile takes:\n");
	printf("  hops  cycles\n");
	for (int h = 0; h < SX + SY - 1; h++)
		if (cnt_h[h] > 0)
			printf("  %4d  %6.2f\n", h, lat_h[h] / cnt_h[h]);
	printf("  fit: %.2f + %.3f * hops (network interface + router per hop)\n\n", icpt,
	       slope);

	fixed_len = BENCH_LEN;
	fprintf(load, "pattern,offered,accepted,latency_cycles,packets\n");
	printf("Latency vs offered load, %u-flit packets, sinks always ready, "
	       "Bernoulli injection; window %u cycles after %u warm-up\n", BENCH_LEN, BENCH_WIN,
	       BENCH_WARM);
	printf("  %-10s %8s %9s %10s\n", "pattern", "offered", "accepted", "latency");
	for (int p = 0; p < PATTERNS; p++) {
		sat[p] = full[p] = hi[p] = 0;
		bis[p] = bisection_limit((enum pattern)p);
		xyl[p] = xy_limit((enum pattern)p);
		keep = 0;
		for (unsigned i = 0; i < BENCH_POINTS && !errors; i++) {
			int ok;
			double acc = bench_point(sim, (enum pattern)p, bench_loads[i], load, &ok);

			if (hi[p] == 0 && ok) {
				keep = bench_loads[i];
				sat[p] = acc;
			} else if (hi[p] == 0) {
				hi[p] = bench_loads[i];
			}
			full[p] = acc;
		}
		/* Refine the saturation point between the last load the network kept
		 * up with and the first it did not. */
		for (int r = 0; r < BENCH_REFINE && hi[p] > 0 && !errors; r++) {
			double mid = (keep + hi[p]) / 2;
			int ok;
			double acc = bench_point(sim, (enum pattern)p, mid, load, &ok);

			if (ok) {
				keep = mid;
				sat[p] = acc;
			} else {
				hi[p] = mid;
			}
		}
	}
	printf("\nSaturation: highest offered load at which every source gets >= %.2f of its "
	       "offered\nflits through, in flits/node/cycle, against the bisection limit and the XY "
	       "channel-load limit:\n", BENCH_KEEP);
	printf("  %-10s %10s %10s %9s %9s %9s %13s\n", "pattern", "saturation", "bisection",
	       "fraction", "XY-ideal", "fraction", "full-load agg");
	for (int p = 0; p < PATTERNS; p++)
		printf("  %-10s %10.3f %10.3f %9.3f %9.3f %9.3f %13.3f\n", pat_name[p], sat[p],
		       bis[p], sat[p] / bis[p], xyl[p], sat[p] / xyl[p], full[p]);
	printf("  bisection: middle vertical/horizontal cut, capped at 1 flit/node/cycle;\n"
	       "  XY-ideal: 1 / load of the busiest channel under XY routing (incl. eject);\n"
	       "  full-load agg: accepted throughput with every source saturated (unfair mix)\n\n");
	printf("PERF noc.hop_latency %.3f cycles\n", slope);
	printf("PERF noc.zero_load_base %.3f cycles\n", icpt);
	for (int p = 0; p < PATTERNS; p++)
		printf("PERF noc.saturation_%s %.3f fraction\n", pat_name[p], sat[p] / bis[p]);
	for (int p = 0; p < PATTERNS; p++)
		printf("PERF noc.saturation_flits_%s %.3f flits/node/cycle\n", pat_name[p], sat[p]);
	fclose(hops);
	fclose(load);
	if (errors)
		fprintf(stderr, "noc_bench: the scoreboard failed during the benchmark\n");
	return errors != 0;
}

int main(int argc, char **argv)
{
	uint64_t packets = 200000;
	const char *trace = NULL, *bench = NULL;
	struct shim *sim;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			rng_state = mix(strtoull(argv[++i], NULL, 0)) | 1;
		else if (!strcmp(argv[i], "--packets") && i + 1 < argc)
			packets = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--trace") && i + 1 < argc)
			trace = argv[++i];
		else if (!strcmp(argv[i], "--bench") && i + 1 < argc)
			bench = argv[++i];
		else if (argv[i][0] != '+') {
			fprintf(stderr, "usage: %s [--seed N] [--packets N] [--trace F] | --bench DIR\n",
				argv[0]);
			return 2;
		}
	}
	sim = shim_new(argc, argv);
	if (trace && shim_trace(sim, trace, 0, 20000))
		fprintf(stderr, "note: model built without tracing\n");
	reset(sim);
	win_to = ~0ull;
	sim_g = sim;
	rc = bench ? noc_bench(sim, bench) : test(sim, packets);
	shim_free(sim);
	return rc;
}
