// Library setup, exit and queries (OpenSHMEM 1.5 sections 9.1 "Library Setup, Exit, and Query").
#pragma once

#include <mpi.h>

namespace oshmpi {

enum class thread_level : int { single = 0, funneled = 1, serialized = 2, multiple = 3 };

// Initializes MPI only if nobody has; the world is a duplicate of `world_comm`.
void init(MPI_Comm world_comm = MPI_COMM_WORLD);
// Returns the level provided: the lower of what was requested and what MPI offers.
thread_level init_thread(thread_level requested, MPI_Comm world_comm = MPI_COMM_WORLD);
// Completes every outstanding operation, frees the runtime's MPI objects, and finalizes MPI only
// if init initialized it. Idempotent.
void finalize();
// Ends every PE with `status` (MPI_Abort on the world).
[[noreturn]] void global_exit(int status);

[[nodiscard]] bool initialized() noexcept;
[[nodiscard]] bool finalized() noexcept;
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
