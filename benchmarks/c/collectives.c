/* Latency of every OpenSHMEM collective from 8 B to 1 MiB per PE, plus the global-variable rows
 * (put + quiet, fetch-add and put-with-signal ping-pong on a global against the same on the heap).
 * It uses only routines OpenSHMEM 1.4 already had (the active-set collectives over every PE, with
 * pSync and pWrk), so the same source builds with our oshcc and with Open MPI's OSHMEM (4.1 is
 * 1.4); put-with-signal rows need 1.5 and are skipped elsewhere.
 *
 *   oshcc -O2 collectives.c -o collectives && mpiexec -n 4 ./collectives [label]
 *
 * One JSON object per line: {"impl": label, "pes": n, "op": ..., "bytes": ..., "us": ...}.
 *
 * Method (the same in mpi_collectives.c): a batch of back-to-back calls, no synchronization
 * between them (a team collective may follow the previous one at once; for the active-set forms
 * two pSync arrays alternate, as the OSU suite does). Every PE times the batch; the figure is the
 * slowest PE's time per call (the batch is done when the last PE is), median of 5 batches. The
 * batch size is calibrated so one batch lasts about 20 ms. Sizes: broadcast moves `bytes`;
 * collect and fcollect gather `bytes` from each PE; alltoall(s) send `bytes` to each PE; the
 * reduction sums bytes/8 longs. */
#define _POSIX_C_SOURCE 200809L

#include <shmem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_BYTES (1L << 20)
#define BATCHES 5
#define TARGET_SECONDS 0.02
#define MAX_COUNT 200000L

static int me, npes;
static const char* label = "shmem";
static long psync[2][SHMEM_BCAST_SYNC_SIZE > SHMEM_REDUCE_SYNC_SIZE
                        ? (SHMEM_BCAST_SYNC_SIZE > SHMEM_ALLTOALL_SYNC_SIZE ? SHMEM_BCAST_SYNC_SIZE
                                                                             : SHMEM_ALLTOALL_SYNC_SIZE)
                        : (SHMEM_REDUCE_SYNC_SIZE > SHMEM_ALLTOALL_SYNC_SIZE ? SHMEM_REDUCE_SYNC_SIZE
                                                                              : SHMEM_ALLTOALL_SYNC_SIZE)];
static long collect_psync[2][SHMEM_COLLECT_SYNC_SIZE];
static long result_psync[SHMEM_REDUCE_SYNC_SIZE];
static double result_work[SHMEM_REDUCE_MIN_WRKDATA_SIZE];
static long* work; /* pWrk of the reduction */
static char *source, *dest;

/* Globals for the global-variable rows, and their twins on the heap. */
static long global_word;
#if SHMEM_MAJOR_VERSION > 1 || SHMEM_MINOR_VERSION >= 5
static long global_data[8];
static uint64_t global_signal;
#endif
static long *heap_word, *heap_data;
static uint64_t* heap_signal;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double max_over_pes(double value)
{
    static double in, out;
    in = value;
    shmem_barrier_all();
    shmem_double_max_to_all(&out, &in, 1, 0, 0, npes, result_work, result_psync);
    shmem_barrier_all();
    return out;
}

typedef void (*batch_fn)(long count, size_t bytes);

/* Seconds per call, as described above; `all` says whether every PE runs the batch (collectives)
 * or PE 0 alone (one-sided rows; the others wait in the barrier). */
static double seconds_per_call(batch_fn batch, size_t bytes, int all)
{
    int runs = all || me == 0;
    double start, elapsed = 0, per_call[BATCHES];
    long count = 1;
    int b, i, j;
    /* warm-up, then grow the batch until it lasts a quarter of the target on the slowest PE */
    shmem_barrier_all();
    if (runs) batch(2, bytes);
    for (;;) {
        shmem_barrier_all();
        start = now();
        if (runs) batch(count, bytes);
        elapsed = max_over_pes(runs ? now() - start : 0);
        if (elapsed >= TARGET_SECONDS / 4 || count >= MAX_COUNT) break;
        count *= 4;
    }
    if (elapsed > 0) count = (long)((double)count * TARGET_SECONDS / elapsed);
    if (count < 1) count = 1;
    if (count > MAX_COUNT) count = MAX_COUNT;
    for (b = 0; b < BATCHES; ++b) {
        shmem_barrier_all();
        start = now();
        if (runs) batch(count, bytes);
        per_call[b] = max_over_pes(runs ? (now() - start) / (double)count : 0);
    }
    for (i = 1; i < BATCHES; ++i) /* insertion sort for the median */
        for (j = i; j > 0 && per_call[j] < per_call[j - 1]; --j) {
            double t = per_call[j];
            per_call[j] = per_call[j - 1];
            per_call[j - 1] = t;
        }
    return per_call[BATCHES / 2];
}

static void report(const char* op, size_t bytes, double seconds)
{
    if (me == 0) {
        printf("{\"impl\": \"%s\", \"pes\": %d, \"op\": \"%s\", \"bytes\": %zu, \"us\": %.4f}\n", label, npes, op,
               bytes, seconds * 1e6);
        fflush(stdout);
    }
}

static void barrier_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_barrier_all();
    (void)bytes;
}
static void sync_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_sync_all();
    (void)bytes;
}
static void broadcast_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_broadcast64(dest, source, bytes / 8, 0, 0, 0, npes, psync[i & 1]);
}
static void collect_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_collect64(dest, source, bytes / 8, 0, 0, npes, collect_psync[i & 1]);
}
static void fcollect_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_fcollect64(dest, source, bytes / 8, 0, 0, npes, collect_psync[i & 1]);
}
static void alltoall_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_alltoall64(dest, source, bytes / 8, 0, 0, npes, psync[i & 1]);
}
/* Every other element: the strided form's own cost (bytes is what moves per PE pair). */
static void alltoalls_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) shmem_alltoalls64(dest, source, 2, 2, bytes / 8, 0, 0, npes, psync[i & 1]);
}
static void reduce_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i)
        shmem_long_sum_to_all((long*)dest, (const long*)source, (int)(bytes / 8), 0, 0, npes, work, psync[i & 1]);
}

static long* word_target;
static void put_quiet_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) {
        shmem_long_p(word_target, i, 1);
        shmem_quiet();
    }
    (void)bytes;
}
static void fetch_add_batch(long count, size_t bytes)
{
    long i;
    for (i = 0; i < count; ++i) (void)shmem_long_atomic_fetch_add(word_target, 1, 1);
    (void)bytes;
}

#if SHMEM_MAJOR_VERSION > 1 || SHMEM_MINOR_VERSION >= 5 /* put-with-signal */
/* PE 0 and PE 1 bounce 8 bytes with put-with-signal; one-way time = round trip / 2. */
static double ping_pong(long* data, uint64_t* signal, long count)
{
    long payload = 0, i;
    double start;
    shmem_barrier_all();
    start = now();
    if (me < 2) {
        for (i = 1; i <= count; ++i) {
            if (me == 0) {
                shmem_long_put_signal(data, &payload, 1, signal, (uint64_t)i, SHMEM_SIGNAL_SET, 1);
                shmem_signal_wait_until(signal, SHMEM_CMP_GE, (uint64_t)i);
            } else {
                shmem_signal_wait_until(signal, SHMEM_CMP_GE, (uint64_t)i);
                shmem_long_put_signal(data, &payload, 1, signal, (uint64_t)i, SHMEM_SIGNAL_SET, 0);
            }
        }
    }
    double elapsed = now() - start;
    shmem_barrier_all();
    *signal = 0;
    shmem_barrier_all();
    return max_over_pes(me < 2 ? elapsed / (double)count / 2 : 0);
}

static double ping_pong_median(long* data, uint64_t* signal)
{
    double t[BATCHES];
    int i, j;
    long count = 20000;
    double first = ping_pong(data, signal, 100);
    if (first > 0) count = (long)(TARGET_SECONDS / (2 * first));
    if (count < 10) count = 10;
    if (count > MAX_COUNT) count = MAX_COUNT;
    for (i = 0; i < BATCHES; ++i) t[i] = ping_pong(data, signal, count);
    for (i = 1; i < BATCHES; ++i)
        for (j = i; j > 0 && t[j] < t[j - 1]; --j) {
            double x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    return t[BATCHES / 2];
}
#endif

int main(int argc, char** argv)
{
    static const size_t sizes[] = {8, 64, 512, 2048, 8192, 65536, 262144, 1048576};
    static const struct {
        const char* name;
        batch_fn batch;
    } collectives[] = {{"broadcast", broadcast_batch}, {"collect", collect_batch},   {"fcollect", fcollect_batch},
                       {"alltoall", alltoall_batch},   {"alltoalls", alltoalls_batch}, {"sum_reduce", reduce_batch}};
    size_t s, c, i;
    if (argc > 1) label = argv[1];
    shmem_init();
    me = shmem_my_pe();
    npes = shmem_n_pes();
    for (i = 0; i < sizeof psync[0] / sizeof(long); ++i) psync[0][i] = psync[1][i] = SHMEM_SYNC_VALUE;
    for (i = 0; i < SHMEM_COLLECT_SYNC_SIZE; ++i) collect_psync[0][i] = collect_psync[1][i] = SHMEM_SYNC_VALUE;
    for (i = 0; i < SHMEM_REDUCE_SYNC_SIZE; ++i) result_psync[i] = SHMEM_SYNC_VALUE;
    /* alltoalls with stride 2 spans twice the blocks */
    source = shmem_malloc(2 * MAX_BYTES * (size_t)npes);
    dest = shmem_malloc(2 * MAX_BYTES * (size_t)npes);
    work = shmem_malloc(MAX_BYTES / 2 + SHMEM_REDUCE_MIN_WRKDATA_SIZE * sizeof(long));
    heap_word = shmem_malloc(sizeof(long));
    heap_data = shmem_malloc(8 * sizeof(long));
    heap_signal = shmem_malloc(sizeof(uint64_t));
    if (source == NULL || dest == NULL || work == NULL || heap_word == NULL) {
        if (me == 0) fprintf(stderr, "collectives: the symmetric heap is too small (SHMEM_SYMMETRIC_SIZE)\n");
        shmem_global_exit(1);
    }
    memset(source, 1, 2 * MAX_BYTES * (size_t)npes);
    memset(dest, 0, 2 * MAX_BYTES * (size_t)npes);
    *heap_signal = 0;
    shmem_barrier_all();

    report("barrier_all", 0, seconds_per_call(barrier_batch, 0, 1));
    report("sync_all", 0, seconds_per_call(sync_batch, 0, 1));
    for (c = 0; c < sizeof collectives / sizeof collectives[0]; ++c)
        for (s = 0; s < sizeof sizes / sizeof sizes[0]; ++s)
            report(collectives[c].name, sizes[s], seconds_per_call(collectives[c].batch, sizes[s], 1));

    if (npes >= 2) {
        word_target = heap_word;
        report("put+quiet heap", 8, seconds_per_call(put_quiet_batch, 8, 0));
        word_target = &global_word;
        report("put+quiet global", 8, seconds_per_call(put_quiet_batch, 8, 0));
        word_target = heap_word;
        report("fetch-add heap", 8, seconds_per_call(fetch_add_batch, 8, 0));
        word_target = &global_word;
        report("fetch-add global", 8, seconds_per_call(fetch_add_batch, 8, 0));
#if SHMEM_MAJOR_VERSION > 1 || SHMEM_MINOR_VERSION >= 5 /* put-with-signal */
        report("put-signal ping-pong heap", 8, ping_pong_median(heap_data, heap_signal));
        report("put-signal ping-pong global", 8, ping_pong_median(global_data, &global_signal));
#endif
    }
    shmem_barrier_all();
    shmem_free(heap_signal);
    shmem_free(heap_data);
    shmem_free(heap_word);
    shmem_free(work);
    shmem_free(dest);
    shmem_free(source);
    shmem_finalize();
    return 0;
}
