// The executable's global and static variables as a symmetric segment (the C API's promise that
// `static long x; shmem_long_p(&x, 1, pe)` works). Every PE runs the same executable, so its
// writable data and bss sit at the same offsets on every PE. At init they move onto node-shared
// pages (room after the heap in its MPI shared-memory window, remapped onto the globals' own
// addresses), so PEs of one node reach each other's globals with loads, stores and CPU atomics as
// on the heap; an MPI window over them serves PEs on other nodes. Only the C API registers it: a Python interpreter's globals are no use.
#pragma once

#include <cstddef>

#include "core/runtime.hpp"

namespace oshmpi::detail {

// How many bytes of whole pages the main program's writable data and bss span: what the C API
// asks init to keep after the heap (memory/heap.hpp's reserve_room_after_heap) for them.
[[nodiscard]] std::size_t data_segment_page_bytes();
// Collective over the world: finds the main program's writable PT_LOAD segment, checks that every
// PE found the same size, moves it onto node-shared pages (unless OSHMPI_TRANSPORT=mpi; if that
// fails on any PE of a node, the node keeps the MPI path) and registers it. Skips with a warning on
// PE 0 when the sizes differ (different executables). Another thread storing to a global while
// this runs may lose that store. The pages stay shared after finalize; a fork's child gets a
// private copy.
void create_data_segment(runtime& rt);
// Collective: unregisters the segment and frees its window. Does nothing if there is none.
void destroy_data_segment();

} // namespace oshmpi::detail
