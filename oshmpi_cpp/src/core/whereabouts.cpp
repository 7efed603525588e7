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

namespace {
whereabouts* my_whereabouts() noexcept
{
    const runtime* rt = current_runtime();
    return rt == nullptr ? nullptr : node_area::whereabouts_of(rt->my_pe);
}
} // namespace

void note_asleep() noexcept
{
    if (whereabouts* mine = my_whereabouts()) mine->asleep.fetch_add(1, std::memory_order_relaxed);
}

void note_awake() noexcept
{
    if (whereabouts* mine = my_whereabouts()) mine->asleep.fetch_sub(1, std::memory_order_relaxed);
}

int node_pes_asleep() noexcept
{
    int asleep = 0;
    for (int pe : node_area::pes_here()) {
        const whereabouts* noted = node_area::whereabouts_of(pe);
        if (noted != nullptr && noted->asleep.load(std::memory_order_relaxed) != 0) ++asleep;
    }
    return asleep;
}

} // namespace oshmpi::detail
