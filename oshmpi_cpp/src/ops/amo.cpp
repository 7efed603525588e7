// Atomic memory operations: one mechanism per word (see runtime::amo_in_shared_memory).
#include <oshmpi/amo.hpp>

#include <cstdint>

#include "core/error.hpp"
#include "transport/mpi_rma.hpp"
#include "transport/node_local.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail {

namespace {
const char* name_of(amo_op op)
{
    switch (op) {
    case amo_op::fetch: return "atomic_fetch";
    case amo_op::set: return "atomic_set";
    case amo_op::compare_swap: return "atomic_compare_swap";
    case amo_op::swap: return "atomic_swap";
    case amo_op::add: return "atomic_add";
    case amo_op::bit_and: return "atomic_and";
    case amo_op::bit_or: return "atomic_or";
    case amo_op::bit_xor: return "atomic_xor";
    }
    return "atomic";
}
} // namespace

void atomic(context& ctx, amo_op op, scalar_type type, void* dest, const void* operand,
            const void* compare, void* fetched, int pe, bool nbi)
{
    const char* routine = name_of(op);
    if (reinterpret_cast<std::uintptr_t>(dest) % type.size != 0)
        fail(errc::invalid_argument, "%s: address %p is not aligned to its %u-byte type", routine, dest,
             unsigned{type.size});
    bool bitwise = op == amo_op::bit_and || op == amo_op::bit_or || op == amo_op::bit_xor;
    if (bitwise && type.kind == scalar_type::floating)
        fail(errc::invalid_argument, "%s: bitwise atomics take integer types only", routine);
    remote_address target = route(routine, dest, type.size, pe, access::atomic);
    // A nonblocking fetch over shared memory completes at once; over MPI we complete it too: the
    // fetched value is then ready before the quiet that the caller must issue anyway.
    static_cast<void>(nbi);
    if (target.direct != nullptr) {
        node_local::atomic(op, type, target.direct, operand, compare, fetched);
        return;
    }
    mpi_rma::atomic(ctx, op, type, target, operand, compare, fetched);
}

} // namespace oshmpi::detail
