// MPI collectives with byte and element counts beyond INT_MAX. MPI-4 has the `_c` (MPI_Count)
// forms; on an MPI-3 library a count that does not fit in an int throws instead of being silently
// truncated. Each call here returns once the collective is complete, and returns MPI's error code.
#pragma once

#include <mpi.h>

#include <climits>
#include <cstddef>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/progress_agent.hpp"

namespace oshmpi::detail {

#if MPI_VERSION >= 4
using mpi_count = MPI_Count;
using mpi_displ = MPI_Aint;
#else
using mpi_count = int;
using mpi_displ = int;
#endif

// The count as MPI takes it; throws when this MPI cannot express it.
inline mpi_count to_mpi_count(std::size_t count, const char* routine)
{
#if MPI_VERSION < 4
    if (count > static_cast<std::size_t>(INT_MAX))
        fail(errc::invalid_argument, "%s: %zu elements exceed what this MPI-3 library can move in one call",
             routine, count);
#else
    (void)routine;
#endif
    return static_cast<mpi_count>(count);
}

// Runs one collective to its end. When every PE of this machine has a core, the blocking form:
// MPI's blocking collectives spin and cost what a raw MPI program pays (across two nodes an 8 B
// MPI_Bcast takes 0.32 us, MPI_Ibcast driven by MPI_Test 0.78 us). When PEs outnumber cores, the
// nonblocking form driven by complete(), which yields the core the other PEs need.
template <class Blocking, class Nonblocking>
int run_collective(Blocking blocking, Nonblocking nonblocking)
{
    if (waits_spin_in_mpi()) {
        note_own_polling(); // a blocking collective polls MPI too
        return blocking();
    }
    MPI_Request request;
    int rc = nonblocking(&request);
    if (rc == MPI_SUCCESS) complete(request);
    return rc;
}

#if MPI_VERSION >= 4
#define OSHMPI_LARGE(name) name##_c
#else
#define OSHMPI_LARGE(name) name
#endif

inline int bcast(void* buffer, mpi_count count, MPI_Datatype type, int root, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Bcast)(buffer, count, type, root, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Ibcast)(buffer, count, type, root, comm, request); });
}

inline int allgather(const void* source, mpi_count count, MPI_Datatype type, void* dest, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Allgather)(source, count, type, dest, count, type, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Iallgather)(source, count, type, dest, count, type, comm, request); });
}

inline int allgatherv(const void* source, mpi_count count, void* dest, const std::vector<mpi_count>& counts,
                      const std::vector<mpi_displ>& displs, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Allgatherv)(source, count, MPI_BYTE, dest, counts.data(), displs.data(), MPI_BYTE, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Iallgatherv)(source, count, MPI_BYTE, dest, counts.data(), displs.data(), MPI_BYTE, comm, request); });
}

inline int alltoall(const void* source, mpi_count count, MPI_Datatype type, void* dest, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Alltoall)(source, count, type, dest, count, type, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Ialltoall)(source, count, type, dest, count, type, comm, request); });
}

inline int allreduce(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Allreduce)(source, dest, count, type, op, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Iallreduce)(source, dest, count, type, op, comm, request); });
}

inline int scan(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Scan)(source, dest, count, type, op, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Iscan)(source, dest, count, type, op, comm, request); });
}

inline int exscan(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm)
{
    return run_collective([&] { return OSHMPI_LARGE(MPI_Exscan)(source, dest, count, type, op, comm); },
                          [&](MPI_Request* request) { return OSHMPI_LARGE(MPI_Iexscan)(source, dest, count, type, op, comm, request); });
}

// `count` blocks of `block_bytes` bytes, `stride_bytes` apart, with an extent of `extent_bytes` so
// that consecutive elements of the type tile an array. Committed; the caller frees it.
inline MPI_Datatype strided_bytes_type(mpi_count count, mpi_count block_bytes, long long stride_bytes,
                                       long long extent_bytes)
{
    MPI_Datatype vector = MPI_DATATYPE_NULL, resized = MPI_DATATYPE_NULL;
#if MPI_VERSION >= 4
    OSHMPI_MPI(MPI_Type_create_hvector_c(count, block_bytes, static_cast<MPI_Count>(stride_bytes), MPI_BYTE, &vector));
    OSHMPI_MPI(MPI_Type_create_resized_c(vector, 0, static_cast<MPI_Count>(extent_bytes), &resized));
#else
    OSHMPI_MPI(MPI_Type_create_hvector(count, block_bytes, static_cast<MPI_Aint>(stride_bytes), MPI_BYTE, &vector));
    OSHMPI_MPI(MPI_Type_create_resized(vector, 0, static_cast<MPI_Aint>(extent_bytes), &resized));
#endif
    MPI_Type_free(&vector);
    OSHMPI_MPI(MPI_Type_commit(&resized));
    return resized;
}

#undef OSHMPI_LARGE

} // namespace oshmpi::detail
