/*
 * kern-spin: the K7 test's child. Sends numbered messages to its parent through
 * the send gate at KK_SGATE_SEL and waits for each reply, doing a noop syscall
 * in between; exits with KK_CODE when a reply says KK_STOP. The parent kills
 * it while it waits.
 */
#include "kill.h"
#include "rt.h"

static uint8_t rbuf[64] __attribute__((aligned(64)));

int main(void)
{
	struct rt_sgate sg;
	struct rt_rgate rg;
	uint32_t r[2] = {0, 0};
	size_t n;
	int err = rt_sgate_bind(&sg, KK_SGATE_SEL);

	if (!err)
		err = rt_rgate_new(&rg, rbuf, 6, 0);
	for (uint32_t i = 0; !err; i++) {
		err = rt_sys_noop();
		if (!err)
			err = rt_sgate_call(&sg, &i, 4, &rg, r, 8, &n);
		if (!err && r[0] == KK_STOP)
			return KK_CODE;
	}
	return 1;
}
