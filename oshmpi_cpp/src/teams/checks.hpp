// The argument checks every collective makes before it touches MPI, so that a bad argument throws
// on every PE (all pass the same symmetric addresses and counts) instead of hanging the others.
#pragma once

#include <cstddef>

namespace oshmpi::detail {

// Throws errc::not_symmetric unless [address, address + nbytes) lies in symmetric memory.
// Zero bytes are never touched, so any address passes.
void check_symmetric(const void* address, std::size_t nbytes, const char* what, const char* routine);
// Throws errc::invalid_argument when the two byte ranges overlap.
void check_disjoint(const void* dest, std::size_t dest_bytes, const void* source, std::size_t source_bytes,
                    const char* routine);

} // namespace oshmpi::detail
