#include "memory/data_segment.hpp"

#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "memory/segment.hpp"

namespace oshmpi::detail {

namespace {

segment* the_data_segment = nullptr;

struct address_range {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
};

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
    auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    if (relro.end > writable.begin && relro.begin <= writable.begin)
        writable.begin = (relro.end + page - 1) & ~(page - 1);
    if (writable.begin < writable.end) range = writable;
    return 1; // stop after the first object
}

} // namespace

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
    seg->all_peers_mapped = false; // others' copies are private memory: atomics go through MPI
    expose(*seg, rt.world);
    the_data_segment = seg.get();
    segments().add(std::move(seg));
}

void destroy_data_segment()
{
    if (the_data_segment == nullptr) return;
    auto seg = segments().remove(the_data_segment);
    the_data_segment = nullptr;
    if (seg) release_windows(*seg);
}

} // namespace oshmpi::detail
