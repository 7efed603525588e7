// Collective communication (OpenSHMEM 1.6 section 9.9): broadcast, collect, alltoall, reductions, scans
// on teams, and the deprecated active-set forms. Typed templates over byte-level entry points (and,
// for reductions, over the element's MPI datatype), so each collective's body exists once in the
// runtime. Every routine is collective over its team and throws oshmpi::error on bad arguments.
#pragma once

#include <mpi.h>

#include <complex>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <oshmpi/team.hpp>

namespace oshmpi {

enum class reduce_op { bit_and, bit_or, bit_xor, max, min, sum, prod };

namespace detail {

// The deprecated active set: PEs start, start + 2^log_stride, ... (size of them), in world numbers.
struct active_set {
    int start;
    int log_stride;
    int size;
};

// The team over an active set, cached until finalize. Only members may call (else invalid_argument).
team* active_set_team(active_set set, const char* routine);

// Byte-level collectives. `routine` names the caller in error messages.
// With `write_root_dest` false the root's dest is left alone (the active-set broadcast's rule).
void broadcast_bytes(team* t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest,
                     const char* routine);
// Concatenates every member's `nbytes` (which may differ per member) in team order.
void collect_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine);
// Like collect, but every member contributes the same `nbytes`.
void fcollect_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine);
// Sends block i of `nbytes` of source to member i, which stores it as its block (our team number).
void alltoall_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine);
// alltoall of `nelems` elements of `elem_size` bytes per member, read every `sst` and written every
// `dst` elements.
void alltoalls_bytes(team* t, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                     std::size_t elem_size, std::size_t nelems, const char* routine);
// Element-wise reduction of `nreduce` elements of `type` over the team; dest == source is in place.
// Bitwise ops accept only integer types, min/max no complex types.
void reduce_elements(team* t, reduce_op op, MPI_Datatype type, void* dest, const void* source,
                     std::size_t nreduce, const char* routine);
// Element-wise prefix sums of `nreduce` elements of `type` over the team, in team order: member i
// gets the sum over members 0..i (inclusive) or 0..i-1 (exclusive; member 0 gets zeros).
enum class scan_kind { inclusive, exclusive };
void scan_elements(team* t, scan_kind kind, MPI_Datatype type, void* dest, const void* source,
                   std::size_t nreduce, const char* routine);
[[noreturn]] void throw_negative_count(const char* routine, long long count);
// The active-set barrier (quiet first) and sync (no quiet).
void barrier_active_set(active_set set, const char* routine);
void sync_active_set(active_set set, const char* routine);

template <class T>
inline constexpr bool is_complex_v = false;
template <class T>
inline constexpr bool is_complex_v<std::complex<T>> = true;

// The MPI datatype of a reduction element: integers by size and signedness (so `char` reduces as
// the signed or unsigned 8-bit integer it is, which MPI's min/max accept, unlike MPI_CHAR).
template <class T>
MPI_Datatype reduce_datatype()
{
    if constexpr (std::is_same_v<T, std::complex<float>>) return MPI_C_FLOAT_COMPLEX;
    else if constexpr (std::is_same_v<T, std::complex<double>>) return MPI_C_DOUBLE_COMPLEX;
    else if constexpr (std::is_same_v<T, std::complex<long double>>) return MPI_C_LONG_DOUBLE_COMPLEX;
    else if constexpr (std::is_same_v<T, float>) return MPI_FLOAT;
    else if constexpr (std::is_same_v<T, double>) return MPI_DOUBLE;
    else if constexpr (std::is_same_v<T, long double>) return MPI_LONG_DOUBLE;
    else {
        static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>,
                      "OpenSHMEM reductions take integers, floating point or std::complex types");
        static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);
        if constexpr (std::is_signed_v<T>) {
            if constexpr (sizeof(T) == 1) return MPI_INT8_T;
            else if constexpr (sizeof(T) == 2) return MPI_INT16_T;
            else if constexpr (sizeof(T) == 4) return MPI_INT32_T;
            else return MPI_INT64_T;
        } else {
            if constexpr (sizeof(T) == 1) return MPI_UINT8_T;
            else if constexpr (sizeof(T) == 2) return MPI_UINT16_T;
            else if constexpr (sizeof(T) == 4) return MPI_UINT32_T;
            else return MPI_UINT64_T;
        }
    }
}

template <class T>
constexpr void check_copyable()
{
    static_assert(std::is_trivially_copyable_v<T>, "collectives move elements as bytes");
}

} // namespace detail

// ---- Team collectives (OpenSHMEM 1.5). `root` and block order are team-relative. ----

// Copies `nelems` elements of source on `root` to dest on every member, the root included.
template <class T>
void broadcast(team* t, T* dest, const T* source, std::size_t nelems, int root)
{
    detail::check_copyable<T>();
    detail::broadcast_bytes(t, dest, source, nelems * sizeof(T), root, /*write_root_dest=*/true, "shmem_broadcast");
}
// Concatenates every member's `nelems` elements (which may differ per member) into dest, in team order.
template <class T>
void collect(team* t, T* dest, const T* source, std::size_t nelems)
{
    detail::check_copyable<T>();
    detail::collect_bytes(t, dest, source, nelems * sizeof(T), "shmem_collect");
}
// Like collect, but every member contributes the same `nelems`.
template <class T>
void fcollect(team* t, T* dest, const T* source, std::size_t nelems)
{
    detail::check_copyable<T>();
    detail::fcollect_bytes(t, dest, source, nelems * sizeof(T), "shmem_fcollect");
}
// Block i (of `nelems` elements) of source goes to member i; dest holds block j from member j.
template <class T>
void alltoall(team* t, T* dest, const T* source, std::size_t nelems)
{
    detail::check_copyable<T>();
    detail::alltoall_bytes(t, dest, source, nelems * sizeof(T), "shmem_alltoall");
}
// alltoall where source elements are `sst` apart and dest elements `dst` apart (in elements).
template <class T>
void alltoalls(team* t, T* dest, const T* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems)
{
    detail::check_copyable<T>();
    detail::alltoalls_bytes(t, dest, source, dst, sst, sizeof(T), nelems, "shmem_alltoalls");
}

// The byte forms (shmem_broadcastmem, ...): sizes are in bytes.
inline void broadcastmem(team* t, void* dest, const void* source, std::size_t nelems, int root)
{
    detail::broadcast_bytes(t, dest, source, nelems, root, /*write_root_dest=*/true, "shmem_broadcastmem");
}
inline void collectmem(team* t, void* dest, const void* source, std::size_t nelems)
{
    detail::collect_bytes(t, dest, source, nelems, "shmem_collectmem");
}
inline void fcollectmem(team* t, void* dest, const void* source, std::size_t nelems)
{
    detail::fcollect_bytes(t, dest, source, nelems, "shmem_fcollectmem");
}
inline void alltoallmem(team* t, void* dest, const void* source, std::size_t nelems)
{
    detail::alltoall_bytes(t, dest, source, nelems, "shmem_alltoallmem");
}
inline void alltoallsmem(team* t, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                         std::size_t nelems)
{
    detail::alltoalls_bytes(t, dest, source, dst, sst, 1, nelems, "shmem_alltoallsmem");
}

// Element-wise reduction over the team; dest == source reduces in place.
template <class T>
void reduce(team* t, reduce_op op, T* dest, const T* source, std::size_t nreduce)
{
    detail::reduce_elements(t, op, detail::reduce_datatype<T>(), dest, source, nreduce, "shmem_reduce");
}

// clang-format off
template <class T> void and_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ static_assert(std::is_integral_v<T>, "and_reduce takes integer types"); reduce(t, reduce_op::bit_and, dest, source, nreduce); }
template <class T> void or_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ static_assert(std::is_integral_v<T>, "or_reduce takes integer types"); reduce(t, reduce_op::bit_or, dest, source, nreduce); }
template <class T> void xor_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ static_assert(std::is_integral_v<T>, "xor_reduce takes integer types"); reduce(t, reduce_op::bit_xor, dest, source, nreduce); }
template <class T> void max_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ static_assert(!detail::is_complex_v<T>, "complex numbers have no order"); reduce(t, reduce_op::max, dest, source, nreduce); }
template <class T> void min_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ static_assert(!detail::is_complex_v<T>, "complex numbers have no order"); reduce(t, reduce_op::min, dest, source, nreduce); }
template <class T> void sum_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ reduce(t, reduce_op::sum, dest, source, nreduce); }
template <class T> void prod_reduce(team* t, T* dest, const T* source, std::size_t nreduce)
{ reduce(t, reduce_op::prod, dest, source, nreduce); }
// clang-format on

// Prefix sums over the team (OpenSHMEM 1.6): dest on member i holds the sum of source over members
// 0..i (sum_inscan) or 0..i-1 (sum_exscan, zeros on member 0); dest == source scans in place.
template <class T>
void sum_inscan(team* t, T* dest, const T* source, std::size_t nreduce)
{
    detail::scan_elements(t, detail::scan_kind::inclusive, detail::reduce_datatype<T>(), dest, source, nreduce,
                          "shmem_sum_inscan");
}
template <class T>
void sum_exscan(team* t, T* dest, const T* source, std::size_t nreduce)
{
    detail::scan_elements(t, detail::scan_kind::exclusive, detail::reduce_datatype<T>(), dest, source, nreduce,
                          "shmem_sum_exscan");
}

// ---- Deprecated active-set forms (OpenSHMEM 1.5 keeps them; pSync and pWrk are not used) ----
// The active set is PE_start, PE_start + 2^logPE_stride, ... (PE_size PEs, world numbers); only
// its members call. PE_root is relative to the active set.

// Quiet, then synchronize the active set (shmem_barrier).
inline void barrier(int PE_start, int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::barrier_active_set({PE_start, logPE_stride, PE_size}, "shmem_barrier");
}
// Synchronize the active set without quiet (shmem_sync).
inline void sync(int PE_start, int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::sync_active_set({PE_start, logPE_stride, PE_size}, "shmem_sync");
}

// The root's dest is not written (the pre-1.5 rule these forms keep).
inline void broadcast32(void* dest, const void* source, std::size_t nelems, int PE_root, int PE_start,
                        int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::broadcast_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_broadcast32"), dest,
                            source, nelems * 4, PE_root, /*write_root_dest=*/false, "shmem_broadcast32");
}
inline void broadcast64(void* dest, const void* source, std::size_t nelems, int PE_root, int PE_start,
                        int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::broadcast_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_broadcast64"), dest,
                            source, nelems * 8, PE_root, /*write_root_dest=*/false, "shmem_broadcast64");
}
inline void collect32(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                      int PE_size, long* /*pSync*/)
{
    detail::collect_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_collect32"), dest,
                          source, nelems * 4, "shmem_collect32");
}
inline void collect64(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                      int PE_size, long* /*pSync*/)
{
    detail::collect_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_collect64"), dest,
                          source, nelems * 8, "shmem_collect64");
}
inline void fcollect32(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                       int PE_size, long* /*pSync*/)
{
    detail::fcollect_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_fcollect32"), dest,
                           source, nelems * 4, "shmem_fcollect32");
}
inline void fcollect64(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                       int PE_size, long* /*pSync*/)
{
    detail::fcollect_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_fcollect64"), dest,
                           source, nelems * 8, "shmem_fcollect64");
}
inline void alltoall32(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                       int PE_size, long* /*pSync*/)
{
    detail::alltoall_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_alltoall32"), dest,
                           source, nelems * 4, "shmem_alltoall32");
}
inline void alltoall64(void* dest, const void* source, std::size_t nelems, int PE_start, int logPE_stride,
                       int PE_size, long* /*pSync*/)
{
    detail::alltoall_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_alltoall64"), dest,
                           source, nelems * 8, "shmem_alltoall64");
}
inline void alltoalls32(void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems,
                        int PE_start, int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::alltoalls_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_alltoalls32"), dest,
                            source, dst, sst, 4, nelems, "shmem_alltoalls32");
}
inline void alltoalls64(void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t nelems,
                        int PE_start, int logPE_stride, int PE_size, long* /*pSync*/)
{
    detail::alltoalls_bytes(detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_alltoalls64"), dest,
                            source, dst, sst, 8, nelems, "shmem_alltoalls64");
}

// shmem_TYPENAME_OP_to_all: reduction over the active set. nreduce is an int in these forms; a
// negative one throws. pWrk and pSync are not used.
template <class T>
void reduce_to_all(reduce_op op, T* dest, const T* source, int nreduce, int PE_start, int logPE_stride, int PE_size,
                   T* /*pWrk*/, long* /*pSync*/)
{
    team* t = detail::active_set_team({PE_start, logPE_stride, PE_size}, "shmem_to_all");
    if (nreduce < 0) detail::throw_negative_count("shmem_to_all", nreduce);
    detail::reduce_elements(t, op, detail::reduce_datatype<T>(), dest, source, static_cast<std::size_t>(nreduce),
                            "shmem_to_all");
}

} // namespace oshmpi
