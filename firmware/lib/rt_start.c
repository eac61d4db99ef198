/*
 * rt_start.c - start-up, exit and crash of an activity. Programs linked with
 * USE_RT are linked with --wrap=main and --wrap=_exit: main runs after
 * rt_init, and exit() (also returning from main) becomes the EXIT syscall.
 * rt_init unmasks the PicoRV32's exception IRQs (1: illegal instruction,
 * EBREAK, ECALL; 2: misaligned access); this file's tile_irq_entry (it
 * replaces crt0's weak one) turns one into a console line and
 * EXIT(KIF_EXIT_CRASH | cause), so the parent's ACT_WAIT sees the crash and
 * the kernel frees the tile (the core is held, which also resets its IRQ
 * state). Unmapped addresses are not signalled to the core (see tile_top.v).
 */
#include <stdio.h>

#include "rt.h"
#include "spec/boot.h"
#include "tile.h"

/* PicoRV32 custom instructions (R-type, opcode custom-0): maskirq rd, rs; getq rd, qs */
#define RT_IRQ_EXC ((1u << KIF_CRASH_ILLINSN) | (1u << KIF_CRASH_MISALIGN))

void rt_crash(uint32_t q0, uint32_t irqs);

/* IRQ entry (PROGADDR_IRQ jumps here): q0 = return PC, q1 = pending IRQ bits.
 * Fresh stack and gp (the crash may have broken them); never returns. */
__asm__(".section .text.tile_irq_entry, \"ax\"\n"
	".globl tile_irq_entry\n"
	"tile_irq_entry:\n"
	"	.insn r 0x0B, 4, 0, a0, x0, x0\n" /* getq a0, q0 */
	"	.insn r 0x0B, 4, 0, a1, x1, x0\n" /* getq a1, q1 */
	"	la	sp, __stack_top\n"
	"	.option push\n"
	"	.option norelax\n"
	"	la	gp, __global_pointer$\n"
	"	.option pop\n"
	"	call	rt_crash\n"
	"1:	j	1b\n"
	".previous\n");

static void rt_puthex(uint32_t v)
{
	tile_puts("0x");
	for (int i = 28; i >= 0; i -= 4)
		tile_putc("0123456789abcdef"[(v >> i) & 0xf]);
}

/* Report the exception (the faulting instruction is the one before the return PC) and exit. */
void rt_crash(uint32_t q0, uint32_t irqs)
{
	uint32_t cause = (irqs & (1u << KIF_CRASH_ILLINSN)) ? KIF_CRASH_ILLINSN : KIF_CRASH_MISALIGN;

	if (!(irqs & RT_IRQ_EXC)) {
		tile_puts("crash: unexpected interrupt, irq bits ");
		rt_puthex(irqs);
		tile_puts("\n");
		rt_exit((int)(KIF_EXIT_CRASH | 0xffu));
	}
	tile_puts(cause == KIF_CRASH_ILLINSN ? "crash: illegal instruction at " : "crash: misaligned access at ");
	rt_puthex((q0 & ~1u) - 4);
	tile_puts("\n");
	rt_exit((int)(KIF_EXIT_CRASH | cause));
}

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

	/* exceptions enter tile_irq_entry instead of halting the core; other IRQs stay masked */
	__asm__ volatile(".insn r 0x0B, 6, 3, zero, %0, x0" : : "r"(~RT_IRQ_EXC)); /* maskirq zero, rs */

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
