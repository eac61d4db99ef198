/*
 * uart_rx.h - a UART (8N1) receiver for testbenches: call uart_rx_cycle() once
 * per clock cycle with the serial line; it samples each bit in its middle and
 * checks the start and stop bits (framing errors are counted and reported).
 */
#ifndef UART_RX_H
#define UART_RX_H

#include <stdint.h>

struct uart_rx {
	int div;    /* clock cycles per bit */
	int busy;   /* inside a frame */
	long cnt;   /* cycles to the next sample */
	int bit;    /* 0: start bit, 1..8: data, 9: stop */
	unsigned sh;
	int errors; /* framing errors so far */
};

/* Start a receiver for a line with div clock cycles per bit. */
void uart_rx_init(struct uart_rx *r, int div);
/* One clock cycle with line level tx; returns 1 and sets *out when a byte ends. */
int uart_rx_cycle(struct uart_rx *r, int tx, uint8_t *out);

#endif /* UART_RX_H */
