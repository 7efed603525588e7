// A barrier over all PEs in shared memory, for jobs whose PEs all live on this node.
//
// MPI_Ibarrier plus test-and-yield costs ~10 us at 2 PEs on this machine (MPI_Barrier ~1-8 us, and
// ~8 ms at 4 PEs on 2 cores because MPICH spins without yielding). Here a barrier costs a few
// cache-line transfers. Up to flat_barrier_most_pes PEs it is flat: each PE raises a flag of its
// own and waits for everyone else's, one round whose waits know every writer, so with more PEs
// than cores a waiter yields only to a PE that needs its core (shared_flag.hpp's await_all): one
// context switch per core per barrier, where a dissemination barrier's chain of rounds took about
// three. Beyond that it is a dissemination barrier (ceil(log2 n) rounds, in round r PE i raises a
// flag of PE i + 2^r and waits for its own flag from PE i - 2^r), whose traffic grows as n log n
// rather than n^2. Flags hold the barrier's sequence number, so they only grow and never need
// resetting; each flag has one writer.
#pragma once

#include "core/runtime.hpp"

namespace oshmpi::detail {

// The most PEs a flat barrier serves (the node barrier here and the team collectives' sync): each
// PE reads every other PE's flag, which beyond a few dozen costs more than log2 n rounds.
inline constexpr int flat_barrier_most_pes = 16;

// Whether the shared-memory barrier serves `rt.world`: every PE on this node and the shared-memory
// transport in use (with OSHMPI_TRANSPORT=mpi the MPI path is what tests must exercise). Every PE
// computes the same answer.
[[nodiscard]] bool node_barrier_applies(const runtime& rt) noexcept;

// Synchronizes every PE of `rt.world`: returns once all have called it, with release/acquire
// ordering between each PE's memory accesses before and every PE's accesses after. Collective;
// node_barrier_applies(rt) must hold. The flags live at the start of the team collectives' node
// areas (teams/node_area.hpp).
void node_barrier(runtime& rt);

} // namespace oshmpi::detail
