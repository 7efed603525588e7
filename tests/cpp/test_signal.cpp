// Put-with-signal: the receiver checks the whole payload once it sees the signal (payloads of
// 1 MiB, large enough that a signal overtaking its data would show), a ring of SIGNAL_ADD over
// many rounds, contention on one signal word, the error cases, and the signal updates without data
// (signal_add, signal_set).
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

std::uint64_t pattern(int pe, int round, std::size_t i)
{
    return (static_cast<std::uint64_t>(pe) << 48) ^ (static_cast<std::uint64_t>(round) << 32) ^
           (i * 2654435761u);
}
} // namespace

class PutSignalPayload : public testing::TestWithParam<bool> {}; // nbi?

TEST_P(PutSignalPayload, DataIsCompleteWhenTheSignalArrives)
{
    const bool nbi = GetParam();
    constexpr std::size_t n = (std::size_t{1} << 20) / sizeof(std::uint64_t); // 1 MiB
    constexpr int rounds = 4;
    oshmpi::symmetric_array<std::uint64_t> inbox(n);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    std::vector<std::uint64_t> outbox(n);
    oshmpi::barrier_all();
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < n; ++i) outbox[i] = pattern(me(), round, i);
        auto value = static_cast<std::uint64_t>(round + 1);
        if (nbi) {
            oshmpi::put_signal_nbi(inbox.data(), outbox.data(), n, signal.data(), value,
                                   oshmpi::signal_op::set, right());
        } else {
            oshmpi::put_signal(inbox.data(), outbox.data(), n, signal.data(), value, oshmpi::signal_op::set,
                               right());
        }
        EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, value), value);
        std::size_t wrong = 0, first_wrong = n;
        for (std::size_t i = 0; i < n; ++i) {
            if (inbox[i] != pattern(left(), round, i)) {
                if (wrong++ == 0) first_wrong = i;
            }
        }
        EXPECT_EQ(wrong, 0u) << "round " << round << ", first wrong element " << first_wrong;
        if (nbi) oshmpi::quiet(); // the source may be reused only after quiet
        oshmpi::barrier_all();    // nobody overwrites an inbox still being checked
    }
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), static_cast<std::uint64_t>(rounds));
    oshmpi::barrier_all();
}

INSTANTIATE_TEST_SUITE_P(BlockingAndNbi, PutSignalPayload, testing::Values(false, true),
                         [](const testing::TestParamInfo<bool>& info) {
                             return info.param ? "nbi" : "blocking";
                         });

TEST(PutSignal, RingOfSignalAddsOverManyRounds)
{
    // Each round sends one slot and adds 1 to the right neighbour's signal; the receiver waits for
    // the count and checks that slot. Slots are distinct, so no round waits for another.
    constexpr int rounds = 300;
    oshmpi::symmetric_array<long> slots(rounds * 4);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::barrier_all();
    for (int round = 0; round < rounds; ++round) {
        long payload[4] = {me(), round, -round, me() * 1000L + round};
        oshmpi::context& ctx = oshmpi::default_context();
        if (round % 2 == 0)
            oshmpi::put_signal(ctx, slots.data() + 4 * round, payload, 4, signal.data(), 1,
                               oshmpi::signal_op::add, right());
        else
            oshmpi::put_signal_nbi(ctx, slots.data() + 4 * round, payload, 4, signal.data(), 1,
                                   oshmpi::signal_op::add, right());
        std::uint64_t seen =
            oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::ge, static_cast<std::uint64_t>(round + 1));
        EXPECT_GE(seen, static_cast<std::uint64_t>(round + 1));
        EXPECT_EQ(slots[4 * round + 0], left());
        EXPECT_EQ(slots[4 * round + 1], round);
        EXPECT_EQ(slots[4 * round + 2], -round);
        EXPECT_EQ(slots[4 * round + 3], left() * 1000L + round);
    }
    oshmpi::quiet();
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, std::uint64_t{rounds}),
              static_cast<std::uint64_t>(rounds));
    oshmpi::barrier_all();
}

TEST(PutSignal, PollingWithSignalFetchAloneSeesEverySignal)
{
    // As tests-sos signal_fetch: every PE adds its number to every PE's signal, then polls with
    // signal_fetch only. Where signals travel through MPI, MPI may apply them only while the target
    // is inside MPI, so signal_fetch itself must let it progress. Bounded: a failure, not a hang.
    oshmpi::symmetric_array<long> target(10);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    long source[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    oshmpi::barrier_all();
    for (int pe = 0; pe < npes(); ++pe)
        oshmpi::put_signal(target.data(), source, 10, signal.data(), static_cast<std::uint64_t>(me()),
                           oshmpi::signal_op::add, pe);
    const auto expected = static_cast<std::uint64_t>(npes() * (npes() - 1) / 2);
    const double deadline = MPI_Wtime() + 20.0;
    std::uint64_t seen = oshmpi::signal_fetch(signal.data());
    while (seen != expected && MPI_Wtime() < deadline) seen = oshmpi::signal_fetch(signal.data());
    EXPECT_EQ(seen, expected) << "signals still missing after 20 s of polling";
    for (long i = 0; i < 10; ++i) EXPECT_EQ(target[i], i);
    oshmpi::barrier_all();
}

TEST(PutSignal, EveryPeSignalsPeZero)
{
    // All PEs add to one word while each fills its own row: PE 0 sees the exact sum, then the rows.
    constexpr int rounds = 50;
    oshmpi::symmetric_array<int> rows(static_cast<std::size_t>(npes()) * rounds);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::barrier_all();
    for (int round = 0; round < rounds; ++round) {
        int value = me() * rounds + round;
        oshmpi::put_signal(rows.data() + me() * rounds + round, &value, 1, signal.data(),
                           static_cast<std::uint64_t>(me() + 1), oshmpi::signal_op::add, 0);
    }
    if (me() == 0) {
        auto total =
            static_cast<std::uint64_t>(rounds) * static_cast<std::uint64_t>(npes() * (npes() + 1) / 2);
        EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::ge, total), total);
        for (int i = 0; i < npes() * rounds; ++i) EXPECT_EQ(rows[static_cast<std::size_t>(i)], i);
    }
    oshmpi::barrier_all();
}

TEST(PutSignal, SetOverwritesAndZeroLengthOnlySignals)
{
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::symmetric_array<char> data(8);
    oshmpi::barrier_all();
    oshmpi::put_signal(data.data(), static_cast<const char*>(nullptr), 0, signal.data(), 41,
                       oshmpi::signal_op::set, right());
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::ne, std::uint64_t{0}), 41u);
    oshmpi::barrier_all();
    oshmpi::put_signal(data.data(), "abcdefg", 8, signal.data(), 7, oshmpi::signal_op::set, right());
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::lt, std::uint64_t{41}), 7u);
    EXPECT_STREQ(data.data(), "abcdefg");
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), 7u);
    oshmpi::barrier_all();
}

TEST(PutSignal, BadArgumentsAreErrors)
{
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::symmetric_array<int> data(4);
    std::uint64_t private_signal = 0;
    int values[4] = {};
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::put_signal(data.data(), values, 4, signal.data(), 1,
                                     static_cast<oshmpi::signal_op>(7), right());
              }),
              oshmpi::errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::put_signal(data.data(), values, 4, &private_signal, 1, oshmpi::signal_op::set,
                                     right());
              }),
              oshmpi::errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::put_signal(values, values, 4, signal.data(), 1, oshmpi::signal_op::set, right());
              }),
              oshmpi::errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::put_signal(data.data(), values, 4, signal.data(), 1, oshmpi::signal_op::set,
                                     npes());
              }),
              oshmpi::errc::invalid_pe);
    EXPECT_EQ(thrown_code([&] { static_cast<void>(oshmpi::signal_fetch(&private_signal)); }),
              oshmpi::errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::signal_wait_until(signal.data(), static_cast<oshmpi::cmp>(9), std::uint64_t{0});
              }),
              oshmpi::errc::invalid_argument);
    // Nothing was delivered by the failed calls.
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), 0u);
    oshmpi::barrier_all();
}

TEST(PutSignal, TeamContextsNumberPesAsTheirTeam)
{
    // A reversed team: team PE i is world PE n-1-i. Sending to team PE (t+1) must reach the world
    // PE that the team numbers so, and the signal must land on that same PE.
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    oshmpi::context* ctx = oshmpi::team_create_ctx(reversed, 0);
    int t_me = oshmpi::team_my_pe(reversed);
    int t_right = (t_me + 1) % npes();
    int world_sender = npes() - 1 - ((t_me + npes() - 1) % npes()); // whoever has us as its team-right
    oshmpi::symmetric_array<int> data(4);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::barrier_all();
    int payload[4] = {me(), me() + 1, me() + 2, me() + 3};
    oshmpi::put_signal(*ctx, data.data(), payload, 4, signal.data(), 5, oshmpi::signal_op::add, t_right);
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, std::uint64_t{5}), 5u);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(data[i], world_sender + i);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
    oshmpi::team_destroy(reversed);
}

// signal_add and signal_set (OpenSHMEM 1.6): the signal update without data. Every PE adds me + 1
// to PE 0's word, many times, through the default context and a created one: PE 0 sees the exact
// sum; then set overwrites it on every PE's right neighbour.
TEST(SignalUpdate, AddsSumAndSetOverwrites)
{
    constexpr int rounds = 25;
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    oshmpi::barrier_all();
    for (int round = 0; round < rounds; ++round) {
        oshmpi::signal_add(signal.data(), static_cast<std::uint64_t>(me() + 1), 0);
        oshmpi::signal_add(*ctx, signal.data(), static_cast<std::uint64_t>(me() + 1), 0);
    }
    oshmpi::quiet(*ctx);
    auto total = 2 * static_cast<std::uint64_t>(rounds) * static_cast<std::uint64_t>(npes() * (npes() + 1) / 2);
    if (me() == 0) EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, total), total);
    oshmpi::barrier_all();
    oshmpi::signal_set(signal.data(), static_cast<std::uint64_t>(1000 + me()), right());
    // total < 1000, so >= 1000 means the set has arrived.
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::ge, std::uint64_t{1000}),
              static_cast<std::uint64_t>(1000 + left()));
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), static_cast<std::uint64_t>(1000 + left()));
    oshmpi::barrier_all();
    oshmpi::signal_set(*ctx, signal.data(), 0, me());
    oshmpi::quiet(*ctx);
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), 0u);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
}

// A signal update after a fence is ordered after the data: the receiver that sees it finds the data.
TEST(SignalUpdate, FenceOrdersDataBeforeTheSignal)
{
    oshmpi::symmetric_array<long> data(64);
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    std::vector<long> payload(64);
    for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = me() * 1000 + static_cast<long>(i);
    oshmpi::barrier_all();
    oshmpi::put(data.data(), payload.data(), payload.size(), right());
    oshmpi::fence();
    oshmpi::signal_add(signal.data(), 1, right());
    EXPECT_EQ(oshmpi::signal_wait_until(signal.data(), oshmpi::cmp::eq, std::uint64_t{1}), 1u);
    for (std::size_t i = 0; i < payload.size(); ++i) EXPECT_EQ(data[i], left() * 1000 + static_cast<long>(i));
    oshmpi::barrier_all();
}

TEST(SignalUpdate, BadArgumentsAreErrors)
{
    oshmpi::symmetric_array<std::uint64_t> signal(1);
    std::uint64_t private_signal = 0;
    EXPECT_EQ(thrown_code([&] { oshmpi::signal_add(&private_signal, 1, right()); }), oshmpi::errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] { oshmpi::signal_set(signal.data(), 1, npes()); }), oshmpi::errc::invalid_pe);
    EXPECT_EQ(thrown_code([&] { oshmpi::signal_add(nullptr, 1, right()); }), oshmpi::errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::signal_set(reinterpret_cast<std::uint64_t*>(reinterpret_cast<char*>(signal.data()) + 1), 1,
                                     right());
              }),
              oshmpi::errc::invalid_argument);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::signal_fetch(signal.data()), 0u);
    oshmpi::barrier_all();
}
