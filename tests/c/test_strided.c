/* The interleaved block transfers of OpenSHMEM 1.6: shmem_TYPENAME_ibput / _ibget over the RMA type
 * table, their context, sized (8 ... 128 bits) and C11 generic forms, and the shmemx_ names they
 * had as extensions. Block b (bsize elements) moves between source + b * sst and dest + b * dst. */
#include <shmem.h>
#include <shmemx.h>
#include <string.h>

#include "check.h"

/* PE me's source element k is me * 50 + k; blocks of 2 elements taken every 3, stored every 4. */
#define TEST_IBPUT(TYPE, TN)                                                                       \
    static void ibput_##TN(void)                                                                   \
    {                                                                                              \
        static TYPE dest[12], remote[12];                                                          \
        TYPE src[12], got[12];                                                                     \
        int k, b, wrong = 0;                                                                       \
        for (k = 0; k < 12; ++k) {                                                                 \
            src[k] = (TYPE)(me * 50 + k);                                                          \
            remote[k] = src[k];                                                                    \
            dest[k] = (TYPE)0;                                                                     \
        }                                                                                          \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_ibput(dest, src, 4, 3, 2, 3, right);                                          \
        shmem_barrier_all();                                                                       \
        for (b = 0; b < 3; ++b)                                                                    \
            for (k = 0; k < 4; ++k)                                                                \
                wrong += dest[4 * b + k] != (k < 2 ? (TYPE)(left * 50 + 3 * b + k) : (TYPE)0);     \
        /* ibget of the same shape from the right neighbour's `remote`: blocks of 2 every 3 there, \
         * stored every 4 here. */                                                                 \
        memset(got, 0, sizeof got);                                                                \
        shmem_ctx_##TN##_ibget(SHMEM_CTX_DEFAULT, got, remote, 4, 3, 2, 3, right);                 \
        for (b = 0; b < 3; ++b)                                                                    \
            for (k = 0; k < 2; ++k) wrong += got[4 * b + k] != (TYPE)(right * 50 + 3 * b + k);     \
        wrong += got[2] != (TYPE)0;                                                                \
        /* The generic and the old shmemx_ names; one block of 12 is a contiguous put. */         \
        shmem_barrier_all();                                                                       \
        shmem_ibput(SHMEM_CTX_DEFAULT, dest, src, 1, 1, 12, 1, right);                             \
        shmem_barrier_all();                                                                       \
        for (k = 0; k < 12; ++k) wrong += dest[k] != (TYPE)(left * 50 + k);                       \
        memset(got, 0, sizeof got);                                                                \
        shmem_ibget(got, remote, 2, 2, 1, 6, left); /* every other element */                      \
        shmemx_##TN##_ibget(&got[1], remote, 2, 2, 1, 6, me);                                      \
        for (k = 0; k < 12; k += 2) wrong += got[k] != (TYPE)(left * 50 + k) || got[k + 1] != (TYPE)(me * 50 + k); \
        CHECK_EQ(wrong, 0);                                                                        \
        shmem_barrier_all();                                                                       \
    }
#define TEST_IBPUT_LATER(T, N) TEST_IBPUT CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_RMA_TYPES(TEST_IBPUT_LATER))

/* The sized forms move BITS / 8 bytes per element; 128 bits as pairs of uint64_t. */
static void ibput_sized(void)
{
    static uint64_t dest[8];
    uint64_t src[8], got[8];
    int k, wrong = 0;
    for (k = 0; k < 8; ++k) {
        src[k] = (uint64_t)(me * 100 + k);
        dest[k] = 0;
    }
    shmem_barrier_all();
    /* 128-bit elements: blocks of 1 element (2 words) every 2 elements, stored every 2. */
    shmem_ibput128(dest, src, 2, 2, 1, 2, right);
    shmem_barrier_all();
    wrong += dest[0] != (uint64_t)(left * 100) || dest[1] != (uint64_t)(left * 100 + 1);
    wrong += dest[2] != 0 || dest[4] != (uint64_t)(left * 100 + 4) || dest[5] != (uint64_t)(left * 100 + 5);
    memset(got, 0, sizeof got);
    shmem_ctx_ibget64(SHMEM_CTX_DEFAULT, got, dest, 1, 4, 1, 2, me); /* dest[0], dest[4] */
    wrong += got[0] != dest[0] || got[1] != dest[4];
    shmem_ibget32(got, dest, 1, 1, 2, 1, me); /* the first 8 bytes */
    wrong += got[0] != dest[0];
    shmem_ibget16(got, dest, 1, 1, 4, 1, me);
    shmem_ibget8(got, dest, 1, 1, 8, 1, me);
    wrong += got[0] != dest[0];
    shmem_barrier_all();
    shmemx_ibput64(dest, src, 1, 1, 8, 1, right);
    shmem_barrier_all();
    for (k = 0; k < 8; ++k) wrong += dest[k] != (uint64_t)(left * 100 + k);
    CHECK_EQ(wrong, 0);
    shmem_barrier_all();
}

int main(void)
{
    check_start();
#define RUN(TYPE, TN) ibput_##TN();
    OSHMPI_RMA_TYPES(RUN)
#undef RUN
    ibput_sized();
    return check_finish("test_strided");
}
