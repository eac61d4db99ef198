/*
 * pp-kernel: the kernel-tile side of the ping-pong test. The harness has put
 * ping into tile 1's SPM and pong into tile 2's (both held in reset by their
 * TCUs). This program configures their endpoints through privileged NoC
 * accesses, checks that they read back, starts both cores and waits.
 */
#include <stdio.h>

#include "check.h"
#include "pingpong.h"
#include "tcu.h"

#define PING_X 1
#define PING_Y 0
#define PONG_X 0
#define PONG_Y 1

int main(void)
{
	struct tcu_ep e, back;

	e = tcu_ep_recv(PP_RBUF, 6, 2, PP_RPL_EPS);
	CHECK_EQ(tcu_ep_config(PONG_X, PONG_Y, PP_REP, &e), 0);
	e = tcu_ep_recv(PP_RPLBUF, 6, 0, TCU_NO_EP);
	CHECK_EQ(tcu_ep_config(PING_X, PING_Y, PP_RPL_REP, &e), 0);
	e = tcu_ep_send(PONG_X, PONG_Y, PP_REP, PP_LABEL, 6, 1);
	CHECK_EQ(tcu_ep_config(PING_X, PING_Y, PP_SEP, &e), 0);
	/* the configuration reads back through the NoC */
	CHECK_EQ(tcu_priv_read(PING_X, PING_Y, (TCU_REG_EP_BASE + TCU_EP_BYTES * PP_SEP) / 4, back.w, 4), 0);
	for (int i = 0; i < 4; i++)
		CHECK_EQ(back.w[i], e.w[i]);
	CHECK_EQ(tcu_core_hold(PONG_X, PONG_Y, 0), 0);
	CHECK_EQ(tcu_core_hold(PING_X, PING_Y, 0), 0);
	if (check_done("pp-kernel"))
		return 1;
	printf("pp-kernel: ping and pong started\n");
	for (;;)
		;
}
