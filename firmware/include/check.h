/*
 * check.h - self-checking firmware tests: CHECK(cond) and CHECK_EQ(a, b)
 * print the failing line and count the failure; check_done() prints the
 * summary and returns the exit code (0 only if every check passed).
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>

extern unsigned check_failures, check_count;

#define CHECK(cond)                                                              \
	do {                                                                     \
		check_count++;                                                   \
		if (!(cond)) {                                                   \
			check_failures++;                                        \
			printf("CHECK FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                \
	} while (0)

#define CHECK_EQ(a, b)                                                           \
	do {                                                                     \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);  \
		check_count++;                                                   \
		if (check_a_ != check_b_) {                                      \
			check_failures++;                                        \
			printf("CHECK FAILED %s:%d: %s == %s (0x%lx != 0x%lx)\n", __FILE__, __LINE__, \
			       #a, #b, (unsigned long)check_a_, (unsigned long)check_b_); \
		}                                                                \
	} while (0)

/* Print "N checks, N failed" and return the exit code. */
int check_done(const char *name);

#endif /* CHECK_H */
