/* iso-victim-wait: the victim waiting with the blocking WAIT register instead
 * of polling FETCH_MSG. The kernel's PRIV_RD / PRIV_WR to this tile then wait
 * for its command engine and end in TIMEOUT_NOC, so iso-kernel fails with it
 * (a known TCU issue; not in sim/soc/tests.list). */
#define ISO_USE_WAIT 1
#include "victim.c"
