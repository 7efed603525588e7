// The deprecated active sets (PE_start, logPE_stride, PE_size) of the pre-1.5 collectives: each is
// a team over a cached communicator that only its members create (MPI_Comm_create_group), kept
// until finalize, and the active-set barrier and sync on top of it.
#include <atomic>
#include <map>
#include <tuple>

#include <oshmpi/collectives.hpp>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "teams/node_collectives.hpp"
#include "teams/node_stage.hpp"
#include "teams/team.hpp"
#include "teams/team_create.hpp"

namespace oshmpi::detail {

namespace {

std::map<std::tuple<int, int, int>, team*>& active_set_teams()
{
    static auto& cache = *new std::map<std::tuple<int, int, int>, team*>; // never destroyed: see core/setup.cpp
    return cache;
}

} // namespace

team* active_set_team(active_set set, const char* routine)
{
    runtime& rt = state(routine);
    if (set.start < 0 || set.log_stride < 0 || set.log_stride > 30 || set.size < 1)
        fail(errc::invalid_argument, "%s: invalid active set PE_start %d, logPE_stride %d, PE_size %d", routine,
             set.start, set.log_stride, set.size);
    long long stride = 1LL << set.log_stride;
    long long last = set.start + stride * (set.size - 1);
    if (last >= rt.n_pes)
        fail(errc::invalid_argument, "%s: active set PE_start %d, logPE_stride %d, PE_size %d reaches PE %lld of %d",
             routine, set.start, set.log_stride, set.size, last, rt.n_pes);
    long long offset = rt.my_pe - set.start;
    if (offset < 0 || offset % stride != 0 || offset / stride >= set.size)
        fail(errc::invalid_argument, "%s: PE %d is not in the active set PE_start %d, logPE_stride %d, PE_size %d",
             routine, rt.my_pe, set.start, set.log_stride, set.size);
    // The whole world in order is TEAM_WORLD.
    if (set.start == 0 && (set.size == rt.n_pes && stride == 1)) return team_world();

    auto key = std::make_tuple(set.start, set.log_stride, set.size);
    auto cached = active_set_teams().find(key);
    if (cached != active_set_teams().end()) return cached->second;

    std::vector<int> members(static_cast<std::size_t>(set.size));
    for (int i = 0; i < set.size; ++i) members[static_cast<std::size_t>(i)] = static_cast<int>(set.start + stride * i);
    MPI_Comm comm = MPI_COMM_NULL;
    bool created = false;
    int rc = find_or_create_template(members, rt.world, &comm, &created);
    if (rc != MPI_SUCCESS)
        fail(errc::out_of_resources, "%s: MPI cannot create a communicator for the active set (%d, %d, %d)", routine,
             set.start, set.log_stride, set.size);
    // The template outlives the team (both go at finalize), so the team only borrows it.
    team* t = adopt_communicator(comm, {}, 0, /*predefined=*/true, /*owns_comm=*/false);
    node_area::attach(*t);  // collective over the active set
    node_stage::attach(*t); // likewise
    active_set_teams().emplace(key, t);
    return t;
}

void forget_active_sets()
{
    active_set_teams().clear();
}

void barrier_active_set(active_set set, const char* routine)
{
    team* t = active_set_team(set, routine);
    quiet_all_contexts();
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (node_coll::usable(*t, nullptr, nullptr)) node_coll::sync(*t);
    else barrier(t->comm);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

void sync_active_set(active_set set, const char* routine)
{
    team* t = active_set_team(set, routine);
    std::atomic_thread_fence(std::memory_order_seq_cst);
    if (node_coll::usable(*t, nullptr, nullptr)) node_coll::sync(*t);
    else barrier(t->comm);
    std::atomic_thread_fence(std::memory_order_seq_cst);
}

void throw_negative_count(const char* routine, long long count)
{
    fail(errc::invalid_argument, "%s: nreduce %lld is negative", routine, count);
}

} // namespace oshmpi::detail
