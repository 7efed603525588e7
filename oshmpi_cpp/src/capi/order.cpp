// C entry points of OpenSHMEM 1.6 section 9.11 (memory ordering).
#include "capi/shim.hpp"

using namespace oshmpi::capi;

OSHMPI_C_DEFINE(void, ctx_fence, (shmem_ctx_t ctx))
{
    OSHMPI_C_CALL(oshmpi::fence(ctx_ref(ctx)));
}
OSHMPI_C_DEFINE(void, ctx_quiet, (shmem_ctx_t ctx))
{
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
