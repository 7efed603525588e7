// MPI initialized by the program before OpenSHMEM: init must use it, finalize must leave it usable,
// and finalize must complete every outstanding operation (no lost atomics).
#include <gtest/gtest.h>
#include <mpi.h>

#include <oshmpi/shmem.hpp>

namespace {
int provided_by_mpi = -1;
}

TEST(MpiFirst, InitUsesTheExistingMpi)
{
    oshmpi::thread_level level = oshmpi::init_thread(oshmpi::thread_level::multiple);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    EXPECT_EQ(oshmpi::my_pe(), rank);
    // The level provided is the lower of what was asked and what MPI has.
    EXPECT_EQ(static_cast<int>(level), provided_by_mpi == MPI_THREAD_MULTIPLE ? 3 : static_cast<int>(level));
    EXPECT_LE(static_cast<int>(level), 3);
}

TEST(MpiFirst, FinalizeWithOutstandingAtomicsLeavesMpiUsable)
{
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    auto* counter = static_cast<long*>(oshmpi::calloc(1, sizeof(long)));
    ASSERT_NE(counter, nullptr);
    // No quiet, no barrier: finalize itself must complete these before freeing the heap.
    for (int i = 0; i < 2000; ++i) oshmpi::atomic_add(counter, 1L, (me + 1) % n);
    oshmpi::finalize();
    EXPECT_FALSE(oshmpi::initialized());
    int mpi_finalized = 1;
    MPI_Finalized(&mpi_finalized);
    EXPECT_EQ(mpi_finalized, 0) << "finalize must not finalize an MPI it did not initialize";
    int sum = 0, one = 1;
    EXPECT_EQ(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD), MPI_SUCCESS);
    EXPECT_EQ(sum, n);
    EXPECT_THROW(static_cast<void>(oshmpi::my_pe()), oshmpi::error);
}

TEST(MpiFirst, ReinitAfterFinalizeWorksAndCountsAreExact)
{
    oshmpi::init();
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    auto* counter = static_cast<long*>(oshmpi::calloc(1, sizeof(long)));
    ASSERT_NE(counter, nullptr);
    constexpr long adds = 1000;
    for (long i = 0; i < adds; ++i) oshmpi::atomic_add(counter, 1L, (me + 1) % n);
    oshmpi::barrier_all();
    EXPECT_EQ(oshmpi::atomic_fetch(counter, me), adds);
    oshmpi::free(counter);
    oshmpi::finalize();
}

int main(int argc, char** argv)
{
    MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided_by_mpi);
    testing::InitGoogleTest(&argc, argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (rank != 0) {
        auto& listeners = testing::UnitTest::GetInstance()->listeners();
        delete listeners.Release(listeners.default_result_printer());
    }
    int failed = RUN_ALL_TESTS() != 0 ? 1 : 0, any = 0;
    MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    MPI_Finalize();
    return any;
}
