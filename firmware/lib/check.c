/* check.c - counters and summary for check.h */
#include "check.h"

unsigned check_failures, check_count;

int check_done(const char *name)
{
	printf("%s: %u checks, %u failed\n", name, check_count, check_failures);
	return check_failures ? 1 : 0;
}
