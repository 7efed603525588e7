// The collective memory routines. Determinism gives equal offsets; an allreduce after each
// allocation proves it and turns one PE's failure into NULL on every PE.
#include <oshmpi/memory.hpp>

#include <cstdint>
#include <cstring>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "memory/heap.hpp"

#include <oshmpi/sync.hpp>

namespace oshmpi::detail {

namespace {

bool is_power_of_two(std::size_t value)
{
    return value != 0 && (value & (value - 1)) == 0;
}

// Checks that every PE asked for the same size and got the same offset (-1 for failure).
// Returns true when all succeeded; throws on a mismatch, which is a program error.
bool agree(const runtime& rt, const char* routine, std::size_t size, std::int64_t offset)
{
    std::int64_t values[4] = {static_cast<std::int64_t>(size), -static_cast<std::int64_t>(size), offset,
                              -offset};
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, values, 4, MPI_INT64_T, MPI_MAX, rt.world, &request));
    complete(request);
    if (values[0] != -values[1])
        fail(errc::invalid_argument, "%s: PEs asked for different sizes (from %lld to %lld bytes); "
                                     "symmetric allocation must be called with the same size everywhere",
             routine, static_cast<long long>(-values[1]), static_cast<long long>(values[0]));
    if (values[2] != -values[3]) {
        if (-values[3] >= 0)
            fail(errc::invalid_argument, "%s: PEs' heaps diverged (offsets %lld to %lld)", routine,
                 static_cast<long long>(-values[3]), static_cast<long long>(values[2]));
        return false;
    }
    return offset >= 0;
}

void* allocate(const char* routine, std::size_t size, std::size_t alignment, bool zero)
{
    runtime& rt = state(routine);
    if (size == 0) return nullptr;
    symmetric_heap& h = heap();
    auto offset = h.allocator.allocate(size, alignment);
    std::int64_t agreed_offset = offset ? static_cast<std::int64_t>(*offset) : -1;
    bool everyone = false;
    try {
        everyone = agree(rt, routine, size, agreed_offset);
    } catch (...) {
        if (offset) h.allocator.release(*offset);
        throw;
    }
    if (!everyone) {
        if (offset) h.allocator.release(*offset);
        return nullptr;
    }
    char* block = h.seg->base + *offset;
    if (zero) {
        std::memset(block, 0, size);
        // Nobody may write into the block before every PE has zeroed its copy.
        barrier(rt.world);
    }
    return block;
}

std::size_t offset_of(const char* routine, const void* ptr)
{
    symmetric_heap& h = heap();
    auto p = static_cast<const char*>(ptr);
    if (!h.seg->contains(p, 0) || !h.allocator.block_size(static_cast<std::size_t>(p - h.seg->base)))
        fail(errc::not_symmetric, "%s: %p is not the start of a live symmetric allocation (freed twice, "
                                  "or never returned by shmem_malloc)",
             routine, ptr);
    return static_cast<std::size_t>(p - h.seg->base);
}

} // namespace

void throw_heap_exhausted(std::size_t bytes)
{
    fail(errc::out_of_memory, "symmetric heap exhausted: %zu bytes requested, %zu free of %zu "
                              "(raise SHMEM_SYMMETRIC_SIZE)",
         bytes, heap().allocator.free_bytes(), heap().allocator.capacity());
}

} // namespace oshmpi::detail

namespace oshmpi {

void* malloc(std::size_t size)
{
    return detail::allocate("malloc", size, detail::heap_allocator::min_alignment, false);
}

void* calloc(std::size_t count, std::size_t size)
{
    if (count != 0 && size > SIZE_MAX / count) return nullptr;
    return detail::allocate("calloc", count * size, detail::heap_allocator::min_alignment, true);
}

void* align(std::size_t alignment, std::size_t size)
{
    detail::state("align");
    if (!detail::is_power_of_two(alignment) || alignment > detail::heap().base_alignment) return nullptr;
    return detail::allocate("align", size, alignment, false);
}

void* malloc_with_hints(std::size_t size, long hints)
{
    // Hints only describe expected use; every block is equally good for every use here.
    static_cast<void>(hints);
    return detail::allocate("malloc_with_hints", size, detail::heap_allocator::min_alignment, false);
}

void free(void* ptr)
{
    detail::runtime& rt = detail::state("free");
    if (ptr == nullptr) return;
    std::size_t offset = detail::offset_of("free", ptr);
    // Every PE must be done with the block (its RMA complete) before anyone reuses it.
    barrier_all();
    detail::heap().allocator.release(offset);
    static_cast<void>(rt);
}

void* realloc(void* ptr, std::size_t size)
{
    detail::runtime& rt = detail::state("realloc");
    if (ptr == nullptr) return oshmpi::malloc(size);
    if (size == 0) {
        oshmpi::free(ptr);
        return nullptr;
    }
    detail::symmetric_heap& h = detail::heap();
    std::size_t offset = detail::offset_of("realloc", ptr);
    // A barrier on entry: no peer may still be writing into a block that is about to move.
    barrier_all();
    std::size_t old_size = *h.allocator.block_size(offset);
    std::int64_t result = -1;
    if (h.allocator.resize_in_place(offset, size)) {
        result = static_cast<std::int64_t>(offset);
    } else if (auto moved = h.allocator.allocate(size, detail::heap_allocator::min_alignment)) {
        std::memcpy(h.seg->base + *moved, h.seg->base + offset, std::min(old_size, size));
        h.allocator.release(offset);
        result = static_cast<std::int64_t>(*moved);
    }
    if (!detail::agree(rt, "realloc", size, result)) {
        // Some PE could not grow: undo locally so every PE keeps the old block, and report failure.
        if (result >= 0 && static_cast<std::size_t>(result) == offset)
            static_cast<void>(h.allocator.resize_in_place(offset, old_size));
        else if (result >= 0)
            detail::fail(errc::out_of_memory, "realloc: heaps diverged after a failed reallocation");
        return nullptr;
    }
    return h.seg->base + result;
}

std::size_t heap_size()
{
    detail::state("heap_size");
    return detail::heap().allocator.capacity();
}

std::size_t heap_free_bytes()
{
    detail::state("heap_free_bytes");
    return detail::heap().allocator.free_bytes();
}

std::size_t allocation_size(const void* ptr)
{
    detail::state("allocation_size");
    return *detail::heap().allocator.block_size(detail::offset_of("allocation_size", ptr));
}

} // namespace oshmpi
