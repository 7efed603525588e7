// C entry points of OpenSHMEM 1.6 section 9.6 (remote memory access), stamped from the type table.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

#define OSHMPI_RMA_SHIMS(TYPE, TN)                                                                  \
    OSHMPI_C_DEFINE_PAIR(void, TN##_put, (TYPE * dest, const TYPE* source, size_t nelems, int pe),   \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, dest, checked_bytes(routine, nelems, sizeof(TYPE)), source, pe);         \
        OSHMPI_C_CALL_AS(routine, oshmpi::put(ctx_ref(ctx), dest, source, nelems, pe));                         \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_get, (TYPE * dest, const TYPE* source, size_t nelems, int pe),   \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, source, checked_bytes(routine, nelems, sizeof(TYPE)), dest, pe);         \
        OSHMPI_C_CALL_AS(routine, oshmpi::get(ctx_ref(ctx), dest, source, nelems, pe));                         \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_put_nbi, (TYPE * dest, const TYPE* source, size_t nelems, int pe), \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, dest, checked_bytes(routine, nelems, sizeof(TYPE)), source, pe);         \
        OSHMPI_C_CALL_AS(routine, oshmpi::put_nbi(ctx_ref(ctx), dest, source, nelems, pe));                     \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_get_nbi, (TYPE * dest, const TYPE* source, size_t nelems, int pe), \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, source, checked_bytes(routine, nelems, sizeof(TYPE)), dest, pe);         \
        OSHMPI_C_CALL_AS(routine, oshmpi::get_nbi(ctx_ref(ctx), dest, source, nelems, pe));                     \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_p, (TYPE * dest, TYPE value, int pe), (dest, value, pe))        \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, dest, sizeof(TYPE), &value, pe);                  \
        OSHMPI_C_CALL_AS(routine, oshmpi::p(ctx_ref(ctx), dest, value, pe));                                    \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_g, (const TYPE* source, int pe), (source, pe))                  \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, source, sizeof(TYPE), source, pe);                \
        OSHMPI_C_CALL_AS(routine, oshmpi::g(ctx_ref(ctx), source, pe));                                         \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_iput,                                                           \
                         (TYPE * dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems, int pe), \
                         (dest, source, dst, sst, nelems, pe))                                      \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, oshmpi::iput(ctx_ref(ctx), dest, source, dst, sst, nelems, pe));              \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_iget,                                                           \
                         (TYPE * dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems, int pe), \
                         (dest, source, dst, sst, nelems, pe))                                      \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, oshmpi::iget(ctx_ref(ctx), dest, source, dst, sst, nelems, pe));              \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_ibput,                                                          \
                         (TYPE * dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, size_t bsize, \
                          size_t nblocks, int pe),                                                  \
                         (dest, source, dst, sst, bsize, nblocks, pe))                              \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, oshmpi::ibput(ctx_ref(ctx), dest, source, dst, sst, bsize, nblocks, pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_ibget,                                                          \
                         (TYPE * dest, const TYPE* source, ptrdiff_t dst, ptrdiff_t sst, size_t bsize, \
                          size_t nblocks, int pe),                                                  \
                         (dest, source, dst, sst, bsize, nblocks, pe))                              \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, oshmpi::ibget(ctx_ref(ctx), dest, source, dst, sst, bsize, nblocks, pe)); \
    }

// The sized forms move BITS / 8 bytes per element; putmem and getmem move bytes.
#define OSHMPI_RMA_BYTE_SHIMS(NAME, ELEM_BYTES)                                                     \
    OSHMPI_C_DEFINE_PAIR(void, put##NAME, (void* dest, const void* source, size_t nelems, int pe),   \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, dest, checked_bytes(routine, nelems, ELEM_BYTES), source, pe);         \
        OSHMPI_C_CALL_AS(routine, detail::put_bytes(ctx_ref(ctx), dest, source, nelems * (ELEM_BYTES), pe));    \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, get##NAME, (void* dest, const void* source, size_t nelems, int pe),   \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, source, checked_bytes(routine, nelems, ELEM_BYTES), dest, pe);         \
        OSHMPI_C_CALL_AS(routine, detail::get_bytes(ctx_ref(ctx), dest, source, nelems * (ELEM_BYTES), pe));    \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, put##NAME##_nbi, (void* dest, const void* source, size_t nelems, int pe), \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, dest, checked_bytes(routine, nelems, ELEM_BYTES), source, pe);         \
        OSHMPI_C_CALL_AS(routine, detail::put_bytes_nbi(ctx_ref(ctx), dest, source, checked_bytes(routine, nelems, ELEM_BYTES), pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, get##NAME##_nbi, (void* dest, const void* source, size_t nelems, int pe), \
                         (dest, source, nelems, pe))                                                \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, source, checked_bytes(routine, nelems, ELEM_BYTES), dest, pe);         \
        OSHMPI_C_CALL_AS(routine, detail::get_bytes_nbi(ctx_ref(ctx), dest, source, checked_bytes(routine, nelems, ELEM_BYTES), pe)); \
    }
#define OSHMPI_RMA_SIZED_SHIMS(BITS)                                                                \
    OSHMPI_RMA_BYTE_SHIMS(BITS, BITS / 8)                                                           \
    OSHMPI_C_DEFINE_PAIR(void, iput##BITS,                                                          \
                         (void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems, int pe), \
                         (dest, source, dst, sst, nelems, pe))                                      \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, detail::iput_bytes(ctx_ref(ctx), dest, source, dst, sst, BITS / 8, nelems, pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, iget##BITS,                                                          \
                         (void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t nelems, int pe), \
                         (dest, source, dst, sst, nelems, pe))                                      \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, detail::iget_bytes(ctx_ref(ctx), dest, source, dst, sst, BITS / 8, nelems, pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, ibput##BITS,                                                         \
                         (void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t bsize, \
                          size_t nblocks, int pe),                                                  \
                         (dest, source, dst, sst, bsize, nblocks, pe))                              \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, detail::ibput_bytes(ctx_ref(ctx), dest, source, dst, sst, BITS / 8, bsize, \
                                                      nblocks, pe));                                \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, ibget##BITS,                                                         \
                         (void* dest, const void* source, ptrdiff_t dst, ptrdiff_t sst, size_t bsize, \
                          size_t nblocks, int pe),                                                  \
                         (dest, source, dst, sst, bsize, nblocks, pe))                              \
    {                                                                                               \
        OSHMPI_C_CALL_AS(routine, detail::ibget_bytes(ctx_ref(ctx), dest, source, dst, sst, BITS / 8, bsize, \
                                                      nblocks, pe));                                \
    }

OSHMPI_RMA_TYPES(OSHMPI_RMA_SHIMS)
OSHMPI_RMA_SIZES(OSHMPI_RMA_SIZED_SHIMS)
OSHMPI_RMA_BYTE_SHIMS(mem, 1)
