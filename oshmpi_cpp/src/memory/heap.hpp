// The symmetric heap: one segment allocated in node-shared memory, plus its allocator.
#pragma once

#include <cstddef>

#include "core/runtime.hpp"
#include "memory/allocator.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

// Every PE's heap starts at an address aligned to this, so shmem_align honours alignments up to
// it as absolute addresses (larger ones return NULL).
inline constexpr std::size_t heap_alignment = std::size_t{2} << 20;

struct symmetric_heap {
    segment* seg;
    heap_allocator allocator;
};

// Allocates env.symmetric_size bytes on every PE and registers the segment. Collective.
void create_heap(runtime& rt);
void destroy_heap();
// The heap of the running runtime (create_heap must have run).
symmetric_heap& heap();

} // namespace oshmpi::detail
