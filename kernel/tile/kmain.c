/*
 * kmain.c - the kernel on the kernel tile: describes the mesh, configures its
 * own receive EPs, creates the root activity, releases root's core and serves
 * syscalls and service replies until root exits; then it prints a summary and
 * ends the run with root's exit code.
 *
 * Boot: if the memory tile holds a boot image (sim --boot), the kernel loads
 * root from it into the tile the image names (kboot.c); else root's ELF is
 * already in tile KT_ROOT_TILE's SPM (direct boot: the simulator loaded it).
 * The mesh size is a build parameter (KT_MESH_X, KT_MESH_Y), the kernel on tile
 * (0, 0), the memory tile last, every other tile a processing tile.
 */
#include <stdio.h>

#include "kboot.h"
#include "kif.h"
#include "kplat_tcu.h"
#include "sys.h"
#include "tcu.h"
#include "tile.h"

#ifndef KT_MESH_X
#define KT_MESH_X 2
#endif
#ifndef KT_MESH_Y
#define KT_MESH_Y 2
#endif
#ifndef KT_ROOT_TILE
#define KT_ROOT_TILE 1
#endif
#define KT_TILES (KT_MESH_X * KT_MESH_Y)
#define KT_PROC_EPS 32u
#define KT_MEM_EPS 4u
#define KT_SPM_SIZE MM_SPM_SIZE_DEFAULT
#define KT_MEM_SIZE 0x100000u

static struct kern kmain_k;
static struct ktcu kmain_c;

static void kmain_tiles(struct ktile_desc *d)
{
	for (unsigned i = 0; i < KT_TILES; i++) {
		d[i].x = (uint8_t)(i % KT_MESH_X);
		d[i].y = (uint8_t)(i / KT_MESH_X);
		d[i].kind = i == 0 ? KTILE_KERNEL : i == KT_TILES - 1 ? KTILE_MEM : KTILE_PROC;
		d[i].num_eps = (uint8_t)(d[i].kind == KTILE_MEM ? KT_MEM_EPS : i == 0 ? tcu_num_eps() : KT_PROC_EPS);
		d[i].mem_size = d[i].kind == KTILE_MEM ? KT_MEM_SIZE : KT_SPM_SIZE;
	}
}

/*
 * Fast path of NOOP (the benchmark's syscall): the same acceptance checks as
 * sys_handle (running activity, current generation, no syscall pending), the
 * same statistics, the reply straight from here. Returns 0 to leave the message
 * to sys_handle (which then drops or answers it).
 */
static int kmain_noop(unsigned act, uint32_t label, uint32_t off)
{
	static const uint32_t ok = 0;
	const struct kact *a = &kmain_k.acts[act];

	if (a->state != KACT_RUN || a->gen != (uint32_t)SPEC_GET(label, KIF_SYSC_LABEL_GEN) ||
	    (a->flags & KACTF_INSYS))
		return 0;
	kmain_k.stats.syscalls++;
	kmain_c.replies++;
	tcu_reply(KIF_KEP_SYSC_RECV, &ok, sizeof(ok), off);
	return 1;
}

/* One syscall message at offset off; *code gets EXIT's code when root leaves. */
static void kmain_syscall(uint32_t off, unsigned root, int32_t *code)
{
	const struct tcu_msg *m = tcu_msg_at(ktcu_sysc_buf, off);
	unsigned act = (unsigned)SPEC_GET(m->label, KIF_SYSC_LABEL_ACT);
	uint32_t len = tcu_msg_len(m);
	uint32_t old;

	if (act >= KCFG_MAX_ACTS) {
		kmain_k.stats.dropped++;
		tcu_ack(KIF_KEP_SYSC_RECV, off);
		return;
	}
	if (len == 4 && ((const uint32_t *)m->data)[0] == KIF_SYS_NOOP && kmain_noop(act, m->label, off))
		return;
	if (act == root && len == 8 && ((const uint32_t *)m->data)[0] == KIF_SYS_EXIT)
		*code = (int32_t)((const uint32_t *)m->data)[1];
	old = kmain_c.pending[act];
	kmain_c.pending[act] = off;
	if (sys_handle(&kmain_k, m->label, m->data, len)) {
		kmain_c.pending[act] = old;
		tcu_ack(KIF_KEP_SYSC_RECV, off);
	}
}

static void kmain_srv_reply(uint32_t off)
{
	const struct tcu_msg *m = tcu_msg_at(ktcu_srv_buf, off);

	sys_srv_reply(&kmain_k, m->label, m->data, tcu_msg_len(m));
	tcu_ack(KIF_KEP_SRV_RECV, off);
}

static int kmain_root_gone(unsigned root, uint32_t gen)
{
	const struct kact *a = &kmain_k.acts[root];

	return a->gen != gen || a->state == KACT_FREE || a->state >= KACT_EXITING;
}

int main(void)
{
	struct ktile_desc desc[KT_TILES];
	int32_t code = -1;
	uint32_t t0, gen;
	const char *boot = "direct";
	int root, rtile, err;

	kmain_tiles(desc);
	ktcu_own_eps();
	err = kern_init(&kmain_k, &ktcu_plat, &kmain_c, desc, KT_TILES, 0);
	if (err) {
		printf("kernel: init failed: %d\n", err);
		return 1;
	}
	kmain_c.k = &kmain_k;
	rtile = kboot_probe(&kmain_k, KT_TILES - 1, KT_MESH_X, KT_MESH_Y);
	if (rtile == KBOOT_NONE) {
		rtile = KT_ROOT_TILE;
	} else if (rtile < 0) {
		return -rtile;
	} else {
		err = kboot_load_root(&kmain_k, KT_TILES - 1, (unsigned)rtile);
		if (err) {
			printf("kernel: root's image refused: %s\n", kif_err_name((uint32_t)err));
			return err;
		}
		boot = "boot image";
	}
	root = kern_boot(&kmain_k, (unsigned)rtile);
	if (root < 0) {
		printf("kernel: boot of root on tile %d failed: %s\n", rtile, kif_err_name((uint32_t)-root));
		return 1;
	}
	gen = kmain_k.acts[root].gen;
	printf("kernel: %ux%u mesh, memory tile %u; root is activity %d on tile %d (%s)\n", KT_MESH_X, KT_MESH_Y,
	       KT_TILES - 1, root, rtile, boot);
	t0 = tile_cycles32();
	err = plat_core(&kmain_k, (unsigned)rtile, 1);
	if (err) {
		printf("kernel: cannot start root: %s\n", tcu_strerror(err));
		return 1;
	}
	while (!kmain_root_gone((unsigned)root, gen)) {
		int32_t off;
		int any = 0;

		/* clear the arrival flag, then drain both EPs: nothing that arrives is missed */
		TCU_REG(TCU_REG_STATUS) = (uint32_t)SPEC_PUT(TCU_STATUS_IRQ, 1);
		while ((off = tcu_fetch(KIF_KEP_SYSC_RECV)) >= 0 && off != TCU_NONE_OFF) {
			kmain_syscall((uint32_t)off, (unsigned)root, &code);
			any = 1;
		}
		while ((off = tcu_fetch(KIF_KEP_SRV_RECV)) >= 0 && off != TCU_NONE_OFF) {
			kmain_srv_reply((uint32_t)off);
			any = 1;
		}
		if (!any) {
			while (!(TCU_REG(TCU_REG_STATUS) & (uint32_t)SPEC_PUT(TCU_STATUS_IRQ, 1)))
				;
		}
	}
	printf("kernel: root exited with code %ld after %lu cycles; %lu syscalls (%lu errors, %lu dropped), "
	       "%lu replies, %lu service requests, %lu revoked, %lu platform failures\n",
	       (long)code, (unsigned long)(tile_cycles32() - t0), (unsigned long)kmain_k.stats.syscalls,
	       (unsigned long)kmain_k.stats.errors, (unsigned long)kmain_k.stats.dropped,
	       (unsigned long)kmain_c.replies, (unsigned long)kmain_c.srv_msgs, (unsigned long)kmain_k.stats.revoked,
	       (unsigned long)kmain_k.stats.plat_fail);
	return (int)code;
}
