#include "teams/checks.hpp"

#include "core/error.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

void check_symmetric(const void* address, std::size_t nbytes, const char* what, const char* routine)
{
    if (nbytes == 0) return;
    if (segments().find(address, nbytes) == nullptr)
        fail(errc::not_symmetric, "%s: %s %p (%zu bytes) is not in symmetric memory", routine, what, address, nbytes);
}

void check_disjoint(const void* dest, std::size_t dest_bytes, const void* source, std::size_t source_bytes,
                    const char* routine)
{
    if (dest_bytes == 0 || source_bytes == 0) return;
    auto d = static_cast<const char*>(dest);
    auto s = static_cast<const char*>(source);
    if (d < s + source_bytes && s < d + dest_bytes)
        fail(errc::invalid_argument, "%s: dest %p (%zu bytes) overlaps source %p (%zu bytes)", routine, dest,
             dest_bytes, source, source_bytes);
}

} // namespace oshmpi::detail
