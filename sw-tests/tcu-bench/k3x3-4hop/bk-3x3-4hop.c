/* bk-3x3-4hop: 3x3 SoC, ping (0,2) <-> pong (2,0), 4 hops */
#define PING_X 0
#define PING_Y 2
#define PONG_X 2
#define PONG_Y 0
#define MEM_X 2
#define MEM_Y 2
#define ROUNDS 1000
#define WARMUP 10
#define BW_REPS 5
#include "../kernel.inc"
