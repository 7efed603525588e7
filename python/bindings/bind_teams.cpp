// Teams (spec 9.4) at the level of handles: the Python Team class (shmem4py/shmem.py) holds the
// pointer as an integer and gives it upstream's object semantics. Failures raise RuntimeError
// named after the C routine, as upstream does.
#include <mpi.h>

#include <oshmpi/team.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

// A handle that is not a live team (0, or a destroyed team's alias) is the invalid team: the
// queries answer -1 for it instead of reading freed memory.
oshmpi::team* team_of(std::uintptr_t handle)
{
    auto* t = reinterpret_cast<oshmpi::team*>(handle);
    return oshmpi::team_is_live(t) ? t : nullptr;
}

std::uintptr_t handle_of(const oshmpi::team* t)
{
    return reinterpret_cast<std::uintptr_t>(t);
}

// Runs `body`; a runtime error becomes RuntimeError("shmem_<name>: <message>").
template <class Body>
auto as_runtime_error(const char* c_name, Body&& body)
{
    try {
        return body();
    } catch (const oshmpi::error& e) {
        raise(PyExc_RuntimeError, "%s: %s", c_name, e.what());
    }
}

} // namespace

void bind_teams(py::module_& m)
{
    m.def("team_world", [] { return handle_of(oshmpi::team_world()); });
    m.def("team_shared", [] { return handle_of(oshmpi::team_shared()); });
    m.def("team_my_pe", [](std::uintptr_t t) { return oshmpi::team_my_pe(team_of(t)); });
    m.def("team_n_pes", [](std::uintptr_t t) { return oshmpi::team_n_pes(team_of(t)); });
    m.def("team_translate_pe", [](std::uintptr_t src, int pe, std::uintptr_t dest) {
        return oshmpi::team_translate_pe(team_of(src), pe, team_of(dest));
    });
    m.def("team_get_config", [](std::uintptr_t t, long mask) {
        if (t == 0) raise(PyExc_RuntimeError, "shmem_team_get_config: the team is invalid");
        return as_runtime_error("shmem_team_get_config",
                                [&] { return oshmpi::team_get_config(team_of(t), mask).num_contexts; });
    });
    m.def(
        "team_split_strided",
        [](std::uintptr_t parent, int start, int stride, int size, int num_contexts, long mask) {
            if (parent == 0) raise(PyExc_RuntimeError, "shmem_team_split_strided: the parent team is invalid");
            oshmpi::team_config config;
            config.num_contexts = num_contexts;
            return as_runtime_error("shmem_team_split_strided", [&] {
                return handle_of(oshmpi::team_split_strided(team_of(parent), start, stride, size, &config, mask));
            });
        },
        py::arg("parent"), py::arg("start"), py::arg("stride"), py::arg("size"), py::arg("num_contexts") = 0,
        py::arg("mask") = 0);
    m.def("team_destroy", [](std::uintptr_t t) {
        as_runtime_error("shmem_team_destroy", [&] {
            oshmpi::team_destroy(team_of(t));
            return 0;
        });
    });
    m.def("team_sync", [](std::uintptr_t t) {
        if (t == 0) raise(PyExc_RuntimeError, "shmem_team_sync: the team is invalid");
        as_runtime_error("shmem_team_sync", [&] {
            oshmpi::team_sync(team_of(t));
            return 0;
        });
    });
    m.def("team_comm_f2c", [](std::uintptr_t t) {
        if (t == 0) raise(PyExc_ValueError, "get_comm: the team is invalid");
        return static_cast<long>(MPI_Comm_c2f(oshmpi::team_comm(team_of(t))));
    });
}

} // namespace shmem4py
