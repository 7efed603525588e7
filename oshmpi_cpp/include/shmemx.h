/* oshmpi-cpp's extensions to OpenSHMEM 1.6. Programs include shmemx.h unconditionally, so it
 * exists even where it adds little. SHMEMX_* names are ours and may change between releases. */
#ifndef OSHMPI_SHMEMX_H
#define OSHMPI_SHMEMX_H

#include <shmem.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Seconds since an arbitrary moment in the past (MPI_Wtime), for benchmarks. */
double shmemx_wtime(void);

/* The names under which OpenSHMEM 1.6's routines existed as extensions before (as Sandia
 * OpenSHMEM's shmemx_*): the block-strided shmemx_TYPE_ibput / shmemx_TYPE_ibget (and their
 * context and sized forms) call shmem_TYPE_ibput / shmem_TYPE_ibget; shmemx_signal_add and
 * shmemx_signal_set are shmem_signal_add and shmem_signal_set. */
#define OSHMPIX_DECLARE_IBPUT(TYPE, TN)                                                             \
    void shmemx_##TN##_ibput(TYPE *dest, const TYPE *source, ptrdiff_t dst, ptrdiff_t sst,          \
                             size_t bsize, size_t nblocks, int pe);                                 \
    void shmemx_##TN##_ibget(TYPE *dest, const TYPE *source, ptrdiff_t dst, ptrdiff_t sst,          \
                             size_t bsize, size_t nblocks, int pe);                                 \
    void shmemx_ctx_##TN##_ibput(shmem_ctx_t ctx, TYPE *dest, const TYPE *source, ptrdiff_t dst,    \
                                 ptrdiff_t sst, size_t bsize, size_t nblocks, int pe);              \
    void shmemx_ctx_##TN##_ibget(shmem_ctx_t ctx, TYPE *dest, const TYPE *source, ptrdiff_t dst,    \
                                 ptrdiff_t sst, size_t bsize, size_t nblocks, int pe);
#define OSHMPIX_DECLARE_IBPUT_SIZED(BITS)                                                           \
    void shmemx_ibput##BITS(void *dest, const void *source, ptrdiff_t dst, ptrdiff_t sst,           \
                            size_t bsize, size_t nblocks, int pe);                                  \
    void shmemx_ibget##BITS(void *dest, const void *source, ptrdiff_t dst, ptrdiff_t sst,           \
                            size_t bsize, size_t nblocks, int pe);                                  \
    void shmemx_ctx_ibput##BITS(shmem_ctx_t ctx, void *dest, const void *source, ptrdiff_t dst,     \
                                ptrdiff_t sst, size_t bsize, size_t nblocks, int pe);               \
    void shmemx_ctx_ibget##BITS(shmem_ctx_t ctx, void *dest, const void *source, ptrdiff_t dst,     \
                                ptrdiff_t sst, size_t bsize, size_t nblocks, int pe);
OSHMPI_RMA_TYPES(OSHMPIX_DECLARE_IBPUT)
OSHMPI_RMA_SIZES(OSHMPIX_DECLARE_IBPUT_SIZED)
#undef OSHMPIX_DECLARE_IBPUT
#undef OSHMPIX_DECLARE_IBPUT_SIZED
#define shmemx_signal_add shmem_signal_add
#define shmemx_signal_set shmem_signal_set
#define shmemx_ctx_signal_add shmem_ctx_signal_add
#define shmemx_ctx_signal_set shmem_ctx_signal_set

#ifdef __cplusplus
}
#endif

/* The generic names (C11 and C++). */
#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L)
#define shmemx_ibput shmem_ibput
#define shmemx_ibget shmem_ibget
#endif

#endif /* OSHMPI_SHMEMX_H */
