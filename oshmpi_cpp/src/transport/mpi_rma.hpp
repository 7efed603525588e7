// The MPI transport: passive-target RMA on the segment's window, in the run-long lock_all epoch.
// Operations that must finish before returning use request-based calls driven by test-and-yield,
// never a blocking flush, so oversubscribed PEs keep progressing.
#pragma once

#include <cstddef>

#include <oshmpi/amo.hpp>

#include "core/context.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail::mpi_rma {

void put(context& ctx, const remote_address& target, const void* source, std::size_t nbytes, bool blocking);
void get(context& ctx, void* dest, const remote_address& source, std::size_t nbytes, bool blocking);
void atomic(context& ctx, amo_op op, scalar_type type, const remote_address& target,
            const void* operand, const void* compare, void* fetched);
// Remote completion of everything issued on `ctx` (MPI_Win_flush_all on each segment's window).
void flush(context& ctx);

} // namespace oshmpi::detail::mpi_rma
