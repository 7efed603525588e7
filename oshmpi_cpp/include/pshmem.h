/* The OpenSHMEM profiling interface: every shmem_* routine also exists as pshmem_*. In the library
 * the pshmem_* names are the real definitions and the shmem_* names weak aliases of them, so a tool
 * can define shmem_* itself and call pshmem_* to reach the library. */
#ifndef OSHMPI_PSHMEM_H
#define OSHMPI_PSHMEM_H

#include <shmem.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OSHMPI_C_ROUTINE(ret, name, params) ret pshmem_##name params;
#include <oshmpi/c_api.def>
#undef OSHMPI_C_ROUTINE

#ifdef __cplusplus
}
#endif

#endif /* OSHMPI_PSHMEM_H */
