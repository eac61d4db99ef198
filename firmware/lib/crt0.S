/* crt0.S - tile startup: vectors, stack, bss, main(), exit(). */
	.section .text.start, "ax"
	.globl _start
_start:
	j	reset

	/* PicoRV32 jumps here on an interrupt (PROGADDR_IRQ = SPM base + 0x10). */
	.org	0x10
irq_vector:
	j	tile_irq_entry

reset:
	la	sp, __stack_top
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	/* bss cleared by tile_mem.c's word-wide memset (it needs no bss) */
	la	a0, __bss_start
	la	a2, __bss_end
	sub	a2, a2, a0
	li	a1, 0
	call	memset
	li	a0, 0
	li	a1, 0
	call	main
	call	exit
3:	j	3b

	/* Default interrupt entry: any interrupt is reported and ends the run.
	 * Programs with the runtime (USE_RT) get rt_start.c's instead, which
	 * turns an exception into a crash exit of the activity. IRQs stay
	 * masked (the reset state) unless a program unmasks them. */
	.weak	tile_irq_entry
tile_irq_entry:
	la	sp, __stack_top
	call	tile_unexpected_irq
4:	j	4b
