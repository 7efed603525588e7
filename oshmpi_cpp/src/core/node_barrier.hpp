// A barrier over all PEs in shared memory, for jobs whose PEs all live on this node.
//
// MPI_Ibarrier plus test-and-yield costs ~10 us at 2 PEs on this machine (MPI_Barrier ~1-8 us, and
// ~8 ms at 4 PEs on 2 cores because MPICH spins without yielding). A dissemination barrier on
// words in a small node-shared window costs a few cache-line transfers: ceil(log2 n) rounds, in
// round r PE i raises a flag of PE i + 2^r and waits for its own flag from PE i - 2^r. Flags hold
// the barrier's sequence number, so they only grow and never need resetting; each flag has one
// writer. A wait spins while the PE it waits for can be running on another core, then sleeps on
// the flag with a futex (the writer wakes it), waking every 200 us to poke MPI progress; when
// other PEs may reach us through MPI (the C API's globals) it polls MPI and yields instead.
#pragma once

#include "core/runtime.hpp"

namespace oshmpi::detail {

// Whether the shared-memory barrier serves `rt.world`: every PE on this node and the shared-memory
// transport in use (with OSHMPI_TRANSPORT=mpi the MPI path is what tests must exercise). Every PE
// computes the same answer.
[[nodiscard]] bool node_barrier_applies(const runtime& rt) noexcept;

// Synchronizes every PE of `rt.world`: returns once all have called it, with release/acquire
// ordering between each PE's memory accesses before and every PE's accesses after. Collective;
// node_barrier_applies(rt) must hold. The flags live at the start of the team collectives' node
// areas (teams/node_area.hpp); without those the first call allocates them (collective over the
// node) and they are freed when rt.world is.
void node_barrier(runtime& rt);

} // namespace oshmpi::detail
