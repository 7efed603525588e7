// Nonblocking fetching AMOs: every routine on the default and on a created context, values valid
// after quiet, operands that change right after the call, exact totals under contention.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {


template <class T>
class AmoNbiStandard : public testing::Test {};
TYPED_TEST_SUITE(AmoNbiStandard, amo_standard_types);

template <class T>
class AmoNbiExtended : public testing::Test {};
TYPED_TEST_SUITE(AmoNbiExtended, amo_extended_types);

template <class T>
class AmoNbiBitwise : public testing::Test {};
TYPED_TEST_SUITE(AmoNbiBitwise, amo_bitwise_types);

// Runs `body` on the default context and on a created one of each kind.
template <class Body>
void on_every_context(Body body)
{
    body(oshmpi::default_context());
    for (long options : {0L, static_cast<long>(oshmpi::ctx_private)}) {
        oshmpi::context* ctx = oshmpi::ctx_create(options);
        body(*ctx);
        oshmpi::ctx_destroy(ctx);
    }
}

} // namespace

TYPED_TEST(AmoNbiStandard, FetchAddsHandOutEveryTicketOnce)
{
    using T = TypeParam;
    constexpr int rounds = 64;
    const int n = npes();
    on_every_context([&](oshmpi::context& ctx) {
        oshmpi::symmetric_array<T> counter(1);
        oshmpi::symmetric_array<T> tickets(static_cast<std::size_t>(rounds * n));
        oshmpi::barrier_all();
        std::vector<T> mine(rounds, T{99});
        for (int i = 0; i < rounds; ++i) {
            if (i % 2 == 0)
                oshmpi::atomic_fetch_inc_nbi(ctx, &mine[static_cast<std::size_t>(i)], counter.data(), 0);
            else
                oshmpi::atomic_fetch_add_nbi(ctx, &mine[static_cast<std::size_t>(i)], counter.data(), T{1}, 0);
        }
        oshmpi::quiet(ctx);
        oshmpi::put(ctx, tickets.data() + me() * rounds, mine.data(), rounds, 0);
        oshmpi::quiet(ctx);
        oshmpi::barrier_all();
        if (me() == 0) {
            std::vector<T> all(tickets.data(), tickets.data() + rounds * n);
            std::sort(all.begin(), all.end());
            for (int i = 0; i < rounds * n; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], static_cast<T>(i));
            EXPECT_EQ(counter.data()[0], static_cast<T>(rounds * n));
        }
        oshmpi::barrier_all();
    });
}

TYPED_TEST(AmoNbiStandard, CompareSwapElectsOneWinner)
{
    using T = TypeParam;
    on_every_context([&](oshmpi::context& ctx) {
        oshmpi::symmetric_array<T> slot(1);
        oshmpi::symmetric_array<int> winners(1);
        oshmpi::barrier_all();
        T previous = T{77};
        oshmpi::atomic_compare_swap_nbi(ctx, &previous, slot.data(), T{0}, static_cast<T>(me() + 1), 0);
        oshmpi::quiet(ctx);
        EXPECT_NE(previous, T{77});
        if (previous == T{0}) oshmpi::atomic_add(winners.data(), 1, 0);
        oshmpi::barrier_all();
        if (me() == 0) {
            EXPECT_EQ(winners.data()[0], 1);
            EXPECT_GE(slot.data()[0], T{1});
            EXPECT_LE(slot.data()[0], static_cast<T>(npes()));
        }
        oshmpi::barrier_all();
    });
}

TYPED_TEST(AmoNbiExtended, FetchAndSwapSeeTheRightValues)
{
    using T = TypeParam;
    on_every_context([&](oshmpi::context& ctx) {
        oshmpi::symmetric_array<T> cell(1);
        cell.data()[0] = static_cast<T>(1000 + me());
        oshmpi::barrier_all();
        T seen = T{};
        oshmpi::atomic_fetch_nbi(ctx, &seen, cell.data(), right());
        oshmpi::quiet(ctx);
        EXPECT_EQ(seen, static_cast<T>(1000 + right()));
        oshmpi::barrier_all();
        T old = T{};
        oshmpi::atomic_swap_nbi(ctx, &old, cell.data(), static_cast<T>(2000 + me()), right());
        oshmpi::quiet(ctx);
        EXPECT_EQ(old, static_cast<T>(1000 + right()));
        oshmpi::barrier_all();
        EXPECT_EQ(cell.data()[0], static_cast<T>(2000 + left()));
        oshmpi::barrier_all();
    });
}

TYPED_TEST(AmoNbiBitwise, FetchingBitwiseOpsComposeExactly)
{
    using T = TypeParam;
    const int n = npes();
    on_every_context([&](oshmpi::context& ctx) {
        oshmpi::symmetric_array<T> words(3); // [0] or, [1] xor, [2] and
        words.data()[2] = static_cast<T>(~T{0});
        oshmpi::barrier_all();
        T bit = static_cast<T>(T{1} << me());
        T before_or = T{}, before_xor = T{}, before_and = T{};
        oshmpi::atomic_fetch_or_nbi(ctx, &before_or, words.data(), bit, 0);
        oshmpi::atomic_fetch_xor_nbi(ctx, &before_xor, words.data() + 1, bit, 0);
        oshmpi::atomic_fetch_and_nbi(ctx, &before_and, words.data() + 2, static_cast<T>(~bit), 0);
        oshmpi::quiet(ctx);
        EXPECT_EQ(before_or & bit, T{0});
        EXPECT_EQ(before_xor & bit, T{0});
        EXPECT_EQ(before_and & bit, bit);
        oshmpi::barrier_all();
        if (me() == 0) {
            T all = static_cast<T>((T{1} << n) - 1);
            EXPECT_EQ(words.data()[0], all);
            EXPECT_EQ(words.data()[1], all);
            EXPECT_EQ(words.data()[2], static_cast<T>(~all));
        }
        oshmpi::barrier_all();
    });
}

TEST(AmoNbi, OperandsMayChangeRightAfterTheCall)
{
    // The operands are copied when the call returns: reusing the variable for the next call must
    // not change what the earlier, still-outstanding operation adds.
    on_every_context([&](oshmpi::context& ctx) {
        oshmpi::symmetric_array<long> sum(1);
        oshmpi::barrier_all();
        constexpr int count = 500;
        std::vector<long> fetched(count, -1);
        long addend = 0;
        for (int i = 0; i < count; ++i) {
            addend = i + 1;
            oshmpi::atomic_fetch_add_nbi(ctx, &fetched[static_cast<std::size_t>(i)], sum.data(), addend, right());
            addend = -12345; // clobbered while the operation may still be in flight
        }
        oshmpi::quiet(ctx);
        for (long value : fetched) EXPECT_GE(value, 0L);
        oshmpi::barrier_all();
        EXPECT_EQ(sum.data()[0], static_cast<long>(count) * (count + 1) / 2);
        oshmpi::barrier_all();
    });
}

TEST(AmoNbi, DefaultContextOverloads)
{
    oshmpi::symmetric_array<long> cell(2);
    cell.data()[0] = 5;
    oshmpi::barrier_all();
    long fetched = 0, swapped = 0, compared = 0, incremented = 0, added = 0, anded = 0, ored = 0, xored = 0;
    if (me() == 0) {
        oshmpi::atomic_fetch_nbi(&fetched, cell.data(), npes() - 1);
        oshmpi::quiet();
        EXPECT_EQ(fetched, 5L);
        long* c = cell.data() + 1;
        int pe = npes() - 1;
        oshmpi::atomic_fetch_inc_nbi(&incremented, c, pe);           // 0 -> 1
        oshmpi::quiet();
        oshmpi::atomic_fetch_add_nbi(&added, c, 6L, pe);             // 1 -> 7
        oshmpi::quiet();
        oshmpi::atomic_fetch_and_nbi(&anded, c, 3L, pe);             // 7 -> 3
        oshmpi::quiet();
        oshmpi::atomic_fetch_or_nbi(&ored, c, 8L, pe);               // 3 -> 11
        oshmpi::quiet();
        oshmpi::atomic_fetch_xor_nbi(&xored, c, 1L, pe);             // 11 -> 10
        oshmpi::quiet();
        oshmpi::atomic_compare_swap_nbi(&compared, c, 10L, 20L, pe); // 10 -> 20
        oshmpi::quiet();
        oshmpi::atomic_swap_nbi(&swapped, c, 30L, pe);               // 20 -> 30
        oshmpi::quiet();
        EXPECT_EQ(incremented, 0L);
        EXPECT_EQ(added, 1L);
        EXPECT_EQ(anded, 7L);
        EXPECT_EQ(ored, 3L);
        EXPECT_EQ(xored, 11L);
        EXPECT_EQ(compared, 10L);
        EXPECT_EQ(swapped, 20L);
    }
    oshmpi::barrier_all();
    if (me() == npes() - 1) {
        EXPECT_EQ(cell.data()[1], 30L);
    }
    oshmpi::barrier_all();
}

TEST(AmoNbi, BarrierAllCompletesThoseOfTheDefaultContext)
{
    // barrier_all quiets the default context: outstanding nonblocking fetches are complete after it.
    oshmpi::symmetric_array<long> counter(1);
    oshmpi::barrier_all();
    std::vector<long> fetched(100, -1);
    for (auto& f : fetched) oshmpi::atomic_fetch_inc_nbi(&f, counter.data(), 0);
    oshmpi::barrier_all();
    for (long f : fetched) {
        EXPECT_GE(f, 0L);
        EXPECT_LT(f, 100L * npes());
    }
    if (me() == 0) {
        EXPECT_EQ(counter.data()[0], 100L * npes());
    }
    oshmpi::barrier_all();
}

TEST(AmoNbi, BadArgumentsRaise)
{
    oshmpi::symmetric_array<long> cell(1);
    long local = 0;
    long fetched = 0;
    EXPECT_THROW(oshmpi::atomic_fetch_add_nbi(&fetched, &local, 1L, 0), oshmpi::error);
    EXPECT_THROW(oshmpi::atomic_fetch_add_nbi(&fetched, cell.data(), 1L, npes()), oshmpi::error);
    EXPECT_THROW(oshmpi::atomic_fetch_add_nbi(static_cast<long*>(nullptr), cell.data(), 1L, 0), oshmpi::error);
    oshmpi::barrier_all();
}
