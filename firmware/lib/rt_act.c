/*
 * rt_act.c - child activities: create on a tile, load an ELF image from a
 * memory gate into the child's SPM (through a memory gate onto the child,
 * checked by the shared loader rt_elf.c), write its argument block, start it,
 * wait for its exit code.
 */
#include <string.h>

#include "rt.h"
#include "rt_elf.h"
#include "spec/boot.h"

#define RT_ENV_HDR (BOOT_ENV_TILE_LSB / 8 + 4)

static uint32_t rt_ld_ep_sel = KIF_INV_SEL; /* one EP for the loader's memory gates, kept */
static unsigned rt_ld_ep;

struct rt_ld {
	const struct rt_mgate *img;
	uint32_t base;
};

static int rt_ld_read(void *ctx, uint32_t off, void *dst, uint32_t n)
{
	const struct rt_ld *l = ctx;

	return rt_mgate_read(l->img, dst, n, l->base + off);
}

static int rt_ld_write(void *ctx, uint32_t addr, const void *src, uint32_t n)
{
	(void)ctx;
	return tcu_write(rt_ld_ep, src, n, addr);
}

int rt_act_create(struct rt_act *a, uint32_t tile_sel, unsigned tile, uint32_t caps, uint32_t objs, uint32_t eps)
{
	int err;

	a->sel = rt_sel_alloc();
	a->tile = tile;
	err = rt_sys_create_act(a->sel, tile_sel, caps, objs, eps, &a->id);
	if (err)
		rt_sel_free(a->sel);
	return err;
}

static int rt_act_env(const struct rt_act *a, const char *args, uint32_t len)
{
	uint32_t env[BOOT_ENV_SIZE / 4];
	uint32_t argc = 0;

	if (len > BOOT_ENV_SIZE - RT_ENV_HDR || (len && args[len - 1]))
		return KIF_ERR_INV_ARGS;
	memset(env, 0, sizeof(env));
	memcpy((uint8_t *)env + RT_ENV_HDR, args, len);
	for (uint32_t i = 0; i < len; i++)
		argc += args[i] == 0;
	env[BOOT_ENV_MAGIC_LSB / 32] = BOOT_ENV_MAGIC;
	env[BOOT_ENV_ARGC_LSB / 32] = argc;
	env[BOOT_ENV_BYTES_LSB / 32] = len;
	env[BOOT_ENV_TILE_LSB / 32] = a->tile;
	return tcu_write(rt_ld_ep, env, RT_ENV_HDR + len, BOOT_ENV_ADDR);
}

int rt_act_load(const struct rt_act *a, const struct rt_mgate *img, uint32_t off, uint32_t size, const char *args,
		uint32_t args_len)
{
	struct rt_ld l = {.img = img, .base = off};
	struct rt_elf_io io = {
		.ctx = &l,
		.read = rt_ld_read,
		.write = rt_ld_write,
		.img_size = size,
		.mem_lo = MM_SPM_BASE,
		.mem_hi = BOOT_ENV_ADDR,
	};
	uint32_t msel = rt_sel_alloc(), entry;
	int err, err2;

	if (off > img->size || size > img->size - off)
		return KIF_ERR_INV_ARGS;
	if (rt_ld_ep_sel == KIF_INV_SEL) {
		uint32_t s = rt_sel_alloc();

		err = rt_ep_alloc(s, 0, &rt_ld_ep);
		if (err)
			return err;
		rt_ld_ep_sel = s;
	}
	err = rt_sys_create_mgate(msel, a->sel, MM_SPM_BASE, BOOT_ENV_ADDR + BOOT_ENV_SIZE, KIF_PERM_W);
	if (err) {
		rt_sel_free(msel);
		return err;
	}
	err = rt_sys_activate(rt_ld_ep_sel, msel, 0);
	if (!err)
		err = rt_elf_load(&io, &entry);
	if (!err)
		err = rt_act_env(a, args, args_len);
	/* the gate onto the child's memory goes; the EP stays for the next load */
	err2 = rt_sys_revoke(msel, 1);
	if (!err2)
		rt_sel_free(msel);
	return err ? err : err2;
}

int rt_act_start(const struct rt_act *a)
{
	return rt_sys_act_start(a->sel);
}

int rt_act_wait(const struct rt_act *a, int32_t *code)
{
	return rt_sys_act_wait(a->sel, code);
}

#define RT_BW(F) (BOOT_##F##_LSB / 32)

int rt_boot_find(const struct rt_mgate *img, uint32_t kind, uint32_t *off, uint32_t *size)
{
	uint32_t hdr[RT_BW(HDR_FLAGS) + 1], mod[BOOT_MOD_BYTES / 4];
	int err = rt_mgate_read(img, hdr, sizeof(hdr), 0);

	if (err)
		return err;
	if (hdr[RT_BW(HDR_MAGIC)] != BOOT_MAGIC)
		return KIF_ERR_INV_ARGS;
	for (uint32_t i = 0; i < hdr[RT_BW(HDR_NMODS)] && i < BOOT_MAX_MODS; i++) {
		err = rt_mgate_read(img, mod, sizeof(mod), sizeof(hdr) + i * BOOT_MOD_BYTES);
		if (err)
			return err;
		if (mod[RT_BW(MOD_KIND)] == kind) {
			*off = mod[RT_BW(MOD_OFFSET)];
			*size = mod[RT_BW(MOD_SIZE)];
			return 0;
		}
	}
	return KIF_ERR_INV_ARGS;
}
