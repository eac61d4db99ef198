/*
 * kern-echo: a program root starts from the boot image. Prints its arguments
 * and the tile it runs on, does a noop syscall, and exits with the number given
 * as its last argument (0 if none), so boot tests can check that arguments and
 * exit codes travel through the kernel.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rt.h"
#include "tile.h"

int main(int argc, char **argv)
{
	int err = rt_sys_noop();

	printf("%s: on tile %lu, %d arguments:", argc ? argv[0] : "?", (unsigned long)tile_num(), argc);
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	if (err)
		return 100;
	return argc > 1 ? atoi(argv[argc - 1]) : 0;
}
