// Remote memory access: ring puts, gets of every RMA type, nonblocking forms, large transfers.
#include <gtest/gtest.h>

#include <complex>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;
#include <oshmpi/types.def>

namespace {


template <class T>
T value_for(int pe, int i)
{
    return static_cast<T>((pe * 31 + i * 7) % 100 + 1);
}

template <class T>
class RmaTyped : public testing::Test {};

TYPED_TEST_SUITE(RmaTyped, rma_types);

TYPED_TEST(RmaTyped, RingPutThenGet)
{
    using T = TypeParam;
    constexpr int count = 33;
    oshmpi::symmetric_array<T> dest(count), src(count);
    for (int i = 0; i < count; ++i) src[i] = value_for<T>(me(), i);
    oshmpi::barrier_all();
    oshmpi::put(dest.data(), src.data(), count, right());
    oshmpi::barrier_all();
    for (int i = 0; i < count; ++i) EXPECT_EQ(dest[i], value_for<T>(left(), i)) << i;

    std::vector<T> fetched(count);
    oshmpi::get(fetched.data(), src.data(), count, right());
    for (int i = 0; i < count; ++i) EXPECT_EQ(fetched[i], value_for<T>(right(), i)) << i;

    T single = oshmpi::g(src.data() + 5, left());
    EXPECT_EQ(single, value_for<T>(left(), 5));
    oshmpi::barrier_all();
    oshmpi::p(dest.data() + 1, value_for<T>(me(), 99), right());
    oshmpi::barrier_all();
    EXPECT_EQ(dest[1], value_for<T>(left(), 99));
}

} // namespace

// Every entry of the spec's RMA table is exercised through its C++ type.
TEST(Rma, TypeTableCoversEveryRmaType)
{
    int entries = 0;
#define OSHMPI_COUNT(type, name) ++entries;
    OSHMPI_RMA_TYPES(OSHMPI_COUNT)
#undef OSHMPI_COUNT
    EXPECT_EQ(entries, 24);
}

TEST(Rma, NonBlockingPutAndGetCompleteAtQuiet)
{
    constexpr int count = 1000;
    oshmpi::symmetric_array<long> dest(count), src(count);
    std::iota(src.begin(), src.end(), me() * 10000L);
    oshmpi::barrier_all();
    for (int i = 0; i < count; i += 100) oshmpi::put_nbi(dest.data() + i, src.data() + i, 100, right());
    oshmpi::quiet();
    oshmpi::barrier_all();
    for (int i = 0; i < count; ++i) ASSERT_EQ(dest[i], left() * 10000L + i);

    std::vector<long> fetched(count, -1);
    oshmpi::get_nbi(fetched.data(), src.data(), count, left());
    oshmpi::quiet();
    for (int i = 0; i < count; ++i) ASSERT_EQ(fetched[i], left() * 10000L + i);
}

TEST(Rma, LargePutCrossesEveryPe)
{
    const std::size_t bytes = 8u << 20;
    auto* buffer = static_cast<unsigned char*>(oshmpi::malloc(bytes));
    ASSERT_NE(buffer, nullptr);
    std::vector<unsigned char> source(bytes);
    for (std::size_t i = 0; i < bytes; ++i) source[i] = static_cast<unsigned char>((i * 13 + me()) & 0xff);
    oshmpi::barrier_all();
    oshmpi::put(buffer, source.data(), bytes, right());
    oshmpi::barrier_all();
    for (std::size_t i = 0; i < bytes; i += 4099)
        ASSERT_EQ(buffer[i], static_cast<unsigned char>((i * 13 + left()) & 0xff)) << i;
    oshmpi::free(buffer);
}

TEST(Rma, SpanFormsCheckSizes)
{
    oshmpi::symmetric_array<int> dest(4);
    std::vector<int> src{1, 2, 3, 4};
    oshmpi::barrier_all();
    oshmpi::put(dest.span(), std::span<const int>(src), right());
    oshmpi::barrier_all();
    EXPECT_EQ(dest[3], 4);
    std::vector<int> short_src{1, 2};
    EXPECT_THROW(oshmpi::put(dest.span(), std::span<const int>(short_src), right()), oshmpi::error);
}

TEST(Rma, ZeroLengthIsANoOp)
{
    long local = 0;
    // Even a non-symmetric address is fine when nothing moves.
    oshmpi::put(&local, &local, 0, right());
    oshmpi::get(&local, &local, 0, right());
    SUCCEED();
}

TEST(Rma, PutToSelfAndOverlappingRanges)
{
    oshmpi::symmetric_array<int> a(8);
    for (int i = 0; i < 8; ++i) a[i] = i;
    oshmpi::put(a.data() + 2, a.data(), 4, me());
    oshmpi::quiet();
    EXPECT_EQ(std::vector<int>(a.begin(), a.end()), (std::vector<int>{0, 1, 0, 1, 2, 3, 6, 7}));
    oshmpi::barrier_all();
}

TEST(Rma, RangeCrossingTheHeapEndIsRejected)
{
    oshmpi::symmetric_array<char> block(64);
    std::vector<char> local(oshmpi::heap_size());
    // Starts inside the heap, ends past it.
    EXPECT_THROW(oshmpi::put(block.data() + 1, local.data(), local.size(), right()), oshmpi::error);
}
