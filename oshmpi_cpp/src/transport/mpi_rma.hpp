// The MPI transport: passive-target RMA in the run-long lock_all epoch, puts and gets on the
// context's window (context::window), AMOs on the segment's default window.
//
// Waiting: when every PE of this machine has a core, operations wait the way raw MPI does
// (MPI_Win_flush, MPI_Fetch_and_op + flush_local): they cost what MPI costs. When PEs outnumber
// cores, operations that must finish before returning use request-based calls driven by
// test-and-yield instead, because MPICH's blocking calls spin without yielding and would keep the
// PE they wait for off the CPU (core/progress.hpp). A wait that lasts asks the target's progress
// agent for attention (core/progress_agent.hpp).
//
// Remote completion is tracked per (window, PE) in context::pending, so quiet flushes only the
// targets written since the last quiet.
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

// Records that `pe` of `win` owes `ctx` a remote completion (for transfers issued elsewhere, e.g.
// strided RMA).
void note_pending(context& ctx, MPI_Win win, int pe);
// Remote completion of everything issued on `ctx`: a flush of each (window, PE) it wrote.
void flush(context& ctx);
// Remote completion of what `ctx` issued to world PE `pe` only. Its records of other PEs stay.
void flush_target(context& ctx, int pe);
// The same, callable from a thread other than the one that may be using `ctx` right now (a
// private context at THREAD_MULTIPLE): flushes every target of every window the context may use,
// without touching its records.
void flush_from_other_thread(context& ctx);

// Building blocks of put-with-signal, which orders the data before the signal itself:
// an MPI_Put that nobody records (the caller completes it with flush_target),
void put_unrecorded(MPI_Win win, const remote_address& target, const void* source, std::size_t nbytes);
// remote completion of everything this process issued to `pe` on `win`,
void flush_target(MPI_Win win, int pe);
// and an accumulate of one 64-bit word whose operand stays valid until the caller's flush_target
// of the signal's window (no wait for local completion).
void signal_unrecorded(amo_op op, const remote_address& target, const std::uint64_t* operand);

} // namespace oshmpi::detail::mpi_rma
