/* tcu-msg-sweep2: part 2 of the message/reply size sweep (../sweep.c). */
#define PART 2
#include "../sweep.c"
