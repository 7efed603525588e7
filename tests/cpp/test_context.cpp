// Communication contexts: every flavour, RMA and every AMO on a created context, team contexts with
// team-relative PE numbers, more contexts than the window pool holds, per-context quiet, and the
// errors bad handles and options raise.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {


// Expects `call` to throw oshmpi::error with `code`.
template <class Call>
void expect_error(oshmpi::errc code, Call call)
{
    try {
        call();
        ADD_FAILURE() << "no oshmpi::error thrown";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), code) << e.what();
    }
}

const long flavours[] = {0,
                         oshmpi::ctx_serialized,
                         oshmpi::ctx_private,
                         oshmpi::ctx_nostore,
                         oshmpi::ctx_serialized | oshmpi::ctx_nostore,
                         oshmpi::ctx_private | oshmpi::ctx_nostore,
                         oshmpi::ctx_private | oshmpi::ctx_serialized | oshmpi::ctx_nostore};

} // namespace

TEST(Context, EveryFlavourPutsGetsAndBelongsToTheWorld)
{
    oshmpi::symmetric_array<long> ring(64);
    oshmpi::barrier_all();
    for (long options : flavours) {
        oshmpi::context* ctx = oshmpi::ctx_create(options);
        ASSERT_NE(ctx, nullptr);
        EXPECT_EQ(oshmpi::ctx_get_team(ctx), oshmpi::team_world());
        std::vector<long> mine(64);
        for (int i = 0; i < 64; ++i) mine[static_cast<std::size_t>(i)] = options * 1000 + me() * 100 + i;
        oshmpi::put(*ctx, ring.data(), mine.data(), 32, right());
        oshmpi::put_nbi(*ctx, ring.data() + 32, mine.data() + 32, 32, right());
        oshmpi::quiet(*ctx);
        oshmpi::barrier_all();
        for (int i = 0; i < 64; ++i) EXPECT_EQ(ring.data()[i], options * 1000 + left() * 100 + i) << options;
        std::vector<long> fetched(64, -1);
        oshmpi::get(*ctx, fetched.data(), ring.data(), 32, right());
        oshmpi::get_nbi(*ctx, fetched.data() + 32, ring.data() + 32, 32, right());
        oshmpi::quiet(*ctx);
        for (int i = 0; i < 64; ++i) EXPECT_EQ(fetched[static_cast<std::size_t>(i)], options * 1000 + me() * 100 + i);
        EXPECT_EQ(oshmpi::g(*ctx, ring.data() + 5, right()), options * 1000 + me() * 100 + 5);
        oshmpi::barrier_all();
        oshmpi::ctx_destroy(ctx);
    }
    oshmpi::barrier_all();
}

TEST(Context, DefaultContextBelongsToTheWorld)
{
    EXPECT_EQ(oshmpi::ctx_get_team(&oshmpi::default_context()), oshmpi::team_world());
    EXPECT_EQ(oshmpi::ctx_get_team(nullptr), nullptr);
}

TEST(Context, EveryAmoOnACreatedContext)
{
    oshmpi::context* ctx = oshmpi::ctx_create(oshmpi::ctx_private);
    oshmpi::symmetric_array<long> words(8);
    oshmpi::symmetric_array<double> real(1);
    oshmpi::barrier_all();
    const int n = npes();
    // [0] add/inc/fetch_add/fetch_inc from everyone on PE 0; [1] or of one bit per PE; [2] xor of
    // one bit per PE; [3] and clearing one bit per PE; [4] compare-swap election; [5] set by the left
    // neighbour; [6] swap by the left neighbour; real: swap of a double.
    words.data()[3] = -1;
    oshmpi::barrier_all();
    EXPECT_GE(oshmpi::atomic_fetch_add(*ctx, words.data(), 5L, 0), 0L);
    oshmpi::atomic_add(*ctx, words.data(), 3L, 0);
    oshmpi::atomic_inc(*ctx, words.data(), 0);
    EXPECT_GE(oshmpi::atomic_fetch_inc(*ctx, words.data(), 0), 0L);
    long bit = 1L << me();
    EXPECT_EQ(oshmpi::atomic_fetch_or(*ctx, words.data() + 1, bit, 0) & bit, 0);
    oshmpi::atomic_xor(*ctx, words.data() + 2, bit, 0);
    EXPECT_NE(oshmpi::atomic_fetch_and(*ctx, words.data() + 3, ~bit, 0) & bit, 0);
    long previous = oshmpi::atomic_compare_swap(*ctx, words.data() + 4, 0L, static_cast<long>(me() + 1), 0);
    oshmpi::atomic_set(*ctx, words.data() + 5, static_cast<long>(100 + me()), right());
    EXPECT_EQ(oshmpi::atomic_swap(*ctx, words.data() + 6, static_cast<long>(200 + me()), right()), 0L);
    EXPECT_EQ(oshmpi::atomic_swap(*ctx, real.data(), 0.5 + me(), right()), 0.0);
    oshmpi::atomic_or(*ctx, words.data() + 7, 1L, me());
    EXPECT_EQ(oshmpi::atomic_fetch_xor(*ctx, words.data() + 7, 2L, me()), 1L);
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();

    std::vector<long> elected(1, previous == 0 ? 1 : 0);
    oshmpi::symmetric_array<long> winners(1);
    oshmpi::barrier_all();
    if (elected[0] != 0) oshmpi::atomic_add(*ctx, winners.data(), 1L, 0);
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();
    if (me() == 0) {
        EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data(), 0), 10L * n);
        EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 1, 0), (1L << n) - 1);
        EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 2, 0), (1L << n) - 1);
        EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 3, 0), ~((1L << n) - 1));
        long winner = oshmpi::atomic_fetch(*ctx, words.data() + 4, 0);
        EXPECT_GE(winner, 1L);
        EXPECT_LE(winner, static_cast<long>(n));
        EXPECT_EQ(winners.data()[0], 1L);
    }
    EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 5, me()), 100L + left());
    EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 6, me()), 200L + left());
    EXPECT_EQ(oshmpi::atomic_fetch(*ctx, real.data(), me()), 0.5 + left());
    EXPECT_EQ(oshmpi::atomic_fetch(*ctx, words.data() + 7, me()), 3L);
    oshmpi::barrier_all();
    oshmpi::ctx_destroy(ctx);
}

TEST(Context, ManyMoreContextsThanWindowsAllWorkAndRecycle)
{
    constexpr int count = 80; // more than the default pool of 8 windows, more than the spec's 64
    oshmpi::symmetric_array<int> slots(count);
    for (int round = 0; round < 2; ++round) {
        oshmpi::barrier_all();
        std::vector<oshmpi::context*> contexts;
        for (int i = 0; i < count; ++i) contexts.push_back(oshmpi::ctx_create(i % 2 == 0 ? 0L : static_cast<long>(oshmpi::ctx_private)));
        for (int i = 0; i < count; ++i) {
            int value = round * 100000 + me() * 1000 + i;
            oshmpi::put_nbi(*contexts[static_cast<std::size_t>(i)], slots.data() + i, &value, 1, right());
            oshmpi::quiet(*contexts[static_cast<std::size_t>(i)]); // `value` lives on the stack
        }
        oshmpi::barrier_all();
        for (int i = 0; i < count; ++i) EXPECT_EQ(slots.data()[i], round * 100000 + left() * 1000 + i);
        // Destroy in an order unlike creation, so slots come back out of order.
        for (int i = count - 1; i >= 0; i -= 2) oshmpi::ctx_destroy(contexts[static_cast<std::size_t>(i)]);
        for (int i = 0; i < count; i += 2) oshmpi::ctx_destroy(contexts[static_cast<std::size_t>(i)]);
    }
    oshmpi::barrier_all();
}

TEST(Context, QuietOnAContextCompletesItsNonblockingPuts)
{
    // A payload large enough to be in flight when quiet is called, then a flag on another context:
    // the target sees the flag only after the whole payload.
    constexpr std::size_t words = 1 << 17; // 1 MiB of longs
    oshmpi::symmetric_array<long> payload(words);
    oshmpi::symmetric_array<long> flag(1);
    std::vector<long> mine(words);
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    for (int round = 1; round <= 3; ++round) {
        for (std::size_t i = 0; i < words; ++i) mine[i] = round * 1000000L + me() * 10000L + static_cast<long>(i % 9973);
        oshmpi::barrier_all();
        oshmpi::put_nbi(*ctx, payload.data(), mine.data(), words, right());
        oshmpi::quiet(*ctx);
        oshmpi::atomic_set(flag.data(), static_cast<long>(round), right());
        oshmpi::wait_until(flag.data(), oshmpi::cmp::eq, static_cast<long>(round));
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < words; ++i)
            if (payload.data()[i] != round * 1000000L + left() * 10000L + static_cast<long>(i % 9973)) ++wrong;
        EXPECT_EQ(wrong, 0u) << "round " << round;
    }
    oshmpi::barrier_all();
    oshmpi::ctx_destroy(ctx);
}

// pe_quiet (OpenSHMEM 1.6) completes what the context issued to the PEs named: a payload in flight
// to each neighbour, completed towards one of them at a time, then announced with a flag on the
// default context; the neighbour that sees the flag finds the whole payload.
TEST(Context, PeQuietCompletesTheNamedTargets)
{
    constexpr std::size_t words = 1 << 16;
    oshmpi::symmetric_array<long> from_left(words), from_right(words), flags(2);
    std::vector<long> mine(words);
    for (std::size_t i = 0; i < words; ++i) mine[i] = me() * 100000L + static_cast<long>(i);
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    oshmpi::barrier_all();
    oshmpi::put_nbi(*ctx, from_left.data(), mine.data(), words, right());
    oshmpi::put_nbi(*ctx, from_right.data(), mine.data(), words, left());
    const int to_right[] = {right()};
    oshmpi::pe_quiet(*ctx, to_right, 1);
    oshmpi::atomic_set(&flags[0], 1L, right());
    const int to_left[] = {left(), left()}; // a PE named twice is fine
    oshmpi::pe_quiet(*ctx, to_left, 2);
    oshmpi::atomic_set(&flags[1], 1L, left());
    oshmpi::wait_until(&flags[0], oshmpi::cmp::eq, 1L);
    oshmpi::wait_until(&flags[1], oshmpi::cmp::eq, 1L);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < words; ++i) {
        if (from_left[i] != left() * 100000L + static_cast<long>(i)) ++wrong;
        if (from_right[i] != right() * 100000L + static_cast<long>(i)) ++wrong;
    }
    EXPECT_EQ(wrong, 0u);

    // A nonblocking fetch from the right neighbour is written once pe_quiet names it.
    long fetched = -1;
    oshmpi::barrier_all();
    oshmpi::atomic_fetch_add_nbi(*ctx, &fetched, &flags[0], 5L, right());
    oshmpi::pe_quiet(*ctx, to_right, 1);
    EXPECT_EQ(fetched, 1L);
    oshmpi::pe_quiet(*ctx, nullptr, 0); // nothing to complete
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();
    EXPECT_EQ(flags[0], 6L);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
}

// On a team context the PEs are the team's: on the reversed team, member i is world PE n - 1 - i.
TEST(Context, PeQuietNumbersPesAsTheContextsTeam)
{
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    oshmpi::context* ctx = oshmpi::team_create_ctx(reversed, 0);
    oshmpi::symmetric_array<long> data(1024), flag(1);
    std::vector<long> mine(1024, me() + 1L);
    int t_right = (oshmpi::team_my_pe(reversed) + 1) % npes();
    int world_sender = npes() - 1 - ((oshmpi::team_my_pe(reversed) + npes() - 1) % npes());
    oshmpi::barrier_all();
    oshmpi::put_nbi(*ctx, data.data(), mine.data(), mine.size(), t_right);
    oshmpi::pe_quiet(*ctx, &t_right, 1);
    oshmpi::atomic_set(*ctx, flag.data(), 1L, t_right);
    oshmpi::wait_until(flag.data(), oshmpi::cmp::eq, 1L);
    EXPECT_EQ(data[0], world_sender + 1L);
    EXPECT_EQ(data[1023], world_sender + 1L);
    int outside = npes();
    EXPECT_EQ(thrown_code([&] { oshmpi::pe_quiet(*ctx, &outside, 1); }), oshmpi::errc::invalid_pe);
    EXPECT_EQ(thrown_code([&] { oshmpi::pe_quiet(nullptr, 1); }), oshmpi::errc::invalid_argument);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
    oshmpi::team_destroy(reversed);
}

TEST(Context, DestroyCompletesOutstandingPuts)
{
    oshmpi::symmetric_array<long> ring(1024);
    std::vector<long> mine(1024);
    for (std::size_t i = 0; i < mine.size(); ++i) mine[i] = me() * 5000L + static_cast<long>(i);
    oshmpi::barrier_all();
    oshmpi::context* ctx = oshmpi::ctx_create(oshmpi::ctx_private);
    oshmpi::put_nbi(*ctx, ring.data(), mine.data(), mine.size(), right());
    oshmpi::ctx_destroy(ctx); // the spec's implicit quiet
    oshmpi::barrier_all();
    for (std::size_t i = 0; i < mine.size(); ++i) EXPECT_EQ(ring.data()[i], left() * 5000L + static_cast<long>(i));
    oshmpi::barrier_all();
}

TEST(Context, TeamContextNumbersPesAsItsTeam)
{
    // The world in reverse order: team PE i is world PE n-1-i, so any missing translation shows.
    const int n = npes();
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), n - 1, -1, n);
    ASSERT_NE(reversed, nullptr);
    oshmpi::context* ctx = oshmpi::team_create_ctx(reversed, 0);
    EXPECT_EQ(oshmpi::ctx_get_team(ctx), reversed);
    int my_team_pe = oshmpi::team_my_pe(reversed);
    EXPECT_EQ(my_team_pe, n - 1 - me());

    oshmpi::symmetric_array<int> got(2);
    oshmpi::symmetric_array<long> counter(1);
    oshmpi::barrier_all();
    // Every PE puts its world number into team PE (my_team_pe + 1) % n, and counts on team PE 0.
    int target_team_pe = (my_team_pe + 1) % n;
    int value = me();
    oshmpi::put(*ctx, got.data(), &value, 1, target_team_pe);
    oshmpi::atomic_add(*ctx, counter.data(), 1L, 0); // team PE 0 is world PE n-1
    long fetched = -1;
    oshmpi::atomic_fetch_add_nbi(*ctx, &fetched, counter.data(), 10L, 0);
    oshmpi::quiet(*ctx);
    EXPECT_GE(fetched, 0L);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::g(*ctx, got.data(), my_team_pe), got.data()[0]); // our own cell, by team number
    // World PE w received from the world PE whose team number is one less than w's team number.
    int sender_team_pe = (my_team_pe + n - 1) % n;
    EXPECT_EQ(got.data()[0], n - 1 - sender_team_pe);
    if (me() == n - 1) {
        EXPECT_EQ(counter.data()[0], 11L * n);
    } else {
        EXPECT_EQ(counter.data()[0], 0L);
    }
    expect_error(oshmpi::errc::invalid_pe, [&] { oshmpi::p(*ctx, got.data(), 1, n); });
    expect_error(oshmpi::errc::invalid_pe, [&] { oshmpi::atomic_inc(*ctx, counter.data(), -1); });
    oshmpi::barrier_all();
    oshmpi::ctx_destroy(ctx);
    oshmpi::team_destroy(reversed);
}

TEST(Context, TeamContextOnEvenPes)
{
    // The even world PEs; team PE i is world PE 2i. Members increment a word on every member.
    const int n = npes();
    int size = (n + 1) / 2;
    oshmpi::symmetric_array<long> hits(1);
    oshmpi::barrier_all();
    oshmpi::team* evens = oshmpi::team_split_strided(oshmpi::team_world(), 0, 2, size);
    EXPECT_EQ(evens != nullptr, me() % 2 == 0);
    if (evens != nullptr) {
        oshmpi::context* ctx = oshmpi::team_create_ctx(evens, oshmpi::ctx_serialized);
        for (int t = 0; t < size; ++t) oshmpi::atomic_inc(*ctx, hits.data(), t);
        oshmpi::quiet(*ctx);
        expect_error(oshmpi::errc::invalid_pe, [&] { oshmpi::atomic_inc(*ctx, hits.data(), size); });
        oshmpi::ctx_destroy(ctx);
    }
    oshmpi::barrier_all();
    EXPECT_EQ(hits.data()[0], me() % 2 == 0 ? static_cast<long>(size) : 0L);
    oshmpi::barrier_all();
    if (evens != nullptr) oshmpi::team_destroy(evens);
    oshmpi::barrier_all();
}

TEST(Context, BadHandlesAndOptionsRaise)
{
    expect_error(oshmpi::errc::invalid_argument, [] { oshmpi::ctx_destroy(nullptr); });
    expect_error(oshmpi::errc::invalid_argument, [] { oshmpi::ctx_destroy(&oshmpi::default_context()); });
    expect_error(oshmpi::errc::invalid_argument, [] { static_cast<void>(oshmpi::ctx_create(1L << 5)); });
    expect_error(oshmpi::errc::invalid_argument, [] { static_cast<void>(oshmpi::ctx_create(-1)); });
    expect_error(oshmpi::errc::invalid_argument,
                 [] { static_cast<void>(oshmpi::team_create_ctx(nullptr, 0)); });
    expect_error(oshmpi::errc::invalid_argument,
                 [] { static_cast<void>(oshmpi::team_create_ctx(oshmpi::team_world(), 1L << 8)); });
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    oshmpi::ctx_destroy(ctx);
    expect_error(oshmpi::errc::invalid_argument, [&] { oshmpi::ctx_destroy(ctx); });
    // PE range on a world context names the routine.
    oshmpi::context* world_ctx = oshmpi::ctx_create(0);
    oshmpi::symmetric_array<long> word(1);
    try {
        oshmpi::atomic_inc(*world_ctx, word.data(), npes());
        ADD_FAILURE() << "no error for PE n_pes";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), oshmpi::errc::invalid_pe);
        EXPECT_NE(std::string(e.what()).find("atomic_add"), std::string::npos) << e.what();
    }
    long fetch = 0;
    expect_error(oshmpi::errc::invalid_pe,
                 [&] { oshmpi::atomic_fetch_inc_nbi(*world_ctx, &fetch, word.data(), npes()); });
    oshmpi::ctx_destroy(world_ctx);
    oshmpi::barrier_all();
}

TEST(Context, TeamWorldContextKeepsWorldNumbering)
{
    oshmpi::context* ctx = oshmpi::team_create_ctx(oshmpi::team_world(), oshmpi::ctx_nostore);
    EXPECT_EQ(oshmpi::ctx_get_team(ctx), oshmpi::team_world());
    oshmpi::symmetric_array<int> cell(1);
    oshmpi::barrier_all();
    oshmpi::p(*ctx, cell.data(), me() + 1, right());
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();
    EXPECT_EQ(cell.data()[0], left() + 1);
    oshmpi::barrier_all();
    oshmpi::ctx_destroy(ctx);
}

// Sessions (OpenSHMEM 1.6) record their hints and change nothing else: options combine while a
// session runs, the masked total_ops replaces the previous one, stop clears, and a batch of puts
// and AMOs inside a session delivers exactly what it would outside.
TEST(Context, SessionsRecordHintsAndChangeNoResult)
{
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    EXPECT_FALSE(oshmpi::ctx_session(*ctx).active);
    oshmpi::session_config config;
    config.total_ops = 64;
    oshmpi::ctx_session_start(*ctx, oshmpi::ctx_session_batch, &config, oshmpi::ctx_session_total_ops);
    oshmpi::session_state s = oshmpi::ctx_session(*ctx);
    EXPECT_TRUE(s.active);
    EXPECT_EQ(s.options, oshmpi::ctx_session_batch);
    EXPECT_EQ(s.total_ops, 64u);
    oshmpi::ctx_session_start(*ctx, 1L << 5, nullptr, 0); // unknown bits are hints too
    s = oshmpi::ctx_session(*ctx);
    EXPECT_EQ(s.options, oshmpi::ctx_session_batch | (1L << 5));
    EXPECT_EQ(s.total_ops, 64u); // unmasked fields keep their value

    oshmpi::symmetric_array<long> table(64), hits(1);
    oshmpi::barrier_all();
    for (int i = 0; i < 64; ++i) oshmpi::p(*ctx, &table[static_cast<std::size_t>(i)], me() * 1000L + i, right());
    for (int i = 0; i < 64; ++i) oshmpi::atomic_add(*ctx, hits.data(), 1L, 0);
    oshmpi::quiet(*ctx);
    oshmpi::ctx_session_stop(*ctx);
    EXPECT_FALSE(oshmpi::ctx_session(*ctx).active);
    EXPECT_EQ(oshmpi::ctx_session(*ctx).total_ops, SIZE_MAX);
    oshmpi::ctx_session_stop(*ctx); // stopping again does nothing
    oshmpi::barrier_all();
    for (int i = 0; i < 64; ++i) EXPECT_EQ(table[static_cast<std::size_t>(i)], left() * 1000L + i);
    if (me() == 0) EXPECT_EQ(hits[0], 64L * npes());
    EXPECT_EQ(thrown_code([&] { oshmpi::ctx_session_start(*ctx, 0, nullptr, oshmpi::ctx_session_total_ops); }),
              oshmpi::errc::invalid_argument);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
}
