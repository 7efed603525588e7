// Symmetric memory management: equal offsets everywhere, exhaustion, reuse, realloc, align.
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstdint>
#include <vector>

#include <oshmpi/shmem.hpp>

namespace {

std::intptr_t offset_from(const void* base, const void* p)
{
    return static_cast<const char*>(p) - static_cast<const char*>(base);
}

bool offsets_agree(std::intptr_t offset)
{
    long long values[2] = {offset, -offset};
    MPI_Allreduce(MPI_IN_PLACE, values, 2, MPI_LONG_LONG, MPI_MAX, oshmpi::world_comm());
    return values[0] == -values[1];
}

} // namespace

TEST(Memory, AllocFreePatternsGiveEqualOffsetsEverywhere)
{
    char* anchor = static_cast<char*>(oshmpi::malloc(1));
    ASSERT_NE(anchor, nullptr);
    std::vector<void*> blocks;
    for (std::size_t size : {8u, 1000u, 64u, 123457u, 3u, 4096u}) blocks.push_back(oshmpi::malloc(size));
    oshmpi::free(blocks[1]);
    oshmpi::free(blocks[3]);
    blocks[1] = oshmpi::malloc(500);
    blocks[3] = oshmpi::align(4096, 100);
    blocks.push_back(oshmpi::calloc(10, 8));
    blocks.push_back(oshmpi::malloc_with_hints(256, 1));
    for (void* block : blocks) {
        ASSERT_NE(block, nullptr);
        EXPECT_TRUE(offsets_agree(offset_from(anchor, block)));
    }
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(blocks[3]) % 4096, 0u);
    for (void* block : blocks) oshmpi::free(block);
    oshmpi::free(anchor);
}

TEST(Memory, ZeroSizeAndNullAreNoOps)
{
    std::size_t before = oshmpi::heap_free_bytes();
    EXPECT_EQ(oshmpi::malloc(0), nullptr);
    EXPECT_EQ(oshmpi::calloc(0, 8), nullptr);
    oshmpi::free(nullptr);
    EXPECT_EQ(oshmpi::heap_free_bytes(), before);
}

TEST(Memory, CallocZeroesReusedMemory)
{
    auto* dirty = static_cast<unsigned char*>(oshmpi::malloc(4096));
    ASSERT_NE(dirty, nullptr);
    std::fill(dirty, dirty + 4096, 0xAB);
    oshmpi::free(dirty);
    auto* clean = static_cast<unsigned char*>(oshmpi::calloc(512, 8));
    ASSERT_EQ(clean, dirty) << "freed blocks are reused first";
    for (int i = 0; i < 4096; ++i) ASSERT_EQ(clean[i], 0) << i;
    oshmpi::free(clean);
}

TEST(Memory, ExhaustionReturnsNullEverywhereAndHeapStaysUsable)
{
    std::size_t too_much = oshmpi::heap_size() + 1;
    EXPECT_EQ(oshmpi::malloc(too_much), nullptr);
    EXPECT_EQ(oshmpi::calloc(SIZE_MAX / 2, 4), nullptr); // overflow of count * size
    // Fill the heap in big blocks until it fails, then free and allocate again.
    std::vector<void*> blocks;
    std::size_t chunk = oshmpi::heap_size() / 8;
    for (;;) {
        void* block = oshmpi::malloc(chunk);
        if (block == nullptr) break;
        blocks.push_back(block);
    }
    EXPECT_GE(blocks.size(), 7u);
    EXPECT_LE(blocks.size(), 8u);
    auto* small = static_cast<long*>(oshmpi::malloc(sizeof(long)));
    for (void* block : blocks) oshmpi::free(block);
    if (small != nullptr) oshmpi::free(small);
    auto* again = static_cast<long*>(oshmpi::malloc(chunk));
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again, blocks.front());
    // Still usable for RMA.
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    oshmpi::p(again, static_cast<long>(me), (me + 1) % n);
    oshmpi::barrier_all();
    EXPECT_EQ(*again, (me + n - 1) % n);
    oshmpi::free(again);
}

TEST(Memory, SymmetricArrayThrowsWhenExhausted)
{
    EXPECT_THROW(oshmpi::symmetric_array<char>(oshmpi::heap_size() * 2), oshmpi::error);
    oshmpi::symmetric_array<int> fine(100);
    EXPECT_EQ(fine.size(), 100u);
    EXPECT_EQ(fine[99], 0);
}

TEST(Memory, ReallocKeepsContentsAndStaysSymmetric)
{
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    auto* anchor = static_cast<char*>(oshmpi::malloc(1));
    auto* values = static_cast<int*>(oshmpi::malloc(4 * sizeof(int)));
    auto* blocker = oshmpi::malloc(64); // forces the next growth to move
    for (int i = 0; i < 4; ++i) values[i] = me * 100 + i;
    values = static_cast<int*>(oshmpi::realloc(values, 100000 * sizeof(int)));
    ASSERT_NE(values, nullptr);
    EXPECT_TRUE(offsets_agree(offset_from(anchor, values)));
    for (int i = 0; i < 4; ++i) EXPECT_EQ(values[i], me * 100 + i);
    // The grown block is usable by remote PEs.
    oshmpi::p(values + 99999, me, (me + 1) % n);
    oshmpi::barrier_all();
    EXPECT_EQ(values[99999], (me + n - 1) % n);
    // Shrinking stays in place.
    int* shrunk = static_cast<int*>(oshmpi::realloc(values, 8 * sizeof(int)));
    EXPECT_EQ(shrunk, values);
    // Growth beyond the heap fails everywhere and keeps the block.
    EXPECT_EQ(oshmpi::realloc(shrunk, oshmpi::heap_size() * 2), nullptr);
    EXPECT_EQ(shrunk[0], me * 100);
    EXPECT_EQ(oshmpi::realloc(nullptr, 0), nullptr);
    oshmpi::free(shrunk);
    oshmpi::free(blocker);
    oshmpi::free(anchor);
}

TEST(Memory, FreeOfForeignOrFreedPointerIsAnError)
{
    long local = 0;
    EXPECT_THROW(oshmpi::free(&local), oshmpi::error);
    auto* block = static_cast<char*>(oshmpi::malloc(128));
    EXPECT_THROW(oshmpi::free(block + 8), oshmpi::error);
    oshmpi::free(block);
    try {
        oshmpi::free(block);
        ADD_FAILURE() << "double free not detected";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), oshmpi::errc::not_symmetric);
    }
    EXPECT_EQ(oshmpi::align(3, 64), nullptr) << "alignment must be a power of two";
}
