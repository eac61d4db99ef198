/*
 * shim.h - the C API around a Verilated model (one thin C++ file, shim.cpp).
 *
 * Every testbench and the system simulator drive their model through this API.
 * shim.cpp is compiled once per model; sim/common/verilator.mk writes the
 * model's shim_cfg.h (on the include path), which defines
 *   SHIM_TOP (the Verilated class), SHIM_TOP_H and SHIM_PORTS (file names),
 * where SHIM_PORTS names an X-macro list of the top's ports (besides clk_i):
 *   SHIM_IN(name, bits)  SHIM_OUT(name, bits)      ports up to 64 bits
 *   SHIM_INW(name, bits) SHIM_OUTW(name, bits)     wider ports, as uint32_t words
 * Every port also has shim_setv_<name> / shim_getv_<name>, which take uint32_t
 * words whatever the width (for harnesses whose port widths are parameters).
 * and gives shim_set_<name>() / shim_get_<name>() (or shim_setw_/shim_getw_ with
 * a word array, least significant word first).
 */
#ifndef SHIM_H
#define SHIM_H

#include <stdint.h>

#include "shim_cfg.h"

#ifdef __cplusplus
extern "C" {
#endif

struct shim;

/* Create the model; argv is passed to Verilator (+verilator+seed+N etc.). */
struct shim *shim_new(int argc, char **argv);
/* Finish the model (final blocks), close a trace, free everything. */
void shim_free(struct shim *s);
/* Evaluate combinational logic after changing inputs, without a clock edge. */
void shim_eval(struct shim *s);
/* One full clock cycle: rising edge, then falling edge; inputs set before the
 * call are sampled at the rising edge. Outputs read after it are the new ones. */
void shim_tick(struct shim *s);
/* Cycles ticked so far. */
uint64_t shim_cycle(const struct shim *s);
/* Dump an FST waveform of cycles [from, to) into file; 0 on success, -1 if
 * the model was built without tracing. */
int shim_trace(struct shim *s, const char *file, uint64_t from, uint64_t to);
/* Seconds of host time since shim_new. */
double shim_seconds(const struct shim *s);
/* True once the model called $finish or a failed assertion stopped it. */
int shim_finished(const struct shim *s);

#define SHIM_IN(n, w)                                        \
	void shim_set_##n(struct shim *s, uint64_t v);       \
	void shim_setv_##n(struct shim *s, const uint32_t *v);
#define SHIM_OUT(n, w)                                       \
	uint64_t shim_get_##n(const struct shim *s);         \
	void shim_getv_##n(const struct shim *s, uint32_t *v);
#define SHIM_INW(n, w)                                       \
	void shim_setw_##n(struct shim *s, const uint32_t *v); \
	void shim_setv_##n(struct shim *s, const uint32_t *v);
#define SHIM_OUTW(n, w)                                      \
	void shim_getw_##n(const struct shim *s, uint32_t *v); \
	void shim_getv_##n(const struct shim *s, uint32_t *v);
#include SHIM_PORTS
#undef SHIM_IN
#undef SHIM_OUT
#undef SHIM_INW
#undef SHIM_OUTW

#ifdef __cplusplus
}
#endif
#endif /* SHIM_H */
