// Element-wise reduction steps done here instead of through MPI_Reduce_local, for the pairs of
// operation and type whose result does not depend on how it is computed: every operation on the
// fixed-width integers (sums and products wrap, as MPI's do on two's complement), and sum and
// product of float and double (one IEEE operation per element, inout = inout op in, as MPI's
// operators write it). The others (max/min of floating point, whose NaN rules MPI fixes, long
// double and complex) stay with MPI's operators. For one element of a small reduction the MPI
// call costs more than the reduction (it validates its arguments and dispatches twice).
#pragma once

#include <mpi.h>

#include <cstddef>

#include <oshmpi/collectives.hpp>

namespace oshmpi::detail {

// inout[i] = inout[i] op in[i] for i < count.
using fold_fn = void (*)(const void* in, void* inout, std::size_t count) noexcept;

struct fold_choice {
    fold_fn fold = nullptr;     // nullptr: use MPI_Reduce_local
    std::size_t elem_size = 0;  // 0: ask MPI_Type_size
};

// The step for `op` over `type` (the typed face's datatype, detail::reduce_datatype).
[[nodiscard]] fold_choice native_fold(reduce_op op, MPI_Datatype type) noexcept;

} // namespace oshmpi::detail
