/*
 * con_tb.c - unit testbench of the FPGA console (fpga_console: line buffers,
 * formatter, UART transmitter).
 *
 * Each tile writes a random script of console bytes (long lines past the
 * 512-character cut, empty lines, '\r', bytes 0x00..0xff) with random idle
 * cycles, then exits with a code and keeps writing sim-control as the firmware
 * does. The testbench decodes the serial line (8N1, framing checked), splits it
 * into lines, checks every line is "[tile N] ..." and that each tile's lines are
 * exactly what the simulator (sim/common/sim_main.c) would print, followed by
 * "exit <code>". Exit status 0 only if everything matched.
 *   con_tb --div CYCLES_PER_BIT [--seed N] [--lines N]
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "con_tb.h"
#include "tb_args.h"
#include "uart_rx.h"

#define LINE_MAX_CHARS 512
#define MAX_LINES 4096

struct buf {
	uint8_t *p;
	size_t n, cap;
};

static void put(struct buf *b, uint8_t c)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 4096;
		b->p = realloc(b->p, b->cap);
		if (!b->p) {
			perror("con_tb");
			exit(2);
		}
	}
	b->p[b->n++] = c;
}

static void puts_buf(struct buf *b, const char *s)
{
	while (*s)
		put(b, (uint8_t)*s++);
}

struct tile {
	struct buf script;   /* console bytes the tile writes */
	size_t pos;          /* next byte to offer */
	int offering;        /* con_valid is up with script.p[pos] */
	uint32_t code;       /* exit code */
	int ctl_left;        /* sim-control writes still to do */
	struct buf expect;   /* what the simulator would print for this tile, "\n"-separated */
	struct buf got;      /* what arrived for this tile */
	/* simulator line state (sim_main.c's console()) */
	uint8_t line[LINE_MAX_CHARS];
	int line_len;
};

static uint64_t rng_state;
static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

/* the simulator's reference: what it prints for each byte and at exit */
static void ref_flush(struct tile *t)
{
	for (int i = 0; i < t->line_len; i++)
		put(&t->expect, t->line[i]);
	put(&t->expect, '\n');
	t->line_len = 0;
}

static void ref_console(struct tile *t, uint8_t c)
{
	if (c == '\n') {
		ref_flush(t);
		return;
	}
	if (c == '\r')
		return;
	t->line[t->line_len++] = c;
	if (t->line_len == LINE_MAX_CHARS)
		ref_flush(t);
}

static void make_script(struct tile *t, int lines)
{
	static const int lens[] = {0, 1, 7, 40, 79, 511, 512, 513, 1100};

	for (int l = 0; l < lines; l++) {
		int len = rnd() % 3 ? (int)(rnd() % 60) : lens[rnd() % (sizeof(lens) / sizeof(lens[0]))];

		for (int i = 0; i < len; i++) {
			uint8_t c;

			if (rnd() % 8 == 0)
				c = (uint8_t)rnd(); /* any byte */
			else
				c = (uint8_t)(0x20 + rnd() % 95); /* printable */
			if (c == '\n')
				c = 'n';
			if (rnd() % 50 == 0)
				put(&t->script, '\r');
			put(&t->script, c);
		}
		put(&t->script, '\n');
	}
	/* maybe an open line at exit: the simulator flushes it before the exit */
	if (rnd() % 2)
		for (int i = (int)(rnd() % 30) + 1; i > 0; i--)
			put(&t->script, (uint8_t)('a' + rnd() % 26));
	for (size_t i = 0; i < t->script.n; i++)
		ref_console(t, t->script.p[i]);
	if (t->line_len)
		ref_flush(t);
	char s[32];
	snprintf(s, sizeof(s), "exit %" PRIu32 "\n", t->code);
	puts_buf(&t->expect, s);
	t->ctl_left = 1 + (int)(rnd() % 5);
}

/* split the serial output into lines and hand each to its tile */
static int check_lines(const struct buf *out, struct tile *tl, int n)
{
	int bad = 0;
	size_t i = 0;

	while (i < out->n) {
		size_t e = i;

		while (e < out->n && out->p[e] != '\n')
			e++;
		if (e == out->n) {
			fprintf(stderr, "con_tb: output ends inside a line\n");
			return 1;
		}
		/* "[tile " N "] " */
		const char *pre = "[tile ";
		size_t k = i, pl = strlen(pre);
		int tile = -1, digits = 0;

		if (e - i >= pl && !memcmp(&out->p[i], pre, pl)) {
			k = i + pl;
			tile = 0;
			while (k < e && out->p[k] >= '0' && out->p[k] <= '9' && digits < 6)
				tile = tile * 10 + (out->p[k++] - '0'), digits++;
			if (digits == 0 || (digits > 1 && out->p[i + pl] == '0') || k + 2 > e ||
			    out->p[k] != ']' || out->p[k + 1] != ' ')
				tile = -1;
		}
		if (tile < 0 || tile >= n) {
			fprintf(stderr, "con_tb: malformed line: '%.*s'\n", (int)(e - i), (const char *)&out->p[i]);
			bad = 1;
		} else {
			for (size_t j = k + 2; j <= e; j++)
				put(&tl[tile].got, out->p[j]);
		}
		i = e + 1;
	}
	for (int t = 0; t < n; t++) {
		struct tile *x = &tl[t];

		if (x->got.n == x->expect.n && !memcmp(x->got.p, x->expect.p, x->got.n))
			continue;
		size_t d = 0;

		while (d < x->got.n && d < x->expect.n && x->got.p[d] == x->expect.p[d])
			d++;
		size_t from = d > 40 ? d - 40 : 0;
		fprintf(stderr, "con_tb: tile %d: output differs at byte %zu of %zu (expected %zu bytes)\n", t, d,
			x->got.n, x->expect.n);
		size_t gl = x->got.n > from ? x->got.n - from : 0, el = x->expect.n - from;

		fprintf(stderr, "  got:      '%.*s'\n", (int)(gl < 80 ? gl : 80), gl ? (const char *)&x->got.p[from] : "");
		fprintf(stderr, "  expected: '%.*s'\n", (int)(el < 80 ? el : 80), (const char *)&x->expect.p[from]);
		bad = 1;
	}
	return bad;
}

int main(int argc, char **argv)
{
	long div = 0, seed = 1, lines = 12;
	struct tile tl[CON_TB_MAX_TILES];
	uint32_t codes[CON_TB_MAX_TILES] = {0};
	static const uint32_t code_pick[] = {0, 1, 42, 4294967295u, 1000000000u, 9};
	const int n = con_tb_tiles;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--div"))
			div = tb_num_arg("con_tb", argv[i], argv[i + 1]), i++;
		else if (!strcmp(argv[i], "--seed"))
			seed = tb_num_arg("con_tb", argv[i], argv[i + 1]), i++;
		else if (!strcmp(argv[i], "--lines"))
			lines = tb_num_arg("con_tb", argv[i], argv[i + 1]), i++;
		else if (argv[i][0] != '+') {
			fprintf(stderr, "usage: con_tb --div CYCLES_PER_BIT [--seed N] [--lines N]\n");
			return 2;
		}
	}
	if (div < 4) {
		fprintf(stderr, "con_tb: --div (the model's ClkHz / Baud) is required\n");
		return 2;
	}
	rng_state = 0x9e3779b97f4a7c15ull ^ ((uint64_t)seed * 0x2545f4914f6cdd1dull);
	memset(tl, 0, sizeof(tl));
	for (int t = 0; t < n; t++) {
		tl[t].code = t == 0 && n > 1 ? 0 : code_pick[rnd() % (sizeof(code_pick) / sizeof(code_pick[0]))];
		if (rnd() % 4 == 0)
			tl[t].code = rnd();
		make_script(&tl[t], (int)lines);
	}

	struct shim *s = shim_new(argc, argv);
	struct uart_rx rx;
	struct buf out = {0};

	uart_rx_init(&rx, (int)div);
	int bad = 0;

	shim_set_rst_i(s, 1);
	shim_set_con_valid_i(s, 0);
	shim_set_ctl_valid_i(s, 0);
	for (int i = 0; i < 5; i++) {
		shim_tick(s);
		if (!shim_get_tx_o(s)) {
			fprintf(stderr, "con_tb: tx_o low in reset\n");
			bad = 1;
		}
	}
	shim_set_rst_i(s, 0);

	uint64_t idle = 0, limit = 0;
	for (int t = 0; t < n; t++)
		limit += (tl[t].expect.n + 16 * 1024) * (uint64_t)div * 12;
	while (shim_cycle(s) < limit) {
		uint64_t valid = 0, data = 0, ctl = 0;
		int active = 0;

		for (int t = 0; t < n; t++) {
			struct tile *x = &tl[t];

			if (x->pos < x->script.n) {
				active = 1;
				if (!x->offering && rnd() % 4 != 0)
					x->offering = 1; /* once offered, held until taken */
				if (x->offering) {
					valid |= 1ull << t;
					data |= (uint64_t)x->script.p[x->pos] << (8 * t);
				}
			} else if (x->ctl_left > 0) {
				active = 1;
				if (rnd() % 3 == 0) {
					ctl |= 1ull << t;
					x->ctl_left--;
				}
			}
			codes[t] = x->code;
		}
		shim_set_con_valid_i(s, valid);
		shim_set_con_data_i(s, data);
		shim_set_ctl_valid_i(s, ctl);
		con_tb_set_codes(s, codes);
		shim_eval(s);
		uint64_t ready = shim_get_con_ready_o(s);
		for (int t = 0; t < n; t++)
			if ((valid >> t & 1) && (ready >> t & 1))
				tl[t].pos++, tl[t].offering = 0;
		shim_tick(s);

		uint8_t c;
		if (uart_rx_cycle(&rx, (int)shim_get_tx_o(s), &c))
			put(&out, c);
		if (!active && !shim_get_busy_o(s) && !rx.busy) {
			if (++idle > (uint64_t)div * 30)
				break;
		} else {
			idle = 0;
		}
	}
	if (shim_cycle(s) >= limit) {
		fprintf(stderr, "con_tb: output still going after %" PRIu64 " cycles (hang guard)\n", limit);
		bad = 1;
	}
	bad |= rx.errors != 0;
	bad |= check_lines(&out, tl, n);

	uint64_t exited = shim_get_exited_o(s), failed = shim_get_failed_o(s);
	for (int t = 0; t < n; t++) {
		if (!(exited >> t & 1)) {
			fprintf(stderr, "con_tb: tile %d: exited_o is low after its exit\n", t);
			bad = 1;
		}
		if ((int)(failed >> t & 1) != (tl[t].code != 0)) {
			fprintf(stderr, "con_tb: tile %d: failed_o is %d for code %" PRIu32 "\n", t, (int)(failed >> t & 1),
				tl[t].code);
			bad = 1;
		}
	}
	size_t bytes_in = 0;
	for (int t = 0; t < n; t++)
		bytes_in += tl[t].script.n;
	printf("con_tb: %d tile(s), seed %ld: %zu console bytes in, %zu serial bytes out, %" PRIu64 " cycles: %s\n",
	       n, seed, bytes_in, out.n, shim_cycle(s), bad ? "FAILED" : "ok");
	shim_free(s);
	return bad ? 1 : 0;
}
