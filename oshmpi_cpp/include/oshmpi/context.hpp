// Communication contexts (OpenSHMEM 1.6 section 9.5). Every RMA, AMO and ordering routine takes a
// context first; the overloads without one use the default context.
#pragma once

#include <cstddef>
#include <cstdint>

namespace oshmpi {

// Opaque: defined by the runtime. Handles are stable pointers, so the C API's shmem_ctx_t is one.
struct context;

// Option bits, equal to the C API's SHMEM_CTX_* values.
enum ctx_option : long {
    ctx_serialized = 1L << 0,
    ctx_private = 1L << 1,
    ctx_nostore = 1L << 2,
};

[[nodiscard]] context& default_context();

struct team; // defined by the runtime's teams (<oshmpi/team.hpp>)

// Creates a context on the world team (ctx_create) or on a team (team_create_ctx). Options are
// ctx_option bits. Throws errc::out_of_resources or invalid_argument; never returns nullptr.
// A context on a team numbers PEs as that team does.
[[nodiscard]] context* ctx_create(long options);
[[nodiscard]] context* team_create_ctx(team* t, long options);
// Completes the context's outstanding operations, then frees it. Destroying the default context
// is an error.
void ctx_destroy(context* ctx);
// Whether `ctx` is the default context or a created context not yet destroyed. For the argument
// checks (the C API under SHMEM_DEBUG): RMA and AMOs do not check it themselves.
[[nodiscard]] bool context_is_live(const context* ctx);
// The team the context was created on; the default context and ctx_create contexts -> team_world().
[[nodiscard]] team* ctx_get_team(const context* ctx);

// Sessions (OpenSHMEM 1.6, shmem_ctx_session_start/stop): hints that a series of operations
// follows on a context. They never change what the operations do, complete or order; the runtime
// records them, and applies no batching of its own yet. Values equal to the C API's.
inline constexpr long ctx_session_batch = 1L << 0;     // SHMEM_CTX_SESSION_BATCH
inline constexpr long ctx_session_total_ops = 1L << 0; // SHMEM_CTX_SESSION_TOTAL_OPS (config mask)
struct session_config {
    std::size_t total_ops = SIZE_MAX; // the expected number of RMA calls in the session
};
struct session_state {
    bool active = false;
    long options = 0;
    std::size_t total_ops = SIZE_MAX;
};
// Starts a session, or adds `options` (bitwise OR) and the masked fields of `config` to the one
// already started. `config` is read only for the fields in `config_mask` (it may be null when the
// mask is 0); unknown option or mask bits are accepted (hints: no option is an error).
void ctx_session_start(context& ctx, long options, const session_config* config, long config_mask);
// Ends the session; on a context without one, does nothing.
void ctx_session_stop(context& ctx);
// The context's session hints as recorded.
[[nodiscard]] session_state ctx_session(const context& ctx);

} // namespace oshmpi
