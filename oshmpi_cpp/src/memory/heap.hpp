// The symmetric heap: one segment allocated in node-shared memory, plus its allocator.
#pragma once

#include <cstddef>
#include <vector>

#include "core/runtime.hpp"
#include "memory/allocator.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

// Every PE's heap starts at an address aligned to this, so an offset aligned to it (or to any
// smaller power of two) is an equally aligned address on every PE: shmem_align honours alignments
// up to it and returns NULL beyond. It is the largest power of two not above an eighth of the heap,
// and 2 MiB at least (a huge page): the padding costs address space, never memory, since untouched
// pages are never backed.
[[nodiscard]] std::size_t heap_base_alignment(std::size_t heap_size) noexcept;

// Whole pages after our heap in the same part of the shared window, asked for before init
// (reserve_room_after_heap): the C API moves the program's globals there (memory/data_segment.hpp).
struct heap_room {
    char* pages = nullptr;         // nullptr when none was asked for
    std::size_t bytes = 0;
    MPI_Aint offset_in_part = 0;   // from the start of our part of the window (MPI_Win_shared_query)
};

struct symmetric_heap {
    segment* seg;
    heap_allocator allocator;
    std::size_t base_alignment;      // heap_base_alignment(seg->size)
    std::vector<char*> control_of_pe; // world PE -> its control bytes mapped here (see create_heap)
    heap_room room;
};

// Asks every later create_heap for `bytes` of whole pages after the heap (0: none, the default).
// The C API's globals then need no shared window of their own at start-up.
void reserve_room_after_heap(std::size_t bytes) noexcept;

// Allocates env.symmetric_size bytes on every PE and registers the segment. `control_bytes` more
// on every PE, in front of its heap and outside the segment, are node-shared memory for the
// runtime's own flags (teams/node_area.hpp): one shared window at start-up instead of two, each of
// which costs tens of milliseconds with more PEs than cores. Collective.
void create_heap(runtime& rt, std::size_t control_bytes = 0);
void destroy_heap();
// The heap of the running runtime (create_heap must have run).
symmetric_heap& heap();
// World PE `pe`'s control bytes (create_heap), as mapped here: nullptr off this node or when none.
[[nodiscard]] char* heap_control_area(int pe) noexcept;

} // namespace oshmpi::detail
