/* Progress without the target, from C: PE 0 computes for 2 s without any OpenSHMEM call while the
 * other PEs put, get, do AMOs and put-with-signal on its heap and on its global variables. PE 0,
 * still making no call, watches its own memory with plain loads until every update has arrived
 * (60 s only guard against a hang), then checks the values. Nothing here measures time. */
#define _POSIX_C_SOURCE 200809L

#include <shmem.h>

#include <sched.h>
#include <stdint.h>
#include <time.h>

#include "check.h"

#define MAX_PES 64
#define TARGET 0

/* Globals: symmetric through the data segment, reached through MPI on other nodes. */
static long g_put[MAX_PES], g_echo[MAX_PES], g_source[MAX_PES], g_cswap[MAX_PES], g_done[MAX_PES];
static long g_fadd, g_add;
static long g_signal_data[MAX_PES];
static uint64_t g_signal;

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static long load(const long* where)
{
    return __atomic_load_n(where, __ATOMIC_ACQUIRE);
}

static long pattern(int pe, int slot)
{
    return 1000L * pe + slot + 7;
}

struct heap_box {
    long put[MAX_PES], echo[MAX_PES], source[MAX_PES], fadd, signal_data[MAX_PES], done[MAX_PES];
    uint64_t signal;
};

static int all_arrived(const struct heap_box* box)
{
    int pe;
    for (pe = 0; pe < npes; ++pe) {
        if (pe == TARGET) continue;
        if (load(&box->done[pe]) != 1 || load(&g_done[pe]) != 1) return 0;
    }
    return __atomic_load_n(&box->signal, __ATOMIC_ACQUIRE) == (uint64_t)(npes - 1) &&
           __atomic_load_n(&g_signal, __ATOMIC_ACQUIRE) == (uint64_t)(npes - 1);
}

int main(void)
{
    struct heap_box* box;
    int pe;
    check_start();
    if (npes > MAX_PES) {
        if (me == 0) printf("test_progress: skipped (more than %d PEs)\n", MAX_PES);
        shmem_finalize();
        return 0;
    }
    box = shmem_calloc(1, sizeof *box);
    if (me == TARGET)
        for (pe = 0; pe < npes; ++pe) {
            box->source[pe] = pattern(pe, 100);
            g_source[pe] = pattern(pe, 200);
        }
    shmem_barrier_all();

    if (me == TARGET) {
        volatile double x = 1.0;
        double end = seconds() + 2.0, give_up;
        long sum = 0;
        while (seconds() < end) /* the computation: no OpenSHMEM call */
            for (pe = 0; pe < 1000; ++pe) x = x * 1.0000001 + 1e-9;
        give_up = seconds() + 60.0;
        while (!all_arrived(box) && seconds() < give_up) sched_yield();
        CHECK(all_arrived(box));
        for (pe = 0; pe < npes; ++pe) {
            if (pe == TARGET) continue;
            sum += pe;
            CHECK_EQ(load(&box->put[pe]), pattern(pe, 1));
            CHECK_EQ(load(&box->echo[pe]), pattern(pe, 100));
            CHECK_EQ(load(&box->signal_data[pe]), pattern(pe, 5));
            CHECK_EQ(load(&g_put[pe]), pattern(pe, 2));
            CHECK_EQ(load(&g_echo[pe]), pattern(pe, 200));
            CHECK_EQ(load(&g_cswap[pe]), pattern(pe, 3));
            CHECK_EQ(load(&g_signal_data[pe]), pattern(pe, 6));
        }
        CHECK_EQ(load(&box->fadd), npes - 1);
        CHECK_EQ(load(&g_fadd), npes - 1);
        CHECK_EQ(load(&g_add), sum);
    } else {
        long value = pattern(me, 1), fetched;
        /* the heap */
        shmem_long_put(&box->put[me], &value, 1, TARGET);
        shmem_long_p(&box->echo[me], shmem_long_g(&box->source[me], TARGET), TARGET);
        fetched = shmem_long_atomic_fetch_add(&box->fadd, 1, TARGET);
        CHECK(fetched >= 0 && fetched < npes - 1);
        value = pattern(me, 5);
        shmem_long_put_signal(&box->signal_data[me], &value, 1, &box->signal, 1, SHMEM_SIGNAL_ADD, TARGET);
        /* the globals */
        shmem_long_p(&g_put[me], pattern(me, 2), TARGET);
        shmem_long_p(&g_echo[me], shmem_long_g(&g_source[me], TARGET), TARGET);
        fetched = shmem_long_atomic_fetch_add(&g_fadd, 1, TARGET);
        CHECK(fetched >= 0 && fetched < npes - 1);
        shmem_long_atomic_add(&g_add, me, TARGET);
        CHECK_EQ(shmem_long_atomic_compare_swap(&g_cswap[me], 0, pattern(me, 3), TARGET), 0);
        value = pattern(me, 6);
        shmem_long_put_signal_nbi(&g_signal_data[me], &value, 1, &g_signal, 1, SHMEM_SIGNAL_ADD, TARGET);
        shmem_quiet();
        /* last, after quiet: when the target sees these, everything above is complete */
        shmem_long_atomic_set(&box->done[me], 1, TARGET);
        shmem_long_atomic_set(&g_done[me], 1, TARGET);
        shmem_quiet();
    }
    shmem_free(box); /* collective: a barrier first */
    return check_finish("test_progress");
}
