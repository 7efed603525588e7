// C entry points of OpenSHMEM 1.5 section 9.3 (memory management) and their deprecated names.
#include "capi/shim.hpp"

#include <cstdio>

OSHMPI_C_DEFINE(void*, malloc, (size_t size))
{
    OSHMPI_C_CALL(oshmpi::malloc(size));
}
OSHMPI_C_DEFINE(void*, calloc, (size_t count, size_t size))
{
    OSHMPI_C_CALL(oshmpi::calloc(count, size));
}
OSHMPI_C_DEFINE(void*, align, (size_t alignment, size_t size))
{
    // The spec's answer to a bad alignment is NULL (on every PE alike: nothing is allocated);
    // SHMEM_DEBUG also says why, since a NULL alone reads like a full heap.
    if (oshmpi::capi::debug_checks && (alignment == 0 || (alignment & (alignment - 1)) != 0)) {
        char message[96];
        std::snprintf(message, sizeof message, "alignment %zu is not a power of two: returning NULL", alignment);
        oshmpi::capi::report("shmem_align", message);
    }
    OSHMPI_C_CALL(oshmpi::align(alignment, size));
}
OSHMPI_C_DEFINE(void*, realloc, (void* ptr, size_t size))
{
    OSHMPI_C_CALL(oshmpi::realloc(ptr, size));
}
OSHMPI_C_DEFINE(void*, malloc_with_hints, (size_t size, long hints))
{
    OSHMPI_C_CALL(oshmpi::malloc_with_hints(size, hints));
}
OSHMPI_C_DEFINE(void, free, (void* ptr))
{
    OSHMPI_C_CALL(oshmpi::free(ptr));
}

extern "C" void* shmalloc(size_t size)
{
    return shmem_malloc(size);
}
extern "C" void shfree(void* ptr)
{
    shmem_free(ptr);
}
extern "C" void* shrealloc(void* ptr, size_t size)
{
    return shmem_realloc(ptr, size);
}
extern "C" void* shmemalign(size_t alignment, size_t size)
{
    return shmem_align(alignment, size);
}
