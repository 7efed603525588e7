#include "core/mpi_library.hpp"

#include <link.h>
#include <mpi.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace oshmpi::detail {

namespace {

enum class mpi_family { unknown, mpich, open_mpi };

// What libshmem was compiled against: the mpi.h macros of its build.
#if defined(OPEN_MPI)
constexpr mpi_family built_family = mpi_family::open_mpi;
#define OSHMPI_STRINGIFY_(x) #x
#define OSHMPI_STRINGIFY(x) OSHMPI_STRINGIFY_(x)
constexpr const char* built_name = "Open MPI " OSHMPI_STRINGIFY(OMPI_MAJOR_VERSION) "." OSHMPI_STRINGIFY(
    OMPI_MINOR_VERSION) "." OSHMPI_STRINGIFY(OMPI_RELEASE_VERSION);
#elif defined(MPICH_VERSION)
constexpr mpi_family built_family = mpi_family::mpich;
constexpr const char* built_name = "MPICH " MPICH_VERSION;
#else
constexpr mpi_family built_family = mpi_family::unknown;
constexpr const char* built_name = "an unknown MPI";
#endif

const char* name_of(mpi_family family)
{
    switch (family) {
    case mpi_family::mpich: return "MPICH";
    case mpi_family::open_mpi: return "Open MPI";
    case mpi_family::unknown: break;
    }
    return "an unknown MPI";
}

bool starts_with(const char* text, const char* prefix)
{
    return std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}

// By file name: libmpich.so.12 and libmpi.so.12 are the MPICH ABI (MPICH, and Intel MPI or
// MVAPICH, which keep it); libmpi.so.40 (also .20) and libopen-pal.so are Open MPI's.
mpi_family family_of_library(const char* path)
{
    const char* slash = std::strrchr(path, '/');
    const char* name = slash != nullptr ? slash + 1 : path;
    if (starts_with(name, "libmpich") || starts_with(name, "libmpi.so.12")) return mpi_family::mpich;
    if (starts_with(name, "libmpi.so.40") || starts_with(name, "libmpi.so.20") || starts_with(name, "libopen-pal."))
        return mpi_family::open_mpi;
    return mpi_family::unknown;
}

struct loaded_library {
    mpi_family family;
    std::string path;
};

int collect_mpi_library(dl_phdr_info* info, std::size_t, void* data)
{
    auto& found = *static_cast<std::vector<loaded_library>*>(data);
    if (info->dlpi_name == nullptr || info->dlpi_name[0] == '\0') return 0;
    mpi_family family = family_of_library(info->dlpi_name);
    if (family == mpi_family::unknown) return 0;
    for (const auto& seen : found)
        if (seen.family == family) return 0; // the first one of each family names it
    found.push_back({family, info->dlpi_name});
    return 0;
}

// The family MPI_Get_library_version reports: it may be called before MPI_Init and takes no handle.
// The buffer is larger than any MPI's MPI_MAX_LIBRARY_VERSION_STRING (MPICH's is 8192, Open MPI's
// 256), since the call may land in the other MPI's library.
mpi_family reported_family()
{
    std::vector<char> text(65536, '\0');
    int length = 0;
    if (MPI_Get_library_version(text.data(), &length) != MPI_SUCCESS) return mpi_family::unknown;
    text.back() = '\0';
    if (std::strstr(text.data(), "Open MPI") != nullptr) return mpi_family::open_mpi;
    if (std::strstr(text.data(), "MPICH") != nullptr) return mpi_family::mpich;
    return mpi_family::unknown;
}

bool mismatched = false;

} // namespace

void check_mpi_library()
{
    if constexpr (built_family == mpi_family::unknown) return;
    std::vector<loaded_library> loaded;
    dl_iterate_phdr(collect_mpi_library, &loaded);
    std::string ours = "its library is not loaded";
    const loaded_library* foreign = nullptr;
    for (const auto& library : loaded) {
        if (library.family == built_family)
            ours = library.path;
        else if (foreign == nullptr)
            foreign = &library;
    }
    std::string foreign_name;
    if (foreign != nullptr) {
        foreign_name = std::string(name_of(foreign->family)) + " (" + foreign->path + ")";
    } else {
        // No other MPI's library by name; the routine's own answer also covers a statically linked one.
        mpi_family reported = reported_family();
        if (reported == mpi_family::unknown || reported == built_family) return;
        foreign_name = std::string(name_of(reported)) + " (MPI_Get_library_version)";
    }
    mismatched = true;
    throw error(errc::mpi_failure,
                "this process has loaded " + foreign_name + " but libshmem was built with " + built_name + " (" +
                    ours + "): one process must load one MPI; build the program with this libshmem's oshcc or "
                    "oshc++, and use an mpi4py and a launcher of " + name_of(built_family) + " (docs/cluster.md)");
}

bool mpi_library_mismatched() noexcept
{
    return mismatched;
}

} // namespace oshmpi::detail
