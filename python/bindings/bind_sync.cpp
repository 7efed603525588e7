// Barriers and memory ordering (spec 9.9.2-3 and 9.11). barrier_all and quiet are among the
// hottest calls, so they take the fast convention and do nothing else.
#include <oshmpi/order.hpp>
#include <oshmpi/sync.hpp>
#include <oshmpi/team.hpp>

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

} // namespace

void bind_sync(py::module_& m)
{
    add_fast_methods(m, {
        {"barrier_all", py_barrier_all, "barrier_all()\n--\n\nCompletes outstanding operations, then synchronizes all PEs."},
        {"sync_all", py_sync_all, "sync_all()\n--\n\nSynchronizes all PEs (local stores visible)."},
        {"quiet", py_quiet, "quiet(ctx=None)\n--\n\nCompletes the context's outstanding operations."},
        {"fence", py_fence, "fence(ctx=None)\n--\n\nOrders the context's operations to each PE."},
        {"sync", py_sync, "sync(team=None)\n--\n\nSynchronizes the PEs of a team (all PEs for None)."},
    });
}

} // namespace shmem4py
