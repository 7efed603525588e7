// A rank-aware GoogleTest main: every PE runs every test; only PE 0 prints the progress lines,
// every PE prints its failures, and the exit status fails if any PE failed.
#include <gtest/gtest.h>
#include <mpi.h>

#include <oshmpi/shmem.hpp>

namespace {

class failures_only_printer : public testing::EmptyTestEventListener {
public:
    explicit failures_only_printer(int pe) : pe_(pe) {}
    void OnTestPartResult(const testing::TestPartResult& result) override
    {
        if (result.failed())
            std::fprintf(stderr, "[PE %d] %s:%d: Failure\n%s\n", pe_, result.file_name() ? result.file_name() : "?",
                         result.line_number(), result.summary());
    }

private:
    int pe_;
};

} // namespace

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    oshmpi::init();
    int pe = oshmpi::my_pe();
    if (pe != 0) {
        auto& listeners = testing::UnitTest::GetInstance()->listeners();
        delete listeners.Release(listeners.default_result_printer());
        listeners.Append(new failures_only_printer(pe));
    }
    int failed = RUN_ALL_TESTS() != 0 ? 1 : 0;
    int any_failed = 0;
    MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, oshmpi::world_comm());
    oshmpi::finalize();
    return any_failed;
}
