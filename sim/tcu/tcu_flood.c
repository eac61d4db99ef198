/*
 * tcu_flood.c - row T6 of the verification plan: flooding stays local.
 *
 * On the mesh bench (tcu_tb -F cycles) one server tile answers every message
 * on one receive EP (16 slots). A victim tile runs a ping-pong through it (one
 * credit, 8 B + 8 B); k attacker tiles send to the same EP as fast as their
 * TCUs let them, fetching and acking their replies in between. Every core is
 * played by a small state machine here, one MMIO access in flight each, all in
 * the same clock loop.
 *
 *   phase "alone"     the victim only                       (cycles / 4)
 *   phase "flood"     victim + attackers, credits <= slots  (cycles)
 *   phase "overcommit" attackers with more credits than the EP has slots (cycles / 4)
 *
 * With the kernel's rule (the credits of all send EPs to a receive EP add up to
 * at most its slots) no SEND may end in RECV_NO_SPACE and every REPLY must be
 * delivered; an attacker meets NO_CREDITS instead. The overcommit phase breaks
 * the rule on purpose and shows that the buffer then does overflow, i.e. that
 * the first two phases are a real check. The victim's round trip (SEND store to
 * the FETCH that finds the reply) is reported per phase as min / p50 / p99 /
 * max cycles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcu_tb.h"

#define FL_SLOTS_ORDER 4 /* server receive EP: 16 slots of 64 B */
#define FL_SLOTS (1u << FL_SLOTS_ORDER)
#define FL_MSG_ORDER 6
#define FL_SBUF 0x4000u /* server receive buffer */
#define FL_RBUF 0x8000u /* clients' reply buffer: 16 slots of 64 B */
#define FL_SDATA 0x200u /* server's reply data */
#define FL_CDATA 0x100u /* clients' message data */
#define FL_SEP 1u       /* clients' send EP */
#define FL_REP 2u       /* clients' reply receive EP */
#define FL_RPL0 16u     /* server's reply EPs 16..31 */
#define FL_MAXRTT 4096u

enum fl_state { FL_IDLE, FL_SEND, FL_FETCH, FL_ACK, FL_REPLY, FL_SACK };

struct fl_tile {
	int role;               /* 0 none, 1 server, 2 victim, 3 attacker */
	enum fl_state st;
	int polling;            /* the command was issued; COMMAND is read until idle */
	unsigned off;           /* message offset being acked / replied */
	unsigned outstanding;   /* messages sent whose reply was not fetched yet */
	uint32_t seq;           /* victim: sequence number of the message in flight */
	uint64_t t0;            /* victim: cycle of the SEND store */
	unsigned long sent, nocred, nospace, other_err, served, reply_err, bad_payload;
};

static struct fl_tile fl[NT];
static int fl_active;           /* clients start new SENDs */
static int fl_attack;           /* attackers take part */
static uint32_t fl_rtt[1 << 16];
static unsigned fl_nrtt;
static unsigned long fl_fail;

static void fl_cmd(int t, unsigned op, unsigned ep, unsigned arg)
{
	tb_mmio_post(t, TCU_REG_COMMAND, tb_cmd_word(op, ep, arg), 0xf);
}

static void fl_wr32(int t, uint32_t addr, uint32_t v)
{
	memcpy(&rmem[t][addr], &v, 4);
}

static uint32_t fl_rd32(int t, uint32_t addr)
{
	uint32_t v;

	memcpy(&v, &rmem[t][addr], 4);
	return v;
}

/* the client's next step after its previous access finished */
static void fl_client_next(int t)
{
	struct fl_tile *c = &fl[t];

	if (fl_active && (c->role == 3 ? fl_attack : c->outstanding == 0)) {
		c->st = FL_SEND;
		if (c->role == 2) {
			c->seq++;
			fl_wr32(t, FL_CDATA, c->seq);
			fl_wr32(t, FL_CDATA + 4, ~c->seq);
			c->t0 = shim_cycle(sim);
		}
		fl_cmd(t, TCU_OP_SEND, FL_SEP, FL_REP);
	} else if (c->outstanding) {
		c->st = FL_FETCH;
		fl_cmd(t, TCU_OP_FETCH_MSG, FL_REP, 0);
	} else {
		c->st = FL_IDLE;
		return;
	}
	c->polling = 0;
}

static void fl_client(int t, uint32_t cmd)
{
	struct fl_tile *c = &fl[t];
	unsigned err = (unsigned)SPEC_GET(cmd, TCU_CMD_ERR), arg = (unsigned)SPEC_GET(cmd, TCU_CMD_ARG);

	switch (c->st) {
	case FL_SEND:
		if (err == TCU_ERR_NONE) {
			c->sent++;
			c->outstanding++;
		} else if (err == TCU_ERR_NO_CREDITS) {
			c->nocred++;
		} else if (err == TCU_ERR_RECV_NO_SPACE) {
			c->nospace++;
		} else {
			c->other_err++;
		}
		if (c->outstanding) {
			c->st = FL_FETCH;
			fl_cmd(t, TCU_OP_FETCH_MSG, FL_REP, 0);
			c->polling = 0;
		} else {
			fl_client_next(t);
		}
		return;
	case FL_FETCH:
		if (err != TCU_ERR_NONE) {
			c->other_err++;
		} else if (arg != TCU_NONE_OFF) {
			uint32_t p = FL_RBUF + arg + 16;

			if (c->role == 2) {
				uint64_t rtt = shim_cycle(sim) - c->t0;

				if (fl_rd32(t, p) != c->seq || fl_rd32(t, p + 4) != ~c->seq)
					c->bad_payload++;
				if (fl_nrtt < sizeof(fl_rtt) / sizeof(fl_rtt[0]))
					fl_rtt[fl_nrtt++] = (uint32_t)rtt;
			} else if (fl_rd32(t, p + 4) != ~fl_rd32(t, p)) {
				c->bad_payload++;
			}
			c->st = FL_ACK;
			c->off = arg;
			fl_cmd(t, TCU_OP_ACK_MSG, FL_REP, arg);
			c->polling = 0;
			return;
		}
		if (c->role == 2 && c->outstanding) { /* the victim waits for its reply */
			fl_cmd(t, TCU_OP_FETCH_MSG, FL_REP, 0);
			c->polling = 0;
			return;
		}
		fl_client_next(t);
		return;
	case FL_ACK:
		if (err != TCU_ERR_NONE)
			c->other_err++;
		if (c->outstanding)
			c->outstanding--;
		fl_client_next(t);
		return;
	default:
		return;
	}
}

static void fl_server(int t, uint32_t cmd)
{
	struct fl_tile *s = &fl[t];
	unsigned err = (unsigned)SPEC_GET(cmd, TCU_CMD_ERR), arg = (unsigned)SPEC_GET(cmd, TCU_CMD_ARG);

	switch (s->st) {
	case FL_FETCH:
		if (err == TCU_ERR_NONE && arg != TCU_NONE_OFF) {
			/* echo the 8-byte payload */
			memcpy(&rmem[t][FL_SDATA], &rmem[t][FL_SBUF + arg + 16], 8);
			s->off = arg;
			s->st = FL_REPLY;
			fl_cmd(t, TCU_OP_REPLY, 0, arg);
		} else {
			if (err != TCU_ERR_NONE)
				s->other_err++;
			fl_cmd(t, TCU_OP_FETCH_MSG, 0, 0);
		}
		break;
	case FL_REPLY:
		if (err == TCU_ERR_NONE) {
			s->served++;
			s->st = FL_FETCH;
			fl_cmd(t, TCU_OP_FETCH_MSG, 0, 0);
		} else {
			s->reply_err++; /* the reply was not delivered: free the slot */
			s->st = FL_SACK;
			fl_cmd(t, TCU_OP_ACK_MSG, 0, s->off);
		}
		break;
	case FL_SACK:
		if (err != TCU_ERR_NONE)
			s->other_err++;
		s->st = FL_FETCH;
		fl_cmd(t, TCU_OP_FETCH_MSG, 0, 0);
		break;
	default:
		break;
	}
	s->polling = 0;
}

/* one cycle: every core whose access finished takes its next step */
static void fl_cycle(void)
{
	for (int t = 1; t < NT; t++) {
		struct fl_tile *f = &fl[t];

		if (!f->role || mm_valid[t])
			continue;
		if (f->st == FL_IDLE) {
			if (f->role != 1)
				fl_client_next(t);
			continue;
		}
		if (!f->polling) { /* the COMMAND store is done: poll */
			f->polling = 1;
			tb_mmio_post(t, TCU_REG_COMMAND, 0, 0);
			continue;
		}
		if (SPEC_GET(mm_rdata[t], TCU_CMD_OP) != TCU_OP_IDLE) {
			tb_mmio_post(t, TCU_REG_COMMAND, 0, 0);
			continue;
		}
		if (f->role == 1)
			fl_server(t, mm_rdata[t]);
		else
			fl_client(t, mm_rdata[t]);
	}
	tb_step();
}

static int fl_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int fl_clients_idle(void)
{
	for (int t = 1; t < NT; t++)
		if (fl[t].role >= 2 && (fl[t].st != FL_IDLE || mm_valid[t]))
			return 0;
	return 1;
}

struct fl_phase {
	const char *name;
	unsigned long rounds, att_sent, nocred, drops, other, bad;
	uint32_t min, p50, p99, max;
};

/* run one phase for `cycles` cycles, then let the traffic drain */
static void fl_phase(struct fl_phase *ph, const char *name, unsigned long cycles, unsigned att_credits, int server,
		     int attack)
{
	uint32_t w[4];
	unsigned long before[NT][6];

	memset(ph, 0, sizeof(*ph));
	ph->name = name;
	for (int t = 1; t < NT; t++) {
		if (fl[t].role < 2)
			continue;
		tm_ep_send(w, TX(server), TY(server), 0, (uint32_t)t, FL_MSG_ORDER,
			   fl[t].role == 2 ? 1 : att_credits);
		tb_cfg_ep(t, FL_SEP, w);
		before[t][0] = fl[t].sent;
		before[t][1] = fl[t].nocred;
		before[t][2] = fl[t].nospace;
		before[t][3] = fl[t].other_err;
		before[t][4] = fl[t].bad_payload;
	}
	before[server][5] = fl[server].reply_err + fl[server].other_err;
	fl_nrtt = 0;
	fl_active = 1;
	fl_attack = attack;
	for (unsigned long c = 0; c < cycles; c++)
		fl_cycle();
	fl_active = 0;
	for (unsigned long c = 0; !fl_clients_idle(); c++) {
		fl_cycle();
		if (c > 1000000ul) {
			printf("tcu_tb: HANG: T6 %s: clients still waiting for replies after 10^6 cycles\n", name);
			exit(1);
		}
	}
	for (int t = 1; t < NT; t++) {
		if (fl[t].role < 2)
			continue;
		if (fl[t].role == 2)
			ph->rounds += fl[t].sent - before[t][0];
		else
			ph->att_sent += fl[t].sent - before[t][0];
		ph->nocred += fl[t].nocred - before[t][1];
		ph->drops += fl[t].nospace - before[t][2];
		ph->other += fl[t].other_err - before[t][3];
		ph->bad += fl[t].bad_payload - before[t][4];
	}
	ph->drops += fl[server].reply_err + fl[server].other_err - before[server][5];
	if (fl_nrtt) {
		qsort(fl_rtt, fl_nrtt, sizeof(fl_rtt[0]), fl_cmp);
		ph->min = fl_rtt[0];
		ph->p50 = fl_rtt[fl_nrtt / 2];
		ph->p99 = fl_rtt[(fl_nrtt * 99) / 100];
		ph->max = fl_rtt[fl_nrtt - 1];
	}
	printf("  %-10s victim %6lu rounds, RTT min %4u p50 %4u p99 %4u max %4u cycles; attackers %7lu messages, "
	       "%8lu NO_CREDITS; %lu dropped, %lu other errors, %lu bad payloads\n",
	       ph->name, ph->rounds, ph->min, ph->p50, ph->p99, ph->max, ph->att_sent, ph->nocred, ph->drops, ph->other,
	       ph->bad);
}

unsigned long flood_run(unsigned long cycles)
{
	int server = NT / 2, victim = 1, natt = 0;
	unsigned credits;
	uint32_t w[4];
	struct fl_phase alone, flood, over;

	if (NT < 4) {
		printf("tcu_tb: -F needs a mesh with at least 4 tiles\n");
		exit(2);
	}
	memset(fl, 0, sizeof(fl));
	for (int t = 1; t < NT; t++) {
		fl[t].role = t == server ? 1 : t == victim ? 2 : 3;
		natt += fl[t].role == 3;
	}
	credits = (FL_SLOTS - 1) / (unsigned)natt; /* the kernel's rule: victim 1 + attackers <= slots */
	/* the server's receive EP, the clients' reply EPs, the data sizes */
	tm_ep_recv(w, FL_SBUF, FL_MSG_ORDER, FL_SLOTS_ORDER, FL_RPL0);
	tb_cfg_ep(server, 0, w);
	for (int t = 1; t < NT; t++) {
		mm_valid[t] = 0;
		if (fl[t].role >= 2) {
			tm_ep_recv(w, FL_RBUF, FL_MSG_ORDER, FL_SLOTS_ORDER, TCU_NO_EP);
			tb_cfg_ep(t, FL_REP, w);
		}
	}
	for (int t = 1; t < NT; t++) {
		uint32_t regs[2][2] = { { TCU_REG_DATA_ADDR, t == server ? FL_SDATA : FL_CDATA }, { TCU_REG_DATA_SIZE, 8 } };

		if (!fl[t].role)
			continue;
		for (int i = 0; i < 2; i++) {
			tb_mmio_post(t, regs[i][0], regs[i][1], 0xf);
			while (!mm_done[t])
				tb_step();
		}
		fl_wr32(t, FL_CDATA, (uint32_t)t);
		fl_wr32(t, FL_CDATA + 4, ~(uint32_t)t);
		fl[t].st = FL_IDLE;
	}
	fl[server].st = FL_FETCH;
	fl_cmd(server, TCU_OP_FETCH_MSG, 0, 0);
	printf("T6 flooding (%dx%d mesh, server tile %d with %u slots, victim tile %d with 1 credit, %d attackers with %u "
	       "credits each; %lu cycles):\n", SX, NT / SX, server, FL_SLOTS, victim, natt, credits, cycles);
	fl_phase(&alone, "alone", cycles / 4, credits, server, 0);
	fl_phase(&flood, "flood", cycles, credits, server, 1);
	fl_phase(&over, "overcommit", cycles / 4, FL_SLOTS, server, 1);
	if (alone.drops || flood.drops) {
		printf("T6 FAIL: %lu messages or replies dropped although credits <= slots\n", alone.drops + flood.drops);
		fl_fail++;
	}
	if (alone.other || flood.other || over.other || alone.bad || flood.bad || over.bad) {
		printf("T6 FAIL: unexpected errors or payloads\n");
		fl_fail++;
	}
	if (!alone.rounds || !flood.rounds || !flood.nocred) {
		printf("T6 FAIL: no traffic (victim rounds %lu / %lu, attacker NO_CREDITS %lu)\n", alone.rounds,
		       flood.rounds, flood.nocred);
		fl_fail++;
	}
	printf("T6 flooding: %lu drops with credits <= slots (%lu attacker messages, %lu refused NO_CREDITS); victim "
	       "p50/p99 RTT %u/%u cycles alone, %u/%u with %d attackers; %lu drops when the credits exceed the slots\n",
	       alone.drops + flood.drops, flood.att_sent, flood.nocred, alone.p50, alone.p99, flood.p50, flood.p99, natt,
	       over.drops);
	if (flood.rounds + flood.att_sent) {
		/* FIFO service: the victim's message waits at most behind every other credit */
		unsigned long per = cycles / (flood.rounds + flood.att_sent);

		printf("T6 bound: the server takes %lu cycles per message; with %u other credits the victim waits at most "
		       "about %lu + %u cycles (max seen %u)\n", per, natt * credits, per * natt * credits, alone.max,
		       flood.max);
	}
	printf("PERF tcu_flood.victim_p50_alone %u cycles\n", alone.p50);
	printf("PERF tcu_flood.victim_p99_alone %u cycles\n", alone.p99);
	printf("PERF tcu_flood.victim_p50_flood %u cycles\n", flood.p50);
	printf("PERF tcu_flood.victim_p99_flood %u cycles\n", flood.p99);
	printf("PERF tcu_flood.drops %lu messages\n", alone.drops + flood.drops);
	return fl_fail;
}
