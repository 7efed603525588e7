// Point-to-point synchronization (spec 9.10): wait_until/test and their multi-variable and vector
// forms. The typed runtime templates are stamped once per type of the point-to-point table of
// oshmpi/types.def into a table indexed by NumPy's type character.
#include <array>
#include <vector>

#include <oshmpi/p2p.hpp>
#include <oshmpi/types.def>

#include "common.hpp"

namespace shmem4py {

namespace {

using oshmpi::cmp;

enum class family { wait_until, test, wait_all, wait_any, wait_some, test_all, test_any, test_some };

struct p2p_request {
    family kind;
    bool vector;
    void* ivars;
    std::size_t n;
    const int* status;
    cmp op;
    const void* value; // one value, or n values for the vector forms
    std::size_t* indices;
};

// Returns a bool (0/1) for wait_until/test/test_all, an index or SIZE_MAX for *_any, a count for *_some.
using p2p_function = std::size_t (*)(const p2p_request&);

template <class T>
std::size_t p2p_typed(const p2p_request& r)
{
    T* ivars = static_cast<T*>(r.ivars);
    const T* values = static_cast<const T*>(r.value);
    T value = *values;
    switch (r.kind) {
    case family::wait_until: oshmpi::wait_until(ivars, r.op, value); return 1;
    case family::test: return oshmpi::test(ivars, r.op, value) ? 1 : 0;
    case family::wait_all:
        if (r.vector) oshmpi::wait_until_all_vector(ivars, r.n, r.status, r.op, values);
        else oshmpi::wait_until_all(ivars, r.n, r.status, r.op, value);
        return 1;
    case family::wait_any:
        return r.vector ? oshmpi::wait_until_any_vector(ivars, r.n, r.status, r.op, values)
                        : oshmpi::wait_until_any(ivars, r.n, r.status, r.op, value);
    case family::wait_some:
        return r.vector ? oshmpi::wait_until_some_vector(ivars, r.n, r.indices, r.status, r.op, values)
                        : oshmpi::wait_until_some(ivars, r.n, r.indices, r.status, r.op, value);
    case family::test_all:
        return (r.vector ? oshmpi::test_all_vector(ivars, r.n, r.status, r.op, values)
                         : oshmpi::test_all(ivars, r.n, r.status, r.op, value)) ? 1 : 0;
    case family::test_any:
        return r.vector ? oshmpi::test_any_vector(ivars, r.n, r.status, r.op, values)
                        : oshmpi::test_any(ivars, r.n, r.status, r.op, value);
    case family::test_some:
        return r.vector ? oshmpi::test_some_vector(ivars, r.n, r.indices, r.status, r.op, values)
                        : oshmpi::test_some(ivars, r.n, r.indices, r.status, r.op, value);
    }
    return 0;
}

const std::array<p2p_function, 128>& p2p_table()
{
    static const std::array<p2p_function, 128> table = [] {
        std::array<p2p_function, 128> t{};
        // First entry per character wins, like the dtype table (int64 and long share 'l').
#define SHMEM4PY_P2P_ROW(ctype, name)                                                               \
    {                                                                                                \
        const dtype_info* row = dtype_for_code(numpy_code_of<ctype>());                             \
        if (row != nullptr && t[static_cast<unsigned char>(row->code)] == nullptr)                  \
            t[static_cast<unsigned char>(row->code)] = &p2p_typed<ctype>;                           \
    }
        OSHMPI_P2P_TYPES(SHMEM4PY_P2P_ROW)
#undef SHMEM4PY_P2P_ROW
        return t;
    }();
    return table;
}

bool is_wait(family kind)
{
    return kind == family::wait_until || kind == family::wait_all || kind == family::wait_any ||
           kind == family::wait_some;
}

PyObject* run(const char* routine, family kind, bool vector, PyObject* const* args, Py_ssize_t nargs,
              PyObject* kwnames)
{
    return guarded([&]() -> PyObject* {
        bool single = kind == family::wait_until || kind == family::test;
        const char* names[] = {single ? "ivar" : "ivars", "cmp", vector ? "values" : "value", "status"};
        PyObject* a[4] = {};
        parse_arguments(routine, names, single ? 3 : 4, 3, args, nargs, kwnames, a);
        array_ref ivars = as_array(routine, names[0], a[0], access_mode::read);
        const dtype_info& type = *ivars.type;
        p2p_function fn = p2p_table()[static_cast<unsigned char>(type.code)];
        if (fn == nullptr)
            raise(exceptions().missing_routine, "%s: no %s for dtype '%c' (%s); it takes 16-, 32- and 64-bit integers",
                  routine, routine, type.code, type.type_name);
        if (single && ivars.count != 1)
            raise(exceptions().size_error, "%s: ivar must hold exactly one element, not %zu", routine, ivars.count);
        cmp op = to_cmp(routine, a[1]);
        std::size_t n = ivars.count;
        require_symmetric(routine, names[0], ivars);

        alignas(16) unsigned char one_value[16];
        py::array values_array;
        const void* value = one_value;
        if (vector) {
            values_array = py::array::ensure(py::module_::import("numpy").attr("ascontiguousarray")(
                py::handle(a[2]), py::handle(reinterpret_cast<PyObject*>(py::detail::array_proxy(a[0])->descr))));
            if (static_cast<std::size_t>(values_array.size()) < n)
                raise(exceptions().size_error, "%s: values holds %zd elements, fewer than ivars (%zu)", routine,
                      values_array.size(), n);
            value = values_array.data();
            if (n == 0) value = one_value;
        } else {
            type.from_python(routine, "value", a[2], one_value);
        }
        py::array_t<int, py::array::c_style | py::array::forcecast> status_array;
        const int* status = nullptr;
        if (!is_none(a[3])) {
            status_array = py::array_t<int, py::array::c_style | py::array::forcecast>::ensure(py::handle(a[3]));
            if (!status_array) // ensure() clears NumPy's error: name the argument instead
                raise(PyExc_TypeError, "%s: status must be an array of integers, not %s", routine,
                      Py_TYPE(a[3])->tp_name);
            if (static_cast<std::size_t>(status_array.size()) < n)
                raise(exceptions().size_error, "%s: status holds %zd elements, fewer than ivars (%zu)", routine,
                      status_array.size(), n);
            status = status_array.data();
        }
        std::vector<std::size_t> indices(n);
        p2p_request request{kind, vector, ivars.data, n, status, op, value, indices.data()};
        std::size_t result;
        // Test once with the interpreter held; a real wait lets other Python threads run.
        if (is_wait(kind)) {
            py::gil_scoped_release release;
            result = fn(request);
        } else {
            result = fn(request);
        }
        switch (kind) {
        case family::wait_until:
        case family::wait_all: return none();
        case family::test:
        case family::test_all: return PyBool_FromLong(result != 0);
        case family::wait_any:
        case family::test_any:
            if (result >= n) return none();
            return PyLong_FromSize_t(result);
        case family::wait_some:
        case family::test_some: {
            PyObject* list = PyList_New(static_cast<Py_ssize_t>(result));
            for (std::size_t i = 0; i < result; ++i)
                PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), PyLong_FromSize_t(indices[i]));
            return list;
        }
        }
        return none();
    });
}

#define SHMEM4PY_P2P(name, kind, vector)                                                              \
    SHMEM4PY_FAST(py_##name) { return run(#name, family::kind, vector, args, nargs, kwnames); }
SHMEM4PY_P2P(wait_until, wait_until, false)
SHMEM4PY_P2P(test, test, false)
SHMEM4PY_P2P(wait_until_all, wait_all, false)
SHMEM4PY_P2P(wait_until_any, wait_any, false)
SHMEM4PY_P2P(wait_until_some, wait_some, false)
SHMEM4PY_P2P(wait_until_all_vector, wait_all, true)
SHMEM4PY_P2P(wait_until_any_vector, wait_any, true)
SHMEM4PY_P2P(wait_until_some_vector, wait_some, true)
SHMEM4PY_P2P(test_all, test_all, false)
SHMEM4PY_P2P(test_any, test_any, false)
SHMEM4PY_P2P(test_some, test_some, false)
SHMEM4PY_P2P(test_all_vector, test_all, true)
SHMEM4PY_P2P(test_any_vector, test_any, true)
SHMEM4PY_P2P(test_some_vector, test_some, true)
#undef SHMEM4PY_P2P

} // namespace

void bind_p2p(py::module_& m)
{
    add_fast_methods(m, {
        {"wait_until", py_wait_until, "wait_until(ivar, cmp, value)\n--\n\nWaits until `ivar cmp value` holds."},
        {"test", py_test, "test(ivar, cmp, value)\n--\n\nWhether `ivar cmp value` holds."},
        {"wait_until_all", py_wait_until_all, "wait_until_all(ivars, cmp, value, status=None)\n--\n\n"},
        {"wait_until_any", py_wait_until_any, "wait_until_any(ivars, cmp, value, status=None)\n--\n\n"},
        {"wait_until_some", py_wait_until_some, "wait_until_some(ivars, cmp, value, status=None)\n--\n\n"},
        {"wait_until_all_vector", py_wait_until_all_vector, "wait_until_all_vector(ivars, cmp, values, status=None)\n--\n\n"},
        {"wait_until_any_vector", py_wait_until_any_vector, "wait_until_any_vector(ivars, cmp, values, status=None)\n--\n\n"},
        {"wait_until_some_vector", py_wait_until_some_vector, "wait_until_some_vector(ivars, cmp, values, status=None)\n--\n\n"},
        {"test_all", py_test_all, "test_all(ivars, cmp, value, status=None)\n--\n\n"},
        {"test_any", py_test_any, "test_any(ivars, cmp, value, status=None)\n--\n\n"},
        {"test_some", py_test_some, "test_some(ivars, cmp, value, status=None)\n--\n\n"},
        {"test_all_vector", py_test_all_vector, "test_all_vector(ivars, cmp, values, status=None)\n--\n\n"},
        {"test_any_vector", py_test_any_vector, "test_any_vector(ivars, cmp, values, status=None)\n--\n\n"},
        {"test_some_vector", py_test_some_vector, "test_some_vector(ivars, cmp, values, status=None)\n--\n\n"},
    });
}

} // namespace shmem4py
