// The multi-variable waits and tests of OpenSHMEM 1.5 (wait_until_all/any/some, test_all/any/some,
// their _vector forms) and the deprecated shmem_wait: status masks, all-masked and empty sets,
// return values, and the fairness of _any.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

using oshmpi::cmp;
constexpr std::size_t n = 8;

template <class T> class WaitMulti : public testing::Test {};
using p2p_types = testing::Types<short, int, long, unsigned long long, std::int32_t, std::uint64_t,
                                 std::size_t, std::ptrdiff_t>;
TYPED_TEST_SUITE(WaitMulti, p2p_types);
} // namespace

TYPED_TEST(WaitMulti, AllWaitsForEveryIncludedElementOnly)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> ivars(n);
    int status[n] = {0, 1, 0, 0, 1, 0, 0, 0}; // 1 and 4 are never set: a wait on them would hang
    oshmpi::barrier_all();
    EXPECT_FALSE(oshmpi::test_all(ivars.data(), n, status, cmp::eq, T{3}));
    oshmpi::barrier_all();
    for (std::size_t i = 0; i < n; ++i)
        if (status[i] == 0) oshmpi::atomic_set(ivars.data() + i, T{3}, right());
    oshmpi::wait_until_all(ivars.data(), n, status, cmp::eq, T{3});
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(ivars[i], status[i] == 0 ? T{3} : T{0}) << i;
    EXPECT_TRUE(oshmpi::test_all(ivars.data(), n, status, cmp::eq, T{3}));
    EXPECT_FALSE(oshmpi::test_all(ivars.data(), n, nullptr, cmp::eq, T{3})); // null status: all count
    oshmpi::barrier_all();
}

TYPED_TEST(WaitMulti, AnyReturnsAnIncludedSatisfiedIndex)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> ivars(n);
    int status[n] = {0, 0, 1, 0, 0, 0, 0, 0};
    ivars[2] = T{9}; // satisfied but excluded: must never be returned
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::test_any(ivars.data(), n, status, cmp::gt, T{5}), SIZE_MAX);
    EXPECT_EQ(oshmpi::test_any(ivars.data(), n, nullptr, cmp::gt, T{5}), 2u);
    oshmpi::barrier_all();
    oshmpi::atomic_set(ivars.data() + 5, T{7}, right());
    EXPECT_EQ(oshmpi::wait_until_any(ivars.data(), n, status, cmp::gt, T{5}), 5u);
    EXPECT_EQ(oshmpi::test_any(ivars.data(), n, status, cmp::gt, T{5}), 5u);
    oshmpi::barrier_all();
}

TYPED_TEST(WaitMulti, SomeCollectsEveryIncludedSatisfiedIndex)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> ivars(n);
    int status[n] = {0, 0, 0, 0, 1, 0, 0, 0};
    std::size_t indices[n];
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::test_some(ivars.data(), n, indices, status, cmp::ne, T{0}), 0u);
    oshmpi::barrier_all();
    for (std::size_t i : {1u, 4u, 6u}) oshmpi::atomic_set(ivars.data() + i, static_cast<T>(i), right());
    // The sets may arrive one by one: wait until both included ones were reported, masking what
    // has been seen (the spec's usage pattern), and never report the excluded index 4.
    std::set<std::size_t> seen;
    while (seen.size() < 2) {
        std::size_t count = oshmpi::wait_until_some(ivars.data(), n, indices, status, cmp::ne, T{0});
        ASSERT_GE(count, 1u);
        ASSERT_LE(count, 2u);
        for (std::size_t k = 0; k < count; ++k) {
            EXPECT_TRUE(indices[k] == 1 || indices[k] == 6) << indices[k];
            EXPECT_TRUE(seen.insert(indices[k]).second) << "index " << indices[k] << " reported twice";
            status[indices[k]] = 1;
        }
    }
    // Both included ones are masked now, like index 4: the set is empty.
    EXPECT_EQ(oshmpi::test_some(ivars.data(), n, indices, status, cmp::ne, T{0}), 0u);
    int only_excluded[n] = {1, 1, 1, 1, 0, 1, 1, 1};
    EXPECT_EQ(oshmpi::test_some(ivars.data(), n, indices, only_excluded, cmp::ne, T{0}), 1u);
    EXPECT_EQ(indices[0], 4u);
    EXPECT_EQ(oshmpi::test_some(ivars.data(), n, indices, nullptr, cmp::ne, T{0}), 3u);
    oshmpi::barrier_all();
}

TYPED_TEST(WaitMulti, VectorFormsCompareEachElementWithItsOwnValue)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> ivars(n);
    T values[n];
    for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<T>(i + 1);
    std::size_t indices[n];
    int status[n] = {};
    oshmpi::barrier_all();
    EXPECT_FALSE(oshmpi::test_all_vector(ivars.data(), n, status, cmp::eq, values));
    EXPECT_EQ(oshmpi::test_any_vector(ivars.data(), n, status, cmp::eq, values), SIZE_MAX);
    EXPECT_EQ(oshmpi::test_some_vector(ivars.data(), n, indices, status, cmp::eq, values), 0u);
    oshmpi::barrier_all();
    // Element 3 gets a value that satisfies only its own comparison.
    oshmpi::atomic_set(ivars.data() + 3, T{4}, right());
    EXPECT_EQ(oshmpi::wait_until_any_vector(ivars.data(), n, status, cmp::eq, values), 3u);
    EXPECT_EQ(oshmpi::wait_until_some_vector(ivars.data(), n, indices, status, cmp::eq, values), 1u);
    EXPECT_EQ(indices[0], 3u);
    oshmpi::barrier_all();
    for (std::size_t i = 0; i < n; ++i) oshmpi::atomic_set(ivars.data() + i, static_cast<T>(i + 1), right());
    oshmpi::wait_until_all_vector(ivars.data(), n, nullptr, cmp::eq, values);
    EXPECT_TRUE(oshmpi::test_all_vector(ivars.data(), n, nullptr, cmp::ge, values));
    EXPECT_EQ(oshmpi::test_some_vector(ivars.data(), n, indices, nullptr, cmp::le, values), n);
    for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(indices[k], k);
    EXPECT_EQ(oshmpi::test_any_vector(ivars.data(), n, nullptr, cmp::lt, values), SIZE_MAX);
    oshmpi::barrier_all();
}

TYPED_TEST(WaitMulti, EmptyAndAllMaskedSetsReturnAtOnce)
{
    using T = TypeParam;
    oshmpi::symmetric_array<T> ivars(n);
    int all_masked[n] = {1, 1, 1, 1, 1, 1, 1, 1};
    T values[n] = {};
    std::size_t indices[n];
    // Nothing will ever satisfy `ne 0`; an empty wait set must still not wait.
    oshmpi::wait_until_all(ivars.data(), n, all_masked, cmp::ne, T{0});
    EXPECT_EQ(oshmpi::wait_until_any(ivars.data(), n, all_masked, cmp::ne, T{0}), SIZE_MAX);
    EXPECT_EQ(oshmpi::wait_until_some(ivars.data(), n, indices, all_masked, cmp::ne, T{0}), 0u);
    oshmpi::wait_until_all_vector(ivars.data(), n, all_masked, cmp::ne, values);
    EXPECT_EQ(oshmpi::wait_until_any_vector(ivars.data(), n, all_masked, cmp::ne, values), SIZE_MAX);
    EXPECT_EQ(oshmpi::wait_until_some_vector(ivars.data(), n, indices, all_masked, cmp::ne, values), 0u);
    EXPECT_TRUE(oshmpi::test_all(ivars.data(), n, all_masked, cmp::ne, T{0}));
    EXPECT_EQ(oshmpi::test_any(ivars.data(), n, all_masked, cmp::ne, T{0}), SIZE_MAX);
    EXPECT_EQ(oshmpi::test_some(ivars.data(), n, indices, all_masked, cmp::ne, T{0}), 0u);
    EXPECT_TRUE(oshmpi::test_all_vector(ivars.data(), n, all_masked, cmp::ne, values));
    // nelems == 0: the arrays may even be null.
    T* none = nullptr;
    oshmpi::wait_until_all(none, 0, nullptr, cmp::ne, T{0});
    EXPECT_EQ(oshmpi::wait_until_any(none, 0, nullptr, cmp::ne, T{0}), SIZE_MAX);
    EXPECT_EQ(oshmpi::wait_until_some(none, 0, nullptr, nullptr, cmp::ne, T{0}), 0u);
    EXPECT_TRUE(oshmpi::test_all(none, 0, nullptr, cmp::ne, T{0}));
    EXPECT_EQ(oshmpi::test_any(none, 0, nullptr, cmp::ne, T{0}), SIZE_MAX);
    EXPECT_EQ(oshmpi::test_some(none, 0, nullptr, nullptr, cmp::ne, T{0}), 0u);
    oshmpi::barrier_all();
}

TEST(WaitMultiFairness, RepeatedAnyEventuallyReportsEverySatisfiedIndex)
{
    oshmpi::symmetric_array<long> ivars(n);
    for (auto& v : ivars) v = 1;
    std::set<std::size_t> reported;
    for (std::size_t k = 0; k < 4 * n; ++k) {
        reported.insert(oshmpi::wait_until_any(ivars.data(), n, nullptr, cmp::eq, 1L));
        reported.insert(oshmpi::test_any(ivars.data(), n, nullptr, cmp::eq, 1L));
    }
    EXPECT_EQ(reported.size(), n);
    oshmpi::barrier_all();
}

TEST(WaitDeprecated, WaitsWhileEqual)
{
    oshmpi::symmetric_array<int> ivar(1);
    oshmpi::barrier_all();
    oshmpi::atomic_set(ivar.data(), 7, right());
    oshmpi::wait(ivar.data(), 0);
    EXPECT_EQ(ivar[0], 7);
    oshmpi::wait(ivar.data(), 3); // already different: returns at once
    oshmpi::barrier_all();
}

TEST(WaitMultiErrors, BadArgumentsAreErrors)
{
    oshmpi::symmetric_array<int> ivars(n);
    int local[n] = {};
    std::size_t indices[n];
    using oshmpi::errc;
    EXPECT_EQ(thrown_code([&] { oshmpi::wait_until_all(local, n, nullptr, cmp::eq, 0); }), errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] {
                  static_cast<void>(oshmpi::test_any(ivars.data(), n, nullptr, static_cast<cmp>(-1), 0));
              }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::test_some(ivars.data(), n, nullptr, nullptr, cmp::eq, 0); }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] {
                  static_cast<void>(oshmpi::test_all(static_cast<int*>(nullptr), n, nullptr, cmp::eq, 0));
              }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::wait_until_some(local, n, indices, nullptr, cmp::eq, 0); }),
              errc::not_symmetric);
    oshmpi::barrier_all();
}
