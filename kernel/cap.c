/*
 * cap.c - capability pool, tables and the iterative derivation-tree revoke.
 */
#include "cap.h"

#include <string.h>

void cap_init(struct kern *k)
{
	unsigned i;

	for (i = 0; i < KCFG_MAX_CAPS; i++) {
		memset(&k->caps[i], 0, sizeof(k->caps[i]));
		k->caps[i].next = i + 1 < KCFG_MAX_CAPS ? (uint16_t)(i + 1) : KNIL;
	}
	k->cap_free = 0;
	k->ncaps = 0;
	for (i = 0; i < KCFG_MAX_ACTS; i++)
		memset(k->acts[i].sel, 0xFF, sizeof(k->acts[i].sel));
}

uint16_t cap_lookup(const struct kern *k, unsigned act, uint32_t sel)
{
	if (act >= KCFG_MAX_ACTS || sel >= KCFG_SELS)
		return KNIL;
	return k->acts[act].sel[sel];
}

int cap_get(const struct kern *k, unsigned act, uint32_t sel, unsigned kind, uint16_t *c)
{
	uint16_t x = cap_lookup(k, act, sel);

	if (x == KNIL)
		return KIF_ERR_INV_SEL;
	if (kind != KIF_CAP_NONE && k->caps[x].kind != kind)
		return KIF_ERR_WRONG_KIND;
	*c = x;
	return 0;
}

int cap_free_range(const struct kern *k, unsigned act, uint32_t sel, uint32_t n)
{
	uint32_t i;

	if (sel >= KCFG_SELS || n > KCFG_SELS - sel)
		return KIF_ERR_INV_SEL;
	for (i = 0; i < n; i++) {
		if (k->acts[act].sel[sel + i] != KNIL)
			return KIF_ERR_EXISTS;
	}
	return 0;
}

int cap_used_range(const struct kern *k, unsigned act, uint32_t sel, uint32_t n)
{
	uint32_t i;

	if (sel >= KCFG_SELS || n > KCFG_SELS - sel)
		return KIF_ERR_INV_SEL;
	for (i = 0; i < n; i++) {
		if (k->acts[act].sel[sel + i] == KNIL)
			return KIF_ERR_INV_SEL;
	}
	return 0;
}

uint16_t cap_new(struct kern *k, unsigned act, uint32_t sel, unsigned kind, uint16_t obj, uint16_t parent)
{
	uint16_t c = k->cap_free;
	struct cap *x;

	if (c == KNIL)
		return KNIL;
	x = &k->caps[c];
	k->cap_free = x->next;
	k->ncaps++;
	x->obj = obj;
	x->kind = (uint8_t)kind;
	x->act = (uint8_t)act;
	x->sel = (uint16_t)sel;
	x->ep = KNIL;
	x->child = KNIL;
	x->parent = parent;
	x->prev = KNIL;
	x->next = KNIL;
	if (parent != KNIL) {
		/* push in front of the parent's children */
		x->next = k->caps[parent].child;
		if (x->next != KNIL)
			k->caps[x->next].prev = c;
		k->caps[parent].child = c;
	}
	k->acts[act].sel[sel] = c;
	k->acts[act].used.caps++;
	return c;
}

/* Unlink leaf c from its parent and siblings, clear its table slot, free it. */
static void cap_free_leaf(struct kern *k, uint16_t c)
{
	struct cap *x = &k->caps[c];

	if (x->prev != KNIL)
		k->caps[x->prev].next = x->next;
	else if (x->parent != KNIL)
		k->caps[x->parent].child = x->next;
	if (x->next != KNIL)
		k->caps[x->next].prev = x->prev;
	k->acts[x->act].sel[x->sel] = KNIL;
	k->acts[x->act].used.caps--;
	memset(x, 0, sizeof(*x));
	x->next = k->cap_free;
	k->cap_free = c;
	k->ncaps--;
}

/*
 * Post-order walk with O(1) state: descend along first children to a leaf,
 * free it, and continue from its parent (whose first child is now the next
 * sibling). Every capability is descended into once and left once, so the cost
 * is linear in the subtree and the stack use is constant.
 */
unsigned cap_revoke(struct kern *k, uint16_t c, int own, cap_revoke_fn fn, void *ctx)
{
	uint16_t x = c;
	unsigned n = 0;

	k->in_revoke++;
	for (;;) {
		uint16_t p;

		while (k->caps[x].child != KNIL) {
			x = k->caps[x].child;
			k->stats.revoke_steps++;
		}
		if (x == c && !own)
			break;
		p = k->caps[x].parent;
		fn(k, x, ctx);
		cap_free_leaf(k, x);
		n++;
		if (x == c)
			break;
		x = p;
		k->stats.revoke_steps++;
	}
	k->in_revoke--;
	return n;
}
