// Prefix sums over a team (OpenSHMEM 1.6 section 9.9: shmem_sum_inscan and shmem_sum_exscan):
// MPI_Scan and MPI_Exscan on the team's communicator (teams/large_count.hpp), in place when
// dest == source. Like the reductions beside it, the element's MPI datatype comes from the typed
// face (detail::reduce_datatype), so one body serves every type of Table 10's SUM column.
#include <oshmpi/collectives.hpp>

#include <cstring>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "teams/checks.hpp"
#include "teams/large_count.hpp"
#include "teams/team.hpp"

namespace oshmpi::detail {

void scan_elements(team* t, scan_kind kind, MPI_Datatype type, void* dest, const void* source, std::size_t nreduce,
                   const char* routine)
{
    team& tm = check_team(t, routine);
    int element_size = 0;
    OSHMPI_MPI(MPI_Type_size(type, &element_size));
    std::size_t nbytes = nreduce * static_cast<std::size_t>(element_size);
    check_symmetric(dest, nbytes, "dest", routine);
    check_symmetric(source, nbytes, "source", routine);
    bool in_place = dest == source;
    if (!in_place) check_disjoint(dest, nbytes, source, nbytes, routine);
    if (nreduce == 0) return;

    mpi_count count = to_mpi_count(nreduce, routine);
    const void* send = in_place ? MPI_IN_PLACE : source;
    if (kind == scan_kind::inclusive)
        OSHMPI_MPI(scan(send, dest, count, type, MPI_SUM, tm.comm));
    else
        OSHMPI_MPI(exscan(send, dest, count, type, MPI_SUM, tm.comm));
    // MPI leaves the exclusive scan's result on rank 0 undefined; the spec makes it zero. All-zero
    // bytes are zero for every type of the table (integers, IEEE floating point, complex).
    if (kind == scan_kind::exclusive && tm.my_pe == 0) std::memset(dest, 0, nbytes);
}

} // namespace oshmpi::detail
