/*
 * kern-crash: children that crash (root on tile 1 of the 2x2 SoC, booted from
 * build/boot/test-crash2x2.img, which holds the child kern-crashy). One after
 * another on tile 2, each loaded from the image with its argument: an illegal
 * instruction, a normal exit, a misaligned load, an EBREAK, a normal exit.
 * Checks that ACT_WAIT reports each crash with its code (KIF_EXIT_CRASH |
 * KIF_CRASH_*), that the tile is reused at once (the next child runs and exits
 * normally) and that the kernel keeps serving (noop and a message to our own
 * receive gate after every child).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "crash.h"
#include "rt.h"
#include "spec/boot.h"

/* boot capabilities of root in the 2x2 SoC (kern_boot): tile 2, then the memory tile's gate */
#define SEL_TILE2 1
#define SEL_MEM 2

struct kc_case {
	const char *arg;
	int32_t code; /* expected exit code */
};

static const struct kc_case kc_cases[] = {
	{"ill", (int32_t)(KIF_EXIT_CRASH | KIF_CRASH_ILLINSN)},
	{"exit", CRASH_OK_CODE},
	{"misalign", (int32_t)(KIF_EXIT_CRASH | KIF_CRASH_MISALIGN)},
	{"ebreak", (int32_t)(KIF_EXIT_CRASH | KIF_CRASH_ILLINSN)},
	{"exit", CRASH_OK_CODE},
};
#define KC_NCASES (sizeof(kc_cases) / sizeof(kc_cases[0]))

static uint8_t rbuf[2 << 6] __attribute__((aligned(128)));
static uint8_t pbuf[1 << 6] __attribute__((aligned(64)));
static struct rt_rgate rpl; /* replies to our messages to ourselves */

/* one child with argument arg: returns its exit code (or -1 after a failed check) */
static int32_t kc_run(const struct rt_mgate *img, uint32_t off, uint32_t size, const char *arg)
{
	char args[32] = "crashy";
	uint32_t len = (uint32_t)strlen(args) + 1;
	struct rt_act a;
	int32_t code = -1;
	int err;

	memcpy(args + len, arg, strlen(arg) + 1);
	len += (uint32_t)strlen(arg) + 1;
	err = rt_act_create(&a, SEL_TILE2, 2, 16, 16, 8);
	CHECK_EQ(err, 0);
	if (err)
		return -1;
	CHECK_EQ(rt_act_load(&a, img, off, size, args, len), 0);
	CHECK_EQ(rt_act_start(&a), 0);
	CHECK_EQ(rt_act_wait(&a, &code), 0);
	/* the tile is free again once the activity capability is gone */
	CHECK_EQ(rt_sys_revoke(a.sel, 1), 0);
	rt_sel_free(a.sel);
	return code;
}

/* the kernel still answers, and our receive gate still takes a message and its reply
 * (the reply gives the send gate's credit back) */
static void kc_kernel_alive(const struct rt_rgate *rg, const struct rt_sgate *sg, uint32_t n)
{
	const struct tcu_msg *m;
	uint32_t r = n + 100;
	int err;

	CHECK_EQ(rt_sys_noop(), 0);
	CHECK_EQ(rt_sgate_send(sg, &n, 4, &rpl, 0x44), 0);
	m = rt_rgate_wait(rg, &err);
	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_EQ(*(const uint32_t *)(const void *)m->data, n);
	CHECK_EQ(rt_rgate_reply(rg, m, &r, 4), 0);
	m = rt_rgate_wait(&rpl, &err);
	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_EQ(*(const uint32_t *)(const void *)m->data, r);
	CHECK_EQ(rt_rgate_ack(&rpl, m), 0);
}

int main(void)
{
	static const char *const causes[] = KIF_CRASH_NAMES;
	struct rt_mgate img;
	struct rt_rgate rg;
	struct rt_sgate sg;
	uint32_t off = 0, size = 0;
	unsigned crashes = 0, reused = 0;
	int32_t code = -1;

	CHECK_EQ(rt_mgate_bind(&img, SEL_MEM, 0x100000), 0);
	CHECK_EQ(rt_boot_find(&img, BOOT_KIND_PROG, &off, &size), 0);
	CHECK_EQ(rt_rgate_new(&rg, rbuf, 6, 1), 0);
	CHECK_EQ(rt_rgate_new(&rpl, pbuf, 6, 0), 0);
	CHECK_EQ(rt_sgate_new(&sg, rg.sel, 0x33, 1), 0);
	for (unsigned i = 0; i < KC_NCASES; i++) {
		const struct kc_case *c = &kc_cases[i];

		code = kc_run(&img, off, size, c->arg);
		CHECK_EQ(code, c->code);
		if ((uint32_t)code >> 8 == KIF_EXIT_CRASH >> 8) {
			uint32_t cause = (uint32_t)code & 0xff;

			crashes++;
			printf("kern-crash: child '%s' crashed: exit code 0x%08lx (%s)\n", c->arg, (unsigned long)code,
			       cause < sizeof(causes) / sizeof(causes[0]) && causes[cause] ? causes[cause] : "?");
		} else {
			printf("kern-crash: child '%s' exited with %ld\n", c->arg, (long)code);
			if (i > 0 && code == CRASH_OK_CODE)
				reused++;
		}
		kc_kernel_alive(&rg, &sg, i);
	}
	printf("kern-crash: %u crashes reported to the parent, tile 2 reused after a crash %u times, last child exited with %ld\n",
	       crashes, reused, (long)code);
	return check_done("kern-crash");
}
