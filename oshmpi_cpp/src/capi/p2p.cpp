// C entry points of OpenSHMEM 1.5 section 9.10 (point-to-point synchronization), stamped from the
// type table, and the deprecated shmem_wait family.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

#define OSHMPI_WAIT_CHECK(count) OSHMPI_C_CHECK(wait)(__func__ + 1, ivars, (count) * sizeof(*ivars), cmp)

#define OSHMPI_P2P_SHIMS(TYPE, TN)                                                                  \
    OSHMPI_C_DEFINE(void, TN##_wait_until, (TYPE * ivar, int cmp, TYPE cmp_value))                  \
    {                                                                                               \
        OSHMPI_C_CHECK(wait)(__func__ + 1, ivar, sizeof(TYPE), cmp);                                \
        OSHMPI_C_CALL(oshmpi::wait_until(ivar, cmp_of(cmp), cmp_value));                            \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_test, (TYPE * ivar, int cmp, TYPE cmp_value))                         \
    {                                                                                               \
        OSHMPI_C_CHECK(wait)(__func__ + 1, ivar, sizeof(TYPE), cmp);                                \
        OSHMPI_C_CALL(oshmpi::test(ivar, cmp_of(cmp), cmp_value) ? 1 : 0);                          \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, TN##_wait_until_all,                                                      \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, TYPE cmp_value))      \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_all(ivars, nelems, status, cmp_of(cmp), cmp_value));       \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_wait_until_any,                                                    \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, TYPE cmp_value))      \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_any(ivars, nelems, status, cmp_of(cmp), cmp_value));       \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_wait_until_some,                                                   \
                    (TYPE * ivars, size_t nelems, size_t* indices, const int* status, int cmp,      \
                     TYPE cmp_value))                                                               \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_some(ivars, nelems, indices, status, cmp_of(cmp), cmp_value)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(void, TN##_wait_until_all_vector,                                               \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, const TYPE* cmp_values))    \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_all_vector<TYPE>(ivars, nelems, status, cmp_of(cmp), cmp_values)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_wait_until_any_vector,                                             \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, const TYPE* cmp_values))    \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_any_vector<TYPE>(ivars, nelems, status, cmp_of(cmp), cmp_values)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_wait_until_some_vector,                                            \
                    (TYPE * ivars, size_t nelems, size_t* indices, const int* status, int cmp,      \
                     const TYPE* cmp_values))                                                             \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::wait_until_some_vector<TYPE>(ivars, nelems, indices, status, cmp_of(cmp), \
                                                           cmp_values));                            \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_test_all,                                                             \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, TYPE cmp_value))      \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_all(ivars, nelems, status, cmp_of(cmp), cmp_value) ? 1 : 0);     \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_test_any,                                                          \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, TYPE cmp_value))      \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_any(ivars, nelems, status, cmp_of(cmp), cmp_value));             \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_test_some,                                                         \
                    (TYPE * ivars, size_t nelems, size_t* indices, const int* status, int cmp,      \
                     TYPE cmp_value))                                                               \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_some(ivars, nelems, indices, status, cmp_of(cmp), cmp_value));   \
    }                                                                                               \
    OSHMPI_C_DEFINE(int, TN##_test_all_vector,                                                      \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, const TYPE* cmp_values))    \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_all_vector<TYPE>(ivars, nelems, status, cmp_of(cmp), cmp_values) ? 1 : 0); \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_test_any_vector,                                                   \
                    (TYPE * ivars, size_t nelems, const int* status, int cmp, const TYPE* cmp_values))    \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_any_vector<TYPE>(ivars, nelems, status, cmp_of(cmp), cmp_values)); \
    }                                                                                               \
    OSHMPI_C_DEFINE(size_t, TN##_test_some_vector,                                                  \
                    (TYPE * ivars, size_t nelems, size_t* indices, const int* status, int cmp,      \
                     const TYPE* cmp_values))                                                             \
    {                                                                                               \
        OSHMPI_WAIT_CHECK(nelems);                                                                  \
        OSHMPI_C_CALL(oshmpi::test_some_vector<TYPE>(ivars, nelems, indices, status, cmp_of(cmp), cmp_values)); \
    }

#define OSHMPI_WAIT_DEPRECATED_SHIMS(TYPE, TN)                                                      \
    OSHMPI_C_DEFINE(void, TN##_wait, (TYPE * ivar, TYPE cmp_value))                                 \
    {                                                                                               \
        OSHMPI_C_CHECK(wait)(__func__ + 1, ivar, sizeof(TYPE), SHMEM_CMP_NE);                       \
        OSHMPI_C_CALL(oshmpi::wait(ivar, cmp_value));                                               \
    }

OSHMPI_P2P_TYPES(OSHMPI_P2P_SHIMS)
OSHMPI_DEPRECATED_WAIT_TYPES(OSHMPI_WAIT_DEPRECATED_SHIMS)

OSHMPI_C_DEFINE(void, wait, (long* ivar, long cmp_value))
{
    shmem_long_wait(ivar, cmp_value);
}

OSHMPI_C_DEFINE(void, wait_until, (long* ivar, int cmp, long cmp_value))
{
    shmem_long_wait_until(ivar, cmp, cmp_value);
}
