/*
 * kern-crashy: kern-crash's child. argv[1] picks what it does: "ill" executes an
 * illegal instruction, "misalign" loads a word from an odd address, "ebreak"
 * executes EBREAK, "exit" exits with CRASH_OK_CODE. Before a crash it prints
 * the address of the faulting instruction, so the test can match it with the
 * runtime's "crash: ... at" line.
 */
#include <stdio.h>
#include <string.h>

#include "crash.h"

extern const char crashy_ill[], crashy_ld[], crashy_ebreak[];

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	static volatile uint32_t word[2];
	uint32_t v;

	if (!strcmp(what, "ill")) {
		printf("crashy: illegal instruction at %p next\n", (const void *)crashy_ill);
		__asm__ volatile(".globl crashy_ill\ncrashy_ill: .word 0x00000000" ::: "memory");
	} else if (!strcmp(what, "misalign")) {
		printf("crashy: misaligned load at %p next\n", (const void *)crashy_ld);
		__asm__ volatile(".globl crashy_ld\ncrashy_ld: lw %0, 1(%1)" : "=r"(v) : "r"(word) : "memory");
		printf("crashy: misaligned load returned 0x%lx\n", (unsigned long)v);
	} else if (!strcmp(what, "ebreak")) {
		printf("crashy: ebreak at %p next\n", (const void *)crashy_ebreak);
		__asm__ volatile(".globl crashy_ebreak\ncrashy_ebreak: ebreak" ::: "memory");
	} else if (!strcmp(what, "exit")) {
		printf("crashy: exiting normally\n");
		return CRASH_OK_CODE;
	}
	printf("crashy: still running after '%s'\n", what);
	return 1;
}
