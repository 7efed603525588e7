// The state of an initialized runtime: who we are, the communicators, and the transports' knobs.
// One instance lives between init and finalize; everything else reaches it through state().
#pragma once

#include <mpi.h>

#include <atomic>
#include <vector>

#include <oshmpi/setup.hpp>

#include "core/env.hpp"

namespace oshmpi::detail {

struct runtime {
    env_config env;
    thread_level level = thread_level::single;

    MPI_Comm world = MPI_COMM_NULL; // duplicate of the user's world communicator
    MPI_Comm node = MPI_COMM_NULL;  // the PEs that can share memory with us
    int my_pe = 0;
    int n_pes = 0;
    std::vector<int> node_rank_of_pe; // world PE -> rank in `node`, or -1 if on another node
    int node_pes = 1;                 // the size of `node`
    // PEs running on this machine, whatever MPI calls a node (a host file can split one machine
    // into several): what decides whether PEs outnumber cores.
    int machine_pes = 0;

    // Puts and gets to PEs on this node use shared memory unless OSHMPI_TRANSPORT=mpi.
    bool rma_in_shared_memory = false;
    // Atomicity is per word, so one mechanism serves every AMO: CPU atomics only when every PE
    // shares memory with every other, MPI accumulates otherwise.
    bool amo_in_shared_memory = false;
};

// Orders our loads and stores around a synchronization (quiet, barrier) for the PEs of this node
// that access our memory directly. A PE alone on its node needs none: every other PE reaches it
// through MPI, whose own calls order the accesses it makes, and three fences were most of what a
// barrier_all cost on top of MPI_Barrier across nodes (27 of 225 ns).
inline void fence_for_node_peers(const runtime& rt) noexcept
{
    if (rt.node_pes > 1) std::atomic_thread_fence(std::memory_order_seq_cst);
}

// For the ways out that end every PE at once (global_exit, an abort): no collective finalize at
// exit, which MPI_Abort may run (it calls exit() with one process) and peers would never join.
void disarm_exit_finalize() noexcept;

// The runtime, or nullptr before init and after finalize.
runtime* current_runtime() noexcept;
// The runtime; throws errc::not_initialized naming `routine` when there is none.
runtime& state(const char* routine);

// Throws errc::invalid_pe unless 0 <= pe < n_pes.
void check_pe(const runtime& rt, const char* routine, int pe);

} // namespace oshmpi::detail
