/*
 * kif.h - helpers for the kernel interface of spec/kif.toml (generated spec/kif.h).
 *
 * Message layouts are spec field groups of 32-bit fields: word i of a message is
 * the field whose LSB is 32 i. KIF_W(F) gives that word index, KIF_WORDS(F) the
 * length of a layout whose last field is F. Shared by the kernel, the runtime and
 * the harnesses.
 */
#ifndef KIF_H
#define KIF_H

#include <stdint.h>

#include "spec/kif.h"
#include "spec/tcu.h"

#define KIF_W(F) (KIF_##F##_LSB / 32)
#define KIF_WORDS(LAST) (KIF_W(LAST) + 1)

/* the last software error code (kif.c checks it against the spec at compile time) */
#define KIF_ERR_LAST KIF_ERR_PLATFORM
/* number of syscall opcodes (checked in kif.c) */
#define KIF_SYS_COUNT (KIF_SYS_EXIT + 1)

/* Name of syscall opcode op ("NOOP", ...), or "?". */
const char *kif_sys_name(uint32_t op);

/* Name of error code err, TCU (TCU_ERR_*) or kernel (KIF_ERR_*), or "?". */
const char *kif_err_name(uint32_t err);

#endif /* KIF_H */
