// Atomic memory operations: one mechanism per word (see runtime::amo_in_shared_memory).
#include <oshmpi/amo.hpp>

#include <cstdint>
#include <cstring>
#include <mutex>

#include "core/context.hpp"
#include "core/error.hpp"
#include "transport/mpi_rma.hpp"
#include "transport/node_local.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail {

namespace {
const char* name_of(amo_op op, bool nbi)
{
    if (nbi) {
        switch (op) {
        case amo_op::fetch: return "atomic_fetch_nbi";
        case amo_op::compare_swap: return "atomic_compare_swap_nbi";
        case amo_op::swap: return "atomic_swap_nbi";
        case amo_op::add: return "atomic_fetch_add_nbi";
        case amo_op::bit_and: return "atomic_fetch_and_nbi";
        case amo_op::bit_or: return "atomic_fetch_or_nbi";
        case amo_op::bit_xor: return "atomic_fetch_xor_nbi";
        case amo_op::set: break;
        }
    }
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

// Issues a nonblocking fetching AMO over MPI with its operands copied into storage the context
// owns until its next quiet. The copy and the issue happen under one lock so that a concurrent
// quiet, which takes the storage away before flushing, always flushes what it frees.
void issue_nbi(context& ctx, amo_op op, scalar_type type, const remote_address& target,
               const void* operand, const void* compare, void* fetched)
{
    auto issue = [&] {
        auto& slot = ctx.nbi_operands.emplace_back();
        std::memcpy(slot.data(), operand, type.size);
        if (compare != nullptr) std::memcpy(slot.data() + 8, compare, type.size);
        mpi_rma::atomic_nbi(ctx, op, type, target, slot.data(), slot.data() + 8, fetched);
        ctx.nbi_outstanding.store(true, std::memory_order_release);
    };
    if (ctx.shared_between_threads()) {
        std::lock_guard<std::mutex> guard(ctx.nbi_lock);
        issue();
    } else {
        issue();
    }
}
} // namespace

void atomic(context& ctx, amo_op op, scalar_type type, void* dest, const void* operand,
            const void* compare, void* fetched, int pe, bool nbi)
{
    const char* routine = name_of(op, nbi);
    if (reinterpret_cast<std::uintptr_t>(dest) % type.size != 0)
        fail(errc::invalid_argument, "%s: address %p is not aligned to its %u-byte type", routine, dest,
             unsigned{type.size});
    bool bitwise = op == amo_op::bit_and || op == amo_op::bit_or || op == amo_op::bit_xor;
    if (bitwise && type.kind == scalar_type::floating)
        fail(errc::invalid_argument, "%s: bitwise atomics take integer types only", routine);
    if (nbi && fetched == nullptr) fail(errc::invalid_argument, "%s: the fetch buffer is null", routine);
    remote_address target = route(routine, dest, type.size, world_pe(routine, ctx, pe), access::atomic);
    // Over shared memory a nonblocking fetch completes at once: CPU atomics cost less than queueing.
    if (target.direct != nullptr) {
        node_local::atomic(op, type, target.direct, operand, compare, fetched);
        return;
    }
    if (nbi)
        issue_nbi(ctx, op, type, target, operand, op == amo_op::compare_swap ? compare : nullptr, fetched);
    else
        mpi_rma::atomic(ctx, op, type, target, operand, compare, fetched);
}

} // namespace oshmpi::detail
