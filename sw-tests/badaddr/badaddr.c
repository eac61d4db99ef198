/* badaddr: a load from an unmapped address. The simulator must stop the run
 * with a bus error naming the address and the PC of the load (the runner checks
 * both against what this program prints first). Reaching the end is a failure. */
#include <stdint.h>
#include <stdio.h>

extern char bad_load[];

int main(void)
{
	volatile uint32_t *p = (volatile uint32_t *)0x20000000u;
	uint32_t v;

	printf("bad load at 0x%08lx from 0x%08lx\n", (unsigned long)(uintptr_t)bad_load,
	       (unsigned long)(uintptr_t)p);
	__asm__ volatile(".globl bad_load\nbad_load: lw %0, 0(%1)" : "=r"(v) : "r"(p) : "memory");
	printf("not stopped after the bad load (read 0x%lx)\n", (unsigned long)v);
	return 0x55;
}
