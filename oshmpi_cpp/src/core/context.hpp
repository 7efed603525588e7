// What a context is inside the runtime: its options, its team's PE numbering, the MPI window it
// owns (if any), and what it has left to complete.
#pragma once

#include <mpi.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include <oshmpi/context.hpp>

#include "memory/segment.hpp"
#include "ops/deferred_signal.hpp"
#include "transport/pending_targets.hpp"

namespace oshmpi {

struct context {
    long options = 0;
    // The team the context was created on; nullptr means the world team.
    team* owner = nullptr;
    // Team PE -> world PE, or nullptr when the context numbers PEs as the world does (the default
    // context's fast path: one branch, no lookup). Points into `team_world_pe`, a copy, so that a
    // context outlives nothing it depends on.
    const int* world_pe_of = nullptr;
    int team_n_pes = 0;
    std::vector<int> team_world_pe;

    // Puts and gets go through `own_window` when it covers their segment (one window from the pool,
    // over the symmetric heap), otherwise through the segment's default window. AMOs always go
    // through the default window: MPI promises atomicity only among accumulates on one window, and
    // SHMEM promises it among every AMO on a word, whatever context issued it.
    const detail::segment* own_segment = nullptr;
    MPI_Win own_window = MPI_WIN_NULL;
    int pool_slot = -1;

    // The MPI targets whose remote completion quiet still owes: (window, PE) pairs of puts, nbi
    // gets and AMOs. Shared memory operations complete as they are issued and never add here; an
    // idle quiet is a load and a memory fence. When several threads may use the context at
    // THREAD_MULTIPLE, `pending_lock` guards it, and quiet holds the lock while it flushes, so a
    // quiet that finds the set empty knows that every operation recorded before is complete.
    detail::pending_targets pending;
    std::mutex pending_lock;

    // Nonblocking put-with-signal over MPI: the data is on its way, the signal waits until the
    // data is complete at its target (ops/signal.cpp delivers it at the next quiet, wait or
    // progress-agent turn, whichever comes first).
    std::vector<detail::deferred_signal> deferred_signals; // guarded by deferred_lock
    std::mutex deferred_lock;
    // Signals issued by put_signal_nbi on this context and not yet remote-complete, wherever they
    // are (in deferred_signals or being delivered by another thread). Read without the lock.
    std::atomic<int> signals_in_flight{0};

    // Operands of nonblocking fetching AMOs: MPI reads them until the operation completes, so they
    // live here (a deque never moves its elements) until the next quiet on this context.
    std::deque<std::array<std::byte, 16>> nbi_operands;
    std::atomic<bool> nbi_outstanding{false}; // nbi_operands is not empty; read without the lock
    std::mutex nbi_lock; // only for contexts that several threads may use at once

    // The session hints (ctx_session_start): recorded, never acted on in a way that changes results.
    session_state session;

    // The window this context's puts and gets on `seg` go through.
    [[nodiscard]] MPI_Win window(const detail::segment& seg) const noexcept
    {
        return &seg == own_segment ? own_window : seg.win;
    }
    // Whether more than one thread may call into this context at the same time.
    [[nodiscard]] bool shared_between_threads() const noexcept
    {
        return (options & (ctx_private | ctx_serialized)) == 0;
    }
};

namespace detail {

[[noreturn]] void throw_team_pe(const char* routine, const context& ctx, int pe);

// The world PE of `pe` as the context's team numbers it. World contexts return `pe` unchanged and
// leave the range check to route().
inline int world_pe(const char* routine, const context& ctx, int pe)
{
    if (ctx.world_pe_of == nullptr) [[likely]]
        return pe;
    if (pe < 0 || pe >= ctx.team_n_pes) throw_team_pe(routine, ctx, pe);
    return ctx.world_pe_of[pe];
}

// Completes every operation issued on `ctx` and releases the storage of its nonblocking AMOs.
void quiet_context(context& ctx);
// Completes the operations of every live context (barrier_all and finalize need it).
void quiet_all_contexts();

// The pool of context windows: created collectively by init when some PE is reached through MPI
// (OSHMPI_CTX_WINDOWS windows over the heap), freed by finalize with every context still alive.
struct runtime;
void create_context_pool(runtime& rt);
void destroy_context_pool();

} // namespace detail

} // namespace oshmpi
