// What every C entry point shares: the definition macro (pshmem_* is the real symbol, shmem_* a
// weak alias a profiling tool may replace), the one place where oshmpi::error becomes an abort or a
// status code, the handle conversions, and the SHMEM_DEBUG argument checks.
#pragma once

#include <shmem.h>
#include <pshmem.h>

#include <cstddef>
#include <exception>

#include <oshmpi/shmem.hpp>

// Defines pshmem_<name> (the body follows) and makes shmem_<name> a weak alias of it.
#define OSHMPI_C_DEFINE(ret, name, params)                                                          \
    extern "C" ret shmem_##name params __attribute__((weak, alias("pshmem_" #name)));               \
    extern "C" ret pshmem_##name params

// Defines shmem_<name> and shmem_ctx_<name> (the plain form on the default context) from one body,
// which follows the macro as the body of a static function receiving `routine` (the C name the
// program called, for error messages) and `ctx`.
#define OSHMPI_C_DEFINE_PAIR(ret, name, params, args)                                               \
    static inline ret oshmpi_body_##name(const char* routine, shmem_ctx_t ctx, OSHMPI_UNPAREN params); \
    OSHMPI_C_DEFINE(ret, name, params)                                                              \
    {                                                                                               \
        return oshmpi_body_##name(__func__ + 1, SHMEM_CTX_DEFAULT, OSHMPI_UNPAREN args);            \
    }                                                                                               \
    OSHMPI_C_DEFINE(ret, ctx_##name, (shmem_ctx_t ctx, OSHMPI_UNPAREN params))                      \
    {                                                                                               \
        return oshmpi_body_##name(__func__ + 1, ctx, OSHMPI_UNPAREN args);                          \
    }                                                                                               \
    static inline ret oshmpi_body_##name(const char* routine, shmem_ctx_t ctx, OSHMPI_UNPAREN params)

// Runs `expr` and returns its value; an oshmpi::error aborts the job naming the C routine. Inside
// a pshmem_* definition, __func__ + 1 is the shmem_* name the program called.
#define OSHMPI_C_CALL(...) OSHMPI_C_CALL_AS(__func__ + 1, __VA_ARGS__)
#define OSHMPI_C_CALL_AS(routine, ...) return ::oshmpi::capi::call(routine, [&] { return __VA_ARGS__; })
// For the routines whose specification returns a status: 0, or nonzero after an error.
#define OSHMPI_C_STATUS(...) return ::oshmpi::capi::status(__func__ + 1, [&] { __VA_ARGS__; })
// The SHMEM_DEBUG checks: one predictable branch when they are off.
#define OSHMPI_C_CHECK(what)                                                                        \
    if (::oshmpi::capi::debug_checks) [[unlikely]]                                                  \
    ::oshmpi::capi::check_##what

namespace oshmpi::capi {

// Prints "<routine>: <message>" and ends every PE with a non-zero status.
[[noreturn]] void abort_call(const char* routine, const char* message) noexcept;
// Prints "<routine>: <message>" when SHMEM_DEBUG is on (status-returning routines report, not abort).
void report(const char* routine, const char* message) noexcept;

// SHMEM_DEBUG, read by shmem_init.
extern bool debug_checks __attribute__((visibility("hidden")));

template <class Body>
inline auto call(const char* routine, Body&& body) noexcept -> decltype(body())
{
    try {
        return body();
    } catch (const std::exception& e) {
        abort_call(routine, e.what());
    }
}

template <class Body>
inline int status(const char* routine, Body&& body) noexcept
{
    try {
        body();
        return 0;
    } catch (const oshmpi::error& e) {
        report(routine, e.what());
        return static_cast<int>(e.code()) + 1;
    } catch (const std::exception& e) {
        abort_call(routine, e.what());
    }
}

[[noreturn]] void throw_invalid_context();

inline context& ctx_ref(shmem_ctx_t ctx)
{
    if (ctx == SHMEM_CTX_INVALID) [[unlikely]]
        throw_invalid_context();
    return *reinterpret_cast<context*>(ctx);
}
inline shmem_ctx_t ctx_handle(context* ctx) noexcept
{
    return reinterpret_cast<shmem_ctx_t>(ctx);
}
// SHMEM_TEAM_WORLD and SHMEM_TEAM_SHARED are constants (shmem.h) standing for the current
// initialization's teams; every other handle is the team's address.
inline team* team_ptr(shmem_team_t team) noexcept
{
    if (team == SHMEM_TEAM_WORLD) [[unlikely]]
        return oshmpi::initialized() ? oshmpi::team_world() : nullptr;
    if (team == SHMEM_TEAM_SHARED) [[unlikely]]
        return oshmpi::initialized() ? oshmpi::team_shared() : nullptr;
    return reinterpret_cast<oshmpi::team*>(team);
}
inline shmem_team_t team_handle(team* t) noexcept
{
    if (t != nullptr && oshmpi::initialized()) {
        if (t == oshmpi::team_world()) return SHMEM_TEAM_WORLD;
        if (t == oshmpi::team_shared()) return SHMEM_TEAM_SHARED;
    }
    return reinterpret_cast<shmem_team_t>(t);
}
inline cmp cmp_of(int c) noexcept
{
    return static_cast<cmp>(c);
}

// SHMEM_DEBUG checks; each aborts naming `routine` and the bad value.
// A remote access of `nbytes` at `remote` on `pe` from/to the local buffer `local`.
void check_remote(const char* routine, shmem_ctx_t ctx, const void* remote, std::size_t nbytes,
                  const void* local, int pe);
// A wait on this PE's symmetric `ivars` (`nbytes` of them) with comparison `cmp`.
void check_wait(const char* routine, const void* ivars, std::size_t nbytes, int cmp);
// A collective on `team` over the symmetric buffers dest and source.
void check_collective(const char* routine, shmem_team_t team, const void* dest, std::size_t dest_bytes,
                      const void* source, std::size_t source_bytes);
void check_signal_op(const char* routine, int sig_op);
void check_initialized(const char* routine);
// nelems * elem_size, for the checks above; aborts naming nelems when the product overflows (a
// wrapped size would be checked, and then moved, as a small one).
std::size_t checked_bytes(const char* routine, std::size_t nelems, std::size_t elem_size);

} // namespace oshmpi::capi
