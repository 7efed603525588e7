// Team collectives: broadcast, collect, fcollect, alltoall(s) over every RMA type and every
// reduction over every type of its table, on the world and on split teams, checked against a
// serial computation. Correct at any PE count (run at 1, 2, 3 and 4).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <complex>
#include <cstdint>
#include <cstring>
#include <thread>
#include <tuple>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;


namespace {




// A value that fits every RMA type (int8 included) and differs by PE and index.
template <class T>
T value(int pe, std::size_t i)
{
    return static_cast<T>(pe * 11 + static_cast<int>(i % 7) + 1);
}

// The teams every data collective runs on: the world, our half of the odd/even split and, from 4
// PEs, the first three PEs. In the two-node layout (2 + 2 PEs) the world spans the nodes with two
// members on each, a half has one member per node, and the three have two members on one node and
// one on the other (as the world at 3 PEs): the paths of teams over several nodes (MPI alone, or a
// node stage plus MPI between nodes) all run. On one node every team is node-local.
struct team_set {
    std::vector<oshmpi::team*> teams;
    oshmpi::team* half = nullptr;
    oshmpi::team* three = nullptr;
    team_set()
    {
        oshmpi::team* even = oshmpi::team_split_strided(oshmpi::team_world(), 0, 2, (npes() + 1) / 2);
        oshmpi::team* odd = npes() > 1 ? oshmpi::team_split_strided(oshmpi::team_world(), 1, 2, npes() / 2) : nullptr;
        half = even != nullptr ? even : odd;
        if (npes() >= 4) three = oshmpi::team_split_strided(oshmpi::team_world(), 0, 1, 3);
        teams = {oshmpi::team_world(), half};
        if (npes() >= 4) teams.push_back(three); // nullptr on the fourth PE
    }
    // Runs body(t) on each team we are in. The tests reuse one dest on every team, and a member of
    // the next team may write into ours as soon as it enters (node-local path), so every PE leaves
    // one team before any enters the next.
    template <class Body>
    void each(Body body) const
    {
        for (oshmpi::team* t : teams) {
            if (t != nullptr) body(t);
            oshmpi::barrier_all();
        }
    }
    ~team_set()
    {
        oshmpi::team_destroy(half);
        if (three != nullptr) oshmpi::team_destroy(three);
    }
};

int world_of(oshmpi::team* t, int pe) { return oshmpi::team_translate_pe(t, pe, oshmpi::team_world()); }

template <class T>
class DataCollective : public testing::Test {};
TYPED_TEST_SUITE(DataCollective, rma_types);

} // namespace

TYPED_TEST(DataCollective, BroadcastFromEveryRoot)
{
    using T = TypeParam;
    constexpr std::size_t n = 37;
    oshmpi::symmetric_array<T> source(n), dest(n);
    team_set set;
    set.each([&](oshmpi::team* t) {
        for (int root = 0; root < oshmpi::team_n_pes(t); ++root) {
            for (std::size_t i = 0; i < n; ++i) {
                source[i] = value<T>(me(), i);
                dest[i] = T{};
            }
            // The spec: every member's dest is ready before any member calls (the root may write
            // into ours as soon as it enters).
            oshmpi::team_sync(t);
            oshmpi::broadcast(t, dest.data(), source.data(), n, root);
            // Every member, the root included (OpenSHMEM 1.5), holds the root's source.
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[i], value<T>(world_of(t, root), i)) << "root " << root;
            oshmpi::team_sync(t);
        }
    });
}

TEST(Collectives, TeamSyncPublishesLocalStores)
{
    oshmpi::symmetric_array<int> value(1);
    team_set set;
    for (int round = 0; round < 3; ++round) {
        set.each([&](oshmpi::team* t) {
            auto expected = [&](int p) { return round * 1000 + world_of(t, p) * 10 + p; };
            value[0] = expected(oshmpi::team_my_pe(t));
            oshmpi::team_sync(t);
            for (int p = 0; p < oshmpi::team_n_pes(t); ++p)
                EXPECT_EQ(oshmpi::g(value.data(), world_of(t, p)), expected(p)) << "round " << round << " member " << p;
            oshmpi::team_sync(t); // nobody overwrites its value before every member has read it
        });
    }
}

TYPED_TEST(DataCollective, CollectWithDifferentSizesPerPe)
{
    using T = TypeParam;
    // Member p of the team contributes p + (p % 2) * 2 elements: some give none at all.
    auto count = [](int p) { return static_cast<std::size_t>(p % 3 == 0 ? 0 : p + 2); };
    std::size_t most = 0;
    for (int p = 0; p < npes(); ++p) most += count(p);
    oshmpi::symmetric_array<T> source(npes() + 2), dest(most + 1);
    team_set set;
    set.each([&](oshmpi::team* t) {
        int mine = oshmpi::team_my_pe(t);
        for (std::size_t i = 0; i < count(mine); ++i) source[i] = value<T>(me(), i);
        oshmpi::collect(t, dest.data(), source.data(), count(mine));
        std::size_t at = 0;
        for (int p = 0; p < oshmpi::team_n_pes(t); ++p)
            for (std::size_t i = 0; i < count(p); ++i, ++at) EXPECT_EQ(dest[at], value<T>(world_of(t, p), i));
        oshmpi::team_sync(t);
    });
}

TYPED_TEST(DataCollective, FcollectConcatenatesInTeamOrder)
{
    using T = TypeParam;
    constexpr std::size_t n = 5;
    oshmpi::symmetric_array<T> source(n), dest(n * npes());
    team_set set;
    set.each([&](oshmpi::team* t) {
        for (std::size_t i = 0; i < n; ++i) source[i] = value<T>(me(), i);
        oshmpi::fcollect(t, dest.data(), source.data(), n);
        for (int p = 0; p < oshmpi::team_n_pes(t); ++p)
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[p * n + i], value<T>(world_of(t, p), i));
        oshmpi::team_sync(t);
    });
}

TYPED_TEST(DataCollective, AlltoallExchangesBlocks)
{
    using T = TypeParam;
    constexpr std::size_t n = 3;
    oshmpi::symmetric_array<T> source(n * npes()), dest(n * npes());
    team_set set;
    set.each([&](oshmpi::team* t) {
        // Block j goes to member j and says who sent it to whom.
        for (int j = 0; j < oshmpi::team_n_pes(t); ++j)
            for (std::size_t i = 0; i < n; ++i) source[j * n + i] = value<T>(me(), i + 3 * j);
        oshmpi::alltoall(t, dest.data(), source.data(), n);
        int mine = oshmpi::team_my_pe(t);
        for (int p = 0; p < oshmpi::team_n_pes(t); ++p)
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[p * n + i], value<T>(world_of(t, p), i + 3 * mine));
        oshmpi::team_sync(t);
    });
}

TYPED_TEST(DataCollective, AlltoallsWithStrides)
{
    using T = TypeParam;
    constexpr std::size_t n = 2;
    constexpr std::ptrdiff_t sst = 3, dst = 2;
    std::size_t elements = n * npes();
    oshmpi::symmetric_array<T> source(elements * sst), dest(elements * dst);
    team_set set;
    set.each([&](oshmpi::team* t) {
        std::size_t team_elements = n * oshmpi::team_n_pes(t);
        for (std::size_t k = 0; k < elements * dst; ++k) dest[k] = T{};
        for (std::size_t k = 0; k < team_elements; ++k) source[k * sst] = value<T>(me(), k);
        oshmpi::team_sync(t); // every dest reset before any member writes into it
        oshmpi::alltoalls(t, dest.data(), source.data(), dst, sst, n);
        int mine = oshmpi::team_my_pe(t);
        for (int p = 0; p < oshmpi::team_n_pes(t); ++p)
            for (std::size_t i = 0; i < n; ++i)
                EXPECT_EQ(dest[(p * n + i) * dst], value<T>(world_of(t, p), mine * n + i));
        // The gaps between strided elements are left alone.
        for (std::size_t k = 0; k < team_elements; ++k) EXPECT_EQ(dest[k * dst + 1], T{});
        oshmpi::team_sync(t);
    });
}

TEST(Collectives, ByteForms)
{
    constexpr std::size_t n = 13;
    oshmpi::symmetric_array<char> source(n * npes()), dest(n * npes());
    oshmpi::team* world = oshmpi::team_world();
    for (std::size_t i = 0; i < n * npes(); ++i) source[i] = static_cast<char>('a' + (me() + i) % 26);
    int root = npes() - 1;
    oshmpi::broadcastmem(world, dest.data(), source.data(), n, root);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[i], static_cast<char>('a' + (root + i) % 26));
    oshmpi::sync_all(); // dest is read above: it is ready for the next collective only after this
    oshmpi::fcollectmem(world, dest.data(), source.data(), n);
    for (int p = 0; p < npes(); ++p)
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[p * n + i], static_cast<char>('a' + (p + i) % 26));
    oshmpi::sync_all();
    oshmpi::collectmem(world, dest.data(), source.data(), static_cast<std::size_t>(me()));
    std::size_t at = 0;
    for (int p = 0; p < npes(); ++p)
        for (int i = 0; i < p; ++i, ++at) EXPECT_EQ(dest[at], static_cast<char>('a' + (p + i) % 26));
    oshmpi::sync_all();
    oshmpi::alltoallmem(world, dest.data(), source.data(), n);
    for (int p = 0; p < npes(); ++p)
        for (std::size_t i = 0; i < n; ++i)
            EXPECT_EQ(dest[p * n + i], static_cast<char>('a' + (p + me() * n + i) % 26));
    oshmpi::sync_all();
    oshmpi::alltoallsmem(world, dest.data(), source.data(), 1, 1, n);
    for (int p = 0; p < npes(); ++p)
        for (std::size_t i = 0; i < n; ++i)
            EXPECT_EQ(dest[p * n + i], static_cast<char>('a' + (p + me() * n + i) % 26));
    oshmpi::barrier_all();
}

TEST(Collectives, ZeroElementsAreNoOps)
{
    oshmpi::symmetric_array<int> source(4), dest(4);
    dest[0] = 42;
    oshmpi::team* world = oshmpi::team_world();
    oshmpi::broadcast(world, dest.data(), source.data(), 0, 0);
    oshmpi::collect(world, dest.data(), source.data(), 0);
    oshmpi::fcollect(world, dest.data(), source.data(), 0);
    oshmpi::alltoall(world, dest.data(), source.data(), 0);
    oshmpi::alltoalls(world, dest.data(), source.data(), 1, 1, 0);
    oshmpi::sum_reduce(world, dest.data(), source.data(), 0);
    EXPECT_EQ(dest[0], 42);
    oshmpi::barrier_all();
}

TEST(Collectives, LargeFcollect)
{
    constexpr std::size_t n = 1 << 18; // 1 MiB of ints per PE
    oshmpi::symmetric_array<int> source(n), dest(n * npes());
    for (std::size_t i = 0; i < n; ++i) source[i] = static_cast<int>(i) * 7 + me();
    oshmpi::fcollect(oshmpi::team_world(), dest.data(), source.data(), n);
    std::size_t wrong = 0;
    for (int p = 0; p < npes(); ++p)
        for (std::size_t i = 0; i < n; ++i) wrong += dest[p * n + i] != static_cast<int>(i) * 7 + p;
    EXPECT_EQ(wrong, 0u);
    oshmpi::barrier_all();
}

// The spec lets a PE call the next collective on a team as soon as the last one returned, with no
// synchronization in between: the node-local path must keep rounds, roots and staging buffers
// apart. Broadcasts from changing roots, small (staged) and large (in place over the members'
// buffers) reductions and fcollects, back to back, on the world and on TEAM_SHARED.
TEST(Collectives, BackToBackWithoutSynchronization)
{
    constexpr std::size_t large = 3001; // 24 KB of longs: read in place, in uneven chunks
    oshmpi::symmetric_array<long> bsource(4), bdest(2 * 4), small(3), small_sum(3), big(large), big_sum(large);
    oshmpi::symmetric_array<long> gathered(4 * npes());
    for (oshmpi::team* t : {oshmpi::team_world(), oshmpi::team_shared()}) {
        const int n = oshmpi::team_n_pes(t), mine = oshmpi::team_my_pe(t);
        for (int k = 0; k < 60; ++k) {
            const int root = k % n;
            for (int i = 0; i < 4; ++i) bsource[i] = 1000L * k + 10L * mine + i;
            // Two dest buffers in turn: the reduction between two uses of one makes sure every
            // member has checked it before the next root writes into it.
            long* into = bdest.data() + 4 * (k % 2);
            oshmpi::broadcast(t, into, bsource.data(), 4, root);
            for (int i = 0; i < 4; ++i) EXPECT_EQ(into[i], 1000L * k + 10L * root + i) << "iteration " << k;

            for (int i = 0; i < 3; ++i) small[i] = k * (mine + 1) + i;
            oshmpi::sum_reduce(t, small_sum.data(), small.data(), 3);
            for (int i = 0; i < 3; ++i) EXPECT_EQ(small_sum[i], k * n * (n + 1) / 2 + n * i) << "iteration " << k;

            if (k % 10 == 0) {
                for (std::size_t i = 0; i < large; ++i) big[i] = static_cast<long>(i) * (mine + 1) + k;
                oshmpi::sum_reduce(t, big_sum.data(), big.data(), large);
                std::size_t wrong = 0;
                for (std::size_t i = 0; i < large; ++i)
                    wrong += big_sum[i] != static_cast<long>(i) * n * (n + 1) / 2 + static_cast<long>(k) * n;
                EXPECT_EQ(wrong, 0u) << "iteration " << k;
                // In place: dest == source.
                oshmpi::max_reduce(t, big.data(), big.data(), large);
                wrong = 0;
                for (std::size_t i = 0; i < large; ++i) wrong += big[i] != static_cast<long>(i) * n + k;
                EXPECT_EQ(wrong, 0u) << "iteration " << k << " in place";
            }
            oshmpi::fcollect(t, gathered.data(), bsource.data(), 4);
            for (int p = 0; p < n; ++p) EXPECT_EQ(gathered[4 * p + 3], 1000L * k + 10L * p + 3) << "iteration " << k;
            // The next fcollect writes `gathered` again: a reduction in between would order it, a
            // sync is simpler.
            oshmpi::team_sync(t);
        }
    }
    oshmpi::barrier_all();
}

// fcollects and reductions of up to 48 bytes per PE travel in the lines of the flags (two per
// writer, alternating): a member that runs ahead must not overwrite a payload a lagging member has
// not read. Payloads change every call; one member lags in turn (now and then long enough that the
// others go to sleep on their flags). Two dest buffers alternate, so that even the path that pushes
// into the members' dest (an fcollect over 48 bytes) needs no synchronization in between.
TEST(Collectives, CarriedBackToBackWithLaggingMember)
{
    oshmpi::symmetric_array<long> one(1), six(6), seven(7);
    oshmpi::symmetric_array<long> one_all(2 * npes()), six_all(2 * 6 * npes()), seven_all(2 * 7 * npes());
    oshmpi::symmetric_array<long> sum(2), sums(6);
    oshmpi::symmetric_array<double> pair(2), pair_prod(2 * 2), pair_max(2 * 2);
    for (oshmpi::team* t : {oshmpi::team_world(), oshmpi::team_shared()}) {
        const int n = oshmpi::team_n_pes(t), mine = oshmpi::team_my_pe(t);
        for (int k = 0; k < 120; ++k) {
            if (n > 1 && mine == k % n) {
                if (k % 40 == 7) std::this_thread::sleep_for(std::chrono::milliseconds(3));
                else if (k % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
            const std::size_t half = static_cast<std::size_t>(k % 2);
            auto v = [k](int pe, int i) { return 1000L * k + 10L * pe + i; };
            one[0] = v(mine, 0);
            for (int i = 0; i < 6; ++i) six[i] = v(mine, i);
            for (int i = 0; i < 7; ++i) seven[i] = v(mine, i);

            long* one_into = one_all.data() + half * n;
            oshmpi::fcollect(t, one_into, one.data(), 1);
            long* six_into = six_all.data() + half * 6 * n;
            oshmpi::fcollect(t, six_into, six.data(), 6);
            long* seven_into = seven_all.data() + half * 7 * n;
            oshmpi::fcollect(t, seven_into, seven.data(), 7);
            long* sum_into = sum.data() + half;
            oshmpi::sum_reduce(t, sum_into, one.data(), 1);
            oshmpi::sum_reduce(t, six.data(), six.data(), 6); // in place
            pair[0] = 1.0 + 0.25 * mine + k;
            pair[1] = -0.5 * (mine + 1) - k;
            double* prod_into = pair_prod.data() + 2 * half;
            oshmpi::prod_reduce(t, prod_into, pair.data(), 2);
            double* max_into = pair_max.data() + 2 * half;
            oshmpi::max_reduce(t, max_into, pair.data(), 2);

            long total = 0;
            double prod0 = 1, prod1 = 1;
            for (int p = 0; p < n; ++p) {
                EXPECT_EQ(one_into[p], v(p, 0)) << "iteration " << k << " member " << p;
                for (int i = 0; i < 6; ++i) EXPECT_EQ(six_into[6 * p + i], v(p, i)) << "iteration " << k;
                for (int i = 0; i < 7; ++i) EXPECT_EQ(seven_into[7 * p + i], v(p, i)) << "iteration " << k;
                total += v(p, 0);
                prod0 *= 1.0 + 0.25 * p + k;
                prod1 *= -0.5 * (p + 1) - k;
            }
            EXPECT_EQ(*sum_into, total) << "iteration " << k;
            for (int i = 0; i < 6; ++i) EXPECT_EQ(six[i], total + n * i) << "iteration " << k << " in place";
            EXPECT_EQ(prod_into[0], prod0) << "iteration " << k;
            EXPECT_EQ(prod_into[1], prod1) << "iteration " << k;
            EXPECT_EQ(max_into[0], 1.0 + 0.25 * (n - 1) + k) << "iteration " << k;
            EXPECT_EQ(max_into[1], -0.5 - k) << "iteration " << k;
        }
        oshmpi::barrier_all();
    }
}

// Broadcasts of up to 48 bytes travel in a ring of lines per member (128), which each member copies
// into its own dest, so a root runs up to a ring's worth of broadcasts ahead. One member lags in
// turn (now and then long enough that the ring fills and the root waits, or sleeps), roots change,
// and every call reuses one dest: each call's data must arrive, in order. In the last part a
// small broadcast into a buffer is now and then followed, with no synchronization, by a collective
// that writes into the members' buffers directly (a broadcast over 48 bytes, an alltoall): a
// lagging member's late copy out of its ring must not land on top of that.
TEST(Collectives, RingBroadcastsWithLaggingMember)
{
    oshmpi::symmetric_array<long> source(8 * npes()), dest(8), then_large(8), then_alltoall(npes());
    for (oshmpi::team* t : {oshmpi::team_world(), oshmpi::team_shared()}) {
        const int n = oshmpi::team_n_pes(t), mine = oshmpi::team_my_pe(t);
        auto v = [](int k, int pe, int i) { return 100000L * k + 100L * pe + i; };
        for (int k = 0; k < 800; ++k) {
            if (n > 1 && mine == (k / 200) % n) {
                if (k % 200 == 1 || k % 200 == 150) std::this_thread::sleep_for(std::chrono::milliseconds(3));
                else if (k % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(100));
            }
            // At first one root per stretch, never the member lagging then, so it runs a ring ahead.
            const int root = k < 600 ? (k / 200 + 1) % n : k % n;
            const int count = 1 + k % 6;
            for (int i = 0; i < count; ++i) source[i] = v(k, mine, i);
            oshmpi::broadcast(t, dest.data(), source.data(), count, root);
            for (int i = 0; i < count; ++i) EXPECT_EQ(dest[i], v(k, root, i)) << "iteration " << k << " element " << i;

            if (k < 600 || k % 25 != 24) continue;
            const int other = (root + 1) % n;
            oshmpi::broadcast(t, then_large.data(), source.data(), 6, root);
            for (int i = 0; i < 7; ++i) source[i] = v(k, mine, 50 + i);
            oshmpi::broadcast(t, then_large.data(), source.data(), 7, other); // 56 bytes: direct
            for (int i = 0; i < 7; ++i)
                EXPECT_EQ(then_large[i], v(k, other, 50 + i)) << "iteration " << k << " element " << i;

            for (int i = 0; i < 6; ++i) source[i] = v(k, mine, 60 + i);
            oshmpi::broadcast(t, then_alltoall.data(), source.data(), std::min(n, 6), root);
            for (int p = 0; p < n; ++p) source[p] = v(k, mine, 70 + p);
            oshmpi::alltoall(t, then_alltoall.data(), source.data(), 1);
            for (int p = 0; p < n; ++p)
                EXPECT_EQ(then_alltoall[p], v(k, p, 70 + mine)) << "iteration " << k << " from member " << p;
        }
        oshmpi::barrier_all();
    }
}

// Sums and products of integers wrap around as MPI's operators do (two's complement), on every path.
TEST(Collectives, IntegerSumsAndProductsWrap)
{
    oshmpi::symmetric_array<std::int8_t> small(1), small_out(1);
    oshmpi::symmetric_array<std::int64_t> big(1), big_out(1);
    oshmpi::symmetric_array<std::uint16_t> word(1), word_out(1);
    oshmpi::team* t = oshmpi::team_world();
    small[0] = static_cast<std::int8_t>(100 + me());
    big[0] = INT64_MAX - me();
    word[0] = static_cast<std::uint16_t>(60000 + me());
    std::int8_t small_sum = 0, small_prod = 1;
    std::int64_t big_sum = 0;
    std::uint16_t word_prod = 1;
    for (int p = 0; p < npes(); ++p) {
        small_sum = static_cast<std::int8_t>(small_sum + (100 + p));
        small_prod = static_cast<std::int8_t>(small_prod * (100 + p));
        big_sum = static_cast<std::int64_t>(static_cast<std::uint64_t>(big_sum) +
                                            static_cast<std::uint64_t>(INT64_MAX - p));
        word_prod = static_cast<std::uint16_t>(static_cast<unsigned>(word_prod) * (60000U + p));
    }
    oshmpi::sum_reduce(t, small_out.data(), small.data(), 1);
    EXPECT_EQ(small_out[0], small_sum);
    oshmpi::prod_reduce(t, small_out.data(), small.data(), 1);
    EXPECT_EQ(small_out[0], small_prod);
    oshmpi::sum_reduce(t, big_out.data(), big.data(), 1);
    EXPECT_EQ(big_out[0], big_sum);
    oshmpi::prod_reduce(t, word_out.data(), word.data(), 1);
    EXPECT_EQ(word_out[0], word_prod);
    oshmpi::barrier_all();
}

TEST(Collectives, BadArgumentsThrowOnEveryPe)
{
    using oshmpi::errc;
    oshmpi::symmetric_array<int> sym(8 * npes());
    std::vector<int> private_buffer(8 * npes());
    oshmpi::team* world = oshmpi::team_world();
    EXPECT_EQ(thrown_code([&] { oshmpi::broadcast(world, sym.data(), sym.data() + 1, 1, npes()); }), errc::invalid_pe);
    EXPECT_EQ(thrown_code([&] { oshmpi::broadcast(world, sym.data(), sym.data() + 1, 1, -1); }), errc::invalid_pe);
    EXPECT_EQ(thrown_code([&] { oshmpi::broadcast(world, private_buffer.data(), sym.data(), 1, 0); }),
              errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] { oshmpi::fcollect(world, sym.data(), private_buffer.data(), 1); }), errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] { oshmpi::fcollect(world, sym.data(), sym.data(), 2); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::alltoall(world, sym.data(), sym.data(), 1); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::alltoalls(world, sym.data(), sym.data() + 4 * npes(), 0, 1, 1); }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_reduce(world, sym.data() + 1, sym.data(), 4); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_reduce(world, private_buffer.data(), sym.data(), 4); }),
              errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_reduce(static_cast<oshmpi::team*>(nullptr), sym.data(), sym.data(), 1); }),
              errc::invalid_argument);
    // Type checks a C caller could get wrong: bitwise on floating point, order on complex.
    oshmpi::symmetric_array<double> doubles(2);
    oshmpi::symmetric_array<std::complex<double>> complexes(2);
    EXPECT_EQ(thrown_code([&] { oshmpi::reduce(world, oshmpi::reduce_op::bit_and, doubles.data(), doubles.data(), 2); }),
              errc::invalid_argument);
    EXPECT_EQ(
        thrown_code([&] { oshmpi::reduce(world, oshmpi::reduce_op::max, complexes.data(), complexes.data(), 2); }),
        errc::invalid_argument);
    oshmpi::barrier_all();
}

// ---- Reductions ----

namespace {

// Serial reference: fold `op` over the values every member of `t` contributes.
template <class T, class Value, class Op>
T fold(oshmpi::team* t, std::size_t i, Value v, Op op)
{
    T acc = v(world_of(t, 0), i);
    for (int p = 1; p < oshmpi::team_n_pes(t); ++p) acc = op(acc, v(world_of(t, p), i));
    return acc;
}

// Runs `reduce` on each team, out of place and in place, and compares with the serial fold. The
// sizes: one element, as many as travel in a flag's line (48 bytes), one more, and 11.
template <class T, class Value, class Op, class Reduce>
void check_reduction(Value v, Op op, Reduce reduce)
{
    constexpr std::size_t most = 11, carried = 48 / sizeof(T);
    oshmpi::symmetric_array<T> source(std::max(most, carried + 1)), dest(std::max(most, carried + 1));
    team_set set;
    set.each([&](oshmpi::team* t) {
        for (std::size_t n : {std::size_t{1}, carried, carried + 1, most}) {
            for (int in_place = 0; in_place < 2; ++in_place) {
                for (std::size_t i = 0; i < n; ++i) source[i] = v(me(), i);
                T* out = in_place ? source.data() : dest.data();
                reduce(t, out, source.data(), n);
                for (std::size_t i = 0; i < n; ++i)
                    EXPECT_EQ(out[i], fold<T>(t, i, v, op))
                        << "element " << i << " of " << n << (in_place ? " in place" : "");
                oshmpi::team_sync(t);
            }
        }
    });
}

template <class T>
class BitwiseReduce : public testing::Test {};
TYPED_TEST_SUITE(BitwiseReduce, bitwise_types);
template <class T>
class MinMaxReduce : public testing::Test {};
TYPED_TEST_SUITE(MinMaxReduce, minmax_types);
template <class T>
class ArithReduce : public testing::Test {};
TYPED_TEST_SUITE(ArithReduce, arith_types);

} // namespace

TYPED_TEST(BitwiseReduce, AndOrXor)
{
    using T = TypeParam;
    // Bit patterns that differ by PE and element, in the low byte so int8 holds them.
    auto v = [](int pe, std::size_t i) { return static_cast<T>(((pe * 37 + static_cast<int>(i) * 11) & 0x7f) | 0x10); };
    check_reduction<T>(v, [](T a, T b) { return static_cast<T>(a & b); },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::and_reduce(t, d, s, n); });
    check_reduction<T>(v, [](T a, T b) { return static_cast<T>(a | b); },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::or_reduce(t, d, s, n); });
    check_reduction<T>(v, [](T a, T b) { return static_cast<T>(a ^ b); },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::xor_reduce(t, d, s, n); });
}

TYPED_TEST(MinMaxReduce, MaxMin)
{
    using T = TypeParam;
    // Negative values too where the type has them (char may be either).
    auto v = [](int pe, std::size_t i) {
        int raw = (pe * 29 + static_cast<int>(i) * 13) % 50;
        return static_cast<T>(std::is_signed_v<T> ? raw - 25 : raw);
    };
    check_reduction<T>(v, [](T a, T b) { return a < b ? b : a; },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::max_reduce(t, d, s, n); });
    check_reduction<T>(v, [](T a, T b) { return b < a ? b : a; },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::min_reduce(t, d, s, n); });
}

TYPED_TEST(ArithReduce, SumProd)
{
    using T = TypeParam;
    // Small values keep every product exact and inside int8 at 4 PEs (3^4 = 81).
    auto v = [](int pe, std::size_t i) {
        if constexpr (oshmpi::detail::is_complex_v<T>) {
            using R = typename T::value_type;
            return T(static_cast<R>(pe % 2 + 1), static_cast<R>(static_cast<int>(i % 3) - 1));
        } else {
            return static_cast<T>(pe % 2 + 1 + static_cast<int>(i % 2));
        }
    };
    check_reduction<T>(v, [](T a, T b) { return static_cast<T>(a + b); },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::sum_reduce(t, d, s, n); });
    check_reduction<T>(v, [](T a, T b) { return static_cast<T>(a * b); },
                       [](oshmpi::team* t, T* d, const T* s, std::size_t n) { oshmpi::prod_reduce(t, d, s, n); });
}
