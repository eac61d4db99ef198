/*
 * kern-child: started by kern-sys on tile 2. Binds the memory gate its parent
 * delegated (selector KS_CHILD_MGATE), reads what the parent wrote through it,
 * does a noop syscall, raises a flag through the gate and waits until the
 * parent's revoke has reached its tile: K3 cross-check, the EP read back from
 * this tile's TCU is invalid and an access through it fails. Exits with
 * KS_CHILD_CODE if everything matched.
 */
#include <stdio.h>

#include "kern-sys.h"
#include "rt.h"
#include "tile.h"

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
	printf("kern-child: read the delegated memory gate\n");
	/* tell the parent, then watch the EP until the kernel invalidates it */
	uint32_t flag = KS_FLAG, type = TCU_EPT_MEM;
	struct tcu_ep e;
	int i;

	err = rt_mgate_write(&mg, &flag, 4, KS_FLAG_OFF);
	for (i = 0; !err && i < KS_SPIN && type != TCU_EPT_INVALID; i++) {
		tcu_ep_read(mg.ep, &e);
		type = TCU_EP_GET(&e, TCU_EP_TYPE);
	}
	if (err || type != TCU_EPT_INVALID) {
		printf("kern-child: EP %u still of type %lu after %d polls (%s)\n", mg.ep, (unsigned long)type, i,
		       rt_strerror(err));
		return 3;
	}
	err = rt_mgate_read(&mg, buf, 4, 0);
	if (err == 0) {
		printf("kern-child: a read through the revoked gate succeeded\n");
		return 4;
	}
	printf("kern-child: K3 revoke reached tile %lu: EP %u reads back invalid, access fails with %s; exiting with %d\n",
	       (unsigned long)tile_num(), mg.ep, rt_strerror(err), KS_CHILD_CODE);
	return KS_CHILD_CODE;
}
