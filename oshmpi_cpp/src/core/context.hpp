// What a context is inside the runtime: its options and what it has left to complete.
#pragma once

#include <mpi.h>

#include <atomic>

#include <oshmpi/context.hpp>

#include "memory/segment.hpp"

namespace oshmpi {

struct context {
    long options = 0;
    // MPI operations issued on this context whose remote completion quiet still owes. Shared
    // memory operations complete as they are issued and never set it; an idle quiet is a fence.
    std::atomic<bool> mpi_pending{false};

    // The window this context's MPI operations on `seg` go through.
    [[nodiscard]] MPI_Win window(const detail::segment& seg) const noexcept { return seg.win; }
};

namespace detail {
// Completes the operations of every live context (barrier_all and finalize need it).
void quiet_all_contexts();
} // namespace detail

} // namespace oshmpi
