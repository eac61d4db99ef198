/*
 * sim_main.c - the system simulator's main: loads ELF images into tiles, runs
 * the model, prints each tile's console output line by line with a tile
 * prefix, and ends with the firmware's exit code.
 *
 * Exit status: the firmware's code (a nonzero code whose low byte is 0 gives 1),
 * 2 usage or load error, 3 bus error, 4 core trap, 124 --max-cycles reached.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"
#include "spec/boot.h"
#include "sim_mem.h"
#include "sim_sys.h"

#define LINE_MAX_CHARS 512

struct opts {
	uint64_t max_cycles;
	const char *trace;
	uint64_t trace_from, trace_to;
	int quiet;
	unsigned stall_pct;
	int main_tile;
};

static char exited[SIM_MAX_TILES];

static char line[SIM_MAX_TILES][LINE_MAX_CHARS + 1];
static int line_len[SIM_MAX_TILES];

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [options] [TILE:]PROGRAM.elf ...\n"
		"  Loads each ELF into tile TILE's memory (default tile 0) and runs the system.\n"
		"  --boot IMAGE        load a boot image (tools/mkboot.py) into the memory tile\n"
		"                      (the last tile) and its kernel module into tile 0\n"
		"  --max-cycles N      stop with an error after N cycles (default 50000000)\n"
		"  --trace FILE.fst    dump a waveform ...\n"
		"  --trace-from N      ... from cycle N (default 0)\n"
		"  --trace-to M        ... up to cycle M (default: --trace-from + 100000)\n"
		"  --quiet             no statistics line at exit\n"
		"  --main-tile N       the tile whose exit ends the run (default 0); any\n"
		"                      other tile ends it only by failing\n"
		"  --console-stall P   console sinks refuse a byte in P %% of cycles (back-pressure)\n"
		"  +verilator+...      passed to the model (e.g. +verilator+seed+7)\n"
		"Exit status: the firmware's code; 2 usage/load error, 3 bus error,\n"
		"4 core trap, 124 --max-cycles reached.\n",
		sim_sys_name);
}

static uint64_t num(const char *opt, const char *v)
{
	char *end;
	uint64_t n;

	if (!v) {
		fprintf(stderr, "sim: %s needs a value\n", opt);
		exit(2);
	}
	n = strtoull(v, &end, 0);
	if (*end || end == v) {
		fprintf(stderr, "sim: %s: '%s' is not a number\n", opt, v);
		exit(2);
	}
	return n;
}

static void flush_line(int tile)
{
	line[tile][line_len[tile]] = 0;
	printf("[tile %d] %s\n", tile, line[tile]);
	fflush(stdout);
	line_len[tile] = 0;
}

static void console(int tile, uint8_t c)
{
	if (c == '\n') {
		flush_line(tile);
		return;
	}
	if (c == '\r')
		return;
	line[tile][line_len[tile]++] = (char)c;
	if (line_len[tile] == LINE_MAX_CHARS)
		flush_line(tile);
}

static void flush_all(void)
{
	for (int t = 0; t < SIM_MAX_TILES; t++)
		if (line_len[t])
			flush_line(t);
}

#define SIM_BOOT_HDR_BYTES (BOOT_HDR_FLAGS_LSB / 8 + 4)
#define BOOT_WORD(img, F) (((const uint32_t *)(const void *)(img))[BOOT_##F##_LSB / 32])

/* --boot: the image into the memory tile (last tile), its kernel into tile 0. */
static void load_boot(const char *path)
{
	char err[256];
	size_t len;
	uint8_t *img = sim_mem_read_file(path, &len, err, sizeof(err));
	int mt = sim_sys_tiles() - 1, kernel = -1;
	uint32_t n, entry;

	if (!img) {
		fprintf(stderr, "sim: --boot: %s\n", err);
		exit(2);
	}
	if (len < SIM_BOOT_HDR_BYTES || BOOT_WORD(img, HDR_MAGIC) != BOOT_MAGIC) {
		fprintf(stderr, "sim: --boot %s: not a boot image (no 'BOOT' magic; make one with tools/mkboot.py)\n",
			path);
		exit(2);
	}
	if (BOOT_WORD(img, HDR_VERSION) != BOOT_VERSION || BOOT_WORD(img, HDR_SIZE) != len) {
		fprintf(stderr, "sim: --boot %s: version %u / size %u bytes, expected version %u / %zu bytes\n", path,
			BOOT_WORD(img, HDR_VERSION), BOOT_WORD(img, HDR_SIZE), BOOT_VERSION, len);
		exit(2);
	}
	if (BOOT_WORD(img, HDR_MESH_X) * BOOT_WORD(img, HDR_MESH_Y) != (uint32_t)sim_sys_tiles()) {
		fprintf(stderr, "sim: --boot %s: the image is for a %ux%u mesh, %s has %d tiles\n", path,
			BOOT_WORD(img, HDR_MESH_X), BOOT_WORD(img, HDR_MESH_Y), sim_sys_name, sim_sys_tiles());
		exit(2);
	}
	if (len > sim_mem_size(mt)) {
		fprintf(stderr, "sim: --boot %s: %zu bytes do not fit the memory tile's %u bytes\n", path, len,
			sim_mem_size(mt));
		exit(2);
	}
	n = BOOT_WORD(img, HDR_NMODS);
	if (n > BOOT_MAX_MODS || SIM_BOOT_HDR_BYTES + n * BOOT_MOD_BYTES > len) {
		fprintf(stderr, "sim: --boot %s: module table (%u entries) does not fit the image\n", path, n);
		exit(2);
	}
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *m = img + SIM_BOOT_HDR_BYTES + i * BOOT_MOD_BYTES;
		uint32_t off = BOOT_WORD(m, MOD_OFFSET), size = BOOT_WORD(m, MOD_SIZE);

		if (off > len || size > len - off) {
			fprintf(stderr, "sim: --boot %s: module %u lies outside the image\n", path, i);
			exit(2);
		}
		if (BOOT_WORD(m, MOD_KIND) == BOOT_KIND_KERNEL)
			kernel = (int)i;
	}
	if (kernel < 0) {
		fprintf(stderr, "sim: --boot %s: no kernel module\n", path);
		exit(2);
	}
	sim_mem_write(mt, 0, img, len);
	{
		const uint8_t *m = img + SIM_BOOT_HDR_BYTES + (uint32_t)kernel * BOOT_MOD_BYTES;

		if (sim_mem_load_elf_buf(0, "boot image: kernel", img + BOOT_WORD(m, MOD_OFFSET), BOOT_WORD(m, MOD_SIZE),
					 &entry, err, sizeof(err))) {
			fprintf(stderr, "sim: --boot %s: %s\n", path, err);
			exit(2);
		}
	}
	free(img);
}

static int load_images(int argc, char **argv, struct opts *o)
{
	int loaded = 0;

	o->max_cycles = 50000000;
	o->trace_to = UINT64_MAX;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--max-cycles")) {
			o->max_cycles = num(a, v), i++;
		} else if (!strcmp(a, "--trace")) {
			if (!v) {
				fprintf(stderr, "sim: --trace needs a file name\n");
				exit(2);
			}
			o->trace = v, i++;
		} else if (!strcmp(a, "--trace-from")) {
			o->trace_from = num(a, v), i++;
		} else if (!strcmp(a, "--trace-to")) {
			o->trace_to = num(a, v), i++;
		} else if (!strcmp(a, "--console-stall")) {
			o->stall_pct = (unsigned)num(a, v), i++;
		} else if (!strcmp(a, "--main-tile")) {
			o->main_tile = (int)num(a, v), i++;
			if (o->main_tile >= sim_sys_tiles()) {
				fprintf(stderr, "sim: --main-tile %d: the system has %d tiles\n", o->main_tile,
					sim_sys_tiles());
				exit(2);
			}
		} else if (!strcmp(a, "--boot")) {
			if (!v) {
				fprintf(stderr, "sim: --boot needs a boot image\n");
				exit(2);
			}
			load_boot(v), i++, loaded++;
		} else if (!strcmp(a, "--quiet")) {
			o->quiet = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else if (a[0] == '+') {
			continue;
		} else if (a[0] == '-') {
			fprintf(stderr, "sim: unknown option %s\n", a);
			usage(stderr);
			exit(2);
		} else {
			const char *colon = strchr(a, ':');
			int tile = 0;
			uint32_t entry;
			char err[256];

			if (colon) {
				char *end;
				long t = strtol(a, &end, 10);

				if (end != colon || t < 0 || t >= sim_sys_tiles()) {
					fprintf(stderr, "sim: %s: tile must be 0..%d\n", a, sim_sys_tiles() - 1);
					exit(2);
				}
				tile = (int)t;
				a = colon + 1;
			}
			if (sim_mem_load_elf(tile, a, &entry, err, sizeof(err))) {
				fprintf(stderr, "sim: cannot load: %s\n", err);
				exit(2);
			}
			loaded++;
		}
	}
	if (o->trace_to == UINT64_MAX)
		o->trace_to = o->trace_from + 100000;
	if (o->trace_to <= o->trace_from) {
		fprintf(stderr, "sim: --trace-to %" PRIu64 " must be after --trace-from %" PRIu64 "\n",
			o->trace_to, o->trace_from);
		exit(2);
	}
	if (o->stall_pct > 99) {
		fprintf(stderr, "sim: --console-stall %u: at most 99 (100 would never take a byte)\n",
			o->stall_pct);
		exit(2);
	}
	return loaded;
}

int main(int argc, char **argv)
{
	struct opts o = {0};
	struct shim *s = shim_new(argc, argv);
	struct sim_ev ev[SIM_EV_MAX];
	int status = -1;
	uint32_t rng = 0x9e3779b9;

	sim_sys_init(s);
	if (load_images(argc, argv, &o) == 0) {
		fprintf(stderr, "sim: no program given\n");
		usage(stderr);
		return 2;
	}
	if (o.trace && shim_trace(s, o.trace, o.trace_from, o.trace_to)) {
		fprintf(stderr, "sim: this simulator was built without tracing\n");
		return 2;
	}
	while (status < 0) {
		if (shim_cycle(s) >= o.max_cycles) {
			flush_all();
			fprintf(stderr, "sim: %s: --max-cycles %" PRIu64 " reached before the firmware ended\n",
				sim_sys_name, o.max_cycles);
			status = 124;
			break;
		}
		if (o.stall_pct) {
			rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
			sim_sys_console_ready(s, rng % 100 >= o.stall_pct);
		}
		shim_eval(s);
		int n = sim_sys_poll(s, ev, SIM_EV_MAX);
		for (int i = 0; i < n; i++) {
			struct sim_ev *e = &ev[i];

			switch (e->kind) {
			case SIM_EV_CONSOLE:
				console(e->tile, (uint8_t)e->a);
				break;
			case SIM_EV_EXIT:
				if (exited[e->tile])
					break; /* tile_exit() keeps writing the code */
				exited[e->tile] = 1;
				flush_all();
				if (e->a)
					fprintf(stderr, "sim: tile %d exited with code %" PRIu32 " (failure)\n", e->tile, e->a);
				else if (e->tile != o.main_tile)
					fprintf(stderr, "sim: tile %d exited with code 0\n", e->tile);
				/* the main tile's exit ends the run; another tile's only if it failed */
				if (e->tile == o.main_tile || e->a)
					status = e->a == 0 ? 0 : (e->a & 0xff) ? (int)(e->a & 0xff) : 1;
				break;
			case SIM_EV_BUS_ERROR:
				flush_all();
				fprintf(stderr, "sim: tile %d: bus error: access to unmapped address 0x%08" PRIx32
					" at pc 0x%08" PRIx32 " (cycle %" PRIu64 ")\n", e->tile, e->a, e->b, shim_cycle(s));
				status = 3;
				break;
			case SIM_EV_TRAP:
				flush_all();
				fprintf(stderr, "sim: tile %d: the core trapped (illegal instruction or misaligned "
					"access; cycle %" PRIu64 ")\n", e->tile, shim_cycle(s));
				status = 4;
				break;
			}
			if (status >= 0)
				break;
		}
		if (status >= 0)
			break;
		shim_tick(s);
		if (shim_finished(s)) {
			flush_all();
			fprintf(stderr, "sim: the model stopped ($finish or a failed assertion) at cycle %" PRIu64 "\n",
				shim_cycle(s));
			status = 2;
		}
	}
	double secs = shim_seconds(s);
	if (!o.quiet)
		fprintf(stderr, "sim: %" PRIu64 " cycles in %.2f s (%.0f cycles/s)\n", shim_cycle(s), secs,
			secs > 0 ? (double)shim_cycle(s) / secs : 0.0);
	shim_free(s);
	return status;
}
