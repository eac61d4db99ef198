/* demo.h - the protocol between the demo's store service and its clients. */
#ifndef DEMO_H
#define DEMO_H

/* EXCHANGE_SESS argument word 0 */
#define DEMO_X_SGATE 1 /* obtain: a send gate to the store (label = the session) */
#define DEMO_X_PUT 2   /* delegate: a memory gate to keep (arg 1: bytes in it) */
#define DEMO_X_GET 3   /* obtain: the memory gate kept (result 0: bytes); INV_STATE until there is one */

/* client messages: word 0 */
#define DEMO_M_ADD 1  /* word 1: value; reply: sum so far, messages so far */
#define DEMO_M_READ 2 /* the getter has read the kept memory; reply: 0 */
#define DEMO_M_POLL 3 /* reply: 1 once DEMO_M_READ arrived, else 0 */

#define DEMO_ADDS 10 /* ADD messages per client */
#endif
