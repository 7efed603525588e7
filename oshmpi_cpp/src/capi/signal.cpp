// C entry points of OpenSHMEM 1.6 section 9.8 (put-with-signal, signal updates) and the signal
// waits of 9.10.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

#define OSHMPI_SIGNAL_CHECK(nbytes)                                                                 \
    OSHMPI_C_CHECK(remote)(routine, ctx, dest, nbytes, source, pe);                            \
    OSHMPI_C_CHECK(remote)(routine, ctx, sig_addr, sizeof(uint64_t), sig_addr, pe);            \
    OSHMPI_C_CHECK(signal_op)(routine, sig_op)

#define OSHMPI_SIGNAL_SHIMS(TYPE, TN)                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_put_signal,                                                     \
                         (TYPE * dest, const TYPE* source, size_t nelems, uint64_t* sig_addr,       \
                          uint64_t signal, int sig_op, int pe),                                     \
                         (dest, source, nelems, sig_addr, signal, sig_op, pe))                      \
    {                                                                                               \
        OSHMPI_SIGNAL_CHECK(checked_bytes(routine, nelems, sizeof(TYPE)));                                              \
        OSHMPI_C_CALL_AS(routine, oshmpi::put_signal(ctx_ref(ctx), dest, source, nelems, sig_addr, signal,      \
                                         static_cast<signal_op>(sig_op), pe));                      \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, TN##_put_signal_nbi,                                                 \
                         (TYPE * dest, const TYPE* source, size_t nelems, uint64_t* sig_addr,       \
                          uint64_t signal, int sig_op, int pe),                                     \
                         (dest, source, nelems, sig_addr, signal, sig_op, pe))                      \
    {                                                                                               \
        OSHMPI_SIGNAL_CHECK(checked_bytes(routine, nelems, sizeof(TYPE)));                                              \
        OSHMPI_C_CALL_AS(routine, oshmpi::put_signal_nbi(ctx_ref(ctx), dest, source, nelems, sig_addr, signal,  \
                                             static_cast<signal_op>(sig_op), pe));                  \
    }

#define OSHMPI_SIGNAL_BYTE_SHIMS(NAME, ELEM_BYTES)                                                  \
    OSHMPI_C_DEFINE_PAIR(void, put##NAME##_signal,                                                  \
                         (void* dest, const void* source, size_t nelems, uint64_t* sig_addr,        \
                          uint64_t signal, int sig_op, int pe),                                     \
                         (dest, source, nelems, sig_addr, signal, sig_op, pe))                      \
    {                                                                                               \
        OSHMPI_SIGNAL_CHECK(checked_bytes(routine, nelems, ELEM_BYTES));                                                 \
        OSHMPI_C_CALL_AS(routine, detail::put_signal_bytes(ctx_ref(ctx), dest, source, nelems * (ELEM_BYTES),   \
                                               sig_addr, signal, static_cast<signal_op>(sig_op), pe)); \
    }                                                                                               \
    OSHMPI_C_DEFINE_PAIR(void, put##NAME##_signal_nbi,                                              \
                         (void* dest, const void* source, size_t nelems, uint64_t* sig_addr,        \
                          uint64_t signal, int sig_op, int pe),                                     \
                         (dest, source, nelems, sig_addr, signal, sig_op, pe))                      \
    {                                                                                               \
        OSHMPI_SIGNAL_CHECK(checked_bytes(routine, nelems, ELEM_BYTES));                                                 \
        OSHMPI_C_CALL_AS(routine, detail::put_signal_bytes_nbi(ctx_ref(ctx), dest, source, nelems * (ELEM_BYTES), \
                                                   sig_addr, signal, static_cast<signal_op>(sig_op), pe)); \
    }
#define OSHMPI_SIGNAL_SIZED_SHIMS(BITS) OSHMPI_SIGNAL_BYTE_SHIMS(BITS, BITS / 8)

OSHMPI_RMA_TYPES(OSHMPI_SIGNAL_SHIMS)
OSHMPI_RMA_SIZES(OSHMPI_SIGNAL_SIZED_SHIMS)
OSHMPI_SIGNAL_BYTE_SHIMS(mem, 1)

// shmem_signal_add and shmem_signal_set (OpenSHMEM 1.6): the signal update alone.
#define OSHMPI_SIGNAL_UPDATE_SHIM(OP)                                                               \
    OSHMPI_C_DEFINE_PAIR(void, signal_##OP, (uint64_t * sig_addr, uint64_t signal, int pe),          \
                         (sig_addr, signal, pe))                                                    \
    {                                                                                               \
        OSHMPI_C_CHECK(remote)(routine, ctx, sig_addr, sizeof(uint64_t), sig_addr, pe);             \
        OSHMPI_C_CALL_AS(routine, oshmpi::signal_##OP(ctx_ref(ctx), sig_addr, signal, pe));         \
    }
OSHMPI_SIGNAL_UPDATE_SHIM(add)
OSHMPI_SIGNAL_UPDATE_SHIM(set)

OSHMPI_C_DEFINE(uint64_t, signal_fetch, (const uint64_t* sig_addr))
{
    OSHMPI_C_CHECK(wait)(__func__ + 1, sig_addr, sizeof(uint64_t), SHMEM_CMP_EQ);
    OSHMPI_C_CALL(oshmpi::signal_fetch(sig_addr));
}

OSHMPI_C_DEFINE(uint64_t, signal_wait_until, (uint64_t * sig_addr, int cmp, uint64_t cmp_value))
{
    OSHMPI_C_CHECK(wait)(__func__ + 1, sig_addr, sizeof(uint64_t), cmp);
    OSHMPI_C_CALL(oshmpi::signal_wait_until(sig_addr, cmp_of(cmp), cmp_value));
}
