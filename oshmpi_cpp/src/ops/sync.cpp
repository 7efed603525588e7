// barrier_all and sync_all.
#include <oshmpi/sync.hpp>

#include <atomic>

#include "core/context.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"

namespace oshmpi {

void barrier_all()
{
    detail::runtime& rt = detail::state("barrier_all");
    detail::quiet_all_contexts();
    detail::barrier(rt.world);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

void sync_all()
{
    detail::runtime& rt = detail::state("sync_all");
    std::atomic_thread_fence(std::memory_order_seq_cst);
    detail::barrier(rt.world);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

} // namespace oshmpi
