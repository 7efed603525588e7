// quiet and fence.
#include <oshmpi/order.hpp>

#include <atomic>

#include "core/context.hpp"
#include "core/runtime.hpp"
#include "transport/mpi_rma.hpp"

namespace oshmpi {

void quiet(context& ctx)
{
    detail::state("quiet");
    detail::mpi_rma::flush(ctx);
    // Shared-memory stores were complete when issued; the fence makes them visible in order.
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

void fence(context& ctx)
{
    // MPI orders nothing between puts without a flush, so fence is a quiet; over shared memory it
    // is a store fence. A quiet with nothing outstanding costs one fence.
    quiet(ctx);
}

} // namespace oshmpi
