// Creating teams without stalling oversubscribed PEs.
//
// MPI's communicator constructors (MPI_Comm_split, MPI_Comm_create_group) are blocking, and MPICH
// spins inside them without yielding: at 4 PEs on 2 cores one MPI_Comm_split costs about 40 ms.
// MPI_Comm_idup is nonblocking and can be driven by test-and-yield. So the first team over a given
// set of PEs builds a "template" communicator over exactly those PEs (MPI_Comm_create_group, only
// its members take part), cached until finalize; every team over that set is then an MPI_Comm_idup
// of the template. All members of a set see the same cache: a template exists on one member exactly
// when all members created it together.
#pragma once

#include <vector>

#include "teams/team.hpp"

namespace oshmpi::detail {

// Collective over `parent`: each PE passes the world PEs of the team it joins, in team order
// (empty if it joins none), so several disjoint teams may come out of one call. Every PE of the
// parent learns whether all creations succeeded; if any failed, none is kept and every PE throws
// errc::out_of_resources naming `routine`. Returns our new team or nullptr.
team* create_team_over(team& parent, const std::vector<int>& members, const team_config& config, long config_mask,
                       bool predefined, const char* routine);

// The cached template over `members` (world PEs, in order), made with MPI_Comm_create_group over
// `superset` by the members alone if missing. Returns the MPI error code of a failed creation.
int find_or_create_template(const std::vector<int>& members, MPI_Comm superset, MPI_Comm* result, bool* created);

// Frees and forgets the template over `members` if cached (after a creation that failed on some
// member, so that the caches stay equal).
void drop_template(const std::vector<int>& members);

// A team's own communicator over a template (nonblocking where MPI reports its failure to us).
// Returns the MPI error code; *result is MPI_COMM_NULL after a failure.
int duplicate_template(MPI_Comm tmpl, MPI_Comm* result);

// Frees the cached template communicators (finalize).
void release_templates();

} // namespace oshmpi::detail
