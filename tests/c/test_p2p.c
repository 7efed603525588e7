/* Point-to-point synchronization over the type table (wait_until, test and the multi-variable
 * forms), put-with-signal, and the deprecated shmem_wait. Each PE signals its right neighbour. */
#include <shmem.h>

#include "check.h"


#define TEST_P2P(TYPE, TN)                                                                         \
    static void test_##TN(void)                                                                    \
    {                                                                                              \
        static TYPE flags[4];                                                                      \
        static TYPE values[4] = {1, 2, 3, 4};                                                      \
        size_t indices[4];                                                                         \
        int status[4] = {0, 0, 1, 0}; /* element 2 takes no part */                                \
        int i;                                                                                     \
        for (i = 0; i < 4; ++i) flags[i] = 0;                                                      \
        CHECK_EQ(shmem_##TN##_test(&flags[0], SHMEM_CMP_NE, 0), 0);                                \
        shmem_barrier_all();                                                                       \
        shmem_##TN##_p(&flags[0], (TYPE)1, right);                                                 \
        shmem_##TN##_wait_until(&flags[0], SHMEM_CMP_EQ, 1);                                       \
        CHECK_EQ(shmem_##TN##_test(&flags[0], SHMEM_CMP_GE, 1), 1);                                \
        shmem_##TN##_p(&flags[1], (TYPE)2, right);                                                 \
        shmem_##TN##_p(&flags[3], (TYPE)4, right);                                                 \
        shmem_##TN##_wait_until_all(flags, 4, status, SHMEM_CMP_GT, 0);                            \
        CHECK_EQ(shmem_##TN##_test_all(flags, 4, status, SHMEM_CMP_GT, 0), 1);                     \
        CHECK_EQ(shmem_##TN##_test_all(flags, 4, NULL, SHMEM_CMP_GT, 0), 0);                       \
        CHECK_EQ(shmem_##TN##_wait_until_any(flags, 4, status, SHMEM_CMP_EQ, 4), 3);               \
        CHECK_EQ(shmem_##TN##_test_any(flags, 4, status, SHMEM_CMP_EQ, 2), 1);                     \
        CHECK(shmem_##TN##_test_any(flags, 4, NULL, SHMEM_CMP_EQ, 9) == SIZE_MAX);                 \
        CHECK_EQ(shmem_##TN##_wait_until_some(flags, 4, indices, NULL, SHMEM_CMP_LT, 2), 2);       \
        CHECK_EQ(indices[0], 0);                                                                   \
        CHECK_EQ(indices[1], 2);                                                                   \
        CHECK_EQ(shmem_##TN##_test_some(flags, 4, indices, status, SHMEM_CMP_GE, 2), 2);           \
        shmem_##TN##_wait_until_all_vector(flags, 4, status, SHMEM_CMP_LE, values);                \
        CHECK_EQ(shmem_##TN##_test_all_vector(flags, 4, status, SHMEM_CMP_EQ, values), 1);         \
        /* flags are {1, 2, 0, 4}: equal to values except element 2 */                            \
        CHECK(shmem_##TN##_wait_until_any_vector(flags, 4, status, SHMEM_CMP_EQ, values) != 2);    \
        CHECK_EQ(shmem_##TN##_test_any_vector(flags, 4, NULL, SHMEM_CMP_NE, values), 2);           \
        CHECK_EQ(shmem_##TN##_wait_until_some_vector(flags, 4, indices, NULL, SHMEM_CMP_EQ, values), 3); \
        CHECK_EQ(shmem_##TN##_test_some_vector(flags, 4, indices, NULL, SHMEM_CMP_NE, values), 1); \
        CHECK_EQ(indices[0], 2);                                                                   \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_P2P_TYPES(TEST_P2P)

static void test_signal(void)
{
    static long data[16];
    static uint64_t signal;
    static int bytes[4];
    long src[16];
    int i, payload[4] = {5, 6, 7, 8};
    for (i = 0; i < 16; ++i) src[i] = me * 100 + i;
    signal = 0;
    shmem_barrier_all();
    shmem_long_put_signal(data, src, 16, &signal, 1, SHMEM_SIGNAL_SET, right);
    /* the left neighbour may already be further on: signals only grow until the final SET 10 */
    CHECK(shmem_signal_wait_until(&signal, SHMEM_CMP_GE, 1) >= 1);
    for (i = 0; i < 16; ++i) CHECK_EQ(data[i], left * 100 + i);
    shmem_fence(); /* the next signal update must not overtake the first */
    shmem_ctx_putmem_signal_nbi(SHMEM_CTX_DEFAULT, bytes, payload, sizeof payload, &signal, 2,
                                SHMEM_SIGNAL_ADD, right);
    shmem_quiet();
    shmem_uint64_wait_until(&signal, SHMEM_CMP_GE, 3);
    CHECK(shmem_signal_fetch(&signal) >= 3);
    CHECK_EQ(bytes[3], 8);
    shmem_put32_signal(bytes, payload, 2, &signal, 10, SHMEM_SIGNAL_SET, right);
    shmem_signal_wait_until(&signal, SHMEM_CMP_EQ, 10);
    shmem_barrier_all();
}

static void test_deprecated(void)
{
    static long flag;
    static short short_flag;
    flag = 0;
    short_flag = 0;
    shmem_barrier_all();
    shmem_long_p(&flag, 5, right);
    shmem_short_p(&short_flag, 3, right);
    shmem_wait(&flag, 0);
    shmem_short_wait(&short_flag, 0);
    CHECK_EQ(flag, 5);
    CHECK_EQ(short_flag, 3);
    shmem_barrier_all();
}

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
static void test_generic(void)
{
    static int flags[2];
    int status[2] = {0, 0};
    flags[0] = flags[1] = 0;
    shmem_barrier_all();
    shmem_p(&flags[1], 7, right);
    shmem_wait_until(&flags[1], SHMEM_CMP_EQ, 7);
    CHECK_EQ(shmem_test(&flags[1], SHMEM_CMP_EQ, 7), 1);
    CHECK_EQ(shmem_test_any(flags, 2, status, SHMEM_CMP_EQ, 7), 1);
    CHECK_EQ(shmem_wait_until_any(flags, 2, status, SHMEM_CMP_EQ, 0), 0);
    shmem_barrier_all();
}
#define RUN_GENERIC test_generic();
#else
#define RUN_GENERIC
#endif

/* OpenSHMEM 1.6: test_all and test_all_vector return 1 on an empty test set (no elements, or every
 * one excluded by status), and wait_until_all returns at once. */
static void test_empty_sets(void)
{
    static int ivars[2];
    const int excluded[2] = {1, 1};
    const int cmp_values[2] = {5, 5};
    size_t indices[2];
    CHECK_EQ(shmem_int_test_all(ivars, 0, NULL, SHMEM_CMP_EQ, 5), 1);
    CHECK_EQ(shmem_int_test_all(ivars, 2, excluded, SHMEM_CMP_EQ, 5), 1);
    CHECK_EQ(shmem_long_test_all_vector(NULL, 0, NULL, SHMEM_CMP_EQ, NULL), 1);
    CHECK_EQ(shmem_int_test_all_vector(ivars, 2, excluded, SHMEM_CMP_EQ, cmp_values), 1);
    shmem_int_wait_until_all(ivars, 2, excluded, SHMEM_CMP_EQ, 5);
    shmem_int_wait_until_all_vector(ivars, 0, NULL, SHMEM_CMP_EQ, cmp_values);
    CHECK(shmem_int_test_any(ivars, 2, excluded, SHMEM_CMP_EQ, 0) == SIZE_MAX);
    CHECK_EQ(shmem_int_test_some(ivars, 2, indices, excluded, SHMEM_CMP_EQ, 0), 0);
}

int main(void)
{
    check_start();
#define RUN(TYPE, TN) test_##TN();
    OSHMPI_P2P_TYPES(RUN)
    test_signal();
    test_deprecated();
    test_empty_sets();
    RUN_GENERIC
    return check_finish("test_p2p");
}
