/* oshmpi-cpp's extensions to OpenSHMEM 1.5. Programs include shmemx.h unconditionally, so it
 * exists even where it adds little. SHMEMX_* names are ours and may change between releases. */
#ifndef OSHMPI_SHMEMX_H
#define OSHMPI_SHMEMX_H

#include <shmem.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Seconds since an arbitrary moment in the past (MPI_Wtime), for benchmarks. */
double shmemx_wtime(void);

#ifdef __cplusplus
}
#endif

#endif /* OSHMPI_SHMEMX_H */
