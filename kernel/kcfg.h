/*
 * kcfg.h - sizes of the kernel's fixed pools. Every pool is a static array inside
 * struct kern; nothing is allocated after boot. Override with -D for host tests
 * (the deep-tree tests build with larger pools).
 */
#ifndef KCFG_H
#define KCFG_H

#include "spec/kif.h"

/* capabilities in the whole system (all activities' tables together) */
#ifndef KCFG_MAX_CAPS
#define KCFG_MAX_CAPS 512
#endif

/* kernel objects (gates, services, sessions, EPs, activities, tiles) */
#ifndef KCFG_MAX_OBJS
#define KCFG_MAX_OBJS 256
#endif

/* selectors per activity (size of each capability table) */
#ifndef KCFG_SELS
#define KCFG_SELS 64
#endif

/* tiles the kernel manages (kernel tile included) */
#ifndef KCFG_MAX_TILES
#define KCFG_MAX_TILES 16
#endif

/* pending service requests: one per activity plus room for close notices */
#ifndef KCFG_MAX_REQS
#define KCFG_MAX_REQS (KIF_MAX_ACTS + 8)
#endif

#define KCFG_MAX_ACTS KIF_MAX_ACTS

#if KCFG_MAX_CAPS >= 0xFFFF || KCFG_MAX_OBJS >= 0xFFFF || KCFG_SELS >= 0xFFFF
#error "pool indices are 16 bit (0xFFFF is the nil index)"
#endif
#if KCFG_MAX_REQS > 255 || KCFG_MAX_TILES > 255 || KCFG_MAX_ACTS > 254
#error "request, tile and activity indices are 8 bit"
#endif

#endif /* KCFG_H */
