/* OpenSHMEM 1.6 for C and C++: oshmpi-cpp's drop-in shmem.h.
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
#define SHMEM_MINOR_VERSION 6
#define _SHMEM_MAJOR_VERSION SHMEM_MAJOR_VERSION
#define _SHMEM_MINOR_VERSION SHMEM_MINOR_VERSION
#define SHMEM_MAX_NAME_LEN 256
#define _SHMEM_MAX_NAME_LEN SHMEM_MAX_NAME_LEN
#define SHMEM_VENDOR_STRING "oshmpi-cpp 0.1.0 (OpenSHMEM 1.6 in C++ over MPI-3 RMA)"
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
/* Context sessions (OpenSHMEM 1.6): an option and a configuration mask bit. */
#define SHMEM_CTX_SESSION_BATCH (1L << 0)
#define SHMEM_CTX_SESSION_TOTAL_OPS (1L << 0)

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
typedef struct {
    size_t total_ops;
} shmem_ctx_session_config_t;

/* The predefined teams are link-time constants, as the specification allows for every named
 * handle: the addresses of two objects of the library, which stand for the world and shared teams of
 * whichever initialization is current (whether C's shmem_init, shmem4py or the C++ API made it).
 * So they can initialize static variables and never change. The default context is a variable of
 * the library, set when it loads. */
extern shmem_ctx_t const oshmpi_ctx_default;
extern struct shmem_team_s oshmpi_team_world_handle;
extern struct shmem_team_s oshmpi_team_shared_handle;
#define SHMEM_CTX_DEFAULT oshmpi_ctx_default
#define SHMEM_CTX_INVALID ((shmem_ctx_t)0)
#define SHMEM_TEAM_WORLD (&oshmpi_team_world_handle)
#define SHMEM_TEAM_SHARED (&oshmpi_team_shared_handle)
#define SHMEM_TEAM_INVALID ((shmem_team_t)0)

/* ---- Every routine ---- */
#define OSHMPI_UNPAREN(...) __VA_ARGS__
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
 * One name per operation, resolved on the element type over the types of that routine's spec
 * table: C11 _Generic (<oshmpi/generic_c11.h>) or C++ overloads (<oshmpi/generic_cxx.h>). */
#if defined(__cplusplus)
#include <oshmpi/generic_cxx.h>
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#include <oshmpi/generic_c11.h>
#endif

#endif /* OSHMPI_SHMEM_H */
