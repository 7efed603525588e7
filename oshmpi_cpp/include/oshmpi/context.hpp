// Communication contexts (OpenSHMEM 1.5 section 9.5). Every RMA, AMO and ordering routine takes a
// context first; the overloads without one use the default context.
#pragma once

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
// The team the context was created on; the default context and ctx_create contexts -> team_world().
[[nodiscard]] team* ctx_get_team(const context* ctx);

} // namespace oshmpi
