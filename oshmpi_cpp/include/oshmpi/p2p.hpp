// Point-to-point synchronization (OpenSHMEM 1.5 section 9.10): waiting on a local symmetric
// variable until a remote PE changes it.
#pragma once

#include <atomic>
#include <cstddef>

#include <oshmpi/amo.hpp>

namespace oshmpi {

// Values equal to the C API's SHMEM_CMP_*.
enum class cmp : int { eq = 0, ne = 1, gt = 2, ge = 3, lt = 4, le = 5 };

template <class T>
[[nodiscard]] constexpr bool compare(T lhs, cmp op, T rhs) noexcept
{
    switch (op) {
    case cmp::eq: return lhs == rhs;
    case cmp::ne: return lhs != rhs;
    case cmp::gt: return lhs > rhs;
    case cmp::ge: return lhs >= rhs;
    case cmp::lt: return lhs < rhs;
    case cmp::le: return lhs <= rhs;
    }
    return false;
}

namespace detail {

// Spins briefly, then drives MPI progress and yields the core: with more PEs than cores the PE
// that must change our variable needs the CPU we would otherwise burn.
class backoff {
public:
    void pause();

private:
    unsigned spins_ = 0;
};

// Throws unless [ivar, ivar + nbytes) is symmetric memory of this PE and `op` is a valid cmp.
void check_wait_target(const char* routine, const void* ivar, std::size_t nbytes, cmp op);

// Reads memory that remote PEs update: atomically, and with acquire ordering so that data put
// before the update is visible after it.
template <class T>
[[nodiscard]] T load_acquire(const T* ivar) noexcept
{
    return std::atomic_ref<T>(*const_cast<T*>(ivar)).load(std::memory_order_acquire);
}

} // namespace detail

template <class T>
void wait_until(T* ivar, cmp op, T value)
{
    static_cast<void>(detail::scalar_type_of<T>());
    detail::check_wait_target("wait_until", ivar, sizeof(T), op);
    detail::backoff backoff;
    while (!compare(detail::load_acquire(ivar), op, value)) backoff.pause();
}

template <class T>
[[nodiscard]] bool test(T* ivar, cmp op, T value)
{
    static_cast<void>(detail::scalar_type_of<T>());
    detail::check_wait_target("test", ivar, sizeof(T), op);
    if (compare(detail::load_acquire(ivar), op, value)) return true;
    detail::backoff().pause(); // a failed test must still let the world progress
    return false;
}

} // namespace oshmpi
