/* muldiv: the core's M extension (fast multiplier, divider) against shift-and-add
 * reference implementations, including the RISC-V corner cases. */
#include <limits.h>
#include <stdint.h>

#include "check.h"

static uint64_t ref_mulu64(uint32_t a, uint32_t b)
{
	uint64_t r = 0;

	for (int i = 0; i < 32; i++)
		if (b & (1u << i))
			r += (uint64_t)a << i;
	return r;
}

static void ref_divu(uint32_t a, uint32_t b, uint32_t *q, uint32_t *r)
{
	uint32_t qq = 0, rr = 0;

	if (b == 0) {
		*q = UINT32_MAX, *r = a;
		return;
	}
	for (int i = 31; i >= 0; i--) {
		rr = (rr << 1) | ((a >> i) & 1);
		if (rr >= b)
			rr -= b, qq |= 1u << i;
	}
	*q = qq, *r = rr;
}

#define OP(insn, a, b)                                                             \
	({                                                                         \
		uint32_t r_;                                                       \
		__asm__ volatile(insn " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b)); \
		r_;                                                                \
	})

static uint32_t rng = 0x12345678;
static uint32_t next(void)
{
	rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
	return rng;
}

int main(void)
{
	static const uint32_t edge[] = {0, 1, 2, 3, 7, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe, 12345};
	const int ne = sizeof(edge) / sizeof(edge[0]);

	for (int n = 0; n < ne * ne + 300; n++) {
		uint32_t a = n < ne * ne ? edge[n / ne] : next();
		uint32_t b = n < ne * ne ? edge[n % ne] : next() >> (next() & 31);
		int32_t sa = (int32_t)a, sb = (int32_t)b;
		uint64_t pu = ref_mulu64(a, b);
		/* signed high parts from the unsigned product */
		uint32_t hs = (uint32_t)(pu >> 32) - (sa < 0 ? b : 0) - (sb < 0 ? a : 0);
		uint32_t hsu = (uint32_t)(pu >> 32) - (sa < 0 ? b : 0);
		uint32_t q, r;

		CHECK_EQ(OP("mul", a, b), (uint32_t)pu);
		CHECK_EQ(OP("mulhu", a, b), (uint32_t)(pu >> 32));
		CHECK_EQ(OP("mulh", a, b), hs);
		CHECK_EQ(OP("mulhsu", a, b), hsu);
		ref_divu(a, b, &q, &r);
		CHECK_EQ(OP("divu", a, b), q);
		CHECK_EQ(OP("remu", a, b), r);
		/* signed: RISC-V defines x/0 = -1, x%0 = x, INT_MIN/-1 = INT_MIN, INT_MIN%-1 = 0 */
		if (sb == 0) {
			CHECK_EQ(OP("div", a, b), UINT32_MAX);
			CHECK_EQ(OP("rem", a, b), a);
		} else if (sa == INT_MIN && sb == -1) {
			CHECK_EQ(OP("div", a, b), a);
			CHECK_EQ(OP("rem", a, b), 0);
		} else {
			uint32_t ua = sa < 0 ? 0u - a : a, ub = sb < 0 ? 0u - b : b;
			ref_divu(ua, ub, &q, &r);
			CHECK_EQ(OP("div", a, b), (sa < 0) != (sb < 0) ? 0u - q : q);
			CHECK_EQ(OP("rem", a, b), sa < 0 ? 0u - r : r);
		}
	}
	return check_done("muldiv");
}
