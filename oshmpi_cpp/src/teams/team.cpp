// The live teams, the predefined ones, and the team queries of OpenSHMEM 1.5 section 9.4.
#include "teams/team.hpp"

#include <oshmpi/setup.hpp>

#include <algorithm>
#include <atomic>
#include <memory>
#include <unordered_map>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/rank_translation.hpp"
#include "core/runtime.hpp"
#include "teams/node_collectives.hpp"
#include "teams/node_stage.hpp"
#include "teams/team_create.hpp"

namespace oshmpi {

namespace detail {

namespace {

// Every team alive on this PE, keyed by its handle, so a destroyed or foreign handle is caught.
std::unordered_map<const team*, std::unique_ptr<team>>& live_teams()
{
    // Never destroyed: see core/setup.cpp.
    static auto& teams = *new std::unordered_map<const team*, std::unique_ptr<team>>;
    return teams;
}

team* world_team = nullptr;
team* shared_team = nullptr;

constexpr long every_config_bit = team_num_contexts;

} // namespace

team* adopt_communicator(MPI_Comm comm, const team_config& config, long config_mask, bool predefined, bool owns_comm)
{
    runtime& rt = state("team creation");
    auto t = std::make_unique<team>();
    t->comm = comm;
    t->config = config;
    t->config_mask = config_mask;
    t->predefined = predefined;
    t->owns_comm = owns_comm;
    OSHMPI_MPI(MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN));
    OSHMPI_MPI(MPI_Comm_rank(comm, &t->my_pe));
    OSHMPI_MPI(MPI_Comm_size(comm, &t->n_pes));

    t->world_pe = ranks_in(comm, rt.world);

    team* handle = t.get();
    live_teams().emplace(handle, std::move(t));
    return handle;
}

void create_predefined_teams(runtime& rt)
{
    // Our own duplicates: team collectives never interleave with the runtime's internal ones.
    world_team = adopt_communicator(nonblocking_dup(rt.world), {}, 0, /*predefined=*/true);
    shared_team = adopt_communicator(nonblocking_dup(rt.node), {}, 0, /*predefined=*/true);
    node_area::create(rt);
    node_area::attach(*world_team);
    node_area::attach(*shared_team);
    node_stage::attach(*world_team); // TEAM_SHARED never spans nodes
}

void destroy_all_teams()
{
    forget_active_sets();
    for (auto& [handle, t] : live_teams()) {
        node_stage::detach(*t);
        if (t->owns_comm && t->comm != MPI_COMM_NULL) MPI_Comm_free(&t->comm);
    }
    live_teams().clear();
    world_team = shared_team = nullptr;
    release_templates();
    node_area::destroy();
}

team& check_team(team* t, const char* routine)
{
    state(routine);
    if (t == nullptr) fail(errc::invalid_argument, "%s: the team is SHMEM_TEAM_INVALID", routine);
    if (live_teams().count(t) == 0)
        fail(errc::invalid_argument, "%s: team handle %p is not a live team (destroyed?)", routine,
             static_cast<void*>(t));
    return *t;
}

} // namespace detail

using detail::check_team;
using detail::fail;

team* team_world()
{
    detail::state("team_world");
    return detail::world_team;
}

team* team_shared()
{
    detail::state("team_shared");
    return detail::shared_team;
}

int team_my_pe(const team* t)
{
    return t == nullptr ? -1 : t->my_pe;
}

int team_n_pes(const team* t)
{
    return t == nullptr ? -1 : t->n_pes;
}

int team_translate_pe(const team* src, int src_pe, const team* dest)
{
    if (src == nullptr || dest == nullptr || src_pe < 0 || src_pe >= src->n_pes) return -1;
    int world = src->world_pe[static_cast<std::size_t>(src_pe)];
    auto found = std::find(dest->world_pe.begin(), dest->world_pe.end(), world);
    return found == dest->world_pe.end() ? -1 : static_cast<int>(found - dest->world_pe.begin());
}

team_config team_get_config(const team* t, long config_mask)
{
    team& checked = check_team(const_cast<team*>(t), "shmem_team_get_config");
    if ((config_mask & ~detail::every_config_bit) != 0)
        fail(errc::invalid_argument, "shmem_team_get_config: unknown bits 0x%lx in config_mask",
             config_mask & ~detail::every_config_bit);
    team_config config;
    if (config_mask & team_num_contexts) config.num_contexts = checked.config.num_contexts;
    return config;
}

void team_destroy(team* t)
{
    team& checked = check_team(t, "shmem_team_destroy");
    if (checked.predefined)
        fail(errc::invalid_argument, "shmem_team_destroy: %s cannot be destroyed",
             t == detail::world_team    ? "SHMEM_TEAM_WORLD"
             : t == detail::shared_team ? "SHMEM_TEAM_SHARED"
                                        : "a predefined team");
    detail::node_stage::detach(checked);
    detail::node_area::detach(checked);
    if (checked.owns_comm) OSHMPI_MPI(MPI_Comm_free(&checked.comm));
    detail::live_teams().erase(t);
}

bool team_is_live(const team* t)
{
    return t != nullptr && detail::current_runtime() != nullptr && detail::live_teams().count(t) != 0;
}

void* team_ptr(const team* t, const void* addr, int pe)
{
    detail::state("team_ptr");
    if (t == nullptr || pe < 0 || pe >= t->n_pes) return nullptr;
    return ptr(addr, t->world_pe[static_cast<std::size_t>(pe)]);
}

MPI_Comm team_comm(const team* t)
{
    return check_team(const_cast<team*>(t), "team_comm").comm;
}

void team_sync(team* t)
{
    team& checked = check_team(t, "shmem_team_sync");
    // Local stores before the sync must be visible to the members after it (as sync_all).
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (detail::node_coll::usable(checked, nullptr, nullptr)) detail::node_coll::sync(checked);
    else if (detail::node_stage::usable(checked, nullptr, nullptr)) detail::node_stage::sync(checked);
    else detail::barrier(checked.comm);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

} // namespace oshmpi
