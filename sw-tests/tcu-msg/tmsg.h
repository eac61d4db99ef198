/* tmsg.h - helpers the TCU message tests share (kernel tile: EPs are written
 * through the local MMIO window, which only the kernel tile may do). */
#ifndef TMSG_H
#define TMSG_H

#include <stdint.h>

#include "tcu.h"

static inline void tm_set(unsigned ep, struct tcu_ep e)
{
	tcu_ep_write(ep, &e);
}

static inline void tm_clear(unsigned ep)
{
	struct tcu_ep e = {{0}};

	tcu_ep_write(ep, &e);
}

static inline struct tcu_ep tm_get(unsigned ep)
{
	struct tcu_ep e;

	tcu_ep_read(ep, &e);
	return e;
}

static inline unsigned tm_credits(unsigned ep)
{
	struct tcu_ep e = tm_get(ep);

	return TCU_EP_GET(&e, TCU_SEP_CUR_CRD);
}

static inline unsigned tm_type(unsigned ep)
{
	struct tcu_ep e = tm_get(ep);

	return TCU_EP_GET(&e, TCU_EP_TYPE);
}

static inline uint32_t tm_occ(unsigned ep)
{
	struct tcu_ep e = tm_get(ep);

	return TCU_EP_GET(&e, TCU_REP_OCC);
}

static inline uint32_t tm_unread(unsigned ep)
{
	struct tcu_ep e = tm_get(ep);

	return TCU_EP_GET(&e, TCU_REP_UNREAD);
}

#endif /* TMSG_H */
