// Put-with-signal: the data first, complete at the target, then the signal word's AMO.
//
// Over shared memory the data is a memcpy, and a release fence before the signal's CPU atomic
// makes it visible to whoever acquires the signal. Over MPI the window's accumulate_ordering does
// not order a put before a later accumulate, so the put is flushed to its target before the signal
// goes out. The signal word is updated through `detail::atomic`, i.e. with the same mechanism as
// every other AMO on that word (route(..., access::atomic)).
#include <oshmpi/signal.hpp>

#include <atomic>
#include <cstdint>
#include <cstring>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"
#include "transport/mpi_rma.hpp"
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

// Delivers the data completely to `pe` (remote completion), without touching the signal.
void deliver_data(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes,
                  int pe)
{
    if (nbytes == 0) return;
    if (source == nullptr) fail(errc::invalid_argument, "%s: source is null", routine);
    remote_address target = route(routine, dest, nbytes, world_pe(routine, ctx, pe), access::rma);
    if (target.direct != nullptr) {
        std::memmove(target.direct, source, nbytes);
        return;
    }
    mpi_rma::put(ctx, target, source, nbytes, /*blocking=*/false);
    // Remote completion at this one target: the only way MPI orders a put before an accumulate.
    // It is a blocking call, but it waits for our own transfer, never for another PE to act.
    OSHMPI_MPI(MPI_Win_flush(target.pe, ctx.window(*target.seg)));
}

void put_signal_impl(const char* routine, context& ctx, void* dest, const void* source, std::size_t nbytes,
                     std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe)
{
    state(routine);
    amo_op amo = amo_of(routine, op);
    check_signal_word(routine, sig_addr);
    // Resolve the signal first so that a bad address fails before any data moves.
    static_cast<void>(
        route(routine, sig_addr, sizeof(std::uint64_t), world_pe(routine, ctx, pe), access::atomic));
    deliver_data(routine, ctx, dest, source, nbytes, pe);
    // Pairs with the acquire load of signal_wait_until / wait_until on the target.
    std::atomic_thread_fence(std::memory_order_release);
    // `pe` as the context numbers it: atomic() translates it like every AMO.
    atomic(ctx, amo, scalar_type_of<std::uint64_t>(), sig_addr, &signal, nullptr, nullptr, pe);
}

} // namespace

// The nonblocking form could defer the flush to the next quiet, but the signal must not overtake
// the data, so it would have to wait for that flush too; completing now keeps both orderings.
void put_signal_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes,
                      std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe)
{
    put_signal_impl("put_signal", ctx, dest, source, nbytes, sig_addr, signal, op, pe);
}
void put_signal_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes,
                          std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe)
{
    put_signal_impl("put_signal_nbi", ctx, dest, source, nbytes, sig_addr, signal, op, pe);
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
    detail::state("signal_fetch");
    detail::check_signal_word("signal_fetch", sig_addr);
    if (detail::segments().find(sig_addr, sizeof(std::uint64_t)) == nullptr)
        detail::fail(errc::not_symmetric, "signal_fetch: sig_addr %p is not in symmetric memory",
                     static_cast<const void*>(sig_addr));
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
