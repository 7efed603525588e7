// quiet, pe_quiet and fence.
#include <oshmpi/order.hpp>

#include <atomic>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/runtime.hpp"
#include "ops/deferred_signal.hpp"
#include "transport/mpi_rma.hpp"

namespace oshmpi {

void quiet(context& ctx)
{
    detail::state("quiet");
    detail::quiet_context(ctx);
}

void pe_quiet(context& ctx, const int* target_pes, std::size_t npes)
{
    constexpr const char* routine = "pe_quiet";
    detail::runtime& rt = detail::state(routine);
    if (npes == 0) return;
    if (target_pes == nullptr) detail::fail(errc::invalid_argument, "%s: target_pes is null for %zu PEs", routine, npes);
    // Deferred signals of put_signal_nbi (ops/deferred_signal.hpp) are few: deliver them all.
    detail::complete_deferred_signals(ctx);
    for (std::size_t i = 0; i < npes; ++i) {
        int pe = detail::world_pe(routine, ctx, target_pes[i]);
        detail::check_pe(rt, routine, pe);
        detail::mpi_rma::flush_target(ctx, pe);
    }
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
