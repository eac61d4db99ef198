/* uart_rx.c - 8N1 UART receiver for testbenches (see uart_rx.h). */
#include "uart_rx.h"

#include <stdio.h>
#include <string.h>

void uart_rx_init(struct uart_rx *r, int div)
{
	memset(r, 0, sizeof(*r));
	r->div = div;
}

int uart_rx_cycle(struct uart_rx *r, int tx, uint8_t *out)
{
	if (!r->busy) {
		if (!tx) {
			r->busy = 1;
			r->cnt = r->div / 2; /* to the middle of the start bit */
			r->bit = 0;
			r->sh = 0;
		}
		return 0;
	}
	if (--r->cnt > 0)
		return 0;
	r->cnt = r->div;
	if (r->bit == 0) {
		if (tx) {
			fprintf(stderr, "uart_rx: framing error: start bit not low at its middle\n");
			r->errors++;
			r->busy = 0;
			return 0;
		}
	} else if (r->bit <= 8) {
		r->sh |= (unsigned)tx << (r->bit - 1);
	} else {
		r->busy = 0;
		if (!tx) {
			fprintf(stderr, "uart_rx: framing error: stop bit low\n");
			r->errors++;
			return 0;
		}
		*out = (uint8_t)r->sh;
		return 1;
	}
	r->bit++;
	return 0;
}
