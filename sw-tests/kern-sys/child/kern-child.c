/*
 * kern-child: started by kern-sys on tile 2. Binds the memory gate its parent
 * delegated (selector KS_CHILD_MGATE), reads what the parent wrote through it,
 * does a noop syscall and exits with KS_CHILD_CODE if everything matched.
 */
#include <stdio.h>

#include "kern-sys.h"
#include "rt.h"

int main(void)
{
	struct rt_mgate mg;
	uint32_t buf[KS_MEM_SIZE / 4];
	int err;

	rt_sel_reserve(KS_CHILD_MGATE + 1);
	err = rt_mgate_bind(&mg, KS_CHILD_MGATE, KS_MEM_SIZE);
	if (!err)
		err = rt_mgate_read(&mg, buf, sizeof(buf), 0);
	if (!err)
		err = rt_sys_noop();
	if (err) {
		printf("kern-child: %s\n", rt_strerror(err));
		return 1;
	}
	for (unsigned i = 0; i < KS_MEM_SIZE / 4; i++) {
		if (buf[i] != KS_PATTERN + i) {
			printf("kern-child: word %u is 0x%lx (buf at %p)\n", i, (unsigned long)buf[i], (void *)buf);
			return 2;
		}
	}
	printf("kern-child: read the delegated memory gate, exiting with %d\n", KS_CHILD_CODE);
	return KS_CHILD_CODE;
}
