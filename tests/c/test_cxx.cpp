// The C API from C++ (built with oshc++): the typed routines, the C++ overloads of the generic
// names, and global variables as targets.
#include <shmem.h>
#include <shmemx.h>

#include <complex>
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

    // The generic names take every type of their own table: int32_t for the bitwise AMOs (whose
    // table has no int), int8_t for the bitwise reductions.
    static int32_t word32;
    static int8_t bits8[2], or8[2];
    shmem_barrier_all();
    shmem_atomic_or(&word32, static_cast<int32_t>(1 << me), 0);
    shmem_barrier_all();
    CHECK(shmem_atomic_fetch_and(&word32, static_cast<int32_t>(-1), 0) == (1 << npes) - 1);
    bits8[0] = static_cast<int8_t>(1 << me);
    bits8[1] = 1;
    CHECK(shmem_or_reduce(SHMEM_TEAM_WORLD, or8, bits8, 2) == 0);
    CHECK(or8[0] == (1 << npes) - 1 && or8[1] == 1);
    CHECK(shmem_sync(SHMEM_TEAM_WORLD) == 0);

    // Complex reductions take std::complex and the C types (double _Complex, a GCC/Clang extension
    // in C++), by their typed names and the generic ones.
    static std::complex<double> zsrc[2], zdest[2];
    __extension__ static double _Complex csrc[2], cdest[2];
    __extension__ static float _Complex fsrc[1], fdest[1];
    zsrc[0] = std::complex<double>(me, 1);
    zsrc[1] = std::complex<double>(1, 0);
    __real__ csrc[0] = me;
    __imag__ csrc[0] = 1;
    csrc[1] = 2;
    fsrc[0] = 1;
    shmem_barrier_all();
    CHECK(shmem_complexd_sum_reduce(SHMEM_TEAM_WORLD, zdest, zsrc, 2) == 0);
    CHECK(zdest[0] == std::complex<double>(npes * (npes - 1) / 2, npes));
    CHECK(shmem_complexd_sum_reduce(SHMEM_TEAM_WORLD, cdest, csrc, 2) == 0);
    CHECK(__real__ cdest[0] == npes * (npes - 1) / 2 && __imag__ cdest[0] == npes);
    CHECK(shmem_prod_reduce(SHMEM_TEAM_WORLD, cdest, csrc, 2) == 0);
    CHECK(__real__ cdest[1] == static_cast<double>(1 << npes) && __imag__ cdest[1] == 0);
    CHECK(shmem_sum_reduce(SHMEM_TEAM_WORLD, zdest, zsrc, 2) == 0);
    CHECK(zdest[1] == std::complex<double>(npes, 0));
    CHECK(shmem_complexf_prod_reduce(SHMEM_TEAM_WORLD, fdest, fsrc, 1) == 0);
    CHECK(__real__ fdest[0] == 1.0f);
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
