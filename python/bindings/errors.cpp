// The one point where C++ failures become Python exceptions.
#include <cstdarg>
#include <cstdio>

#include "common.hpp"

namespace shmem4py {

exception_types& exceptions()
{
    static exception_types types;
    return types;
}

void raise(PyObject* type, const char* format, ...)
{
    char message[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    throw python_error{type, message};
}

namespace {
// The runtime's error codes as the exceptions a Python user expects.
PyObject* python_type_of(oshmpi::errc code)
{
    switch (code) {
    case oshmpi::errc::invalid_pe:
    case oshmpi::errc::not_symmetric:
    case oshmpi::errc::invalid_argument: return PyExc_ValueError;
    case oshmpi::errc::out_of_memory: return PyExc_MemoryError;
    case oshmpi::errc::not_initialized:
    case oshmpi::errc::out_of_resources:
    case oshmpi::errc::mpi_failure: return PyExc_RuntimeError;
    }
    return PyExc_RuntimeError;
}
} // namespace

void set_python_error_from_current_exception() noexcept
{
    try {
        throw;
    } catch (const python_error& e) {
        PyErr_SetString(e.type, e.message.c_str());
    } catch (const oshmpi::error& e) {
        PyErr_SetString(python_type_of(e.code()), e.what());
    } catch (py::error_already_set& e) {
        e.restore();
    } catch (const py::builtin_exception& e) {
        e.set_error();
    } catch (const std::bad_alloc&) {
        PyErr_NoMemory();
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
    } catch (...) {
        PyErr_SetString(PyExc_RuntimeError, "shmem4py: unknown C++ exception");
    }
}

namespace {
PyObject* new_exception(py::module_& m, const char* name, PyObject* base1, PyObject* base2, const char* doc)
{
    std::string qualified = std::string("shmem4py.") + name;
    PyObject* bases = PyTuple_Pack(2, base1, base2);
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
    Py_DECREF(bases);
    if (type == nullptr) throw py::error_already_set();
    m.attr(name) = py::handle(type);
    return type;
}
} // namespace

void bind_errors(py::module_& m)
{
    exception_types& t = exceptions();
    t.dtype_mismatch = new_exception(m, "DTypeMismatchError", PyExc_AssertionError, PyExc_TypeError,
                                     "Arrays of different dtypes where one dtype is required.");
    t.size_error = new_exception(m, "SizeError", PyExc_AssertionError, PyExc_ValueError,
                                 "A count or shape that does not fit the arrays given.");
    t.unsupported_dtype = new_exception(m, "UnsupportedDTypeError", PyExc_KeyError, PyExc_TypeError,
                                        "A NumPy dtype that OpenSHMEM has no C type for.");
    t.missing_routine = new_exception(m, "MissingRoutineError", PyExc_AttributeError, PyExc_TypeError,
                                      "An operation that OpenSHMEM does not define for this dtype.");
    // Everything the runtime raises while working normally converts through the same function.
    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) return;
        try {
            std::rethrow_exception(p);
        } catch (...) {
            set_python_error_from_current_exception();
        }
    });
}

} // namespace shmem4py
