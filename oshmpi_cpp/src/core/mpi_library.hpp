// Which MPI library this process has loaded, checked against the one libshmem was compiled for.
// MPICH and Open MPI share function names but not handle types or constants (MPI_COMM_WORLD is an
// int in one, a pointer in the other), so a program linked against both — built by another MPI's
// mpicc, or Python with an mpi4py of another MPI — crashes in its first MPI call. shmem_init asks
// before making any.
#pragma once

namespace oshmpi::detail {

// Throws errc::mpi_failure with one line naming both MPIs when the process has loaded an MPI
// other than the one libshmem was built with. Calls no MPI routine that takes a handle.
void check_mpi_library();

// True once check_mpi_library() found a mismatch: MPI must not be called at all after that (the
// C API's abort then exits without MPI_Abort).
bool mpi_library_mismatched() noexcept;

} // namespace oshmpi::detail
