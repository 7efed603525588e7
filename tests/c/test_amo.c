/* Every typed AMO of the standard, extended and bitwise tables (plain, context, nonblocking and the
 * deprecated names), on global and heap targets, with all PEs hitting PE 0's word. */
#include <shmem.h>

#include "check.h"


#define TEST_STANDARD(TYPE, TN)                                                                    \
    static void test_standard_##TN(void)                                                           \
    {                                                                                              \
        static TYPE counter;                                                                       \
        TYPE* heap = (TYPE*)shmem_calloc(1, sizeof(TYPE));                                         \
        TYPE fetched = 0;                                                                          \
        counter = 0;                                                                               \
        shmem_barrier_all();                                                                       \
        /* every PE adds me + 1 and increments once: total n(n+1)/2 + n */                         \
        shmem_##TN##_atomic_add(&counter, (TYPE)(me + 1), 0);                                      \
        shmem_ctx_##TN##_atomic_inc(SHMEM_CTX_DEFAULT, &counter, 0);                               \
        CHECK(shmem_##TN##_atomic_fetch_add(heap, (TYPE)1, 0) < (TYPE)(4 * npes));                 \
        CHECK(shmem_ctx_##TN##_atomic_fetch_inc(SHMEM_CTX_DEFAULT, heap, 0) < (TYPE)(4 * npes));   \
        shmem_##TN##_atomic_fetch_add_nbi(&fetched, heap, (TYPE)2, 0);                             \
        shmem_quiet();                                                                             \
        CHECK(fetched < (TYPE)(4 * npes));                                                         \
        shmem_barrier_all();                                                                       \
        if (me == 0) {                                                                             \
            CHECK(counter == (TYPE)(npes * (npes + 1) / 2 + npes));                                \
            CHECK(*heap == (TYPE)(4 * npes));                                                      \
        }                                                                                          \
        shmem_barrier_all();                                                                       \
        /* compare-and-swap: exactly one PE wins */                                                \
        {                                                                                          \
            static int winners;                                                                    \
            TYPE old = shmem_##TN##_atomic_compare_swap(&counter,                                  \
                                                        (TYPE)(npes * (npes + 1) / 2 + npes),      \
                                                        (TYPE)(100 + me), 0);                      \
            if (old == (TYPE)(npes * (npes + 1) / 2 + npes)) shmem_int_atomic_inc(&winners, 0);    \
            shmem_barrier_all();                                                                   \
            if (me == 0) CHECK_EQ(winners, 1);                                                     \
            shmem_ctx_##TN##_atomic_compare_swap_nbi(SHMEM_CTX_DEFAULT, &fetched, &counter,        \
                                                     (TYPE)12345, (TYPE)0, 0);                     \
            shmem_##TN##_atomic_fetch_inc_nbi(&fetched, heap, (me + 1) % npes);                    \
            shmem_quiet();                                                                         \
            shmem_barrier_all();                                                                   \
        }                                                                                          \
        shmem_free(heap);                                                                          \
    }

#define TEST_EXTENDED(TYPE, TN)                                                                    \
    static void test_extended_##TN(void)                                                           \
    {                                                                                              \
        static TYPE word;                                                                          \
        TYPE fetched = 0;                                                                          \
        shmem_##TN##_atomic_set(&word, (TYPE)(me + 1), right);                                     \
        shmem_barrier_all();                                                                       \
        CHECK(word == (TYPE)((me + npes - 1) % npes + 1));                                         \
        CHECK(shmem_ctx_##TN##_atomic_fetch(SHMEM_CTX_DEFAULT, &word, right) == (TYPE)(me + 1));   \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_##TN##_atomic_swap(&word, (TYPE)(50 + me), right) == (TYPE)(me + 1));          \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_atomic_fetch_nbi(&fetched, &word, right);                                     \
        shmem_quiet();                                                                             \
        CHECK(fetched == (TYPE)(50 + me));                                                         \
        shmem_barrier_all();                                                                       \
        shmem_ctx_##TN##_atomic_swap_nbi(SHMEM_CTX_DEFAULT, &fetched, &word, (TYPE)7, right);      \
        shmem_ctx_quiet(SHMEM_CTX_DEFAULT);                                                        \
        CHECK(fetched == (TYPE)(50 + me));                                                         \
        shmem_barrier_all();                                                                       \
    }

#define TEST_BITWISE(TYPE, TN)                                                                     \
    static void test_bitwise_##TN(void)                                                            \
    {                                                                                              \
        static TYPE bits;                                                                          \
        TYPE fetched;                                                                              \
        bits = (TYPE)0;                                                                            \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_atomic_or(&bits, (TYPE)((TYPE)1 << me), 0);                                   \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK(bits == (TYPE)(((TYPE)1 << npes) - 1));                                 \
        shmem_barrier_all();                                                                       \
        fetched = shmem_##TN##_atomic_fetch_and(&bits, (TYPE)~((TYPE)1 << me), 0);                 \
        CHECK((fetched & ((TYPE)1 << me)) != 0);                                                   \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK(bits == (TYPE)0);                                                       \
        shmem_barrier_all();                                                                       \
        shmem_ctx_##TN##_atomic_xor(SHMEM_CTX_DEFAULT, &bits, (TYPE)3, 0);                         \
        shmem_##TN##_atomic_fetch_or_nbi(&fetched, &bits, (TYPE)0, 0);                             \
        shmem_quiet();                                                                             \
        shmem_barrier_all();                                                                       \
        if (me == 0) CHECK(bits == (TYPE)(npes % 2 ? 3 : 0));                                      \
        CHECK(shmem_##TN##_atomic_fetch_xor(&bits, (TYPE)0, 0) == (TYPE)(npes % 2 ? 3 : 0));       \
        shmem_##TN##_atomic_fetch_and_nbi(&fetched, &bits, (TYPE)1, 0);                            \
        shmem_##TN##_atomic_fetch_xor_nbi(&fetched, &bits, (TYPE)0, 0);                            \
        shmem_quiet();                                                                             \
        shmem_barrier_all();                                                                       \
    }

#define TEST_DEPRECATED(TYPE, TN)                                                                  \
    static void test_deprecated_##TN(void)                                                         \
    {                                                                                              \
        static TYPE word;                                                                          \
        word = 0;                                                                                  \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_add(&word, (TYPE)2, 0);                                                       \
        shmem_##TN##_inc(&word, 0);                                                                \
        CHECK(shmem_##TN##_fadd(&word, (TYPE)0, 0) >= (TYPE)3);                                    \
        CHECK(shmem_##TN##_finc(&word, 0) >= (TYPE)3);                                             \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_##TN##_fetch(&word, 0) == (TYPE)(4 * npes));                                   \
        shmem_barrier_all();                                                                       \
        CHECK(shmem_##TN##_cswap(&word, (TYPE)-1, (TYPE)0, 0) == (TYPE)(4 * npes));                \
        shmem_barrier_all();                                                                       \
        if (me == 0) shmem_##TN##_set(&word, (TYPE)9, npes - 1);                                   \
        shmem_barrier_all();                                                                       \
        if (me == npes - 1) CHECK(shmem_##TN##_swap(&word, (TYPE)1, me) == (TYPE)9);               \
        shmem_barrier_all();                                                                       \
    }

OSHMPI_AMO_STANDARD_TYPES(TEST_STANDARD)
OSHMPI_AMO_EXTENDED_TYPES(TEST_EXTENDED)
OSHMPI_AMO_BITWISE_TYPES(TEST_BITWISE)
OSHMPI_DEPRECATED_AMO_TYPES(TEST_DEPRECATED)

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
/* The generic AMO names (expanded outside the AMO tables' own expansion). */
static void test_generic(void)
{
    static long counter;
    static unsigned int bits;
    static double real;
    long fetched = 0;
    shmem_barrier_all();
    shmem_atomic_add(&counter, 2L, 0);
    shmem_atomic_inc(SHMEM_CTX_DEFAULT, &counter, 0);
    (void)shmem_atomic_fetch_add(&counter, 0L, 0);
    shmem_atomic_fetch_inc_nbi(&fetched, &counter, 0);
    shmem_quiet();
    shmem_atomic_or(&bits, 1u << me, 0);
    shmem_barrier_all();
    CHECK_EQ(shmem_atomic_fetch(&counter, 0), 4 * npes);
    CHECK_EQ(shmem_atomic_fetch(SHMEM_CTX_DEFAULT, &bits, 0), (1u << npes) - 1);
    shmem_barrier_all();
    if (me == 0) shmem_atomic_set(&real, 2.5, npes - 1);
    shmem_barrier_all();
    if (me == npes - 1) CHECK(shmem_atomic_swap(&real, 1.0, me) == 2.5);
    CHECK_EQ(shmem_atomic_compare_swap(&counter, -1L, 0L, 0), 4 * npes);
    shmem_barrier_all();
}
#define RUN_GENERIC test_generic();
#else
#define RUN_GENERIC
#endif

int main(void)
{
    check_start();
#define RUN_STANDARD(TYPE, TN) test_standard_##TN();
#define RUN_EXTENDED(TYPE, TN) test_extended_##TN();
#define RUN_BITWISE(TYPE, TN) test_bitwise_##TN();
#define RUN_DEPRECATED(TYPE, TN) test_deprecated_##TN();
    OSHMPI_AMO_STANDARD_TYPES(RUN_STANDARD)
    OSHMPI_AMO_EXTENDED_TYPES(RUN_EXTENDED)
    OSHMPI_AMO_BITWISE_TYPES(RUN_BITWISE)
    OSHMPI_DEPRECATED_AMO_TYPES(RUN_DEPRECATED)
    RUN_GENERIC
    return check_finish("test_amo");
}
