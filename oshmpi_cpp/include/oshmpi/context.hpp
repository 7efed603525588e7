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

} // namespace oshmpi
