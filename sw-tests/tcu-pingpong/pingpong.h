/* pingpong.h - the layout the three programs of the ping-pong test share. */
#ifndef PINGPONG_H
#define PINGPONG_H

/* on both user tiles: receive buffers at fixed SPM addresses */
#define PP_RBUF 0xc000u   /* 4 slots of 64 B: requests (pong side) */
#define PP_RPLBUF 0xc100u /* 1 slot of 64 B: replies (ping side) */
/* EPs on the user tiles */
#define PP_SEP 0     /* ping: send EP to the pong tile */
#define PP_REP 1     /* pong: receive EP for pings */
#define PP_RPL_REP 2 /* ping: receive EP for the replies */
#define PP_RPL_EPS 8 /* pong: first reply EP (4 slots: 8..11) */
#define PP_LABEL 0xfeed
#define PP_ROUNDS 200
#endif
