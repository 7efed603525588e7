// What the MPI that libshmem is compiled against can and cannot do, where it decides a path of
// ours: the one place that tests which MPI this is (the build's counterpart is cmake/; what a
// user needs of each MPI is in docs/cluster.md, "What each MPI needs").
#pragma once

#include <mpi.h>

namespace oshmpi::detail::mpi_traits {

#if defined(OPEN_MPI)
// Open MPI 4.1 sends a created window (MPI_Win_create) of one node's processes to osc/rdma, which
// cannot serve a single process at all (MPI_ERR_WIN: no BTL with RDMA reaches it) and crashes in
// 64-bit MPI_Compare_and_swap over btl/vader (open-mpi/ompi#7967, #11349); only osc/sm, the shared
// window's component, serves one node.
inline constexpr bool created_window_serves_one_node = false;
// Open MPI 4.1 raises the error of a failed MPI_Comm_idup (no communicator id left) in MPI_Test on
// MPI_COMM_WORLD's error handler, which aborts by default, not on the duplicated communicator's
// MPI_ERRORS_RETURN: only the blocking duplicate reports it to the caller.
inline constexpr bool comm_idup_reports_errors = false;
#else
// MPICH serves a created window everywhere, and on one node with MPI doing the transfers it is
// the faster one (memory/segment.cpp, expose()).
inline constexpr bool created_window_serves_one_node = true;
inline constexpr bool comm_idup_reports_errors = true;
#endif

} // namespace oshmpi::detail::mpi_traits
