// Every environment variable the runtime reads, in one table: the parser, the SHMEM_INFO printout
// and docs/environment.md all follow it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace oshmpi::detail {

// X(field, C++ type, standard name, alias or nullptr, default as text, scope, meaning). Scope `job`:
// every PE must set it alike, since it shapes a collective step of init (the heap's window, how many
// windows, the transport, the progress agent, team stages), and a PE that differs would wait in a
// collective its peers never join; init checks it (check_job_settings_agree). Scope `pe`: each PE
// may differ.
#define OSHMPI_ENV_VARIABLES(X)                                                                     \
    X(symmetric_size, std::size_t, "SHMEM_SYMMETRIC_SIZE", "SMA_SYMMETRIC_SIZE", "256M", job,             \
      "bytes of symmetric heap per PE (K, M, G, T suffixes)")                                          \
    X(debug, bool, "SHMEM_DEBUG", "SMA_DEBUG", "0", pe,                                                  \
      "check every argument of the C API and abort with a message naming the call")                   \
    X(version, bool, "SHMEM_VERSION", "SMA_VERSION", "0", pe,                                            \
      "print the library version at start-up")                                                        \
    X(info, bool, "SHMEM_INFO", "SMA_INFO", "0", pe,                                                     \
      "print every environment variable with its value and meaning at start-up")                      \
    X(transport, std::string, "OSHMPI_TRANSPORT", nullptr, "auto", job,                                    \
      "auto: shared memory to PEs on this node, MPI RMA to others; mpi: MPI RMA to every PE")      \
    X(ctx_windows, std::size_t, "OSHMPI_CTX_WINDOWS", nullptr, "8", job,                                  \
      "MPI windows created at start-up for contexts, when PEs span several nodes")                    \
    X(progress, std::string, "OSHMPI_PROGRESS", nullptr, "auto", job,                                       \
      "auto: a progress thread per PE when some PE reaches another through MPI, so operations on a "  \
      "PE that computes complete without it; on: always; off: never (MPI then needs only the "       \
      "thread level asked for)")                                                                    \
    X(node_stage, bool, "OSHMPI_NODE_STAGE", nullptr, "1", job,                                            \
      "team collectives over several nodes: a shared-memory stage on each node and MPI between one "  \
      "leader per node; 0: MPI over all members")

struct env_config {
#define OSHMPI_ENV_FIELD(field, type, name, alias, fallback, scope, meaning) type field;
    OSHMPI_ENV_VARIABLES(OSHMPI_ENV_FIELD)
#undef OSHMPI_ENV_FIELD
};

// A variable of scope `job` and its value as text.
struct env_setting {
    const char* name;
    std::string value;
};
std::vector<env_setting> job_settings(const env_config& config);

// Reads the environment; throws oshmpi::error(invalid_argument) naming a variable it cannot parse.
env_config read_env();
// The SHMEM_INFO text.
std::string describe_env(const env_config& config);
// "64K" -> 65536; throws on garbage, on overflow and on zero.
std::size_t parse_size(const char* variable, const std::string& text);

} // namespace oshmpi::detail
