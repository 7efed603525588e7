#include "core/context.hpp"

#include "transport/mpi_rma.hpp"

namespace oshmpi {

context& default_context()
{
    static context the_default;
    return the_default;
}

namespace detail {

void quiet_all_contexts()
{
    mpi_rma::flush(default_context());
}

} // namespace detail

} // namespace oshmpi
