/*
 * kboot.h - the kernel's side of booting from a boot image (spec/boot.toml):
 * find the image in the memory tile, load root's ELF into its tile's SPM
 * through the NoC, write root's argument block.
 */
#ifndef KBOOT_H
#define KBOOT_H

#include <stdint.h>

#include "kern.h"

#define KBOOT_NONE (-1) /* no boot image in the memory tile: direct boot */

/* kernel-tile EPs used while booting (free again afterwards) */
#define KBOOT_EP_IMG 3 /* memory EP: the memory tile (read) */
#define KBOOT_EP_DST 4 /* memory EP: the target tile's SPM (write) */

/*
 * Look for a boot image in memory tile mt of k and check its header against the
 * mesh (mx, my). Returns root's tile number, KBOOT_NONE if there is no image,
 * or -(KIF error) with a message printed.
 */
int kboot_probe(const struct kern *k, unsigned mt, unsigned mx, unsigned my);
/* Load root's ELF and argument block into tile (its core held). 0 or a KIF/TCU error. */
int kboot_load_root(const struct kern *k, unsigned mt, unsigned tile);

#endif /* KBOOT_H */
