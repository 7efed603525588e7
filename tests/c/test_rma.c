/* Every typed RMA routine of the type table, in plain, context and C11 generic form, with the
 * targets in global (static) memory and in the symmetric heap. */
#include <shmem.h>
#include <shmemx.h>

#include "check.h"


#define N 8
/* Values distinct per PE and element, exact in every RMA type (all below 64). */
#define VALUE(pe, i) ((pe) * 10 + (i))

#define TEST_RMA(TYPE, TN)                                                                         \
    static void test_##TN(void)                                                                    \
    {                                                                                              \
        static TYPE global[2 * N];                                                                 \
        TYPE* heap = (TYPE*)shmem_calloc(2 * N, sizeof(TYPE));                                     \
        TYPE src[2 * N], got[2 * N];                                                               \
        int i;                                                                                     \
        for (i = 0; i < 2 * N; ++i) src[i] = (TYPE)VALUE(me, i);                                   \
        shmem_##TN##_put(global, src, N, right);                                                   \
        shmem_ctx_##TN##_put(SHMEM_CTX_DEFAULT, heap, src, N, right);                              \
        shmem_##TN##_p(&global[N], src[1], right);                                                 \
        shmem_ctx_##TN##_p(SHMEM_CTX_DEFAULT, &heap[N], src[2], right);                            \
        shmem_barrier_all();                                                                       \
        for (i = 0; i < N; ++i) {                                                                  \
            CHECK(global[i] == (TYPE)VALUE(left, i));                                              \
            CHECK(heap[i] == (TYPE)VALUE(left, i));                                                \
        }                                                                                          \
        CHECK(global[N] == (TYPE)VALUE(left, 1));                                                  \
        CHECK(heap[N] == (TYPE)VALUE(left, 2));                                                    \
        /* gets read back what the right neighbour received from us */                            \
        shmem_##TN##_get(got, global, N, right);                                                   \
        for (i = 0; i < N; ++i) CHECK(got[i] == (TYPE)VALUE(me, i));                               \
        shmem_ctx_##TN##_get(SHMEM_CTX_DEFAULT, got, heap, N, right);                              \
        for (i = 0; i < N; ++i) CHECK(got[i] == (TYPE)VALUE(me, i));                               \
        CHECK(shmem_##TN##_g(&global[N], right) == (TYPE)VALUE(me, 1));                            \
        CHECK(shmem_ctx_##TN##_g(SHMEM_CTX_DEFAULT, &heap[N], right) == (TYPE)VALUE(me, 2));       \
        shmem_barrier_all();                                                                       \
        /* strided: every other element of src into consecutive elements of the target */          \
        shmem_##TN##_iput(heap, src, 1, 2, N, right);                                              \
        shmem_barrier_all();                                                                       \
        for (i = 0; i < N; ++i) CHECK(heap[i] == (TYPE)VALUE(left, 2 * i));                        \
        shmem_ctx_##TN##_iget(SHMEM_CTX_DEFAULT, got, heap, 2, 1, N / 2, right);                   \
        for (i = 0; i < N / 2; ++i) CHECK(got[2 * i] == (TYPE)VALUE(me, 2 * i));                   \
        shmem_barrier_all();                                                                       \
        /* nonblocking, completed by quiet */                                                      \
        shmem_##TN##_put_nbi(&global[N], src, N, right);                                           \
        shmem_quiet();                                                                             \
        shmem_barrier_all();                                                                       \
        for (i = 0; i < N; ++i) CHECK(global[N + i] == (TYPE)VALUE(left, i));                      \
        shmem_ctx_##TN##_get_nbi(SHMEM_CTX_DEFAULT, got, &global[N], N, left);                     \
        shmem_ctx_quiet(SHMEM_CTX_DEFAULT);                                                        \
        for (i = 0; i < N; ++i) CHECK(got[i] == (TYPE)VALUE((left + npes - 1) % npes, i));         \
        shmem_barrier_all();                                                                       \
        shmem_free(heap);                                                                          \
    }

OSHMPI_RMA_TYPES(TEST_RMA)

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
/* The generic names resolve on the element type (typedef names resolve to their C type). The
 * generic macros expand OSHMPI_RMA_TYPES, so these tests expand another table (a macro cannot
 * expand inside itself): the point-to-point types, a subset of the RMA types. */
#define TEST_GENERIC(TYPE, TN)                                                                     \
    static void test_generic_##TN(void)                                                            \
    {                                                                                              \
        static TYPE global[2 * N];                                                                 \
        TYPE* heap = (TYPE*)shmem_calloc(2 * N, sizeof(TYPE));                                     \
        TYPE src[2 * N], got[2 * N];                                                               \
        int i;                                                                                     \
        for (i = 0; i < 2 * N; ++i) src[i] = (TYPE)VALUE(me, i);                                   \
    shmem_put(global, src, N, right);                                                              \
    shmem_p(&global[N], src[3], right);                                                            \
    shmem_put_nbi(SHMEM_CTX_DEFAULT, heap, src, N, right);                                         \
    shmem_quiet();                                                                                 \
    shmem_barrier_all();                                                                           \
    for (i = 0; i < N; ++i) CHECK(global[i] == (TYPE)VALUE(left, i) && heap[i] == global[i]);      \
    CHECK(shmem_g(&global[N], left) == (TYPE)VALUE((left + npes - 1) % npes, 3));                  \
    CHECK(shmem_g(SHMEM_CTX_DEFAULT, (const TYPE*)&global[N], right) == (TYPE)VALUE(me, 3));       \
    shmem_get(SHMEM_CTX_DEFAULT, got, global, N, right);                                           \
    CHECK(got[N - 1] == (TYPE)VALUE(me, N - 1));                                                   \
    shmem_iget(got, heap, 1, 2, N / 2, right);                                                     \
    CHECK(got[1] == (TYPE)VALUE(me, 2));                                                           \
    shmem_barrier_all();                                                                           \
    shmem_free(heap);                                                                              \
    }
OSHMPI_P2P_TYPES(TEST_GENERIC)
#define RUN_GENERIC(TYPE, TN) test_generic_##TN();
#else
#define RUN_GENERIC(TYPE, TN)
#endif

/* The sized and byte forms. */
static void test_sized(void)
{
    static uint64_t target[N];
    static uint32_t target32[N];
    uint64_t src[N], back[N];
    uint32_t src32[N];
    int i;
    for (i = 0; i < N; ++i) {
        src[i] = (uint64_t)VALUE(me, i) << 40;
        src32[i] = (uint32_t)VALUE(me, i);
    }
    shmem_put64(target, src, N, right);
    shmem_ctx_put32(SHMEM_CTX_DEFAULT, target32, src32, N, right);
    shmem_barrier_all();
    for (i = 0; i < N; ++i) CHECK(target[i] == (uint64_t)VALUE(left, i) << 40);
    for (i = 0; i < N; ++i) CHECK_EQ(target32[i], VALUE(left, i));
    shmem_get64(back, target, N, right);
    CHECK(back[3] == (uint64_t)VALUE(me, 3) << 40);
    shmem_getmem(back, target, 2 * sizeof(uint64_t), right);
    CHECK(back[1] == (uint64_t)VALUE(me, 1) << 40);
    shmem_barrier_all();
    shmem_putmem_nbi(target, src + 4, 4 * sizeof(uint64_t), right);
    shmem_put128(&target[4], src, 2, right);
    shmem_iput64(&target[N - 1], src, 1, 1, 1, right);
    shmem_quiet();
    shmem_barrier_all();
    CHECK(target[0] == (uint64_t)VALUE(left, 4) << 40);
    CHECK(target[5] == (uint64_t)VALUE(left, 1) << 40);
    CHECK(target[N - 1] == (uint64_t)VALUE(left, 0) << 40);
    /* the block-strided extension: blocks of 2 from every 4th element into every 3rd */
    {
        static long blocks[12];
        long from[8] = {1, 2, 0, 0, 3, 4, 0, 0}, back2[8] = {0};
        shmemx_long_ibput(blocks, from, 3, 4, 2, 2, right);
        shmem_barrier_all();
        CHECK(blocks[0] == 1 && blocks[1] == 2 && blocks[3] == 3 && blocks[4] == 4);
        shmemx_long_ibget(back2, blocks, 4, 3, 2, 2, right);
        CHECK(back2[0] == 1 && back2[1] == 2 && back2[4] == 3 && back2[5] == 4);
        shmem_barrier_all();
    }
    /* zero-length transfers are no-ops */
    shmem_putmem(target, src, 0, right);
    shmem_getmem(back, target, 0, right);
}

int main(void)
{
    check_start();
#define RUN(TYPE, TN) test_##TN();
    OSHMPI_RMA_TYPES(RUN)
    OSHMPI_P2P_TYPES(RUN_GENERIC)
    test_sized();
    return check_finish("test_rma");
}
