/* bk-3x3-1hop: 3x3 SoC, ping (1,0) <-> pong (2,0), 1 hop */
#define PING_X 1
#define PING_Y 0
#define PONG_X 2
#define PONG_Y 0
#define MEM_X 2
#define MEM_Y 2
#define ROUNDS 1000
#define WARMUP 10
#define BW_REPS 5
#include "../kernel.inc"
