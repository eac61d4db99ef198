/* hello: the smallest program: a greeting, the tile's identity, exit 0. */
#include <stdio.h>

#include "tile.h"

int main(void)
{
	printf("Hello from tile %u (x %u, y %u)!\n", (unsigned)tile_num(), (unsigned)tile_x(), (unsigned)tile_y());
	return 0;
}
