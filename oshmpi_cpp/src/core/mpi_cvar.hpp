// Setting one of the MPI library's control variables (MPI_T, MPI 3.1) for the length of a scope.
// We use it to switch off MPI behaviour that costs us and buys nothing; a variable the MPI library
// does not have is silently ignored, so the same code runs on every MPI.
#pragma once

#include <cstddef>  // NULL, which MPI_T_*_NULL expand to once MPI's C++ bindings are skipped
#include <mpi.h>

namespace oshmpi::detail {

class scoped_mpi_cvar {
public:
    // Sets the integer control variable `name` to `value` if the MPI library has it and lets it be
    // written; the destructor restores the previous value. Collective when the variable's scope is
    // (MPICH's shared-memory variables are per group): every process of the group must construct it.
    scoped_mpi_cvar(const char* name, int value) noexcept;
    ~scoped_mpi_cvar();
    scoped_mpi_cvar(const scoped_mpi_cvar&) = delete;
    scoped_mpi_cvar& operator=(const scoped_mpi_cvar&) = delete;

private:
    bool tools_initialized_ = false;
    bool changed_ = false;
    MPI_T_cvar_handle handle_ = MPI_T_CVAR_HANDLE_NULL;
    int previous_ = 0;
};

} // namespace oshmpi::detail
