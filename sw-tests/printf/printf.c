/* printf: picolibc's integer printf through the tile console, checked by
 * formatting into a buffer and comparing, then printed for the runner too. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static void expect(const char *got, const char *want)
{
	CHECK(strcmp(got, want) == 0);
	if (strcmp(got, want))
		printf("  got '%s', want '%s'\n", got, want);
}

int main(void)
{
	char b[64];

	snprintf(b, sizeof(b), "%d %d %d", 0, 42, -42);
	expect(b, "0 42 -42");
	snprintf(b, sizeof(b), "%d %u", INT_MIN, UINT_MAX);
	expect(b, "-2147483648 4294967295");
	snprintf(b, sizeof(b), "%x %X %08x %#x", 0xbeefu, 0xbeefu, 0x1234u, 255u);
	expect(b, "beef BEEF 00001234 0xff");
	snprintf(b, sizeof(b), "[%5d|%-5d|%05d]", 42, 42, -42);
	expect(b, "[   42|42   |-0042]");
	snprintf(b, sizeof(b), "%s/%c/%%", "str", 'c');
	expect(b, "str/c/%");
	snprintf(b, sizeof(b), "%ld %lu", -123456789L, 3000000000UL);
	expect(b, "-123456789 3000000000");
	{ volatile size_t small = 4; /* a variable size: the truncation is the point */
		CHECK_EQ(snprintf(b, small, "%d", 123456), 6); /* truncation reports the full length */
	}
	expect(b, "123");
	printf("printf: %d %u 0x%08x %s\n", -7, 7u, 0xcafe, "ok");
	return check_done("printf");
}
