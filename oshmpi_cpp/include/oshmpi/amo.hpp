// Atomic memory operations (OpenSHMEM 1.5 section 9.7). Typed templates over one byte-level entry
// point that receives the element's size and kind, so the runtime can pick CPU atomics or the
// matching MPI datatype without a template per type.
#pragma once

#include <cstddef>
#include <type_traits>

#include <oshmpi/context.hpp>

namespace oshmpi {

enum class amo_op : int { fetch, set, compare_swap, swap, add, bit_and, bit_or, bit_xor };

namespace detail {

struct scalar_type {
    enum kind_t : unsigned char { signed_int, unsigned_int, floating };
    unsigned char size;
    kind_t kind;
};

template <class T>
constexpr scalar_type scalar_type_of()
{
    static_assert(std::is_arithmetic_v<T> && (sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8),
                  "OpenSHMEM atomics and waits take 16-, 32- or 64-bit integers, float or double");
    if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) != 2, "no 16-bit floating point atomics");
        return {sizeof(T), scalar_type::floating};
    } else if constexpr (std::is_signed_v<T>) {
        return {sizeof(T), scalar_type::signed_int};
    } else {
        return {sizeof(T), scalar_type::unsigned_int};
    }
}

// `fetched` may be null for the non-fetching forms. With `nbi`, `fetched` is written by the next
// quiet on `ctx` at the latest.
void atomic(context& ctx, amo_op op, scalar_type type, void* dest, const void* operand,
            const void* compare, void* fetched, int pe, bool nbi = false);

template <class T>
T atomic_fetching(context& ctx, amo_op op, T* dest, T operand, T compare, int pe)
{
    T fetched;
    atomic(ctx, op, scalar_type_of<T>(), dest, &operand, &compare, &fetched, pe);
    return fetched;
}
// Nonblocking fetching form: the operands are copied before returning; `*fetch` is valid after the
// next quiet on `ctx`.
template <class T>
void atomic_fetching_nbi(context& ctx, amo_op op, T* fetch, T* dest, T operand, T compare, int pe)
{
    atomic(ctx, op, scalar_type_of<T>(), dest, &operand, &compare, fetch, pe, true);
}
template <class T>
void atomic_posting(context& ctx, amo_op op, T* dest, T operand, int pe)
{
    atomic(ctx, op, scalar_type_of<T>(), dest, &operand, nullptr, nullptr, pe);
}

} // namespace detail

template <class T>
[[nodiscard]] T atomic_fetch(context& ctx, const T* source, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::fetch, const_cast<T*>(source), T{}, T{}, pe);
}
template <class T>
void atomic_set(context& ctx, T* dest, T value, int pe)
{
    detail::atomic_posting(ctx, amo_op::set, dest, value, pe);
}
template <class T>
[[nodiscard]] T atomic_compare_swap(context& ctx, T* dest, T cond, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::compare_swap, dest, value, cond, pe);
}
template <class T>
[[nodiscard]] T atomic_swap(context& ctx, T* dest, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::swap, dest, value, T{}, pe);
}
template <class T>
T atomic_fetch_add(context& ctx, T* dest, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::add, dest, value, T{}, pe);
}
template <class T>
void atomic_add(context& ctx, T* dest, T value, int pe)
{
    detail::atomic_posting(ctx, amo_op::add, dest, value, pe);
}
template <class T>
T atomic_fetch_inc(context& ctx, T* dest, int pe)
{
    return atomic_fetch_add(ctx, dest, T{1}, pe);
}
template <class T>
void atomic_inc(context& ctx, T* dest, int pe)
{
    atomic_add(ctx, dest, T{1}, pe);
}
template <class T>
T atomic_fetch_and(context& ctx, T* dest, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::bit_and, dest, value, T{}, pe);
}
template <class T>
void atomic_and(context& ctx, T* dest, T value, int pe)
{
    detail::atomic_posting(ctx, amo_op::bit_and, dest, value, pe);
}
template <class T>
T atomic_fetch_or(context& ctx, T* dest, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::bit_or, dest, value, T{}, pe);
}
template <class T>
void atomic_or(context& ctx, T* dest, T value, int pe)
{
    detail::atomic_posting(ctx, amo_op::bit_or, dest, value, pe);
}
template <class T>
T atomic_fetch_xor(context& ctx, T* dest, T value, int pe)
{
    return detail::atomic_fetching(ctx, amo_op::bit_xor, dest, value, T{}, pe);
}
template <class T>
void atomic_xor(context& ctx, T* dest, T value, int pe)
{
    detail::atomic_posting(ctx, amo_op::bit_xor, dest, value, pe);
}

// Nonblocking fetching AMOs (OpenSHMEM 1.5 section 9.7.3): `*fetch` is valid after the next quiet
// on `ctx`.
template <class T>
void atomic_fetch_nbi(context& ctx, T* fetch, const T* source, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::fetch, fetch, const_cast<T*>(source), T{}, T{}, pe);
}
template <class T>
void atomic_compare_swap_nbi(context& ctx, T* fetch, T* dest, T cond, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::compare_swap, fetch, dest, value, cond, pe);
}
template <class T>
void atomic_swap_nbi(context& ctx, T* fetch, T* dest, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::swap, fetch, dest, value, T{}, pe);
}
template <class T>
void atomic_fetch_add_nbi(context& ctx, T* fetch, T* dest, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::add, fetch, dest, value, T{}, pe);
}
template <class T>
void atomic_fetch_inc_nbi(context& ctx, T* fetch, T* dest, int pe)
{
    atomic_fetch_add_nbi(ctx, fetch, dest, T{1}, pe);
}
template <class T>
void atomic_fetch_and_nbi(context& ctx, T* fetch, T* dest, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::bit_and, fetch, dest, value, T{}, pe);
}
template <class T>
void atomic_fetch_or_nbi(context& ctx, T* fetch, T* dest, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::bit_or, fetch, dest, value, T{}, pe);
}
template <class T>
void atomic_fetch_xor_nbi(context& ctx, T* fetch, T* dest, T value, int pe)
{
    detail::atomic_fetching_nbi(ctx, amo_op::bit_xor, fetch, dest, value, T{}, pe);
}

// The same routines on the default context.
// clang-format off
template <class T> [[nodiscard]] T atomic_fetch(const T* source, int pe) { return atomic_fetch(default_context(), source, pe); }
template <class T> void atomic_set(T* dest, T value, int pe) { atomic_set(default_context(), dest, value, pe); }
template <class T> [[nodiscard]] T atomic_compare_swap(T* dest, T cond, T value, int pe) { return atomic_compare_swap(default_context(), dest, cond, value, pe); }
template <class T> [[nodiscard]] T atomic_swap(T* dest, T value, int pe) { return atomic_swap(default_context(), dest, value, pe); }
template <class T> T atomic_fetch_add(T* dest, T value, int pe) { return atomic_fetch_add(default_context(), dest, value, pe); }
template <class T> void atomic_add(T* dest, T value, int pe) { atomic_add(default_context(), dest, value, pe); }
template <class T> T atomic_fetch_inc(T* dest, int pe) { return atomic_fetch_inc(default_context(), dest, pe); }
template <class T> void atomic_inc(T* dest, int pe) { atomic_inc(default_context(), dest, pe); }
template <class T> T atomic_fetch_and(T* dest, T value, int pe) { return atomic_fetch_and(default_context(), dest, value, pe); }
template <class T> void atomic_and(T* dest, T value, int pe) { atomic_and(default_context(), dest, value, pe); }
template <class T> T atomic_fetch_or(T* dest, T value, int pe) { return atomic_fetch_or(default_context(), dest, value, pe); }
template <class T> void atomic_or(T* dest, T value, int pe) { atomic_or(default_context(), dest, value, pe); }
template <class T> T atomic_fetch_xor(T* dest, T value, int pe) { return atomic_fetch_xor(default_context(), dest, value, pe); }
template <class T> void atomic_xor(T* dest, T value, int pe) { atomic_xor(default_context(), dest, value, pe); }
template <class T> void atomic_fetch_nbi(T* fetch, const T* source, int pe) { atomic_fetch_nbi(default_context(), fetch, source, pe); }
template <class T> void atomic_compare_swap_nbi(T* fetch, T* dest, T cond, T value, int pe) { atomic_compare_swap_nbi(default_context(), fetch, dest, cond, value, pe); }
template <class T> void atomic_swap_nbi(T* fetch, T* dest, T value, int pe) { atomic_swap_nbi(default_context(), fetch, dest, value, pe); }
template <class T> void atomic_fetch_add_nbi(T* fetch, T* dest, T value, int pe) { atomic_fetch_add_nbi(default_context(), fetch, dest, value, pe); }
template <class T> void atomic_fetch_inc_nbi(T* fetch, T* dest, int pe) { atomic_fetch_inc_nbi(default_context(), fetch, dest, pe); }
template <class T> void atomic_fetch_and_nbi(T* fetch, T* dest, T value, int pe) { atomic_fetch_and_nbi(default_context(), fetch, dest, value, pe); }
template <class T> void atomic_fetch_or_nbi(T* fetch, T* dest, T value, int pe) { atomic_fetch_or_nbi(default_context(), fetch, dest, value, pe); }
template <class T> void atomic_fetch_xor_nbi(T* fetch, T* dest, T value, int pe) { atomic_fetch_xor_nbi(default_context(), fetch, dest, value, pe); }
// clang-format on

} // namespace oshmpi
