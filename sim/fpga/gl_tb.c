/*
 * gl_tb.c - the gate-level check's harness: runs the synthesized fpga_top
 * netlist (ECP5 cells, SPM initialised with a program) and prints what arrives
 * on its console UART, so sim/fpga/gl_check.sh can compare it with the RTL
 * simulator's output.
 *   gl_tb --div CYCLES_PER_BIT [--max-cycles N] [--image PLACEHOLDER.hex=IMAGE.hex ...]
 * --image swaps a boot image into the block RAMs that were synthesized with the
 * placeholder, as ecpbram patches a bitstream (gl_bram.c); one per boot memory.
 * Stops after the "[tile N] exit ..." line has arrived and the line is idle.
 * Exit status: 0 when an exit line arrived without framing errors and the
 * status outputs agree with it, 1 otherwise, 124 at --max-cycles (a hang guard,
 * in cycles).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gl_bram.h"
#include "shim.h"
#include "tb_args.h"
#include "uart_rx.h"

int main(int argc, char **argv)
{
	long div = 0, max_cycles = 20000000;
	char line[1024];
	size_t len = 0;
	int exited = 0, code_zero = 0, status = 0;
	uint64_t idle = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--div"))
			div = tb_num_arg("gl_tb", argv[i], argv[i + 1]), i++;
		else if (!strcmp(argv[i], "--max-cycles"))
			max_cycles = tb_num_arg("gl_tb", argv[i], argv[i + 1]), i++;
		else if (!strcmp(argv[i], "--image") && i + 1 < argc && strchr(argv[i + 1], '='))
			i++; /* after the model exists */
		else if (argv[i][0] != '+') {
			fprintf(stderr, "usage: gl_tb --div CYCLES_PER_BIT [--max-cycles N] "
				"[--image PLACEHOLDER.hex=IMAGE.hex ...]\n");
			return 2;
		}
	}
	if (div < 4) {
		fprintf(stderr, "gl_tb: --div (the netlist's ClkHz / Baud) is required\n");
		return 2;
	}

	struct shim *s = shim_new(argc, argv);
	struct uart_rx rx;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--image"))
			continue;
		char from[512];
		const char *eq = strchr(argv[++i], '=');

		snprintf(from, sizeof(from), "%.*s", (int)(eq - argv[i]), argv[i]);
		if (gl_bram_swap(from, eq + 1)) {
			fprintf(stderr, "gl_tb: --image %s failed\n", argv[i]);
			return 2;
		}
	}

	uart_rx_init(&rx, (int)div);
	shim_set_rst_i(s, 1);
	for (int i = 0; i < 8; i++)
		shim_tick(s);
	shim_set_rst_i(s, 0);
	while (shim_cycle(s) < (uint64_t)max_cycles) {
		uint8_t c;

		shim_tick(s);
		if (uart_rx_cycle(&rx, (int)shim_get_tx_o(s), &c)) {
			idle = 0;
			putchar(c);
			if (c != '\n') {
				if (len < sizeof(line) - 1)
					line[len++] = (char)c;
				continue;
			}
			line[len] = 0;
			len = 0;
			const char *x = strstr(line, "] exit ");
			if (!strncmp(line, "[tile ", 6) && x) {
				exited = 1;
				code_zero = !strcmp(x, "] exit 0");
			}
		} else if (exited && !rx.busy && ++idle > (uint64_t)div * 20) {
			break;
		}
	}
	fflush(stdout);
	if (!exited) {
		fprintf(stderr, "gl_tb: no exit line after %" PRIu64 " cycles\n", shim_cycle(s));
		status = shim_cycle(s) >= (uint64_t)max_cycles ? 124 : 1;
	}
	if (rx.errors)
		status = 1;
	if (exited && (int)shim_get_pass_o(s) != code_zero) {
		fprintf(stderr, "gl_tb: pass_o is %d after exit code %s\n", (int)shim_get_pass_o(s),
			code_zero ? "0" : "nonzero");
		status = 1;
	}
	fprintf(stderr, "gl_tb: %" PRIu64 " cycles; LEDs: alive %d running %d pass %d fail %d bus_err %d trap %d\n",
		shim_cycle(s), (int)shim_get_alive_o(s), (int)shim_get_running_o(s), (int)shim_get_pass_o(s),
		(int)shim_get_fail_o(s), (int)shim_get_bus_err_o(s), (int)shim_get_trap_o(s));
	shim_free(s);
	return status;
}
