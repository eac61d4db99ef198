/*
 * kstack_neg.c - deliberately recursive functions: kernel/tests/kstack.py must
 * reject them (the test that shows the kernel's "no recursion" check can fail).
 */
#include <string.h>

int kstack_neg_walk(const char *s, unsigned n);

static int kstack_neg_step(const char *s, unsigned n)
{
	char buf[16];

	memcpy(buf, s, sizeof(buf));
	return buf[n % 16] ? kstack_neg_walk(buf, n - 1) * 3 : 1;
}

int kstack_neg_walk(const char *s, unsigned n)
{
	return n ? kstack_neg_step(s, n) + (int)n : 0;
}
