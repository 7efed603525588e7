/* The raw-MPI column of the collectives benchmark (collectives.c): the MPI collective each
 * OpenSHMEM collective corresponds to, on MPI_COMM_WORLD, timed the same way (batches of
 * back-to-back blocking calls, the slowest rank's time per call, median of 5 batches of about
 * 20 ms). Waiting between batches is MPI_Ibarrier + MPI_Test + sched_yield, so that with more
 * ranks than cores the harness itself does not spin inside MPI; the timed calls are MPI's own
 * blocking collectives, as an MPI program would call them.
 *
 *   mpicc -O2 mpi_collectives.c -o mpi_collectives && mpiexec -n 4 ./mpi_collectives [label]
 */
#define _POSIX_C_SOURCE 200809L

#include <mpi.h>
#include <sched.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_BYTES (1L << 20)
#define BATCHES 5
#define TARGET_SECONDS 0.02
#define MAX_COUNT 200000L

static int me, npes;
static const char* label = "mpi";
static char *source, *dest;
static int *counts, *displs;
static MPI_Datatype strided = MPI_DATATYPE_NULL;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void wait_all(void)
{
    MPI_Request request;
    int done = 0;
    MPI_Ibarrier(MPI_COMM_WORLD, &request);
    for (;;) {
        MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (done) return;
        sched_yield();
    }
}

static double max_over_ranks(double value)
{
    double out = 0;
    MPI_Request request;
    int done = 0;
    MPI_Iallreduce(&value, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD, &request);
    while (!done) {
        MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (!done) sched_yield();
    }
    return out;
}

typedef void (*batch_fn)(long count, size_t bytes);

static double seconds_per_call(batch_fn batch, size_t bytes)
{
    double start, elapsed, per_call[BATCHES];
    int b, i, j;
    long count = 1;
    /* warm-up, then grow the batch until it lasts a quarter of the target on the slowest rank */
    wait_all();
    batch(2, bytes);
    for (;;) {
        wait_all();
        start = now();
        batch(count, bytes);
        elapsed = max_over_ranks(now() - start);
        if (elapsed >= TARGET_SECONDS / 4 || count >= MAX_COUNT) break;
        count *= 4;
    }
    if (elapsed > 0) count = (long)((double)count * TARGET_SECONDS / elapsed);
    if (count < 1) count = 1;
    if (count > MAX_COUNT) count = MAX_COUNT;
    for (b = 0; b < BATCHES; ++b) {
        wait_all();
        start = now();
        batch(count, bytes);
        per_call[b] = max_over_ranks((now() - start) / (double)count);
    }
    for (i = 1; i < BATCHES; ++i)
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
    for (long i = 0; i < count; ++i) MPI_Barrier(MPI_COMM_WORLD);
    (void)bytes;
}
static void broadcast_batch(long count, size_t bytes)
{
    for (long i = 0; i < count; ++i) MPI_Bcast(dest, (int)bytes, MPI_BYTE, 0, MPI_COMM_WORLD);
}
/* collect: sizes may differ per PE, so MPI_Allgatherv (all equal here, as in collectives.c). */
static void collect_batch(long count, size_t bytes)
{
    for (int r = 0; r < npes; ++r) {
        counts[r] = (int)bytes;
        displs[r] = (int)bytes * r;
    }
    for (long i = 0; i < count; ++i)
        MPI_Allgatherv(source, (int)bytes, MPI_BYTE, dest, counts, displs, MPI_BYTE, MPI_COMM_WORLD);
}
static void fcollect_batch(long count, size_t bytes)
{
    for (long i = 0; i < count; ++i) MPI_Allgather(source, (int)bytes, MPI_BYTE, dest, (int)bytes, MPI_BYTE, MPI_COMM_WORLD);
}
static void alltoall_batch(long count, size_t bytes)
{
    for (long i = 0; i < count; ++i) MPI_Alltoall(source, (int)bytes, MPI_BYTE, dest, (int)bytes, MPI_BYTE, MPI_COMM_WORLD);
}
/* alltoalls with strides 2 and 2, as collectives.c: a vector type of every other 8-byte element. */
static void alltoalls_batch(long count, size_t bytes)
{
    MPI_Datatype vector;
    int elements = (int)(bytes / 8);
    MPI_Type_vector(elements, 1, 2, MPI_INT64_T, &vector);
    MPI_Type_create_resized(vector, 0, (MPI_Aint)elements * 16, &strided);
    MPI_Type_commit(&strided);
    MPI_Type_free(&vector);
    for (long i = 0; i < count; ++i) MPI_Alltoall(source, 1, strided, dest, 1, strided, MPI_COMM_WORLD);
    MPI_Type_free(&strided);
}
static void reduce_batch(long count, size_t bytes)
{
    for (long i = 0; i < count; ++i) MPI_Allreduce(source, dest, (int)(bytes / 8), MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
}

int main(int argc, char** argv)
{
    static const size_t sizes[] = {8, 64, 512, 2048, 8192, 65536, 262144, 1048576};
    static const struct {
        const char* name;
        batch_fn batch;
    } collectives[] = {{"broadcast", broadcast_batch}, {"collect", collect_batch},   {"fcollect", fcollect_batch},
                       {"alltoall", alltoall_batch},   {"alltoalls", alltoalls_batch}, {"sum_reduce", reduce_batch}};
    if (argc > 1) label = argv[1];
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &me);
    MPI_Comm_size(MPI_COMM_WORLD, &npes);
    source = calloc(2 * MAX_BYTES * (size_t)npes, 1);
    dest = calloc(2 * MAX_BYTES * (size_t)npes, 1);
    counts = calloc((size_t)npes, sizeof(int));
    displs = calloc((size_t)npes, sizeof(int));
    memset(source, 1, 2 * MAX_BYTES * (size_t)npes);

    report("barrier_all", 0, seconds_per_call(barrier_batch, 0));
    for (size_t c = 0; c < sizeof collectives / sizeof collectives[0]; ++c)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; ++s)
            report(collectives[c].name, sizes[s], seconds_per_call(collectives[c].batch, sizes[s]));
    free(displs);
    free(counts);
    free(dest);
    free(source);
    MPI_Finalize();
    return 0;
}
