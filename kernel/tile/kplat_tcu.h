/*
 * kplat_tcu.h - struct kplat on the kernel tile's TCU driver, and the kernel's own EPs.
 */
#ifndef KPLAT_TCU_H
#define KPLAT_TCU_H

#include <stdint.h>

#include "kern.h"
#include "plat.h"

/* Receive buffers of the kernel's own EPs (in the kernel's SPM). */
#define KTCU_SYSC_BUF_SIZE ((1u << KIF_KEP_SYSC_SLOTS) << KIF_SYSC_MSG_ORDER)
#define KTCU_SRV_BUF_SIZE ((1u << KIF_KEP_SRV_SLOTS) << KIF_SRV_MSG_ORDER)

struct ktcu {
	struct kern *k;
	uint32_t pending[KCFG_MAX_ACTS]; /* slot offset of each activity's pending syscall */
	uint32_t retries;                /* EP invalidations that needed a retry */
	uint32_t replies;                /* syscall replies sent */
	uint32_t srv_msgs;               /* requests sent to services */
};

extern const struct kplat ktcu_plat;
extern uint8_t ktcu_sysc_buf[KTCU_SYSC_BUF_SIZE];
extern uint8_t ktcu_srv_buf[KTCU_SRV_BUF_SIZE];

/* Configure the kernel tile's syscall and service-reply receive EPs. */
void ktcu_own_eps(void);

#endif /* KPLAT_TCU_H */
