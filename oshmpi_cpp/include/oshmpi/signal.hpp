// Put-with-signal, signal updates and signal waits (OpenSHMEM 1.6 sections 9.8 and 9.10). The data of a
// put_signal is complete at the target before the signal word changes, so a PE that observes the
// signal may read the data. The signal word is a symmetric uint64_t updated atomically.
#pragma once

#include <cstddef>
#include <cstdint>

#include <oshmpi/context.hpp>
#include <oshmpi/p2p.hpp>

namespace oshmpi {

// Values equal to the C API's SHMEM_SIGNAL_SET and SHMEM_SIGNAL_ADD.
enum class signal_op : int { set = 0, add = 1 };

namespace detail {
// Blocking form: returns once `source` may be reused; the signal is delivered after the data.
void put_signal_bytes(context& ctx, void* dest, const void* source, std::size_t nbytes,
                      std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe);
// Nonblocking form: `source` may be reused, and the data and signal are delivered, after the next
// quiet on `ctx`; the signal still never overtakes the data.
void put_signal_bytes_nbi(context& ctx, void* dest, const void* source, std::size_t nbytes,
                          std::uint64_t* sig_addr, std::uint64_t signal, signal_op op, int pe);
} // namespace detail

template <class T>
void put_signal(context& ctx, T* dest, const T* source, std::size_t nelems, std::uint64_t* sig_addr,
                std::uint64_t signal, signal_op op, int pe)
{
    detail::put_signal_bytes(ctx, dest, source, nelems * sizeof(T), sig_addr, signal, op, pe);
}
template <class T>
void put_signal(T* dest, const T* source, std::size_t nelems, std::uint64_t* sig_addr, std::uint64_t signal,
                signal_op op, int pe)
{
    put_signal(default_context(), dest, source, nelems, sig_addr, signal, op, pe);
}
template <class T>
void put_signal_nbi(context& ctx, T* dest, const T* source, std::size_t nelems, std::uint64_t* sig_addr,
                    std::uint64_t signal, signal_op op, int pe)
{
    detail::put_signal_bytes_nbi(ctx, dest, source, nelems * sizeof(T), sig_addr, signal, op, pe);
}
template <class T>
void put_signal_nbi(T* dest, const T* source, std::size_t nelems, std::uint64_t* sig_addr,
                    std::uint64_t signal, signal_op op, int pe)
{
    put_signal_nbi(default_context(), dest, source, nelems, sig_addr, signal, op, pe);
}

// Updates the signal word `sig_addr` on `pe` atomically, with no data (shmem_signal_add and
// shmem_signal_set, OpenSHMEM 1.6). Like any AMO it is not ordered after earlier puts without a
// fence or quiet on `ctx`.
void signal_add(context& ctx, std::uint64_t* sig_addr, std::uint64_t signal, int pe);
void signal_set(context& ctx, std::uint64_t* sig_addr, std::uint64_t signal, int pe);
inline void signal_add(std::uint64_t* sig_addr, std::uint64_t signal, int pe)
{
    signal_add(default_context(), sig_addr, signal, pe);
}
inline void signal_set(std::uint64_t* sig_addr, std::uint64_t signal, int pe)
{
    signal_set(default_context(), sig_addr, signal, pe);
}

// Atomically reads this PE's signal word `sig_addr` (symmetric).
[[nodiscard]] std::uint64_t signal_fetch(const std::uint64_t* sig_addr);
// Waits until `*sig_addr op value` holds, then returns the signal's value that satisfied it.
std::uint64_t signal_wait_until(std::uint64_t* sig_addr, cmp op, std::uint64_t value);

} // namespace oshmpi
