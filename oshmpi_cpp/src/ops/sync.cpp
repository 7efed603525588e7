// barrier_all and sync_all: over shared memory when every PE is on this node; over several nodes,
// in two stages on TEAM_WORLD when some node holds several PEs (teams/node_stage.hpp); else MPI's
// barrier (detail::barrier chooses the form).
#include <oshmpi/sync.hpp>

#include <oshmpi/team.hpp>

#include "core/context.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "teams/node_stage.hpp"

namespace oshmpi {

namespace {

void world_barrier(detail::runtime& rt)
{
    team* world = team_world();
    if (world != nullptr && detail::node_stage::usable(*world, nullptr, nullptr)) detail::node_stage::sync(*world);
    else detail::barrier(rt.world);
}

} // namespace

void barrier_all()
{
    detail::runtime& rt = detail::state("barrier_all");
    // barrier_all = quiet + sync_all: our puts and AMOs are complete before anyone leaves. The
    // quiet ends with sync_all's first fence.
    detail::quiet_all_contexts();
    world_barrier(rt);
    detail::fence_for_node_peers(rt);
}

void sync_all()
{
    detail::runtime& rt = detail::state("sync_all");
    // Local stores before the call are visible to every PE after it.
    detail::fence_for_node_peers(rt);
    world_barrier(rt);
    detail::fence_for_node_peers(rt);
}

} // namespace oshmpi
