// Repeated initialization (OpenSHMEM 1.6) through the C++ API, with MPI initialized by the runtime:
// nested init/finalize pairs (only the last finalize releases), initialized()/finalized() at every
// step, and new runtimes after the last finalize with the heap, teams, contexts and atomics
// working again. MPI stays up between runtimes (the runtime owns it and finalizes it at exit), so
// this main can still reduce the verdict over MPI after the last finalize.
#include <gtest/gtest.h>
#include <mpi.h>

#include <oshmpi/shmem.hpp>

namespace {

// One runtime's worth of work: every PE adds to its right neighbour's counter on a created
// context and through a team; returns nothing, asserts the counts.
void exercise(int round)
{
    int me = oshmpi::my_pe(), n = oshmpi::n_pes();
    oshmpi::symmetric_array<long> counter(1);
    oshmpi::context* ctx = oshmpi::ctx_create(0);
    oshmpi::barrier_all();
    for (int i = 0; i < 100 * round; ++i) oshmpi::atomic_add(*ctx, counter.data(), 1L, (me + 1) % n);
    oshmpi::quiet(*ctx);
    oshmpi::barrier_all();
    EXPECT_EQ(counter[0], 100L * round);
    oshmpi::ctx_destroy(ctx);
    oshmpi::team* reversed = oshmpi::team_split_strided(oshmpi::team_world(), n - 1, -1, n);
    ASSERT_NE(reversed, nullptr);
    EXPECT_EQ(oshmpi::team_my_pe(reversed), n - 1 - me);
    oshmpi::symmetric_array<long> sum(1), one(1);
    one[0] = 1;
    oshmpi::sum_reduce(reversed, sum.data(), one.data(), 1);
    EXPECT_EQ(sum[0], n);
    oshmpi::team_destroy(reversed);
}

} // namespace

TEST(Reinit, NestedInitsAreMatchedByFinalizes)
{
    ASSERT_TRUE(oshmpi::initialized()); // main's init
    oshmpi::init();
    oshmpi::init_thread(oshmpi::thread_level::serialized);
    oshmpi::finalize();
    oshmpi::finalize();
    EXPECT_TRUE(oshmpi::initialized());
    exercise(1);
}

TEST(Reinit, AfterTheLastFinalizeANewRuntimeWorks)
{
    int rank = -1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    oshmpi::finalize(); // main's init: the last one
    EXPECT_FALSE(oshmpi::initialized());
    EXPECT_TRUE(oshmpi::finalized());
    EXPECT_THROW(static_cast<void>(oshmpi::my_pe()), oshmpi::error);
    int mpi_up = 0, mpi_down = 1;
    MPI_Initialized(&mpi_up);
    MPI_Finalized(&mpi_down);
    EXPECT_TRUE(mpi_up && !mpi_down) << "MPI that the runtime initialized stays up for the next init";
    EXPECT_TRUE(oshmpi::mpi_owned());
    for (int round = 2; round <= 3; ++round) {
        oshmpi::init();
        EXPECT_TRUE(oshmpi::initialized());
        EXPECT_FALSE(oshmpi::finalized());
        EXPECT_EQ(oshmpi::my_pe(), rank);
        exercise(round);
        oshmpi::finalize();
        EXPECT_FALSE(oshmpi::initialized());
    }
    oshmpi::init(); // main finalizes this one
}

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    if (oshmpi::initialized() || oshmpi::finalized()) return 2; // nothing before the first init
    oshmpi::init();
    int pe = oshmpi::my_pe();
    if (pe != 0) {
        auto& listeners = testing::UnitTest::GetInstance()->listeners();
        delete listeners.Release(listeners.default_result_printer());
    }
    int failed = RUN_ALL_TESTS() != 0 ? 1 : 0, any = 0;
    oshmpi::finalize();
    // MPI is still up: the verdict over every PE, then exit (which finalizes MPI).
    MPI_Allreduce(&failed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return any;
}
