#include "teams/node_stage.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/runtime.hpp"
#include "memory/segment.hpp"
#include "teams/large_count.hpp"
#include "teams/node_area.hpp"
#include "teams/node_collectives.hpp"
#include "teams/team_create.hpp"

namespace oshmpi::detail::node_stage {

namespace {

// Whether every member of `t` says yes (collective over t.comm).
bool all_agree(const team& t, bool mine)
{
    int yes = mine ? 1 : 0;
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallreduce(MPI_IN_PLACE, &yes, 1, MPI_INT, MPI_MIN, t.comm, &request));
    complete(request);
    return yes != 0;
}

// Our communicator over `members` (world PEs; we are one of them), from the cached template.
// Returns the MPI error code; *comm stays MPI_COMM_NULL after a failure.
int communicator_over(const std::vector<int>& members, MPI_Comm superset, MPI_Comm* comm, bool* new_template)
{
    MPI_Comm tmpl = MPI_COMM_NULL;
    int rc = find_or_create_template(members, superset, &tmpl, new_template);
    if (rc == MPI_SUCCESS) rc = duplicate_template(tmpl, comm);
    return rc;
}

void free_comm(MPI_Comm& comm)
{
    if (comm != MPI_COMM_NULL) MPI_Comm_free(&comm);
}

} // namespace

void attach(team& t)
{
    runtime& rt = state("team creation");
    if (t.n_pes < 2 || !rt.env.node_stage) return;
    // Sharing a node is symmetric, so whether the team spans nodes is known alike on every member.
    auto on_our_node = [&](int member) {
        return rt.node_rank_of_pe[static_cast<std::size_t>(t.world_pe[static_cast<std::size_t>(member)])] >= 0;
    };
    int our_leader = -1;
    bool spans = false;
    for (int m = 0; m < t.n_pes; ++m) {
        if (!on_our_node(m)) spans = true;
        else if (our_leader < 0) our_leader = m;
    }
    if (!spans) return;

    // Every member's node leader (its node's lowest member), and whether its node has the areas.
    const auto n = static_cast<std::size_t>(t.n_pes);
    int mine[2] = {our_leader, node_area::available() ? 1 : 0};
    std::vector<int> all(2 * n);
    MPI_Request request;
    OSHMPI_MPI(MPI_Iallgather(mine, 2, MPI_INT, all.data(), 2, MPI_INT, t.comm, &request));
    complete(request);
    bool areas_everywhere = true, some_node_shared = false;
    for (std::size_t i = 0; i < n; ++i) {
        areas_everywhere = areas_everywhere && all[2 * i + 1] != 0;
        some_node_shared = some_node_shared || all[2 * i] != static_cast<int>(i);
    }
    if (!areas_everywhere || !some_node_shared) return; // one member per node: MPI alone is the plan

    std::vector<int> leader_rank_of(n), node_rank_of(n), rank_in_leaders(n, -1), in_node(n, 0);
    std::vector<int> leader_pes, node_pes;
    for (std::size_t i = 0; i < n; ++i)
        if (all[2 * i] == static_cast<int>(i)) {
            rank_in_leaders[i] = static_cast<int>(leader_pes.size());
            leader_pes.push_back(t.world_pe[i]);
        }
    for (std::size_t i = 0; i < n; ++i) {
        auto leader = static_cast<std::size_t>(all[2 * i]);
        leader_rank_of[i] = rank_in_leaders[leader];
        node_rank_of[i] = in_node[leader]++;
        if (static_cast<int>(leader) == our_leader) node_pes.push_back(t.world_pe[i]);
    }
    const bool leading = our_leader == t.my_pe;

    // The communicators: the node part's (when it has several members) and the leaders'.
    auto part = std::make_unique<team>();
    part->n_pes = static_cast<int>(node_pes.size());
    part->my_pe = node_rank_of[static_cast<std::size_t>(t.my_pe)];
    part->world_pe = node_pes;
    part->predefined = true;
    MPI_Comm leaders = MPI_COMM_NULL;
    bool new_node_template = false, new_leaders_template = false;
    bool made = true;
    if (part->n_pes > 1)
        made = communicator_over(node_pes, t.comm, &part->comm, &new_node_template) == MPI_SUCCESS;
    if (made && leading) made = communicator_over(leader_pes, t.comm, &leaders, &new_leaders_template) == MPI_SUCCESS;
    if (!all_agree(t, made)) {
        free_comm(part->comm);
        free_comm(leaders);
        // Templates made in this call by some members only would leave the caches unequal.
        if (new_node_template) drop_template(node_pes);
        if (new_leaders_template) drop_template(leader_pes);
        return;
    }
    if (part->n_pes > 1) {
        OSHMPI_MPI(MPI_Comm_set_errhandler(part->comm, MPI_ERRORS_RETURN));
        node_area::attach(*part); // collective over our node's members
    }
    if (!all_agree(t, part->n_pes == 1 || part->shm_slot >= 0)) {
        node_area::detach(*part);
        free_comm(part->comm);
        free_comm(leaders);
        return;
    }
    t.node_part = std::move(part);
    t.leaders = leaders;
    t.leader_rank_of = std::move(leader_rank_of);
    t.node_rank_of = std::move(node_rank_of);
}

void detach(team& t)
{
    if (!t.node_part) return;
    node_area::detach(*t.node_part);
    free_comm(t.node_part->comm);
    free_comm(t.leaders);
    t.node_part.reset();
    t.leader_rank_of.clear();
    t.node_rank_of.clear();
}

bool usable(const team& t, const void* first, const void* second) noexcept
{
    if (!t.node_part) return false;
    const segment* heap = segments().all().front().get();
    for (const void* address : {first, second})
        if (address != nullptr && segments().find(address, 0) != heap) return false;
    return true;
}

void sync(team& t)
{
    team& part = *t.node_part;
    node_coll::sync(part);
    if (t.leaders != MPI_COMM_NULL) mpi_barrier(t.leaders);
    node_coll::broadcast(part, nullptr, nullptr, 0, 0, false); // the leader releases its node
}

void broadcast(team& t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest)
{
    team& part = *t.node_part;
    const int root_leader = t.leader_rank_of[static_cast<std::size_t>(root)];
    const mpi_count count = static_cast<mpi_count>(nbytes); // checked by the caller
    if (t.leader_rank_of[static_cast<std::size_t>(t.my_pe)] == root_leader) {
        // The root's node: the node stage gives our leader the data (in its dest, unless it is the
        // root and keeps its dest), which it then sends to the other leaders.
        node_coll::broadcast(part, dest, source, nbytes, t.node_rank_of[static_cast<std::size_t>(root)],
                             write_root_dest);
        if (t.leaders == MPI_COMM_NULL) return;
        void* from = t.my_pe == root && !write_root_dest ? const_cast<void*>(source) : dest;
        OSHMPI_MPI(bcast(from, count, MPI_BYTE, root_leader, t.leaders));
        return;
    }
    if (t.leaders != MPI_COMM_NULL) OSHMPI_MPI(bcast(dest, count, MPI_BYTE, root_leader, t.leaders));
    node_coll::broadcast(part, dest, dest, nbytes, 0, true);
}

void fcollect(team& t, void* dest, const void* source, std::size_t nbytes)
{
    team& part = *t.node_part;
    const auto n = static_cast<std::size_t>(t.n_pes);
    char* out = static_cast<char*>(dest);
    node_coll::gather_into_first(part, dest, source, nbytes, static_cast<std::size_t>(t.my_pe) * nbytes);
    if (t.leaders != MPI_COMM_NULL && nbytes != 0) {
        // A node's members need not be contiguous in team order: each leader packs its node's
        // blocks (team order), the leaders gather the packs, and each unpacks them into place.
        int n_leaders = 0;
        OSHMPI_MPI(MPI_Comm_size(t.leaders, &n_leaders));
        const int ours = t.leader_rank_of[static_cast<std::size_t>(t.my_pe)];
        std::vector<mpi_count> counts(static_cast<std::size_t>(n_leaders), 0);
        for (int leader : t.leader_rank_of) counts[static_cast<std::size_t>(leader)] += static_cast<mpi_count>(nbytes);
        std::vector<mpi_displ> displs(counts.size(), 0);
        for (std::size_t l = 1; l < counts.size(); ++l) displs[l] = displs[l - 1] + static_cast<mpi_displ>(counts[l - 1]);
        std::vector<char> packed(n * nbytes), ours_packed;
        ours_packed.reserve(static_cast<std::size_t>(counts[static_cast<std::size_t>(ours)]));
        for (std::size_t i = 0; i < n; ++i)
            if (t.leader_rank_of[i] == ours) ours_packed.insert(ours_packed.end(), out + i * nbytes, out + (i + 1) * nbytes);
        OSHMPI_MPI(allgatherv(ours_packed.data(), counts[static_cast<std::size_t>(ours)], packed.data(), counts, displs,
                              t.leaders));
        std::vector<mpi_displ> cursor = displs;
        for (std::size_t i = 0; i < n; ++i) {
            auto leader = static_cast<std::size_t>(t.leader_rank_of[i]);
            if (static_cast<int>(leader) != ours)
                std::memcpy(out + i * nbytes, packed.data() + cursor[leader], nbytes);
            cursor[leader] += static_cast<mpi_displ>(nbytes);
        }
    }
    node_coll::broadcast(part, dest, dest, n * nbytes, 0, true);
}

void reduce(team& t, MPI_Op op, MPI_Datatype type, std::size_t elem_size, void* dest, const void* source,
            std::size_t nreduce)
{
    team& part = *t.node_part;
    node_coll::reduce_into_first(part, op, type, elem_size, dest, source, nreduce);
    if (t.leaders != MPI_COMM_NULL)
        OSHMPI_MPI(allreduce(MPI_IN_PLACE, dest, static_cast<mpi_count>(nreduce), type, op, t.leaders));
    // Also what lets the others return: their sources have been read by now.
    node_coll::broadcast(part, dest, dest, nreduce * elem_size, 0, true);
}

} // namespace oshmpi::detail::node_stage
