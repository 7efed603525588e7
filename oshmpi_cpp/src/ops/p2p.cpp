// The non-template part of point-to-point synchronization.
#include <oshmpi/p2p.hpp>

#include "core/error.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

void check_wait_target(const char* routine, const void* ivar, std::size_t nbytes, cmp op)
{
    state(routine);
    if (static_cast<int>(op) < 0 || static_cast<int>(op) > static_cast<int>(cmp::le))
        fail(errc::invalid_argument, "%s: %d is not a comparison (SHMEM_CMP_*)", routine, static_cast<int>(op));
    if (segments().find(ivar, nbytes) == nullptr)
        fail(errc::not_symmetric, "%s: ivar %p is not in symmetric memory", routine, ivar);
}

} // namespace oshmpi::detail
