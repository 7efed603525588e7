#include "transport/mpi_rma.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <mutex>

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

// Whether several threads may touch ctx.pending at once: only a context shared between threads
// at THREAD_MULTIPLE needs the lock.
bool needs_lock(const context& ctx) noexcept
{
    const runtime* rt = current_runtime();
    return rt != nullptr && rt->level == thread_level::multiple && ctx.shared_between_threads();
}

int job_size() noexcept
{
    const runtime* rt = current_runtime();
    return rt != nullptr ? rt->n_pes : 0;
}

} // namespace

void note_pending(context& ctx, MPI_Win win, int pe)
{
    if (needs_lock(ctx)) {
        std::lock_guard<std::mutex> guard(ctx.pending_lock);
        ctx.pending.add(win, pe, job_size());
    } else {
        ctx.pending.add(win, pe, job_size());
    }
}

void put(context& ctx, const remote_address& target, const void* source, std::size_t nbytes, bool blocking)
{
    MPI_Win win = ctx.window(*target.seg);
    auto src = static_cast<const char*>(source);
    const bool spin = !blocking || waits_spin_in_mpi();
    for (std::size_t done = 0; done < nbytes;) {
        int count = static_cast<int>(std::min(max_chunk, nbytes - done));
        auto disp = static_cast<MPI_Aint>(target.offset + done);
        if (spin) {
            OSHMPI_MPI(MPI_Put(src + done, count, MPI_BYTE, target.pe, disp, count, MPI_BYTE, win));
        } else {
            MPI_Request request;
            OSHMPI_MPI(MPI_Rput(src + done, count, MPI_BYTE, target.pe, disp, count, MPI_BYTE, win, &request));
            complete_at(request, target.pe); // local completion: the source may be reused
        }
        done += static_cast<std::size_t>(count);
    }
    if (blocking && spin) flush_local_watched(win, target.pe);
    note_pending(ctx, win, target.pe);
}

void get(context& ctx, void* dest, const remote_address& source, std::size_t nbytes, bool blocking)
{
    MPI_Win win = ctx.window(*source.seg);
    auto dst = static_cast<char*>(dest);
    const bool spin = !blocking || waits_spin_in_mpi();
    for (std::size_t done = 0; done < nbytes;) {
        int count = static_cast<int>(std::min(max_chunk, nbytes - done));
        auto disp = static_cast<MPI_Aint>(source.offset + done);
        if (spin) {
            OSHMPI_MPI(MPI_Get(dst + done, count, MPI_BYTE, source.pe, disp, count, MPI_BYTE, win));
        } else {
            MPI_Request request;
            OSHMPI_MPI(MPI_Rget(dst + done, count, MPI_BYTE, source.pe, disp, count, MPI_BYTE, win, &request));
            complete_at(request, source.pe);
        }
        done += static_cast<std::size_t>(count);
    }
    // A get is complete when its data is here: local completion is all it needs.
    if (!blocking) note_pending(ctx, win, source.pe);
    else if (spin) flush_local_watched(win, source.pe);
}

void atomic(context& ctx, amo_op op, scalar_type type, const remote_address& target,
            const void* operand, const void* compare, void* fetched)
{
    MPI_Win win = target.seg->win; // one window per word: see context::own_window
    MPI_Datatype dt = datatype_of(type);
    auto disp = static_cast<MPI_Aint>(target.offset);
    if (op == amo_op::compare_swap) {
        // MPI has no request-based compare-and-swap. The fetched value is an origin buffer, so
        // local completion is all we wait for.
        OSHMPI_MPI(MPI_Compare_and_swap(operand, compare, fetched, dt, target.pe, disp, win));
        flush_local_watched(win, target.pe);
        return;
    }
    const bool fetching = fetched != nullptr || op == amo_op::fetch;
    if (waits_spin_in_mpi()) {
        if (fetching) {
            OSHMPI_MPI(MPI_Fetch_and_op(operand, fetched, dt, target.pe, disp, op_of(op), win));
            flush_local_watched(win, target.pe);
            return;
        }
        // The operand lives on the caller's stack: local completion before returning.
        OSHMPI_MPI(MPI_Accumulate(operand, 1, dt, target.pe, disp, 1, dt, op_of(op), win));
        flush_local_watched(win, target.pe);
        note_pending(ctx, win, target.pe);
        return;
    }
    MPI_Request request;
    if (fetching) {
        OSHMPI_MPI(MPI_Rget_accumulate(operand, 1, dt, fetched, 1, dt, target.pe, disp, 1, dt,
                                       op_of(op), win, &request));
        complete_at(request, target.pe);
        return;
    }
    OSHMPI_MPI(MPI_Raccumulate(operand, 1, dt, target.pe, disp, 1, dt, op_of(op), win, &request));
    complete_at(request, target.pe);
    note_pending(ctx, win, target.pe);
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
    note_pending(ctx, win, target.pe);
}

void put_unrecorded(MPI_Win win, const remote_address& target, const void* source, std::size_t nbytes)
{
    auto src = static_cast<const char*>(source);
    for (std::size_t done = 0; done < nbytes;) {
        int count = static_cast<int>(std::min(max_chunk, nbytes - done));
        auto disp = static_cast<MPI_Aint>(target.offset + done);
        OSHMPI_MPI(MPI_Put(src + done, count, MPI_BYTE, target.pe, disp, count, MPI_BYTE, win));
        done += static_cast<std::size_t>(count);
    }
}

void flush_target(MPI_Win win, int pe)
{
    flush_watched(win, pe);
}

void signal_unrecorded(amo_op op, const remote_address& target, const std::uint64_t* operand)
{
    OSHMPI_MPI(MPI_Accumulate(operand, 1, MPI_UINT64_T, target.pe, static_cast<MPI_Aint>(target.offset), 1,
                              MPI_UINT64_T, op_of(op), target.seg->win));
}

void flush(context& ctx)
{
    if (!ctx.pending.any()) return;
    auto flush_one = [](MPI_Win win, int pe) { flush_watched(win, pe); };
    if (needs_lock(ctx)) {
        // Held while flushing: a quiet that then finds the set empty knows that every operation
        // recorded before it took the lock is complete.
        std::lock_guard<std::mutex> guard(ctx.pending_lock);
        ctx.pending.drain(flush_one);
    } else {
        ctx.pending.drain(flush_one);
    }
}

void flush_from_other_thread(context& ctx)
{
    const runtime* rt = current_runtime();
    if (rt == nullptr) return;
    if (rt->level != thread_level::multiple) {
        flush(ctx); // one thread in the library at a time: the records are ours to read
        return;
    }
    // Not MPI_Win_flush_all: on MPICH 4.0.2 (ch4:ucx) it can return before the origin buffers of
    // earlier MPI_Puts have been read, even from one thread (seen at 4 ranks on one node: a put's
    // source freed right after flush_all arrived as garbage), while MPI_Win_flush to each target
    // completes them.
    for (const auto& seg : segments().all()) {
        if (seg->win == MPI_WIN_NULL) continue;
        MPI_Win own = ctx.window(*seg);
        for (int pe = 0; pe < rt->n_pes; ++pe) OSHMPI_MPI(MPI_Win_flush(pe, own));
        if (own != seg->win)
            for (int pe = 0; pe < rt->n_pes; ++pe) OSHMPI_MPI(MPI_Win_flush(pe, seg->win));
    }
}

void flush_target(context& ctx, int pe)
{
    auto flush_one = [](MPI_Win win, int target) { flush_watched(win, target); };
    if (needs_lock(ctx)) {
        std::lock_guard<std::mutex> guard(ctx.pending_lock);
        ctx.pending.drain_pe(pe, flush_one);
    } else {
        ctx.pending.drain_pe(pe, flush_one);
    }
}

} // namespace oshmpi::detail::mpi_rma
