/* bk-smoke: 2x2 SoC, few rounds: the payload checks of make test */
#define PING_X 1
#define PING_Y 0
#define PONG_X 0
#define PONG_Y 1
#define MEM_X 1
#define MEM_Y 1
#define ROUNDS 6
#define WARMUP 2
#define BW_REPS 1
#include "../kernel.inc"
