// The heap allocator on its own: determinism, alignment, coalescing, exhaustion.
#include <gtest/gtest.h>

#include "memory/allocator.hpp"

using oshmpi::detail::heap_allocator;

TEST(Allocator, SameCallsGiveSameOffsets)
{
    heap_allocator a(1 << 20), b(1 << 20);
    for (std::size_t size : {1u, 100u, 4096u, 17u, 64u}) EXPECT_EQ(a.allocate(size, 64), b.allocate(size, 64));
}

TEST(Allocator, HonoursAlignment)
{
    heap_allocator a(1 << 20);
    ASSERT_TRUE(a.allocate(10, 64));
    auto aligned = a.allocate(10, 4096);
    ASSERT_TRUE(aligned);
    EXPECT_EQ(*aligned % 4096, 0u);
}

TEST(Allocator, ExhaustionFailsAndHeapStaysUsable)
{
    heap_allocator a(4096);
    auto first = a.allocate(4096, 64);
    ASSERT_TRUE(first);
    EXPECT_FALSE(a.allocate(64, 64));
    EXPECT_FALSE(a.allocate(std::size_t{1} << 40, 64));
    EXPECT_TRUE(a.release(*first));
    EXPECT_EQ(a.allocate(4096, 64), first);
}

TEST(Allocator, FreedBlocksAreReusedAndCoalesced)
{
    heap_allocator a(1024);
    auto x = a.allocate(256, 64), y = a.allocate(256, 64), z = a.allocate(256, 64);
    ASSERT_TRUE(x && y && z);
    EXPECT_TRUE(a.release(*y));
    EXPECT_EQ(a.allocate(200, 64), y);
    EXPECT_TRUE(a.release(*x));
    EXPECT_TRUE(a.release(*y));
    EXPECT_EQ(a.allocate(512, 64), x); // x and y merged back into one range
    EXPECT_FALSE(a.release(12345));
}

TEST(Allocator, ResizeInPlace)
{
    heap_allocator a(1024);
    auto x = a.allocate(128, 64);
    ASSERT_TRUE(x);
    EXPECT_TRUE(a.resize_in_place(*x, 512));
    EXPECT_EQ(a.block_size(*x), 512u);
    auto y = a.allocate(128, 64);
    ASSERT_TRUE(y);
    EXPECT_FALSE(a.resize_in_place(*x, 1024));
    EXPECT_TRUE(a.resize_in_place(*x, 64));
    EXPECT_EQ(a.free_bytes(), 1024u - 64u - 128u);
}
