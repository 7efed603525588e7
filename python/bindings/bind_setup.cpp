// Setup, exit and queries (spec 9.1), the library's constants, and the MPI handles mpi4py needs.
#include <mpi.h>

#include <oshmpi/context.hpp>
#include <oshmpi/p2p.hpp>
#include <oshmpi/setup.hpp>
#include <oshmpi/signal.hpp>
#include <oshmpi/team.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

SHMEM4PY_FAST(py_my_pe)
{
    return guarded([&] {
        parse_arguments("my_pe", nullptr, 0, 0, args, nargs, kwnames, nullptr);
        return PyLong_FromLong(oshmpi::my_pe());
    });
}

SHMEM4PY_FAST(py_n_pes)
{
    return guarded([&] {
        parse_arguments("n_pes", nullptr, 0, 0, args, nargs, kwnames, nullptr);
        return PyLong_FromLong(oshmpi::n_pes());
    });
}

SHMEM4PY_FAST(py_pe_accessible)
{
    return guarded([&] {
        static const char* const names[] = {"pe"};
        PyObject* a[1];
        parse_arguments("pe_accessible", names, 1, 1, args, nargs, kwnames, a);
        return PyBool_FromLong(oshmpi::pe_accessible(to_int("pe_accessible", "pe", a[0])));
    });
}

int mpi_flag(int (*query)(int*))
{
    int flag = 0;
    query(&flag);
    return flag;
}

} // namespace

void bind_setup(py::module_& m)
{
    m.def("init", [] { oshmpi::init(); }, "Collective: initializes OpenSHMEM (and MPI if nobody has).");
    m.def(
        "init_thread",
        [](int requested) {
            if (requested < 0 || requested > static_cast<int>(oshmpi::thread_level::multiple))
                raise(PyExc_ValueError, "init_thread: requested = %d is not a THREAD level", requested);
            return static_cast<int>(oshmpi::init_thread(static_cast<oshmpi::thread_level>(requested)));
        },
        py::arg("requested"));
    // The last finalize releases the heap: every block allocated so far is forgotten, so that a
    // later init's heap (which may reuse the addresses) is never reached through an old array.
    m.def("finalize", [] {
        oshmpi::finalize();
        if (!oshmpi::initialized()) {
            forget_all_blocks();
            forget_all_contexts(); // the teardown destroyed them: an old Ctx must not reach a new one
        }
    });
    m.def("global_exit", [](int status) { oshmpi::global_exit(status); }, py::arg("status") = 0);
    m.def("initialized", [] { return oshmpi::initialized(); });
    m.def("finalized", [] { return oshmpi::finalized(); });
    m.def("mpi_owned", [] { return oshmpi::mpi_owned(); });
    m.def("query_thread", [] { return static_cast<int>(oshmpi::query_thread()); });
    m.def("info_get_version", [] {
        auto v = oshmpi::info_get_version();
        return py::make_tuple(v.major, v.minor);
    });
    m.def("info_get_name", [] { return std::string(oshmpi::info_get_name()); });
    m.def("mpi_initialized", [] { return mpi_flag(MPI_Initialized) != 0; });
    m.def("mpi_finalized", [] { return mpi_flag(MPI_Finalized) != 0; });
    // Fortran handles are what every mpi4py version accepts (MPI.Comm.f2py) for an MPICH communicator.
    m.def("world_comm_f2c", [] { return static_cast<long>(MPI_Comm_c2f(oshmpi::world_comm())); });
    add_fast_methods(m, {
        {"my_pe", py_my_pe, "my_pe()\n--\n\nThis PE's number in TEAM_WORLD."},
        {"n_pes", py_n_pes, "n_pes()\n--\n\nThe number of PEs."},
        {"pe_accessible", py_pe_accessible, "pe_accessible(pe)\n--\n\nWhether PE `pe` is reachable."},
    });

    auto version = oshmpi::info_get_version();
    m.attr("MAJOR_VERSION") = version.major;
    m.attr("MINOR_VERSION") = version.minor;
    m.attr("VENDOR_STRING") = std::string(oshmpi::info_get_name());
    m.attr("MAX_NAME_LEN") = 256;

    // The constants' values are the C API's (the same enums back both faces).
    py::dict thread, ctx, malloc, signal, cmp;
    thread["SINGLE"] = static_cast<int>(oshmpi::thread_level::single);
    thread["FUNNELED"] = static_cast<int>(oshmpi::thread_level::funneled);
    thread["SERIALIZED"] = static_cast<int>(oshmpi::thread_level::serialized);
    thread["MULTIPLE"] = static_cast<int>(oshmpi::thread_level::multiple);
    ctx["SERIALIZED"] = static_cast<long>(oshmpi::ctx_serialized);
    ctx["PRIVATE"] = static_cast<long>(oshmpi::ctx_private);
    ctx["NOSTORE"] = static_cast<long>(oshmpi::ctx_nostore);
    // Hints are advice only (the runtime accepts any bits); single bits so MALLOC is a proper IntFlag.
    malloc["ATOMICS_REMOTE"] = 1L << 0;
    malloc["SIGNAL_REMOTE"] = 1L << 1;
    signal["SET"] = static_cast<int>(oshmpi::signal_op::set);
    signal["ADD"] = static_cast<int>(oshmpi::signal_op::add);
    cmp["EQ"] = static_cast<int>(oshmpi::cmp::eq);
    cmp["NE"] = static_cast<int>(oshmpi::cmp::ne);
    cmp["GT"] = static_cast<int>(oshmpi::cmp::gt);
    cmp["GE"] = static_cast<int>(oshmpi::cmp::ge);
    cmp["LT"] = static_cast<int>(oshmpi::cmp::lt);
    cmp["LE"] = static_cast<int>(oshmpi::cmp::le);
    m.attr("THREAD_VALUES") = thread;
    m.attr("CTX_VALUES") = ctx;
    m.attr("MALLOC_VALUES") = malloc;
    m.attr("SIGNAL_VALUES") = signal;
    m.attr("CMP_VALUES") = cmp;
    m.attr("TEAM_NUM_CONTEXTS") = oshmpi::team_num_contexts;
    py::dict session;
    session["BATCH"] = oshmpi::ctx_session_batch;
    m.attr("CTX_SESSION_VALUES") = session;
    m.attr("CTX_SESSION_TOTAL_OPS") = oshmpi::ctx_session_total_ops;
}

} // namespace shmem4py
