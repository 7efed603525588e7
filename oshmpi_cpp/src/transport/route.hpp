// The one choke point where every remote access is resolved: which segment holds the address, at
// which offset, and whether the target's copy is mapped here (shared memory) or must go through MPI.
#pragma once

#include <cstddef>

#include "memory/segment.hpp"

namespace oshmpi::detail {

struct remote_address {
    segment* seg;
    std::size_t offset; // displacement in seg->win (of the target PE's copy)
    int pe;
    // Where the target's bytes are mapped in our address space, or nullptr to use MPI.
    char* direct;
};

enum class access { rma, atomic };

// Throws errc::invalid_pe or errc::not_symmetric naming `routine`.
remote_address route(const char* routine, const void* address, std::size_t nbytes, int pe, access kind);

} // namespace oshmpi::detail
