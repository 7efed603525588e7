/* The deprecated API of OpenSHMEM 1.5 and 1.6 (the Annex "OpenSHMEM Specification and Deprecated
 * API"), name by name, as an OpenSHMEM 1.0-1.4 program in C99 uses it: start_pes, _my_pe,
 * _num_pes; shmalloc, shrealloc, shmemalign, shfree; the _SHMEM_* constants; the cache routines;
 * shmem_TYPENAME_{fetch,set,swap,cswap,finc,inc,fadd,add}; shmem_wait, shmem_TYPENAME_wait and the
 * long shmem_wait_until; shmem_short/ushort_wait_until and _test; and the active-set collectives with pSync (shmem_barrier, shmem_sync,
 * broadcast/collect/fcollect/alltoall/alltoalls 32 and 64, every shmem_TYPENAME_OP_to_all), on the
 * whole world and on the even PEs (logPE_stride 1). Every result is checked. The C11 generic
 * deprecated AMO names are built too (test_deprecated_c11); mpp/shmem.h and the implicit
 * finalization have their own tests (test_headers, test_implicit_finalize). */
#include <mpp/shmem.h>
#include <string.h>

#include "check.h"

/* ---- pSync and pWrk, as a 1.4 program declares them ---- */
static long psync_a[_SHMEM_REDUCE_SYNC_SIZE], psync_b[_SHMEM_REDUCE_SYNC_SIZE];
static long psync_collect[_SHMEM_COLLECT_SYNC_SIZE], psync_bcast[_SHMEM_BCAST_SYNC_SIZE];
static long psync_barrier[_SHMEM_BARRIER_SYNC_SIZE], psync_alltoall[SHMEM_ALLTOALL_SYNC_SIZE];

static void reset_psync(long* psync, int n)
{
    int i;
    for (i = 0; i < n; ++i) psync[i] = _SHMEM_SYNC_VALUE;
}

/* The active sets used: the world, and the even PEs (start 0, logPE_stride 1). */
static int set_size(int log_stride)
{
    return log_stride == 0 ? npes : (npes + 1) / 2;
}
static int in_set(int pe, int log_stride)
{
    return pe % (1 << log_stride) == 0;
}

static void setup_and_memory(void)
{
    int i, wrong = 0;
    CHECK_EQ(_my_pe(), shmem_my_pe());
    CHECK_EQ(_num_pes(), shmem_n_pes());
    long* a = (long*)shmalloc(16 * sizeof(long));
    CHECK(a != NULL);
    for (i = 0; i < 16; ++i) a[i] = me * 100 + i;
    shmem_barrier_all();
    long* b = (long*)shrealloc(a, 64 * sizeof(long)); /* keeps the first 16 values */
    CHECK(b != NULL);
    for (i = 0; i < 16; ++i) wrong += b[i] != me * 100 + i;
    CHECK_EQ(wrong, 0);
    b[63] = me;
    shmem_barrier_all();
    CHECK_EQ(shmem_long_g(&b[63], right), right); /* symmetric: reachable on the neighbour */
    double* aligned = (double*)shmemalign(256, 8 * sizeof(double));
    CHECK(aligned != NULL && ((size_t)aligned % 256) == 0);
    aligned[0] = 0.5 * me;
    shmem_barrier_all();
    CHECK(shmem_double_g(aligned, left) == 0.5 * left);
    shmem_barrier_all();
    shfree(aligned);
    shfree(b);
}

static void constants_and_cache(void)
{
    static char target[8];
    CHECK_EQ(_SHMEM_MAJOR_VERSION, 1);
    CHECK_EQ(_SHMEM_MINOR_VERSION, 6);
    CHECK_EQ(_SHMEM_MAX_NAME_LEN, SHMEM_MAX_NAME_LEN);
    CHECK(strcmp(_SHMEM_VENDOR_STRING, SHMEM_VENDOR_STRING) == 0);
    CHECK_EQ(_SHMEM_SYNC_VALUE, SHMEM_SYNC_VALUE);
    CHECK(_SHMEM_BARRIER_SYNC_SIZE >= 1 && _SHMEM_BCAST_SYNC_SIZE >= 1);
    CHECK(_SHMEM_COLLECT_SYNC_SIZE >= 1 && _SHMEM_REDUCE_SYNC_SIZE >= 1);
    CHECK(_SHMEM_REDUCE_MIN_WRKDATA_SIZE >= 1);
    CHECK_EQ(_SHMEM_CMP_EQ, SHMEM_CMP_EQ);
    CHECK_EQ(_SHMEM_CMP_NE, SHMEM_CMP_NE);
    CHECK_EQ(_SHMEM_CMP_LT, SHMEM_CMP_LT);
    CHECK_EQ(_SHMEM_CMP_LE, SHMEM_CMP_LE);
    CHECK_EQ(_SHMEM_CMP_GT, SHMEM_CMP_GT);
    CHECK_EQ(_SHMEM_CMP_GE, SHMEM_CMP_GE);
    /* No-ops on cache-coherent machines: they must exist, link and leave memory alone. */
    target[0] = 'x';
    shmem_clear_cache_inv();
    shmem_set_cache_inv();
    shmem_clear_cache_line_inv(target);
    shmem_set_cache_line_inv(target);
    shmem_udcflush();
    shmem_udcflush_line(target);
    CHECK_EQ(target[0], 'x');
}

/* shmem_TYPENAME_{cswap,finc,inc,fadd,add} (int, long, long long): every PE adds to PE 0's
 * counter 1 + 2 + 1 + 3 and swaps its right neighbour's slot from 0 to me + 1. */
#define TEST_AMO(TYPE, TN)                                                                         \
    static void amo_##TN(void)                                                                     \
    {                                                                                              \
        static TYPE counter, slot;                                                                 \
        counter = 0;                                                                               \
        slot = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_inc(&counter, 0);                                                             \
        shmem_##TN##_add(&counter, 2, 0);                                                          \
        TYPE before_finc = shmem_##TN##_finc(&counter, 0);                                         \
        TYPE before_fadd = shmem_##TN##_fadd(&counter, 3, 0);                                      \
        CHECK(before_finc >= 0 && before_finc < 7 * npes);                                         \
        CHECK(before_fadd >= 1 && before_fadd < 7 * npes);                                         \
        CHECK_EQ(shmem_##TN##_cswap(&slot, 0, (TYPE)(me + 1), right), 0);                          \
        CHECK_EQ(shmem_##TN##_cswap(&slot, 0, (TYPE)99, right), me + 1); /* no longer 0 */         \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK_EQ(counter, 7 * npes);                                                  \
        CHECK_EQ(slot, left + 1);                                                                  \
        shmem_barrier_all();                                                                       \
    }
TEST_AMO(int, int)
TEST_AMO(long, long)
TEST_AMO(long long, longlong)

/* shmem_TYPENAME_{fetch,set,swap} (also float and double). */
#define TEST_AMO_EXTENDED(TYPE, TN)                                                                \
    static void amo_extended_##TN(void)                                                            \
    {                                                                                              \
        static TYPE word;                                                                          \
        word = (TYPE)-1;                                                                           \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_set(&word, (TYPE)(me + 2), right);                                            \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_##TN##_fetch(&word, me) == (TYPE)(left + 2));                                  \
        CHECK(shmem_##TN##_fetch(&word, right) == (TYPE)(me + 2));                                 \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_##TN##_swap(&word, (TYPE)(10 * me), right) == (TYPE)(me + 2));                 \
        shmem_barrier_all();                                                                       \
        CHECK(word == (TYPE)(10 * left));                                                          \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(TEST_AMO_EXTENDED)

/* shmem_TYPENAME_wait (short, int, long, long long), shmem_wait and the long shmem_wait_until. */
#define TEST_WAIT(TYPE, TN)                                                                        \
    static void wait_##TN(void)                                                                    \
    {                                                                                              \
        static TYPE flag;                                                                          \
        flag = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_p(&flag, (TYPE)(me + 1), right);                                              \
        shmem_##TN##_wait(&flag, 0); /* returns once flag != 0 */                                  \
        CHECK_EQ(flag, left + 1);                                                                  \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_DEPRECATED_WAIT_TYPES(TEST_WAIT)

static void wait_long_untyped(void)
{
    static long flag, other;
    flag = other = 0;
    shmem_barrier_all();
    shmem_long_p(&flag, 5, right);
    shmem_wait(&flag, 0);
    CHECK_EQ(flag, 5);
    shmem_long_atomic_add(&other, me + 1, right);
    shmem_wait_until(&other, SHMEM_CMP_EQ, left + 1); /* the deprecated long routine */
    CHECK_EQ(other, left + 1);
    shmem_barrier_all();
}

/* Deprecated in 1.5: shmem_short/ushort_wait_until and _test, and (C11) the generic names on
 * short and unsigned short. */
static void short_p2p(void)
{
    static short s;
    static unsigned short us;
    s = 0;
    us = 0;
    shmem_barrier_all();
    shmem_short_p(&s, (short)(me + 1), right);
    shmem_ushort_p(&us, (unsigned short)(me + 2), right);
    shmem_short_wait_until(&s, SHMEM_CMP_EQ, (short)(left + 1));
    shmem_ushort_wait_until(&us, SHMEM_CMP_GE, (unsigned short)(left + 2));
    CHECK_EQ(shmem_short_test(&s, SHMEM_CMP_EQ, (short)(left + 1)), 1);
    CHECK_EQ(shmem_ushort_test(&us, SHMEM_CMP_LT, (unsigned short)1), 0);
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
    CHECK_EQ(shmem_test(&s, SHMEM_CMP_NE, (short)0), 1);
    shmem_wait_until(&us, SHMEM_CMP_EQ, (unsigned short)(left + 2));
#endif
    CHECK_EQ(us, left + 2);
    shmem_barrier_all();
}

/* shmem_barrier and the active-set shmem_sync: stores before them are visible after them. */
static void barrier_and_sync(int log_stride)
{
    static long word;
    int size = set_size(log_stride);
    word = 0;
    shmem_barrier_all();
    if (in_set(me, log_stride)) {
        int next = (me + (1 << log_stride)) % (size << log_stride);
        shmem_long_p(&word, me + 1, next);
        reset_psync(psync_barrier, _SHMEM_BARRIER_SYNC_SIZE);
        shmem_barrier(0, log_stride, size, psync_barrier); /* quiet, then the active set's barrier */
        int prev = (me - (1 << log_stride) + (size << log_stride)) % (size << log_stride);
        CHECK_EQ(word, prev + 1);
        word = 100 + me; /* a local store, visible to the set after shmem_sync */
        shmem_sync(0, log_stride, size, psync_b);
        CHECK_EQ(shmem_long_g(&word, next), 100 + next);
        shmem_sync(0, log_stride, size, psync_b);
    }
    shmem_barrier_all();
}

/* broadcast, collect, fcollect, alltoall, alltoalls in 32 and 64 bits over an active set. */
#define TEST_ACTIVE_SET(BITS, TYPE)                                                                \
    static void active_set_##BITS(int log_stride)                                                  \
    {                                                                                              \
        static TYPE src[8], dst[64];                                                               \
        int size = set_size(log_stride), rank = me >> log_stride, i, k, wrong = 0;                 \
        for (i = 0; i < 8; ++i) src[i] = (TYPE)(rank * 10 + i);                                    \
        for (i = 0; i < 64; ++i) dst[i] = (TYPE)-1;                                                \
        shmem_barrier_all();                                                                       \
        if (in_set(me, log_stride)) {                                                              \
            int root = size - 1; /* a rank in the set */                                           \
            reset_psync(psync_bcast, _SHMEM_BCAST_SYNC_SIZE);                                      \
            shmem_broadcast##BITS(dst, src, 3, root, 0, log_stride, size, psync_bcast);            \
            for (i = 0; i < 3; ++i) wrong += rank != root && dst[i] != (TYPE)(root * 10 + i);      \
            wrong += rank == root && dst[0] != (TYPE)-1; /* the root's dest is left alone */       \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
            /* collect: rank r contributes r + 1 elements */                                       \
            shmem_collect##BITS(dst, src, (size_t)(rank + 1), 0, log_stride, size, psync_collect); \
            int at = 0;                                                                            \
            for (k = 0; k < size; ++k)                                                             \
                for (i = 0; i <= k; ++i) wrong += dst[at++] != (TYPE)(k * 10 + i);                 \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
            shmem_fcollect##BITS(dst, src, 2, 0, log_stride, size, psync_collect);                 \
            for (k = 0; k < size; ++k)                                                             \
                for (i = 0; i < 2; ++i) wrong += dst[2 * k + i] != (TYPE)(k * 10 + i);            \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
            /* alltoall: block k of src (1 element, src[k]) goes to rank k */                      \
            shmem_alltoall##BITS(dst, src, 1, 0, log_stride, size, psync_alltoall);                \
            for (k = 0; k < size; ++k) wrong += dst[k] != (TYPE)(k * 10 + rank);                   \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
            /* alltoalls: element k of src at stride 2 goes to rank k, stored at stride 3 */       \
            for (i = 0; i < 64; ++i) dst[i] = (TYPE)-1;                                            \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
            shmem_alltoalls##BITS(dst, src, 3, 2, 1, 0, log_stride, size, psync_alltoall);         \
            for (k = 0; k < size; ++k) wrong += dst[3 * k] != (TYPE)(k * 10 + 2 * rank);           \
            wrong += size > 1 && dst[1] != (TYPE)-1;                                               \
            shmem_barrier(0, log_stride, size, psync_barrier);                                     \
        }                                                                                          \
        CHECK_EQ(wrong, 0);                                                                        \
        shmem_barrier_all();                                                                       \
    }
TEST_ACTIVE_SET(32, uint32_t)
TEST_ACTIVE_SET(64, uint64_t)

/* shmem_TYPENAME_OP_to_all, every table entry: three elements, member rank r contributing r + 1
 * (sum, prod, max, min) or bit r (and: all bits but r; or, xor: bit r). */
#define TO_ALL_BODY(TYPE, TN, OP, VALUE, EXPECT)                                                   \
    {                                                                                              \
        static TYPE source[3], dest[3], work[_SHMEM_REDUCE_MIN_WRKDATA_SIZE + 3];                  \
        int size = set_size(log_stride), rank = me >> log_stride, i, k, wrong = 0;                 \
        TYPE expect = (TYPE)0;                                                                     \
        for (i = 0; i < 3; ++i) source[i] = (TYPE)(VALUE(rank));                                   \
        for (k = 0; k < size; ++k) expect = k == 0 ? (TYPE)(VALUE(k)) : EXPECT(expect, (TYPE)(VALUE(k))); \
        shmem_barrier_all();                                                                       \
        if (in_set(me, log_stride)) {                                                              \
            shmem_##TN##_##OP##_to_all(dest, source, 3, 0, log_stride, size, work, psync_a);       \
            for (i = 0; i < 3; ++i) wrong += dest[i] != expect;                                    \
            /* in place, with the other pSync (consecutive reductions alternate pSync arrays) */   \
            shmem_##TN##_##OP##_to_all(source, source, 3, 0, log_stride, size, work, psync_b);     \
            for (i = 0; i < 3; ++i) wrong += source[i] != expect;                                  \
        }                                                                                          \
        if (wrong) fprintf(stderr, "PE %d: shmem_%s_%s_to_all (logPE_stride %d) is wrong\n", me, #TN, #OP, log_stride); \
        CHECK_EQ(wrong, 0);                                                                        \
        shmem_barrier_all();                                                                       \
    }
#define PLUS_ONE(r) ((r) + 1)
#define BIT(r) (1 << (r))
#define ALL_BUT_BIT(r) (15 & ~(1 << (r)))
#define SUM(a, b) ((a) + (b))
#define PROD(a, b) ((a) * (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define AND(a, b) ((a) & (b))
#define OR(a, b) ((a) | (b))
#define XOR(a, b) ((a) ^ (b))
#define TEST_TO_ALL_BITWISE(TYPE, TN)                                                              \
    static void to_all_and_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, and, ALL_BUT_BIT, AND)       \
    static void to_all_or_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, or, BIT, OR)                  \
    static void to_all_xor_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, xor, BIT, XOR)
#define TEST_TO_ALL_MINMAX(TYPE, TN)                                                               \
    static void to_all_max_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, max, PLUS_ONE, MAX)         \
    static void to_all_min_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, min, PLUS_ONE, MIN)
#define TEST_TO_ALL_ARITH(TYPE, TN)                                                                \
    static void to_all_sum_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, sum, PLUS_ONE, SUM)         \
    static void to_all_prod_##TN(int log_stride) TO_ALL_BODY(TYPE, TN, prod, PLUS_ONE, PROD)
OSHMPI_TO_ALL_BITWISE_TYPES(TEST_TO_ALL_BITWISE)
OSHMPI_TO_ALL_MINMAX_TYPES(TEST_TO_ALL_MINMAX)
/* Complex has no max/min: sum and prod only (the arithmetic table minus the min/max one). */
OSHMPI_TO_ALL_ARITH_TYPES(TEST_TO_ALL_ARITH)

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
/* The C11 generic deprecated names: shmem_fetch, set, swap, cswap, finc, inc, fadd, add. */
static void amo_generic(void)
{
    static long counter;
    static double word;
    counter = 0;
    word = 0.0;
    shmem_barrier_all();
    shmem_inc(&counter, 0);
    shmem_add(&counter, 2L, 0);
    CHECK(shmem_finc(&counter, 0) >= 0);
    CHECK(shmem_fadd(&counter, 3L, 0) >= 1);
    shmem_set(&word, 1.5 + me, right);
    shmem_barrier_all();
    if (me == 0) CHECK_EQ(counter, 7 * npes);
    CHECK(shmem_fetch(&word, me) == 1.5 + left);
    shmem_barrier_all();
    CHECK(shmem_swap(&word, 0.25, right) == 1.5 + me);
    CHECK_EQ(shmem_cswap(&counter, 0L, 5L, me), me == 0 ? 7 * npes : 0);
    shmem_barrier_all();
    CHECK(word == 0.25);
    if (me != 0) CHECK_EQ(counter, 5);
    shmem_barrier_all();
}
#define RUN_GENERIC amo_generic();
#else
#define RUN_GENERIC
#endif

#define RUN_AMO_EXTENDED(TYPE, TN) amo_extended_##TN();
#define RUN_WAIT(TYPE, TN) wait_##TN();
#define RUN_TO_ALL_BITWISE(TYPE, TN) to_all_and_##TN(s); to_all_or_##TN(s); to_all_xor_##TN(s);
#define RUN_TO_ALL_MINMAX(TYPE, TN) to_all_max_##TN(s); to_all_min_##TN(s);
#define RUN_TO_ALL_ARITH(TYPE, TN) to_all_sum_##TN(s); to_all_prod_##TN(s);

int main(void)
{
    int s;
    start_pes(0); /* the deprecated initialization; a second call does nothing */
    start_pes(4);
    me = _my_pe();
    npes = _num_pes();
    right = (me + 1) % npes;
    left = (me + npes - 1) % npes;
    reset_psync(psync_a, _SHMEM_REDUCE_SYNC_SIZE);
    reset_psync(psync_b, _SHMEM_REDUCE_SYNC_SIZE);
    reset_psync(psync_collect, _SHMEM_COLLECT_SYNC_SIZE);
    reset_psync(psync_alltoall, SHMEM_ALLTOALL_SYNC_SIZE);
    reset_psync(psync_barrier, _SHMEM_BARRIER_SYNC_SIZE);
    shmem_barrier_all(); /* every pSync is set before any PE uses one */

    setup_and_memory();
    constants_and_cache();
    amo_int();
    amo_long();
    amo_longlong();
    OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(RUN_AMO_EXTENDED)
    OSHMPI_DEPRECATED_WAIT_TYPES(RUN_WAIT)
    wait_long_untyped();
    short_p2p();
    RUN_GENERIC
    for (s = 0; s <= 1; ++s) {
        barrier_and_sync(s);
        active_set_32(s);
        active_set_64(s);
        OSHMPI_TO_ALL_BITWISE_TYPES(RUN_TO_ALL_BITWISE)
        OSHMPI_TO_ALL_MINMAX_TYPES(RUN_TO_ALL_MINMAX)
        OSHMPI_TO_ALL_ARITH_TYPES(RUN_TO_ALL_ARITH)
    }
    return check_finish("test_deprecated");
}
