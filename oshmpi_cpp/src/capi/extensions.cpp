// Our extensions declared in shmemx.h: timing, and the shmemx_ names of the 1.6 block-strided RMA
// (forwarding to the standard routines, so a profiling tool sees the shmem_ call).
#include "capi/shim.hpp"

#include <shmemx.h>

#include <chrono>

// Seconds of a monotonic clock that counts from boot, so always positive. Not MPI_Wtime: Open MPI
// 4.1's counts from its own origin near MPI_Init, and test_cxx saw it return no more than 0.0.
extern "C" double shmemx_wtime(void)
{
    using seconds = std::chrono::duration<double>;
    return std::chrono::duration_cast<seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

#define OSHMPIX_FORWARD(OP, TYPE, TN)                                                               \
    extern "C" void shmemx_##TN##_##OP(TYPE* dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, \
                                       size_t bsize, size_t nblocks, int pe)                        \
    {                                                                                               \
        shmem_##TN##_##OP(dest, source, dst, sst, bsize, nblocks, pe);                              \
    }                                                                                               \
    extern "C" void shmemx_ctx_##TN##_##OP(shmem_ctx_t ctx, TYPE* dest, const TYPE* source,         \
                                           ptrdiff_t dst, ptrdiff_t sst, size_t bsize,              \
                                           size_t nblocks, int pe)                                  \
    {                                                                                               \
        shmem_ctx_##TN##_##OP(ctx, dest, source, dst, sst, bsize, nblocks, pe);                     \
    }
#define OSHMPIX_FORWARD_TYPED(TYPE, TN) OSHMPIX_FORWARD(ibput, TYPE, TN) OSHMPIX_FORWARD(ibget, TYPE, TN)
#define OSHMPIX_FORWARD_SIZED_OP(OP, BITS)                                                          \
    extern "C" void shmemx_##OP##BITS(void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst,  \
                                      size_t bsize, size_t nblocks, int pe)                         \
    {                                                                                               \
        shmem_##OP##BITS(dest, source, dst, sst, bsize, nblocks, pe);                               \
    }                                                                                               \
    extern "C" void shmemx_ctx_##OP##BITS(shmem_ctx_t ctx, void* dest, const void* source,          \
                                          ptrdiff_t dst, ptrdiff_t sst, size_t bsize,               \
                                          size_t nblocks, int pe)                                   \
    {                                                                                               \
        shmem_ctx_##OP##BITS(ctx, dest, source, dst, sst, bsize, nblocks, pe);                      \
    }
#define OSHMPIX_FORWARD_SIZED(BITS) OSHMPIX_FORWARD_SIZED_OP(ibput, BITS) OSHMPIX_FORWARD_SIZED_OP(ibget, BITS)
OSHMPI_RMA_TYPES(OSHMPIX_FORWARD_TYPED)
OSHMPI_RMA_SIZES(OSHMPIX_FORWARD_SIZED)
