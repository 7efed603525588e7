/* The include path of SGI-era OpenSHMEM programs. */
#include <shmem.h>
