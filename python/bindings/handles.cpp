// Context and team handles: the Python Ctx and Team objects keep the C++ pointer as an integer
// in `_handle` (0 for the invalid handle). Contexts are checked against the set shmem4py created,
// so a destroyed or forged handle raises instead of crashing.
#include <mutex>
#include <unordered_set>

#include <oshmpi/context.hpp>
#include <oshmpi/team.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {
std::unordered_set<const oshmpi::context*> live_contexts;
std::mutex live_contexts_mutex;

std::uintptr_t handle_of(const char* routine, const char* argname, PyObject* obj)
{
    PyObject* handle = PyObject_GetAttrString(obj, "_handle");
    if (handle == nullptr) {
        PyErr_Clear();
        raise(PyExc_TypeError, "%s: %s must be a %s, not %s", routine, argname,
              argname[0] == 'c' ? "Ctx" : "Team", Py_TYPE(obj)->tp_name);
    }
    std::uintptr_t value = PyLong_AsSize_t(handle);
    Py_DECREF(handle);
    if (PyErr_Occurred()) throw py::error_already_set();
    return value;
}
} // namespace

void remember_context(const oshmpi::context* ctx)
{
    std::lock_guard lock(live_contexts_mutex);
    live_contexts.insert(ctx);
}

bool forget_context(const oshmpi::context* ctx)
{
    std::lock_guard lock(live_contexts_mutex);
    return live_contexts.erase(ctx) != 0;
}

void forget_all_contexts()
{
    std::lock_guard lock(live_contexts_mutex);
    live_contexts.clear();
}

oshmpi::context& to_context(const char* routine, PyObject* ctx)
{
    if (is_none(ctx)) return oshmpi::default_context();
    auto* handle = reinterpret_cast<oshmpi::context*>(handle_of(routine, "ctx", ctx));
    if (handle == &oshmpi::default_context()) return *handle;
    {
        std::lock_guard lock(live_contexts_mutex);
        if (handle != nullptr && live_contexts.count(handle) != 0) return *handle;
    }
    raise(PyExc_ValueError, "%s: ctx is invalid (CTX_INVALID or a destroyed context)", routine);
}

bool is_invalid_context(const char* routine, PyObject* ctx)
{
    return !is_none(ctx) && handle_of(routine, "ctx", ctx) == 0;
}

oshmpi::team* to_team(const char* routine, PyObject* team)
{
    if (is_none(team)) return oshmpi::team_world();
    auto* handle = reinterpret_cast<oshmpi::team*>(handle_of(routine, "team", team));
    // A destroyed team's alias (Team(team) taken before destroy) keeps the freed address: checked.
    if (!oshmpi::team_is_live(handle))
        raise(PyExc_ValueError, "%s: team is invalid (TEAM_INVALID or a destroyed team)", routine);
    return handle;
}

} // namespace shmem4py
