/* The prefix sums of OpenSHMEM 1.6, shmem_TYPENAME_sum_inscan and _sum_exscan, for every type of
 * Table 10's SUM column (complex ones included), by typed and C11 generic names, in place and out
 * of place, on the world and on a team of the odd PEs (numbered in the team). */
#include <complex.h>
#include <shmem.h>

#include "check.h"

/* Element j of PE i's source is i + j + 1; so PE i's inclusive sum is the sum over k <= i. */
#define TEST_SCAN(TYPE, TN)                                                                        \
    static void scan_##TN(void)                                                                    \
    {                                                                                              \
        static TYPE src[3], in[3], ex[3], both[3];                                                 \
        int j, wrong = 0;                                                                          \
        for (j = 0; j < 3; ++j) src[j] = (TYPE)(me + j + 1);                                       \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_##TN##_sum_inscan(SHMEM_TEAM_WORLD, in, src, 3), 0);                        \
        CHECK_EQ(shmem_##TN##_sum_exscan(SHMEM_TEAM_WORLD, ex, src, 3), 0);                        \
        for (j = 0; j < 3; ++j) {                                                                  \
            /* sum over k = 0..i of (k + j + 1) = i(i+1)/2 + (i+1)(j+1) */                         \
            wrong += in[j] != (TYPE)(me * (me + 1) / 2 + (me + 1) * (j + 1));                      \
            wrong += ex[j] != (TYPE)(me * (me - 1) / 2 + me * (j + 1));                            \
            both[j] = src[j];                                                                      \
        }                                                                                          \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_sum_inscan(SHMEM_TEAM_WORLD, both, both, 3), 0); /* generic, in place */    \
        for (j = 0; j < 3; ++j) wrong += both[j] != in[j];                                         \
        for (j = 0; j < 3; ++j) both[j] = src[j];                                                  \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_sum_exscan(SHMEM_TEAM_WORLD, both, both, 3), 0);                            \
        for (j = 0; j < 3; ++j) wrong += both[j] != ex[j];                                         \
        CHECK_EQ(wrong, 0);                                                                        \
        shmem_barrier_all();                                                                       \
    }
#define TEST_SCAN_LATER(T, N) TEST_SCAN CHECK_EMPTY()(T, N)
CHECK_EXPAND(OSHMPI_REDUCE_ARITH_TYPES(TEST_SCAN_LATER))

/* On the odd PEs, team member t (world PE 2t + 1) contributes its world number. */
static void scan_on_a_team(void)
{
    static long src[1], dest[1];
    shmem_team_t odd = SHMEM_TEAM_INVALID;
    if (npes < 2) return;
    CHECK_EQ(shmem_team_split_strided(SHMEM_TEAM_WORLD, 1, 2, npes / 2, NULL, 0, &odd), 0);
    src[0] = me;
    shmem_barrier_all();
    if (odd != SHMEM_TEAM_INVALID) {
        int t = shmem_team_my_pe(odd);
        CHECK_EQ(shmem_long_sum_inscan(odd, dest, src, 1), 0);
        CHECK_EQ(dest[0], (long)(t + 1) * (t + 1)); /* 1 + 3 + ... + (2t + 1) */
        CHECK_EQ(shmem_long_sum_exscan(odd, dest, src, 1), 0);
        CHECK_EQ(dest[0], (long)t * t);
        shmem_team_destroy(odd);
    }
    /* Zero elements: nothing to do, success. */
    CHECK_EQ(shmem_int_sum_inscan(SHMEM_TEAM_WORLD, (int*)dest, (int*)src, 0), 0);
    shmem_barrier_all();
}

int main(void)
{
    check_start();
#define RUN(TYPE, TN) scan_##TN();
    OSHMPI_REDUCE_ARITH_TYPES(RUN)
#undef RUN
    scan_on_a_team();
    return check_finish("test_scan");
}
