/* The include path of SGI-era OpenSHMEM programs. */
#include <shmemx.h>
