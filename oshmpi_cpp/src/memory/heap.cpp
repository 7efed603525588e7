#include "memory/heap.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <unistd.h>

#include "core/error.hpp"
#include "core/mpi_cvar.hpp"
#include "core/progress.hpp"

namespace oshmpi::detail {

namespace {
std::optional<symmetric_heap> the_heap;
std::size_t room_to_reserve = 0;
}

void reserve_room_after_heap(std::size_t bytes) noexcept
{
    room_to_reserve = bytes;
}

namespace {
// A heap larger than the node's memory cannot work, and MPI does not say so: MPICH maps and
// msyncs the whole window page by page (minutes for 100 GiB) before failing or being killed. So
// every PE checks that its node's PEs fit in physical memory, and all agree before allocating
// (a node that cannot must not leave the others waiting in MPI_Win_allocate_shared).
void check_heap_fits(const runtime& rt, std::size_t size)
{
    long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
    auto node_pes = static_cast<std::size_t>(rt.node_pes);
    std::size_t memory = 0; // unknown: let MPI try
    if (pages > 0 && page_size > 0)
        memory = static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size);
    int fits = memory == 0 || size <= memory / node_pes ? 1 : 0;
    int all_fit = fits;
    // Nonblocking, so the wait yields: MPICH's blocking collectives spin, and with more PEs than
    // cores each one held a core for a time slice (this one: 1-13 ms at 4 PEs on 2 cores).
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(&fits, &all_fit, 1, MPI_INT, MPI_MIN, rt.world, &request));
    complete(request);
    if (!fits)
        fail(errc::out_of_memory,
             "SHMEM_SYMMETRIC_SIZE=%zu bytes per PE: the %d PEs of this node need %zu MiB, more than "
             "its %zu MiB of memory",
             size, rt.node_pes, (size >> 20) * node_pes, memory >> 20);
    if (!all_fit)
        fail(errc::out_of_memory,
             "SHMEM_SYMMETRIC_SIZE=%zu bytes per PE: more than another node's PEs fit in its memory", size);
}
} // namespace

symmetric_heap& heap()
{
    return *the_heap;
}

std::size_t heap_base_alignment(std::size_t heap_size) noexcept
{
    std::size_t alignment = std::size_t{2} << 20;
    while (alignment <= heap_size / 16) alignment <<= 1; // stops at the largest <= heap_size / 8
    return alignment;
}

void create_heap(runtime& rt, std::size_t control_bytes)
{
    check_heap_fits(rt, rt.env.symmetric_size);
    auto seg = std::make_unique<segment>();
    seg->size = rt.env.symmetric_size;
    // MPI hands out shared memory at no particular alignment, and each process maps it at its own
    // address; we over-allocate and start every PE's heap at an address aligned to base_alignment
    // in that PE's own address space, so an aligned offset is an aligned address everywhere.
    const std::size_t base_alignment = heap_base_alignment(seg->size);
    // The room starts on the first page after the heap's furthest possible end.
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t room_bytes = (room_to_reserve + page - 1) / page * page;
    const std::size_t heap_span = control_bytes + seg->size + base_alignment;
    const std::size_t padded = heap_span + (room_bytes == 0 ? 0 : page + room_bytes);

    // The memory comes from a shared-memory window on the node, so that PEs on this node can load
    // and store each other's heaps; expose() then gives it an RMA window over every PE (this one
    // when the node is the whole job, see expose()).
    MPI_Info info;
    OSHMPI_MPI(MPI_Info_create(&info));
    // Each PE's part page-aligned on its own: symmetric offsets then need no per-PE adjustment.
    OSHMPI_MPI(MPI_Info_set(info, "alloc_shared_noncontig", "true"));
    char* raw = nullptr;
    int rc = MPI_SUCCESS;
    {
        // MPICH first tries to map the window at one random address in every process of the
        // node, probing the range with one msync per page: 1 GiB on 4 PEs cost 2-6 s of start-up.
        // We never rely on equal addresses (remote address = offset from each PE's base), so we
        // skip the attempt and get MPICH's plain shared segment. Not for a node of one PE: MPICH
        // 4.0 then crashed in MPI_Finalize (UCX endpoint flush, tests/c/test_limits at 1 PE), and
        // one process has nothing to agree on anyway.
        std::optional<scoped_mpi_cvar> no_symmetric_attempt;
        if (rt.node_pes > 1) no_symmetric_attempt.emplace("MPIR_CVAR_SHM_SYMHEAP_RETRY", 0);
        rc = MPI_Win_allocate_shared(static_cast<MPI_Aint>(padded), 1, info, rt.node, &raw, &seg->shared_win);
    }
    MPI_Info_free(&info);
    if (rc != MPI_SUCCESS)
        fail(errc::out_of_memory, "cannot allocate a symmetric heap of %zu bytes (SHMEM_SYMMETRIC_SIZE)",
             seg->size);
    OSHMPI_MPI(MPI_Win_set_errhandler(seg->shared_win, MPI_ERRORS_RETURN));

    // Our control bytes first, then the heap from the next aligned address.
    auto address = reinterpret_cast<std::uintptr_t>(raw);
    auto pad = static_cast<long>(((address + control_bytes + base_alignment - 1) & ~(base_alignment - 1)) - address);
    seg->base = raw + pad;
    std::vector<long> pads(static_cast<std::size_t>(rt.n_pes));
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallgather(&pad, 1, MPI_LONG, pads.data(), 1, MPI_LONG, rt.world, &request));
    complete(request); // yields: see core/setup.cpp's map_node_ranks

    seg->peer_base.assign(static_cast<std::size_t>(rt.n_pes), nullptr);
    std::vector<char*> control_of_pe(static_cast<std::size_t>(rt.n_pes), nullptr);
    for (int pe = 0; pe < rt.n_pes; ++pe) {
        int node_rank = rt.node_rank_of_pe[static_cast<std::size_t>(pe)];
        if (node_rank < 0) continue;
        MPI_Aint size = 0;
        int disp_unit = 0;
        char* base = nullptr;
        OSHMPI_MPI(MPI_Win_shared_query(seg->shared_win, node_rank, &size, &disp_unit, &base));
        seg->peer_base[static_cast<std::size_t>(pe)] = base + pads[static_cast<std::size_t>(pe)];
        if (control_bytes != 0) control_of_pe[static_cast<std::size_t>(pe)] = base;
    }
    // Our heap starts `pad` bytes into our part of the shared window: the displacement base there.
    seg->shared_start.assign(pads.begin(), pads.end());
    seg->all_peers_mapped = std::all_of(seg->peer_base.begin(), seg->peer_base.end(),
                                        [](const char* base) { return base != nullptr; });
    expose(*seg, rt.world);

    heap_room room;
    if (room_bytes != 0) {
        auto room_at = (address + heap_span + page - 1) / page * page;
        room = {reinterpret_cast<char*>(room_at), room_bytes, static_cast<MPI_Aint>(room_at - address)};
    }
    std::size_t capacity = seg->size;
    the_heap.emplace(
        symmetric_heap{seg.get(), heap_allocator(capacity), base_alignment, std::move(control_of_pe), room});
    segments().add(std::move(seg));
}

void destroy_heap()
{
    if (!the_heap) return;
    auto seg = segments().remove(the_heap->seg);
    if (seg) release_windows(*seg);
    the_heap.reset();
}

char* heap_control_area(int pe) noexcept
{
    if (!the_heap) return nullptr;
    return the_heap->control_of_pe[static_cast<std::size_t>(pe)];
}

} // namespace oshmpi::detail
