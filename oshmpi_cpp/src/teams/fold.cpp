#include "teams/fold.hpp"

#include <cstdint>
#include <type_traits>

namespace oshmpi::detail {

namespace {

// Integers: the arithmetic in 64-bit unsigned (no overflow, no promotion to int), then back to T,
// which keeps the low bits: the wrap-around MPI's operators produce.
template <class T>
T wide(std::uint64_t value) noexcept
{
    return static_cast<T>(value);
}

template <class T>
struct step_sum {
    T operator()(T a, T b) const noexcept
    {
        if constexpr (std::is_integral_v<T>)
            return wide<T>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
        else return a + b;
    }
};
template <class T>
struct step_prod {
    T operator()(T a, T b) const noexcept
    {
        if constexpr (std::is_integral_v<T>)
            return wide<T>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
        else return a * b;
    }
};
template <class T>
struct step_max {
    T operator()(T a, T b) const noexcept { return a > b ? a : b; }
};
template <class T>
struct step_min {
    T operator()(T a, T b) const noexcept { return a < b ? a : b; }
};
template <class T>
struct step_and {
    T operator()(T a, T b) const noexcept { return static_cast<T>(a & b); }
};
template <class T>
struct step_or {
    T operator()(T a, T b) const noexcept { return static_cast<T>(a | b); }
};
template <class T>
struct step_xor {
    T operator()(T a, T b) const noexcept { return static_cast<T>(a ^ b); }
};

template <class T, template <class> class Step>
void fold_with(const void* in, void* inout, std::size_t count) noexcept
{
    const T* from = static_cast<const T*>(in);
    T* into = static_cast<T*>(inout);
    for (std::size_t i = 0; i < count; ++i) into[i] = Step<T>{}(into[i], from[i]);
}

template <class T>
fold_fn integer_fold(reduce_op op) noexcept
{
    switch (op) {
    case reduce_op::bit_and: return fold_with<T, step_and>;
    case reduce_op::bit_or: return fold_with<T, step_or>;
    case reduce_op::bit_xor: return fold_with<T, step_xor>;
    case reduce_op::max: return fold_with<T, step_max>;
    case reduce_op::min: return fold_with<T, step_min>;
    case reduce_op::sum: return fold_with<T, step_sum>;
    case reduce_op::prod: return fold_with<T, step_prod>;
    }
    return nullptr;
}

template <class T>
fold_fn floating_fold(reduce_op op) noexcept
{
    if (op == reduce_op::sum) return fold_with<T, step_sum>;
    if (op == reduce_op::prod) return fold_with<T, step_prod>;
    return nullptr;
}

template <class T>
fold_choice chosen(fold_fn fold) noexcept
{
    return {fold, sizeof(T)};
}

} // namespace

fold_choice native_fold(reduce_op op, MPI_Datatype type) noexcept
{
    // The common types first: each test is one comparison of handles.
    if (type == MPI_INT64_T) return chosen<std::int64_t>(integer_fold<std::int64_t>(op));
    if (type == MPI_DOUBLE) return chosen<double>(floating_fold<double>(op));
    if (type == MPI_INT32_T) return chosen<std::int32_t>(integer_fold<std::int32_t>(op));
    if (type == MPI_UINT64_T) return chosen<std::uint64_t>(integer_fold<std::uint64_t>(op));
    if (type == MPI_UINT32_T) return chosen<std::uint32_t>(integer_fold<std::uint32_t>(op));
    if (type == MPI_FLOAT) return chosen<float>(floating_fold<float>(op));
    if (type == MPI_INT16_T) return chosen<std::int16_t>(integer_fold<std::int16_t>(op));
    if (type == MPI_UINT16_T) return chosen<std::uint16_t>(integer_fold<std::uint16_t>(op));
    if (type == MPI_INT8_T) return chosen<std::int8_t>(integer_fold<std::int8_t>(op));
    if (type == MPI_UINT8_T) return chosen<std::uint8_t>(integer_fold<std::uint8_t>(op));
    return {};
}

} // namespace oshmpi::detail
