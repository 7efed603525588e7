// C entry points of OpenSHMEM 1.6 section 9.5 (communication contexts and their sessions). SHMEM_CTX_DEFAULT is
// defined with the other predefined handles in capi/setup.cpp.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

OSHMPI_C_DEFINE(int, ctx_create, (long options, shmem_ctx_t* ctx))
{
    *ctx = SHMEM_CTX_INVALID;
    OSHMPI_C_STATUS(*ctx = ctx_handle(oshmpi::ctx_create(options)));
}

OSHMPI_C_DEFINE(int, team_create_ctx, (shmem_team_t team, long options, shmem_ctx_t* ctx))
{
    *ctx = SHMEM_CTX_INVALID;
    if (team == SHMEM_TEAM_INVALID) return -1;
    OSHMPI_C_STATUS(*ctx = ctx_handle(oshmpi::team_create_ctx(team_ptr(team), options)));
}

// Destroying SHMEM_CTX_INVALID does nothing (spec 1.5, shmem_ctx_destroy).
OSHMPI_C_DEFINE(void, ctx_destroy, (shmem_ctx_t ctx))
{
    if (ctx == SHMEM_CTX_INVALID) return;
    OSHMPI_C_CALL(oshmpi::ctx_destroy(&ctx_ref(ctx)));
}

OSHMPI_C_DEFINE(int, ctx_get_team, (shmem_ctx_t ctx, shmem_team_t* team))
{
    if (team == nullptr) return -1;
    *team = SHMEM_TEAM_INVALID;
    if (ctx == SHMEM_CTX_INVALID) return -1;
    OSHMPI_C_STATUS(*team = team_handle(oshmpi::ctx_get_team(&ctx_ref(ctx))));
}

// Sessions are hints: on SHMEM_CTX_INVALID they do nothing (spec 1.6), and no option is an error.
OSHMPI_C_DEFINE(void, ctx_session_start,
                (shmem_ctx_t ctx, long options, const shmem_ctx_session_config_t* config, long config_mask))
{
    if (ctx == SHMEM_CTX_INVALID) return;
    session_config wanted;
    if (config != nullptr) wanted.total_ops = config->total_ops;
    OSHMPI_C_CALL(oshmpi::ctx_session_start(ctx_ref(ctx), options, config != nullptr ? &wanted : nullptr,
                                            config_mask));
}

OSHMPI_C_DEFINE(void, ctx_session_stop, (shmem_ctx_t ctx))
{
    if (ctx == SHMEM_CTX_INVALID) return;
    OSHMPI_C_CALL(oshmpi::ctx_session_stop(ctx_ref(ctx)));
}
