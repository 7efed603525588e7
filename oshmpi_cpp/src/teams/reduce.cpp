// Reductions over a team (OpenSHMEM 1.5 section 9.9.9): in shared memory when every member shares
// this node (node_collectives.hpp, with MPI's own operators), in two stages for teams over several
// nodes (node_stage.hpp: each node's leader reduces its node, MPI allreduce among the leaders,
// node broadcast), else MPI_Allreduce on the team's
// communicator, in place when dest == source. The element's MPI datatype comes from the typed face
// (detail::reduce_datatype), so one body serves every type of the reduction tables.
#include <oshmpi/collectives.hpp>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "teams/checks.hpp"
#include "teams/fold.hpp"
#include "teams/large_count.hpp"
#include "teams/node_collectives.hpp"
#include "teams/node_stage.hpp"
#include "teams/team.hpp"

namespace oshmpi::detail {

namespace {

bool is_complex(MPI_Datatype type)
{
    return type == MPI_C_FLOAT_COMPLEX || type == MPI_C_DOUBLE_COMPLEX || type == MPI_C_LONG_DOUBLE_COMPLEX;
}

bool is_floating(MPI_Datatype type)
{
    return type == MPI_FLOAT || type == MPI_DOUBLE || type == MPI_LONG_DOUBLE;
}

const char* name_of(reduce_op op)
{
    switch (op) {
    case reduce_op::bit_and: return "and";
    case reduce_op::bit_or: return "or";
    case reduce_op::bit_xor: return "xor";
    case reduce_op::max: return "max";
    case reduce_op::min: return "min";
    case reduce_op::sum: return "sum";
    case reduce_op::prod: return "prod";
    }
    return "?";
}

MPI_Op mpi_op(reduce_op op, MPI_Datatype type, const char* routine)
{
    bool bitwise = op == reduce_op::bit_and || op == reduce_op::bit_or || op == reduce_op::bit_xor;
    if (bitwise && (is_complex(type) || is_floating(type)))
        fail(errc::invalid_argument, "%s: the %s reduction takes integer types only", routine, name_of(op));
    if ((op == reduce_op::max || op == reduce_op::min) && is_complex(type))
        fail(errc::invalid_argument, "%s: the %s reduction does not take complex types", routine, name_of(op));
    switch (op) {
    case reduce_op::bit_and: return MPI_BAND;
    case reduce_op::bit_or: return MPI_BOR;
    case reduce_op::bit_xor: return MPI_BXOR;
    case reduce_op::max: return MPI_MAX;
    case reduce_op::min: return MPI_MIN;
    case reduce_op::sum: return MPI_SUM;
    case reduce_op::prod: return MPI_PROD;
    }
    fail(errc::invalid_argument, "%s: unknown reduction %d", routine, static_cast<int>(op));
}

} // namespace

void reduce_elements(team* t, reduce_op op, MPI_Datatype type, void* dest, const void* source, std::size_t nreduce,
                     const char* routine)
{
    team& tm = check_team(t, routine);
    MPI_Op mop = mpi_op(op, type, routine);
    const fold_choice native = native_fold(op, type);
    std::size_t element_size = native.elem_size;
    if (element_size == 0) {
        int size = 0;
        OSHMPI_MPI(MPI_Type_size(type, &size));
        element_size = static_cast<std::size_t>(size);
    }
    std::size_t nbytes = nreduce * element_size;
    check_symmetric(dest, nbytes, "dest", routine);
    check_symmetric(source, nbytes, "source", routine);
    bool in_place = dest == source;
    if (!in_place) check_disjoint(dest, nbytes, source, nbytes, routine);
    // A reduction small enough to travel in the flags' lines touches no other member's memory.
    if (node_coll::carries(tm, nbytes) ||
        node_coll::usable(tm, nbytes != 0 ? dest : nullptr, nbytes != 0 ? source : nullptr)) {
        node_coll::reduce(tm, {mop, type, element_size, native.fold}, dest, source, nreduce);
        return;
    }
    if (node_stage::usable(tm, nbytes != 0 ? dest : nullptr, nbytes != 0 ? source : nullptr)) {
        node_stage::reduce(tm, mop, type, element_size, dest, source, nreduce);
        return;
    }

    OSHMPI_MPI(allreduce(in_place ? MPI_IN_PLACE : source, dest, to_mpi_count(nreduce, routine), type, mop, tm.comm));
}

} // namespace oshmpi::detail
