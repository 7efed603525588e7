#include "core/progress.hpp"

#include <sched.h>

#include <oshmpi/p2p.hpp>

#include "core/error.hpp"
#include "core/runtime.hpp"

namespace oshmpi::detail {

namespace {
// Short enough that an oversubscribed PE yields within a microsecond or two; long enough that a
// value about to arrive from a PE on another core is caught without a system call.
constexpr unsigned spins_before_yield = 64;

void cpu_relax() noexcept
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}
} // namespace

void poke_progress()
{
    runtime* rt = current_runtime();
    if (rt == nullptr) return;
    int flag = 0;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, rt->world, &flag, MPI_STATUS_IGNORE);
}

void backoff::pause()
{
    if (++spins_ < spins_before_yield) {
        cpu_relax();
        return;
    }
    poke_progress();
    sched_yield();
}

void complete(MPI_Request& request)
{
    int done = 0;
    for (;;) {
        OSHMPI_MPI(MPI_Test(&request, &done, MPI_STATUS_IGNORE));
        if (done) return;
        sched_yield();
    }
}

void barrier(MPI_Comm comm)
{
    MPI_Request request;
    OSHMPI_MPI(MPI_Ibarrier(comm, &request));
    complete(request);
}

} // namespace oshmpi::detail
