// Nonblocking put-with-signal over MPI without blocking the caller.
//
// MPI orders nothing between a put and a later accumulate to another location (accumulate
// ordering covers only overlapping locations), so the signal may change only once the data is
// complete at the target, which needs an MPI_Win_flush: a wait on the target. put_signal_nbi
// therefore issues the data and leaves the signal here, and whoever next has reason to wait
// delivers it (flush the data's target, update the signal word, complete it): the caller's next
// quiet, any OpenSHMEM wait of any thread (they poke progress), or the progress agent within a nap.
#pragma once

#include <mpi.h>

#include <cstdint>

#include <oshmpi/amo.hpp>

#include "transport/route.hpp"

namespace oshmpi {
struct context;
}

namespace oshmpi::detail {

struct deferred_signal {
    // The data's window and (world) target, flushed before the signal goes; MPI_WIN_NULL when the
    // data went through shared memory and only the signal word is reached through MPI.
    MPI_Win data_win;
    int data_pe;
    remote_address signal; // routed when put_signal_nbi was called
    std::uint64_t value;
    amo_op op; // set or add
};

// Queues `signal` on `ctx` (the data is already issued, unrecorded, on data_win).
void defer_signal(context& ctx, const deferred_signal& signal);
// Whether some context holds signals not yet handed to a deliverer (one relaxed load).
[[nodiscard]] bool signals_deferred() noexcept;
// Delivers every queued signal of every context. Any thread may call it.
void deliver_deferred_signals();
// Quiet's part: returns once every signal issued by put_signal_nbi on `ctx` is complete, including
// those another thread is delivering right now.
void complete_deferred_signals(context& ctx);

} // namespace oshmpi::detail
