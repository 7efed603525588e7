#include "transport/node_local.hpp"

#include <atomic>
#include <cstdint>
#include <cstring>

#include "core/error.hpp"

namespace oshmpi::detail::node_local {

namespace {

template <class T>
T apply(amo_op op, T* target, T operand, T compare)
{
    std::atomic_ref<T> word(*target);
    constexpr auto order = std::memory_order_seq_cst;
    switch (op) {
    case amo_op::fetch: return word.load(order);
    case amo_op::set: word.store(operand, order); return T{};
    case amo_op::swap: return word.exchange(operand, order);
    case amo_op::compare_swap: word.compare_exchange_strong(compare, operand, order); return compare;
    case amo_op::add: return word.fetch_add(operand, order);
    case amo_op::bit_and:
    case amo_op::bit_or:
    case amo_op::bit_xor:
        if constexpr (std::is_integral_v<T>) {
            if (op == amo_op::bit_and) return word.fetch_and(operand, order);
            if (op == amo_op::bit_or) return word.fetch_or(operand, order);
            return word.fetch_xor(operand, order);
        }
        break;
    }
    fail(errc::invalid_argument, "bitwise atomics take integer types only");
}

template <class T>
void run(amo_op op, void* target, const void* operand, const void* compare, void* fetched)
{
    T value{}, expected{};
    std::memcpy(&value, operand, sizeof(T));
    if (compare != nullptr) std::memcpy(&expected, compare, sizeof(T));
    T old = apply(op, static_cast<T*>(target), value, expected);
    if (fetched != nullptr) std::memcpy(fetched, &old, sizeof(T));
}

} // namespace

void atomic(amo_op op, scalar_type type, void* target, const void* operand, const void* compare,
            void* fetched)
{
    switch (type.kind) {
    case scalar_type::floating:
        if (type.size == 4) return run<float>(op, target, operand, compare, fetched);
        return run<double>(op, target, operand, compare, fetched);
    case scalar_type::signed_int:
        if (type.size == 2) return run<std::int16_t>(op, target, operand, compare, fetched);
        if (type.size == 4) return run<std::int32_t>(op, target, operand, compare, fetched);
        return run<std::int64_t>(op, target, operand, compare, fetched);
    case scalar_type::unsigned_int:
        if (type.size == 2) return run<std::uint16_t>(op, target, operand, compare, fetched);
        if (type.size == 4) return run<std::uint32_t>(op, target, operand, compare, fetched);
        return run<std::uint64_t>(op, target, operand, compare, fetched);
    }
}

} // namespace oshmpi::detail::node_local
