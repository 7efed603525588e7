// Point-to-point synchronization (OpenSHMEM 1.5 section 9.10): waiting on a local symmetric
// variable until a remote PE changes it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include <oshmpi/amo.hpp>

namespace oshmpi {

// Values equal to the C API's SHMEM_CMP_*.
enum class cmp : int { eq = 0, ne = 1, gt = 2, ge = 3, lt = 4, le = 5 };

template <class T> [[nodiscard]] constexpr bool compare(T lhs, cmp op, T rhs) noexcept
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
    backoff() = default;
    backoff(const backoff&) = delete;
    backoff& operator=(const backoff&) = delete;
    // The wait is over: it saw a value another PE wrote (see p2p.cpp).
    ~backoff();
    void pause();
    // What a failed test does before returning: the caller polls in a loop of its own, so every
    // call must let MPI progress (an update arriving through MPI needs it) and give up the core.
    static void after_failed_test();

  private:
    unsigned spins_ = 0;
};

// Throws unless [ivar, ivar + nbytes) is symmetric memory of this PE and `op` is a valid cmp.
void check_wait_target(const char* routine, const void* ivar, std::size_t nbytes, cmp op);

// Throws unless `ivars` covers `nelems` symmetric elements of `elem_size` bytes (null is fine when
// nelems is 0) and `op` is a valid cmp. For the multi-variable waits and tests.
void check_wait_targets(const char* routine, const void* ivars, std::size_t nelems, std::size_t elem_size,
                        cmp op);
// Throws unless `indices` may receive results (non-null when nelems > 0).
void check_indices(const char* routine, const std::size_t* indices, std::size_t nelems);

// The spec's status mask: a null mask includes every element; nonzero status excludes one.
[[nodiscard]] inline bool included(const int* status, std::size_t i) noexcept
{
    return status == nullptr || status[i] == 0;
}

// Reads memory that remote PEs update: atomically, and with acquire ordering so that data put
// before the update is visible after it.
template <class T> [[nodiscard]] T load_acquire(const T* ivar) noexcept
{
    return std::atomic_ref<T>(*const_cast<T*>(ivar)).load(std::memory_order_acquire);
}

} // namespace detail

template <class T> void wait_until(T* ivar, cmp op, T value)
{
    static_cast<void>(detail::scalar_type_of<T>());
    detail::check_wait_target("wait_until", ivar, sizeof(T), op);
    detail::backoff backoff;
    while (!compare(detail::load_acquire(ivar), op, value)) backoff.pause();
}

template <class T> [[nodiscard]] bool test(T* ivar, cmp op, T value)
{
    static_cast<void>(detail::scalar_type_of<T>());
    detail::check_wait_target("test", ivar, sizeof(T), op);
    if (compare(detail::load_acquire(ivar), op, value)) return true;
    detail::backoff::after_failed_test();
    return false;
}

// Deprecated in 1.5 but still specified: waits while `*ivar == value`.
template <class T> void wait(T* ivar, T value)
{
    static_cast<void>(detail::scalar_type_of<T>());
    detail::check_wait_target("wait", ivar, sizeof(T), cmp::eq);
    detail::backoff backoff;
    while (detail::load_acquire(ivar) == value) backoff.pause();
}

// Multi-variable forms (spec 1.5 section 9.10.3-14). `status` may be null (every element takes
// part); otherwise status[i] != 0 excludes ivars[i]. The `_vector` forms compare ivars[i] with
// values[i] instead of one value. One template body serves both: `value_of(i)` supplies the
// comparison value.
namespace detail {

// Checks one pass: whether every included element satisfies its comparison.
template <class T, class ValueOf>
[[nodiscard]] bool all_satisfied(const T* ivars, std::size_t nelems, const int* status, cmp op,
                                 ValueOf value_of)
{
    for (std::size_t i = 0; i < nelems; ++i)
        if (included(status, i) && !compare(load_acquire(ivars + i), op, value_of(i))) return false;
    return true;
}

// The index of one included, satisfied element or SIZE_MAX. The scan starts at `start` so that
// repeated calls do not always favour the lowest index.
template <class T, class ValueOf>
[[nodiscard]] std::size_t any_satisfied(const T* ivars, std::size_t nelems, const int* status, cmp op,
                                        ValueOf value_of, std::size_t start)
{
    for (std::size_t k = 0; k < nelems; ++k) {
        std::size_t i = (start + k) % nelems;
        if (included(status, i) && compare(load_acquire(ivars + i), op, value_of(i))) return i;
    }
    return SIZE_MAX;
}

// Writes the indices of every included, satisfied element (ascending) and returns their count.
template <class T, class ValueOf>
std::size_t some_satisfied(const T* ivars, std::size_t nelems, std::size_t* indices, const int* status,
                           cmp op, ValueOf value_of)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < nelems; ++i)
        if (included(status, i) && compare(load_acquire(ivars + i), op, value_of(i))) indices[count++] = i;
    return count;
}

[[nodiscard]] inline bool none_included(std::size_t nelems, const int* status) noexcept
{
    for (std::size_t i = 0; i < nelems; ++i)
        if (included(status, i)) return false;
    return true;
}

// Where wait_until_any and test_any begin scanning: rotates per thread for fairness.
[[nodiscard]] std::size_t next_scan_start() noexcept;

template <class T, class ValueOf>
void wait_until_all_impl(const char* routine, T* ivars, std::size_t nelems, const int* status, cmp op,
                         ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    backoff backoff;
    while (!all_satisfied(ivars, nelems, status, op, value_of)) backoff.pause();
}

template <class T, class ValueOf>
std::size_t wait_until_any_impl(const char* routine, T* ivars, std::size_t nelems, const int* status, cmp op,
                                ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    if (none_included(nelems, status)) return SIZE_MAX;
    std::size_t start = next_scan_start();
    backoff backoff;
    for (;;) {
        std::size_t i = any_satisfied(ivars, nelems, status, op, value_of, start);
        if (i != SIZE_MAX) return i;
        backoff.pause();
    }
}

template <class T, class ValueOf>
std::size_t wait_until_some_impl(const char* routine, T* ivars, std::size_t nelems, std::size_t* indices,
                                 const int* status, cmp op, ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    check_indices(routine, indices, nelems);
    if (none_included(nelems, status)) return 0;
    backoff backoff;
    for (;;) {
        std::size_t count = some_satisfied(ivars, nelems, indices, status, op, value_of);
        if (count > 0) return count;
        backoff.pause();
    }
}

template <class T, class ValueOf>
[[nodiscard]] bool test_all_impl(const char* routine, T* ivars, std::size_t nelems, const int* status, cmp op,
                                 ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    if (all_satisfied(ivars, nelems, status, op, value_of)) return true;
    backoff::after_failed_test();
    return false;
}

template <class T, class ValueOf>
[[nodiscard]] std::size_t test_any_impl(const char* routine, T* ivars, std::size_t nelems, const int* status,
                                        cmp op, ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    std::size_t i = any_satisfied(ivars, nelems, status, op, value_of, next_scan_start());
    if (i == SIZE_MAX) backoff::after_failed_test();
    return i;
}

template <class T, class ValueOf>
std::size_t test_some_impl(const char* routine, T* ivars, std::size_t nelems, std::size_t* indices,
                           const int* status, cmp op, ValueOf value_of)
{
    static_cast<void>(scalar_type_of<T>());
    check_wait_targets(routine, ivars, nelems, sizeof(T), op);
    check_indices(routine, indices, nelems);
    std::size_t count = some_satisfied(ivars, nelems, indices, status, op, value_of);
    if (count == 0) backoff::after_failed_test();
    return count;
}

template <class T> [[nodiscard]] auto same_value(T value) noexcept
{
    return [value](std::size_t) { return value; };
}
template <class T> [[nodiscard]] auto each_value(const T* values) noexcept
{
    return [values](std::size_t i) { return values[i]; };
}

} // namespace detail

// Waits until every included element satisfies the comparison (returns at once if none is).
template <class T> void wait_until_all(T* ivars, std::size_t nelems, const int* status, cmp op, T value)
{
    detail::wait_until_all_impl("wait_until_all", ivars, nelems, status, op, detail::same_value(value));
}
// Waits until one included element satisfies it; returns its index, or SIZE_MAX if none is included.
template <class T>
std::size_t wait_until_any(T* ivars, std::size_t nelems, const int* status, cmp op, T value)
{
    return detail::wait_until_any_impl("wait_until_any", ivars, nelems, status, op,
                                       detail::same_value(value));
}
// Waits until at least one included element satisfies it; writes the indices of all that do to
// `indices` and returns how many (0 if none is included).
template <class T>
std::size_t wait_until_some(T* ivars, std::size_t nelems, std::size_t* indices, const int* status, cmp op,
                            T value)
{
    return detail::wait_until_some_impl("wait_until_some", ivars, nelems, indices, status, op,
                                        detail::same_value(value));
}
template <class T>
void wait_until_all_vector(T* ivars, std::size_t nelems, const int* status, cmp op, const T* values)
{
    detail::wait_until_all_impl("wait_until_all_vector", ivars, nelems, status, op,
                                detail::each_value(values));
}
template <class T>
std::size_t wait_until_any_vector(T* ivars, std::size_t nelems, const int* status, cmp op, const T* values)
{
    return detail::wait_until_any_impl("wait_until_any_vector", ivars, nelems, status, op,
                                       detail::each_value(values));
}
template <class T>
std::size_t wait_until_some_vector(T* ivars, std::size_t nelems, std::size_t* indices, const int* status,
                                   cmp op, const T* values)
{
    return detail::wait_until_some_impl("wait_until_some_vector", ivars, nelems, indices, status, op,
                                        detail::each_value(values));
}

// True when every included element satisfies the comparison (also when none is included).
template <class T>
[[nodiscard]] bool test_all(T* ivars, std::size_t nelems, const int* status, cmp op, T value)
{
    return detail::test_all_impl("test_all", ivars, nelems, status, op, detail::same_value(value));
}
// The index of one included element that satisfies it, or SIZE_MAX.
template <class T>
[[nodiscard]] std::size_t test_any(T* ivars, std::size_t nelems, const int* status, cmp op, T value)
{
    return detail::test_any_impl("test_any", ivars, nelems, status, op, detail::same_value(value));
}
// Writes the indices of the included elements that satisfy it to `indices`; returns how many.
template <class T>
std::size_t test_some(T* ivars, std::size_t nelems, std::size_t* indices, const int* status, cmp op, T value)
{
    return detail::test_some_impl("test_some", ivars, nelems, indices, status, op, detail::same_value(value));
}
template <class T>
[[nodiscard]] bool test_all_vector(T* ivars, std::size_t nelems, const int* status, cmp op, const T* values)
{
    return detail::test_all_impl("test_all_vector", ivars, nelems, status, op, detail::each_value(values));
}
template <class T>
[[nodiscard]] std::size_t test_any_vector(T* ivars, std::size_t nelems, const int* status, cmp op,
                                          const T* values)
{
    return detail::test_any_impl("test_any_vector", ivars, nelems, status, op, detail::each_value(values));
}
template <class T>
std::size_t test_some_vector(T* ivars, std::size_t nelems, std::size_t* indices, const int* status, cmp op,
                             const T* values)
{
    return detail::test_some_impl("test_some_vector", ivars, nelems, indices, status, op,
                                  detail::each_value(values));
}

} // namespace oshmpi
