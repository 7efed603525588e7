/* The team routines of OpenSHMEM 1.6: shmem_team_ptr (a load/store pointer to a member's copy,
 * numbered in the team), shmem_team_get_config with a zero mask, and team splits of the invalid
 * team. Which peers are reachable by load/store is asked of the library (shmem_ptr), so the test
 * holds on one node, across nodes and with the MPI transport forced. */
#include <shmem.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static long global_word;

static void team_ptr_on_world(long* heap)
{
    int pe;
    for (pe = 0; pe < npes; ++pe) {
        CHECK(shmem_team_ptr(SHMEM_TEAM_WORLD, heap, pe) == shmem_ptr(heap, pe));
        CHECK(shmem_team_ptr(SHMEM_TEAM_WORLD, &global_word, pe) == shmem_ptr(&global_word, pe));
    }
    CHECK(shmem_team_ptr(SHMEM_TEAM_WORLD, heap, me) == heap);
    CHECK(shmem_team_ptr(SHMEM_TEAM_INVALID, heap, me) == NULL);
    CHECK(shmem_team_ptr(SHMEM_TEAM_WORLD, heap, npes) == NULL); /* no such member */
    long local = 0;
    CHECK(shmem_team_ptr(SHMEM_TEAM_WORLD, &local, me) == NULL); /* not symmetric */

    /* A store through the pointer is the peer's memory: the right neighbour reads it back. */
    long* mapped = (long*)shmem_team_ptr(SHMEM_TEAM_WORLD, heap, right);
    shmem_barrier_all();
    if (mapped != NULL) *mapped = 1000 + me;
    shmem_barrier_all();
    if (shmem_ptr(heap, left) != NULL) CHECK_EQ(*heap, 1000 + left);
    shmem_barrier_all();
}

/* Members of TEAM_SHARED share memory with us: unless the MPI transport is forced, each one's copy
 * is mapped; team numbers translate to world numbers. */
static void team_ptr_on_shared(long* heap)
{
    const char* transport = getenv("OSHMPI_TRANSPORT");
    int forced_mpi = transport != NULL && strcmp(transport, "mpi") == 0;
    int n = shmem_team_n_pes(SHMEM_TEAM_SHARED), pe;
    for (pe = 0; pe < n; ++pe) {
        int world = shmem_team_translate_pe(SHMEM_TEAM_SHARED, pe, SHMEM_TEAM_WORLD);
        void* p = shmem_team_ptr(SHMEM_TEAM_SHARED, heap, pe);
        CHECK(p == shmem_ptr(heap, world));
        if (!forced_mpi) CHECK(p != NULL);
    }
}

/* On the odd PEs of the world, member i is world PE 2i + 1. */
static void team_ptr_on_split(long* heap)
{
    shmem_team_t odd = SHMEM_TEAM_INVALID;
    if (npes < 2) return;
    int status = shmem_team_split_strided(SHMEM_TEAM_WORLD, 1, 2, npes / 2, NULL, 0, &odd);
    CHECK_EQ(status, 0);
    if (odd != SHMEM_TEAM_INVALID) {
        int i;
        for (i = 0; i < shmem_team_n_pes(odd); ++i)
            CHECK(shmem_team_ptr(odd, heap, i) == shmem_ptr(heap, 2 * i + 1));
        CHECK(shmem_team_ptr(odd, heap, shmem_team_n_pes(odd)) == NULL);
        shmem_team_destroy(odd);
    }
    shmem_barrier_all();
}

static void config_and_invalid_parent(void)
{
    shmem_team_config_t config = {7};
    shmem_team_t team = SHMEM_TEAM_WORLD;
    /* A zero mask reads nothing: config may be null and is left alone otherwise. */
    CHECK_EQ(shmem_team_get_config(SHMEM_TEAM_WORLD, 0, NULL), 0);
    CHECK_EQ(shmem_team_get_config(SHMEM_TEAM_WORLD, 0, &config), 0);
    CHECK_EQ(config.num_contexts, 7);
    CHECK(shmem_team_get_config(SHMEM_TEAM_WORLD, SHMEM_TEAM_NUM_CONTEXTS, NULL) != 0);
    CHECK(shmem_team_split_strided(SHMEM_TEAM_INVALID, 0, 1, 1, NULL, 0, &team) != 0);
    CHECK(team == SHMEM_TEAM_INVALID);
}

int main(void)
{
    check_start();
    long* heap = (long*)shmem_calloc(1, sizeof(long));
    CHECK(heap != NULL);
    team_ptr_on_world(heap);
    team_ptr_on_shared(heap);
    team_ptr_on_split(heap);
    config_and_invalid_parent();
    shmem_free(heap);
    return check_finish("test_teams");
}
