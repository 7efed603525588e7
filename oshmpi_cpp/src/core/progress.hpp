// Waiting without starving anyone. With more PEs than cores, a PE spinning inside MPI keeps the PE
// it waits for off the CPU (MPICH polls without yielding: MPI_Barrier costs ~8 ms at 4 ranks on 2
// cores). So every wait on MPI is a nonblocking call driven by test-and-yield.
#pragma once

#include <mpi.h>

namespace oshmpi::detail {

// Lets MPI move along operations that target us (AM-based RMA needs the target to poll).
void poke_progress();
// Completes `request` by MPI_Test plus sched_yield.
void complete(MPI_Request& request);
// A barrier over `comm` that yields while it waits.
void barrier(MPI_Comm comm);

} // namespace oshmpi::detail
