// OpenSHMEM 1.5 section 10 (profiling interface): shmem_pcontrol is a hook for tools that interpose
// on shmem_* (every shmem_* name is a weak alias of its pshmem_* definition); the library itself
// collects nothing, so the level is only remembered.
#include "capi/shim.hpp"

#include <atomic>

namespace {
std::atomic<int> profiling_level{1};
}

OSHMPI_C_DEFINE(void, pcontrol, (int level, ...))
{
    profiling_level.store(level, std::memory_order_relaxed);
}
