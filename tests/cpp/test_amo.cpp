// Atomic memory operations: every AMO type, exact sums under contention, single-winner elections,
// and a mixed-operation stress on one word that proves atomicity across operations.
#include <gtest/gtest.h>

#include <cstdint>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {


template <class T>
class AmoStandard : public testing::Test {};
TYPED_TEST_SUITE(AmoStandard, amo_standard_types);

template <class T>
class AmoExtended : public testing::Test {};
TYPED_TEST_SUITE(AmoExtended, amo_extended_types);

template <class T>
class AmoBitwise : public testing::Test {};
TYPED_TEST_SUITE(AmoBitwise, amo_bitwise_types);

} // namespace

TYPED_TEST(AmoStandard, ConcurrentFetchAddsSumExactly)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> counter(2); // [0]: fetch-adds of 2 on PE 0; [1]: the ring's adds
    oshmpi::barrier_all();
    constexpr int rounds = 200;
    int right = (me() + 1) % npes();
    for (int i = 0; i < rounds; ++i) {
        T before = oshmpi::atomic_fetch_add(counter.data(), T{2}, 0);
        EXPECT_EQ(before % 2, T{0});
        oshmpi::atomic_inc(counter.data() + 1, right);
        oshmpi::atomic_add(counter.data() + 1, T{1}, right);
        static_cast<void>(oshmpi::atomic_fetch_inc(counter.data() + 1, right));
    }
    oshmpi::barrier_all();
    if (me() == 0) EXPECT_EQ(oshmpi::atomic_fetch(counter.data(), 0), static_cast<T>(2 * rounds * npes()));
    EXPECT_EQ(oshmpi::atomic_fetch(counter.data() + 1, me()), static_cast<T>(3 * rounds));
    oshmpi::barrier_all();
}

TYPED_TEST(AmoStandard, CompareSwapElectsExactlyOneWinner)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> slot(1);
    oshmpi::symmetric_array<int> winners(1);
    oshmpi::barrier_all();
    T mine = static_cast<T>(me() + 1);
    T seen = oshmpi::atomic_compare_swap(slot.data(), T{0}, mine, 0);
    if (seen == T{0}) oshmpi::atomic_inc(winners.data(), 0);
    oshmpi::barrier_all();
    if (me() == 0) {
        EXPECT_EQ(winners[0], 1);
        EXPECT_NE(slot[0], T{0});
    }
    // A failing compare-swap leaves the value alone and returns it.
    T current = oshmpi::atomic_fetch(slot.data(), 0);
    EXPECT_EQ(oshmpi::atomic_compare_swap(slot.data(), static_cast<T>(current + 1), T{77}, 0), current);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::atomic_fetch(slot.data(), 0), current);
    oshmpi::barrier_all();
}

TYPED_TEST(AmoExtended, FetchSetSwap)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> word(1);
    int right = (me() + 1) % npes(), left = (me() + npes() - 1) % npes();
    oshmpi::barrier_all();
    oshmpi::atomic_set(word.data(), static_cast<T>(me() + 10), right);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::atomic_fetch(word.data(), me()), static_cast<T>(left + 10));
    oshmpi::barrier_all();
    T old = oshmpi::atomic_swap(word.data(), static_cast<T>(me() + 20), right);
    EXPECT_EQ(old, static_cast<T>(me() + 10));
    oshmpi::barrier_all();
    EXPECT_EQ(word[0], static_cast<T>(left + 20));
    oshmpi::barrier_all();
}

TYPED_TEST(AmoExtended, FetchAddOfFloatsAndIntegers)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> sum(1);
    oshmpi::barrier_all();
    for (int i = 0; i < 10; ++i) static_cast<void>(oshmpi::atomic_fetch_add(sum.data(), T{1}, 0));
    oshmpi::barrier_all();
    if (me() == 0) EXPECT_EQ(sum[0], static_cast<T>(10 * npes()));
    oshmpi::barrier_all();
}

TYPED_TEST(AmoBitwise, EachPeOwnsABit)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> bits(3);
    oshmpi::barrier_all();
    if (me() == 0) {
        bits[1] = static_cast<T>(~T{0});
        bits[2] = T{0};
    }
    oshmpi::barrier_all();
    T mask = static_cast<T>(T{1} << (me() % 31));
    oshmpi::atomic_or(bits.data(), mask, 0);
    static_cast<void>(oshmpi::atomic_fetch_and(bits.data() + 1, static_cast<T>(~mask), 0));
    oshmpi::atomic_xor(bits.data() + 2, mask, 0);
    static_cast<void>(oshmpi::atomic_fetch_xor(bits.data() + 2, mask, 0));
    T previous = oshmpi::atomic_fetch_or(bits.data() + 2, mask, 0);
    EXPECT_EQ(previous & mask, T{0});
    oshmpi::barrier_all();
    if (me() == 0) {
        T all = 0;
        for (int pe = 0; pe < npes(); ++pe) all = static_cast<T>(all | (T{1} << (pe % 31)));
        EXPECT_EQ(bits[0], all);
        EXPECT_EQ(bits[1], static_cast<T>(~all));
        EXPECT_EQ(bits[2], all);
    }
    oshmpi::barrier_all();
}

// Many operations of different kinds on one word from every PE: MPI promises atomicity only among
// accumulates of one op, so this is what shows that the mechanism we use keeps them atomic together.
TEST(AmoStress, MixedOperationsOnOneWordStayAtomic)
{
    oshmpi::symmetric_array<long> word(1);
    oshmpi::symmetric_array<long> lock(1);
    oshmpi::barrier_all();
    constexpr int rounds = 300;
    long my_adds = 0;
    for (int i = 0; i < rounds; ++i) {
        switch (i % 5) {
        case 0: oshmpi::atomic_add(word.data(), 3L, 0); my_adds += 3; break;
        case 1: my_adds += 5; static_cast<void>(oshmpi::atomic_fetch_add(word.data(), 5L, 0)); break;
        case 2: {
            // Add 7 by compare-swap retry: only correct if CAS is atomic with the adds.
            long seen = oshmpi::atomic_fetch(word.data(), 0);
            for (;;) {
                long got = oshmpi::atomic_compare_swap(word.data(), seen, seen + 7, 0);
                if (got == seen) break;
                seen = got;
            }
            my_adds += 7;
            break;
        }
        case 3: oshmpi::atomic_inc(word.data(), 0); my_adds += 1; break;
        case 4: {
            // Swap-based add on a second word used as a lock-free counter check: swap in 0 and add back.
            long taken = oshmpi::atomic_swap(lock.data(), 0L, 0);
            oshmpi::atomic_add(lock.data(), taken + 1, 0);
            break;
        }
        }
    }
    oshmpi::barrier_all();
    long total = 0;
    MPI_Allreduce(&my_adds, &total, 1, MPI_LONG, MPI_SUM, oshmpi::world_comm());
    if (me() == 0) {
        EXPECT_EQ(word[0], total);
        EXPECT_EQ(lock[0], static_cast<long>(rounds / 5) * npes());
    }
    oshmpi::barrier_all();
}

TEST(Amo, BadArgumentsAreErrors)
{
    oshmpi::symmetric_array<long> word(2);
    long local = 0;
    EXPECT_THROW(oshmpi::atomic_inc(&local, 0), oshmpi::error);
    EXPECT_THROW(oshmpi::atomic_inc(word.data(), npes()), oshmpi::error);
    auto* misaligned = reinterpret_cast<long*>(reinterpret_cast<char*>(word.data()) + 1);
    EXPECT_THROW(oshmpi::atomic_inc(misaligned, 0), oshmpi::error);
    oshmpi::barrier_all();
}
