// The C API from C++ (built with oshc++): the typed routines, the C++ overloads of the generic
// names, and global variables as targets.
#include <shmem.h>
#include <shmemx.h>

#include <cstdio>

static int failures = 0;
#define CHECK(condition)                                                                           \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "PE %d: line %d: %s\n", shmem_my_pe(), __LINE__, #condition);     \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

long ring[4];
static unsigned long bits;
static double value;

int main()
{
    shmem_init();
    const int me = shmem_my_pe(), npes = shmem_n_pes();
    const int right = (me + 1) % npes, left = (me + npes - 1) % npes;
    long src[4] = {me, me + 1, me + 2, me + 3};
    shmem_put(ring, src, 4, right);
    shmem_p(&value, me + 0.5, right);
    shmem_atomic_or(&bits, 1ul << me, 0);
    shmem_barrier_all();
    CHECK(ring[3] == left + 3);
    CHECK(value == left + 0.5);
    CHECK(shmem_g(&ring[0], right) == me);
    CHECK(shmem_atomic_fetch(SHMEM_CTX_DEFAULT, &bits, 0) == (1ul << npes) - 1);
    long* heap = static_cast<long*>(shmem_malloc(sizeof(long)));
    *heap = me;
    long sum = 0;
    static long total;
    shmem_barrier_all();
    CHECK(shmem_sum_reduce(SHMEM_TEAM_WORLD, &total, heap, 1) == 0);
    CHECK(total == npes * (npes - 1) / 2);
    shmem_long_atomic_add(heap, 1, right);
    shmem_wait_until(heap, SHMEM_CMP_EQ, static_cast<long>(me + 1));
    sum = *heap;
    CHECK(sum == me + 1);
    CHECK(shmemx_wtime() > 0.0);
    shmem_free(heap);
    static int any_failures;
    static int mine;
    mine = failures;
    shmem_barrier_all();
    shmem_max_reduce(SHMEM_TEAM_WORLD, &any_failures, &mine, 1);
    if (me == 0) std::printf("test_cxx: %s\n", any_failures ? "FAILED" : "passed");
    shmem_finalize();
    return any_failures ? 1 : 0;
}
