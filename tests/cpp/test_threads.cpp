// THREAD_MULTIPLE: several threads per PE, each with a private context doing puts and fetch-adds at
// once; threads sharing the default context doing AMOs, nonblocking AMOs and quiets; threads
// creating and destroying contexts at once. Every value is asserted exactly.
#include <gtest/gtest.h>
#include <mpi.h>

#include <algorithm>
#include <thread>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

constexpr int threads = 3;


// Runs body(thread index) on `threads` std::threads and joins them; an exception in a thread
// becomes a test failure instead of std::terminate.
template <class Body>
void run_threads(Body body)
{
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([t, &body] {
            try {
                body(t);
            } catch (const std::exception& e) {
                ADD_FAILURE() << "thread " << t << ": " << e.what();
            }
        });
    for (auto& thread : pool) thread.join();
}

} // namespace

TEST(Threads, InitProvidesThreadMultiple)
{
    int provided = 0;
    MPI_Query_thread(&provided);
    EXPECT_EQ(oshmpi::query_thread(), provided == MPI_THREAD_MULTIPLE ? oshmpi::thread_level::multiple
                                                                       : oshmpi::query_thread());
    EXPECT_EQ(provided, MPI_THREAD_MULTIPLE) << "MPICH provides THREAD_MULTIPLE";
}

TEST(Threads, PrivateContextsPutAndFetchAddAtOnce)
{
    constexpr int per_thread = 150;
    oshmpi::symmetric_array<long> slots(threads * per_thread);
    oshmpi::symmetric_array<long> counter(1);
    oshmpi::symmetric_array<long> tickets(static_cast<std::size_t>(threads * per_thread * npes()));
    oshmpi::barrier_all();
    run_threads([&](int t) {
        oshmpi::context* ctx = oshmpi::ctx_create(oshmpi::ctx_private);
        std::vector<long> mine(per_thread);
        for (int i = 0; i < per_thread; ++i) {
            long value = me() * 1000000L + t * 1000L + i;
            oshmpi::p(*ctx, slots.data() + t * per_thread + i, value, right());
            mine[static_cast<std::size_t>(i)] = oshmpi::atomic_fetch_add(*ctx, counter.data(), 1L, 0);
        }
        oshmpi::put(*ctx, tickets.data() + (me() * threads + t) * per_thread, mine.data(), per_thread, 0);
        oshmpi::quiet(*ctx);
        oshmpi::ctx_destroy(ctx);
    });
    oshmpi::barrier_all();
    for (int t = 0; t < threads; ++t)
        for (int i = 0; i < per_thread; ++i)
            EXPECT_EQ(slots.data()[t * per_thread + i], left() * 1000000L + t * 1000L + i);
    if (me() == 0) {
        long total = static_cast<long>(threads) * per_thread * npes();
        EXPECT_EQ(counter.data()[0], total);
        std::vector<long> all(tickets.data(), tickets.data() + total);
        std::sort(all.begin(), all.end());
        for (long i = 0; i < total; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i);
    }
    oshmpi::barrier_all();
}

TEST(Threads, SharedDefaultContextAmosAndQuiets)
{
    constexpr int per_thread = 200;
    oshmpi::symmetric_array<long> counters(2); // [0] fetch-adds on PE 0, [1] adds on the right neighbour
    oshmpi::symmetric_array<long> tickets(static_cast<std::size_t>(threads * per_thread * npes()));
    oshmpi::barrier_all();
    run_threads([&](int t) {
        std::vector<long> mine(per_thread, -1);
        for (int i = 0; i < per_thread; ++i) {
            // Alternate blocking and nonblocking fetches on the one shared context; another
            // thread's quiet may complete ours, ours must complete ours.
            if (i % 2 == 0)
                mine[static_cast<std::size_t>(i)] = oshmpi::atomic_fetch_inc(counters.data(), 0);
            else
                oshmpi::atomic_fetch_inc_nbi(&mine[static_cast<std::size_t>(i)], counters.data(), 0);
            oshmpi::atomic_add(counters.data() + 1, 2L, right());
            if (i % 16 == 15) oshmpi::quiet();
        }
        oshmpi::quiet();
        for (long ticket : mine) EXPECT_GE(ticket, 0L);
        oshmpi::put(tickets.data() + (me() * threads + t) * per_thread, mine.data(), per_thread, 0);
        oshmpi::quiet();
    });
    oshmpi::barrier_all();
    EXPECT_EQ(counters.data()[1], 2L * threads * per_thread);
    if (me() == 0) {
        long total = static_cast<long>(threads) * per_thread * npes();
        EXPECT_EQ(counters.data()[0], total);
        std::vector<long> all(tickets.data(), tickets.data() + total);
        std::sort(all.begin(), all.end());
        for (long i = 0; i < total; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i);
    }
    oshmpi::barrier_all();
}

TEST(Threads, SharedCreatedContextNbiPutsAndQuiets)
{
    constexpr int per_thread = 64;
    oshmpi::symmetric_array<int> slots(threads * per_thread);
    oshmpi::context* shared = oshmpi::ctx_create(0);
    oshmpi::barrier_all();
    run_threads([&](int t) {
        std::vector<int> values(per_thread);
        for (int i = 0; i < per_thread; ++i) values[static_cast<std::size_t>(i)] = me() * 10000 + t * 100 + i;
        for (int i = 0; i < per_thread; ++i)
            oshmpi::put_nbi(*shared, slots.data() + t * per_thread + i, &values[static_cast<std::size_t>(i)], 1, right());
        oshmpi::quiet(*shared); // completes this thread's puts whatever the other threads do
    });
    oshmpi::barrier_all();
    for (int t = 0; t < threads; ++t)
        for (int i = 0; i < per_thread; ++i) EXPECT_EQ(slots.data()[t * per_thread + i], left() * 10000 + t * 100 + i);
    oshmpi::barrier_all();
    oshmpi::ctx_destroy(shared);
}

TEST(Threads, CreatingAndDestroyingContextsAtOnce)
{
    oshmpi::symmetric_array<long> counter(1);
    oshmpi::barrier_all();
    constexpr int rounds = 40;
    run_threads([&](int) {
        for (int r = 0; r < rounds; ++r) {
            oshmpi::context* a = oshmpi::ctx_create(oshmpi::ctx_private);
            oshmpi::context* b = oshmpi::ctx_create(0);
            oshmpi::atomic_inc(*a, counter.data(), right());
            oshmpi::atomic_inc(*b, counter.data(), left());
            oshmpi::ctx_destroy(b);
            oshmpi::ctx_destroy(a);
        }
    });
    oshmpi::barrier_all();
    EXPECT_EQ(counter.data()[0], 2L * threads * rounds);
    oshmpi::barrier_all();
}

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    oshmpi::init_thread(oshmpi::thread_level::multiple);
    int pe = oshmpi::my_pe();
    if (pe != 0) {
        auto& listeners = testing::UnitTest::GetInstance()->listeners();
        delete listeners.Release(listeners.default_result_printer());
    }
    int failed = RUN_ALL_TESTS() != 0 ? 1 : 0;
    int any_failed = 0;
    MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, oshmpi::world_comm());
    oshmpi::finalize();
    return any_failed;
}
