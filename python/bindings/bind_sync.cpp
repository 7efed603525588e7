// Barriers and memory ordering (spec 9.9.2-3 and 9.11). barrier_all and quiet are among the
// hottest calls, so they take the fast convention and do nothing else.
#include <oshmpi/order.hpp>
#include <oshmpi/sync.hpp>
#include <oshmpi/team.hpp>

#include <vector>

#include "common.hpp"

namespace shmem4py {

namespace {

SHMEM4PY_FAST(py_barrier_all)
{
    return guarded([&] {
        if (nargs != 0 || kwnames != nullptr) parse_arguments("barrier_all", nullptr, 0, 0, args, nargs, kwnames, nullptr);
        oshmpi::barrier_all();
        return none();
    });
}

SHMEM4PY_FAST(py_sync_all)
{
    return guarded([&] {
        if (nargs != 0 || kwnames != nullptr) parse_arguments("sync_all", nullptr, 0, 0, args, nargs, kwnames, nullptr);
        oshmpi::sync_all();
        return none();
    });
}

template <void (*Order)(oshmpi::context&)>
PyObject* ordering(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        if (nargs == 0 && kwnames == nullptr) {
            Order(oshmpi::default_context());
            return none();
        }
        static const char* const names[] = {"ctx"};
        PyObject* a[1];
        parse_arguments(routine, names, 1, 0, args, nargs, kwnames, a);
        // As in C: an invalid context has no operations to order or complete.
        if (is_invalid_context(routine, a[0])) return none();
        Order(to_context(routine, a[0]));
        return none();
    });
}

void quiet_ctx(oshmpi::context& ctx) { oshmpi::quiet(ctx); }
void fence_ctx(oshmpi::context& ctx) { oshmpi::fence(ctx); }

SHMEM4PY_FAST(py_quiet) { return ordering<quiet_ctx>("quiet", args, nargs, kwnames); }
SHMEM4PY_FAST(py_fence) { return ordering<fence_ctx>("fence", args, nargs, kwnames); }

SHMEM4PY_FAST(py_sync)
{
    return guarded([&] {
        static const char* const names[] = {"team"};
        PyObject* a[1];
        parse_arguments("sync", names, 1, 0, args, nargs, kwnames, a);
        if (is_none(a[0])) oshmpi::sync_all();
        else oshmpi::team_sync(to_team("sync", a[0]));
        return none();
    });
}

// pe_quiet(pes, ctx=None) (OpenSHMEM 1.6): `pes` is one PE number or a sequence of them.
SHMEM4PY_FAST(py_pe_quiet)
{
    return guarded([&] {
        static const char* const names[] = {"pes", "ctx"};
        PyObject* a[2];
        parse_arguments("pe_quiet", names, 2, 1, args, nargs, kwnames, a);
        oshmpi::context& ctx = to_context("pe_quiet", a[1]);
        std::vector<int> pes;
        if (PyIndex_Check(a[0])) {
            pes.push_back(to_int("pe_quiet", "pes", a[0]));
        } else {
            py::handle seq(a[0]);
            if (!PySequence_Check(a[0]) || PyUnicode_Check(a[0]) || PyBytes_Check(a[0]))
                raise(PyExc_TypeError, "pe_quiet: pes must be a PE number or a sequence of them, not %s",
                      Py_TYPE(a[0])->tp_name);
            for (py::handle item : seq) pes.push_back(to_int("pe_quiet", "pes", item.ptr()));
        }
        oshmpi::pe_quiet(ctx, pes.data(), pes.size());
        return none();
    });
}

} // namespace

void bind_sync(py::module_& m)
{
    add_fast_methods(m, {
        {"barrier_all", py_barrier_all, "barrier_all()\n--\n\nCompletes outstanding operations, then synchronizes all PEs."},
        {"sync_all", py_sync_all, "sync_all()\n--\n\nSynchronizes all PEs (local stores visible)."},
        {"quiet", py_quiet, "quiet(ctx=None)\n--\n\nCompletes the context's outstanding operations."},
        {"fence", py_fence, "fence(ctx=None)\n--\n\nOrders the context's operations to each PE."},
        {"pe_quiet", py_pe_quiet,
         "pe_quiet(pes, ctx=None)\n--\n\nCompletes the context's outstanding operations to the PEs named (one or a sequence)."},
        {"sync", py_sync, "sync(team=None)\n--\n\nSynchronizes the PEs of a team (all PEs for None)."},
    });
}

} // namespace shmem4py
