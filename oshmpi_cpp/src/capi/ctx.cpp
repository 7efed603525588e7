// C entry points of OpenSHMEM 1.5 section 9.5 (communication contexts). SHMEM_CTX_DEFAULT is
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
