/*
 * root: the first activity, loaded by the kernel from the boot image. Reads the
 * image through its memory gate onto the memory tile, and for every program
 * module creates an activity on the module's tile, loads the ELF into it
 * (rt_act_load), writes its arguments, starts it; then waits for each and
 * reports the exit codes. Exits with 0 if every program did, else with the
 * first failing program's code.
 *
 * Boot capabilities (kern_boot): 0 own activity, then one TILE capability per
 * other processing tile in tile order, then the memory tile's memory gate.
 */
#include <stdio.h>
#include <string.h>

#include "rt.h"
#include "spec/boot.h"
#include "tile.h"

#define W(F) (BOOT_##F##_LSB / 32)
#define HDR_WORDS (W(HDR_FLAGS) + 1)
#define MOD_WORDS (BOOT_MOD_BYTES / 4)

#define SERV_TRIES 100000
/* quotas of each program: capability slots, kernel objects, EPs of its tile */
#define QUOTA_CAPS 32
#define QUOTA_OBJS 24
#define QUOTA_EPS 24

struct prog {
	char name[BOOT_NAME_BYTES + 1];
	int serv; /* index of its service, or -1 */
	struct rt_act act;
	int32_t code;
	int err;
};

static uint32_t hdr[HDR_WORDS];
static struct prog progs[BOOT_MAX_MODS];
static char args[BOOT_ENV_SIZE];
static uint32_t servs[BOOT_MAX_SERVS]; /* root's selectors of the services started so far */
static unsigned nservs;

/* Start p (loaded): give it the services started before it, start it; if it is a
 * service, wait until it has created its service capability and obtain it. */
static int start(struct prog *p, uint32_t flags)
{
	int err = 0;

	for (unsigned i = 0; i < nservs && !err; i++) {
		err = rt_sys_exchange(p->act.sel, servs[i], BOOT_SERV_SEL + i, 1, 0);
		/* the service has ended already: its capability went with it */
		if (err == KIF_ERR_INV_SEL)
			err = 0;
	}
	if (!err)
		err = rt_act_start(&p->act);
	if (err || !(flags & BOOT_FLAG_SERVICE))
		return err;
	if (nservs == BOOT_MAX_SERVS)
		return KIF_ERR_NO_SPACE;
	servs[nservs] = rt_sel_alloc();
	for (int i = 0; i < SERV_TRIES; i++) {
		err = rt_sys_exchange(p->act.sel, servs[nservs], BOOT_SERV_SEL, 1, 1);
		if (err != KIF_ERR_INV_SEL)
			break;
	}
	if (!err)
		p->serv = (int)nservs++;
	return err;
}

/* The memory gate is the boot capability after the tile capabilities. */
static int find_mem(uint32_t *sel)
{
	const uint32_t probe = 63; /* the last selector, free at this point */

	for (uint32_t s = KIF_FIRST_FREE_SEL; s < probe; s++) {
		int err = rt_sys_derive_mem(probe, s, 0, 4, KIF_PERM_R);

		if (err == KIF_ERR_WRONG_KIND)
			continue;
		if (err)
			return err;
		rt_sys_revoke(probe, 1);
		rt_sel_reserve(s + 1);
		*sel = s;
		return 0;
	}
	return KIF_ERR_INV_SEL;
}

int main(int argc, char **argv)
{
	uint32_t memsel, mod[MOD_WORDS], me = tile_num(), t0 = tile_cycles32();
	struct rt_mgate img;
	unsigned n = 0, failed = 0;
	int32_t first_bad = 0;
	int err;

	(void)argc;
	err = find_mem(&memsel);
	if (!err)
		err = rt_mgate_bind(&img, memsel, 0x100000);
	if (!err)
		err = rt_mgate_read(&img, hdr, sizeof(hdr), 0);
	if (err || hdr[W(HDR_MAGIC)] != BOOT_MAGIC) {
		printf("root: no boot image: %s\n", rt_strerror(err));
		return 1;
	}
	img.size = hdr[W(HDR_SIZE)];
	printf("root: %s on tile %lu, boot image of %lu bytes with %lu modules\n", argv[0] ? argv[0] : "root",
	       (unsigned long)me, (unsigned long)img.size, (unsigned long)hdr[W(HDR_NMODS)]);
	for (uint32_t i = 0; i < hdr[W(HDR_NMODS)] && i < BOOT_MAX_MODS; i++) {
		struct prog *p = &progs[n];
		const char *step;
		uint32_t t;

		err = rt_mgate_read(&img, mod, sizeof(mod), sizeof(hdr) + i * BOOT_MOD_BYTES);
		if (err)
			return err;
		if (mod[W(MOD_KIND)] != BOOT_KIND_PROG)
			continue;
		memcpy(p->name, &mod[W(MOD_NAME0)], BOOT_NAME_BYTES);
		t = mod[W(MOD_TILE)];
		if (mod[W(MOD_ARGS_SIZE)] > sizeof(args))
			return KIF_ERR_INV_ARGS;
		err = mod[W(MOD_ARGS_SIZE)] ? rt_mgate_read(&img, args, mod[W(MOD_ARGS_SIZE)], mod[W(MOD_ARGS_OFF)]) : 0;
		step = "create";
		if (!err)
			err = rt_act_create(&p->act, t < me ? t : t - 1, t, QUOTA_CAPS, QUOTA_OBJS, QUOTA_EPS);
		if (!err) {
			step = "load";
			err = rt_act_load(&p->act, &img, mod[W(MOD_OFFSET)], mod[W(MOD_SIZE)], args,
					  mod[W(MOD_ARGS_SIZE)]);
		}
		p->serv = -1;
		if (!err) {
			step = "start";
			err = start(p, mod[W(MOD_FLAGS)]);
		}
		p->err = err;
		if (err)
			printf("root: %s on tile %lu: %s failed: %s\n", p->name, (unsigned long)t, step,
			       rt_strerror(err));
		else
			printf("root: started %s on tile %lu (activity %lu)%s\n", p->name, (unsigned long)t,
			       (unsigned long)p->act.id, p->serv >= 0 ? ", its service goes to the programs after it" : "");
		n++;
	}
	for (unsigned i = 0; i < n; i++) {
		struct prog *p = &progs[i];

		if (!p->err)
			p->err = rt_act_wait(&p->act, &p->code);
		if (p->err || p->code) {
			failed++;
			if (!first_bad)
				first_bad = p->err ? p->err : p->code;
		}
		printf("root: %-16s tile %u exit %ld%s%s\n", p->name, p->act.tile, (long)p->code, p->err ? " error " : "",
		       p->err ? rt_strerror(p->err) : "");
	}
	printf("root: %u programs, %u failed, %lu syscalls by root, %lu cycles\n", n, failed,
	       (unsigned long)rt_sys_count, (unsigned long)(tile_cycles32() - t0));
	return first_bad;
}
