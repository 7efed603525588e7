// Rank numbering between communicators, as MPI_Group_translate_ranks gives it.
#pragma once

#include <mpi.h>

#include <vector>

namespace oshmpi::detail {

// Rank r of `from` as a rank of `to`, for every r of `from`: MPI_UNDEFINED where `to` lacks it.
[[nodiscard]] std::vector<int> ranks_in(MPI_Comm from, MPI_Comm to);

} // namespace oshmpi::detail
