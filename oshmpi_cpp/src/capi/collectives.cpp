// C entry points of OpenSHMEM 1.6 section 9.9 (collectives): barriers and syncs, the team
// collectives, reductions and scans (returning a status), and the deprecated active-set forms.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

#define OSHMPI_COLLECTIVE_CHECK(dest_bytes, source_bytes)                                           \
    OSHMPI_C_CHECK(collective)(__func__ + 1, team, dest, dest_bytes, source, source_bytes)

#define OSHMPI_COLLECTIVE_SHIMS(TYPE, TN)                                                           \
    OSHMPI_C_DEFINE(int, TN##_broadcast,                                                            \
                    (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nelems, int PE_root)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(checked_bytes(__func__ + 1, nelems, sizeof(TYPE)), checked_bytes(__func__ + 1, nelems, sizeof(TYPE)));                      \
        OSHMPI_C_STATUS(oshmpi::broadcast(team_ptr(team), dest, source, nelems, PE_root));          \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_collect, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nelems)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(0, checked_bytes(__func__ + 1, nelems, sizeof(TYPE)));                                          \
        OSHMPI_C_STATUS(oshmpi::collect(team_ptr(team), dest, source, nelems));                     \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_fcollect, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nelems)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(0, checked_bytes(__func__ + 1, nelems, sizeof(TYPE)));                                          \
        OSHMPI_C_STATUS(oshmpi::fcollect(team_ptr(team), dest, source, nelems));                    \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_alltoall, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nelems)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(0, 0);                                                              \
        OSHMPI_C_STATUS(oshmpi::alltoall(team_ptr(team), dest, source, nelems));                    \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_alltoalls,                                                            \
                    (shmem_team_t team, TYPE * dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, \
                     size_t nelems))                                                                \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(0, 0);                                                              \
        OSHMPI_C_STATUS(oshmpi::alltoalls(team_ptr(team), dest, source, dst, sst, nelems));         \
    }

#define OSHMPI_REDUCE_SHIM(TYPE, TN, OP)                                                            \
    OSHMPI_C_DEFINE(int, TN##_##OP##_reduce, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nreduce)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(nreduce * sizeof(TYPE), nreduce * sizeof(TYPE));                    \
        OSHMPI_C_STATUS(oshmpi::OP##_reduce(team_ptr(team), dest, source, nreduce));                \
    }
#define OSHMPI_REDUCE_BITWISE_SHIMS(TYPE, TN)                                                       \
    OSHMPI_REDUCE_SHIM(TYPE, TN, and) OSHMPI_REDUCE_SHIM(TYPE, TN, or) OSHMPI_REDUCE_SHIM(TYPE, TN, xor)
#define OSHMPI_REDUCE_MINMAX_SHIMS(TYPE, TN) OSHMPI_REDUCE_SHIM(TYPE, TN, max) OSHMPI_REDUCE_SHIM(TYPE, TN, min)
#define OSHMPI_REDUCE_ARITH_SHIMS(TYPE, TN) OSHMPI_REDUCE_SHIM(TYPE, TN, sum) OSHMPI_REDUCE_SHIM(TYPE, TN, prod)

#define OSHMPI_SCAN_SHIMS(TYPE, TN)                                                                 \
    OSHMPI_C_DEFINE(int, TN##_sum_inscan, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nreduce)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(nreduce * sizeof(TYPE), nreduce * sizeof(TYPE));                    \
        OSHMPI_C_STATUS(oshmpi::sum_inscan(team_ptr(team), dest, source, nreduce));                 \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_sum_exscan, (shmem_team_t team, TYPE * dest, const TYPE* source, size_t nreduce)) \
    {                                                                                               \
        OSHMPI_COLLECTIVE_CHECK(nreduce * sizeof(TYPE), nreduce * sizeof(TYPE));                    \
        OSHMPI_C_STATUS(oshmpi::sum_exscan(team_ptr(team), dest, source, nreduce));                 \
    }

// The deprecated active-set reductions.
#define OSHMPI_REDUCE_OP_and reduce_op::bit_and
#define OSHMPI_REDUCE_OP_or reduce_op::bit_or
#define OSHMPI_REDUCE_OP_xor reduce_op::bit_xor
#define OSHMPI_REDUCE_OP_max reduce_op::max
#define OSHMPI_REDUCE_OP_min reduce_op::min
#define OSHMPI_REDUCE_OP_sum reduce_op::sum
#define OSHMPI_REDUCE_OP_prod reduce_op::prod
#define OSHMPI_TO_ALL_SHIM(TYPE, TN, OP)                                                            \
    OSHMPI_C_DEFINE(void, TN##_##OP##_to_all,                                                       \
                    (TYPE * dest, const TYPE* source, int nreduce, int PE_start, int logPE_stride,  \
                     int PE_size, TYPE* pWrk, long* pSync))                                         \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::reduce_to_all(OSHMPI_REDUCE_OP_##OP, dest, source, nreduce, PE_start, \
                                            logPE_stride, PE_size, pWrk, pSync));                   \
    }
#define OSHMPI_TO_ALL_BITWISE_SHIMS(TYPE, TN)                                                       \
    OSHMPI_TO_ALL_SHIM(TYPE, TN, and) OSHMPI_TO_ALL_SHIM(TYPE, TN, or) OSHMPI_TO_ALL_SHIM(TYPE, TN, xor)
#define OSHMPI_TO_ALL_MINMAX_SHIMS(TYPE, TN) OSHMPI_TO_ALL_SHIM(TYPE, TN, max) OSHMPI_TO_ALL_SHIM(TYPE, TN, min)
#define OSHMPI_TO_ALL_ARITH_SHIMS(TYPE, TN) OSHMPI_TO_ALL_SHIM(TYPE, TN, sum) OSHMPI_TO_ALL_SHIM(TYPE, TN, prod)

#define OSHMPI_ACTIVE_SET_SHIMS(BITS)                                                               \
    OSHMPI_C_DEFINE(void, broadcast##BITS,                                                          \
                    (void* dest, const void* source, size_t nelems, int PE_root, int PE_start,      \
                     int logPE_stride, int PE_size, long* pSync))                                   \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::broadcast##BITS(dest, source, nelems, PE_root, PE_start, logPE_stride, PE_size, pSync)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, collect##BITS,                                                            \
                    (void* dest, const void* source, size_t nelems, int PE_start, int logPE_stride, \
                     int PE_size, long* pSync))                                                     \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::collect##BITS(dest, source, nelems, PE_start, logPE_stride, PE_size, pSync)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, fcollect##BITS,                                                           \
                    (void* dest, const void* source, size_t nelems, int PE_start, int logPE_stride, \
                     int PE_size, long* pSync))                                                     \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::fcollect##BITS(dest, source, nelems, PE_start, logPE_stride, PE_size, pSync)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, alltoall##BITS,                                                           \
                    (void* dest, const void* source, size_t nelems, int PE_start, int logPE_stride, \
                     int PE_size, long* pSync))                                                     \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::alltoall##BITS(dest, source, nelems, PE_start, logPE_stride, PE_size, pSync)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, alltoalls##BITS,                                                          \
                    (void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems,   \
                     int PE_start, int logPE_stride, int PE_size, long* pSync))                     \
    {                                                                                               \
        OSHMPI_C_CALL(oshmpi::alltoalls##BITS(dest, source, dst, sst, nelems, PE_start, logPE_stride, \
                                              PE_size, pSync));                                     \
    }

OSHMPI_RMA_TYPES(OSHMPI_COLLECTIVE_SHIMS)
OSHMPI_REDUCE_BITWISE_TYPES(OSHMPI_REDUCE_BITWISE_SHIMS)
OSHMPI_REDUCE_MINMAX_TYPES(OSHMPI_REDUCE_MINMAX_SHIMS)
OSHMPI_REDUCE_ARITH_TYPES(OSHMPI_REDUCE_ARITH_SHIMS)
OSHMPI_REDUCE_ARITH_TYPES(OSHMPI_SCAN_SHIMS)
OSHMPI_TO_ALL_BITWISE_TYPES(OSHMPI_TO_ALL_BITWISE_SHIMS)
OSHMPI_TO_ALL_MINMAX_TYPES(OSHMPI_TO_ALL_MINMAX_SHIMS)
OSHMPI_TO_ALL_ARITH_TYPES(OSHMPI_TO_ALL_ARITH_SHIMS)
OSHMPI_ACTIVE_SET_SHIMS(32)
OSHMPI_ACTIVE_SET_SHIMS(64)

OSHMPI_C_DEFINE(int, broadcastmem, (shmem_team_t team, void* dest, const void* source, size_t nelems, int PE_root))
{
    OSHMPI_COLLECTIVE_CHECK(nelems, nelems);
    OSHMPI_C_STATUS(oshmpi::broadcastmem(team_ptr(team), dest, source, nelems, PE_root));
}
OSHMPI_C_DEFINE(int, collectmem, (shmem_team_t team, void* dest, const void* source, size_t nelems))
{
    OSHMPI_COLLECTIVE_CHECK(0, nelems);
    OSHMPI_C_STATUS(oshmpi::collectmem(team_ptr(team), dest, source, nelems));
}
OSHMPI_C_DEFINE(int, fcollectmem, (shmem_team_t team, void* dest, const void* source, size_t nelems))
{
    OSHMPI_COLLECTIVE_CHECK(0, nelems);
    OSHMPI_C_STATUS(oshmpi::fcollectmem(team_ptr(team), dest, source, nelems));
}
OSHMPI_C_DEFINE(int, alltoallmem, (shmem_team_t team, void* dest, const void* source, size_t nelems))
{
    OSHMPI_COLLECTIVE_CHECK(0, 0);
    OSHMPI_C_STATUS(oshmpi::alltoallmem(team_ptr(team), dest, source, nelems));
}
OSHMPI_C_DEFINE(int, alltoallsmem,
                (shmem_team_t team, void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems))
{
    OSHMPI_COLLECTIVE_CHECK(0, 0);
    OSHMPI_C_STATUS(oshmpi::alltoallsmem(team_ptr(team), dest, source, dst, sst, nelems));
}

OSHMPI_C_DEFINE(void, barrier_all, (void))
{
    OSHMPI_C_CALL(oshmpi::barrier_all());
}
OSHMPI_C_DEFINE(void, sync_all, (void))
{
    OSHMPI_C_CALL(oshmpi::sync_all());
}
OSHMPI_C_DEFINE(int, team_sync, (shmem_team_t team))
{
    if (team == SHMEM_TEAM_INVALID) return -1;
    OSHMPI_C_STATUS(oshmpi::team_sync(team_ptr(team)));
}
OSHMPI_C_DEFINE(void, barrier, (int PE_start, int logPE_stride, int PE_size, long* pSync))
{
    OSHMPI_C_CALL(oshmpi::barrier(PE_start, logPE_stride, PE_size, pSync));
}
OSHMPI_C_DEFINE(void, sync, (int PE_start, int logPE_stride, int PE_size, long* pSync))
{
    OSHMPI_C_CALL(oshmpi::sync(PE_start, logPE_stride, PE_size, pSync));
}
