/* tcu-msg-crdep: tcu-msg-errors plus the SEND_INV_CRD_EP check (a reply EP
 * whose credit EP does not exist). The TCU does not implement that error yet,
 * so this program fails; it is not in sim/soc/tests.list. */
#define TCU_CRD_EP_TEST 1
#include "errors.c"
