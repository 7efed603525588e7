/* The C11 generic bindings resolve every type of each routine's own spec table, the fixed-width
 * ones included whether or not their plain twin is in the same table (shmem_atomic_and on int32_t,
 * shmem_and_reduce on int8_t), and the generic forms without an element type: shmem_sync(team)
 * beside the deprecated active-set shmem_sync, and the deprecated AMO names (shmem_fadd, ...).
 * Each type's test drives the generic name and checks the values. */
#include <shmem.h>

#include "check.h"

/* RMA (Table 5): put, p, g, get, iput, put_nbi and the team broadcast through the generic names.
 * Ring: each PE writes to its right neighbour; `second` is the left neighbour of our left one. */
#define TEST_RMA(TYPE, TN)                                                                         \
    static void rma_##TN(void)                                                                     \
    {                                                                                              \
        static TYPE dest[4], bcast[2], bsrc[2];                                                           \
        TYPE src[4] = {(TYPE)me, (TYPE)(me + 1), (TYPE)(me + 2), (TYPE)(me + 3)}, got[4];          \
        int second = (left + npes - 1) % npes;                                                     \
        shmem_put(dest, src, 4, right);                                                            \
        shmem_barrier_all();                                                                       \
        CHECK(dest[3] == (TYPE)(left + 3));                                                        \
        shmem_barrier_all();                                                                       \
        shmem_p(&dest[0], (TYPE)(me + 7), right);                                                  \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_g(SHMEM_CTX_DEFAULT, &dest[0], left) == (TYPE)(second + 7));                   \
        shmem_get(got, dest, 4, left);                                                             \
        CHECK(got[1] == (TYPE)(second + 1));                                                       \
        shmem_barrier_all();                                                                       \
        shmem_iput(SHMEM_CTX_DEFAULT, dest, src, 2, 1, 2, right);                                  \
        shmem_barrier_all();                                                                       \
        CHECK(dest[0] == (TYPE)left && dest[1] == (TYPE)(left + 1) && dest[2] == (TYPE)(left + 1)); \
        shmem_barrier_all();                                                                       \
        shmem_put_nbi(dest, src, 4, right);                                                        \
        shmem_quiet();                                                                             \
        shmem_barrier_all();                                                                       \
        CHECK(dest[2] == (TYPE)(left + 2));                                                        \
        bsrc[0] = src[0];                                                                          \
        bsrc[1] = src[1];                                                                          \
        CHECK_EQ(shmem_broadcast(SHMEM_TEAM_WORLD, bcast, bsrc, 2, 0), 0);                         \
        CHECK(bcast[1] == (TYPE)1);                                                                \
        shmem_barrier_all();                                                                       \
    }
#define TEST_RMA_LATER(T, N) TEST_RMA CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_RMA_TYPES(TEST_RMA_LATER))

/* Standard AMOs (Table 6): every PE adds me + 1 to PE 0's word, then increments it. */
#define TEST_AMO_STANDARD(TYPE, TN)                                                                \
    static void amo_standard_##TN(void)                                                            \
    {                                                                                              \
        static TYPE word;                                                                          \
        TYPE fetched;                                                                              \
        const TYPE expected = (TYPE)(npes * (npes + 1) / 2 + npes);                                \
        word = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_atomic_add(&word, (TYPE)(me + 1), 0);                                                \
        (void)shmem_atomic_fetch_inc(SHMEM_CTX_DEFAULT, &word, 0);                                 \
        shmem_atomic_fetch_add_nbi(&fetched, &word, (TYPE)0, 0);                                   \
        shmem_quiet();                                                                             \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK(shmem_atomic_compare_swap(&word, expected, (TYPE)1, 0) == expected);    \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_atomic_fetch(&word, 0) == (TYPE)1);                                            \
        shmem_barrier_all();                                                                       \
    }
#define TEST_AMO_STANDARD_LATER(T, N) TEST_AMO_STANDARD CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_AMO_STANDARD_TYPES(TEST_AMO_STANDARD_LATER))

/* Extended AMOs (Table 7): set, swap and fetch on our right neighbour's word. */
#define TEST_AMO_EXTENDED(TYPE, TN)                                                                \
    static void amo_extended_##TN(void)                                                            \
    {                                                                                              \
        static TYPE word;                                                                          \
        shmem_atomic_set(&word, (TYPE)(me + 2), right);                                            \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_atomic_swap(SHMEM_CTX_DEFAULT, &word, (TYPE)3, me) == (TYPE)(left + 2));       \
        CHECK(shmem_atomic_fetch(&word, me) == (TYPE)3);                                           \
        shmem_barrier_all();                                                                       \
    }
#define TEST_AMO_EXTENDED_LATER(T, N) TEST_AMO_EXTENDED CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_AMO_EXTENDED_TYPES(TEST_AMO_EXTENDED_LATER))

/* Bitwise AMOs (Table 8, which holds int32_t without int): each PE sets its bit in PE 0's word,
 * then clears it again with and, through the context form. */
#define TEST_AMO_BITWISE(TYPE, TN)                                                                 \
    static void amo_bitwise_##TN(void)                                                             \
    {                                                                                              \
        static TYPE word;                                                                          \
        word = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_atomic_or(&word, (TYPE)((TYPE)1 << me), 0);                                          \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_atomic_fetch_xor(&word, (TYPE)0, 0) == (TYPE)(((TYPE)1 << npes) - 1));         \
        shmem_barrier_all();                                                                       \
        shmem_atomic_and(SHMEM_CTX_DEFAULT, &word, (TYPE)~((TYPE)1 << me), 0);                     \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_atomic_fetch(&word, 0) == (TYPE)0);                                            \
        shmem_barrier_all();                                                                       \
    }
#define TEST_AMO_BITWISE_LATER(T, N) TEST_AMO_BITWISE CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_AMO_BITWISE_TYPES(TEST_AMO_BITWISE_LATER))

/* Point-to-point synchronization (Table 13 of 1.5: the standard AMO types plus short, ushort). */
#define TEST_P2P(TYPE, TN)                                                                         \
    static void p2p_##TN(void)                                                                     \
    {                                                                                              \
        static TYPE ivars[2];                                                                      \
        const TYPE values[2] = {(TYPE)5, (TYPE)6};                                                 \
        ivars[0] = (TYPE)5;                                                                        \
        ivars[1] = (TYPE)6;                                                                        \
        shmem_wait_until(&ivars[0], SHMEM_CMP_EQ, (TYPE)5);                                        \
        CHECK(shmem_test(&ivars[1], SHMEM_CMP_GT, (TYPE)5));                                       \
        CHECK(shmem_test_all_vector(ivars, 2, NULL, SHMEM_CMP_EQ, values));                        \
        CHECK_EQ(shmem_wait_until_any(ivars, 2, NULL, SHMEM_CMP_EQ, (TYPE)6), 1);                  \
    }
#define TEST_P2P_LATER(T, N) TEST_P2P CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_P2P_TYPES(TEST_P2P_LATER))

/* Team reductions (Table 10): bitwise ones on int8_t... (no plain twins there), the others on all. */
#define TEST_REDUCE_BITWISE(TYPE, TN)                                                              \
    static void reduce_bitwise_##TN(void)                                                          \
    {                                                                                              \
        static TYPE src[1], dest[1];                                                               \
        src[0] = (TYPE)(1 << me);                                                                  \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_or_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                              \
        CHECK(dest[0] == (TYPE)((1 << npes) - 1));                                                 \
        CHECK_EQ(shmem_and_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                             \
        CHECK(dest[0] == (TYPE)(npes == 1 ? 1 : 0));                                               \
        CHECK_EQ(shmem_xor_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                             \
        CHECK(dest[0] == (TYPE)((1 << npes) - 1));                                                 \
        shmem_barrier_all();                                                                       \
    }
#define TEST_REDUCE_BITWISE_LATER(T, N) TEST_REDUCE_BITWISE CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_REDUCE_BITWISE_TYPES(TEST_REDUCE_BITWISE_LATER))
#define TEST_REDUCE_MINMAX(TYPE, TN)                                                               \
    static void reduce_minmax_##TN(void)                                                           \
    {                                                                                              \
        static TYPE src[1], dest[1];                                                               \
        src[0] = (TYPE)(me + 1);                                                                   \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_max_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                             \
        CHECK(dest[0] == (TYPE)npes);                                                              \
        CHECK_EQ(shmem_min_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                             \
        CHECK(dest[0] == (TYPE)1);                                                                 \
        shmem_barrier_all();                                                                       \
    }
#define TEST_REDUCE_MINMAX_LATER(T, N) TEST_REDUCE_MINMAX CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_REDUCE_MINMAX_TYPES(TEST_REDUCE_MINMAX_LATER))
#define TEST_REDUCE_ARITH(TYPE, TN)                                                                \
    static void reduce_arith_##TN(void)                                                            \
    {                                                                                              \
        static TYPE src[1], dest[1];                                                               \
        src[0] = (TYPE)(me == 0 ? 2 : 1);                                                          \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_sum_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                             \
        CHECK(dest[0] == (TYPE)(npes + 1));                                                        \
        CHECK_EQ(shmem_prod_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                            \
        CHECK(dest[0] == (TYPE)2);                                                                 \
        shmem_barrier_all();                                                                       \
    }
#define TEST_REDUCE_ARITH_LATER(T, N) TEST_REDUCE_ARITH CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_REDUCE_ARITH_TYPES(TEST_REDUCE_ARITH_LATER))

/* The deprecated generic AMO names (OpenSHMEM 1.3), which have no context forms. */
#define TEST_DEPRECATED_AMO(TYPE, TN)                                                              \
    static void deprecated_amo_##TN(void)                                                          \
    {                                                                                              \
        static TYPE word;                                                                          \
        const TYPE expected = (TYPE)(npes * (npes + 1) / 2 + 3 * npes);                            \
        word = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_add(&word, (TYPE)(me + 1), 0);                                                       \
        shmem_inc(&word, 0);                                                                       \
        (void)shmem_finc(&word, 0);                                                                \
        (void)shmem_fadd(&word, (TYPE)1, 0);                                                       \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK(shmem_cswap(&word, expected, (TYPE)-1, 0) == expected);                 \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_fetch(&word, 0) == (TYPE)-1);                                                  \
        shmem_barrier_all();                                                                       \
    }
#define TEST_DEPRECATED_AMO_LATER(T, N) TEST_DEPRECATED_AMO CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_DEPRECATED_AMO_TYPES(TEST_DEPRECATED_AMO_LATER))
#define TEST_DEPRECATED_AMO_EXTENDED(TYPE, TN)                                                     \
    static void deprecated_amo_extended_##TN(void)                                                 \
    {                                                                                              \
        static TYPE word;                                                                          \
        shmem_set(&word, (TYPE)(me + 2), right);                                                   \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_swap(&word, (TYPE)3, me) == (TYPE)(left + 2));                                 \
        CHECK(shmem_fetch(&word, me) == (TYPE)3);                                                  \
        shmem_barrier_all();                                                                       \
    }
#define TEST_DEPRECATED_AMO_EXTENDED_LATER(T, N) TEST_DEPRECATED_AMO_EXTENDED CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(TEST_DEPRECATED_AMO_EXTENDED_LATER))

/* shmem_sync(team) is the team barrier; with four arguments it is still the active-set one. */
static void sync_forms(void)
{
    static long pSync[SHMEM_BARRIER_SYNC_SIZE];
    static int flag;
    int i;
    for (i = 0; i < SHMEM_BARRIER_SYNC_SIZE; ++i) pSync[i] = SHMEM_SYNC_VALUE;
    flag = me + 1;
    CHECK_EQ(shmem_sync(SHMEM_TEAM_WORLD), 0);
    shmem_sync(0, 0, npes, pSync);
    shmem_int_p(&flag, -(me + 1), right);
    shmem_quiet();
    CHECK_EQ(shmem_sync(SHMEM_TEAM_WORLD), 0);
    CHECK_EQ(flag, -(left + 1));
    shmem_barrier_all();
}

int main(void)
{
    check_start();
#define RUN(TYPE, TN) rma_##TN();
    OSHMPI_RMA_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) amo_standard_##TN();
    OSHMPI_AMO_STANDARD_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) amo_extended_##TN();
    OSHMPI_AMO_EXTENDED_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) amo_bitwise_##TN();
    OSHMPI_AMO_BITWISE_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) p2p_##TN();
    OSHMPI_P2P_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) reduce_bitwise_##TN();
    OSHMPI_REDUCE_BITWISE_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) reduce_minmax_##TN();
    OSHMPI_REDUCE_MINMAX_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) reduce_arith_##TN();
    OSHMPI_REDUCE_ARITH_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) deprecated_amo_##TN();
    OSHMPI_DEPRECATED_AMO_TYPES(RUN)
#undef RUN
#define RUN(TYPE, TN) deprecated_amo_extended_##TN();
    OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(RUN)
#undef RUN
    sync_forms();
    return check_finish("test_generics");
}
