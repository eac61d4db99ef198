/*
 * kern-pong: answers every 8-byte message on IPC_PONG_EP (set up by its parent)
 * with the words incremented, through the runtime's receive gate calls; ends on
 * IPC_STOP.
 */
#include "ipc.h"
#include "rt.h"

int main(void)
{
	struct rt_rgate rg = {.ep = IPC_PONG_EP, .buf = (void *)IPC_PONG_BUF, .order = 6, .slots = 1};

	for (;;) {
		int err;
		const struct tcu_msg *m = rt_rgate_wait(&rg, &err);
		const uint32_t *w;
		uint32_t r[2];

		if (!m)
			return 1;
		w = (const uint32_t *)m->data;
		r[0] = w[0] + 1;
		r[1] = w[1] + 1;
		rt_rgate_reply(&rg, m, r, sizeof(r));
		if (w[0] == IPC_STOP)
			return 0;
	}
}
