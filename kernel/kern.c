/*
 * kern.c - kernel set-up, the root activity, and whole-state helpers.
 */
#include "kern.h"

#include <string.h>

#include "act.h"
#include "cap.h"
#include "kobj.h"
#include "plat.h"
#include "srv.h"

int kern_init(struct kern *k, const struct kplat *plat, void *pctx, const struct ktile_desc *desc, unsigned n,
	      unsigned ktile)
{
	unsigned i;

	if (n == 0 || n > KCFG_MAX_TILES || ktile >= n)
		return KIF_ERR_INV_ARGS;
	for (i = 0; i < n; i++) {
		const struct ktile_desc *d = &desc[i];

		if (d->num_eps > TCU_MAX_EPS || d->kind > KTILE_KERNEL || (d->kind == KTILE_KERNEL) != (i == ktile))
			return KIF_ERR_INV_ARGS;
		if (d->kind == KTILE_PROC && (d->num_eps <= KIF_FIRST_USER_EP || d->mem_size < KIF_STD_RBUF_SIZE))
			return KIF_ERR_INV_ARGS;
		if (d->kind == KTILE_KERNEL && d->num_eps < KIF_KEP_SYSC_RPL + KIF_MAX_ACTS)
			return KIF_ERR_INV_ARGS;
	}
	memset(k, 0, sizeof(*k));
	k->plat = plat;
	k->pctx = pctx;
	for (i = 0; i < n; i++) {
		struct ktile *t = &k->tiles[i];

		t->x = desc[i].x;
		t->y = desc[i].y;
		t->kind = desc[i].kind;
		t->num_eps = desc[i].num_eps;
		t->mem_size = desc[i].mem_size;
		t->act = KACT_NONE;
	}
	for (i = n; i < KCFG_MAX_TILES; i++)
		k->tiles[i].act = KACT_NONE;
	k->ntiles = (uint8_t)n;
	k->ktile = (uint8_t)ktile;
	for (i = 0; i < KCFG_MAX_ACTS; i++) {
		k->acts[i].obj = KNIL;
		k->acts[i].wait = KNIL;
		k->acts[i].req = KREQ_NONE;
		k->acts[i].parent = KACT_NONE;
		k->acts[i].kill_next = KACT_NONE;
	}
	cap_init(k);
	kobj_init(k);
	srv_init(k);
	k->killq_head = KACT_NONE;
	k->killq_tail = KACT_NONE;
	return 0;
}

/* Give the root activity one capability of kind for tile t at *sel. */
static int kern_boot_cap(struct kern *k, unsigned root, uint32_t *sel, unsigned kind, unsigned t)
{
	uint16_t o;

	if (*sel >= KCFG_SELS || kobj_quota(k, root, 1, 1))
		return -(int)KIF_ERR_NO_SPACE;
	o = kobj_alloc(k, kind, root);
	if (kind == KIF_CAP_TILE) {
		k->objs[o].u.tile.tile = (uint8_t)t;
	} else {
		k->objs[o].u.mg.tile = (uint8_t)t;
		k->objs[o].u.mg.size = k->tiles[t].mem_size;
		k->objs[o].u.mg.perms = KIF_PERM_RW;
	}
	kobj_cap_new(k, root, (*sel)++, o, KNIL);
	return 0;
}

int kern_boot(struct kern *k, unsigned tile)
{
	struct kquota lim;
	unsigned id, t;
	uint32_t sel = KIF_FIRST_FREE_SEL;
	uint16_t o;
	int err;

	if (tile >= k->ntiles || k->tiles[tile].kind != KTILE_PROC || k->tiles[tile].act != KACT_NONE)
		return -(int)KIF_ERR_NO_FREE_TILE;
	id = act_find_free(k);
	if (id == KACT_NONE)
		return -(int)KIF_ERR_NO_SPACE;
	if (plat_std_eps(k, tile, act_label(id, k->acts[id].gen + 1)))
		return -(int)KIF_ERR_PLATFORM;
	o = kobj_alloc(k, KIF_CAP_ACT, KACT_NONE);
	k->objs[o].u.act.act = (uint8_t)id;
	lim.caps = KCFG_MAX_CAPS;
	lim.objs = KCFG_MAX_OBJS;
	lim.eps = k->tiles[tile].num_eps - KIF_FIRST_USER_EP;
	act_setup(k, id, tile, KACT_NONE, &lim, o);
	kobj_cap_new(k, id, KIF_SEL_ACT, o, KNIL);
	for (t = 0; t < k->ntiles; t++) {
		if (k->tiles[t].kind == KTILE_PROC && t != tile) {
			err = kern_boot_cap(k, id, &sel, KIF_CAP_TILE, t);
			if (err)
				return err;
		}
	}
	for (t = 0; t < k->ntiles; t++) {
		if (k->tiles[t].kind == KTILE_MEM) {
			err = kern_boot_cap(k, id, &sel, KIF_CAP_MGATE, t);
			if (err)
				return err;
		}
	}
	k->acts[id].state = KACT_RUN;
	return (int)id;
}

unsigned kern_revoke(struct kern *k, uint16_t c, int own)
{
	unsigned n = cap_revoke(k, c, own, kobj_cap_gone, NULL);

	act_killq_run(k);
	srv_kick_all(k);
	return n;
}

uint64_t kern_hash(const struct kern *k)
{
	const uint8_t *p = (const uint8_t *)k;
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < offsetof(struct kern, stats); i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}
