// broadcast, collect, fcollect, alltoall and alltoalls (OpenSHMEM 1.5 sections 9.9.5-9.9.8): in
// shared memory when every member shares this node (node_collectives.hpp), broadcast in two stages
// (node, then MPI between node leaders: node_stage.hpp) for teams over several nodes, else MPI
// collectives on the team's communicator, straight over the symmetric buffers
// (teams/large_count.hpp chooses the blocking or the nonblocking form, see core/progress.hpp).
#include <oshmpi/collectives.hpp>

#include <cstdint>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "memory/segment.hpp"
#include "teams/checks.hpp"
#include "teams/large_count.hpp"
#include "teams/node_collectives.hpp"
#include "teams/node_stage.hpp"
#include "teams/team.hpp"

namespace oshmpi::detail {

void broadcast_bytes(team* t, void* dest, const void* source, std::size_t nbytes, int root, bool write_root_dest,
                     const char* routine)
{
    team& tm = check_team(t, routine);
    if (root < 0 || root >= tm.n_pes)
        fail(errc::invalid_pe, "%s: root %d is not a PE of the team [0, %d)", routine, root, tm.n_pes);
    check_symmetric(dest, nbytes, "dest", routine);
    check_symmetric(source, nbytes, "source", routine);
    // In place (dest == source) is a broadcast the root need not copy; a partial overlap would make
    // the root's own copy read what it has already overwritten.
    if (dest != source) check_disjoint(dest, nbytes, source, nbytes, routine);
    mpi_count count = to_mpi_count(nbytes, routine);
    if (node_coll::usable(tm, nbytes != 0 ? dest : nullptr, nullptr)) {
        node_coll::broadcast(tm, dest, source, nbytes, root, write_root_dest);
        return;
    }
    if (node_stage::usable(tm, nbytes != 0 ? dest : nullptr, nullptr)) {
        node_stage::broadcast(tm, dest, source, nbytes, root, write_root_dest);
        return;
    }

    void* buffer = dest;
    if (tm.my_pe == root) {
        if (!write_root_dest) buffer = const_cast<void*>(source); // MPI only reads the root's buffer
        else if (dest != source && nbytes != 0) std::memmove(dest, source, nbytes);
    }
    OSHMPI_MPI(bcast(buffer, count, MPI_BYTE, root, tm.comm));
}

void collect_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine)
{
    team& tm = check_team(t, routine);
    check_symmetric(source, nbytes, "source", routine);
    // dest's size is known only after the sizes are exchanged; the path depends on where it is.
    if (node_coll::usable(tm, segments().find(dest, 1) != nullptr ? dest : nullptr, nullptr)) {
        node_coll::collect(tm, dest, source, nbytes, routine);
        return;
    }
    auto n = static_cast<std::size_t>(tm.n_pes);

    // Every member's contribution, so each knows where the others' land.
    std::uint64_t mine = nbytes;
    std::vector<std::uint64_t> sizes(n);
    OSHMPI_MPI(allgather(&mine, 1, MPI_UINT64_T, sizes.data(), tm.comm));

    std::vector<mpi_count> counts(n);
    std::vector<mpi_displ> displs(n);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        counts[i] = to_mpi_count(sizes[i], routine);
        displs[i] = static_cast<mpi_displ>(to_mpi_count(total, routine));
        total += sizes[i];
    }
    check_symmetric(dest, total, "dest", routine);
    check_disjoint(dest, total, source, nbytes, routine);
    OSHMPI_MPI(allgatherv(source, counts[static_cast<std::size_t>(tm.my_pe)], dest, counts, displs, tm.comm));
}

void fcollect_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine)
{
    team& tm = check_team(t, routine);
    std::size_t total = nbytes * static_cast<std::size_t>(tm.n_pes);
    check_symmetric(source, nbytes, "source", routine);
    check_symmetric(dest, total, "dest", routine);
    check_disjoint(dest, total, source, nbytes, routine);
    to_mpi_count(total, routine);
    // Blocks small enough to travel in the flags' lines touch no other member's memory.
    if (node_coll::carries(tm, nbytes) || node_coll::usable(tm, nbytes != 0 ? dest : nullptr, nullptr)) {
        node_coll::fcollect(tm, dest, source, nbytes);
        return;
    }
    if (node_stage::usable(tm, nbytes != 0 ? dest : nullptr, nullptr)) {
        node_stage::fcollect(tm, dest, source, nbytes);
        return;
    }
    OSHMPI_MPI(allgather(source, to_mpi_count(nbytes, routine), MPI_BYTE, dest, tm.comm));
}

void alltoall_bytes(team* t, void* dest, const void* source, std::size_t nbytes, const char* routine)
{
    team& tm = check_team(t, routine);
    std::size_t total = nbytes * static_cast<std::size_t>(tm.n_pes);
    check_symmetric(source, total, "source", routine);
    check_symmetric(dest, total, "dest", routine);
    check_disjoint(dest, total, source, total, routine);
    to_mpi_count(total, routine);
    if (node_coll::usable(tm, nbytes != 0 ? dest : nullptr, nullptr)) {
        node_coll::alltoall(tm, dest, source, nbytes);
        return;
    }
    OSHMPI_MPI(alltoall(source, to_mpi_count(nbytes, routine), MPI_BYTE, dest, tm.comm));
}

void alltoalls_bytes(team* t, void* dest, const void* source, std::ptrdiff_t dst, std::ptrdiff_t sst,
                     std::size_t elem_size, std::size_t nelems, const char* routine)
{
    team& tm = check_team(t, routine);
    if (dst < 1 || sst < 1)
        fail(errc::invalid_argument, "%s: strides dst %td and sst %td must be at least 1", routine, dst, sst);
    // Block j of a buffer holds nelems elements `stride` apart; the blocks follow one another.
    auto span = [&](std::ptrdiff_t stride) -> std::size_t {
        std::size_t elements = nelems * static_cast<std::size_t>(tm.n_pes);
        return elements == 0 ? 0 : ((elements - 1) * static_cast<std::size_t>(stride) + 1) * elem_size;
    };
    check_symmetric(source, span(sst), "source", routine);
    check_symmetric(dest, span(dst), "dest", routine);
    check_disjoint(dest, span(dst), source, span(sst), routine);
    if (node_coll::usable(tm, nelems != 0 ? dest : nullptr, nullptr)) {
        node_coll::alltoalls(tm, dest, source, dst, sst, elem_size, nelems);
        return;
    }

    if (nelems == 0) {
        OSHMPI_MPI(alltoall(source, 0, MPI_BYTE, dest, tm.comm));
        return;
    }
    auto block_type = [&](std::ptrdiff_t stride) {
        auto bytes = static_cast<long long>(elem_size);
        return strided_bytes_type(to_mpi_count(nelems, routine), to_mpi_count(elem_size, routine), stride * bytes,
                                  static_cast<long long>(nelems) * stride * bytes);
    };
    MPI_Datatype source_type = block_type(sst);
    MPI_Datatype dest_type = block_type(dst);
    int rc = run_collective(
        [&] { return MPI_Alltoall(source, 1, source_type, dest, 1, dest_type, tm.comm); },
        [&](MPI_Request* request) { return MPI_Ialltoall(source, 1, source_type, dest, 1, dest_type, tm.comm, request); });
    MPI_Type_free(&source_type);
    MPI_Type_free(&dest_type);
    OSHMPI_MPI(rc);
}

} // namespace oshmpi::detail
