// Strided RMA: iput/iget and the block-strided ibput/ibget for several types and strides, checked
// element by element including the gaps that must stay untouched; the sized byte forms (up to
// 128-bit elements); and the stride rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

#include "test_support.hpp"

using namespace oshmpi_test;

namespace {

// A value that says which PE wrote it and where it came from.
template <class T> T tag(int pe, std::size_t index)
{
    return static_cast<T>(static_cast<long long>(pe) * 100 + static_cast<long long>(index % 97) + 1);
}

struct strides {
    std::ptrdiff_t dst;
    std::ptrdiff_t sst;
};
constexpr strides stride_cases[] = {{1, 1}, {2, 1}, {1, 3}, {3, 2}, {5, 7}};

template <class T> class Strided : public testing::Test {};
using strided_types = testing::Types<char, short, int, long, long long, float, double, long double,
                                     std::uint8_t, std::uint64_t, std::ptrdiff_t>;
TYPED_TEST_SUITE(Strided, strided_types);
} // namespace

TYPED_TEST(Strided, IputToTheRightNeighbour)
{
    using T = TypeParam;
    constexpr std::size_t nelems = 37;
    for (strides s : stride_cases) {
        const std::size_t span = nelems * static_cast<std::size_t>(std::max(s.dst, s.sst));
        oshmpi::symmetric_array<T> dest(span);
        std::vector<T> source(span);
        for (std::size_t i = 0; i < span; ++i) source[i] = tag<T>(me(), i);
        oshmpi::barrier_all();
        oshmpi::iput(dest.data(), source.data(), s.dst, s.sst, nelems, right());
        oshmpi::barrier_all();
        for (std::size_t i = 0; i < span; ++i) {
            bool written =
                i % static_cast<std::size_t>(s.dst) == 0 && i / static_cast<std::size_t>(s.dst) < nelems;
            T expected =
                written
                    ? tag<T>(left(), (i / static_cast<std::size_t>(s.dst)) * static_cast<std::size_t>(s.sst))
                    : T{};
            EXPECT_EQ(dest[i], expected) << "dst " << s.dst << " sst " << s.sst << " index " << i;
        }
        oshmpi::barrier_all();
    }
}

TYPED_TEST(Strided, IgetFromTheRightNeighbour)
{
    using T = TypeParam;
    constexpr std::size_t nelems = 29;
    for (strides s : stride_cases) {
        const std::size_t span = nelems * static_cast<std::size_t>(std::max(s.dst, s.sst));
        oshmpi::symmetric_array<T> source(span);
        for (std::size_t i = 0; i < span; ++i) source[i] = tag<T>(me(), i);
        std::vector<T> dest(span, T{});
        oshmpi::barrier_all();
        oshmpi::iget(oshmpi::default_context(), dest.data(), source.data(), s.dst, s.sst, nelems, right());
        for (std::size_t i = 0; i < span; ++i) {
            bool written =
                i % static_cast<std::size_t>(s.dst) == 0 && i / static_cast<std::size_t>(s.dst) < nelems;
            T expected =
                written
                    ? tag<T>(right(), (i / static_cast<std::size_t>(s.dst)) * static_cast<std::size_t>(s.sst))
                    : T{};
            EXPECT_EQ(dest[i], expected) << "dst " << s.dst << " sst " << s.sst << " index " << i;
        }
        oshmpi::barrier_all();
    }
}

TYPED_TEST(Strided, BlockStridedPutAndGet)
{
    using T = TypeParam;
    // (bsize, nblocks, dst, sst): strides count elements between block starts.
    struct block_case {
        std::size_t bsize, nblocks;
        std::ptrdiff_t dst, sst;
    };
    const block_case cases[] = {{1, 10, 2, 3}, {4, 6, 4, 4}, {3, 5, 7, 3}, {5, 4, 6, 9}, {8, 1, 1, 1}};
    for (block_case c : cases) {
        const std::size_t span = c.nblocks * static_cast<std::size_t>(std::max(c.dst, c.sst)) + c.bsize;
        oshmpi::symmetric_array<T> remote(span);
        oshmpi::symmetric_array<T> exposed(span);
        std::vector<T> source(span);
        for (std::size_t i = 0; i < span; ++i) {
            source[i] = tag<T>(me(), i);
            exposed[i] = tag<T>(me(), i + 50);
        }
        auto expected_at = [&](std::size_t i, int from, std::size_t offset) {
            auto dst = static_cast<std::size_t>(c.dst), sst = static_cast<std::size_t>(c.sst);
            for (std::size_t b = 0; b < c.nblocks; ++b)
                if (i >= b * dst && i < b * dst + c.bsize)
                    return tag<T>(from, b * sst + (i - b * dst) + offset);
            return T{};
        };
        oshmpi::barrier_all();
        oshmpi::ibput(remote.data(), source.data(), c.dst, c.sst, c.bsize, c.nblocks, right());
        std::vector<T> fetched(span, T{});
        oshmpi::ibget(fetched.data(), exposed.data(), c.dst, c.sst, c.bsize, c.nblocks, right());
        oshmpi::barrier_all();
        for (std::size_t i = 0; i < span; ++i) {
            EXPECT_EQ(remote[i], expected_at(i, left(), 0)) << "ibput bsize " << c.bsize << " index " << i;
            EXPECT_EQ(fetched[i], expected_at(i, right(), 50)) << "ibget bsize " << c.bsize << " index " << i;
        }
        oshmpi::barrier_all();
    }
}

TEST(StridedBytes, SizedFormsUpTo128Bits)
{
    // The C API's shmem_iput8 ... shmem_iput128 call the byte forms with the element size.
    constexpr std::size_t nelems = 11;
    constexpr std::ptrdiff_t dst = 3, sst = 2;
    for (std::size_t size : {1u, 2u, 4u, 8u, 16u}) {
        const std::size_t span_bytes = nelems * 3 * size;
        oshmpi::symmetric_array<unsigned char> dest(span_bytes);
        oshmpi::symmetric_array<unsigned char> exposed(span_bytes);
        std::vector<unsigned char> source(span_bytes), fetched(span_bytes, 0);
        for (std::size_t i = 0; i < span_bytes; ++i) {
            source[i] = static_cast<unsigned char>(me() * 31 + i);
            exposed[i] = static_cast<unsigned char>(me() * 17 + i * 3);
        }
        oshmpi::barrier_all();
        oshmpi::detail::iput_bytes(oshmpi::default_context(), dest.data(), source.data(), dst, sst, size,
                                   nelems, right());
        oshmpi::detail::iget_bytes(oshmpi::default_context(), fetched.data(), exposed.data(), dst, sst, size,
                                   nelems, right());
        oshmpi::barrier_all();
        for (std::size_t i = 0; i < span_bytes; ++i) {
            std::size_t element = i / size, byte = i % size;
            bool written = element % dst == 0 && element / dst < nelems;
            std::size_t from = (element / dst) * sst * size + byte;
            EXPECT_EQ(dest[i], written ? static_cast<unsigned char>(left() * 31 + from) : 0)
                << size << "-byte, byte " << i;
            EXPECT_EQ(fetched[i], written ? static_cast<unsigned char>(right() * 17 + from * 3) : 0)
                << size << "-byte, byte " << i;
        }
        oshmpi::barrier_all();
    }
}

TEST(StridedBytes, LargeStridedTransfer)
{
    // Many elements through one datatype: a column of a 2048 x 64 matrix of doubles, both ways.
    constexpr std::size_t rows = 2048, cols = 64;
    oshmpi::symmetric_array<double> matrix(rows * cols);
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = me() * 1e6 + static_cast<double>(r);
    oshmpi::barrier_all();
    oshmpi::iput(matrix.data() + 5, column.data(), static_cast<std::ptrdiff_t>(cols), 1, rows, right());
    oshmpi::barrier_all();
    for (std::size_t r = 0; r < rows; ++r) {
        EXPECT_EQ(matrix[r * cols + 5], left() * 1e6 + static_cast<double>(r));
        EXPECT_EQ(matrix[r * cols + 4], 0.0);
    }
    std::vector<double> back(rows);
    oshmpi::iget(back.data(), matrix.data() + 5, 1, static_cast<std::ptrdiff_t>(cols), rows, right());
    for (std::size_t r = 0; r < rows; ++r) EXPECT_EQ(back[r], me() * 1e6 + static_cast<double>(r));
    oshmpi::barrier_all();
}

TEST(StridedBytes, StrideRulesAndErrors)
{
    oshmpi::symmetric_array<int> dest(16);
    int source[16] = {};
    using oshmpi::errc;
    EXPECT_EQ(thrown_code([&] { oshmpi::iput(dest.data(), source, 0, 1, 4, right()); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::iput(dest.data(), source, 1, -1, 4, right()); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::iget(source, dest.data(), -2, 1, 4, right()); }), errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::ibput(dest.data(), source, 2, 4, 3, 2, right()); }),
              errc::invalid_argument);
    EXPECT_EQ(thrown_code([&] { oshmpi::iput(source, source, 1, 1, 4, right()); }), errc::not_symmetric);
    EXPECT_EQ(thrown_code([&] { oshmpi::iput(dest.data(), source, 1, 1, 4, npes()); }), errc::invalid_pe);
    // Zero elements: a legal no-op, even with null buffers.
    oshmpi::iput(static_cast<int*>(nullptr), static_cast<const int*>(nullptr), 1, 1, 0, right());
    oshmpi::ibget(static_cast<int*>(nullptr), static_cast<const int*>(nullptr), 1, 1, 4, 0, right());
    oshmpi::barrier_all();
    for (int value : dest) EXPECT_EQ(value, 0);
    oshmpi::barrier_all();
}

TEST(StridedBytes, TeamContextsNumberPesAsTheirTeam)
{
    // On a reversed team (team PE i = world PE n-1-i), team PE 0 is world PE n-1.
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    oshmpi::context* ctx = oshmpi::team_create_ctx(reversed, 0);
    oshmpi::symmetric_array<long> dest(static_cast<std::size_t>(npes()) * 2);
    oshmpi::symmetric_array<long> exposed(2);
    exposed[0] = me();
    exposed[1] = -me();
    oshmpi::barrier_all();
    long mine[2] = {me() * 10L, me() * 10L + 1};
    oshmpi::iput(*ctx, dest.data() + me(), mine, npes(), 1, 2, 0); // row-interleaved on team PE 0
    long fetched[4] = {};
    oshmpi::iget(*ctx, fetched, exposed.data(), 2, 1, 2, 0);
    EXPECT_EQ(fetched[0], npes() - 1);
    EXPECT_EQ(fetched[2], -(npes() - 1));
    oshmpi::barrier_all();
    if (me() == npes() - 1) {
        for (int pe = 0; pe < npes(); ++pe) {
            EXPECT_EQ(dest[static_cast<std::size_t>(pe)], pe * 10L);
            EXPECT_EQ(dest[static_cast<std::size_t>(npes() + pe)], pe * 10L + 1);
        }
    }
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
    oshmpi::team_destroy(reversed);
}

// The context forms (shmem_ctx_TYPENAME_ibput in C): on a context of the reversed team, PE numbers
// are the team's, so the block lands on the world PE the team numbers so.
TEST(StridedBytes, BlockStridedOnATeamContext)
{
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), npes() - 1, -1, npes());
    ASSERT_NE(reversed, nullptr);
    oshmpi::context* ctx = oshmpi::team_create_ctx(reversed, 0);
    int t_right = (oshmpi::team_my_pe(reversed) + 1) % npes();
    int world_right = npes() - 1 - t_right;
    int world_sender = npes() - 1 - ((oshmpi::team_my_pe(reversed) + npes() - 1) % npes());
    oshmpi::symmetric_array<int> remote(8), exposed(8);
    int source[6] = {me(), me() + 10, -1, me() + 20, me() + 30, -1};
    for (int i = 0; i < 8; ++i) exposed[i] = me() * 100 + i;
    oshmpi::barrier_all();
    // Two blocks of 2 elements, every 3 in source, every 4 in dest.
    oshmpi::ibput(*ctx, remote.data(), source, 4, 3, 2, 2, t_right);
    int fetched[4] = {};
    oshmpi::ibget(*ctx, fetched, exposed.data(), 2, 4, 2, 2, t_right); // exposed[0,1] and [4,5]
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();
    EXPECT_EQ(remote[0], world_sender);
    EXPECT_EQ(remote[1], world_sender + 10);
    EXPECT_EQ(remote[4], world_sender + 20);
    EXPECT_EQ(remote[5], world_sender + 30);
    EXPECT_EQ(remote[2], 0);
    EXPECT_EQ(fetched[0], world_right * 100);
    EXPECT_EQ(fetched[1], world_right * 100 + 1);
    EXPECT_EQ(fetched[2], world_right * 100 + 4);
    EXPECT_EQ(fetched[3], world_right * 100 + 5);
    oshmpi::ctx_destroy(ctx);
    oshmpi::barrier_all();
    oshmpi::team_destroy(reversed);
}
