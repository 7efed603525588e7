#include "core/whereabouts.hpp"

#include <sched.h>

#include "core/runtime.hpp"
#include "teams/node_area.hpp"

namespace oshmpi::detail {

unsigned note_my_core() noexcept
{
    const int cpu = sched_getcpu();
    const unsigned core = cpu < 0 ? 0U : static_cast<unsigned>(cpu);
    const runtime* rt = current_runtime();
    whereabouts* mine = rt == nullptr ? nullptr : node_area::whereabouts_of(rt->my_pe);
    if (mine != nullptr && mine->core.load(std::memory_order_relaxed) != core + 1)
        mine->core.store(core + 1, std::memory_order_relaxed);
    return core;
}

bool last_ran_on(int pe, unsigned core) noexcept
{
    const whereabouts* noted = node_area::whereabouts_of(pe);
    return noted != nullptr && noted->core.load(std::memory_order_relaxed) == core + 1;
}

} // namespace oshmpi::detail
