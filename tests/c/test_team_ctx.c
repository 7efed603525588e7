/* The predefined team handles as constants, and contexts of teams as the specification's
 * team-context example uses them: a PE outside a team gets SHMEM_CTX_INVALID from
 * shmem_team_create_ctx, and quiet and fence on that handle do nothing (they must neither abort nor
 * fail, with or without SHMEM_DEBUG). Members put into their team's ring on the team's context,
 * with PEs numbered in the team. */
#include <shmem.h>

#include "check.h"

/* The predefined teams are link-time constants: they may initialize a static variable. */
static shmem_team_t world_at_load = SHMEM_TEAM_WORLD;

int main(void)
{
    static int received = -1;
    check_start();
    CHECK(world_at_load == SHMEM_TEAM_WORLD && SHMEM_TEAM_WORLD != SHMEM_TEAM_SHARED);
    CHECK_EQ(shmem_team_n_pes(world_at_load), npes);
    CHECK_EQ(shmem_team_my_pe(SHMEM_TEAM_SHARED), shmem_team_translate_pe(SHMEM_TEAM_WORLD, me, SHMEM_TEAM_SHARED));
    shmem_team_t of_default = SHMEM_TEAM_INVALID;
    CHECK_EQ(shmem_ctx_get_team(SHMEM_CTX_DEFAULT, &of_default), 0);
    CHECK(of_default == SHMEM_TEAM_WORLD);
    shmem_ctx_quiet(SHMEM_CTX_INVALID);
    shmem_ctx_fence(SHMEM_CTX_INVALID);

    /* PEs 0, 2, 4, ... */
    shmem_team_t evens = SHMEM_TEAM_INVALID;
    shmem_team_config_t config = {.num_contexts = 1};
    CHECK_EQ(shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 2, (npes + 1) / 2, &config,
                                      SHMEM_TEAM_NUM_CONTEXTS, &evens), 0);
    CHECK_EQ(evens != SHMEM_TEAM_INVALID, me % 2 == 0);
    shmem_ctx_t ctx = SHMEM_CTX_DEFAULT;
    int rc = shmem_team_create_ctx(evens, 0, &ctx);
    if (evens == SHMEM_TEAM_INVALID) {
        CHECK(rc != 0);
        CHECK(ctx == SHMEM_CTX_INVALID);
    } else {
        CHECK_EQ(rc, 0);
        CHECK(ctx != SHMEM_CTX_INVALID);
        int team_pe = shmem_team_my_pe(evens), team_size = shmem_team_n_pes(evens);
        shmem_ctx_int_p(ctx, &received, me, (team_pe + 1) % team_size);
    }
    shmem_ctx_fence(ctx);
    shmem_ctx_quiet(ctx); /* SHMEM_CTX_INVALID on the odd PEs */
    shmem_barrier_all();
    if (me % 2 == 0) {
        int size = (npes + 1) / 2, team_pe = me / 2;
        CHECK_EQ(received, 2 * ((team_pe + size - 1) % size));
    } else {
        CHECK_EQ(received, -1);
    }
    shmem_ctx_destroy(ctx);
    shmem_team_destroy(evens);
    return check_finish("test_team_ctx");
}
