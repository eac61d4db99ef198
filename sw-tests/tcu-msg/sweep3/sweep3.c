/* tcu-msg-sweep3: part 3 of the message/reply size sweep (../sweep.c). */
#define PART 3
#include "../sweep.c"
