#include "memory/data_segment.hpp"

#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "memory/heap.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

segment* the_data_segment = nullptr;

struct address_range {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
};

std::uintptr_t page_size() noexcept
{
    return static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
}
std::uintptr_t page_down(std::uintptr_t address) noexcept
{
    return address & ~(page_size() - 1);
}
std::uintptr_t page_up(std::uintptr_t address) noexcept
{
    return (address + page_size() - 1) & ~(page_size() - 1);
}

// The pages that hold the globals while they are node-shared (they stay so after finalize: the
// memory is ours until the process ends or a fork's child takes a private copy).
address_range shared_pages;

// dl_iterate_phdr visits the main program first; its load address is nonzero for PIE executables,
// which is why we go through the program headers rather than linker symbols like __data_start.
int find_main_program_data(dl_phdr_info* info, std::size_t, void* result)
{
    auto& range = *static_cast<address_range*>(result);
    address_range writable, relro;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& ph = info->dlpi_phdr[i];
        std::uintptr_t begin = info->dlpi_addr + ph.p_vaddr;
        if (ph.p_type == PT_LOAD && (ph.p_flags & PF_W) != 0 && writable.end == 0)
            writable = {begin, begin + ph.p_memsz};
        if (ph.p_type == PT_GNU_RELRO) relro = {begin, begin + ph.p_memsz};
    }
    // The relocation-read-only part (GOT, init arrays) becomes read-only after start-up: leave it
    // out, so the window holds only what a program can write.
    if (relro.end > writable.begin && relro.begin <= writable.begin) writable.begin = page_up(relro.end);
    if (writable.begin < writable.end) range = writable;
    return 1; // stop after the first object
}

// mremap onto a fixed address, by the system call itself: UCX (under MPICH and Open MPI) hooks the
// libc function with a replacement that drops the variadic new address, moving the pages to 0.
void* move_pages(void* from, std::size_t length, void* to) noexcept
{
    long moved = syscall(SYS_mremap, from, length, length, MREMAP_MAYMOVE | MREMAP_FIXED, to);
    return moved == -1 ? MAP_FAILED : reinterpret_cast<void*>(moved);
}

// Maps the pages of the shared mapping at `from` a second time, at `to` (mremap with an old size of
// 0 does that for shared mappings); `from` stays mapped.
void* map_pages_again(void* from, std::size_t length, void* to) noexcept
{
    long mapped = syscall(SYS_mremap, from, std::size_t{0}, length, MREMAP_MAYMOVE | MREMAP_FIXED, to);
    return mapped == -1 ? MAP_FAILED : reinterpret_cast<void*>(mapped);
}

// The globals are handled as whole pages, and under AddressSanitizer those pages also hold the
// redzones it puts between globals: reading them is right here (they are copied as they are, so the
// redzones stay where ASan's shadow says), but ASan would report every such read. The page scans
// and copies below are therefore not instrumented, and under ASan they copy word by word through
// volatile pointers, so that neither the compiler nor ASan's memcpy interceptor checks them.
#if defined(__SANITIZE_ADDRESS__)
#define OSHMPI_RAW_PAGE_ACCESS __attribute__((no_sanitize("address")))
#else
#define OSHMPI_RAW_PAGE_ACCESS
#endif

OSHMPI_RAW_PAGE_ACCESS bool all_zero(const char* page, std::size_t nbytes) noexcept
{
    const auto* words = reinterpret_cast<const std::uint64_t*>(page);
    for (std::size_t i = 0; i < nbytes / sizeof(std::uint64_t); ++i)
        if (words[i] != 0) return false;
    return true;
}

// Copies whole pages of globals (nbytes a multiple of 8).
OSHMPI_RAW_PAGE_ACCESS void copy_pages(void* to, const void* from, std::size_t nbytes) noexcept
{
#if defined(__SANITIZE_ADDRESS__)
    auto* out = static_cast<volatile std::uint64_t*>(to);
    const auto* in = static_cast<const volatile std::uint64_t*>(from);
    for (std::size_t i = 0; i < nbytes / sizeof(std::uint64_t); ++i) out[i] = in[i];
#else
    std::memcpy(to, from, nbytes);
#endif
}

// Zeroes one page of the window (uninstrumented for the same reason as copy_pages).
OSHMPI_RAW_PAGE_ACCESS void clear_page(char* page) noexcept
{
#if defined(__SANITIZE_ADDRESS__)
    auto* out = reinterpret_cast<volatile std::uint64_t*>(page);
    for (std::size_t i = 0; i < page_size() / sizeof(std::uint64_t); ++i) out[i] = 0;
#else
    std::memset(page, 0, page_size());
#endif
}

// A fork's child must not share its globals with the parent (it would see the parent's stores and
// the parent its own): it swaps the shared pages for a private copy, as a fork of ordinary data
// gives. Runs in the child only, which has one thread.
void privatize_after_fork() noexcept
{
    if (shared_pages.begin == 0) return;
    std::size_t length = shared_pages.end - shared_pages.begin;
    void* copy = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (copy == MAP_FAILED) return;
    copy_pages(copy, reinterpret_cast<void*>(shared_pages.begin), length);
    void* moved = move_pages(copy, length, reinterpret_cast<void*>(shared_pages.begin));
    if (moved == MAP_FAILED) munmap(copy, length);
    shared_pages = {};
}

// Moves our globals onto node-shared pages: the room after our heap in the heap's shared window
// (memory/heap.hpp; MPI names, maps and cleans up the memory, also when a PE dies). We copy the
// globals into the room and map it at the globals' own addresses as well, so every pointer into
// them stays valid, every PE of the node reaches our copy through its own mapping of the window,
// and MPI's own view of the room stays valid, so the window can serve RMA too (expose()). Where the
// pages cannot be mapped twice they are moved instead (`*window_valid` false: MPI's view of the
// room is gone). Returns whether it worked; on failure the globals are untouched. Local.
bool move_onto_shared_pages(address_range pages, const heap_room& room, int node_size, bool* window_valid)
{
    const std::size_t length = pages.end - pages.begin;
    if (room.pages == nullptr || room.bytes < length) return false;
    char* part = room.pages;

    // Copying a page of zeros would only allocate it, and a large bss is mostly untouched: a
    // window shared by several processes is a new shared-memory segment, zeroed. A window of one
    // process is not: MPICH hands out plain malloc memory, which holds what its last user left
    // there (a freed chunk's list pointers turned up in a zero page of globals), so there every
    // page that must read as zeros is checked and cleared. Reading an untouched private page maps
    // the zero page and allocates nothing.
    const bool window_zeroed = node_size > 1;
    const auto* globals = reinterpret_cast<const char*>(pages.begin);
    for (std::size_t at = 0; at < length; at += page_size()) {
        if (!all_zero(globals + at, page_size()))
            copy_pages(part + at, globals + at, page_size());
        else if (!window_zeroed && !all_zero(part + at, page_size()))
            clear_page(part + at);
    }
    // Atomic for the address range: the old private pages go, the shared ones take their place.
    // A store another thread makes to a global between the copy and this call is lost (documented:
    // shmem_init must not race with other threads writing globals).
    *window_valid = map_pages_again(part, length, reinterpret_cast<void*>(pages.begin)) ==
                    reinterpret_cast<void*>(pages.begin);
    if (!*window_valid) {
        void* moved = move_pages(part, length, reinterpret_cast<void*>(pages.begin));
        if (moved != reinterpret_cast<void*>(pages.begin)) return false;
        // Keep the window's old range occupied: MPI unmaps it when the window is freed, which must
        // not hit memory that a later mmap placed in the hole. Writable, because the range need not
        // be a mapping of its own: MPICH gives a one-process node's window plain malloc memory
        // (which cannot be mapped twice, so it is moved), and free() hands it out again; pages of
        // no access there crash the next user of that memory (MPI_Finalize's UCX pools at exit).
        mmap(part, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    }

    static pthread_once_t fork_handler_once = PTHREAD_ONCE_INIT;
    pthread_once(&fork_handler_once, [] { pthread_atfork(nullptr, nullptr, privatize_after_fork); });
    shared_pages = pages;
    return true;
}

} // namespace

std::size_t data_segment_page_bytes()
{
    address_range range;
    dl_iterate_phdr(find_main_program_data, &range);
    return range.end == range.begin ? 0 : page_up(range.end) - page_down(range.begin);
}

void create_data_segment(runtime& rt)
{
    if (the_data_segment != nullptr) return;
    address_range range;
    dl_iterate_phdr(find_main_program_data, &range);
    std::int64_t size = static_cast<std::int64_t>(range.end - range.begin);
    std::int64_t sizes[2] = {size, -size}; // max and -min in one reduction
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, sizes, 2, MPI_INT64_T, MPI_MAX, rt.world, &request));
    complete(request);
    if (sizes[0] != -sizes[1] || size == 0) {
        if (rt.my_pe == 0)
            std::fprintf(stderr,
                         "oshmpi-cpp: warning: the PEs' data segments differ in size (%lld to %lld bytes): "
                         "global and static variables are not symmetric; use shmem_malloc\n",
                         static_cast<long long>(-sizes[1]), static_cast<long long>(sizes[0]));
        return;
    }
    auto seg = std::make_unique<segment>();
    seg->base = reinterpret_cast<char*>(range.begin);
    seg->size = static_cast<std::size_t>(size);
    seg->peer_base.assign(static_cast<std::size_t>(rt.n_pes), nullptr);
    seg->peer_base[static_cast<std::size_t>(rt.my_pe)] = seg->base;

    // Node peers reach our globals through shared memory, like the heap, unless the MPI transport
    // is forced (then tests must exercise the MPI path). Same executable, so the globals sit at the
    // same offset within their first page on every PE (ASLR moves whole pages). They move onto
    // the node's pages under either transport: when the node is the whole job, the shared window
    // is then also their RMA window, which is what Open MPI needs on one node (see expose()).
    {
        address_range pages{page_down(range.begin), page_up(range.end)};
        const heap_room& room = heap().room;
        seg->shared_win = heap().seg->shared_win;
        seg->owns_shared_win = false;
        bool window_valid = false;
        int moved[2] = {move_onto_shared_pages(pages, room, rt.node_pes, &window_valid) ? 1 : 0,
                        window_valid ? 1 : 0};
        const auto lead = static_cast<std::size_t>(room.offset_in_part);
        // A PE that could not move its globals leaves its node on the MPI path.
        OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, moved, 2, MPI_INT, MPI_MIN, rt.node, &request));
        complete(request);
        // Where each PE's globals start in its part of the window: its lead, then the offset of
        // the globals in their first page.
        const std::size_t skip = range.begin - pages.begin;
        std::vector<MPI_Aint> starts(static_cast<std::size_t>(rt.n_pes));
        auto my_start = static_cast<MPI_Aint>(lead + skip);
        OSHMPI_MPI(MPI_Iallgather(&my_start, 1, MPI_AINT, starts.data(), 1, MPI_AINT, rt.world, &request));
        complete(request);
        if (moved[0] && moved[1]) seg->shared_start = starts;
        if (moved[0] && rt.rma_in_shared_memory) {
            for (int pe = 0; pe < rt.n_pes; ++pe) {
                int node_rank = rt.node_rank_of_pe[static_cast<std::size_t>(pe)];
                if (node_rank < 0 || pe == rt.my_pe) continue;
                MPI_Aint peer_size = 0;
                int disp_unit = 0;
                char* base = nullptr;
                OSHMPI_MPI(MPI_Win_shared_query(seg->shared_win, node_rank, &peer_size, &disp_unit, &base));
                seg->peer_base[static_cast<std::size_t>(pe)] = base + starts[static_cast<std::size_t>(pe)];
            }
        }
    }
    seg->all_peers_mapped = std::all_of(seg->peer_base.begin(), seg->peer_base.end(),
                                        [](const char* base) { return base != nullptr; });
    // The window for PEs on other nodes (and for everyone with OSHMPI_TRANSPORT=mpi): the shared
    // window itself when the node is the whole job, else one over the pages the globals live in.
    expose(*seg, rt.world);
    the_data_segment = seg.get();
    segments().add(std::move(seg));
}

void destroy_data_segment()
{
    if (the_data_segment == nullptr) return;
    auto seg = segments().remove(the_data_segment);
    the_data_segment = nullptr;
    // Freeing the shared window unmaps the peers' copies here and MPI's view of our part (or the
    // reserved hole); our globals keep their pages (mapped at their own addresses too).
    if (seg) release_windows(*seg);
}

} // namespace oshmpi::detail
