/* OSU-style OpenSHMEM micro-benchmarks in plain C, built with our oshcc: the figures the
 * architecture's performance table states "(C)" — 8-byte put + quiet, 8-byte get, fetch-add,
 * barrier_all — and put bandwidth from 8 B to 4 MiB. Any OpenSHMEM 1.5 library compiles it, so
 * the same source measures another implementation (e.g. Open MPI's oshcc) side by side.
 *
 *   oshcc -O2 osu_style.c -o osu_style && mpiexec -n 2 ./osu_style
 *
 * As in the OSU suite: PE 0 issues, PE 1 (PE 0 itself on one PE) is the target, the others wait in
 * shmem_barrier_all; a warm-up of `skip` iterations is not timed; latencies are the mean in
 * microseconds; bandwidth puts a window of 64 messages between quiets. Buffers are in the
 * symmetric heap, as OSU's; one extra row targets a global variable (the data segment, which PEs of
 * one node reach through shared memory as they reach the heap, and others through MPI RMA). */
/* clock_gettime under -std=c99 */
#define _POSIX_C_SOURCE 200809L

#include <shmem.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#define MAX_BYTES (4L << 20)
#define WINDOW 64

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int me, npes, target;
static long* counter;  /* in the symmetric heap, as OSU's buffers */
static long global_counter; /* a global: symmetric through the data segment */

typedef void (*op_fn)(long iteration, void* arg);

/* Mean microseconds per call of `op` on PE 0 (or on every PE when `collective`). */
static double time_op(op_fn op, void* arg, long iterations, int collective)
{
    long skip = iterations / 10, i;
    double start = 0, elapsed = 0;
    shmem_barrier_all();
    if (collective || me == 0) {
        for (i = 0; i < skip + iterations; ++i) {
            if (i == skip) start = now_us();
            op(i, arg);
        }
        elapsed = now_us() - start;
    }
    shmem_barrier_all();
    return elapsed / (double)iterations;
}

static void put_quiet(long i, void* arg)
{
    shmem_long_p(counter, i, target);
    shmem_quiet();
    (void)arg;
}

static void put_global_quiet(long i, void* arg)
{
    shmem_long_p(&global_counter, i, target);
    shmem_quiet();
    (void)arg;
}

static void putmem_quiet(long i, void* arg)
{
    long value = i;
    shmem_putmem(arg, &value, sizeof value, target);
    shmem_quiet();
}

static volatile long sink;

static void get_long(long i, void* arg)
{
    sink = shmem_long_g(counter, target);
    (void)i;
    (void)arg;
}

static void getmem(long i, void* arg)
{
    long value;
    shmem_getmem(&value, arg, sizeof value, target);
    sink = value;
    (void)i;
}

static void fetch_add(long i, void* arg)
{
    sink = shmem_long_atomic_fetch_add(counter, 1, target);
    (void)i;
    (void)arg;
}

static void add(long i, void* arg)
{
    shmem_long_atomic_add(counter, 1, target);
    (void)i;
    (void)arg;
}

static void barrier(long i, void* arg)
{
    shmem_barrier_all();
    (void)i;
    (void)arg;
}

static void sync_all(long i, void* arg)
{
    shmem_sync_all();
    (void)i;
    (void)arg;
}

struct bandwidth_arg {
    char* dest;
    const char* source;
    size_t bytes;
};

static void put_window(long i, void* arg)
{
    struct bandwidth_arg* a = arg;
    int k;
    for (k = 0; k < WINDOW; ++k) shmem_putmem(a->dest, a->source, a->bytes, target);
    shmem_quiet();
    (void)i;
}

int main(void)
{
    static char source[MAX_BYTES];
    char* heap;
    size_t bytes;
    shmem_init();
    me = shmem_my_pe();
    npes = shmem_n_pes();
    target = 1 % npes;
    heap = shmem_malloc(MAX_BYTES);
    counter = shmem_calloc(1, sizeof *counter);
    memset(source, 'x', sizeof source);

    double lat[9];
    lat[0] = time_op(put_quiet, NULL, 200000, 0);
    lat[1] = time_op(putmem_quiet, heap, 200000, 0);
    lat[2] = time_op(get_long, NULL, 200000, 0);
    lat[3] = time_op(getmem, heap, 200000, 0);
    lat[4] = time_op(fetch_add, NULL, 200000, 0);
    lat[5] = time_op(add, NULL, 200000, 0);
    lat[6] = time_op(barrier, NULL, npes > 2 ? 2000 : 50000, 1);
    lat[7] = time_op(sync_all, NULL, npes > 2 ? 2000 : 50000, 1);
    lat[8] = time_op(put_global_quiet, NULL, 20000, 0);
    if (me == 0) {
        printf("# OSU-style OpenSHMEM benchmark, %d PEs, %s\n", npes, SHMEM_VENDOR_STRING);
        printf("%-28s %12s\n", "# operation", "latency(us)");
        printf("%-28s %12.4f\n", "shmem_long_p + quiet", lat[0]);
        printf("%-28s %12.4f\n", "shmem_putmem(8) + quiet", lat[1]);
        printf("%-28s %12.4f\n", "shmem_long_g", lat[2]);
        printf("%-28s %12.4f\n", "shmem_getmem(8)", lat[3]);
        printf("%-28s %12.4f\n", "shmem_long_atomic_fetch_add", lat[4]);
        printf("%-28s %12.4f\n", "shmem_long_atomic_add", lat[5]);
        printf("%-28s %12.4f\n", "shmem_barrier_all", lat[6]);
        printf("%-28s %12.4f\n", "shmem_sync_all", lat[7]);
        printf("%-28s %12.4f\n", "shmem_long_p(global) + quiet", lat[8]);
        printf("%-28s %12s\n", "# put size(B)", "bandwidth(GB/s)");
    }
    for (bytes = 8; bytes <= MAX_BYTES; bytes *= 2) {
        struct bandwidth_arg arg = {heap, source, bytes};
        long iterations = bytes >= (1L << 20) ? 40 : bytes >= (1L << 14) ? 400 : 4000;
        double us = time_op(put_window, &arg, iterations, 0);
        if (me == 0) printf("%-28zu %12.4f\n", bytes, (double)(bytes * WINDOW) / us / 1e3);
    }
    shmem_free(counter);
    shmem_free(heap);
    shmem_finalize();
    return 0;
}
