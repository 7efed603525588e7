// Team collectives in shared memory, for teams whose members all share this node (node_area.hpp
// gives such a team a slot of flags and staging buffers on every member).
//
// The spec lets a PE that enters a collective assume that every member's dest is ready to receive
// (1.5 section 9.9: "the dest array on all PEs ... is ready to accept the data"), and lets a PE call
// the next collective on the team as soon as it returns. So a PE pushes its part straight into the
// members' dest buffers through their mapped heaps (or globals) and raises its flag in each
// member's slot: broadcast, fcollect and alltoall(s) take one flag round; collect takes two (sizes,
// then data). Broadcasts of up to node_area::carried_bytes travel in a ring of lines per member
// instead, which the member copies into its own dest: the root runs up to node_area::ring_lines
// broadcasts ahead, and a collective that writes into members' memory directly first waits until
// each has copied out every earlier broadcast (so no late copy lands on top). fcollect blocks and reductions of up to node_area::carried_bytes per PE travel in
// the line of the flag that announces them instead (one round; each writer has two carrier flags
// per member, alternating by carrying collective, which all wait for every member). Reductions of
// up to node_area::stage_bytes per PE push copies of the sources into the members' staging
// buffers (one round; two buffers alternate, and since every reduction waits for every member,
// the buffer used two reductions ago has been read by all); larger ones read the sources in
// place, each member reducing one chunk for everyone (two rounds, so no source is read after its
// owner returns). Every member reduces in team order, so all get identical bits.
//
// A flag holds the team's flag-round count, which every member advances alike; each flag has one
// writer, so its value only grows, and a wait is for "reached", not "equal".
#pragma once

#include <mpi.h>

#include <cstddef>

#include "teams/fold.hpp"
#include "teams/team.hpp"

namespace oshmpi::detail::node_coll {

// Whether `t`'s collectives run here on buffers at these addresses (nullptr: no buffer). Every
// member gives the same answer for the same symmetric addresses.
[[nodiscard]] bool usable(const team& t, const void* first, const void* second) noexcept;
// Whether an fcollect or a reduction of `nbytes` per PE runs here whatever the buffers: its data
// travels in the flags' lines, and each member touches only its own dest and source.
[[nodiscard]] inline bool carries(const team& t, std::size_t nbytes) noexcept
{
    return t.n_pes == 1 || (t.shm_slot >= 0 && nbytes <= node_area::carried_bytes);
}

// One reduction's operator: MPI's, and our own step where fold.hpp has one (same bits).
struct reduction {
    MPI_Op op;
    MPI_Datatype type;
    std::size_t elem_size;
    fold_fn fold; // nullptr: MPI_Reduce_local
};

// The collectives. Arguments are checked by the caller, except collect's dest (known only once
// the sizes are exchanged: collect checks it and throws on every member alike).
void broadcast(team& t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest);
void collect(team& t, void* dest, const void* source, std::size_t nbytes, const char* routine);
void fcollect(team& t, void* dest, const void* source, std::size_t nbytes);
void alltoall(team& t, void* dest, const void* source, std::size_t nbytes);
void alltoalls(team& t, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst, std::size_t elem_size,
               std::size_t nelems);
// Element-wise reduction with MPI's own operator (MPI_Reduce_local) or a step that gives the same
// bits (fold.hpp), so results match the MPI path.
void reduce(team& t, const reduction& r, void* dest, const void* source, std::size_t nreduce);
// Member 0 reduces every member's source, in team order, into its own dest (MPI's operator);
// the others only announce that their source is readable and return at once, leaving their dest
// alone. Their source must stay readable until a broadcast from member 0 that follows reaches
// them (node_stage.hpp: the stage between nodes runs in between).
void reduce_into_first(team& t, MPI_Op op, MPI_Datatype type, std::size_t elem_size, void* dest,
                       const void* source, std::size_t nreduce);
// Every member copies its `nbytes` of source into member 0's dest at byte `offset` (its own
// offset, as the caller places it) and announces it; member 0 returns once all are in, the others
// at once, leaving their dest alone until a broadcast from member 0 that follows.
void gather_into_first(team& t, void* dest, const void* source, std::size_t nbytes, std::size_t offset);
// Returns once every member has called it; memory ordering as a barrier (no quiet).
void sync(team& t);

} // namespace oshmpi::detail::node_coll
