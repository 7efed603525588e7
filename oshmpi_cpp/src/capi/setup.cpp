// C entry points of OpenSHMEM 1.6 sections 9.1-9.2 (setup, exit, queries, thread support), and the
// deprecated start_pes/_my_pe/_num_pes. shmem_init is where the C API differs from the C++ face: it
// also exposes the program's global and static variables (the data segment) and reads SHMEM_DEBUG,
// each time it builds a runtime (the first init, or the first after the last finalize: see
// core/setup.cpp for repeated initialization).
#include "capi/shim.hpp"

#include <cstring>

#include "core/progress_agent.hpp"
#include "core/runtime.hpp"
#include "memory/data_segment.hpp"
#include "memory/heap.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

// The objects whose addresses are SHMEM_TEAM_WORLD and SHMEM_TEAM_SHARED; team_ptr() maps them.
struct shmem_team_s {
    char unused;
};
extern "C" {
shmem_ctx_t const oshmpi_ctx_default = ctx_handle(&oshmpi::default_context());
shmem_team_s oshmpi_team_world_handle{};
shmem_team_s oshmpi_team_shared_handle{};
}

namespace {

thread_level start(thread_level requested)
{
    bool first = !oshmpi::initialized();
    // The globals move into room after the heap, in its window: a window of their own cost tens
    // of milliseconds of start-up with more PEs than cores (40 ms at 4 PEs on 2 cores).
    if (first) detail::reserve_room_after_heap(detail::data_segment_page_bytes());
    thread_level provided = oshmpi::init_thread(requested);
    if (first) {
        detail::runtime& rt = detail::state("shmem_init");
        debug_checks = rt.env.debug;
        detail::create_data_segment(rt);
        detail::start_progress_agent(rt); // the globals may be reached through MPI where the heap is not
    }
    return provided;
}

} // namespace

OSHMPI_C_DEFINE(void, init, (void))
{
    OSHMPI_C_CALL(static_cast<void>(start(thread_level::single)));
}

OSHMPI_C_DEFINE(int, init_thread, (int requested, int* provided))
{
    if (requested < SHMEM_THREAD_SINGLE || requested > SHMEM_THREAD_MULTIPLE) return -1;
    OSHMPI_C_STATUS({
        int level = static_cast<int>(start(static_cast<thread_level>(requested)));
        if (provided != nullptr) *provided = level;
    });
}

OSHMPI_C_DEFINE(void, query_thread, (int* provided))
{
    OSHMPI_C_CALL(static_cast<void>(*provided = static_cast<int>(oshmpi::query_thread())));
}

OSHMPI_C_DEFINE(void, finalize, (void))
{
    // The data segment goes with the runtime's teardown (also when MPI_Finalize triggers it).
    OSHMPI_C_CALL(oshmpi::finalize());
}

// Callable at any time, before init and after finalize too.
OSHMPI_C_DEFINE(void, query_initialized, (int* initialized))
{
    *initialized = oshmpi::initialized() ? 1 : 0;
}

OSHMPI_C_DEFINE(void, global_exit, (int status))
{
    oshmpi::global_exit(status);
}

OSHMPI_C_DEFINE(int, my_pe, (void))
{
    OSHMPI_C_CALL(oshmpi::my_pe());
}
OSHMPI_C_DEFINE(int, n_pes, (void))
{
    OSHMPI_C_CALL(oshmpi::n_pes());
}
OSHMPI_C_DEFINE(int, pe_accessible, (int pe))
{
    OSHMPI_C_CALL(oshmpi::pe_accessible(pe) ? 1 : 0);
}
OSHMPI_C_DEFINE(int, addr_accessible, (const void* addr, int pe))
{
    OSHMPI_C_CALL(oshmpi::addr_accessible(addr, pe) ? 1 : 0);
}
OSHMPI_C_DEFINE(void*, ptr, (const void* dest, int pe))
{
    OSHMPI_C_CALL(oshmpi::ptr(dest, pe));
}

OSHMPI_C_DEFINE(void, info_get_version, (int* major, int* minor))
{
    *major = SHMEM_MAJOR_VERSION;
    *minor = SHMEM_MINOR_VERSION;
}
// The spec: the vendor string, at most SHMEM_MAX_NAME_LEN characters including the terminator.
OSHMPI_C_DEFINE(void, info_get_name, (char* name))
{
    static_assert(sizeof(SHMEM_VENDOR_STRING) <= SHMEM_MAX_NAME_LEN);
    std::memcpy(name, SHMEM_VENDOR_STRING, sizeof(SHMEM_VENDOR_STRING));
}

// Deprecated (OpenSHMEM 1.2): the argument was ignored then too. Calls after the first are no-ops
// (they are not initializations to be matched), and a start_pes program need not finalize: the
// runtime is torn down when MPI is finalized at exit (the deprecated implicit finalization).
extern "C" void start_pes(int)
{
    if (!oshmpi::initialized()) shmem_init();
}
extern "C" int _my_pe(void)
{
    return shmem_my_pe();
}
extern "C" int _num_pes(void)
{
    return shmem_n_pes();
}
