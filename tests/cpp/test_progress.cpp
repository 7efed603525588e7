// Progress without the target (the execution model): PE 0 computes without any OpenSHMEM call
// while every other PE puts, gets, does AMOs and put-with-signal on its heap. PE 0, still making
// no call, then watches its own memory with plain loads until every update has arrived (the 60 s
// limit only guards against a hang), and checks the values. Where updates go through MPI (another
// node, OSHMPI_TRANSPORT=mpi) only the progress agent can apply them; through shared memory they
// need nothing. Nothing here measures time.
//
// And put_signal_nbi returns without waiting for its target: with the agent off
// (OSHMPI_PROGRESS=off, a registration of its own), an origin calls it towards a PE that makes no
// MPI call until the origin says, through memory of their node that MPI does not serve, that the
// call has returned.
#include <gtest/gtest.h>
#include <mpi.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;
using namespace std::chrono_literals;

namespace {

constexpr auto compute_time = 2s;
constexpr auto hang_guard = 60s;
constexpr int target = 0;

long pattern(int pe, int slot)
{
    return 1000L * pe + slot + 7;
}

// Keeps a core busy without any library call (the target's "computation").
void compute_for(std::chrono::steady_clock::duration how_long)
{
    const auto end = std::chrono::steady_clock::now() + how_long;
    volatile double x = 1.0;
    while (std::chrono::steady_clock::now() < end)
        for (int i = 0; i < 1000; ++i) x = x * 1.0000001 + 1e-9;
}

template <class T> T plain_load(const T* where)
{
    return std::atomic_ref<T>(*const_cast<T*>(where)).load(std::memory_order_acquire);
}

// Spins on plain loads (yielding the core, which is no OpenSHMEM call) until `arrived` holds or
// the guard expires; returns whether it held.
template <class Pred> bool watch_until(Pred arrived)
{
    const auto give_up = std::chrono::steady_clock::now() + hang_guard;
    while (!arrived()) {
        if (std::chrono::steady_clock::now() > give_up) return false;
        sched_yield();
    }
    return true;
}

struct inbox {
    // One slot per origin for each kind of update; counters shared by all.
    explicit inbox(int n)
        : put_slot(n), get_source(n), get_echo(n), cswap_slot(n), swap_slot(n), signal_data(2 * n),
          done(n), counters(3), signal(1)
    {
    }
    oshmpi::symmetric_array<long> put_slot, get_source, get_echo, cswap_slot, swap_slot, signal_data, done;
    oshmpi::symmetric_array<long> counters; // [0] fetch-add by 1, [1] add by pe, [2] inc
    oshmpi::symmetric_array<std::uint64_t> signal;
};

} // namespace

TEST(Progress, ComputingTargetReceivesEveryUpdate)
{
    const int n = npes();
    inbox box(n);
    if (me() == target)
        for (int pe = 0; pe < n; ++pe) box.get_source[pe] = pattern(pe, 100);
    oshmpi::barrier_all();

    if (me() == target) {
        compute_for(compute_time);
        const long origins = n - 1;
        bool arrived = watch_until([&] {
            for (int pe = 0; pe < n; ++pe)
                if (pe != target && plain_load(&box.done[pe]) != 1) return false;
            return plain_load(&box.signal[0]) == static_cast<std::uint64_t>(2 * origins);
        });
        EXPECT_TRUE(arrived) << "updates still missing after " << hang_guard.count() << " s";
        long sum_of_origins = 0;
        for (int pe = 0; pe < n; ++pe) {
            if (pe == target) continue;
            sum_of_origins += pe;
            EXPECT_EQ(plain_load(&box.put_slot[pe]), pattern(pe, 1)) << "put from PE " << pe;
            EXPECT_EQ(plain_load(&box.get_echo[pe]), pattern(pe, 100)) << "get by PE " << pe;
            EXPECT_EQ(plain_load(&box.cswap_slot[pe]), pattern(pe, 3)) << "compare-swap from PE " << pe;
            EXPECT_EQ(plain_load(&box.swap_slot[pe]), pattern(pe, 4)) << "swap from PE " << pe;
            EXPECT_EQ(plain_load(&box.signal_data[2 * pe]), pattern(pe, 5)) << "put_signal from PE " << pe;
            EXPECT_EQ(plain_load(&box.signal_data[2 * pe + 1]), pattern(pe, 6)) << "put_signal_nbi from PE " << pe;
        }
        EXPECT_EQ(plain_load(&box.counters[0]), origins);
        EXPECT_EQ(plain_load(&box.counters[1]), sum_of_origins);
        EXPECT_EQ(plain_load(&box.counters[2]), origins);
    } else {
        const int pe = me();
        long value = pattern(pe, 1);
        oshmpi::put(&box.put_slot[pe], &value, 1, target);
        long got = oshmpi::g(&box.get_source[pe], target);
        oshmpi::p(&box.get_echo[pe], got, target);
        long before = oshmpi::atomic_fetch_add(&box.counters[0], 1L, target);
        EXPECT_GE(before, 0);
        EXPECT_LT(before, n - 1);
        oshmpi::atomic_add(&box.counters[1], static_cast<long>(pe), target);
        oshmpi::atomic_inc(&box.counters[2], target);
        EXPECT_EQ(oshmpi::atomic_compare_swap(&box.cswap_slot[pe], 0L, pattern(pe, 3), target), 0);
        EXPECT_EQ(oshmpi::atomic_swap(&box.swap_slot[pe], pattern(pe, 4), target), 0);
        long signalled = pattern(pe, 5);
        oshmpi::put_signal(&box.signal_data[2 * pe], &signalled, 1, box.signal.data(), 1,
                           oshmpi::signal_op::add, target);
        long signalled_nbi = pattern(pe, 6);
        oshmpi::put_signal_nbi(&box.signal_data[2 * pe + 1], &signalled_nbi, 1, box.signal.data(), 1,
                               oshmpi::signal_op::add, target);
        oshmpi::quiet();
        // Last, after quiet: when the target sees it, everything above is complete.
        oshmpi::atomic_set(&box.done[pe], 1L, target);
        oshmpi::quiet();
    }
    oshmpi::barrier_all();
}

// The target makes no MPI call until told so through node-shared memory of the test's own
// (loads and stores, no progress needed); its origin is the next PE of its node.
TEST(Progress, PutSignalNbiReturnsBeforeTheTargetPolls)
{
    MPI_Comm node;
    MPI_Comm_split_type(oshmpi::world_comm(), MPI_COMM_TYPE_SHARED, me(), MPI_INFO_NULL, &node);
    int node_rank = 0, node_size = 1;
    MPI_Comm_rank(node, &node_rank);
    MPI_Comm_size(node, &node_size);
    int* told = nullptr;
    MPI_Win told_win;
    MPI_Win_allocate_shared(sizeof(int), sizeof(int), MPI_INFO_NULL, node, &told, &told_win);
    *told = 0;
    int* target_told = told;
    if (node_size > 1) {
        MPI_Aint size = 0;
        int unit = 0;
        MPI_Win_shared_query(told_win, 0, &size, &unit, &target_told);
    }
    // The world PE of node rank 0, known to its origin (node rank 1).
    int node_target = me();
    MPI_Bcast(&node_target, 1, MPI_INT, 0, node);

    constexpr std::size_t n = (std::size_t{1} << 20) / sizeof(long); // 1 MiB: never one packet
    oshmpi::symmetric_array<long> data(n);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    std::vector<long> source(n);
    for (std::size_t i = 0; i < n; ++i) source[i] = static_cast<long>(i * 31 + 5);
    oshmpi::barrier_all();

    if (node_size > 1 && node_rank == 0) {
        bool returned = watch_until([&] { return plain_load(told) == 1; });
        EXPECT_TRUE(returned) << "put_signal_nbi did not return while its target made no MPI call";
        // Now progress is ours to give: the signal arrives only after the data.
        EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, 1), 1u);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < n; ++i) wrong += data[i] != static_cast<long>(i * 31 + 5);
        EXPECT_EQ(wrong, 0u);
    } else if (node_size > 1 && node_rank == 1) {
        oshmpi::put_signal_nbi(data.data(), source.data(), n, signal.data(), 1, oshmpi::signal_op::set,
                               node_target);
        std::atomic_ref<int>(*target_told).store(1, std::memory_order_release);
        oshmpi::quiet(); // source stays valid until here
    }
    oshmpi::barrier_all();
    MPI_Win_free(&told_win);
    MPI_Comm_free(&node);
}
