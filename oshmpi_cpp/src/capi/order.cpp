// C entry points of OpenSHMEM 1.6 section 9.11 (memory ordering).
#include "capi/shim.hpp"

using namespace oshmpi::capi;

// Fence and quiet on SHMEM_CTX_INVALID do nothing: no operation was ever issued on it, so there is
// nothing to order or complete. The specification leaves only RMA and AMOs on an invalid context
// undefined, and its own example (shmem_team_context) quiets the context of a team the calling PE
// is not in, which shmem_team_create_ctx set to SHMEM_CTX_INVALID.
OSHMPI_C_DEFINE(void, ctx_fence, (shmem_ctx_t ctx))
{
    if (ctx == SHMEM_CTX_INVALID) return;
    OSHMPI_C_CALL(oshmpi::fence(ctx_ref(ctx)));
}
OSHMPI_C_DEFINE(void, ctx_quiet, (shmem_ctx_t ctx))
{
    if (ctx == SHMEM_CTX_INVALID) return;
    OSHMPI_C_CALL(oshmpi::quiet(ctx_ref(ctx)));
}
OSHMPI_C_DEFINE(void, fence, (void))
{
    OSHMPI_C_CALL(oshmpi::fence());
}
OSHMPI_C_DEFINE(void, quiet, (void))
{
    OSHMPI_C_CALL(oshmpi::quiet());
}
// shmem_pe_quiet (OpenSHMEM 1.6). On SHMEM_CTX_INVALID, as the ordering routines, it does nothing.
OSHMPI_C_DEFINE_PAIR(void, pe_quiet, (const int* target_pes, size_t npes), (target_pes, npes))
{
    static_cast<void>(routine);
    if (ctx == SHMEM_CTX_INVALID) return;
    OSHMPI_C_CALL_AS(routine, oshmpi::pe_quiet(ctx_ref(ctx), target_pes, npes));
}
