// What every bind_<area>.cpp shares: the one point where C++ errors become Python exceptions, the
// fast calling convention used by hot routines, and access to NumPy arrays without round trips
// through Python attributes.
//
// Hot routines (put, get, AMOs, waits, barrier_all, quiet) are plain CPython METH_FASTCALL
// functions: pybind11's generic dispatcher costs several hundred nanoseconds per call, while
// parsing a fixed parameter list by hand costs tens. Everything else goes through pybind11.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>

#include <oshmpi/amo.hpp>
#include <oshmpi/error.hpp>
#include <oshmpi/p2p.hpp>
#include <oshmpi/team.hpp>

namespace shmem4py {

namespace py = pybind11;

// ---------------------------------------------------------------------------------------------
// Errors: one conversion point.

// Exception classes that keep upstream shmem4py's types (scripts catch them) while also being the
// precise standard type: DTypeMismatchError is an AssertionError and a TypeError, SizeError an
// AssertionError and a ValueError, UnsupportedDTypeError a KeyError and a TypeError.
struct exception_types {
    PyObject* dtype_mismatch = nullptr;
    PyObject* size_error = nullptr;
    PyObject* unsupported_dtype = nullptr;
    PyObject* missing_routine = nullptr; // AttributeError + TypeError: no such routine for the dtype
};
exception_types& exceptions();

// Raised from C++ to set a specific Python exception type with a message.
struct python_error {
    PyObject* type;
    std::string message;
};
[[noreturn]] void raise(PyObject* type, const char* format, ...) __attribute__((format(printf, 2, 3)));

// Sets the Python error for the exception in flight (oshmpi::error by its code, pybind11 errors,
// python_error). Call only inside a catch block.
void set_python_error_from_current_exception() noexcept;

// Runs `body` and converts any exception: the wrapper every fast function uses.
template <class Body>
PyObject* guarded(Body&& body) noexcept
{
    try {
        return body();
    } catch (...) {
        set_python_error_from_current_exception();
        return nullptr;
    }
}

inline PyObject* none()
{
    Py_RETURN_NONE;
}

// ---------------------------------------------------------------------------------------------
// The fast calling convention.

using fast_function = PyObject* (*)(PyObject*, PyObject* const*, Py_ssize_t, PyObject*);

// Fills out[0..n) from positional and keyword arguments against `names`; the first `required` are
// mandatory, the rest default to nullptr. Raises TypeError as Python would.
void parse_arguments(const char* routine, const char* const* names, int n, int required,
                     PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, PyObject** out);

// Adds METH_FASTCALL functions to the module; `doc` starts with the signature line.
struct fast_method {
    const char* name;
    fast_function function;
    const char* doc;
};
void add_fast_methods(py::module_& m, std::initializer_list<fast_method> methods);

// Declares a fast function: body sees `args`, `nargs`, `kwnames` and returns a new reference.
#define SHMEM4PY_FAST(name)                                                                         \
    PyObject* name(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)

// ---------------------------------------------------------------------------------------------
// Scalars.

// A C int from an int-like object (int, NumPy integer, anything with __index__); TypeError naming
// the argument for a float, a string or None.
int to_int(const char* routine, const char* argname, PyObject* obj);
long long to_long_long(const char* routine, const char* argname, PyObject* obj);
// An optional count: nullptr or None give `fallback`; negative raises ValueError.
std::size_t to_size(const char* routine, const char* argname, PyObject* obj, std::size_t fallback);
bool is_none(PyObject* obj) noexcept;

// A comparison (CMP member, int, or '==', 'eq', 'EQ', ...) as the runtime's cmp.
oshmpi::cmp to_cmp(const char* routine, PyObject* obj);

// ---------------------------------------------------------------------------------------------
// dtypes: a table indexed by NumPy's type character, filled from oshmpi/types.def.

enum capability : unsigned {
    cap_rma_typed = 1u << 0, // a typed RMA routine exists (else the byte routine serves)
    cap_amo_standard = 1u << 1,
    cap_amo_extended = 1u << 2,
    cap_amo_bitwise = 1u << 3,
    cap_p2p = 1u << 4,
    cap_reduce_bitwise = 1u << 5,
    cap_reduce_minmax = 1u << 6,
    cap_reduce_arith = 1u << 7,
};

struct dtype_info {
    char code = 0;                 // NumPy's dtype.char
    const char* type_name = nullptr; // the OpenSHMEM TYPENAME ('double', 'longlong', 'complexd', ...)
    std::size_t size = 0;
    unsigned caps = 0;
    oshmpi::detail::scalar_type scalar{}; // for AMOs and waits
    MPI_Datatype reduce_type = MPI_DATATYPE_NULL; // for reductions
    // Converts a Python number to this C type at `out` (raises TypeError/OverflowError naming
    // `argname`); and a C value back to a Python int or float.
    void (*from_python)(const char* routine, const char* argname, PyObject* obj, void* out) = nullptr;
    PyObject* (*to_python)(const void* value) = nullptr;
};

// The entry for a NumPy type character, or nullptr when shmem4py does not support it.
// NumPy's character for a C++ fundamental type (numpy.dtype(ctype).char): fixed by NumPy, keyed by
// the type itself so that int64_t lands on 'l' exactly as the C compiler defines it.
template <class T>
constexpr char numpy_code_of()
{
    if constexpr (std::is_same_v<T, char>) return 'c';
    else if constexpr (std::is_same_v<T, signed char>) return 'b';
    else if constexpr (std::is_same_v<T, unsigned char>) return 'B';
    else if constexpr (std::is_same_v<T, short>) return 'h';
    else if constexpr (std::is_same_v<T, unsigned short>) return 'H';
    else if constexpr (std::is_same_v<T, int>) return 'i';
    else if constexpr (std::is_same_v<T, unsigned int>) return 'I';
    else if constexpr (std::is_same_v<T, long>) return 'l';
    else if constexpr (std::is_same_v<T, unsigned long>) return 'L';
    else if constexpr (std::is_same_v<T, long long>) return 'q';
    else if constexpr (std::is_same_v<T, unsigned long long>) return 'Q';
    else if constexpr (std::is_same_v<T, float>) return 'f';
    else if constexpr (std::is_same_v<T, double>) return 'd';
    else if constexpr (std::is_same_v<T, long double>) return 'g';
    else if constexpr (std::is_same_v<T, std::complex<float>>) return 'F';
    else if constexpr (std::is_same_v<T, std::complex<double>>) return 'D';
    else if constexpr (std::is_same_v<T, std::complex<long double>>) return 'G';
    else static_assert(sizeof(T) == 0, "no NumPy type character for this type");
}

const dtype_info* dtype_for_code(char code) noexcept;
// Raises upstream's KeyError (as UnsupportedDTypeError) for an unsupported dtype.
[[noreturn]] void raise_unsupported_dtype(const char* routine, const char* argname, char code);

// ---------------------------------------------------------------------------------------------
// NumPy arrays as buffers.

struct array_ref {
    PyObject* obj = nullptr;
    char* data = nullptr;
    std::size_t count = 0; // elements
    const dtype_info* type = nullptr;
    [[nodiscard]] std::size_t nbytes() const noexcept { return count * type->size; }
};

enum class access_mode { read, write };

// Checks obj is a contiguous ndarray of a supported dtype (writeable for access_mode::write) and
// returns its memory; upstream's exception types, with messages naming routine and argument.
array_ref as_array(const char* routine, const char* argname, PyObject* obj, access_mode mode);

// Raises DTypeMismatchError unless both arrays have the same dtype.
void check_same_dtype(const char* routine, const array_ref& target, const array_ref& source);

// The element count of a contiguous transfer between `target` and `source` (same dtype): `size`,
// or the smaller array's length when it is None; SizeError if it exceeds either array.
std::size_t transfer_count(const char* routine, const array_ref& target, const array_ref& source, PyObject* size);

// ---------------------------------------------------------------------------------------------
// Symmetric memory allocated through shmem4py: live blocks by address range, so views and slices
// are recognised and freed arrays are not.

void register_block(const void* begin, std::size_t nbytes);
void unregister_block(const void* begin);
// The heap's generation: it changes when the last finalize releases the heap, so blocks allocated
// before it (whose addresses a later initialization may hand out again) are told apart.
[[nodiscard]] std::uint64_t heap_generation() noexcept;
// After the last finalize: no block is symmetric any more, and the generation moves on.
void forget_all_blocks();
[[nodiscard]] bool is_live_symmetric(const void* begin, std::size_t nbytes) noexcept;
// Raises ValueError naming the argument unless [a.data, a.data + a.nbytes()) is live symmetric memory.
void require_symmetric(const char* routine, const char* argname, const array_ref& a);

// The address of a lock (signal=false) or signal word made by shmem.new_lock()/new_signal();
// TypeError for anything else.
void* word_address(const char* routine, const char* argname, PyObject* obj, bool signal);

// ---------------------------------------------------------------------------------------------
// Handles from the Python Ctx and Team objects (their `_handle` attribute holds the C++ pointer).

oshmpi::context& to_context(const char* routine, PyObject* ctx); // nullptr or None: the default
void forget_all_contexts(); // the last finalize destroyed every context
bool is_invalid_context(const char* routine, PyObject* ctx);      // CTX_INVALID (or a destroyed Ctx)
oshmpi::team* to_team(const char* routine, PyObject* team);      // nullptr or None: TEAM_WORLD
// Context handles shmem4py handed out, so a forged or destroyed handle is refused.
void remember_context(const oshmpi::context* ctx);
bool forget_context(const oshmpi::context* ctx); // whether it was live

// ---------------------------------------------------------------------------------------------
// One function per area, called by module.cpp.
void bind_errors(py::module_& m);
void bind_dtypes(py::module_& m);
void bind_setup(py::module_& m);
void bind_memory(py::module_& m);
void bind_rma(py::module_& m);
void bind_amo(py::module_& m);
void bind_sync(py::module_& m);
void bind_p2p(py::module_& m);
void bind_teams(py::module_& m);
void bind_ctx(py::module_& m);
void bind_collectives(py::module_& m);
void bind_lock(py::module_& m);
void bind_signal(py::module_& m);
void bind_bench(py::module_& m);

} // namespace shmem4py
