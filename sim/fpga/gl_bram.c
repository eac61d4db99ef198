/*
 * gl_bram.c - boot images into the gate-level netlist's block RAMs, the way
 * ecpbram (Project Trellis) patches a bitstream: the netlist was synthesized
 * with a random placeholder image; every 512-word bit slice of the placeholder
 * (bit i of words 512k .. 512k+511) is looked up in every DP16KD under each of
 * the data widths ecpbram tries, and replaced by the same slice of the new
 * image. Stricter than ecpbram: every slice of the placeholder must be found
 * exactly once, else the swap fails (a placeholder the synthesis did not keep
 * as it is could not be patched in a bitstream either).
 *
 * The DP16KD model (sim/fpga/cells/DP16KD.v) registers each instance and gives
 * its rows of 18 bits; Trellis' bram_data word w (9 bits) is half w % 2 of
 * row w / 2, as nextpnr writes INITVAL_xx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gl_bram.h"
#include "svdpi.h"

#define GLB_ROWS 1024
#define GLB_SLICE 512
#define GLB_MAX 512

/* exported by the DP16KD model */
extern int gl_bram_get(int row);
extern void gl_bram_set(int row, int v);

static svScope glb_scope[GLB_MAX];
static int glb_n;

void gl_bram_register(void)
{
	if (glb_n == GLB_MAX) {
		fprintf(stderr, "gl_bram: more than %d DP16KD\n", GLB_MAX);
		exit(2);
	}
	glb_scope[glb_n++] = svGetScope();
}

int gl_bram_count(void)
{
	return glb_n;
}

/* a hex file: one word per line, *w bits (a multiple of 4, at most 64) */
static int glb_load(const char *path, uint64_t **words, int *n, int *w)
{
	FILE *f = fopen(path, "r");
	char line[128];
	int cap = 0;

	*words = NULL, *n = 0, *w = 0;
	if (!f) {
		fprintf(stderr, "gl_bram: %s: cannot open\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		size_t len = strcspn(line, " \t\r\n");
		char *end;

		if (!len)
			continue;
		if (len > 16 || (*w && (int)len * 4 != *w)) {
			fprintf(stderr, "gl_bram: %s:%d: want %d hex digits per line\n", path, *n + 1,
				*w ? *w / 4 : 16);
			fclose(f);
			return -1;
		}
		line[len] = 0;
		*w = (int)len * 4;
		if (*n == cap) {
			cap = cap ? 2 * cap : 4096;
			*words = realloc(*words, (size_t)cap * sizeof(**words));
			if (!*words)
				abort();
		}
		(*words)[(*n)++] = strtoull(line, &end, 16);
		if (*end) {
			fprintf(stderr, "gl_bram: %s:%d: not a hex number\n", path, *n);
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	if (*n == 0 || *n % GLB_SLICE) {
		fprintf(stderr, "gl_bram: %s: %d words, want a positive multiple of %d\n", path, *n, GLB_SLICE);
		return -1;
	}
	return 0;
}

/* one bit slice: 512 bits */
struct glb_slice {
	uint64_t from[GLB_SLICE / 64], to[GLB_SLICE / 64];
	int hits;
};

static int glb_cmp(const void *a, const void *b)
{
	return memcmp(((const struct glb_slice *)a)->from, ((const struct glb_slice *)b)->from,
		      sizeof(((const struct glb_slice *)a)->from));
}

/* the 9-bit word of a DP16KD's contents (rows: 18 bits each) */
static int glb_bit(const uint32_t *rows, int word, int bit)
{
	return (rows[word / 2] >> ((word % 2) * 9 + bit)) & 1;
}

static void glb_put(uint32_t *rows, int word, int bit, int v)
{
	uint32_t m = 1u << ((word % 2) * 9 + bit);

	rows[word / 2] = v ? rows[word / 2] | m : rows[word / 2] & ~m;
}

int gl_bram_swap(const char *from_path, const char *to_path)
{
	static const int W[] = {1, 2, 4, 9, 18, 36}, NW[] = {8, 8, 8, 9, 9, 9}, B[] = {32, 32, 32, 36, 36, 36};
	uint64_t *from, *to;
	int nf, nt, wf, wt, ns, rc = -1, brams = 0;
	struct glb_slice *sl = NULL;

	if (glb_load(from_path, &from, &nf, &wf) || glb_load(to_path, &to, &nt, &wt))
		return -1;
	if (nf != nt || wf != wt) {
		fprintf(stderr, "gl_bram: %s has %d words of %d bits, %s %d of %d\n", from_path, nf, wf, to_path, nt,
			wt);
		goto out;
	}
	ns = wf * (nf / GLB_SLICE);
	sl = calloc((size_t)ns, sizeof(*sl));
	if (!sl)
		abort();
	for (int i = 0; i < wf; i++)
		for (int j = 0; j < nf; j++) {
			struct glb_slice *s = &sl[i * (nf / GLB_SLICE) + j / GLB_SLICE];
			int k = j % GLB_SLICE;

			s->from[k / 64] |= ((from[j] >> i) & 1) << (k % 64);
			s->to[k / 64] |= ((to[j] >> i) & 1) << (k % 64);
		}
	qsort(sl, (size_t)ns, sizeof(*sl), glb_cmp);
	for (int i = 1; i < ns; i++)
		if (!glb_cmp(&sl[i - 1], &sl[i])) {
			fprintf(stderr, "gl_bram: %s: two bit slices are equal (not a random placeholder)\n", from_path);
			goto out;
		}
	for (int b = 0; b < glb_n; b++) {
		uint32_t rows[GLB_ROWS];
		int changed = 0;

		svSetScope(glb_scope[b]);
		for (int r = 0; r < GLB_ROWS; r++)
			rows[r] = (uint32_t)gl_bram_get(r);
		for (int i = 0; i < 6; i++)
			for (int j = 0; j < B[i]; j++) {
				struct glb_slice key, *s;

				memset(&key, 0, sizeof(key));
				for (int k = 0; k < GLB_SLICE; k++) {
					int bn = k * W[i] + j % W[i] + (j / W[i]) * GLB_SLICE * W[i];

					key.from[k / 64] |= (uint64_t)glb_bit(rows, bn / NW[i], bn % NW[i]) << (k % 64);
				}
				s = bsearch(&key, sl, (size_t)ns, sizeof(*sl), glb_cmp);
				if (!s)
					continue;
				for (int k = 0; k < GLB_SLICE; k++) {
					int bn = k * W[i] + j % W[i] + (j / W[i]) * GLB_SLICE * W[i];

					glb_put(rows, bn / NW[i], bn % NW[i], (int)((s->to[k / 64] >> (k % 64)) & 1));
				}
				s->hits++;
				changed = 1;
			}
		if (changed) {
			for (int r = 0; r < GLB_ROWS; r++)
				gl_bram_set(r, (int)rows[r]);
			brams++;
		}
	}
	for (int i = 0; i < ns; i++)
		if (sl[i].hits != 1) {
			fprintf(stderr, "gl_bram: %s: a bit slice of the placeholder was found %d times in the netlist's "
				"block RAMs, want once\n", from_path, sl[i].hits);
			goto out;
		}
	fprintf(stderr, "gl_bram: %s -> %s: %d bit slices in %d of %d block RAMs\n", from_path, to_path, ns, brams,
		glb_n);
	rc = 0;
out:
	free(sl);
	free(from);
	free(to);
	return rc;
}
