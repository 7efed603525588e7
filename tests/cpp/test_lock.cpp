// Distributed locks: mutual exclusion (a non-atomic counter ends exact), test_lock semantics, and
// FIFO fairness checked against the queue itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

// The queue lock keeps, on each PE, 1 + its successor's PE in the low 31 bits of the long's second
// 32-bit word (see src/ops/lock.cpp). The fairness test reads it to know who is queued.
std::uint32_t* link_word(long* lock)
{
    return reinterpret_cast<std::uint32_t*>(lock) + 1;
}
int successor_of(long* lock, int pe)
{
    std::uint32_t link = oshmpi::atomic_fetch(link_word(lock), pe) & 0x7fffffffu;
    return static_cast<int>(link) - 1;
}
} // namespace

TEST(Lock, ProtectsANonAtomicCounter)
{
    oshmpi::symmetric_array<long> lock(1);
    oshmpi::symmetric_array<long> counter(2);
    const int owner = npes() - 1; // the counter lives away from the lock's root (PE 0) when it can
    constexpr int rounds = 100;
    oshmpi::barrier_all();
    for (int i = 0; i < rounds; ++i) {
        oshmpi::set_lock(lock.data());
        // get, +1, put: loses updates unless the lock excludes everyone else and clear_lock
        // completes the put before the next holder reads.
        long value = oshmpi::g(counter.data(), owner);
        oshmpi::p(counter.data(), value + 1, owner);
        long mirror = oshmpi::g(counter.data() + 1, 0);
        oshmpi::put(counter.data() + 1, &(++mirror), 1, 0);
        oshmpi::clear_lock(lock.data());
    }
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::g(counter.data(), owner), static_cast<long>(rounds) * npes());
    EXPECT_EQ(oshmpi::g(counter.data() + 1, 0), static_cast<long>(rounds) * npes());
    // A released lock is free again: it reads as all zero on every PE.
    EXPECT_EQ(lock[0], 0L);
    oshmpi::barrier_all();
}

TEST(Lock, TestLockAcquiresOnExactlyOnePe)
{
    oshmpi::symmetric_array<long> lock(1);
    oshmpi::symmetric_array<int> winners(1);
    oshmpi::barrier_all();
    bool won = oshmpi::test_lock(lock.data());
    if (won) oshmpi::atomic_inc(winners.data(), 0);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::atomic_fetch(winners.data(), 0), 1);
    // While the winner holds it, every test fails, including the winner's own second try.
    EXPECT_FALSE(oshmpi::test_lock(lock.data()));
    oshmpi::barrier_all();
    if (won) oshmpi::clear_lock(lock.data());
    oshmpi::barrier_all();
    // Free again: PEs take it one after another with test_lock.
    for (int pe = 0; pe < npes(); ++pe) {
        if (pe == me()) {
            EXPECT_TRUE(oshmpi::test_lock(lock.data()));
            oshmpi::clear_lock(lock.data());
        }
        oshmpi::barrier_all();
    }
}

TEST(Lock, TestLockNeverBypassesSetLock)
{
    oshmpi::symmetric_array<long> lock(1);
    oshmpi::symmetric_array<long> counter(1);
    constexpr int rounds = 50;
    oshmpi::barrier_all();
    // Mixed acquirers: even PEs block, odd PEs poll with test_lock. The counter stays exact.
    for (int i = 0; i < rounds; ++i) {
        if (me() % 2 == 0) {
            oshmpi::set_lock(lock.data());
        } else {
            oshmpi::detail::backoff backoff;
            while (!oshmpi::test_lock(lock.data())) backoff.pause();
        }
        long value = oshmpi::g(counter.data(), 0);
        oshmpi::p(counter.data(), value + 1, 0);
        oshmpi::clear_lock(lock.data());
    }
    oshmpi::barrier_all();
    if (me() == 0) EXPECT_EQ(counter[0], static_cast<long>(rounds) * npes());
    oshmpi::barrier_all();
}

TEST(Lock, WaitersAreServedInQueueOrder)
{
    // Each PE in turn holds the lock while all others queue; the holder walks the queue, releases
    // and queues again at once. A fair lock serves every earlier waiter, in queue order, first.
    oshmpi::symmetric_array<long> lock(1);
    oshmpi::symmetric_array<int> log(static_cast<std::size_t>(npes()) + 1); // [0]: next slot; then PEs
    for (int holder = 0; holder < npes(); ++holder) {
        if (me() == 0) std::fill(log.begin(), log.end(), 0);
        oshmpi::barrier_all();
        if (me() == holder) oshmpi::set_lock(lock.data());
        oshmpi::barrier_all();
        if (me() != holder) {
            oshmpi::set_lock(lock.data());
            int slot = oshmpi::atomic_fetch_inc(log.data(), 0);
            oshmpi::atomic_set(log.data() + 1 + slot, me(), 0);
            oshmpi::clear_lock(lock.data());
        } else {
            // Follow the links until every other PE has queued behind us: then the order is fixed.
            std::vector<int> queue;
            oshmpi::detail::backoff backoff;
            while (static_cast<int>(queue.size()) < npes() - 1) {
                int next = successor_of(lock.data(), queue.empty() ? holder : queue.back());
                if (next >= 0)
                    queue.push_back(next);
                else
                    backoff.pause();
            }
            oshmpi::clear_lock(lock.data());
            oshmpi::set_lock(lock.data());
            int slot = oshmpi::atomic_fetch_inc(log.data(), 0);
            EXPECT_EQ(slot, npes() - 1) << "holder " << holder << " re-took the lock before a waiter";
            for (int i = 0; i < npes() - 1; ++i)
                EXPECT_EQ(oshmpi::atomic_fetch(log.data() + 1 + i, 0), queue[static_cast<std::size_t>(i)])
                    << "holder " << holder << ", turn " << i;
            oshmpi::clear_lock(lock.data());
        }
        oshmpi::barrier_all();
        EXPECT_EQ(lock[0], 0L);
    }
    oshmpi::barrier_all();
}

TEST(Lock, BadLocksAreErrors)
{
    long local = 0;
    EXPECT_THROW(oshmpi::set_lock(&local), oshmpi::error);
    EXPECT_THROW(oshmpi::clear_lock(nullptr), oshmpi::error);
    try {
        static_cast<void>(oshmpi::test_lock(&local));
        ADD_FAILURE() << "test_lock accepted a private address";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), oshmpi::errc::not_symmetric);
    }
    oshmpi::barrier_all();
}
