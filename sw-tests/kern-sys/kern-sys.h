/* kern-sys.h - what the root program and its child share. */
#ifndef KERN_SYS_H
#define KERN_SYS_H

#define KS_CHILD_MGATE 5      /* child's selector of the delegated memory gate */
#define KS_PATTERN 0x5a17c0deu /* first word the parent wrote through it */
#define KS_CHILD_CODE 42      /* the child's exit code when all went well */
#define KS_MEM_OFF 0x1000u    /* offset in the memory tile of the test range */
#define KS_MEM_SIZE 256u
#define KS_FLAG_OFF (KS_MEM_SIZE - 4) /* the child writes KS_FLAG here once it has bound the gate */
#define KS_FLAG 0xf1a9u
#define KS_SPIN 200000 /* polls of the child for the revoke to arrive */
#endif
