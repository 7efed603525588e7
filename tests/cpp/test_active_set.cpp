// The deprecated active-set collectives (PE_start, logPE_stride, PE_size): barrier, sync,
// broadcast, collect, fcollect, alltoall(s) and the *_to_all reductions over the legacy types.
// Correct at any PE count (run at 1, 2, 3 and 4).
#include <gtest/gtest.h>

#include <complex>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {



struct active_set {
    int start, log_stride, size;
    [[nodiscard]] int stride() const { return 1 << log_stride; }
    [[nodiscard]] int pe(int i) const { return start + i * stride(); }
    [[nodiscard]] int index_of_me() const
    {
        int offset = me() - start;
        return offset >= 0 && offset % stride() == 0 && offset / stride() < size ? offset / stride() : -1;
    }
};

// Every set that fits: the world, even PEs, odd PEs, PEs 1.. and every fourth PE from 0.
std::vector<active_set> sets()
{
    int n = npes();
    std::vector<active_set> all{{0, 0, n}, {0, 1, (n + 1) / 2}, {0, 2, (n + 3) / 4}};
    if (n > 1) {
        all.push_back({1, 1, n / 2});
        all.push_back({1, 0, n - 1});
    }
    return all;
}

long psync[64]; // the routines do not use it; passed as a C program would

} // namespace

TEST(ActiveSet, BarrierCompletesPutsWithinTheSet)
{
    // Each set gets its own slots: a PE done with one set may already be writing for the next.
    std::vector<active_set> all = sets();
    oshmpi::symmetric_array<int> slots(8 * all.size());
    for (std::size_t k = 0; k < all.size(); ++k) {
        const active_set& s = all[k];
        int mine = s.index_of_me();
        if (mine < 0) continue;
        int* region = slots.data() + 8 * k;
        for (int round = 1; round <= 3; ++round) {
            for (int i = 0; i < s.size; ++i) oshmpi::p(region + mine, round * 10 + mine, s.pe(i));
            oshmpi::barrier(s.start, s.log_stride, s.size, psync);
            for (int i = 0; i < s.size; ++i) EXPECT_EQ(region[i], round * 10 + i);
            oshmpi::barrier(s.start, s.log_stride, s.size, psync);
        }
    }
    oshmpi::barrier_all();
}

TEST(ActiveSet, SyncPublishesLocalStores)
{
    oshmpi::symmetric_array<int> value(1);
    for (const active_set& s : sets()) {
        int mine = s.index_of_me();
        if (mine < 0) continue;
        value[0] = 1000 + me() + s.size;
        oshmpi::sync(s.start, s.log_stride, s.size, psync);
        int next = s.pe((mine + 1) % s.size);
        EXPECT_EQ(oshmpi::g(value.data(), next), 1000 + next + s.size);
        oshmpi::sync(s.start, s.log_stride, s.size, psync);
    }
    oshmpi::barrier_all();
}

TEST(ActiveSet, BroadcastLeavesTheRootsDestAlone)
{
    constexpr std::size_t n = 6;
    oshmpi::symmetric_array<std::uint64_t> source(n), dest(n);
    for (const active_set& s : sets()) {
        // One set at a time: a PE done with the previous set must not write into the dest of
        // a PE still checking it (dest must be ready before anyone calls).
        oshmpi::barrier_all();
        int mine = s.index_of_me();
        if (mine < 0) continue;
        for (int root = 0; root < s.size; ++root) {
            for (std::size_t i = 0; i < n; ++i) {
                source[i] = 100u * me() + i;
                dest[i] = 7;
            }
            // Every member's dest is ready before any member calls (the spec's precondition).
            oshmpi::sync(s.start, s.log_stride, s.size, psync);
            oshmpi::broadcast64(dest.data(), source.data(), n, root, s.start, s.log_stride, s.size, psync);
            for (std::size_t i = 0; i < n; ++i)
                EXPECT_EQ(dest[i], mine == root ? 7u : 100u * s.pe(root) + i) << "root " << root;
            // The same in 32-bit elements: 2n of them over the same bytes.
            oshmpi::sync(s.start, s.log_stride, s.size, psync);
            oshmpi::broadcast32(dest.data(), source.data(), 2 * n, root, s.start, s.log_stride, s.size, psync);
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(dest[i], mine == root ? 7u : 100u * s.pe(root) + i);
            oshmpi::sync(s.start, s.log_stride, s.size, psync);
        }
    }
    oshmpi::barrier_all();
}

TEST(ActiveSet, CollectAndFcollect)
{
    oshmpi::symmetric_array<std::int32_t> source32(8), dest32(8 * npes());
    oshmpi::symmetric_array<std::int64_t> source64(8), dest64(8 * npes());
    for (const active_set& s : sets()) {
        // One set at a time: a PE done with the previous set must not write into the dest of
        // a PE still checking it (dest must be ready before anyone calls).
        oshmpi::barrier_all();
        int mine = s.index_of_me();
        if (mine < 0) continue;
        for (int i = 0; i < 8; ++i) {
            source32[i] = me() * 100 + i;
            source64[i] = -(me() * 100 + i);
        }
        // collect: member i gives i + 1 elements.
        oshmpi::collect32(dest32.data(), source32.data(), mine + 1, s.start, s.log_stride, s.size, psync);
        oshmpi::collect64(dest64.data(), source64.data(), mine + 1, s.start, s.log_stride, s.size, psync);
        std::size_t at = 0;
        for (int m = 0; m < s.size; ++m)
            for (int i = 0; i <= m; ++i, ++at) {
                EXPECT_EQ(dest32[at], s.pe(m) * 100 + i);
                EXPECT_EQ(dest64[at], -(s.pe(m) * 100 + i));
            }
        oshmpi::sync(s.start, s.log_stride, s.size, psync); // everyone has read dest
        oshmpi::fcollect32(dest32.data(), source32.data(), 3, s.start, s.log_stride, s.size, psync);
        oshmpi::fcollect64(dest64.data(), source64.data(), 3, s.start, s.log_stride, s.size, psync);
        for (int m = 0; m < s.size; ++m)
            for (int i = 0; i < 3; ++i) {
                EXPECT_EQ(dest32[m * 3 + i], s.pe(m) * 100 + i);
                EXPECT_EQ(dest64[m * 3 + i], -(s.pe(m) * 100 + i));
            }
        oshmpi::sync(s.start, s.log_stride, s.size, psync);
    }
    oshmpi::barrier_all();
}

TEST(ActiveSet, AlltoallAndAlltoalls)
{
    constexpr int n = 2;
    oshmpi::symmetric_array<std::int32_t> source32(3 * n * npes()), dest32(3 * n * npes());
    oshmpi::symmetric_array<std::int64_t> source64(3 * n * npes()), dest64(3 * n * npes());
    for (const active_set& s : sets()) {
        // One set at a time: a PE done with the previous set must not write into the dest of
        // a PE still checking it (dest must be ready before anyone calls).
        oshmpi::barrier_all();
        int mine = s.index_of_me();
        if (mine < 0) continue;
        for (int k = 0; k < n * s.size; ++k) {
            source32[k] = me() * 1000 + k;
            source64[k] = me() * 1000 + k;
        }
        oshmpi::alltoall32(dest32.data(), source32.data(), n, s.start, s.log_stride, s.size, psync);
        oshmpi::alltoall64(dest64.data(), source64.data(), n, s.start, s.log_stride, s.size, psync);
        for (int m = 0; m < s.size; ++m)
            for (int i = 0; i < n; ++i) {
                EXPECT_EQ(dest32[m * n + i], s.pe(m) * 1000 + mine * n + i);
                EXPECT_EQ(dest64[m * n + i], s.pe(m) * 1000 + mine * n + i);
            }
        // Strided: source elements 3 apart, dest elements 2 apart.
        for (int k = 0; k < n * s.size; ++k) {
            source32[3 * k] = me() * 1000 + k;
            source64[3 * k] = me() * 1000 + k;
        }
        oshmpi::sync(s.start, s.log_stride, s.size, psync); // everyone has read dest
        oshmpi::alltoalls32(dest32.data(), source32.data(), 2, 3, n, s.start, s.log_stride, s.size, psync);
        oshmpi::alltoalls64(dest64.data(), source64.data(), 2, 3, n, s.start, s.log_stride, s.size, psync);
        for (int m = 0; m < s.size; ++m)
            for (int i = 0; i < n; ++i) {
                EXPECT_EQ(dest32[2 * (m * n + i)], s.pe(m) * 1000 + mine * n + i);
                EXPECT_EQ(dest64[2 * (m * n + i)], s.pe(m) * 1000 + mine * n + i);
            }
        oshmpi::sync(s.start, s.log_stride, s.size, psync);
    }
    oshmpi::barrier_all();
}

namespace {

template <class T>
class ToAll : public testing::Test {};
// The legacy *_to_all types: short, int, long, long long, float, double, long double, complexd, complexf.
using to_all_types = testing::Types<short, int, long, long long, float, double, long double, std::complex<double>,
                                    std::complex<float>>;
TYPED_TEST_SUITE(ToAll, to_all_types);

template <class T>
T legacy_value(int pe, int i)
{
    if constexpr (oshmpi::detail::is_complex_v<T>) {
        using R = typename T::value_type;
        return T(static_cast<R>(pe % 2 + 1), static_cast<R>(i % 2));
    } else {
        return static_cast<T>(pe % 3 + 1 + i % 2);
    }
}

} // namespace

TYPED_TEST(ToAll, SumProdAndOrderOverEverySet)
{
    using T = TypeParam;
    constexpr int n = 5;
    oshmpi::symmetric_array<T> source(n), dest(n), work(n);
    for (const active_set& s : sets()) {
        // One set at a time: a PE done with the previous set must not write into the dest of
        // a PE still checking it (dest must be ready before anyone calls).
        oshmpi::barrier_all();
        if (s.index_of_me() < 0) continue;
        for (int i = 0; i < n; ++i) source[i] = legacy_value<T>(me(), i);
        auto check = [&](oshmpi::reduce_op op, auto combine) {
            oshmpi::reduce_to_all(op, dest.data(), source.data(), n, s.start, s.log_stride, s.size, work.data(), psync);
            for (int i = 0; i < n; ++i) {
                T expected = legacy_value<T>(s.pe(0), i);
                for (int m = 1; m < s.size; ++m) expected = combine(expected, legacy_value<T>(s.pe(m), i));
                EXPECT_EQ(dest[i], expected) << "element " << i;
            }
        };
        check(oshmpi::reduce_op::sum, [](T a, T b) { return static_cast<T>(a + b); });
        check(oshmpi::reduce_op::prod, [](T a, T b) { return static_cast<T>(a * b); });
        if constexpr (!oshmpi::detail::is_complex_v<T>) {
            check(oshmpi::reduce_op::max, [](T a, T b) { return a < b ? b : a; });
            check(oshmpi::reduce_op::min, [](T a, T b) { return b < a ? b : a; });
        }
        if constexpr (std::is_integral_v<T>) {
            check(oshmpi::reduce_op::bit_and, [](T a, T b) { return static_cast<T>(a & b); });
            check(oshmpi::reduce_op::bit_or, [](T a, T b) { return static_cast<T>(a | b); });
            check(oshmpi::reduce_op::bit_xor, [](T a, T b) { return static_cast<T>(a ^ b); });
        }
        // In place: dest == source.
        oshmpi::reduce_to_all(oshmpi::reduce_op::sum, source.data(), source.data(), n, s.start, s.log_stride, s.size,
                              work.data(), psync);
        for (int i = 0; i < n; ++i) {
            T expected = legacy_value<T>(s.pe(0), i);
            for (int m = 1; m < s.size; ++m) expected = static_cast<T>(expected + legacy_value<T>(s.pe(m), i));
            EXPECT_EQ(source[i], expected) << "element " << i << " in place";
        }
        oshmpi::sync(s.start, s.log_stride, s.size, psync);
    }
    oshmpi::barrier_all();
}

TEST(ActiveSet, BadSetsThrowWithoutTouchingMpi)
{
    using oshmpi::errc;
    int n = npes();
    oshmpi::symmetric_array<long> buffer(4);
    EXPECT_EQ(thrown_code([&] { oshmpi::barrier(-1, 0, 1, psync); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::barrier(0, -1, 1, psync); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::barrier(0, 0, 0, psync); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::barrier(0, 0, n + 1, psync); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::sync(0, 1, n + 1, psync); }), errc::invalid_argument);
    // A PE outside the set may not call: the set {n - 1} excludes everyone else, {0} excludes PE n - 1.
    if (me() != n - 1) {
        EXPECT_EQ(thrown_code([&] { oshmpi::barrier(n - 1, 0, 1, psync); }), errc::invalid_argument);
    } else if (n > 1) {
        EXPECT_EQ(thrown_code([&] { oshmpi::collect64(buffer.data(), buffer.data(), 1, 0, 0, 1, psync); }),
                  errc::invalid_argument);
    }
    EXPECT_EQ(thrown_code([&] {
                  oshmpi::reduce_to_all(oshmpi::reduce_op::sum, buffer.data(), buffer.data(), -1, 0, 0, n,
                                        buffer.data(), psync);
              }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::broadcast64(buffer.data(), buffer.data() + 2, 1, n, 0, 0, n, psync); }),
              errc::invalid_pe);
    oshmpi::barrier_all();
}
