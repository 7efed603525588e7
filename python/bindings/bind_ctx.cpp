// Communication contexts (spec 9.5) at the level of handles, for the Python Ctx class. Handles
// created here are remembered so that every routine taking ctx= can refuse a destroyed one.
#include <oshmpi/context.hpp>
#include <oshmpi/team.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {
std::uintptr_t handle_of(const void* p)
{
    return reinterpret_cast<std::uintptr_t>(p);
}

oshmpi::context* create(const char* c_name, oshmpi::team* t, long options)
{
    try {
        oshmpi::context* ctx = t == nullptr ? oshmpi::ctx_create(options) : oshmpi::team_create_ctx(t, options);
        remember_context(ctx);
        return ctx;
    } catch (const oshmpi::error& e) {
        raise(PyExc_RuntimeError, "%s: %s", c_name, e.what());
    }
}
} // namespace

void bind_ctx(py::module_& m)
{
    m.def("ctx_default", [] { return handle_of(&oshmpi::default_context()); });
    m.def("ctx_create", [](long options) { return handle_of(create("shmem_ctx_create", nullptr, options)); });
    m.def("team_create_ctx", [](std::uintptr_t team, long options) {
        if (team == 0) raise(PyExc_RuntimeError, "shmem_team_create_ctx: the team is invalid");
        return handle_of(create("shmem_team_create_ctx", reinterpret_cast<oshmpi::team*>(team), options));
    });
    m.def("ctx_destroy", [](std::uintptr_t handle) {
        auto* ctx = reinterpret_cast<oshmpi::context*>(handle);
        forget_context(ctx);
        try {
            oshmpi::ctx_destroy(ctx);
        } catch (const oshmpi::error& e) {
            raise(PyExc_RuntimeError, "shmem_ctx_destroy: %s", e.what());
        }
    });
    m.def("ctx_get_team", [](std::uintptr_t handle) {
        if (handle == 0) raise(PyExc_RuntimeError, "shmem_ctx_get_team: error -1 (the context is invalid)");
        try {
            return handle_of(oshmpi::ctx_get_team(reinterpret_cast<const oshmpi::context*>(handle)));
        } catch (const oshmpi::error& e) {
            raise(PyExc_RuntimeError, "shmem_ctx_get_team: %s", e.what());
        }
    });
}

} // namespace shmem4py
