// C entry points of OpenSHMEM 1.6 section 9.4 (teams). Routines that return a status report errors
// that way (with a message under SHMEM_DEBUG) instead of aborting.
#include "capi/shim.hpp"

using namespace oshmpi;
using namespace oshmpi::capi;

namespace {
team_config config_of(const shmem_team_config_t* config)
{
    team_config result;
    if (config != nullptr) result.num_contexts = config->num_contexts;
    return result;
}
} // namespace

OSHMPI_C_DEFINE(int, team_my_pe, (shmem_team_t team))
{
    OSHMPI_C_CALL(oshmpi::team_my_pe(team_ptr(team)));
}
OSHMPI_C_DEFINE(int, team_n_pes, (shmem_team_t team))
{
    OSHMPI_C_CALL(oshmpi::team_n_pes(team_ptr(team)));
}
OSHMPI_C_DEFINE(int, team_translate_pe, (shmem_team_t src_team, int src_pe, shmem_team_t dest_team))
{
    OSHMPI_C_CALL(oshmpi::team_translate_pe(team_ptr(src_team), src_pe, team_ptr(dest_team)));
}
OSHMPI_C_DEFINE(int, team_get_config, (shmem_team_t team, long config_mask, shmem_team_config_t* config))
{
    // OpenSHMEM 1.6: a zero mask asks for nothing, so config is not read and may be null.
    if (team == SHMEM_TEAM_INVALID) return -1;
    if (config_mask == 0) return 0;
    if (config == nullptr) return -1;
    OSHMPI_C_STATUS({
        team_config found = oshmpi::team_get_config(team_ptr(team), config_mask);
        if ((config_mask & SHMEM_TEAM_NUM_CONTEXTS) != 0) config->num_contexts = found.num_contexts;
    });
}

OSHMPI_C_DEFINE(int, team_split_strided,
                (shmem_team_t parent_team, int start, int stride, int size, const shmem_team_config_t* config,
                 long config_mask, shmem_team_t* new_team))
{
    *new_team = SHMEM_TEAM_INVALID;
    if (parent_team == SHMEM_TEAM_INVALID) return -1;
    team_config wanted = config_of(config);
    OSHMPI_C_STATUS(*new_team = team_handle(oshmpi::team_split_strided(
                        team_ptr(parent_team), start, stride, size, config != nullptr ? &wanted : nullptr,
                        config_mask)));
}

OSHMPI_C_DEFINE(int, team_split_2d,
                (shmem_team_t parent_team, int xrange, const shmem_team_config_t* xaxis_config,
                 long xaxis_mask, shmem_team_t* xaxis_team, const shmem_team_config_t* yaxis_config,
                 long yaxis_mask, shmem_team_t* yaxis_team))
{
    *xaxis_team = SHMEM_TEAM_INVALID;
    *yaxis_team = SHMEM_TEAM_INVALID;
    if (parent_team == SHMEM_TEAM_INVALID) return -1;
    team_config x = config_of(xaxis_config), y = config_of(yaxis_config);
    OSHMPI_C_STATUS({
        auto [xteam, yteam] = oshmpi::team_split_2d(team_ptr(parent_team), xrange,
                                                    xaxis_config != nullptr ? &x : nullptr, xaxis_mask,
                                                    yaxis_config != nullptr ? &y : nullptr, yaxis_mask);
        *xaxis_team = team_handle(xteam);
        *yaxis_team = team_handle(yteam);
    });
}

OSHMPI_C_DEFINE(void*, team_ptr, (shmem_team_t team, const void* dest, int pe))
{
    OSHMPI_C_CALL(oshmpi::team_ptr(team_ptr(team), dest, pe));
}

OSHMPI_C_DEFINE(void, team_destroy, (shmem_team_t team))
{
    if (team == SHMEM_TEAM_INVALID) return;
    OSHMPI_C_CALL(oshmpi::team_destroy(team_ptr(team)));
}
