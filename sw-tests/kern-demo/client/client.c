/*
 * client: the demo's client, started twice (argument: its number and "put" or
 * "get"). Opens a session with the store (the service root delegated at
 * BOOT_SERV_SEL), obtains a send gate to it, sends DEMO_ADDS messages; the put
 * client hands a memory gate onto a note in its own SPM to the store, the get
 * client obtains it from there and reads the note straight from the other
 * client's tile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "rt.h"
#include "spec/boot.h"
#include "tile.h"

#define TRIES 100000

static uint8_t rbuf[64] __attribute__((aligned(64)));
static char note[64] __attribute__((aligned(16)));

static int call(const struct rt_sgate *sg, const struct rt_rgate *rg, uint32_t op, uint32_t v, uint32_t *r)
{
	uint32_t m[2] = {op, v};
	size_t n;

	return rt_sgate_call(sg, m, sizeof(m), rg, r, 8, &n);
}

int main(int argc, char **argv)
{
	unsigned id = argc > 1 ? (unsigned)atoi(argv[1]) : 0;
	int put = argc > 2 && !strcmp(argv[2], "put");
	uint32_t sess = rt_sel_alloc(), gsel = rt_sel_alloc(), a[2], r[2] = {0, 0}, res[1], nres = 1, last = 0;
	struct rt_sgate sg;
	struct rt_rgate rg;
	int err;

	err = rt_sys_open_sess(sess, BOOT_SERV_SEL, id);
	a[0] = DEMO_X_SGATE;
	if (!err)
		err = rt_sys_exchange_sess(sess, gsel, 1, 1, a, 1, NULL, NULL);
	if (!err)
		err = rt_sgate_bind(&sg, gsel);
	if (!err)
		err = rt_rgate_new(&rg, rbuf, 6, 0);
	for (uint32_t i = 0; i < DEMO_ADDS && !err; i++) {
		err = call(&sg, &rg, DEMO_M_ADD, id * 100 + i, r);
		if (!err && r[0] <= last && i)
			err = KIF_ERR_INV_STATE;
		last = r[0];
	}
	if (err) {
		printf("client %u: %s\n", id, rt_strerror(err));
		return 1;
	}
	printf("client %u: session open, %d messages sent, running sum %lu\n", id, DEMO_ADDS, (unsigned long)last);
	if (put) {
		uint32_t msel = rt_sel_alloc();

		snprintf(note, sizeof(note), "a note written by client %u on tile %lu", id, (unsigned long)tile_num());
		err = rt_sys_create_mgate(msel, KIF_SEL_ACT, (uint32_t)(uintptr_t)note, sizeof(note), KIF_PERM_R);
		a[0] = DEMO_X_PUT;
		a[1] = sizeof(note);
		if (!err)
			err = rt_sys_exchange_sess(sess, msel, 1, 0, a, 2, NULL, NULL);
		/* keep the note alive until the other client has read it */
		for (int i = 0; i < TRIES && !err; i++) {
			err = call(&sg, &rg, DEMO_M_POLL, 0, r);
			if (r[0])
				break;
		}
		if (!err)
			printf("client %u: handed a memory gate to the store; the other client has read it\n", id);
	} else {
		struct rt_mgate mg;
		char text[64];
		uint32_t msel = rt_sel_alloc();

		a[0] = DEMO_X_GET;
		for (int i = 0; i < TRIES; i++) {
			nres = 1;
			err = rt_sys_exchange_sess(sess, msel, 1, 1, a, 1, res, &nres);
			if (err != KIF_ERR_INV_STATE)
				break;
		}
		if (!err)
			err = rt_mgate_bind(&mg, msel, res[0]);
		if (!err)
			err = rt_mgate_read(&mg, text, sizeof(text), 0);
		if (!err) {
			text[sizeof(text) - 1] = 0;
			printf("client %u: obtained a memory gate through the store and read: \"%s\"\n", id, text);
			err = call(&sg, &rg, DEMO_M_READ, 0, r);
		}
	}
	if (err) {
		printf("client %u: %s\n", id, rt_strerror(err));
		return 1;
	}
	return 0;
}
