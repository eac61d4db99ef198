/*
 * rt_start.c - start-up and exit of an activity. Programs linked with USE_RT
 * are linked with --wrap=main and --wrap=_exit: main runs after rt_init, and
 * exit() (also returning from main) becomes the EXIT syscall.
 */
#include <stdio.h>

#include "rt.h"

int __real_main(void);
int __wrap_main(void);
__attribute__((noreturn)) void __wrap__exit(int code);

void rt_init(void)
{
	int32_t off;

	/* a reply voided by ACT_STOP may still sit in the slot */
	while ((off = tcu_fetch(KIF_EP_SYSC_RECV)) >= 0 && off != TCU_NONE_OFF)
		tcu_ack(KIF_EP_SYSC_RECV, (uint32_t)off);
}

int __wrap_main(void)
{
	rt_init();
	return __real_main();
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
