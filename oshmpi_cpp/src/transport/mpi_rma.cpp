#include "transport/mpi_rma.hpp"

#include <algorithm>
#include <climits>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"

namespace oshmpi::detail::mpi_rma {

namespace {

// MPI counts are int: larger transfers go in chunks (no silent truncation).
constexpr std::size_t max_chunk = std::size_t{1} << 30;

MPI_Datatype datatype_of(scalar_type type)
{
    switch (type.kind) {
    case scalar_type::floating: return type.size == 4 ? MPI_FLOAT : MPI_DOUBLE;
    case scalar_type::signed_int:
        return type.size == 2 ? MPI_INT16_T : type.size == 4 ? MPI_INT32_T : MPI_INT64_T;
    case scalar_type::unsigned_int:
        return type.size == 2 ? MPI_UINT16_T : type.size == 4 ? MPI_UINT32_T : MPI_UINT64_T;
    }
    return MPI_DATATYPE_NULL;
}

MPI_Op op_of(amo_op op)
{
    switch (op) {
    case amo_op::fetch: return MPI_NO_OP;
    case amo_op::set:
    case amo_op::swap: return MPI_REPLACE;
    case amo_op::add: return MPI_SUM;
    case amo_op::bit_and: return MPI_BAND;
    case amo_op::bit_or: return MPI_BOR;
    case amo_op::bit_xor: return MPI_BXOR;
    case amo_op::compare_swap: break;
    }
    return MPI_OP_NULL;
}

} // namespace

void put(context& ctx, const remote_address& target, const void* source, std::size_t nbytes, bool blocking)
{
    MPI_Win win = ctx.window(*target.seg);
    auto src = static_cast<const char*>(source);
    for (std::size_t done = 0; done < nbytes;) {
        int count = static_cast<int>(std::min(max_chunk, nbytes - done));
        auto disp = static_cast<MPI_Aint>(target.offset + done);
        if (blocking) {
            MPI_Request request;
            OSHMPI_MPI(MPI_Rput(src + done, count, MPI_BYTE, target.pe, disp, count, MPI_BYTE, win, &request));
            complete(request); // local completion: the source may be reused
        } else {
            OSHMPI_MPI(MPI_Put(src + done, count, MPI_BYTE, target.pe, disp, count, MPI_BYTE, win));
        }
        done += static_cast<std::size_t>(count);
    }
    ctx.mpi_pending.store(true, std::memory_order_release);
}

void get(context& ctx, void* dest, const remote_address& source, std::size_t nbytes, bool blocking)
{
    MPI_Win win = ctx.window(*source.seg);
    auto dst = static_cast<char*>(dest);
    for (std::size_t done = 0; done < nbytes;) {
        int count = static_cast<int>(std::min(max_chunk, nbytes - done));
        auto disp = static_cast<MPI_Aint>(source.offset + done);
        if (blocking) {
            MPI_Request request;
            OSHMPI_MPI(MPI_Rget(dst + done, count, MPI_BYTE, source.pe, disp, count, MPI_BYTE, win, &request));
            complete(request);
        } else {
            OSHMPI_MPI(MPI_Get(dst + done, count, MPI_BYTE, source.pe, disp, count, MPI_BYTE, win));
        }
        done += static_cast<std::size_t>(count);
    }
    if (!blocking) ctx.mpi_pending.store(true, std::memory_order_release);
}

void atomic(context& ctx, amo_op op, scalar_type type, const remote_address& target,
            const void* operand, const void* compare, void* fetched)
{
    MPI_Win win = target.seg->win; // one window per word: see context::own_window
    MPI_Datatype dt = datatype_of(type);
    auto disp = static_cast<MPI_Aint>(target.offset);
    if (op == amo_op::compare_swap) {
        // MPI has no request-based compare-and-swap: the flush is the one blocking wait we accept.
        OSHMPI_MPI(MPI_Compare_and_swap(operand, compare, fetched, dt, target.pe, disp, win));
        OSHMPI_MPI(MPI_Win_flush(target.pe, win));
        return;
    }
    MPI_Request request;
    if (fetched != nullptr || op == amo_op::fetch) {
        OSHMPI_MPI(MPI_Rget_accumulate(operand, 1, dt, fetched, 1, dt, target.pe, disp, 1, dt,
                                       op_of(op), win, &request));
        complete(request);
        return;
    }
    // The operand lives on the caller's stack: wait for local completion before returning.
    OSHMPI_MPI(MPI_Raccumulate(operand, 1, dt, target.pe, disp, 1, dt, op_of(op), win, &request));
    complete(request);
    ctx.default_window_pending.store(true, std::memory_order_release);
}

void atomic_nbi(context& ctx, amo_op op, scalar_type type, const remote_address& target,
                const void* operand, const void* compare, void* fetched)
{
    MPI_Win win = target.seg->win;
    MPI_Datatype dt = datatype_of(type);
    auto disp = static_cast<MPI_Aint>(target.offset);
    if (op == amo_op::compare_swap)
        OSHMPI_MPI(MPI_Compare_and_swap(operand, compare, fetched, dt, target.pe, disp, win));
    else
        OSHMPI_MPI(MPI_Fetch_and_op(operand, fetched, dt, target.pe, disp, op_of(op), win));
    ctx.default_window_pending.store(true, std::memory_order_release);
}

namespace {
// Remote completion of everything issued on `win` by this process. Not MPI_Win_flush_all: on
// MPICH 4.0.2 (ch4:ucx) it can return before the origin buffers of earlier MPI_Puts have been
// read, even from one thread (seen at 4 ranks on one node: a put's source freed right after
// flush_all arrived as garbage), while MPI_Win_flush to each target completes them.
void flush_every_target(MPI_Win win, int n_pes)
{
    for (int pe = 0; pe < n_pes; ++pe) OSHMPI_MPI(MPI_Win_flush(pe, win));
}

void flush_windows(context& ctx, bool rma, bool amo)
{
    if (!rma && !amo) return;
    const runtime* rt = current_runtime();
    if (rt == nullptr) return;
    for (const auto& seg : segments().all()) {
        if (seg->win == MPI_WIN_NULL) continue; // a job of one PE: nothing went through MPI
        MPI_Win own = ctx.window(*seg);
        if (rma) flush_every_target(own, rt->n_pes);
        if (amo && !(rma && own == seg->win)) flush_every_target(seg->win, rt->n_pes);
    }
}
} // namespace

void flush(context& ctx)
{
    const runtime* rt = current_runtime();
    if (rt == nullptr || rt->level != thread_level::multiple) {
        // One thread at a time: the flags are exact. Loads first, so an idle quiet writes nothing.
        bool rma = ctx.mpi_pending.load(std::memory_order_relaxed) &&
                   ctx.mpi_pending.exchange(false, std::memory_order_acq_rel);
        bool amo = ctx.default_window_pending.load(std::memory_order_relaxed) &&
                   ctx.default_window_pending.exchange(false, std::memory_order_acq_rel);
        flush_windows(ctx, rma, amo);
        return;
    }
    // Another thread may have taken the flags of our operations and still be flushing them: then
    // the flags say nothing about our operations, and we flush every window the context may use.
    bool others_flushing = ctx.flushing.fetch_add(1, std::memory_order_acq_rel) > 0;
    bool rma = ctx.mpi_pending.exchange(false, std::memory_order_acq_rel) || others_flushing;
    bool amo = ctx.default_window_pending.exchange(false, std::memory_order_acq_rel) || others_flushing;
    try {
        flush_windows(ctx, rma, amo);
    } catch (...) {
        ctx.flushing.fetch_sub(1, std::memory_order_acq_rel);
        throw;
    }
    ctx.flushing.fetch_sub(1, std::memory_order_acq_rel);
}

void flush_target(context& ctx, int pe)
{
    const runtime* rt = current_runtime();
    if (rt == nullptr) return;
    // With several threads, another one may have taken the flags of operations this thread issued
    // and not finished flushing them: then flush every window the context may use.
    bool any_thread = rt->level == thread_level::multiple && ctx.flushing.load(std::memory_order_acquire) > 0;
    bool rma = any_thread || ctx.mpi_pending.load(std::memory_order_acquire);
    bool amo = any_thread || ctx.default_window_pending.load(std::memory_order_acquire);
    if (!rma && !amo) return;
    for (const auto& seg : segments().all()) {
        MPI_Win own = ctx.window(*seg);
        if (rma) OSHMPI_MPI(MPI_Win_flush(pe, own));
        if (amo && !(rma && own == seg->win)) OSHMPI_MPI(MPI_Win_flush(pe, seg->win));
    }
}

} // namespace oshmpi::detail::mpi_rma
