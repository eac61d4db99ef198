/* tcu-mem-strict: tcu-mem-errors plus a check of M3 semantics that this TCU
 * does not follow (a memory region whose BASE + offset wraps past 2^32 must
 * not reach address 0). Fails today; not in sim/soc/tests.list. */
#define TCU_STRICT 1
#include "errors.c"
