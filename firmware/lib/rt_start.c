/*
 * rt_start.c - start-up and exit of an activity. Programs linked with USE_RT
 * are linked with --wrap=main and --wrap=_exit: main runs after rt_init, and
 * exit() (also returning from main) becomes the EXIT syscall.
 */
#include <stdio.h>

#include "rt.h"
#include "spec/boot.h"

#define RT_ENV_WORD(F) (((const volatile uint32_t *)BOOT_ENV_ADDR)[BOOT_##F##_LSB / 32])
#define RT_ENV_HDR (BOOT_ENV_TILE_LSB / 8 + 4)
#define RT_MAX_ARGS 16

int __real_main(int argc, char **argv);
int __wrap_main(void);

static char *rt_argv[RT_MAX_ARGS + 1];
__attribute__((noreturn)) void __wrap__exit(int code);

void rt_init(void)
{
	int32_t off;

	/* a reply voided by ACT_STOP may still sit in the slot */
	while ((off = tcu_fetch(KIF_EP_SYSC_RECV)) >= 0 && off != TCU_NONE_OFF)
		tcu_ack(KIF_EP_SYSC_RECV, (uint32_t)off);
}

/* argv from the argument block the parent wrote (none: argc 0) */
static int rt_args(void)
{
	char *p = (char *)(BOOT_ENV_ADDR + RT_ENV_HDR);
	uint32_t n, bytes;
	int argc = 0;

	if (RT_ENV_WORD(ENV_MAGIC) != BOOT_ENV_MAGIC)
		return 0;
	n = RT_ENV_WORD(ENV_ARGC);
	bytes = RT_ENV_WORD(ENV_BYTES);
	if (bytes > BOOT_ENV_SIZE - RT_ENV_HDR || bytes == 0 || p[bytes - 1] != 0)
		return 0;
	for (uint32_t i = 0; i < bytes && argc < (int)n && argc < RT_MAX_ARGS; i++) {
		if (i == 0 || p[i - 1] == 0)
			rt_argv[argc++] = p + i;
	}
	rt_argv[argc] = NULL;
	return argc;
}

int __wrap_main(void)
{
	int argc;

	rt_init();
	argc = rt_args();
	return __real_main(argc, rt_argv);
}

__attribute__((noreturn)) void rt_exit(int code)
{
	uint32_t m[KIF_SYS_EXIT_CODE_LSB / 32 + 1];

	fflush(stdout);
	m[KIF_SYS_EXIT_OP_LSB / 32] = KIF_SYS_EXIT;
	m[KIF_SYS_EXIT_CODE_LSB / 32] = (uint32_t)code;
	/* no reply: the kernel holds this core */
	tcu_send(KIF_EP_SYSC_SEND, m, sizeof(m), TCU_NO_EP, 0);
	for (;;)
		;
}

__attribute__((noreturn)) void __wrap__exit(int code)
{
	rt_exit(code);
}

const char *rt_strerror(int err)
{
	static const char *const names[] = KIF_ERR_NAMES;

	if (err < 0)
		err = -err;
	if (err >= (int)KIF_FIRST_ERR && (unsigned)err < sizeof(names) / sizeof(names[0]) && names[err])
		return names[err];
	return tcu_strerror(err);
}
