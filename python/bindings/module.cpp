// shmem4py._core: the compiled half of shmem4py. Each area binds itself from its own file.
#include "common.hpp"

PYBIND11_MODULE(_core, m)
{
    using namespace shmem4py;
    m.doc() = "Private compiled core of shmem4py on oshmpi-cpp; use shmem4py.shmem.";
    bind_errors(m);
    bind_dtypes(m);
    bind_setup(m);
    bind_memory(m);
    bind_rma(m);
    bind_amo(m);
    bind_sync(m);
    bind_p2p(m);
    bind_teams(m);
    bind_ctx(m);
    bind_collectives(m);
    bind_lock(m);
    bind_signal(m);
    bind_bench(m);
}
