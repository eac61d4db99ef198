/*
 * srv.h - services, sessions and the kernel's requests to services.
 *
 * A service is a receive gate the kernel keeps one credit of. Clients' OPEN_SESS
 * and EXCHANGE_SESS become requests (SRV_OPEN / SRV_EXCHANGE) the kernel sends to
 * that gate, one at a time per service and at most 2^KEP_SRV_SLOTS in flight in
 * all; the rest wait in a per-service queue. The client's syscall is answered when
 * the service replies; the kernel re-checks the client's and the service's tables
 * then, because either may have changed meanwhile. A session whose last
 * capability goes away is reported to its service (SRV_CLOSE).
 */
#ifndef SRV_H
#define SRV_H

#include <stdint.h>

#include "kern.h"

/* Empty request table (kern_init). */
void srv_init(struct kern *k);

/*
 * Submit request t (t->state, t->gen, t->next ignored): sent at once if the service
 * is idle, else queued. Returns 0 (the client's reply comes later) or, with
 * nothing changed, KIF_ERR_NO_SPACE (request table full) / KIF_ERR_SRV_GONE.
 */
int srv_submit(struct kern *k, const struct kreq *t);

/*
 * A service's reply to the request with reply label `label` (KREQ_LABEL), n words.
 * Completes the client's syscall. Returns 0, or KIF_ERR_INV_ARGS for a stale or
 * unknown label (dropped).
 */
int srv_reply(struct kern *k, uint32_t label, const uint32_t *w, unsigned n);

/* Send queued requests to idle services while the in-flight budget allows. */
void srv_kick_all(struct kern *k);

/* The client of request req is ending: forget it (a reply to it is dropped). */
void srv_cancel(struct kern *k, unsigned req);

/* Service object o is going away: its requests fail with KIF_ERR_SRV_GONE. */
void srv_serv_gone(struct kern *k, uint16_t o);

/* Session object o is going away: pending exchanges on it fail, the service gets SRV_CLOSE. */
void srv_sess_gone(struct kern *k, uint16_t o);

#endif /* SRV_H */
