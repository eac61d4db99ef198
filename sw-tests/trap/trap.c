/* trap: an illegal instruction must halt the core and fail the run. */
#include <stdio.h>

int main(void)
{
	printf("executing an illegal instruction\n");
	__asm__ volatile(".word 0x00000000");
	printf("not stopped by the illegal instruction\n");
	return 0;
}
