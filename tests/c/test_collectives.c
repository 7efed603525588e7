/* Collectives and teams (team-based and deprecated active-set forms), contexts and locks. Runs at
 * any PE count; the strided team takes the even PEs. */
#include <complex.h>
#include <shmem.h>

#include "check.h"


#define TEST_BROADCAST(TYPE, TN)                                                                   \
    static void test_broadcast_##TN(void)                                                          \
    {                                                                                              \
        static TYPE src[4], dest[4 * 8];                                                           \
        int i;                                                                                     \
        for (i = 0; i < 4; ++i) src[i] = (TYPE)(me * 10 + i);                                      \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_##TN##_broadcast(SHMEM_TEAM_WORLD, dest, src, 4, npes - 1), 0);             \
        for (i = 0; i < 4; ++i) CHECK(dest[i] == (TYPE)((npes - 1) * 10 + i));                     \
        shmem_sync_all(); /* dest was read: ready for the next collective */                       \
        CHECK_EQ(shmem_##TN##_fcollect(SHMEM_TEAM_WORLD, dest, src, 2), 0);                        \
        for (i = 0; i < npes; ++i) CHECK(dest[2 * i + 1] == (TYPE)(i * 10 + 1));                   \
        shmem_sync_all();                                                                          \
        CHECK_EQ(shmem_##TN##_collect(SHMEM_TEAM_WORLD, dest, src, 1), 0);                         \
        for (i = 0; i < npes; ++i) CHECK(dest[i] == (TYPE)(i * 10));                               \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_RMA_TYPES(TEST_BROADCAST)

#define TEST_SUM(TYPE, TN)                                                                         \
    static void test_sum_##TN(void)                                                                \
    {                                                                                              \
        static TYPE src[3], dest[3];                                                               \
        src[0] = (TYPE)(me + 1);                                                                   \
        src[1] = (TYPE)1;                                                                          \
        src[2] = (TYPE)(me == 0 ? 2 : 1);                                                          \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_##TN##_sum_reduce(SHMEM_TEAM_WORLD, dest, src, 3), 0);                      \
        CHECK(dest[0] == (TYPE)(npes * (npes + 1) / 2));                                           \
        CHECK(dest[1] == (TYPE)npes);                                                              \
        CHECK_EQ(shmem_##TN##_prod_reduce(SHMEM_TEAM_WORLD, dest, src, 3), 0);                     \
        CHECK(dest[2] == (TYPE)2);                                                                 \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_REDUCE_MINMAX_TYPES(TEST_SUM)

#define TEST_MINMAX_BITS(TYPE, TN)                                                                 \
    static void test_bits_##TN(void)                                                               \
    {                                                                                              \
        static TYPE src[1], dest[1];                                                               \
        src[0] = (TYPE)(1 << me);                                                                  \
        shmem_barrier_all();                                                                       \
        CHECK_EQ(shmem_##TN##_or_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                       \
        CHECK(dest[0] == (TYPE)((1 << npes) - 1));                                                 \
        CHECK_EQ(shmem_##TN##_max_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                      \
        CHECK(dest[0] == (TYPE)(1 << (npes - 1)));                                                 \
        CHECK_EQ(shmem_##TN##_min_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                      \
        CHECK(dest[0] == (TYPE)1);                                                                 \
        CHECK_EQ(shmem_##TN##_and_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                      \
        CHECK(dest[0] == (TYPE)(npes == 1 ? 1 : 0));                                               \
        CHECK_EQ(shmem_##TN##_xor_reduce(SHMEM_TEAM_WORLD, dest, src, 1), 0);                      \
        CHECK(dest[0] == (TYPE)((1 << npes) - 1));                                                 \
        shmem_barrier_all();                                                                       \
    }
OSHMPI_REDUCE_BITWISE_TYPES(TEST_MINMAX_BITS)

static void test_alltoall_and_complex(void)
{
    static long src[8 * 2], dest[8 * 2];
    static double _Complex csrc, cdest;
    int i;
    for (i = 0; i < 2 * npes; ++i) src[i] = me * 100 + i;
    csrc = (double)me + 1.0 * _Complex_I;
    shmem_barrier_all();
    CHECK_EQ(shmem_long_alltoall(SHMEM_TEAM_WORLD, dest, src, 2), 0);
    for (i = 0; i < npes; ++i) CHECK_EQ(dest[2 * i + 1], i * 100 + 2 * me + 1);
    CHECK_EQ(shmem_complexd_sum_reduce(SHMEM_TEAM_WORLD, &cdest, &csrc, 1), 0);
    CHECK(__real__ cdest == npes * (npes - 1) / 2.0 && __imag__ cdest == npes);
    CHECK_EQ(shmem_alltoallsmem(SHMEM_TEAM_WORLD, dest, src, 1, 1, 8), 0);
    shmem_sync_all();
    CHECK_EQ(shmem_broadcastmem(SHMEM_TEAM_WORLD, dest, src, 8, 0), 0);
    CHECK_EQ(dest[0], 0);
    CHECK_EQ(shmem_team_sync(SHMEM_TEAM_WORLD), 0);
    shmem_sync_all();
}

/* The deprecated active-set forms over all PEs (stride 2^0). */
static void test_active_set(void)
{
    static long psync[SHMEM_REDUCE_SYNC_SIZE];
    static long pwrk[SHMEM_REDUCE_MIN_WRKDATA_SIZE];
    static long src[2], dest[2 * 8];
    static int isrc, idest;
    int i;
    for (i = 0; i < SHMEM_REDUCE_SYNC_SIZE; ++i) psync[i] = SHMEM_SYNC_VALUE;
    src[0] = me;
    src[1] = 2 * me;
    isrc = me + 1;
    shmem_barrier_all();
    shmem_long_sum_to_all(dest, src, 2, 0, 0, npes, pwrk, psync);
    CHECK_EQ(dest[1], npes * (npes - 1));
    shmem_int_max_to_all(&idest, &isrc, 1, 0, 0, npes, (int*)pwrk, psync);
    CHECK_EQ(idest, npes);
    shmem_barrier(0, 0, npes, psync);
    shmem_fcollect64(dest, src, 2, 0, 0, npes, psync);
    for (i = 0; i < npes; ++i) CHECK_EQ(dest[2 * i + 1], 2 * i);
    dest[0] = -1;
    shmem_sync(0, 0, npes, psync); /* every dest ready before the broadcast */
    shmem_broadcast64(dest, src, 1, 0, 0, 0, npes, psync);
    CHECK_EQ(dest[0], me == 0 ? -1 : 0); /* the root's dest is not written */
    shmem_sync(0, 0, npes, psync);
    shmem_barrier_all();
}

static void test_teams(void)
{
    shmem_team_t evens = SHMEM_TEAM_INVALID, xteam, yteam;
    shmem_team_config_t config = {2};
    static int value, sum;
    CHECK_EQ(shmem_team_my_pe(SHMEM_TEAM_WORLD), me);
    CHECK_EQ(shmem_team_n_pes(SHMEM_TEAM_WORLD), npes);
    CHECK(shmem_team_n_pes(SHMEM_TEAM_SHARED) >= 1);
    CHECK_EQ(shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 2, (npes + 1) / 2, &config,
                                      SHMEM_TEAM_NUM_CONTEXTS, &evens), 0);
    if (me % 2 == 0) {
        shmem_team_config_t got = {0};
        shmem_ctx_t ctx;
        shmem_team_t back;
        CHECK(evens != SHMEM_TEAM_INVALID);
        CHECK_EQ(shmem_team_my_pe(evens), me / 2);
        CHECK_EQ(shmem_team_translate_pe(evens, shmem_team_n_pes(evens) - 1, SHMEM_TEAM_WORLD),
                 2 * (shmem_team_n_pes(evens) - 1));
        CHECK_EQ(shmem_team_get_config(evens, SHMEM_TEAM_NUM_CONTEXTS, &got), 0);
        CHECK_EQ(got.num_contexts, 2);
        value = 1;
        CHECK_EQ(shmem_int_sum_reduce(evens, &sum, &value, 1), 0);
        CHECK_EQ(sum, (npes + 1) / 2);
        /* a context on the team numbers PEs as the team does */
        CHECK_EQ(shmem_team_create_ctx(evens, 0, &ctx), 0);
        CHECK_EQ(shmem_ctx_get_team(ctx, &back), 0);
        CHECK(back == evens);
        shmem_ctx_int_p(ctx, &value, 40 + me, (shmem_team_my_pe(evens) + 1) % shmem_team_n_pes(evens));
        shmem_ctx_quiet(ctx);
        shmem_ctx_destroy(ctx);
        CHECK_EQ(shmem_team_sync(evens), 0);
        CHECK_EQ(value, 40 + 2 * ((me / 2 + shmem_team_n_pes(evens) - 1) % shmem_team_n_pes(evens)));
        shmem_team_destroy(evens);
    } else {
        CHECK(evens == SHMEM_TEAM_INVALID);
        CHECK_EQ(shmem_team_translate_pe(SHMEM_TEAM_WORLD, me, evens), -1);
    }
    CHECK_EQ(shmem_team_split_2d(SHMEM_TEAM_WORLD, 2, NULL, 0, &xteam, NULL, 0, &yteam), 0);
    CHECK_EQ(shmem_team_n_pes(xteam), (me / 2 * 2 + 2 <= npes) ? 2 : 1);
    CHECK_EQ(shmem_team_my_pe(yteam), me / 2);
    shmem_team_destroy(xteam);
    shmem_team_destroy(yteam);
    shmem_barrier_all();
}

static void test_contexts_and_locks(void)
{
    static long lock, counter;
    static int slots[8];
    shmem_ctx_t ctx[3];
    long options[3] = {0, SHMEM_CTX_PRIVATE | SHMEM_CTX_SERIALIZED, SHMEM_CTX_NOSTORE};
    shmem_team_t team;
    int i;
    for (i = 0; i < 3; ++i) CHECK_EQ(shmem_ctx_create(options[i], &ctx[i]), 0);
    CHECK_EQ(shmem_ctx_get_team(ctx[0], &team), 0);
    CHECK(team == SHMEM_TEAM_WORLD);
    for (i = 0; i < 3; ++i) shmem_ctx_int_p(ctx[i], &slots[i], me + i, (me + 1) % npes);
    for (i = 0; i < 3; ++i) shmem_ctx_quiet(ctx[i]);
    shmem_barrier_all();
    for (i = 0; i < 3; ++i) CHECK_EQ(slots[i], (me + npes - 1) % npes + i);
    for (i = 0; i < 3; ++i) shmem_ctx_destroy(ctx[i]);
    shmem_ctx_destroy(SHMEM_CTX_INVALID); /* a no-op */

    for (i = 0; i < 10; ++i) {
        shmem_set_lock(&lock);
        shmem_long_p(&counter, shmem_long_g(&counter, 0) + 1, 0);
        shmem_clear_lock(&lock);
    }
    shmem_barrier_all();
    CHECK_EQ(shmem_long_g(&counter, 0), 10 * npes);
    if (shmem_test_lock(&lock) == 0) shmem_clear_lock(&lock);
    shmem_barrier_all();
}

int main(void)
{
    check_start();
#define RUN_BROADCAST(TYPE, TN) test_broadcast_##TN();
#define RUN_SUM(TYPE, TN) test_sum_##TN();
#define RUN_BITS(TYPE, TN) test_bits_##TN();
    OSHMPI_RMA_TYPES(RUN_BROADCAST)
    OSHMPI_REDUCE_MINMAX_TYPES(RUN_SUM)
    OSHMPI_REDUCE_BITWISE_TYPES(RUN_BITS)
    test_alltoall_and_complex();
    test_active_set();
    test_teams();
    test_contexts_and_locks();
    return check_finish("test_collectives");
}
