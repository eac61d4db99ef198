/* runaway: never ends; the simulator's --max-cycles limit must stop it with an error. */
#include <stdio.h>

int main(void)
{
	volatile unsigned n = 0;

	printf("looping forever\n");
	for (;;)
		n++;
}
