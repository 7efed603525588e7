// Communication contexts (spec 9.5) and their sessions at the level of handles, for the Python Ctx class. Handles
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
// A Ctx whose handle is 0: CTX_INVALID, or one destroyed through its own object.
bool is_invalid_handle(py::handle ctx)
{
    if (ctx.is_none() || !py::hasattr(ctx, "_handle")) return false;
    return ctx.attr("_handle").cast<std::uintptr_t>() == 0;
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
        if (!forget_context(ctx))
            raise(PyExc_ValueError, "shmem_ctx_destroy: ctx is invalid (destroyed, or created before the last finalize)");
        try {
            oshmpi::ctx_destroy(ctx);
        } catch (const oshmpi::error& e) {
            raise(PyExc_RuntimeError, "shmem_ctx_destroy: %s", e.what());
        }
    });
    // Sessions (OpenSHMEM 1.6): hints on a context; on CTX_INVALID they do nothing, as in C.
    m.def(
        "ctx_session_start",
        [](py::object ctx, long options, py::object total_ops) {
            if (is_invalid_handle(ctx)) return;
            oshmpi::context& c = to_context("Ctx.session_start", ctx.ptr());
            oshmpi::session_config config;
            if (!total_ops.is_none()) config.total_ops = to_size("Ctx.session_start", "total_ops", total_ops.ptr(), 0);
            oshmpi::ctx_session_start(c, options, &config, total_ops.is_none() ? 0 : oshmpi::ctx_session_total_ops);
        },
        py::arg("ctx"), py::arg("options") = 0, py::arg("total_ops") = py::none());
    m.def(
        "ctx_session_stop",
        [](py::object ctx) {
            if (is_invalid_handle(ctx)) return;
            oshmpi::ctx_session_stop(to_context("Ctx.session_stop", ctx.ptr()));
        },
        py::arg("ctx"));
    m.def(
        "ctx_session",
        [](py::object ctx) {
            oshmpi::session_state s = oshmpi::ctx_session(to_context("Ctx.session_state", ctx.ptr()));
            py::dict d;
            d["active"] = s.active;
            d["options"] = s.options;
            d["total_ops"] = s.total_ops == SIZE_MAX ? py::object(py::none()) : py::object(py::int_(s.total_ops));
            return d;
        },
        py::arg("ctx"));
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
