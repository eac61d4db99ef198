/*
 * kern-bench2: cost of the kernel's capability operations as seen by software
 * on the caller's tile (root on tile 1 of the 2x2 SoC, booted from
 * build/boot/bench-kernel2x2.img). Each operation runs KB2_N times (or
 * argv[1] times, at most KB2_N: the smoke test of kernel/tile/tests.list) after
 * one warm-up; one line per operation gives min / median / max cycles:
 *   create_sgate   CREATE_SGATE on an activated receive gate
 *   create_mgate   CREATE_MGATE onto the caller's own memory
 *   derive_mem     DERIVE_MEM from the boot memory gate (4 KiB, read-only)
 *   activate       ACTIVATE a memory gate on an EP (deactivated again, untimed)
 *   deactivate     ACTIVATE with INV_SEL
 *   revoke         REVOKE of a memory gate with one derived child
 *   act_create     CREATE_ACT on tile 2
 *   act_load       rt_act_load: memory gate onto the child, ACTIVATE, ELF copied
 *                  from the boot image, argument block, REVOKE of the gate
 *   act_start_wait ACT_START + ACT_WAIT of a child that exits at once
 *   act_create_start  the three above together
 *   act_revoke     REVOKE of the exited child's activity capability (frees the tile)
 * Any syscall error ends the program with a non-zero exit code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt.h"
#include "spec/boot.h"
#include "tile.h"

#define KB2_N 100
/* boot capabilities of root in the 2x2 SoC (kern_boot): tile 2, then the memory tile's gate */
#define SEL_TILE2 1
#define SEL_MEM 2

enum { OP_SGATE, OP_MGATE, OP_DERIVE, OP_ACTIVATE, OP_DEACTIVATE, OP_REVOKE, OP_ACREATE, OP_ALOAD, OP_ASTART,
       OP_ACS, OP_AREVOKE, OP_NUM };

static const char *const kb2_names[OP_NUM] = {
	"create_sgate", "create_mgate", "derive_mem", "activate", "deactivate", "revoke",
	"act_create", "act_load", "act_start_wait", "act_create_start", "act_revoke",
};

static uint32_t kb2_t[OP_NUM][KB2_N];
static uint8_t rbuf[4 << 6] __attribute__((aligned(256)));
static uint32_t scratch[64];
static unsigned kb2_ops;
static int kb2_n = KB2_N;

#define TRY(what, call)                                                                               \
	do {                                                                                          \
		int err_ = (call);                                                                    \
		kb2_ops++;                                                                            \
		if (err_) {                                                                           \
			printf("kern-bench2: %s (round %d) failed: %s\n", what, round, rt_strerror(err_)); \
			return 1;                                                                     \
		}                                                                                     \
	} while (0)

/* store sample i of op (round 0 is the warm-up, not stored) */
static void kb2_put(int op, int round, uint32_t t)
{
	if (round > 0)
		kb2_t[op][round - 1] = t;
}

static int kb2_gates(const struct rt_rgate *rg, uint32_t a, uint32_t b, uint32_t ep_sel)
{
	for (int round = 0; round <= kb2_n; round++) {
		uint32_t t0, t1;

		t0 = tile_cycles32();
		TRY("create_sgate", rt_sys_create_sgate(a, rg->sel, 0x100 + (uint32_t)round, 1));
		t1 = tile_cycles32();
		kb2_put(OP_SGATE, round, t1 - t0);
		TRY("revoke sgate", rt_sys_revoke(a, 1));

		t0 = tile_cycles32();
		TRY("create_mgate", rt_sys_create_mgate(a, KIF_SEL_ACT, (uint32_t)(uintptr_t)scratch, sizeof(scratch),
							KIF_PERM_RW));
		t1 = tile_cycles32();
		kb2_put(OP_MGATE, round, t1 - t0);

		t0 = tile_cycles32();
		TRY("derive_mem", rt_sys_derive_mem(b, SEL_MEM, 4096 * (uint32_t)round, 4096, KIF_PERM_R));
		t1 = tile_cycles32();
		kb2_put(OP_DERIVE, round, t1 - t0);
		TRY("revoke derived", rt_sys_revoke(b, 1));

		t0 = tile_cycles32();
		TRY("activate", rt_sys_activate(ep_sel, a, 0));
		t1 = tile_cycles32();
		kb2_put(OP_ACTIVATE, round, t1 - t0);

		t0 = tile_cycles32();
		TRY("deactivate", rt_sys_activate(ep_sel, KIF_INV_SEL, 0));
		t1 = tile_cycles32();
		kb2_put(OP_DEACTIVATE, round, t1 - t0);

		/* a has one child: b, derived from it */
		TRY("derive for revoke", rt_sys_derive_mem(b, a, 0, 16, KIF_PERM_R));
		t0 = tile_cycles32();
		TRY("revoke", rt_sys_revoke(a, 1));
		t1 = tile_cycles32();
		kb2_put(OP_REVOKE, round, t1 - t0);
	}
	return 0;
}

static int kb2_acts(const struct rt_mgate *img, uint32_t off, uint32_t size)
{
	static const char args[] = "nop";

	for (int round = 0; round <= kb2_n; round++) {
		struct rt_act a;
		int32_t code = -1;
		uint32_t t0, t1, t2, t3, t4;

		t0 = tile_cycles32();
		TRY("act_create", rt_act_create(&a, SEL_TILE2, 2, 8, 8, 4));
		t1 = tile_cycles32();
		TRY("act_load", rt_act_load(&a, img, off, size, args, sizeof(args)));
		t2 = tile_cycles32();
		TRY("act_start", rt_act_start(&a));
		TRY("act_wait", rt_act_wait(&a, &code));
		t3 = tile_cycles32();
		TRY("act_revoke", rt_sys_revoke(a.sel, 1));
		t4 = tile_cycles32();
		rt_sel_free(a.sel);
		if (code != 0) {
			printf("kern-bench2: child (round %d) exited with %ld\n", round, (long)code);
			return 1;
		}
		kb2_put(OP_ACREATE, round, t1 - t0);
		kb2_put(OP_ALOAD, round, t2 - t1);
		kb2_put(OP_ASTART, round, t3 - t2);
		kb2_put(OP_ACS, round, t3 - t0);
		kb2_put(OP_AREVOKE, round, t4 - t3);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct rt_rgate rg;
	struct rt_mgate img;
	uint32_t off = 0, size = 0, a, b, ep_sel;
	unsigned ep;
	int round = -1;

	if (argc > 1)
		kb2_n = atoi(argv[1]);
	if (kb2_n < 1 || kb2_n > KB2_N) {
		printf("kern-bench2: repetitions must be 1..%d\n", KB2_N);
		return 1;
	}
	TRY("bind boot memory gate", rt_mgate_bind(&img, SEL_MEM, 0x100000));
	TRY("find the child in the boot image", rt_boot_find(&img, BOOT_KIND_PROG, &off, &size));
	TRY("receive gate", rt_rgate_new(&rg, rbuf, 6, 2));
	a = rt_sel_alloc();
	b = rt_sel_alloc();
	ep_sel = rt_sel_alloc();
	TRY("alloc_ep", rt_ep_alloc(ep_sel, 0, &ep));
	if (kb2_gates(&rg, a, b, ep_sel) || kb2_acts(&img, off, size))
		return 1;
	printf("kern-bench2: %d calls each after a warm-up, caller on tile %lu, child ELF %lu bytes\n", kb2_n,
	       (unsigned long)tile_num(), (unsigned long)size);
	for (int op = 0; op < OP_NUM; op++) {
		tile_sort_u32(kb2_t[op], kb2_n);
		printf("kern-bench2: %-16s %4d calls: min %7lu median %7lu max %7lu cycles\n", kb2_names[op], kb2_n,
		       (unsigned long)kb2_t[op][0], (unsigned long)kb2_t[op][kb2_n / 2],
		       (unsigned long)kb2_t[op][kb2_n - 1]);
	}
	printf("kern-bench2: %u syscalls and runtime calls, 0 failed\n", kb2_ops);
	return 0;
}
