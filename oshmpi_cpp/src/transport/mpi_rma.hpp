// The MPI transport: passive-target RMA in the run-long lock_all epoch, puts and gets on the
// context's window (context::window), AMOs on the segment's default window. Operations that must
// finish before returning use request-based calls driven by test-and-yield, never a blocking flush,
// so oversubscribed PEs keep progressing.
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
// A fetching AMO that does not wait: `operand` and `compare` must stay valid until the next flush
// of `ctx` (the caller keeps them in context::nbi_operands); `fetched` is written by then.
void atomic_nbi(context& ctx, amo_op op, scalar_type type, const remote_address& target,
                const void* operand, const void* compare, void* fetched);
// Remote completion of everything issued on `ctx`: a flush of every window it used.
void flush(context& ctx);
// Remote completion of what `ctx` issued to world PE `pe` only. The pending flags stay set: the
// context may still owe completion towards other PEs.
void flush_target(context& ctx, int pe);

} // namespace oshmpi::detail::mpi_rma
