/* sess.h - the session test's client (root) and service agree on these. */
#ifndef SESS_H
#define SESS_H

#define SS_REFUSE_ARG 99     /* OPEN_SESS argument the service refuses (DENIED) */
#define SS_IDENT_BASE 1000u  /* ident = BASE + open argument */
#define SS_X_SGATE 1         /* EXCHANGE_SESS obtain: a send gate labelled with the session */
#define SS_X_FULL 2          /* EXCHANGE_SESS: the service refuses with NO_SPACE */
#define SS_X_TAKE 3          /* EXCHANGE_SESS delegate: the service takes the capabilities */
#define SS_M_DIE 0xdeadu     /* message: reply, then exit 0 */
#endif
