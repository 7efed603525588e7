// MPI collectives with byte and element counts beyond INT_MAX. MPI-4 has the `_c` (MPI_Count)
// forms; on an MPI-3 library a count that does not fit in an int throws instead of being silently
// truncated. Every call here is nonblocking: callers drive the request with detail::complete().
#pragma once

#include <mpi.h>

#include <climits>
#include <cstddef>
#include <vector>

#include "core/error.hpp"

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

inline int ibcast(void* buffer, mpi_count count, MPI_Datatype type, int root, MPI_Comm comm, MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Ibcast_c(buffer, count, type, root, comm, request);
#else
    return MPI_Ibcast(buffer, count, type, root, comm, request);
#endif
}

inline int iallgather(const void* source, mpi_count count, MPI_Datatype type, void* dest, MPI_Comm comm,
                      MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Iallgather_c(source, count, type, dest, count, type, comm, request);
#else
    return MPI_Iallgather(source, count, type, dest, count, type, comm, request);
#endif
}

inline int iallgatherv(const void* source, mpi_count count, void* dest, const std::vector<mpi_count>& counts,
                       const std::vector<mpi_displ>& displs, MPI_Comm comm, MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Iallgatherv_c(source, count, MPI_BYTE, dest, counts.data(), displs.data(), MPI_BYTE, comm, request);
#else
    return MPI_Iallgatherv(source, count, MPI_BYTE, dest, counts.data(), displs.data(), MPI_BYTE, comm, request);
#endif
}

inline int ialltoall(const void* source, mpi_count count, MPI_Datatype type, void* dest, MPI_Comm comm,
                     MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Ialltoall_c(source, count, type, dest, count, type, comm, request);
#else
    return MPI_Ialltoall(source, count, type, dest, count, type, comm, request);
#endif
}

inline int iallreduce(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm,
                      MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Iallreduce_c(source, dest, count, type, op, comm, request);
#else
    return MPI_Iallreduce(source, dest, count, type, op, comm, request);
#endif
}

inline int iscan(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm,
                 MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Iscan_c(source, dest, count, type, op, comm, request);
#else
    return MPI_Iscan(source, dest, count, type, op, comm, request);
#endif
}

inline int iexscan(const void* source, void* dest, mpi_count count, MPI_Datatype type, MPI_Op op, MPI_Comm comm,
                   MPI_Request* request)
{
#if MPI_VERSION >= 4
    return MPI_Iexscan_c(source, dest, count, type, op, comm, request);
#else
    return MPI_Iexscan(source, dest, count, type, op, comm, request);
#endif
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

} // namespace oshmpi::detail
