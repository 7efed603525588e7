// Argument parsing for the fast calling convention, and conversion of scalar arguments with
// messages that name the routine and the argument.
#include <cstring>
#include <vector>

#include "common.hpp"

namespace shmem4py {

void parse_arguments(const char* routine, const char* const* names, int n, int required,
                     PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, PyObject** out)
{
    if (nargs > n)
        raise(PyExc_TypeError, "%s() takes at most %d arguments (%zd given)", routine, n, nargs);
    for (int i = 0; i < n; ++i) out[i] = i < nargs ? args[i] : nullptr;
    if (kwnames != nullptr) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t k = 0; k < nkw; ++k) {
            PyObject* key = PyTuple_GET_ITEM(kwnames, k);
            int i = 0;
            while (i < n && PyUnicode_CompareWithASCIIString(key, names[i]) != 0) ++i;
            if (i == n)
                raise(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", routine,
                      PyUnicode_AsUTF8(key));
            if (out[i] != nullptr)
                raise(PyExc_TypeError, "%s() got multiple values for argument '%s'", routine, names[i]);
            out[i] = args[nargs + k];
        }
    }
    for (int i = 0; i < required; ++i)
        if (out[i] == nullptr)
            raise(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)", routine, names[i], i + 1);
}

void add_fast_methods(py::module_& m, std::initializer_list<fast_method> methods)
{
    // CPython keeps pointers into the definitions for the life of the functions: never freed.
    auto* defs = new PyMethodDef[methods.size() + 1]();
    std::size_t i = 0;
    for (const fast_method& method : methods) {
        defs[i++] = PyMethodDef{method.name, reinterpret_cast<PyCFunction>(reinterpret_cast<void*>(method.function)),
                                METH_FASTCALL | METH_KEYWORDS, method.doc};
    }
    if (PyModule_AddFunctions(m.ptr(), defs) != 0) throw py::error_already_set();
}

bool is_none(PyObject* obj) noexcept
{
    return obj == nullptr || obj == Py_None;
}

long long to_long_long(const char* routine, const char* argname, PyObject* obj)
{
    if (obj == nullptr) raise(PyExc_TypeError, "%s: %s is required", routine, argname);
    if (PyLong_Check(obj)) {
        int overflow = 0;
        long long value = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow != 0) raise(PyExc_OverflowError, "%s: %s is out of range", routine, argname);
        return value;
    }
    if (PyFloat_Check(obj) || !PyIndex_Check(obj))
        raise(PyExc_TypeError, "%s: %s must be an integer, not %s", routine, argname, Py_TYPE(obj)->tp_name);
    py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(obj));
    if (!index) throw py::error_already_set();
    return to_long_long(routine, argname, index.ptr());
}

int to_int(const char* routine, const char* argname, PyObject* obj)
{
    if (obj != nullptr && PyLong_CheckExact(obj)) {
        int overflow = 0;
        long value = PyLong_AsLongAndOverflow(obj, &overflow);
        if (overflow == 0 && value >= INT32_MIN && value <= INT32_MAX) return static_cast<int>(value);
    }
    long long value = to_long_long(routine, argname, obj);
    if (value < INT32_MIN || value > INT32_MAX)
        raise(PyExc_ValueError, "%s: %s = %lld is out of range", routine, argname, value);
    return static_cast<int>(value);
}

std::size_t to_size(const char* routine, const char* argname, PyObject* obj, std::size_t fallback)
{
    if (is_none(obj)) return fallback;
    long long value = to_long_long(routine, argname, obj);
    if (value < 0) raise(PyExc_ValueError, "%s: %s = %lld must not be negative", routine, argname, value);
    return static_cast<std::size_t>(value);
}

oshmpi::cmp to_cmp(const char* routine, PyObject* obj)
{
    using oshmpi::cmp;
    if (obj != nullptr && PyUnicode_Check(obj)) {
        const char* text = PyUnicode_AsUTF8(obj);
        if (text == nullptr) throw py::error_already_set();
        static const struct {
            const char* symbol;
            const char* name;
            cmp value;
        } table[] = {{"==", "eq", cmp::eq}, {"!=", "ne", cmp::ne}, {">", "gt", cmp::gt},
                     {">=", "ge", cmp::ge}, {"<", "lt", cmp::lt}, {"<=", "le", cmp::le}};
        for (const auto& entry : table)
            if (std::strcmp(text, entry.symbol) == 0 || strcasecmp(text, entry.name) == 0) return entry.value;
        // Upstream looks the name up as lib.SHMEM_CMP_<NAME>: an unknown one is an AttributeError.
        raise(PyExc_AttributeError, "%s: unknown comparison '%s' (use CMP.EQ/NE/GT/GE/LT/LE or "
                                    "'==', '!=', '>', '>=', '<', '<=')", routine, text);
    }
    int value = to_int(routine, "cmp", obj);
    if (value < static_cast<int>(cmp::eq) || value > static_cast<int>(cmp::le))
        raise(PyExc_ValueError, "%s: cmp = %d is not a CMP value", routine, value);
    return static_cast<cmp>(value);
}

} // namespace shmem4py
