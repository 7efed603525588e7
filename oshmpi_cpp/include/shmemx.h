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

/* Block-strided RMA (as Sandia OpenSHMEM's shmemx_*_ibput): block b of `bsize` contiguous elements
 * moves from source + b * sst to dest + b * dst (strides in elements), for `nblocks` blocks. */
#define OSHMPIX_DECLARE_IBPUT(TYPE, TN)                                                             \
    void shmemx_##TN##_ibput(TYPE *dest, const TYPE *source, ptrdiff_t dst, ptrdiff_t sst,          \
                             size_t bsize, size_t nblocks, int pe);                                 \
    void shmemx_##TN##_ibget(TYPE *dest, const TYPE *source, ptrdiff_t dst, ptrdiff_t sst,          \
                             size_t bsize, size_t nblocks, int pe);
OSHMPI_RMA_TYPES(OSHMPIX_DECLARE_IBPUT)
#undef OSHMPIX_DECLARE_IBPUT

#ifdef __cplusplus
}
#endif

#endif /* OSHMPI_SHMEMX_H */
