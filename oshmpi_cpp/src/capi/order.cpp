// C entry points of OpenSHMEM 1.5 section 9.11 (memory ordering).
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
