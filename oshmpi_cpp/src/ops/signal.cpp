// Put-with-signal: the data first, complete at the target, then the signal word's AMO.
//
// Over shared memory the data is a memcpy, and a release fence before the signal's CPU atomic
// makes it visible to whoever acquires the signal. Over MPI the window's accumulate_ordering does
// not order a put before an accumulate to another location, so the put is flushed to its target
// before the signal goes out: at once by the blocking form, and by whoever next has reason to wait
// for the nonblocking one (deferred_signal.hpp), which returns as soon as the data is issued. The
// signal word is updated with the same mechanism as every other AMO on that word
// (route(..., access::atomic)).
#include <oshmpi/signal.hpp>

#include <sched.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"
#include "ops/deferred_signal.hpp"
#include "transport/mpi_rma.hpp"
#include "transport/node_local.hpp"
#include "transport/route.hpp"

namespace oshmpi {

namespace detail {

namespace {

amo_op amo_of(const char* routine, signal_op op)
{
    switch (op) {
    case signal_op::set: return amo_op::set;
    case signal_op::add: return amo_op::add;
    }
    fail(errc::invalid_argument, "%s: %d is not a signal operation (SHMEM_SIGNAL_SET or SHMEM_SIGNAL_ADD)",
         routine, static_cast<int>(op));
}

void check_signal_word(const char* routine, const std::uint64_t* sig_addr)
{
    if (sig_addr == nullptr) fail(errc::invalid_argument, "%s: sig_addr is null", routine);
    if (reinterpret_cast<std::uintptr_t>(sig_addr) % alignof(std::uint64_t) != 0)
        fail(errc::invalid_argument, "%s: sig_addr %p is not 8-byte aligned", routine,
             static_cast<const void*>(sig_addr));
}

// Every context with queued signals, and their queues: one lock for all, taken only by
// put_signal_nbi over MPI and by deliverers, never on another path.
std::mutex deferred_lock;
std::vector<context*> contexts_with_deferred; // guarded by deferred_lock
std::atomic<int> queued_signals{0};            // in every context's queue; read without the lock

struct taken_signal {
    deferred_signal signal;
    context* owner;
};

// Takes `ctx`'s queue. Caller holds deferred_lock.
void take_queue(context& ctx, std::vector<taken_signal>& into)
{
    for (const deferred_signal& s : ctx.deferred_signals) into.push_back({s, &ctx});
    queued_signals.fetch_sub(static_cast<int>(ctx.deferred_signals.size()), std::memory_order_relaxed);
    ctx.deferred_signals.clear();
}

// Data first (one flush per distinct target), then every signal, then their completion; the
// owners learn that their signals are complete last, after which we touch no owner again.
void deliver(std::vector<taken_signal>& signals)
{
    if (signals.empty()) return;
    std::vector<std::pair<MPI_Win, int>> flushed;
    auto flush_once = [&flushed](MPI_Win win, int pe) {
        for (const auto& done : flushed)
            if (done.first == win && done.second == pe) return;
        mpi_rma::flush_target(win, pe);
        flushed.emplace_back(win, pe);
    };
    for (const taken_signal& t : signals)
        if (t.signal.data_win != MPI_WIN_NULL) flush_once(t.signal.data_win, t.signal.data_pe);
    flushed.clear();
    std::atomic_thread_fence(std::memory_order_release);
    for (taken_signal& t : signals) {
        const remote_address& sig = t.signal.signal;
        if (sig.direct != nullptr)
            node_local::atomic(t.signal.op, scalar_type_of<std::uint64_t>(), sig.direct, &t.signal.value,
                               nullptr, nullptr);
        else
            mpi_rma::signal_unrecorded(t.signal.op, sig, &t.signal.value);
    }
    for (const taken_signal& t : signals)
        if (t.signal.signal.direct == nullptr) flush_once(t.signal.signal.seg->win, t.signal.signal.pe);
    for (const taken_signal& t : signals) t.owner->signals_in_flight.fetch_sub(1, std::memory_order_acq_rel);
    signals.clear();
}

// Delivers the data completely to `pe` (remote completion), without touching the signal.
// Returns the deferred record's data half when the data went through MPI.
bool issue_data(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes, int pe,
                deferred_signal& record)
{
    if (nbytes == 0) return false;
    if (source == nullptr) fail(errc::invalid_argument, "%s: source is null", routine);
    remote_address target = route(routine, dest, nbytes, pe, access::rma);
    if (target.direct != nullptr) {
        std::memmove(target.direct, source, nbytes);
        return false;
    }
    record.data_win = ctx.window(*target.seg);
    record.data_pe = target.pe;
    mpi_rma::put_unrecorded(record.data_win, target, source, nbytes);
    return true;
}

void put_signal_impl(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes,
                     std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe, bool nbi)
{
    state(routine);
    amo_op amo = amo_of(routine, op);
    check_signal_word(routine, sig_addr);
    const int target_pe = world_pe(routine, ctx, pe);
    // Resolve the signal first so that a bad address fails before any data moves.
    remote_address sig = route(routine, sig_addr, sizeof(std::uint64_t), target_pe, access::atomic);
    deferred_signal record{MPI_WIN_NULL, -1, sig, signal, amo};
    const bool data_through_mpi = issue_data(routine, ctx, dest, source, nbytes, target_pe, record);
    // The nonblocking form never waits for MPI: not for the data, and not for a signal word that
    // MPI updates (as on a node peer when AMOs take MPI for agreement with other nodes), since an
    // accumulate's completion may need the target to poll.
    if (nbi && (data_through_mpi || sig.direct == nullptr)) {
        defer_signal(ctx, record);
        return;
    }
    // Remote completion at this one target: the only way MPI orders a put before an
    // accumulate. The source is then reusable too.
    if (data_through_mpi) mpi_rma::flush_target(record.data_win, record.data_pe);
    // Pairs with the acquire load of signal_wait_until / wait_until on the target.
    std::atomic_thread_fence(std::memory_order_release);
    // The word routed above, by the mechanism every AMO on it uses (atomic() would route it again).
    if (sig.direct != nullptr)
        node_local::atomic(amo, scalar_type_of<std::uint64_t>(), sig.direct, &signal, nullptr, nullptr);
    else
        mpi_rma::atomic(ctx, amo, scalar_type_of<std::uint64_t>(), sig, &signal, nullptr, nullptr);
}

} // namespace

void defer_signal(context& ctx, const deferred_signal& signal)
{
    ctx.signals_in_flight.fetch_add(1, std::memory_order_acq_rel);
    std::lock_guard<std::mutex> guard(deferred_lock);
    if (ctx.deferred_signals.empty()) contexts_with_deferred.push_back(&ctx);
    ctx.deferred_signals.push_back(signal);
    queued_signals.fetch_add(1, std::memory_order_release);
}

bool signals_deferred() noexcept
{
    return queued_signals.load(std::memory_order_relaxed) > 0;
}

void deliver_deferred_signals()
{
    std::vector<taken_signal> taken;
    {
        std::lock_guard<std::mutex> guard(deferred_lock);
        for (context* ctx : contexts_with_deferred) take_queue(*ctx, taken);
        contexts_with_deferred.clear();
    }
    deliver(taken);
}

void complete_deferred_signals(context& ctx)
{
    if (ctx.signals_in_flight.load(std::memory_order_acquire) == 0) return;
    std::vector<taken_signal> taken;
    {
        std::lock_guard<std::mutex> guard(deferred_lock);
        if (!ctx.deferred_signals.empty()) {
            take_queue(ctx, taken);
            std::erase(contexts_with_deferred, &ctx);
        }
    }
    deliver(taken);
    // Signals another thread took before us are on their way: it completes them without needing
    // anything from us, so a polite wait suffices.
    while (ctx.signals_in_flight.load(std::memory_order_acquire) != 0) {
        poke_progress();
        sched_yield();
    }
}

// The blocking form: the data is complete at the target when it returns, then the signal goes.
void put_signal_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes,
                      std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe)
{
    put_signal_impl("put_signal", ctx, dest, source, nbytes, sig_addr, signal, op, pe, /*nbi=*/false);
}
// The nonblocking form returns once the data is issued; the signal follows the data's completion.
void put_signal_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes,
                          std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe)
{
    put_signal_impl("put_signal_nbi", ctx, dest, source, nbytes, sig_addr, signal, op, pe, /*nbi=*/true);
}

void signal_update(const char* routine, context& ctx, std::uint64_t* sig_addr, std::uint64_t signal,
                   signal_op op, int pe)
{
    state(routine);
    check_signal_word(routine, sig_addr);
    atomic(ctx, amo_of(routine, op), scalar_type_of<std::uint64_t>(), sig_addr, &signal, nullptr, nullptr, pe);
}

} // namespace detail

// A signal update is the signal half of put_signal: the same AMO on the same word, so it is atomic
// with respect to put_signal's update and to other signal updates.
void signal_add(context& ctx, std::uint64_t* sig_addr, std::uint64_t signal, int pe)
{
    detail::signal_update("signal_add", ctx, sig_addr, signal, signal_op::add, pe);
}
void signal_set(context& ctx, std::uint64_t* sig_addr, std::uint64_t signal, int pe)
{
    detail::signal_update("signal_set", ctx, sig_addr, signal, signal_op::set, pe);
}

std::uint64_t signal_fetch(const std::uint64_t* sig_addr)
{
    const detail::runtime& rt = detail::state("signal_fetch");
    detail::check_signal_word("signal_fetch", sig_addr);
    detail::segment* seg = detail::segments().find(sig_addr, sizeof(std::uint64_t));
    if (seg == nullptr)
        detail::fail(errc::not_symmetric, "signal_fetch: sig_addr %p is not in symmetric memory",
                     static_cast<const void*>(sig_addr));
    // When signals reach this word through MPI (a PE on another node, or the MPI transport forced),
    // MPI may apply them only while we are inside it: a program that polls with signal_fetch
    // (tests-sos signal_fetch loops on it) must still see them arrive.
    if (!(rt.amo_in_shared_memory && seg->all_peers_mapped)) detail::poke_progress();
    // Signal words are read locally like every wait variable (unified memory model): an aligned
    // 8-byte load is atomic against both CPU atomics and MPI accumulates.
    return detail::load_acquire(sig_addr);
}

std::uint64_t signal_wait_until(std::uint64_t* sig_addr, cmp op, std::uint64_t value)
{
    detail::check_wait_target("signal_wait_until", sig_addr, sizeof(std::uint64_t), op);
    detail::check_signal_word("signal_wait_until", sig_addr);
    detail::backoff backoff;
    for (;;) {
        std::uint64_t seen = detail::load_acquire(sig_addr);
        if (compare(seen, op, value)) return seen;
        backoff.pause();
    }
}

} // namespace oshmpi
