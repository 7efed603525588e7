/* How a job ends when PEs leave in unusual ways; check_exit_paths.py runs each mode under the
 * launcher and checks the exit status, the output and that nothing hangs.
 *
 *   return        PEs finish at different times and return from main without shmem_finalize:
 *                 even PEs keep reading their odd neighbour's globals, which must stay valid
 *                 until everyone is done (the implicit finalize waits for the others). Status 0.
 *   exit          the last PE calls exit(3) while the others still put into and read from its
 *                 heap, then finalize. Status 3, every other PE's data intact.
 *   global_exit   the others sit in a reduction that the last PE never joins: it calls
 *                 shmem_global_exit(5) instead. Status 5, nobody leaves the reduction.
 *   kill:<where>, segv:<where>
 *                 the last PE dies (SIGKILL, or a SIGSEGV of its own) while the others are in a
 *                 barrier, a wait, a lock or a collective (<where>). A non-zero status, promptly.
 */
#define _POSIX_C_SOURCE 200809L
#include <shmem.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WORDS 64
/* Few rounds: over MPI a PE waiting in finalize serves each get only when its wait loop polls MPI
 * (milliseconds apiece on a crowded machine); the point is that the data stays there, not speed. */
#define ROUNDS 10

static long globals[WORDS];
static long flag;
static long lock;
static long reduce_src[4], reduce_dst[4];

static void nap_ms(int ms)
{
    struct timespec pause = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
}

static int return_without_finalize(int me, int npes)
{
    for (int i = 0; i < WORDS; ++i) globals[i] = me * 1000 + i;
    shmem_barrier_all();
    if (me % 2 == 1 || me + 1 >= npes) {
        printf("PE %d OK (left at once)\n", me);
        return 0; /* no shmem_finalize: the exit handler must wait for the readers */
    }
    long wrong = 0;
    for (int round = 0; round < ROUNDS; ++round)
        for (int i = 0; i < WORDS; ++i)
            if (shmem_long_g(&globals[i], me + 1) != (me + 1) * 1000 + i) ++wrong;
    if (wrong == 0) printf("PE %d OK (read its neighbour %d times)\n", me, ROUNDS * WORDS);
    else printf("PE %d: %ld wrong values\n", me, wrong);
    return wrong == 0 ? 0 : 1;
}

static int exit_while_others_work(int me, int npes)
{
    long* heap = shmem_calloc((size_t)npes, sizeof(long));
    int leaver = npes - 1;
    if (me == leaver) {
        printf("PE %d exits with status 3\n", me);
        fflush(stdout);
        exit(3); /* others still use this PE's heap: the exit handler waits for them */
    }
    long wrong = 0;
    for (int round = 1; round <= ROUNDS; ++round) {
        shmem_long_p(&heap[me], round, leaver);
        shmem_quiet();
        if (shmem_long_g(&heap[me], leaver) != round) ++wrong;
    }
    if (wrong == 0) printf("PE %d OK\n", me);
    else printf("PE %d: %ld wrong values\n", me, wrong);
    shmem_finalize();
    return 0;
}

static void die(const char* how)
{
    fflush(stdout);
    if (strcmp(how, "kill") == 0) raise(SIGKILL);
    volatile long* nowhere = NULL;
    *nowhere = 1; /* a real segmentation fault, not raise(SIGSEGV) */
}

static int fault(int me, int npes, const char* how, const char* where)
{
    int victim = npes - 1;
    if (me == victim && strcmp(where, "lock") == 0) shmem_set_lock(&lock);
    shmem_barrier_all();
    if (me == victim) {
        nap_ms(300); /* let the others settle in their wait */
        die(how);
    }
    printf("PE %d waits in %s\n", me, where);
    fflush(stdout);
    if (strcmp(where, "barrier") == 0) shmem_barrier_all();
    else if (strcmp(where, "wait") == 0) shmem_long_wait_until(&flag, SHMEM_CMP_EQ, 1);
    else if (strcmp(where, "lock") == 0) shmem_set_lock(&lock);
    else if (strcmp(where, "collective") == 0)
        shmem_long_sum_reduce(SHMEM_TEAM_WORLD, reduce_dst, reduce_src, 4);
    else {
        fprintf(stderr, "unknown place %s\n", where);
        return 2;
    }
    printf("PE %d: left the %s although PE %d died\n", me, where, victim);
    return 1;
}

int main(int argc, char** argv)
{
    const char* mode = argc > 1 ? argv[1] : "return";
    shmem_init();
    int me = shmem_my_pe(), npes = shmem_n_pes();
    if (strcmp(mode, "return") == 0) return return_without_finalize(me, npes);
    if (strcmp(mode, "exit") == 0) return exit_while_others_work(me, npes);
    if (strcmp(mode, "global_exit") == 0) {
        if (me == npes - 1) {
            nap_ms(200);
            shmem_global_exit(5);
        }
        shmem_long_sum_reduce(SHMEM_TEAM_WORLD, reduce_dst, reduce_src, 4);
        printf("PE %d: left a reduction that global_exit should have ended\n", me);
        return 1;
    }
    const char* colon = strchr(mode, ':');
    if (colon != NULL && (strncmp(mode, "kill:", 5) == 0 || strncmp(mode, "segv:", 5) == 0)) {
        char how[8] = {0};
        memcpy(how, mode, (size_t)(colon - mode));
        return fault(me, npes, how, colon + 1);
    }
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
}
