/* tcu-msg-sweep1: part 1 of the message/reply size sweep (../sweep.c). */
#define PART 1
#include "../sweep.c"
