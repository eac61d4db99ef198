/*
 * kern-ipc: root on tile 1 of the 2x2 SoC; starts kern-pong on tile 2 (direct
 * boot: the simulator loaded it) with a receive gate root activates on pong's
 * EP IPC_PONG_EP, and measures 8-byte round trips through the same EPs twice:
 * with the runtime API (rt_sgate_call: send, poll, copy the reply, ack) and with
 * raw TCU commands (tcu_send, fetch poll, ack). Prints both medians.
 */
#include <stdio.h>

#include "ipc.h"
#include "rt.h"
#include "tile.h"

#define SEL_TILE2 1

static uint8_t rbuf[64] __attribute__((aligned(64)));
static uint32_t t_rt[IPC_ROUNDS], t_raw[IPC_ROUNDS];

static int setup(struct rt_act *pong, struct rt_sgate *sg, struct rt_rgate *rpl)
{
	uint32_t rg = rt_sel_alloc(), ep = rt_sel_alloc();
	int err = rt_act_create(pong, SEL_TILE2, 2, 16, 16, 8);

	if (!err)
		err = rt_sys_create_rgate(rg, 6, 1);
	if (!err)
		err = rt_sys_alloc_ep(ep, pong->sel, IPC_PONG_EP, 2);
	if (!err)
		err = rt_sys_activate(ep, rg, IPC_PONG_BUF);
	if (!err)
		err = rt_sgate_new(sg, rg, 0x1d, 1);
	if (!err)
		err = rt_rgate_new(rpl, rbuf, 6, 0);
	if (!err)
		err = rt_act_start(pong);
	return err;
}

int main(void)
{
	struct rt_act pong;
	struct rt_sgate sg;
	struct rt_rgate rpl;
	uint32_t msg[2], r[2], bad = 0;
	int32_t code = -1;
	size_t n = 0;
	int err = setup(&pong, &sg, &rpl);

	for (uint32_t i = 0; i < IPC_ROUNDS && !err; i++) {
		uint32_t t0, t1;

		msg[0] = i, msg[1] = ~i;
		t0 = tile_cycles32();
		err = rt_sgate_call(&sg, msg, 8, &rpl, r, 8, &n);
		t1 = tile_cycles32();
		bad += n != 8 || r[0] != i + 1 || r[1] != ~i + 1;
		t_rt[i] = t1 - t0;
	}
	for (uint32_t i = 0; i < IPC_ROUNDS && !err; i++) {
		uint32_t t0, t1;
		int32_t off;

		msg[0] = i, msg[1] = ~i;
		t0 = tile_cycles32();
		err = tcu_send(sg.ep, msg, 8, rpl.ep, 0);
		do
			off = tcu_fetch(rpl.ep);
		while (off == TCU_NONE_OFF);
		tcu_ack(rpl.ep, (uint32_t)off);
		t1 = tile_cycles32();
		bad += off < 0 || ((const uint32_t *)tcu_msg_at(rbuf, (uint32_t)off)->data)[0] != i + 1;
		t_raw[i] = t1 - t0;
	}
	msg[0] = IPC_STOP;
	if (!err)
		err = rt_sgate_call(&sg, msg, 8, &rpl, r, 8, &n);
	if (!err)
		err = rt_act_wait(&pong, &code);
	if (err || bad || code) {
		printf("kern-ipc: %s, %lu bad replies, pong exit %ld\n", rt_strerror(err), (unsigned long)bad, (long)code);
		return 1;
	}
	tile_sort_u32(t_rt, IPC_ROUNDS);
	tile_sort_u32(t_raw, IPC_ROUNDS);
	printf("kern-ipc: %d rounds, 8 B + 8 B, runtime API round trip median %lu cycles (min %lu), raw TCU median %lu "
	       "cycles (min %lu), runtime/raw %lu %%\n",
	       IPC_ROUNDS, (unsigned long)t_rt[IPC_ROUNDS / 2], (unsigned long)t_rt[0],
	       (unsigned long)t_raw[IPC_ROUNDS / 2], (unsigned long)t_raw[0],
	       (unsigned long)(100 * t_rt[IPC_ROUNDS / 2] / t_raw[IPC_ROUNDS / 2]));
	return 0;
}
