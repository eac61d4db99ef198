/*
 * kboot.c - boot from the image: header check, root's ELF loaded with the shared
 * loader (firmware/lib/rt_elf.c) through two kernel-tile memory EPs: READ from
 * the memory tile, WRITE to root's SPM.
 */
#include "kboot.h"

#include <stdio.h>
#include <string.h>

#include "rt_elf.h"
#include "spec/boot.h"
#include "tcu.h"

#define KBOOT_W(F) (BOOT_##F##_LSB / 32)
#define KBOOT_HDR_WORDS (KBOOT_W(HDR_FLAGS) + 1)
#define KBOOT_MOD_WORDS (BOOT_MOD_BYTES / 4)

static uint32_t kboot_hdr[KBOOT_HDR_WORDS];
static uint32_t kboot_mod[KBOOT_MOD_WORDS];
static uint32_t kboot_root_off, kboot_root_size, kboot_args_off, kboot_args_size;

static void kboot_mem_ep(unsigned ep, const struct ktile *t, uint32_t size, int r, int w)
{
	struct tcu_ep e = tcu_ep_mem(t->x, t->y, 0, size, r, w);

	tcu_ep_write(ep, &e);
}

static void kboot_inval(unsigned ep)
{
	struct tcu_ep e = {{0}};

	tcu_ep_write(ep, &e);
}

int kboot_probe(const struct kern *k, unsigned mt, unsigned mx, unsigned my)
{
	const struct ktile *m = &k->tiles[mt];
	uint32_t n, rt;
	int err, root = -1;

	kboot_mem_ep(KBOOT_EP_IMG, m, m->mem_size, 1, 0);
	err = tcu_read(KBOOT_EP_IMG, kboot_hdr, sizeof(kboot_hdr), 0);
	if (err) {
		printf("kernel: cannot read the memory tile: %s\n", tcu_strerror(err));
		return -(int)KIF_ERR_PLATFORM;
	}
	if (kboot_hdr[KBOOT_W(HDR_MAGIC)] != BOOT_MAGIC)
		return KBOOT_NONE;
	n = kboot_hdr[KBOOT_W(HDR_NMODS)];
	rt = kboot_hdr[KBOOT_W(HDR_ROOT_TILE)];
	if (kboot_hdr[KBOOT_W(HDR_VERSION)] != BOOT_VERSION || kboot_hdr[KBOOT_W(HDR_MESH_X)] != mx ||
	    kboot_hdr[KBOOT_W(HDR_MESH_Y)] != my || kboot_hdr[KBOOT_W(HDR_SIZE)] > m->mem_size ||
	    n > BOOT_MAX_MODS || rt >= k->ntiles || k->tiles[rt].kind != KTILE_PROC) {
		printf("kernel: boot image: version %lu, %lux%lu mesh, root tile %lu, %lu modules: not for this "
		       "kernel (version %u, %ux%u)\n",
		       (unsigned long)kboot_hdr[KBOOT_W(HDR_VERSION)], (unsigned long)kboot_hdr[KBOOT_W(HDR_MESH_X)],
		       (unsigned long)kboot_hdr[KBOOT_W(HDR_MESH_Y)], (unsigned long)rt, (unsigned long)n, BOOT_VERSION,
		       mx, my);
		return -(int)KIF_ERR_INV_ARGS;
	}
	for (uint32_t i = 0; i < n; i++) {
		err = tcu_read(KBOOT_EP_IMG, kboot_mod, sizeof(kboot_mod), sizeof(kboot_hdr) + i * BOOT_MOD_BYTES);
		if (err)
			return -err;
		if (kboot_mod[KBOOT_W(MOD_KIND)] != BOOT_KIND_ROOT)
			continue;
		kboot_root_off = kboot_mod[KBOOT_W(MOD_OFFSET)];
		kboot_root_size = kboot_mod[KBOOT_W(MOD_SIZE)];
		kboot_args_off = kboot_mod[KBOOT_W(MOD_ARGS_OFF)];
		kboot_args_size = kboot_mod[KBOOT_W(MOD_ARGS_SIZE)];
		root = (int)i;
	}
	if (root < 0 || kboot_root_off > m->mem_size || kboot_root_size > m->mem_size - kboot_root_off ||
	    kboot_args_size > BOOT_ENV_SIZE - (BOOT_ENV_TILE_LSB / 8 + 4) || kboot_args_off > m->mem_size ||
	    kboot_args_size > m->mem_size - kboot_args_off) {
		printf("kernel: boot image: no root module or one outside the image\n");
		return -(int)KIF_ERR_INV_ARGS;
	}
	return (int)rt;
}

static int kboot_rd(void *ctx, uint32_t off, void *dst, uint32_t n)
{
	(void)ctx;
	return tcu_read(KBOOT_EP_IMG, dst, n, kboot_root_off + off);
}

static int kboot_wr(void *ctx, uint32_t addr, const void *src, uint32_t n)
{
	(void)ctx;
	return tcu_write(KBOOT_EP_DST, src, n, addr);
}

/* root's argument block: ENV header, then the argument strings from the image */
static int kboot_env(unsigned tile)
{
	uint32_t env[BOOT_ENV_SIZE / 4];
	uint32_t hdr = BOOT_ENV_TILE_LSB / 8 + 4;
	uint32_t argc = 0;
	int err;

	memset(env, 0, sizeof(env));
	if (kboot_args_size) {
		err = tcu_read(KBOOT_EP_IMG, (uint8_t *)env + hdr, kboot_args_size, kboot_args_off);
		if (err)
			return err;
		for (uint32_t i = 0; i < kboot_args_size; i++)
			argc += ((uint8_t *)env)[hdr + i] == 0;
	}
	env[KBOOT_W(ENV_MAGIC)] = BOOT_ENV_MAGIC;
	env[KBOOT_W(ENV_ARGC)] = argc;
	env[KBOOT_W(ENV_BYTES)] = kboot_args_size;
	env[KBOOT_W(ENV_TILE)] = tile;
	return tcu_write(KBOOT_EP_DST, env, hdr + kboot_args_size, BOOT_ENV_ADDR);
}

int kboot_load_root(const struct kern *k, unsigned mt, unsigned tile)
{
	struct rt_elf_io io = {
		.read = kboot_rd,
		.write = kboot_wr,
		.img_size = kboot_root_size,
		.mem_lo = MM_SPM_BASE,
		.mem_hi = BOOT_ENV_ADDR,
	};
	uint32_t entry;
	int err;

	(void)mt;
	kboot_mem_ep(KBOOT_EP_DST, &k->tiles[tile], BOOT_ENV_ADDR + BOOT_ENV_SIZE, 0, 1);
	err = rt_elf_load(&io, &entry);
	if (!err)
		err = kboot_env(tile);
	kboot_inval(KBOOT_EP_DST);
	kboot_inval(KBOOT_EP_IMG);
	return err;
}
