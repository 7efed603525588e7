// Raising errors inside the runtime: printf-style messages, and MPI return codes never dropped.
#pragma once

#include <oshmpi/error.hpp>

namespace oshmpi::detail {

[[noreturn]] void fail(errc code, const char* format, ...) __attribute__((format(printf, 2, 3)));

// Throws errc::mpi_failure with MPI's own error string when `rc` is not MPI_SUCCESS.
void check_mpi(int rc, const char* call);

} // namespace oshmpi::detail

// Runs an MPI call and throws (naming the call) if it fails. Our communicators and windows use
// MPI_ERRORS_RETURN so that failures reach this check instead of aborting inside MPI.
#define OSHMPI_MPI(call) ::oshmpi::detail::check_mpi((call), #call)
