/* pong: answers every message on its receive EP with the payload's words
 * incremented, until the kernel stops it. Checks the header on the way. */
#include <stdio.h>

#include "pingpong.h"
#include "tcu.h"

int main(void)
{
	for (;;) {
		int32_t off = tcu_wait(PP_REP);
		uint32_t out[2];

		if (off < 0 || off == TCU_NONE_OFF)
			continue;
		const struct tcu_msg *m = tcu_msg_at((void *)PP_RBUF, (uint32_t)off);
		const uint32_t *p = (const uint32_t *)m->data;
		if (m->label != PP_LABEL || tcu_msg_len(m) != 8) {
			printf("pong: unexpected message (label 0x%lx, %lu bytes)\n", (unsigned long)m->label,
			       (unsigned long)tcu_msg_len(m));
			return 1;
		}
		out[0] = p[0] + 1, out[1] = ~(p[0] + 1);
		int err = tcu_reply(PP_REP, out, 8, (uint32_t)off);
		if (err) {
			printf("pong: reply: %s\n", tcu_strerror(err));
			return 1;
		}
	}
}
