/* bk-2x2: 2x2 SoC, ping (1,0) <-> pong (0,1), 2 hops */
#define PING_X 1
#define PING_Y 0
#define PONG_X 0
#define PONG_Y 1
#define MEM_X 1
#define MEM_Y 1
#define ROUNDS 1000
#define WARMUP 10
#define BW_REPS 5
#include "../kernel.inc"
