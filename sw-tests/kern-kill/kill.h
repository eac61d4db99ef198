/* kill.h - the K7 test's parent and child agree on these. */
#ifndef KILL_H
#define KILL_H

#define KK_SGATE_SEL 8  /* the child's send gate to the parent (delegated before the start) */
#define KK_STOP 0x5709u /* reply word 0 that makes the child exit */
#define KK_CODE 7       /* its exit code then */
#define KK_ROUNDS 3     /* children killed in the middle of a call, one after another */
#endif
