// Point-to-point synchronization and barriers.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

template <class T>
class WaitTyped : public testing::Test {};
TYPED_TEST_SUITE(WaitTyped, p2p_types);
} // namespace

TYPED_TEST(WaitTyped, RingOfFlagsWithData)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> flag(1);
    oshmpi::symmetric_array<long> data(16);
    int right = (me() + 1) % npes(), left = (me() + npes() - 1) % npes();
    oshmpi::barrier_all();
    std::vector<long> payload(16, me() * 1000L + 7);
    // The data, then a fence, then the flag: the waiter must see the data once it sees the flag.
    oshmpi::put(data.data(), payload.data(), 16, right);
    oshmpi::fence();
    oshmpi::atomic_set(flag.data(), T{1}, right);
    oshmpi::wait_until(flag.data(), oshmpi::cmp::eq, T{1});
    for (long value : std::vector<long>(data.begin(), data.end())) EXPECT_EQ(value, left * 1000L + 7);
    EXPECT_TRUE(oshmpi::test(flag.data(), oshmpi::cmp::ge, T{1}));
    EXPECT_FALSE(oshmpi::test(flag.data(), oshmpi::cmp::gt, T{1}));
    oshmpi::barrier_all();
}

TEST(Wait, EveryComparison)
{
    oshmpi::symmetric_array<int> ivar(1);
    ivar[0] = 5;
    using oshmpi::cmp;
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::eq, 5));
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::ne, 4));
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::gt, 4));
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::ge, 5));
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::lt, 6));
    EXPECT_TRUE(oshmpi::test(ivar.data(), cmp::le, 5));
    EXPECT_FALSE(oshmpi::test(ivar.data(), cmp::eq, 4));
    EXPECT_FALSE(oshmpi::test(ivar.data(), cmp::lt, 5));
    oshmpi::wait_until(ivar.data(), cmp::ge, 5); // already true: returns at once
    int local = 0;
    EXPECT_THROW(oshmpi::wait_until(&local, cmp::eq, 0), oshmpi::error);
    EXPECT_THROW(static_cast<void>(oshmpi::test(ivar.data(), static_cast<cmp>(42), 0)), oshmpi::error);
    oshmpi::barrier_all();
}

TEST(Wait, AllPesSignalPeZero)
{
    oshmpi::symmetric_array<long> arrivals(1);
    oshmpi::barrier_all();
    oshmpi::atomic_inc(arrivals.data(), 0);
    if (me() == 0) {
        oshmpi::wait_until(arrivals.data(), oshmpi::cmp::eq, static_cast<long>(npes()));
        EXPECT_EQ(arrivals[0], npes());
    }
    oshmpi::barrier_all();
}

TEST(Barrier, BarrierAllCompletesPendingPuts)
{
    oshmpi::symmetric_array<int> slots(64);
    oshmpi::barrier_all();
    for (int round = 0; round < 20; ++round) {
        for (int pe = 0; pe < npes(); ++pe) oshmpi::p(slots.data() + me(), round * 100 + me(), pe);
        oshmpi::barrier_all();
        for (int pe = 0; pe < npes(); ++pe) ASSERT_EQ(slots[pe], round * 100 + pe) << "round " << round;
        oshmpi::barrier_all();
    }
}

// Keeps this PE late for a while: a short sleep now and then (waiters may go to sleep), else a few
// yields (waiters spin or yield).
static void be_late(int round)
{
    if (round % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(50));
    else
        for (int i = 0; i < 3; ++i) std::this_thread::yield();
}

// Barriers back to back with each PE late in turn: each still orders every PE's puts before
// everyone's reads, though a barrier's flags are raised again as soon as it is over and a waiter
// spins or yields depending on where the late PE runs (shared_flag.hpp's await_all). Two sets of
// slots alternate, so a PE that races into the next round cannot overwrite what a slower one is
// still checking.
TEST(Barrier, BackToBackWithALatePe)
{
    const int n = npes();
    oshmpi::symmetric_array<int> slots(2 * static_cast<std::size_t>(n));
    for (int i = 0; i < 2 * n; ++i) slots[i] = 0;
    oshmpi::barrier_all();
    int wrong = 0;
    for (int round = 1; round <= 600; ++round) {
        int* set = slots.data() + (round % 2) * n;
        if (me() == round % n) be_late(round);
        for (int pe = 0; pe < n; ++pe) oshmpi::p(set + me(), round, pe);
        oshmpi::barrier_all();
        for (int pe = 0; pe < n; ++pe)
            if (set[pe] != round) ++wrong;
    }
    EXPECT_EQ(wrong, 0);
    oshmpi::barrier_all();
}

TEST(Barrier, SyncAllPublishesLocalStores)
{
    oshmpi::symmetric_array<int> value(1);
    value[0] = me() + 1;
    oshmpi::sync_all();
    int right = (me() + 1) % npes();
    EXPECT_EQ(oshmpi::g(value.data(), right), right + 1);
    oshmpi::barrier_all();
}
