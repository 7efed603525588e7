// What a team is inside the runtime: an MPI communicator over its members plus the numbers every
// team routine needs without asking MPI (our rank, the size, each member's world PE).
#pragma once

#include <mpi.h>

#include <memory>
#include <vector>

#include <oshmpi/team.hpp>

#include "teams/node_area.hpp"

namespace oshmpi {

struct team {
    MPI_Comm comm = MPI_COMM_NULL; // members only, in team order; MPI_ERRORS_RETURN
    int my_pe = -1;                // our number in the team
    int n_pes = 0;
    team_config config;            // as given at creation, fields outside config_mask at defaults
    long config_mask = 0;
    std::vector<int> world_pe;     // world_pe[i] is the world PE of member i
    bool predefined = false;       // TEAM_WORLD, TEAM_SHARED and active-set teams: not destroyable
    bool owns_comm = true;         // active-set teams borrow a cached communicator

    // Node-local collectives (teams/node_collectives.hpp), when every member shares this node:
    int shm_slot = -1;                // our slot in every member's control area, or -1
    std::uint32_t shm_epoch = 0;      // flag rounds of this team's collectives so far
    std::uint32_t shm_staged = 0;     // staged reductions so far (picks the staging buffer)
    std::uint32_t shm_carried = 0;    // carrying collectives so far (picks the carrier flag)
    std::uint32_t shm_rung = 0;       // broadcasts carried in the members' rings so far
    std::uint32_t shm_ring_taken = 0; // every member has taken at least this many of them in
    std::vector<detail::node_area::slot_view> shm_member; // member i's slot, mapped here
    // What a member waits for in the rounds where every member raises before it waits, with each
    // flag's writer (shared_flag.hpp's await_all): the other members' flags in our slot, and their
    // carrier flags by parity.
    std::vector<detail::awaited_flag> shm_flags_in;
    std::vector<detail::awaited_flag> shm_carriers_in[2];

    // Two-stage collectives (teams/node_stage.hpp), when the members span nodes and some node
    // holds several of them:
    std::unique_ptr<team> node_part;  // our node's members, in team order, with a node_area slot
    MPI_Comm leaders = MPI_COMM_NULL; // each node's lowest member, in team order; on leaders only
    std::vector<int> leader_rank_of;  // member i -> its node leader's rank in `leaders`
    std::vector<int> node_rank_of;    // member i -> its rank in its node's part
};

namespace detail {

struct runtime;

// Creates TEAM_WORLD and TEAM_SHARED over the runtime's communicators (called by init, after the heap).
void create_predefined_teams(runtime& rt);
// Frees every team still alive, the predefined and active-set ones included (called by finalize,
// before the world communicator is freed).
void destroy_all_teams();

// Throws errc::invalid_argument naming `routine` when `t` is the invalid team; returns *t.
team& check_team(team* t, const char* routine);

// Builds a team over `comm` (owned by the team unless `owns_comm` is false; MPI_ERRORS_RETURN is set
// on it): fills in our rank, the size and the members' world PEs, and registers it. Local.
team* adopt_communicator(MPI_Comm comm, const team_config& config, long config_mask, bool predefined,
                         bool owns_comm = true);

// Forgets the cached active-set teams (finalize; the teams themselves go with destroy_all_teams).
void forget_active_sets();

} // namespace detail

} // namespace oshmpi
