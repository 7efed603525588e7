#include "core/rank_translation.hpp"

#include <numeric>

#include "core/error.hpp"

namespace oshmpi::detail {

std::vector<int> ranks_in(MPI_Comm from, MPI_Comm to)
{
    int size = 0;
    OSHMPI_MPI(MPI_Comm_size(from, &size));
    MPI_Group from_group, to_group;
    OSHMPI_MPI(MPI_Comm_group(from, &from_group));
    OSHMPI_MPI(MPI_Comm_group(to, &to_group));
    std::vector<int> ranks(static_cast<std::size_t>(size)), translated(ranks.size());
    std::iota(ranks.begin(), ranks.end(), 0);
    int rc = MPI_Group_translate_ranks(from_group, size, ranks.data(), to_group, translated.data());
    MPI_Group_free(&from_group);
    MPI_Group_free(&to_group);
    OSHMPI_MPI(rc);
    return translated;
}

} // namespace oshmpi::detail
