// quiet and fence.
#include <oshmpi/order.hpp>

#include "core/context.hpp"
#include "core/runtime.hpp"

namespace oshmpi {

void quiet(context& ctx)
{
    detail::state("quiet");
    detail::quiet_context(ctx);
}

void fence(context& ctx)
{
    // MPI orders nothing between puts without a flush, so fence is a quiet; over shared memory it
    // is a store fence. A quiet with nothing outstanding costs one fence.
    quiet(ctx);
}

} // namespace oshmpi
