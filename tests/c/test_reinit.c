/* Repeated initialization (OpenSHMEM 1.6): shmem_query_initialized at any time; nested
 * shmem_init/shmem_init_thread calls, each matched by a shmem_finalize, where only the last one
 * releases and the others are a barrier_all; start_pes as a no-op once initialized; and a new
 * initialization after the last finalize, with the heap, the globals, teams and collectives working
 * again. MPI, which the first shmem_init initialized, stays up after the last finalize and is
 * finalized at exit. The checks cannot use check.h's, which need an initialized library. */
#include <mpi.h>
#include <shmem.h>
#include <stdio.h>

static int failures = 0;
#define EXPECT(condition)                                                                          \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            fprintf(stderr, "test_reinit:%d: %s is false\n", __LINE__, #condition);                \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

static long ring_global;
static int cycle_total;

static int initialized(void)
{
    int flag = -1;
    shmem_query_initialized(&flag);
    return flag;
}

/* One initialized phase: globals, heap, a team and a reduction all work. */
static void exercise(int cycle)
{
    int me = shmem_my_pe(), npes = shmem_n_pes();
    int right = (me + 1) % npes, left = (me + npes - 1) % npes;
    long* heap = (long*)shmem_calloc(4, sizeof(long));
    EXPECT(heap != NULL);
    shmem_long_p(&ring_global, 100L * cycle + me, right);
    shmem_long_p(&heap[1], 10L * cycle + me, right);
    shmem_barrier_all();
    EXPECT(ring_global == 100L * cycle + left);
    EXPECT(heap[1] == 10L * cycle + left);
    shmem_team_t evens;
    EXPECT(shmem_team_split_strided(SHMEM_TEAM_WORLD, 0, 2, (npes + 1) / 2, NULL, 0, &evens) == 0);
    if (evens != SHMEM_TEAM_INVALID) shmem_team_destroy(evens);
    static int one = 1;
    EXPECT(shmem_int_sum_reduce(SHMEM_TEAM_WORLD, &cycle_total, &one, 1) == 0);
    EXPECT(cycle_total == npes);
    shmem_free(heap);
}

int main(void)
{
    int provided = -1, queried = -1, mpi_up = 0, mpi_down = 1;
    EXPECT(initialized() == 0);

    shmem_init();
    EXPECT(initialized() == 1);
    EXPECT(shmem_init_thread(SHMEM_THREAD_MULTIPLE, &provided) == 0); /* nested: the level stays */
    shmem_query_thread(&queried);
    EXPECT(provided == queried);
    start_pes(0); /* no-op once initialized: not an initialization to match */
    exercise(1);

    /* Not the last finalize: a barrier_all (the put before it is complete and visible after it)
     * that keeps every resource. */
    int me = shmem_my_pe(), npes = shmem_n_pes();
    shmem_long_p(&ring_global, -1L - me, (me + 1) % npes);
    shmem_finalize();
    EXPECT(initialized() == 1);
    EXPECT(ring_global == -1L - (me + npes - 1) % npes);
    EXPECT(SHMEM_TEAM_WORLD != SHMEM_TEAM_INVALID);
    shmem_finalize(); /* the last one */
    EXPECT(initialized() == 0);
    /* A link-time constant: the same handle stands for the next initialization's world team. */
    EXPECT(SHMEM_TEAM_WORLD != SHMEM_TEAM_INVALID);
    MPI_Initialized(&mpi_up);
    MPI_Finalized(&mpi_down);
    EXPECT(mpi_up == 1 && mpi_down == 0); /* ours, and kept for a later shmem_init */

    /* A new initialization, twice over: everything is built again. */
    int cycle;
    for (cycle = 2; cycle <= 3; ++cycle) {
        if (cycle == 2) {
            shmem_init();
        } else {
            EXPECT(shmem_init_thread(SHMEM_THREAD_SERIALIZED, &provided) == 0);
            shmem_query_thread(&queried);
            EXPECT(provided == queried && provided <= SHMEM_THREAD_SERIALIZED);
        }
        EXPECT(initialized() == 1);
        EXPECT(shmem_my_pe() == me && shmem_n_pes() == npes);
        exercise(cycle);
        if (cycle == 3) {
            static int local, any;
            local = failures;
            shmem_barrier_all();
            shmem_int_max_reduce(SHMEM_TEAM_WORLD, &any, &local, 1);
            if (me == 0) printf("test_reinit: %s\n", any ? "FAILED" : "passed");
            failures = any;
        }
        shmem_finalize();
        EXPECT(initialized() == 0);
    }
    return failures ? 1 : 0;
}
