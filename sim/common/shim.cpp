// shim.cpp - thin C++ wrapper that gives a Verilated model the C API of shim.h.
// Compiled once per model (see shim.h for the defines it needs).
#include <chrono>
#include <cstdio>
#include <memory>

#include "verilated.h"
#if VM_TRACE
#include "verilated_fst_c.h"
#endif
#include "shim.h"
#include SHIM_TOP_H

struct shim {
	std::unique_ptr<VerilatedContext> ctx;
	std::unique_ptr<SHIM_TOP> top;
#if VM_TRACE
	std::unique_ptr<VerilatedFstC> fst;
#endif
	uint64_t cycle = 0, trace_from = 0, trace_to = 0;
	std::chrono::steady_clock::time_point t0;
};

extern "C" struct shim *shim_new(int argc, char **argv)
{
	shim *s = new shim;
	s->ctx.reset(new VerilatedContext);
	s->ctx->commandArgs(argc, argv);
	s->top.reset(new SHIM_TOP{s->ctx.get(), "top"});
	s->top->clk_i = 0;
	s->top->eval();
	s->t0 = std::chrono::steady_clock::now();
	return s;
}

extern "C" void shim_free(struct shim *s)
{
	s->top->final();
#if VM_TRACE
	if (s->fst)
		s->fst->close();
#endif
	delete s;
}

extern "C" void shim_eval(struct shim *s) { s->top->eval(); }

static void dump(struct shim *s)
{
#if VM_TRACE
	if (s->fst && s->cycle >= s->trace_from && s->cycle < s->trace_to)
		s->fst->dump(s->ctx->time());
#else
	(void)s;
#endif
}

extern "C" void shim_tick(struct shim *s)
{
	s->top->clk_i = 1;
	s->top->eval();
	s->ctx->timeInc(1);
	dump(s);
	s->top->clk_i = 0;
	s->top->eval();
	s->ctx->timeInc(1);
	dump(s);
	s->cycle++;
}

extern "C" uint64_t shim_cycle(const struct shim *s) { return s->cycle; }

extern "C" int shim_trace(struct shim *s, const char *file, uint64_t from, uint64_t to)
{
#if VM_TRACE
	s->ctx->traceEverOn(true);
	s->fst.reset(new VerilatedFstC);
	s->top->trace(s->fst.get(), 99);
	s->fst->open(file);
	s->trace_from = from;
	s->trace_to = to;
	return 0;
#else
	(void)s, (void)file, (void)from, (void)to;
	return -1;
#endif
}

extern "C" double shim_seconds(const struct shim *s)
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now() - s->t0).count();
}

extern "C" int shim_finished(const struct shim *s) { return s->ctx->gotFinish(); }

#define SHIM_IN(n, w)                                                          \
	extern "C" void shim_set_##n(struct shim *s, uint64_t v) { s->top->n = v; } \
	extern "C" void shim_setv_##n(struct shim *s, const uint32_t *v)           \
	{                                                                      \
		s->top->n = (w) > 32 ? v[0] | (uint64_t)v[1] << 32 : v[0];      \
	}
#define SHIM_OUT(n, w)                                                         \
	extern "C" uint64_t shim_get_##n(const struct shim *s) { return s->top->n; } \
	extern "C" void shim_getv_##n(const struct shim *s, uint32_t *v)           \
	{                                                                      \
		uint64_t x = s->top->n;                                        \
		v[0] = (uint32_t)x;                                            \
		if ((w) > 32)                                                  \
			v[1] = (uint32_t)(x >> 32);                            \
	}
#define SHIM_INW(n, w)                                                       \
	extern "C" void shim_setw_##n(struct shim *s, const uint32_t *v)       \
	{                                                                      \
		for (int i = 0; i < ((w) + 31) / 32; i++)                      \
			s->top->n[i] = v[i];                                   \
	}                                                                      \
	extern "C" void shim_setv_##n(struct shim *s, const uint32_t *v) { shim_setw_##n(s, v); }
#define SHIM_OUTW(n, w)                                                      \
	extern "C" void shim_getw_##n(const struct shim *s, uint32_t *v)       \
	{                                                                      \
		for (int i = 0; i < ((w) + 31) / 32; i++)                      \
			v[i] = s->top->n[i];                                   \
	}                                                                      \
	extern "C" void shim_getv_##n(const struct shim *s, uint32_t *v) { shim_getw_##n(s, v); }
#include SHIM_PORTS
