// The executable's global and static variables as a symmetric segment (the C API's promise that
// `static long x; shmem_long_p(&x, 1, pe)` works). Every PE runs the same executable, so its
// writable data and bss sit at the same offsets on every PE; a window over them makes them
// remotely accessible. Only the C API registers it: a Python interpreter's globals are no use.
#pragma once

#include "core/runtime.hpp"

namespace oshmpi::detail {

// Collective over the world: finds the main program's writable PT_LOAD segment, checks that every
// PE found the same size, and registers it (our own copy mapped, every other PE through MPI).
// Skips with a warning on PE 0 when the sizes differ (different executables).
void create_data_segment(runtime& rt);
// Collective: unregisters the segment and frees its window. Does nothing if there is none.
void destroy_data_segment();

} // namespace oshmpi::detail
