/* ipc.h - what the two sides of the runtime ping-pong agree on. */
#ifndef IPC_H
#define IPC_H

#define IPC_PONG_EP 4          /* receive EP root allocates on pong's tile */
#define IPC_PONG_BUF 0xC000u   /* its buffer in pong's SPM: 2 slots of 64 B */
#define IPC_ROUNDS 200
#define IPC_STOP 0xFFFFFFFFu   /* word 0 of the last message */
#endif
