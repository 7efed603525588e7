// Team collectives in two stages, for teams whose members span nodes with several members on some
// node: a stage over shared memory among each node's members (node_collectives.hpp, on a
// node-local part of the team with its own node_area slot), and MPI among one leader per node (the
// node's lowest-numbered member) on a communicator of the leaders alone.
//   - sync: node sync, MPI barrier over the leaders, node release (a broadcast of nothing);
//   - broadcast: the root's node broadcast (so its leader holds the data), MPI broadcast over the
//     leaders, then a node broadcast from each other node's leader;
//   - reductions: each leader reduces its node's sources in place (team order), MPI allreduce over
//     the leaders with the same MPI operator, then a node broadcast of the result;
//   - fcollect: each node's members copy their blocks into their leader's dest (team offsets), the
//     leaders exchange their nodes' blocks (MPI allgatherv, packed by node), then a node broadcast.
// Every member's answer depends only on the team, so all agree on the path. Buffers must be on the
// symmetric heap: every node maps it for all of its PEs, whereas a node that could not move its
// globals onto shared pages reaches them through MPI, and the nodes' answers would differ.
#pragma once

#include <mpi.h>

#include <cstddef>

#include "teams/team.hpp"

namespace oshmpi::detail::node_stage {

// Collective over `t`'s members (after node_area::attach): gives `t` its node part and, on
// leaders, the leaders' communicator, when the members span nodes, some node holds several of
// them, OSHMPI_NODE_STAGE is on and every node part gets a slot. Otherwise nothing changes (the
// team keeps MPI alone); failures to create communicators fall back the same way, on every member.
void attach(team& t);
// Frees what attach made (local; the team's collectives are complete).
void detach(team& t);

// Whether `t`'s collectives take the two stages for buffers at these addresses (nullptr: none).
[[nodiscard]] bool usable(const team& t, const void* first, const void* second) noexcept;

void sync(team& t);
void broadcast(team& t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest);
void fcollect(team& t, void* dest, const void* source, std::size_t nbytes);
void reduce(team& t, MPI_Op op, MPI_Datatype type, std::size_t elem_size, void* dest, const void* source,
            std::size_t nreduce);

} // namespace oshmpi::detail::node_stage
