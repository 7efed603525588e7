// shmem_team_split_strided and shmem_team_split_2d, over cached template communicators (see
// team_create.hpp for why).
#include "teams/team_create.hpp"

#include <sched.h>

#include <map>
#include <string>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "teams/node_area.hpp"
#include "teams/node_stage.hpp"
#include "transport/mpi_traits.hpp"

namespace oshmpi {

namespace detail {

namespace {

// World PEs of a set, in team order -> a communicator over exactly them.
std::map<std::vector<int>, MPI_Comm>& templates()
{
    static auto& cache = *new std::map<std::vector<int>, MPI_Comm>; // never destroyed: see core/setup.cpp
    return cache;
}

// A tag of our own for MPI_Comm_create_group, so it cannot match anything else on the parent.
constexpr int create_group_tag = 0x5e7;

std::string mpi_error_text(int rc)
{
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    MPI_Error_string(rc, text, &length);
    return std::string(text, static_cast<std::size_t>(length));
}

// Like complete(), but returns the error instead of throwing: a failed creation must still reach
// the agreement step so the other PEs learn of it.
int complete_returning_error(MPI_Request& request)
{
    for (;;) {
        int done = 0;
        int rc = MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (rc != MPI_SUCCESS || done) return rc;
        poke_progress();
        sched_yield();
    }
}

constexpr long every_config_bit = team_num_contexts;

void check_config(const team_config* config, long config_mask, const char* routine)
{
    if ((config_mask & ~every_config_bit) != 0)
        fail(errc::invalid_argument, "%s: unknown bits 0x%lx in config_mask", routine, config_mask & ~every_config_bit);
    if (config_mask != 0 && config == nullptr)
        fail(errc::invalid_argument, "%s: config_mask is 0x%lx but config is NULL", routine, config_mask);
    if ((config_mask & team_num_contexts) && config->num_contexts < 0)
        fail(errc::invalid_argument, "%s: config.num_contexts is %d (must be >= 0)", routine, config->num_contexts);
}

// The configuration the team keeps: the selected fields, defaults elsewhere.
team_config selected(const team_config* config, long config_mask)
{
    team_config kept;
    if (config_mask & team_num_contexts) kept.num_contexts = config->num_contexts;
    return kept;
}

} // namespace

int find_or_create_template(const std::vector<int>& members, MPI_Comm superset, MPI_Comm* result, bool* created)
{
    *created = false;
    auto cached = templates().find(members);
    if (cached != templates().end()) {
        *result = cached->second;
        return MPI_SUCCESS;
    }
    MPI_Group world_group, group;
    OSHMPI_MPI(MPI_Comm_group(state("team creation").world, &world_group));
    int rc = MPI_Group_incl(world_group, static_cast<int>(members.size()), members.data(), &group);
    MPI_Group_free(&world_group);
    OSHMPI_MPI(rc);
    MPI_Comm made = MPI_COMM_NULL;
    rc = MPI_Comm_create_group(superset, group, create_group_tag, &made);
    MPI_Group_free(&group);
    if (rc != MPI_SUCCESS) return rc;
    OSHMPI_MPI(MPI_Comm_set_errhandler(made, MPI_ERRORS_RETURN));
    templates().emplace(members, made);
    *result = made;
    *created = true;
    return MPI_SUCCESS;
}

team* create_team_over(team& parent, const std::vector<int>& members, const team_config& config, long config_mask,
                       bool predefined, const char* routine)
{
    state(routine);
    MPI_Comm comm = MPI_COMM_NULL;
    bool new_template = false;
    std::string why;
    int ok = 1;
    if (!members.empty()) {
        MPI_Comm tmpl = MPI_COMM_NULL;
        int rc = find_or_create_template(members, parent.comm, &tmpl, &new_template);
        if (rc != MPI_SUCCESS) {
            ok = 0;
            why = mpi_error_text(rc);
        }
        if (ok) {
            rc = duplicate_template(tmpl, &comm);
            if (rc != MPI_SUCCESS) {
                ok = 0;
                why = mpi_error_text(rc);
            }
        }
    }

    // Every PE of the parent learns whether every creation succeeded, so all return or all throw.
    int all_ok = 0;
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, parent.comm, &request));
    complete(request);
    if (!all_ok) {
        if (comm != MPI_COMM_NULL) MPI_Comm_free(&comm);
        if (new_template) {
            // Every member made it in this call, so every member drops it: the caches stay equal.
            auto cached = templates().find(members);
            MPI_Comm_free(&cached->second);
            templates().erase(cached);
        }
        fail(errc::out_of_resources, "%s: MPI cannot create another communicator (%s); destroy unused teams",
             routine, ok ? "failed on another PE" : why.c_str());
    }
    if (members.empty()) return nullptr;
    team* made = adopt_communicator(comm, config, config_mask, predefined);
    node_area::attach(*made);  // collective over the new team's members
    node_stage::attach(*made); // likewise
    return made;
}

void drop_template(const std::vector<int>& members)
{
    auto cached = templates().find(members);
    if (cached == templates().end()) return;
    MPI_Comm_free(&cached->second);
    templates().erase(cached);
}

int duplicate_template(MPI_Comm tmpl, MPI_Comm* result)
{
    // The nonblocking duplicate yields the core while it waits, where its errors reach us.
    int rc = MPI_SUCCESS;
    if (mpi_traits::comm_idup_reports_errors) {
        MPI_Request request;
        rc = MPI_Comm_idup(tmpl, result, &request);
        if (rc == MPI_SUCCESS) rc = complete_returning_error(request);
    } else {
        rc = MPI_Comm_dup(tmpl, result);
    }
    // A failed idup leaves a half-made handle that MPI may not let us free: drop it.
    if (rc != MPI_SUCCESS) *result = MPI_COMM_NULL;
    return rc;
}

void release_templates()
{
    for (auto& [members, comm] : templates()) MPI_Comm_free(&comm);
    templates().clear();
}

} // namespace detail

using detail::fail;

team* team_split_strided(team* parent, int start, int stride, int size, const team_config* config, long config_mask)
{
    constexpr const char* routine = "shmem_team_split_strided";
    team& p = detail::check_team(parent, routine);
    detail::check_config(config, config_mask, routine);
    if (size < 1) fail(errc::invalid_argument, "%s: size %d must be positive", routine, size);
    if (stride == 0 && size != 1)
        fail(errc::invalid_argument, "%s: stride 0 needs size 1, not %d", routine, size);
    long long last = start + static_cast<long long>(stride) * (size - 1);
    if (start < 0 || start >= p.n_pes || last < 0 || last >= p.n_pes)
        fail(errc::invalid_argument, "%s: start %d, stride %d, size %d reach PE %lld, outside the parent team [0, %d)",
             routine, start, stride, size, start < 0 || start >= p.n_pes ? static_cast<long long>(start) : last,
             p.n_pes);

    // Member i of the new team is parent PE start + i * stride.
    std::vector<int> members;
    long long offset = p.my_pe - start;
    bool member = stride == 0 ? offset == 0 : offset % stride == 0 && offset / stride >= 0 && offset / stride < size;
    if (member) {
        members.reserve(static_cast<std::size_t>(size));
        for (int i = 0; i < size; ++i)
            members.push_back(p.world_pe[static_cast<std::size_t>(start + static_cast<long long>(i) * stride)]);
    }
    return detail::create_team_over(p, members, detail::selected(config, config_mask), config_mask,
                                    /*predefined=*/false, routine);
}

std::pair<team*, team*> team_split_2d(team* parent, int xrange, const team_config* xconfig, long xconfig_mask,
                                      const team_config* yconfig, long yconfig_mask)
{
    constexpr const char* routine = "shmem_team_split_2d";
    team& p = detail::check_team(parent, routine);
    detail::check_config(xconfig, xconfig_mask, routine);
    detail::check_config(yconfig, yconfig_mask, routine);
    if (xrange < 1) fail(errc::invalid_argument, "%s: xrange %d must be positive", routine, xrange);
    // A row wider than the parent is the whole parent (and every column a single PE).
    int width = xrange < p.n_pes ? xrange : p.n_pes;
    int x = p.my_pe % width, y = p.my_pe / width;

    std::vector<int> row, column;
    for (int pe = y * width; pe < p.n_pes && pe < (y + 1) * width; ++pe)
        row.push_back(p.world_pe[static_cast<std::size_t>(pe)]);
    for (int pe = x; pe < p.n_pes; pe += width) column.push_back(p.world_pe[static_cast<std::size_t>(pe)]);

    team* xteam = detail::create_team_over(p, row, detail::selected(xconfig, xconfig_mask), xconfig_mask,
                                           /*predefined=*/false, routine);
    team* yteam = nullptr;
    try {
        yteam = detail::create_team_over(p, column, detail::selected(yconfig, yconfig_mask), yconfig_mask,
                                         /*predefined=*/false, routine);
    } catch (const error&) {
        team_destroy(xteam); // every PE reaches this together (create_team_over agreed on failure)
        throw;
    }
    return {xteam, yteam};
}

} // namespace oshmpi
