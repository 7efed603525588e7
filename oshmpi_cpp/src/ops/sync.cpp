// barrier_all and sync_all: over shared memory when every PE is on this node, else MPI_Ibarrier
// driven by test-and-yield (detail::barrier chooses).
#include <oshmpi/sync.hpp>

#include <atomic>

#include "core/context.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"

namespace oshmpi {

void barrier_all()
{
    detail::runtime& rt = detail::state("barrier_all");
    // barrier_all = quiet + sync_all: our puts and AMOs are complete before anyone leaves.
    detail::quiet_all_contexts();
    std::atomic_thread_fence(std::memory_order_seq_cst);
    detail::barrier(rt.world);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

void sync_all()
{
    detail::runtime& rt = detail::state("sync_all");
    // Local stores before the call are visible to every PE after it.
    std::atomic_thread_fence(std::memory_order_seq_cst);
    detail::barrier(rt.world);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

} // namespace oshmpi
