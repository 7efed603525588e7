// Strided RMA. iput/iget are the block-strided forms with one-element blocks, so one body serves
// all four: block b moves between local `local + b * local_stride` and remote `remote + b *
// remote_stride` (strides in elements). Over shared memory it is a loop of memcpy; over MPI one
// MPI_Put/MPI_Get with a vector datatype on each side (see strided_types below) per chunk of blocks.
#include <oshmpi/strided.hpp>

#include <mpi.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <mutex>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "transport/mpi_rma.hpp"
#include "transport/route.hpp"

namespace oshmpi::detail {

namespace {

// Committed MPI vector types are reused: applications call iput with the same shape in loops, and
// creating plus committing a type costs more than a small transfer. A few slots, reused round
// robin; a type is evicted only after the transfers using it have completed locally. The types are freed when
// MPI finalizes, through an attribute on MPI_COMM_SELF, because our runtime may be finalized and initialized
// again while MPI lives on.
class strided_types {
  public:
    MPI_Datatype get(int count, int block_bytes, MPI_Aint stride_bytes)
    {
        std::lock_guard guard(mutex_);
        for (const entry& e : entries_)
            if (e.type != MPI_DATATYPE_NULL && e.count == count && e.block_bytes == block_bytes &&
                e.stride_bytes == stride_bytes)
                return e.type;
        register_cleanup();
        entry& slot = entries_[next_++ % entries_.size()];
        if (slot.type != MPI_DATATYPE_NULL) OSHMPI_MPI(MPI_Type_free(&slot.type));
        MPI_Datatype type;
        OSHMPI_MPI(MPI_Type_create_hvector(count, block_bytes, stride_bytes, MPI_BYTE, &type));
        OSHMPI_MPI(MPI_Type_commit(&type));
        slot = {count, block_bytes, stride_bytes, type};
        return type;
    }

  private:
    struct entry {
        int count = 0;
        int block_bytes = 0;
        MPI_Aint stride_bytes = 0;
        MPI_Datatype type = MPI_DATATYPE_NULL;
    };

    void register_cleanup()
    {
        if (keyval_ != MPI_KEYVAL_INVALID) return;
        OSHMPI_MPI(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, free_all, &keyval_, this));
        OSHMPI_MPI(MPI_Comm_set_attr(MPI_COMM_SELF, keyval_, nullptr));
    }

    static int free_all(MPI_Comm, int keyval, void*, void* extra)
    {
        auto* self = static_cast<strided_types*>(extra);
        std::lock_guard guard(self->mutex_);
        for (entry& e : self->entries_)
            if (e.type != MPI_DATATYPE_NULL) MPI_Type_free(&e.type);
        self->keyval_ = MPI_KEYVAL_INVALID;
        MPI_Comm_free_keyval(&keyval);
        return MPI_SUCCESS;
    }

    std::mutex mutex_;
    std::array<entry, 16> entries_{};
    std::size_t next_ = 0;
    int keyval_ = MPI_KEYVAL_INVALID;
};

strided_types& type_cache()
{
    static strided_types& cache = *new strided_types; // never destroyed: see core/setup.cpp
    return cache;
}

enum class direction { put, get };

struct shape {
    std::size_t elem_size;
    std::size_t bsize; // elements per block
    std::size_t nblocks;
    std::ptrdiff_t local_stride;  // elements between block starts in the local buffer
    std::ptrdiff_t remote_stride; // elements between block starts in the remote object

    [[nodiscard]] std::size_t block_bytes() const { return bsize * elem_size; }
    // The bytes from the first block's start to the last block's end, for a given stride.
    [[nodiscard]] std::size_t span_bytes(std::ptrdiff_t stride) const
    {
        return ((nblocks - 1) * static_cast<std::size_t>(stride) + bsize) * elem_size;
    }
};

void check_shape(const char* routine, const shape& s, std::ptrdiff_t dst, std::ptrdiff_t sst)
{
    if (dst < 1 || sst < 1)
        fail(errc::invalid_argument, "%s: strides must be >= 1 (dst = %td, sst = %td)", routine, dst, sst);
    // A span past the address space wraps to a small size, which would then be checked and moved.
    if (s.nblocks > 0 && s.bsize > 0) {
        for (std::ptrdiff_t stride : {dst, sst}) {
            std::size_t span = 0;
            if (__builtin_mul_overflow(s.nblocks - 1, static_cast<std::size_t>(stride), &span) ||
                __builtin_add_overflow(span, s.bsize, &span) || __builtin_mul_overflow(span, s.elem_size, &span)) {
                if (routine[1] == 'b') // ibput, ibget
                    fail(errc::invalid_argument, "%s: nblocks %zu of bsize %zu at stride %td overflow size_t bytes",
                         routine, s.nblocks, s.bsize, stride);
                fail(errc::invalid_argument, "%s: nelems %zu at stride %td overflow size_t bytes", routine, s.nblocks,
                     stride);
            }
        }
    }
    // Destination blocks that overlap would make the result depend on the transfer order.
    if (s.nblocks > 1 && static_cast<std::size_t>(dst) < s.bsize)
        fail(errc::invalid_argument, "%s: destination blocks overlap (dst = %td < bsize = %zu)", routine, dst,
             s.bsize);
}

void copy_blocks(char* to, std::ptrdiff_t to_stride, const char* from, std::ptrdiff_t from_stride,
                 const shape& s)
{
    const std::size_t block = s.block_bytes();
    const auto to_step = static_cast<std::size_t>(to_stride) * s.elem_size;
    const auto from_step = static_cast<std::size_t>(from_stride) * s.elem_size;
    for (std::size_t b = 0; b < s.nblocks; ++b) std::memmove(to + b * to_step, from + b * from_step, block);
}

// A vector type with `count` blocks of this shape's block size, `stride` elements apart.
MPI_Datatype vector_type(const shape& s, std::size_t count, std::ptrdiff_t stride)
{
    return type_cache().get(static_cast<int>(count), static_cast<int>(s.block_bytes()),
                            static_cast<MPI_Aint>(stride) * static_cast<MPI_Aint>(s.elem_size));
}

void mpi_transfer(direction dir, context& ctx, char* local, const remote_address& remote, const shape& s)
{
    const std::size_t block = s.block_bytes();
    if (static_cast<std::size_t>(s.local_stride) == s.bsize &&
        static_cast<std::size_t>(s.remote_stride) == s.bsize) {
        // Contiguous on both sides: a plain blocking put or get.
        if (dir == direction::put)
            mpi_rma::put(ctx, remote, local, block * s.nblocks, /*blocking=*/true);
        else
            mpi_rma::get(ctx, local, remote, block * s.nblocks, /*blocking=*/true);
        return;
    }
    MPI_Win win = ctx.window(*remote.seg);
    const auto local_step = static_cast<std::size_t>(s.local_stride) * s.elem_size;
    const auto remote_step = static_cast<std::size_t>(s.remote_stride) * s.elem_size;
    // MPI counts and block lengths are int: huge blocks go one by one, huge counts in chunks.
    constexpr std::size_t max_block = std::size_t{1} << 30;
    constexpr std::size_t max_blocks_per_call = std::size_t{1} << 16;
    const std::size_t per_call = block > max_block ? 1 : max_blocks_per_call;
    for (std::size_t first = 0; first < s.nblocks; first += per_call) {
        std::size_t count = std::min(per_call, s.nblocks - first);
        char* local_start = local + first * local_step;
        auto disp = static_cast<MPI_Aint>(remote.offset + first * remote_step);
        if (block > max_block) {
            // One block per call, itself split into int-sized pieces.
            for (std::size_t done = 0; done < block;) {
                int n = static_cast<int>(std::min(max_block, block - done));
                MPI_Request request;
                if (dir == direction::put)
                    OSHMPI_MPI(MPI_Rput(local_start + done, n, MPI_BYTE, remote.pe,
                                        disp + static_cast<MPI_Aint>(done), n, MPI_BYTE, win, &request));
                else
                    OSHMPI_MPI(MPI_Rget(local_start + done, n, MPI_BYTE, remote.pe,
                                        disp + static_cast<MPI_Aint>(done), n, MPI_BYTE, win, &request));
                complete(request);
                done += static_cast<std::size_t>(n);
            }
            continue;
        }
        MPI_Datatype local_type = vector_type(s, count, s.local_stride);
        MPI_Datatype remote_type = vector_type(s, count, s.remote_stride);
        // Not MPI_Rput/MPI_Rget: in MPICH 4.0.2 (ch4:ucx) their requests complete before the data
        // of a derived datatype has been read (put) or written (get). The flush_local waits for our
        // own transfer only; nothing in it depends on another PE reaching a wait.
        if (dir == direction::put)
            OSHMPI_MPI(MPI_Put(local_start, 1, local_type, remote.pe, disp, 1, remote_type, win));
        else
            OSHMPI_MPI(MPI_Get(local_start, 1, local_type, remote.pe, disp, 1, remote_type, win));
        OSHMPI_MPI(MPI_Win_flush_local(remote.pe, win));
    }
    if (dir == direction::put) mpi_rma::note_pending(ctx, win, remote.pe);
}

// `dst` and `sst` as the caller gave them; `remote` is dest for puts and source for gets.
void strided(const char* routine, direction dir, context& ctx, void* dest, const void* source,
             std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t elem_size, std::size_t bsize,
             std::size_t nblocks, int pe)
{
    const bool is_put = dir == direction::put;
    shape s{elem_size, bsize, nblocks, is_put ? sst : dst, is_put ? dst : sst};
    check_shape(routine, s, dst, sst);
    if (bsize == 0 || nblocks == 0) { // a legal no-op, like a zero-length put
        check_pe(state(routine), routine, world_pe(routine, ctx, pe));
        return;
    }
    if (dest == nullptr || source == nullptr)
        fail(errc::invalid_argument, "%s: %s is null", routine, dest == nullptr ? "dest" : "source");
    const void* remote_object = is_put ? dest : source;
    remote_address remote =
        route(routine, remote_object, s.span_bytes(s.remote_stride), world_pe(routine, ctx, pe), access::rma);
    char* local = is_put ? const_cast<char*>(static_cast<const char*>(source)) : static_cast<char*>(dest);
    if (remote.direct != nullptr) {
        if (is_put)
            copy_blocks(remote.direct, s.remote_stride, local, s.local_stride, s);
        else
            copy_blocks(local, s.local_stride, remote.direct, s.remote_stride, s);
        return;
    }
    mpi_transfer(dir, ctx, local, remote, s);
}

} // namespace

void iput_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                std::size_t elem_size, std::size_t nelems, int pe)
{
    strided("iput", direction::put, ctx, dest, source, dst, sst, elem_size, 1, nelems, pe);
}
void iget_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                std::size_t elem_size, std::size_t nelems, int pe)
{
    strided("iget", direction::get, ctx, dest, source, dst, sst, elem_size, 1, nelems, pe);
}
void ibput_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                 std::size_t elem_size, std::size_t bsize, std::size_t nblocks, int pe)
{
    strided("ibput", direction::put, ctx, dest, source, dst, sst, elem_size, bsize, nblocks, pe);
}
void ibget_bytes(context& ctx, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                 std::size_t elem_size, std::size_t bsize, std::size_t nblocks, int pe)
{
    strided("ibget", direction::get, ctx, dest, source, dst, sst, elem_size, bsize, nblocks, pe);
}

} // namespace oshmpi::detail
