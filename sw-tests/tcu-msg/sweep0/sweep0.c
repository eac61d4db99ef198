/* tcu-msg-sweep0: part 0 of the message/reply size sweep (../sweep.c). */
#define PART 0
#include "../sweep.c"
