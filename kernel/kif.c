/*
 * kif.c - names of syscalls and error codes (reports and test output), from the
 * name tables the spec generator emits.
 */
#include "kif.h"

static const char *const kif_sys_names[] = KIF_SYS_NAMES;
static const char *const kif_tcu_err_names[] = TCU_ERR_NAMES;
static const char *const kif_err_names[] = KIF_ERR_NAMES;

_Static_assert(sizeof(kif_sys_names) / sizeof(kif_sys_names[0]) == KIF_SYS_COUNT, "KIF_SYS_COUNT is stale");
_Static_assert(sizeof(kif_err_names) / sizeof(kif_err_names[0]) == KIF_ERR_LAST + 1, "KIF_ERR_LAST is stale");
_Static_assert(sizeof(kif_tcu_err_names) / sizeof(kif_tcu_err_names[0]) == KIF_FIRST_ERR, "TCU errors moved");

const char *kif_sys_name(uint32_t op)
{
	return op < KIF_SYS_COUNT ? kif_sys_names[op] : "?";
}

const char *kif_err_name(uint32_t err)
{
	if (err < KIF_FIRST_ERR)
		return kif_tcu_err_names[err];
	return err <= KIF_ERR_LAST ? kif_err_names[err] : "?";
}
