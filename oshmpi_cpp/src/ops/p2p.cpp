// The non-template part of point-to-point synchronization.
#include <oshmpi/p2p.hpp>

#include <sched.h>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/progress_agent.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

// Where the value came through MPI, the progress agent's thread may have been the one inside MPI
// when MPI wrote it, and the data put before it. MPI orders those writes, but by means no
// ThreadSanitizer sees (it reported the payload of a put_signal as a race between the agent and
// the waiting thread): under TSan, returning only once the agent's MPI call in flight has returned
// makes the order one it sees too. Elsewhere MPI's order is all a wait needs, and the agent's
// mutex cost every wait ~20 ns (a fifth of what put_signal ping-pong paid over raw MPI).
backoff::~backoff()
{
#if defined(__SANITIZE_THREAD__)
    synchronize_with_agent();
#endif
}

void backoff::after_failed_test()
{
    poke_progress();
    sched_yield();
}

void check_wait_target(const char* routine, const void* ivar, std::size_t nbytes, cmp op)
{
    state(routine);
    if (static_cast<int>(op) < 0 || static_cast<int>(op) > static_cast<int>(cmp::le))
        fail(errc::invalid_argument, "%s: %d is not a comparison (SHMEM_CMP_*)", routine,
             static_cast<int>(op));
    if (segments().find(ivar, nbytes) == nullptr)
        fail(errc::not_symmetric, "%s: ivar %p is not in symmetric memory", routine, ivar);
}

void check_wait_targets(const char* routine, const void* ivars, std::size_t nelems, std::size_t elem_size,
                        cmp op)
{
    state(routine);
    if (static_cast<int>(op) < 0 || static_cast<int>(op) > static_cast<int>(cmp::le))
        fail(errc::invalid_argument, "%s: %d is not a comparison (SHMEM_CMP_*)", routine,
             static_cast<int>(op));
    if (nelems == 0) return; // an empty set: ivars may be anything, even null
    if (ivars == nullptr)
        fail(errc::invalid_argument, "%s: ivars is null with nelems = %zu", routine, nelems);
    if (segments().find(ivars, nelems * elem_size) == nullptr)
        fail(errc::not_symmetric, "%s: ivars %p (%zu elements) is not in symmetric memory", routine, ivars,
             nelems);
}

void check_indices(const char* routine, const std::size_t* indices, std::size_t nelems)
{
    if (indices == nullptr && nelems > 0)
        fail(errc::invalid_argument, "%s: indices is null with nelems = %zu", routine, nelems);
}

std::size_t next_scan_start() noexcept
{
    // Per thread, so no synchronization; wraps harmlessly.
    thread_local std::size_t counter = 0;
    return counter++;
}

} // namespace oshmpi::detail
