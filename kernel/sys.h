/*
 * sys.h - system call decoding and dispatch (the kernel's message entry points).
 *
 * The TCU glue fetches a message from KEP_SYSC_RECV and calls sys_handle with the
 * header's label and the payload; it fetches from KEP_SRV_RECV and calls
 * sys_srv_reply. Every accepted syscall is answered exactly once through
 * kplat.reply (maybe later: ACT_WAIT, OPEN_SESS, EXCHANGE_SESS). A syscall that
 * fails changes nothing but the statistics: each handler checks all arguments
 * before it touches state or hardware.
 */
#ifndef SYS_H
#define SYS_H

#include <stddef.h>
#include <stdint.h>

#include "kern.h"

/*
 * A syscall message of len bytes from the activity with SYSC_LABEL label.
 * Returns 0 if it was accepted (answered now or later), or KIF_ERR_INV_ARGS if
 * it was dropped (unknown or ended activity, stale generation, a second syscall
 * while one is pending); the glue then frees the slot itself.
 */
int sys_handle(struct kern *k, uint32_t label, const void *msg, size_t len);

/*
 * A service's reply (len bytes) to the kernel request with reply label label
 * (KREQ_LABEL). Returns 0, or KIF_ERR_INV_ARGS if it was dropped (stale label,
 * length not a multiple of 4 or too long).
 */
int sys_srv_reply(struct kern *k, uint32_t label, const void *msg, size_t len);

#endif /* SYS_H */
