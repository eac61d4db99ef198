/* tcu-mem-unaligned-spm: the alignment sweep against tile 1's SPM (../unaligned). */
#define TARGET 1
#include "unaligned.c"
