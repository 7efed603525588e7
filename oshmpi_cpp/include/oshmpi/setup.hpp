// Library setup, exit and queries (OpenSHMEM 1.6 sections 9.1 "Library Setup, Exit, and Query").
#pragma once

#include <mpi.h>

namespace oshmpi {

enum class thread_level : int { single = 0, funneled = 1, serialized = 2, multiple = 3 };

// Initializes MPI only if nobody has; the world is a duplicate of `world_comm`. May be called
// again (OpenSHMEM 1.6): each call is matched by a finalize, and a nested call returns the level
// already provided (the first call's; it cannot be raised).
void init(MPI_Comm world_comm = MPI_COMM_WORLD);
// Returns the level provided: the lower of what was requested and what MPI offers.
thread_level init_thread(thread_level requested, MPI_Comm world_comm = MPI_COMM_WORLD);
// Matches one init. The last one completes every outstanding operation and frees the runtime's
// MPI objects (teams, contexts, the heap); the others are a barrier_all. After the last one, init
// may be called again. MPI itself is never finalized here: MPI that init initialized stays up
// until the process exits (an atexit handler finalizes it), so that a later init can use it; MPI
// initialized by someone else is theirs. Without a matching init, does nothing.
void finalize();
// Ends every PE with `status` (MPI_Abort on the world).
[[noreturn]] void global_exit(int status);

// Whether OpenSHMEM is initialized now (shmem_query_initialized); callable at any time, from any thread.
[[nodiscard]] bool initialized() noexcept;
// Whether OpenSHMEM was initialized and its last finalize has run (it may be initialized again).
[[nodiscard]] bool finalized() noexcept;
// Whether init initialized MPI (then MPI is finalized at process exit, not by finalize).
[[nodiscard]] bool mpi_owned() noexcept;
[[nodiscard]] thread_level query_thread();
[[nodiscard]] int my_pe();
[[nodiscard]] int n_pes();
[[nodiscard]] bool pe_accessible(int pe);
[[nodiscard]] bool addr_accessible(const void* addr, int pe);
// A local address through which `addr` on `pe` can be loaded and stored, or nullptr.
[[nodiscard]] void* ptr(const void* addr, int pe);

struct version_info {
    int major;
    int minor;
};
[[nodiscard]] version_info info_get_version() noexcept;
[[nodiscard]] const char* info_get_name() noexcept;

// The MPI communicator over every PE (a duplicate owned by the runtime; do not free it).
[[nodiscard]] MPI_Comm world_comm();

} // namespace oshmpi
