/* crash.h - kern-crash and its child agree on this. */
#ifndef CRASH_H
#define CRASH_H

#include <stdint.h>

#define CRASH_OK_CODE 5 /* the child's exit code when told "exit" */
#endif
