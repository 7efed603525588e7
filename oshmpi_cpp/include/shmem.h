/* OpenSHMEM 1.5 for C and C++: oshmpi-cpp's drop-in shmem.h.
 *
 * The routines are declared from one list, <oshmpi/c_api.def>, which expands the type tables of
 * <oshmpi/types.def>; the same list declares the pshmem_* names (pshmem.h), and the library's
 * definitions are checked against it. This file adds the constants, the handle types, the
 * deprecated names without a shmem_ prefix, and the generic bindings (C11 _Generic, C++ overloads).
 * It compiles cleanly as C99, C11 and C++ with -pedantic -Wall -Wextra. */
#ifndef OSHMPI_SHMEM_H
#define OSHMPI_SHMEM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#include <complex>
#define OSHMPI_COMPLEXD std::complex<double>
#define OSHMPI_COMPLEXF std::complex<float>
extern "C" {
#else
#define OSHMPI_COMPLEXD double _Complex
#define OSHMPI_COMPLEXF float _Complex
#endif

/* ---- Version and vendor ---- */
#define SHMEM_MAJOR_VERSION 1
#define SHMEM_MINOR_VERSION 5
#define _SHMEM_MAJOR_VERSION SHMEM_MAJOR_VERSION
#define _SHMEM_MINOR_VERSION SHMEM_MINOR_VERSION
#define SHMEM_MAX_NAME_LEN 256
#define _SHMEM_MAX_NAME_LEN SHMEM_MAX_NAME_LEN
#define SHMEM_VENDOR_STRING "oshmpi-cpp 0.1.0 (OpenSHMEM 1.5 in C++ over MPI-3 RMA)"
#define _SHMEM_VENDOR_STRING SHMEM_VENDOR_STRING
/* Our own version, for programs that need to tell us apart. */
#define OSHMPI_CPP_VERSION_MAJOR 0
#define OSHMPI_CPP_VERSION_MINOR 1
#define OSHMPI_CPP_VERSION_PATCH 0

/* Tools that pick workarounds per implementation (shmem4py 1.0 among them) recognize a library that
 * declares the whole 1.5 API by these two macros, first defined by Sandia OpenSHMEM; without them
 * they define static fallbacks that clash with our real routines. */
#define SHMEM_FUNCTION_ATTRIBUTES
#define SHMEM_DEF_H 1

/* ---- Constants ---- */
enum {
    SHMEM_THREAD_SINGLE = 0,
    SHMEM_THREAD_FUNNELED = 1,
    SHMEM_THREAD_SERIALIZED = 2,
    SHMEM_THREAD_MULTIPLE = 3
};
enum { SHMEM_CMP_EQ = 0, SHMEM_CMP_NE = 1, SHMEM_CMP_GT = 2, SHMEM_CMP_GE = 3, SHMEM_CMP_LT = 4, SHMEM_CMP_LE = 5 };
#define _SHMEM_CMP_EQ SHMEM_CMP_EQ
#define _SHMEM_CMP_NE SHMEM_CMP_NE
#define _SHMEM_CMP_GT SHMEM_CMP_GT
#define _SHMEM_CMP_GE SHMEM_CMP_GE
#define _SHMEM_CMP_LT SHMEM_CMP_LT
#define _SHMEM_CMP_LE SHMEM_CMP_LE
enum { SHMEM_SIGNAL_SET = 0, SHMEM_SIGNAL_ADD = 1 };

#define SHMEM_CTX_SERIALIZED (1L << 0)
#define SHMEM_CTX_PRIVATE (1L << 1)
#define SHMEM_CTX_NOSTORE (1L << 2)
#define SHMEM_TEAM_NUM_CONTEXTS (1L << 0)
#define SHMEM_MALLOC_ATOMICS_REMOTE (1L << 0)
#define SHMEM_MALLOC_SIGNAL_REMOTE (1L << 1)

/* The pSync/pWrk sizes of the deprecated active-set collectives (which need no pSync here). */
#define SHMEM_SYNC_VALUE 0L
#define SHMEM_SYNC_SIZE 8
#define SHMEM_BCAST_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_BARRIER_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_REDUCE_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_COLLECT_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_ALLTOALL_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_ALLTOALLS_SYNC_SIZE SHMEM_SYNC_SIZE
#define SHMEM_REDUCE_MIN_WRKDATA_SIZE 8
#define _SHMEM_SYNC_VALUE SHMEM_SYNC_VALUE
#define _SHMEM_SYNC_SIZE SHMEM_SYNC_SIZE
#define _SHMEM_BCAST_SYNC_SIZE SHMEM_BCAST_SYNC_SIZE
#define _SHMEM_BARRIER_SYNC_SIZE SHMEM_BARRIER_SYNC_SIZE
#define _SHMEM_REDUCE_SYNC_SIZE SHMEM_REDUCE_SYNC_SIZE
#define _SHMEM_COLLECT_SYNC_SIZE SHMEM_COLLECT_SYNC_SIZE
#define _SHMEM_ALLTOALL_SYNC_SIZE SHMEM_ALLTOALL_SYNC_SIZE
#define _SHMEM_ALLTOALLS_SYNC_SIZE SHMEM_ALLTOALLS_SYNC_SIZE
#define _SHMEM_REDUCE_MIN_WRKDATA_SIZE SHMEM_REDUCE_MIN_WRKDATA_SIZE

/* ---- Handles ---- */
typedef struct shmem_ctx_s *shmem_ctx_t;
typedef struct shmem_team_s *shmem_team_t;
typedef struct {
    int num_contexts;
} shmem_team_config_t;

/* The predefined handles are variables of the library (set when it loads, and at shmem_init for
 * the teams), so they are not constant expressions. */
extern shmem_ctx_t const oshmpi_ctx_default;
extern shmem_team_t oshmpi_team_world;
extern shmem_team_t oshmpi_team_shared;
#define SHMEM_CTX_DEFAULT oshmpi_ctx_default
#define SHMEM_CTX_INVALID ((shmem_ctx_t)0)
#define SHMEM_TEAM_WORLD oshmpi_team_world
#define SHMEM_TEAM_SHARED oshmpi_team_shared
#define SHMEM_TEAM_INVALID ((shmem_team_t)0)

/* ---- Every routine ---- */
#define OSHMPI_C_ROUTINE(ret, name, params) ret shmem_##name params;
#include <oshmpi/c_api.def>
#undef OSHMPI_C_ROUTINE

/* ---- Deprecated names without the shmem_ prefix ---- */
void start_pes(int npes);
int _my_pe(void);
int _num_pes(void);
void *shmalloc(size_t size);
void shfree(void *ptr);
void *shrealloc(void *ptr, size_t size);
void *shmemalign(size_t alignment, size_t size);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* ---- Generic bindings ----
 * One name per operation, resolved on the element type. Only distinct C types take part (int64_t
 * is long here, size_t unsigned long, ...): OSHMPI_DISTINCT_<TYPENAME> drops the typedef names. */
#define OSHMPI_UNPAREN(...) __VA_ARGS__
#define OSHMPI_DISTINCT_float(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_double(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_longdouble(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_char(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_schar(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_short(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_int(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_long(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_longlong(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_uchar(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_ushort(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_uint(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_ulong(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_ulonglong(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_complexd(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_complexf(x) OSHMPI_UNPAREN x
#define OSHMPI_DISTINCT_int8(x)
#define OSHMPI_DISTINCT_int16(x)
#define OSHMPI_DISTINCT_int32(x)
#define OSHMPI_DISTINCT_int64(x)
#define OSHMPI_DISTINCT_uint8(x)
#define OSHMPI_DISTINCT_uint16(x)
#define OSHMPI_DISTINCT_uint32(x)
#define OSHMPI_DISTINCT_uint64(x)
#define OSHMPI_DISTINCT_size(x)
#define OSHMPI_DISTINCT_ptrdiff(x)
#define OSHMPI_IF_DISTINCT(TN, x) OSHMPI_DISTINCT_##TN(x)

#if defined(__cplusplus)
/* C++: overloads forwarding to the typed routine; each exists only where the typed one does. */
#define OSHMPI_CXX_OVERLOAD(TYPE, TN, R)                                                           \
    template <class... A>                                                                          \
    inline auto shmem_##R(TYPE *x, A... rest)->decltype(shmem_##TN##_##R(x, rest...))              \
    {                                                                                              \
        return shmem_##TN##_##R(x, rest...);                                                       \
    }                                                                                              \
    template <class... A>                                                                          \
    inline auto shmem_##R(const TYPE *x, A... rest)->decltype(shmem_##TN##_##R(x, rest...))        \
    {                                                                                              \
        return shmem_##TN##_##R(x, rest...);                                                       \
    }
#define OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, R)                                                       \
    OSHMPI_CXX_OVERLOAD(TYPE, TN, R)                                                               \
    template <class... A>                                                                          \
    inline auto shmem_##R(shmem_ctx_t ctx, TYPE *x, A... rest)                                     \
        ->decltype(shmem_ctx_##TN##_##R(ctx, x, rest...))                                          \
    {                                                                                              \
        return shmem_ctx_##TN##_##R(ctx, x, rest...);                                              \
    }                                                                                              \
    template <class... A>                                                                          \
    inline auto shmem_##R(shmem_ctx_t ctx, const TYPE *x, A... rest)                               \
        ->decltype(shmem_ctx_##TN##_##R(ctx, x, rest...))                                          \
    {                                                                                              \
        return shmem_ctx_##TN##_##R(ctx, x, rest...);                                              \
    }
#define OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, R)                                                      \
    template <class... A>                                                                          \
    inline auto shmem_##R(shmem_team_t team, TYPE *x, A... rest)                                   \
        ->decltype(shmem_##TN##_##R(team, x, rest...))                                             \
    {                                                                                              \
        return shmem_##TN##_##R(team, x, rest...);                                                 \
    }
#define OSHMPI_CXX_RMA(TYPE, TN)                                                                   \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, put)                                 \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, get) OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, p)                \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, g) OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, iput)               \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, iget) OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, put_nbi)         \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, get_nbi) OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, put_signal)   \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, put_signal_nbi)                                          \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, broadcast) OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, collect)  \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, fcollect) OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, alltoall)  \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, alltoalls)))
#define OSHMPI_CXX_AMO_STANDARD(TYPE, TN)                                                          \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_compare_swap)                 \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_inc)                                        \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_inc)                                              \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_add)                                        \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_add)                                              \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_compare_swap_nbi)                                 \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_inc_nbi)                                    \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_add_nbi)))
#define OSHMPI_CXX_AMO_EXTENDED(TYPE, TN)                                                          \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch)                        \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_set) OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_swap) \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_nbi)                                        \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_swap_nbi)))
#define OSHMPI_CXX_AMO_BITWISE(TYPE, TN)                                                           \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_and)                    \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_and)                                              \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_or)                                         \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_or)                                               \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_xor)                                        \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_xor)                                              \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_and_nbi)                                    \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_or_nbi)                                     \
        OSHMPI_CXX_OVERLOAD_CTX(TYPE, TN, atomic_fetch_xor_nbi)))
#define OSHMPI_CXX_P2P(TYPE, TN)                                                                   \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until)                              \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_all) OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_any) \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_some)                                             \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_all_vector)                                       \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_any_vector)                                       \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, wait_until_some_vector) OSHMPI_CXX_OVERLOAD(TYPE, TN, test)  \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, test_all) OSHMPI_CXX_OVERLOAD(TYPE, TN, test_any)            \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, test_some) OSHMPI_CXX_OVERLOAD(TYPE, TN, test_all_vector)    \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, test_any_vector)                                             \
        OSHMPI_CXX_OVERLOAD(TYPE, TN, test_some_vector)))
#define OSHMPI_CXX_REDUCE_BITWISE(TYPE, TN)                                                        \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, and_reduce)                         \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, or_reduce) OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, xor_reduce)))
#define OSHMPI_CXX_REDUCE_MINMAX(TYPE, TN)                                                         \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, max_reduce)                         \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, min_reduce)))
#define OSHMPI_CXX_REDUCE_ARITH(TYPE, TN)                                                          \
    OSHMPI_IF_DISTINCT(TN, (OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, sum_reduce)                         \
        OSHMPI_CXX_OVERLOAD_TEAM(TYPE, TN, prod_reduce)))
OSHMPI_RMA_TYPES(OSHMPI_CXX_RMA)
OSHMPI_AMO_STANDARD_TYPES(OSHMPI_CXX_AMO_STANDARD)
OSHMPI_AMO_EXTENDED_TYPES(OSHMPI_CXX_AMO_EXTENDED)
OSHMPI_AMO_BITWISE_TYPES(OSHMPI_CXX_AMO_BITWISE)
OSHMPI_P2P_TYPES(OSHMPI_CXX_P2P)
OSHMPI_REDUCE_BITWISE_TYPES(OSHMPI_CXX_REDUCE_BITWISE)
OSHMPI_REDUCE_MINMAX_TYPES(OSHMPI_CXX_REDUCE_MINMAX)
OSHMPI_REDUCE_ARITH_TYPES(OSHMPI_CXX_REDUCE_ARITH)

#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
/* C11: _Generic on the element type (the lvalue conversion of *(ptr) drops const). A routine with
 * a context form is told apart by its argument count: OSHMPI_NTH_<n+2> picks the context form when
 * there is one more argument than the plain form takes. */
struct oshmpi_generic_none {
    char unused;
};
#define OSHMPI_ASSOC(TYPE, TN, R) OSHMPI_IF_DISTINCT(TN, (, TYPE : shmem_##TN##_##R))
#define OSHMPI_ASSOC_CTX(TYPE, TN, R) OSHMPI_IF_DISTINCT(TN, (, TYPE : shmem_ctx_##TN##_##R))
#define OSHMPI_SELECT(TABLE, R, x) _Generic(*(x), struct oshmpi_generic_none : 0 TABLE(OSHMPI_G_##R))
#define OSHMPI_SELECT_CTX(TABLE, R, x)                                                             \
    _Generic(*(x), struct oshmpi_generic_none : 0 TABLE(OSHMPI_GC_##R))
#define OSHMPI_PLAIN(TABLE, R, x, ...) OSHMPI_SELECT(TABLE, R, x)(x, __VA_ARGS__)
#define OSHMPI_WITH_CTX(TABLE, R, ctx, x, ...) OSHMPI_SELECT_CTX(TABLE, R, x)(ctx, x, __VA_ARGS__)
#define OSHMPI_WITH_TEAM(TABLE, R, team, x, ...) OSHMPI_SELECT(TABLE, R, x)(team, x, __VA_ARGS__)
#define OSHMPI_NTH_4(_1, _2, _3, _4, ...) _4
#define OSHMPI_NTH_5(_1, _2, _3, _4, _5, ...) _5
#define OSHMPI_NTH_6(_1, _2, _3, _4, _5, _6, ...) _6
#define OSHMPI_NTH_7(_1, _2, _3, _4, _5, _6, _7, ...) _7
#define OSHMPI_NTH_8(_1, _2, _3, _4, _5, _6, _7, _8, ...) _8
#define OSHMPI_NTH_9(_1, _2, _3, _4, _5, _6, _7, _8, _9, ...) _9
/* OSHMPI_CTX_GENERIC(k, TABLE, R, args): k = plain argument count + 2. */
#define OSHMPI_CTX_GENERIC(k, TABLE, R, ...)                                                       \
    OSHMPI_NTH_##k(__VA_ARGS__, OSHMPI_WITH_CTX, OSHMPI_PLAIN, _)(TABLE, R, __VA_ARGS__)

/* The associations of each generic routine. */
#define OSHMPI_G_put(T, N) OSHMPI_ASSOC(T, N, put)
#define OSHMPI_GC_put(T, N) OSHMPI_ASSOC_CTX(T, N, put)
#define OSHMPI_G_get(T, N) OSHMPI_ASSOC(T, N, get)
#define OSHMPI_GC_get(T, N) OSHMPI_ASSOC_CTX(T, N, get)
#define OSHMPI_G_p(T, N) OSHMPI_ASSOC(T, N, p)
#define OSHMPI_GC_p(T, N) OSHMPI_ASSOC_CTX(T, N, p)
#define OSHMPI_G_g(T, N) OSHMPI_ASSOC(T, N, g)
#define OSHMPI_GC_g(T, N) OSHMPI_ASSOC_CTX(T, N, g)
#define OSHMPI_G_iput(T, N) OSHMPI_ASSOC(T, N, iput)
#define OSHMPI_GC_iput(T, N) OSHMPI_ASSOC_CTX(T, N, iput)
#define OSHMPI_G_iget(T, N) OSHMPI_ASSOC(T, N, iget)
#define OSHMPI_GC_iget(T, N) OSHMPI_ASSOC_CTX(T, N, iget)
#define OSHMPI_G_put_nbi(T, N) OSHMPI_ASSOC(T, N, put_nbi)
#define OSHMPI_GC_put_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, put_nbi)
#define OSHMPI_G_get_nbi(T, N) OSHMPI_ASSOC(T, N, get_nbi)
#define OSHMPI_GC_get_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, get_nbi)
#define OSHMPI_G_put_signal(T, N) OSHMPI_ASSOC(T, N, put_signal)
#define OSHMPI_GC_put_signal(T, N) OSHMPI_ASSOC_CTX(T, N, put_signal)
#define OSHMPI_G_put_signal_nbi(T, N) OSHMPI_ASSOC(T, N, put_signal_nbi)
#define OSHMPI_GC_put_signal_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, put_signal_nbi)
#define OSHMPI_G_atomic_fetch(T, N) OSHMPI_ASSOC(T, N, atomic_fetch)
#define OSHMPI_GC_atomic_fetch(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch)
#define OSHMPI_G_atomic_set(T, N) OSHMPI_ASSOC(T, N, atomic_set)
#define OSHMPI_GC_atomic_set(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_set)
#define OSHMPI_G_atomic_swap(T, N) OSHMPI_ASSOC(T, N, atomic_swap)
#define OSHMPI_GC_atomic_swap(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_swap)
#define OSHMPI_G_atomic_fetch_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_nbi)
#define OSHMPI_GC_atomic_fetch_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_nbi)
#define OSHMPI_G_atomic_swap_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_swap_nbi)
#define OSHMPI_GC_atomic_swap_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_swap_nbi)
#define OSHMPI_G_atomic_compare_swap(T, N) OSHMPI_ASSOC(T, N, atomic_compare_swap)
#define OSHMPI_GC_atomic_compare_swap(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_compare_swap)
#define OSHMPI_G_atomic_fetch_inc(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_inc)
#define OSHMPI_GC_atomic_fetch_inc(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_inc)
#define OSHMPI_G_atomic_inc(T, N) OSHMPI_ASSOC(T, N, atomic_inc)
#define OSHMPI_GC_atomic_inc(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_inc)
#define OSHMPI_G_atomic_fetch_add(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_add)
#define OSHMPI_GC_atomic_fetch_add(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_add)
#define OSHMPI_G_atomic_add(T, N) OSHMPI_ASSOC(T, N, atomic_add)
#define OSHMPI_GC_atomic_add(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_add)
#define OSHMPI_G_atomic_compare_swap_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_compare_swap_nbi)
#define OSHMPI_GC_atomic_compare_swap_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_compare_swap_nbi)
#define OSHMPI_G_atomic_fetch_inc_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_inc_nbi)
#define OSHMPI_GC_atomic_fetch_inc_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_inc_nbi)
#define OSHMPI_G_atomic_fetch_add_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_add_nbi)
#define OSHMPI_GC_atomic_fetch_add_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_add_nbi)
#define OSHMPI_G_atomic_fetch_and(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_and)
#define OSHMPI_GC_atomic_fetch_and(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_and)
#define OSHMPI_G_atomic_and(T, N) OSHMPI_ASSOC(T, N, atomic_and)
#define OSHMPI_GC_atomic_and(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_and)
#define OSHMPI_G_atomic_fetch_or(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_or)
#define OSHMPI_GC_atomic_fetch_or(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_or)
#define OSHMPI_G_atomic_or(T, N) OSHMPI_ASSOC(T, N, atomic_or)
#define OSHMPI_GC_atomic_or(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_or)
#define OSHMPI_G_atomic_fetch_xor(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_xor)
#define OSHMPI_GC_atomic_fetch_xor(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_xor)
#define OSHMPI_G_atomic_xor(T, N) OSHMPI_ASSOC(T, N, atomic_xor)
#define OSHMPI_GC_atomic_xor(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_xor)
#define OSHMPI_G_atomic_fetch_and_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_and_nbi)
#define OSHMPI_GC_atomic_fetch_and_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_and_nbi)
#define OSHMPI_G_atomic_fetch_or_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_or_nbi)
#define OSHMPI_GC_atomic_fetch_or_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_or_nbi)
#define OSHMPI_G_atomic_fetch_xor_nbi(T, N) OSHMPI_ASSOC(T, N, atomic_fetch_xor_nbi)
#define OSHMPI_GC_atomic_fetch_xor_nbi(T, N) OSHMPI_ASSOC_CTX(T, N, atomic_fetch_xor_nbi)
#define OSHMPI_G_broadcast(T, N) OSHMPI_ASSOC(T, N, broadcast)
#define OSHMPI_G_collect(T, N) OSHMPI_ASSOC(T, N, collect)
#define OSHMPI_G_fcollect(T, N) OSHMPI_ASSOC(T, N, fcollect)
#define OSHMPI_G_alltoall(T, N) OSHMPI_ASSOC(T, N, alltoall)
#define OSHMPI_G_alltoalls(T, N) OSHMPI_ASSOC(T, N, alltoalls)
#define OSHMPI_G_and_reduce(T, N) OSHMPI_ASSOC(T, N, and_reduce)
#define OSHMPI_G_or_reduce(T, N) OSHMPI_ASSOC(T, N, or_reduce)
#define OSHMPI_G_xor_reduce(T, N) OSHMPI_ASSOC(T, N, xor_reduce)
#define OSHMPI_G_max_reduce(T, N) OSHMPI_ASSOC(T, N, max_reduce)
#define OSHMPI_G_min_reduce(T, N) OSHMPI_ASSOC(T, N, min_reduce)
#define OSHMPI_G_sum_reduce(T, N) OSHMPI_ASSOC(T, N, sum_reduce)
#define OSHMPI_G_prod_reduce(T, N) OSHMPI_ASSOC(T, N, prod_reduce)
#define OSHMPI_G_wait_until(T, N) OSHMPI_ASSOC(T, N, wait_until)
#define OSHMPI_G_wait_until_all(T, N) OSHMPI_ASSOC(T, N, wait_until_all)
#define OSHMPI_G_wait_until_any(T, N) OSHMPI_ASSOC(T, N, wait_until_any)
#define OSHMPI_G_wait_until_some(T, N) OSHMPI_ASSOC(T, N, wait_until_some)
#define OSHMPI_G_wait_until_all_vector(T, N) OSHMPI_ASSOC(T, N, wait_until_all_vector)
#define OSHMPI_G_wait_until_any_vector(T, N) OSHMPI_ASSOC(T, N, wait_until_any_vector)
#define OSHMPI_G_wait_until_some_vector(T, N) OSHMPI_ASSOC(T, N, wait_until_some_vector)
#define OSHMPI_G_test(T, N) OSHMPI_ASSOC(T, N, test)
#define OSHMPI_G_test_all(T, N) OSHMPI_ASSOC(T, N, test_all)
#define OSHMPI_G_test_any(T, N) OSHMPI_ASSOC(T, N, test_any)
#define OSHMPI_G_test_some(T, N) OSHMPI_ASSOC(T, N, test_some)
#define OSHMPI_G_test_all_vector(T, N) OSHMPI_ASSOC(T, N, test_all_vector)
#define OSHMPI_G_test_any_vector(T, N) OSHMPI_ASSOC(T, N, test_any_vector)
#define OSHMPI_G_test_some_vector(T, N) OSHMPI_ASSOC(T, N, test_some_vector)

/* RMA (9.6) and signals (9.8) */
#define shmem_put(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, put, __VA_ARGS__)
#define shmem_get(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, get, __VA_ARGS__)
#define shmem_p(...) OSHMPI_CTX_GENERIC(5, OSHMPI_RMA_TYPES, p, __VA_ARGS__)
#define shmem_g(...) OSHMPI_CTX_GENERIC(4, OSHMPI_RMA_TYPES, g, __VA_ARGS__)
#define shmem_iput(...) OSHMPI_CTX_GENERIC(8, OSHMPI_RMA_TYPES, iput, __VA_ARGS__)
#define shmem_iget(...) OSHMPI_CTX_GENERIC(8, OSHMPI_RMA_TYPES, iget, __VA_ARGS__)
#define shmem_put_nbi(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, put_nbi, __VA_ARGS__)
#define shmem_get_nbi(...) OSHMPI_CTX_GENERIC(6, OSHMPI_RMA_TYPES, get_nbi, __VA_ARGS__)
#define shmem_put_signal(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, put_signal, __VA_ARGS__)
#define shmem_put_signal_nbi(...) OSHMPI_CTX_GENERIC(9, OSHMPI_RMA_TYPES, put_signal_nbi, __VA_ARGS__)
/* AMO (9.7) */
#define shmem_atomic_fetch(...) OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_EXTENDED_TYPES, atomic_fetch, __VA_ARGS__)
#define shmem_atomic_set(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_set, __VA_ARGS__)
#define shmem_atomic_swap(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_swap, __VA_ARGS__)
#define shmem_atomic_fetch_nbi(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_EXTENDED_TYPES, atomic_fetch_nbi, __VA_ARGS__)
#define shmem_atomic_swap_nbi(...)                                                                 \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_EXTENDED_TYPES, atomic_swap_nbi, __VA_ARGS__)
#define shmem_atomic_compare_swap(...)                                                             \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_STANDARD_TYPES, atomic_compare_swap, __VA_ARGS__)
#define shmem_atomic_fetch_inc(...)                                                                \
    OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_inc, __VA_ARGS__)
#define shmem_atomic_inc(...) OSHMPI_CTX_GENERIC(4, OSHMPI_AMO_STANDARD_TYPES, atomic_inc, __VA_ARGS__)
#define shmem_atomic_fetch_add(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_add, __VA_ARGS__)
#define shmem_atomic_add(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_add, __VA_ARGS__)
#define shmem_atomic_compare_swap_nbi(...)                                                         \
    OSHMPI_CTX_GENERIC(7, OSHMPI_AMO_STANDARD_TYPES, atomic_compare_swap_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_inc_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_inc_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_add_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_STANDARD_TYPES, atomic_fetch_add_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_and(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_and, __VA_ARGS__)
#define shmem_atomic_and(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_and, __VA_ARGS__)
#define shmem_atomic_fetch_or(...)                                                                 \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_or, __VA_ARGS__)
#define shmem_atomic_or(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_or, __VA_ARGS__)
#define shmem_atomic_fetch_xor(...)                                                                \
    OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_xor, __VA_ARGS__)
#define shmem_atomic_xor(...) OSHMPI_CTX_GENERIC(5, OSHMPI_AMO_BITWISE_TYPES, atomic_xor, __VA_ARGS__)
#define shmem_atomic_fetch_and_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_and_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_or_nbi(...)                                                             \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_or_nbi, __VA_ARGS__)
#define shmem_atomic_fetch_xor_nbi(...)                                                            \
    OSHMPI_CTX_GENERIC(6, OSHMPI_AMO_BITWISE_TYPES, atomic_fetch_xor_nbi, __VA_ARGS__)
/* Collectives (9.9): the team comes first, the element type from dest. */
#define shmem_broadcast(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, broadcast, __VA_ARGS__)
#define shmem_collect(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, collect, __VA_ARGS__)
#define shmem_fcollect(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, fcollect, __VA_ARGS__)
#define shmem_alltoall(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, alltoall, __VA_ARGS__)
#define shmem_alltoalls(...) OSHMPI_WITH_TEAM(OSHMPI_RMA_TYPES, alltoalls, __VA_ARGS__)
#define shmem_and_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, and_reduce, __VA_ARGS__)
#define shmem_or_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, or_reduce, __VA_ARGS__)
#define shmem_xor_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_BITWISE_TYPES, xor_reduce, __VA_ARGS__)
#define shmem_max_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_MINMAX_TYPES, max_reduce, __VA_ARGS__)
#define shmem_min_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_MINMAX_TYPES, min_reduce, __VA_ARGS__)
#define shmem_sum_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, sum_reduce, __VA_ARGS__)
#define shmem_prod_reduce(...) OSHMPI_WITH_TEAM(OSHMPI_REDUCE_ARITH_TYPES, prod_reduce, __VA_ARGS__)
/* Point-to-point synchronization (9.10) */
#define shmem_wait_until(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until, __VA_ARGS__)
#define shmem_wait_until_all(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_all, __VA_ARGS__)
#define shmem_wait_until_any(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_any, __VA_ARGS__)
#define shmem_wait_until_some(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_some, __VA_ARGS__)
#define shmem_wait_until_all_vector(...)                                                           \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_all_vector, __VA_ARGS__)
#define shmem_wait_until_any_vector(...)                                                           \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_any_vector, __VA_ARGS__)
#define shmem_wait_until_some_vector(...)                                                          \
    OSHMPI_PLAIN(OSHMPI_P2P_TYPES, wait_until_some_vector, __VA_ARGS__)
#define shmem_test(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test, __VA_ARGS__)
#define shmem_test_all(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_all, __VA_ARGS__)
#define shmem_test_any(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_any, __VA_ARGS__)
#define shmem_test_some(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_some, __VA_ARGS__)
#define shmem_test_all_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_all_vector, __VA_ARGS__)
#define shmem_test_any_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_any_vector, __VA_ARGS__)
#define shmem_test_some_vector(...) OSHMPI_PLAIN(OSHMPI_P2P_TYPES, test_some_vector, __VA_ARGS__)
#endif /* generic bindings */

#endif /* OSHMPI_SHMEM_H */
