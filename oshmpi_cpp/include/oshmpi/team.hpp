// Teams (OpenSHMEM 1.6 section 9.4): ordered subsets of the PEs, each backed by an MPI communicator.
// A team handle is a stable pointer, so the C API's shmem_team_t is a team*; nullptr is
// SHMEM_TEAM_INVALID. Every routine numbers PEs relative to the team it is given.
#pragma once

#include <mpi.h>

#include <utility>

namespace oshmpi {

struct team; // opaque: defined by the runtime (src/teams/team.hpp)

struct team_config {
    int num_contexts = 0; // contexts the program means to create on the team (a hint)
};
// Bits of a config mask, equal to the C API's SHMEM_TEAM_* values.
inline constexpr long team_num_contexts = 1L << 0; // SHMEM_TEAM_NUM_CONTEXTS

// The predefined teams: every PE, and the PEs that share memory with us.
[[nodiscard]] team* team_world();
[[nodiscard]] team* team_shared();

// Our number in `t`, and the size of `t`; -1 for the invalid team (nullptr).
[[nodiscard]] int team_my_pe(const team* t);
[[nodiscard]] int team_n_pes(const team* t);
// The number in `dest` of PE `src_pe` of `src`; -1 if it is not a member of `dest`, if `src_pe` is
// out of range, or if either team is invalid.
[[nodiscard]] int team_translate_pe(const team* src, int src_pe, const team* dest);
// The configuration `t` was created with, for the fields selected by `config_mask`; fields not
// selected keep their defaults.
[[nodiscard]] team_config team_get_config(const team* t, long config_mask);

// Collective over `parent`: the PEs start, start + stride, ..., start + (size - 1) * stride of the
// parent form the new team, in that order. Returns the new team, or nullptr on PEs that are not
// members. Bad arguments throw errc::invalid_argument on every PE of parent (checked before any MPI
// call, so all PEs agree); running out of MPI communicators throws errc::out_of_resources.
team* team_split_strided(team* parent, int start, int stride, int size, const team_config* config = nullptr,
                         long config_mask = 0);
// Collective over `parent`: splits it into rows of `xrange` consecutive PEs (the x teams) and the
// columns across them (the y teams). Returns {xteam, yteam}; either may be nullptr.
std::pair<team*, team*> team_split_2d(team* parent, int xrange, const team_config* xconfig, long xconfig_mask,
                                      const team_config* yconfig, long yconfig_mask);
// Collective over `t`: frees the team. The predefined teams cannot be destroyed (errc::invalid_argument).
void team_destroy(team* t);
// Whether `t` is a team alive on this PE (not null, not destroyed, not a forged handle). For the
// argument checks (shmem4py, the C API under SHMEM_DEBUG): the queries do not check it themselves.
[[nodiscard]] bool team_is_live(const team* t);

// A local address through which the symmetric `addr` on member `pe` of `t` can be loaded and
// stored (shmem_team_ptr, OpenSHMEM 1.6), or nullptr: the invalid team, a PE outside the team, an
// address outside symmetric memory, or a member reached only through MPI.
[[nodiscard]] void* team_ptr(const team* t, const void* addr, int pe);

// The team's MPI communicator (for mpi4py interop); owned by the team, do not free it.
[[nodiscard]] MPI_Comm team_comm(const team* t);
// Synchronizes the PEs of `t` (shmem_team_sync): local stores are visible, outstanding puts are not
// completed.
void team_sync(team* t);

} // namespace oshmpi
