// The one error model of the C++ face: every failure the runtime detects is an oshmpi::error.
// The C API turns it into an abort naming the routine; Python turns it into the exception shmem4py
// users expect. The code says which, so neither face has to parse messages.
#pragma once

#include <stdexcept>
#include <string>

namespace oshmpi {

enum class errc {
    not_initialized,  // a routine called before init or after finalize
    invalid_pe,       // PE number outside [0, n_pes) of the team it is relative to
    not_symmetric,    // an address that is not inside symmetric memory
    invalid_argument, // any other bad argument: null, negative size, bad stride, bad option
    out_of_memory,    // the symmetric heap cannot satisfy a collective allocation
    out_of_resources, // teams, contexts or windows exhausted
    mpi_failure,      // an MPI call returned an error code
};

class error : public std::runtime_error {
public:
    error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] errc code() const noexcept { return code_; }

private:
    errc code_;
};

} // namespace oshmpi
