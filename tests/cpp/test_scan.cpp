// Prefix sums over teams (OpenSHMEM 1.6 sum_inscan / sum_exscan) for every type of Table 10's SUM
// column, complex included: out of place and in place, on the world, on a reversed team (member i
// is world PE n - 1 - i, so team order is not world order) and with zero elements; and the errors.
#include <gtest/gtest.h>

#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

template <class T>
class Scan : public testing::Test {};
TYPED_TEST_SUITE(Scan, arith_types);

// Member t's element i; small, so sums over 4 PEs stay exact in int8.
template <class T>
T value(int t, std::size_t i)
{
    if constexpr (oshmpi::detail::is_complex_v<T>) {
        using R = typename T::value_type;
        return T(static_cast<R>(t + 1), static_cast<R>(static_cast<int>(i % 3) - 1));
    } else {
        return static_cast<T>(t + 1 + static_cast<int>(i % 2));
    }
}

// The sum of value(k, i) over members k < upto.
template <class T>
T prefix(int upto, std::size_t i)
{
    T sum{};
    for (int k = 0; k < upto; ++k) sum = static_cast<T>(sum + value<T>(k, i));
    return sum;
}

template <class T>
void check_scans(oshmpi::team* t)
{
    constexpr std::size_t n = 5;
    const int me_in_team = oshmpi::team_my_pe(t);
    oshmpi::symmetric_array<T> source(n), in(n), ex(n), inplace(n);
    for (std::size_t i = 0; i < n; ++i) source[i] = value<T>(me_in_team, i);
    oshmpi::team_sync(t);
    oshmpi::sum_inscan(t, in.data(), source.data(), n);
    oshmpi::sum_exscan(t, ex.data(), source.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(in[i], prefix<T>(me_in_team + 1, i)) << "inscan element " << i;
        EXPECT_EQ(ex[i], prefix<T>(me_in_team, i)) << "exscan element " << i; // zeros on member 0
        inplace[i] = source[i];
    }
    oshmpi::team_sync(t);
    oshmpi::sum_inscan(t, inplace.data(), inplace.data(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(inplace[i], in[i]) << "in place inscan element " << i;
    for (std::size_t i = 0; i < n; ++i) inplace[i] = source[i];
    oshmpi::team_sync(t);
    oshmpi::sum_exscan(t, inplace.data(), inplace.data(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(inplace[i], ex[i]) << "in place exscan element " << i;
    oshmpi::team_sync(t);
}

} // namespace

TYPED_TEST(Scan, OnTheWorldAndOnAReversedTeam)
{
    using T = TypeParam;
    check_scans<T>(oshmpi::team_world());
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    check_scans<T>(reversed);
    oshmpi::team_destroy(reversed);
}

TEST(ScanErrors, ZeroElementsAndBadArguments)
{
    oshmpi::symmetric_array<long> a(4), b(4);
    std::vector<long> local(4);
    oshmpi::sum_inscan(oshmpi::team_world(), a.data(), b.data(), 0);
    oshmpi::sum_exscan(oshmpi::team_world(), static_cast<long*>(nullptr), static_cast<const long*>(nullptr), 0);
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_inscan(nullptr, a.data(), b.data(), 4); }), oshmpi::errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_exscan(oshmpi::team_world(), local.data(), b.data(), 4); }),
              oshmpi::errc::not_symmetric);
    // Partly overlapping buffers are neither in place nor disjoint.
    EXPECT_EQ(thrown_code([&] { oshmpi::sum_inscan(oshmpi::team_world(), a.data() + 1, a.data(), 3); }),
              oshmpi::errc::invalid_argument);
    oshmpi::barrier_all();
}
