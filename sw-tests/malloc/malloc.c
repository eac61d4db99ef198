/* malloc: picolibc's allocator on the SPM heap: patterns survive, freed memory
 * is reused, an impossible request fails with NULL instead of crashing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 32

int main(void)
{
	uint8_t *p[N];

	for (int i = 0; i < N; i++) {
		size_t sz = 16 + (size_t)i * 37;

		p[i] = malloc(sz);
		CHECK(p[i] != NULL);
		if (p[i])
			memset(p[i], i, sz);
	}
	for (int i = 0; i < N; i++) {
		size_t sz = 16 + (size_t)i * 37;
		int ok = 1;

		for (size_t j = 0; p[i] && j < sz; j++)
			ok &= p[i][j] == (uint8_t)i;
		CHECK(ok);
	}
	for (int i = 0; i < N; i += 2)
		free(p[i]);
	/* freed blocks are found again */
	void *again = malloc(16);
	CHECK(again != NULL);
	free(again);
	for (int i = 1; i < N; i += 2)
		free(p[i]);
	/* all free again: one large block fits where the small ones were */
	void *big = malloc(8192);
	CHECK(big != NULL);
	free(big);
	CHECK(malloc(1u << 30) == NULL);
	int *z = calloc(100, sizeof(int));
	int sum = 0;
	for (int i = 0; z && i < 100; i++)
		sum |= z[i];
	CHECK(z != NULL && sum == 0);
	free(z);
	return check_done("malloc");
}
