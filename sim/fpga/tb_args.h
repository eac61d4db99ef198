/*
 * tb_args.h - command-line number parsing for the FPGA testbenches.
 */
#ifndef TB_ARGS_H
#define TB_ARGS_H

#include <stdio.h>
#include <stdlib.h>

/* The value v of option opt as a positive number; exits with status 2 if it is not one. */
static inline long tb_num_arg(const char *prog, const char *opt, const char *v)
{
	char *end;
	long n = v ? strtol(v, &end, 0) : 0;

	if (!v || *end || end == v || n <= 0) {
		fprintf(stderr, "%s: %s needs a positive number\n", prog, opt);
		exit(2);
	}
	return n;
}

#endif /* TB_ARGS_H */
