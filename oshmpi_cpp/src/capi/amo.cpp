// C entry points of OpenSHMEM 1.5 section 9.7 (atomic memory operations), stamped from the type
// tables, and the deprecated names of the 1.5 annex, which forward to the current ones.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

#define OSHMPI_AMO_CHECK(target) OSHMPI_C_CHECK(remote)(routine, ctx, target, sizeof(*(target)), target, pe)

#define OSHMPI_AMO_STANDARD_SHIMS(TYPE, TN)                                                         \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_compare_swap, (TYPE * dest, TYPE cond, TYPE value, int pe), \
                         (dest, cond, value, pe))                                                   \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_compare_swap(ctx_ref(ctx), dest, cond, value, pe));            \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_fetch_inc, (TYPE * dest, int pe), (dest, pe))            \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_inc(ctx_ref(ctx), dest, pe));                            \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_inc, (TYPE * dest, int pe), (dest, pe))                  \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_inc(ctx_ref(ctx), dest, pe));                                  \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_fetch_add, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_add(ctx_ref(ctx), dest, value, pe));                     \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_add, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_add(ctx_ref(ctx), dest, value, pe));                           \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_compare_swap_nbi,                                        \
                         (TYPE * fetch, TYPE * dest, TYPE cond, TYPE value, int pe),                \
                         (fetch, dest, cond, value, pe))                                            \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_compare_swap_nbi(ctx_ref(ctx), fetch, dest, cond, value, pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_fetch_inc_nbi, (TYPE * fetch, TYPE * dest, int pe),      \
                         (fetch, dest, pe))                                                         \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_inc_nbi(ctx_ref(ctx), fetch, dest, pe));                 \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_fetch_add_nbi, (TYPE * fetch, TYPE * dest, TYPE value, int pe), \
                         (fetch, dest, value, pe))                                                  \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_add_nbi(ctx_ref(ctx), fetch, dest, value, pe));          \
    }

#define OSHMPI_AMO_EXTENDED_SHIMS(TYPE, TN)                                                         \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_fetch, (const TYPE* source, int pe), (source, pe))       \
    {                                                                                               \
        OSHMPI_AMO_CHECK(source);                                                                   \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch(ctx_ref(ctx), source, pe));                              \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_set, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_set(ctx_ref(ctx), dest, value, pe));                           \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_swap, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_swap(ctx_ref(ctx), dest, value, pe));                          \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_fetch_nbi, (TYPE * fetch, const TYPE* source, int pe),   \
                         (fetch, source, pe))                                                       \
    {                                                                                               \
        OSHMPI_AMO_CHECK(source);                                                                   \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_nbi(ctx_ref(ctx), fetch, source, pe));                   \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_swap_nbi, (TYPE * fetch, TYPE * dest, TYPE value, int pe), \
                         (fetch, dest, value, pe))                                                  \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_swap_nbi(ctx_ref(ctx), fetch, dest, value, pe));               \
    }

#define OSHMPI_AMO_BITWISE_OP_SHIMS(TYPE, TN, OP)                                                   \
    OSHMPI_C_DEFINE_PAIR(TYPE, TN##_atomic_fetch_##OP, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_##OP(ctx_ref(ctx), dest, value, pe));                    \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_##OP, (TYPE * dest, TYPE value, int pe), (dest, value, pe)) \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_##OP(ctx_ref(ctx), dest, value, pe));                          \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_atomic_fetch_##OP##_nbi, (TYPE * fetch, TYPE * dest, TYPE value, int pe), \
                         (fetch, dest, value, pe))                                                  \
    {                                                                                               \
        OSHMPI_AMO_CHECK(dest);                                                                     \
        OSHMPI_C_CALL_AS(routine, oshmpi::atomic_fetch_##OP##_nbi(ctx_ref(ctx), fetch, dest, value, pe));       \
    }
#define OSHMPI_AMO_BITWISE_SHIMS(TYPE, TN)                                                          \
    OSHMPI_AMO_BITWISE_OP_SHIMS(TYPE, TN, and)                                                      \
    OSHMPI_AMO_BITWISE_OP_SHIMS(TYPE, TN, or)                                                       \
    OSHMPI_AMO_BITWISE_OP_SHIMS(TYPE, TN, xor)

// Deprecated names: thin forwards to the current routines (so they profile as those).
#define OSHMPI_AMO_DEPRECATED_SHIMS(TYPE, TN)                                                       \
    OSHMPI_C_DEFINE(TYPE, TN##_cswap, (TYPE * dest, TYPE cond, TYPE value, int pe))                 \
    {                                                                                               \
        return shmem_##TN##_atomic_compare_swap(dest, cond, value, pe);                             \
    }                                                                                               \
    OSHMPI_C_DEFINE(TYPE, TN##_finc, (TYPE * dest, int pe)) { return shmem_##TN##_atomic_fetch_inc(dest, pe); } \
    OSHMPI_C_DEFINE(void, TN##_inc, (TYPE * dest, int pe)) { shmem_##TN##_atomic_inc(dest, pe); }  \
    OSHMPI_C_DEFINE(TYPE, TN##_fadd, (TYPE * dest, TYPE value, int pe))                             \
    {                                                                                               \
        return shmem_##TN##_atomic_fetch_add(dest, value, pe);                                      \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, TN##_add, (TYPE * dest, TYPE value, int pe)) { shmem_##TN##_atomic_add(dest, value, pe); }
#define OSHMPI_AMO_DEPRECATED_EXTENDED_SHIMS(TYPE, TN)                                              \
    OSHMPI_C_DEFINE(TYPE, TN##_fetch, (const TYPE* source, int pe)) { return shmem_##TN##_atomic_fetch(source, pe); } \
    OSHMPI_C_DEFINE(void, TN##_set, (TYPE * dest, TYPE value, int pe)) { shmem_##TN##_atomic_set(dest, value, pe); } \
    OSHMPI_C_DEFINE(TYPE, TN##_swap, (TYPE * dest, TYPE value, int pe))                             \
    {                                                                                               \
        return shmem_##TN##_atomic_swap(dest, value, pe);                                           \
    }

OSHMPI_AMO_STANDARD_TYPES(OSHMPI_AMO_STANDARD_SHIMS)
OSHMPI_AMO_EXTENDED_TYPES(OSHMPI_AMO_EXTENDED_SHIMS)
OSHMPI_AMO_BITWISE_TYPES(OSHMPI_AMO_BITWISE_SHIMS)
OSHMPI_DEPRECATED_AMO_TYPES(OSHMPI_AMO_DEPRECATED_SHIMS)
OSHMPI_DEPRECATED_AMO_EXTENDED_TYPES(OSHMPI_AMO_DEPRECATED_EXTENDED_SHIMS)
