// Our extensions declared in shmemx.h: timing and block-strided RMA.
#include "capi/shim.hpp"

#include <shmemx.h>

#include <mpi.h>

extern "C" double shmemx_wtime(void)
{
    return MPI_Wtime();
}

#define OSHMPI_IBPUT_SHIMS(TYPE, TN)                                                                \
    extern "C" void shmemx_##TN##_ibput(TYPE* dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, \
                                        size_t bsize, size_t nblocks, int pe)                       \
    {                                                                                               \
        OSHMPI_C_CALL_AS(__func__, oshmpi::ibput(dest, source, dst, sst, bsize, nblocks, pe));                   \
    }                                                                                               \
    extern "C" void shmemx_##TN##_ibget(TYPE* dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, \
                                        size_t bsize, size_t nblocks, int pe)                       \
    {                                                                                               \
        OSHMPI_C_CALL_AS(__func__, oshmpi::ibget(dest, source, dst, sst, bsize, nblocks, pe));                   \
    }
OSHMPI_RMA_TYPES(OSHMPI_IBPUT_SHIMS)
