// Library setup and queries.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include <oshmpi/shmem.hpp>

#include "core/env.hpp"

TEST(Setup, PeNumbersMatchMpiRanks)
{
    int rank = -1, size = -1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    EXPECT_EQ(oshmpi::my_pe(), rank);
    EXPECT_EQ(oshmpi::n_pes(), size);
    EXPECT_TRUE(oshmpi::initialized());
}

TEST(Setup, WorldIsADuplicateNotCommWorld)
{
    int result = MPI_UNEQUAL;
    MPI_Comm_compare(oshmpi::world_comm(), MPI_COMM_WORLD, &result);
    EXPECT_EQ(result, MPI_CONGRUENT);
}

TEST(Setup, Version)
{
    EXPECT_EQ(oshmpi::info_get_version().major, 1);
    EXPECT_EQ(oshmpi::info_get_version().minor, 6);
    EXPECT_STREQ(oshmpi::info_get_name(), "oshmpi-cpp");
}

// OpenSHMEM 1.6: a second init nests; its finalize is a barrier that releases nothing.
TEST(Setup, SecondInitNestsAndItsFinalizeKeepsTheRuntime)
{
    oshmpi::symmetric_array<long> kept(1);
    EXPECT_EQ(oshmpi::init_thread(oshmpi::thread_level::multiple), oshmpi::thread_level::single);
    EXPECT_EQ(oshmpi::query_thread(), oshmpi::thread_level::single);
    oshmpi::finalize();
    EXPECT_TRUE(oshmpi::initialized());
    EXPECT_FALSE(oshmpi::finalized());
    kept[0] = 1; // the heap is still there
    EXPECT_EQ(oshmpi::atomic_fetch(kept.data(), oshmpi::my_pe()), 1L);
}

TEST(Setup, PeAccessible)
{
    for (int pe = 0; pe < oshmpi::n_pes(); ++pe) EXPECT_TRUE(oshmpi::pe_accessible(pe));
    EXPECT_FALSE(oshmpi::pe_accessible(-1));
    EXPECT_FALSE(oshmpi::pe_accessible(oshmpi::n_pes()));
}

TEST(Setup, AddrAccessibleAndPtr)
{
    auto* x = static_cast<long*>(oshmpi::malloc(sizeof(long)));
    ASSERT_NE(x, nullptr);
    long on_stack = 0;
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    EXPECT_TRUE(oshmpi::addr_accessible(x, (me + 1) % n));
    EXPECT_FALSE(oshmpi::addr_accessible(&on_stack, me));
    EXPECT_FALSE(oshmpi::addr_accessible(x, n));
    EXPECT_EQ(oshmpi::ptr(x, me), x);
    EXPECT_EQ(oshmpi::ptr(&on_stack, me), nullptr);
    EXPECT_EQ(oshmpi::ptr(x, -1), nullptr);

    // Where the peer's heap is mapped, a store through ptr is what the peer reads. It is mapped
    // when it shares our node (TEAM_SHARED) and shared memory is in use, and we always are.
    *x = -1;
    oshmpi::barrier_all();
    int right = (me + 1) % n;
    auto* peer = static_cast<long*>(oshmpi::ptr(x, right));
    bool same_node = oshmpi::team_translate_pe(oshmpi::team_world(), right, oshmpi::team_shared()) >= 0;
    bool shared = std::getenv("OSHMPI_TRANSPORT") == nullptr || std::strcmp(std::getenv("OSHMPI_TRANSPORT"), "mpi") != 0;
    EXPECT_EQ(peer != nullptr, right == me || (same_node && shared)) << "PE " << right;
    if (peer != nullptr)
        *peer = me;
    else
        oshmpi::p(x, static_cast<long>(me), right);
    oshmpi::barrier_all();
    EXPECT_EQ(*x, (me + n - 1) % n);
    oshmpi::free(x);
}

TEST(Setup, ErrorsNameTheRoutineAndPe)
{
    long* x = static_cast<long*>(oshmpi::malloc(sizeof(long)));
    try {
        oshmpi::p(x, 1L, oshmpi::n_pes());
        ADD_FAILURE() << "no error for an out-of-range PE";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), oshmpi::errc::invalid_pe);
        EXPECT_NE(std::string(e.what()).find("put"), std::string::npos) << e.what();
    }
    long local = 0;
    try {
        oshmpi::p(&local, 1L, 0);
        ADD_FAILURE() << "no error for a non-symmetric address";
    } catch (const oshmpi::error& e) {
        EXPECT_EQ(e.code(), oshmpi::errc::not_symmetric);
    }
    oshmpi::free(x);
}

TEST(Env, ParseSize)
{
    using oshmpi::detail::parse_size;
    EXPECT_EQ(parse_size("X", "4096"), 4096u);
    EXPECT_EQ(parse_size("X", "64K"), 65536u);
    EXPECT_EQ(parse_size("X", "2M"), 2u << 20);
    EXPECT_EQ(parse_size("X", "3G"), std::size_t{3} << 30);
    EXPECT_EQ(parse_size("X", "17179869185"), std::size_t{17179869185});
    EXPECT_THROW(parse_size("X", "lots"), oshmpi::error);
    EXPECT_THROW(parse_size("X", "12Q"), oshmpi::error);
    EXPECT_THROW(parse_size("X", "0"), oshmpi::error);
    EXPECT_THROW(parse_size("X", "-5"), oshmpi::error);
}

TEST(Env, HeapSizeFollowsSymmetricSize)
{
    const char* text = std::getenv("SHMEM_SYMMETRIC_SIZE");
    if (text != nullptr) EXPECT_EQ(oshmpi::heap_size(), oshmpi::detail::parse_size("SHMEM_SYMMETRIC_SIZE", text));
    else EXPECT_EQ(oshmpi::heap_size(), std::size_t{256} << 20);
}

TEST(Env, DescribeListsEveryVariable)
{
    std::string text = oshmpi::detail::describe_env(oshmpi::detail::read_env());
    for (const char* name : {"SHMEM_SYMMETRIC_SIZE", "SMA_SYMMETRIC_SIZE", "SHMEM_DEBUG", "SHMEM_VERSION",
                             "SHMEM_INFO", "OSHMPI_TRANSPORT"})
        EXPECT_NE(text.find(name), std::string::npos) << name;
}

TEST(Env, DocsPageNamesEveryVariable)
{
    std::ifstream page(OSHMPI_SOURCE_DIR "/docs/environment.md");
    ASSERT_TRUE(page.good());
    std::stringstream text;
    text << page.rdbuf();
#define OSHMPI_EXPECT_DOCUMENTED(field, type, name, alias, fallback, scope, meaning)                      \
    EXPECT_NE(text.str().find(std::string("`") + name + "`"), std::string::npos) << name;                 \
    EXPECT_NE(text.str().find(std::string("`") + fallback + "`"), std::string::npos) << name << " default";
    OSHMPI_ENV_VARIABLES(OSHMPI_EXPECT_DOCUMENTED)
#undef OSHMPI_EXPECT_DOCUMENTED
}
