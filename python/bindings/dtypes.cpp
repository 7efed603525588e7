// The dtype table: NumPy's type character -> OpenSHMEM TYPENAME, size and the routine families
// defined for it. Every row comes from the X-macro tables of oshmpi/types.def; the first entry of
// a table that maps to a character names it, so int64 (== long here) is reported as 'long', as in
// upstream shmem4py.
#include <array>
#include <complex>
#include <cstdio>
#include <cstring>
#include <limits>
#include <type_traits>

#include <oshmpi/collectives.hpp>
#include <oshmpi/types.def>

#include "common.hpp"

#define OSHMPI_COMPLEXD std::complex<double>
#define OSHMPI_COMPLEXF std::complex<float>

namespace shmem4py {

namespace {

template <class T>
struct is_complex : std::false_type {};
template <class T>
struct is_complex<std::complex<T>> : std::true_type {};

template <class T>
void from_python(const char* routine, const char* argname, PyObject* obj, void* out)
{
    if constexpr (std::is_floating_point_v<T>) {
        double value = PyFloat_AsDouble(obj);
        if (value == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            raise(PyExc_TypeError, "%s: %s must be a number, not %s", routine, argname, Py_TYPE(obj)->tp_name);
        }
        *static_cast<T*>(out) = static_cast<T>(value);
    } else if constexpr (std::is_integral_v<T>) {
        if (obj == nullptr || PyFloat_Check(obj) || !PyIndex_Check(obj))
            raise(PyExc_TypeError, "%s: %s must be an integer, not %s", routine, argname,
                  obj == nullptr ? "nothing" : Py_TYPE(obj)->tp_name);
        py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(obj));
        if (!index) throw py::error_already_set();
        if constexpr (std::is_signed_v<T>) {
            int overflow = 0;
            long long value = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
            if (overflow != 0 || value < static_cast<long long>(std::numeric_limits<T>::min()) ||
                value > static_cast<long long>(std::numeric_limits<T>::max()))
                raise(PyExc_OverflowError, "%s: %s does not fit the array's %zu-byte signed type",
                      routine, argname, sizeof(T));
            *static_cast<T*>(out) = static_cast<T>(value);
        } else {
            unsigned long long value = PyLong_AsUnsignedLongLong(index.ptr());
            if ((value == static_cast<unsigned long long>(-1) && PyErr_Occurred()) ||
                value > static_cast<unsigned long long>(std::numeric_limits<T>::max())) {
                PyErr_Clear();
                raise(PyExc_OverflowError, "%s: %s does not fit the array's %zu-byte unsigned type",
                      routine, argname, sizeof(T));
            }
            *static_cast<T*>(out) = static_cast<T>(value);
        }
    } else {
        raise(PyExc_TypeError, "%s: %s: no scalar conversion for this dtype", routine, argname);
    }
}

template <class T>
PyObject* to_python(const void* value)
{
    T v = *static_cast<const T*>(value);
    if constexpr (std::is_floating_point_v<T>) return PyFloat_FromDouble(static_cast<double>(v));
    else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) return PyLong_FromLongLong(v);
    else if constexpr (std::is_integral_v<T>) return PyLong_FromUnsignedLongLong(v);
    else return PyComplex_FromDoubles(static_cast<double>(v.real()), static_cast<double>(v.imag()));
}

struct dtype_table {
    std::array<dtype_info, 128> rows{};

    template <class T>
    void add(const char* type_name, unsigned caps)
    {
        dtype_info& row = rows[static_cast<unsigned char>(numpy_code_of<T>())];
        if (row.code == 0) {
            row.code = numpy_code_of<T>();
            row.type_name = type_name;
            row.size = sizeof(T);
            row.from_python = &from_python<T>;
            row.to_python = &to_python<T>;
            if constexpr (std::is_arithmetic_v<T> && (sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8) &&
                          !std::is_same_v<T, long double>)
                row.scalar = oshmpi::detail::scalar_type_of<T>();
        }
        // Like upstream, a character has the routines of its C name only: 'i' is `int`, so the
        // bitwise AMOs and reductions that exist for `int32` (the same C type) are not offered.
        if (std::strcmp(row.type_name, type_name) != 0) return;
        row.caps |= caps;
        if constexpr (!std::is_same_v<T, std::complex<long double>>)
            if (caps & (cap_reduce_bitwise | cap_reduce_minmax | cap_reduce_arith))
                row.reduce_type = oshmpi::detail::reduce_datatype<T>();
    }

    dtype_table()
    {
#define SHMEM4PY_ROW(ctype, name, caps) add<ctype>(#name, caps);
#define SHMEM4PY_RMA(ctype, name) SHMEM4PY_ROW(ctype, name, cap_rma_typed)
#define SHMEM4PY_STD(ctype, name) SHMEM4PY_ROW(ctype, name, cap_amo_standard)
#define SHMEM4PY_EXT(ctype, name) SHMEM4PY_ROW(ctype, name, cap_amo_extended)
#define SHMEM4PY_BIT(ctype, name) SHMEM4PY_ROW(ctype, name, cap_amo_bitwise)
#define SHMEM4PY_P2P(ctype, name) SHMEM4PY_ROW(ctype, name, cap_p2p)
#define SHMEM4PY_RBIT(ctype, name) SHMEM4PY_ROW(ctype, name, cap_reduce_bitwise)
#define SHMEM4PY_RMINMAX(ctype, name) SHMEM4PY_ROW(ctype, name, cap_reduce_minmax)
#define SHMEM4PY_RARITH(ctype, name) SHMEM4PY_ROW(ctype, name, cap_reduce_arith)
        OSHMPI_RMA_TYPES(SHMEM4PY_RMA)
        OSHMPI_AMO_STANDARD_TYPES(SHMEM4PY_STD)
        OSHMPI_AMO_EXTENDED_TYPES(SHMEM4PY_EXT)
        OSHMPI_AMO_BITWISE_TYPES(SHMEM4PY_BIT)
        OSHMPI_P2P_TYPES(SHMEM4PY_P2P)
        OSHMPI_REDUCE_BITWISE_TYPES(SHMEM4PY_RBIT)
        OSHMPI_REDUCE_MINMAX_TYPES(SHMEM4PY_RMINMAX)
        OSHMPI_REDUCE_ARITH_TYPES(SHMEM4PY_RARITH)
        // Complex long double has no OpenSHMEM routine at all; upstream shmem4py still moves it with
        // the byte routines (putmem, getmem, broadcastmem, ...), so it gets a row with no family.
        add<std::complex<long double>>("complexl", 0);
#undef SHMEM4PY_ROW
#undef SHMEM4PY_RMA
#undef SHMEM4PY_STD
#undef SHMEM4PY_EXT
#undef SHMEM4PY_BIT
#undef SHMEM4PY_P2P
#undef SHMEM4PY_RBIT
#undef SHMEM4PY_RMINMAX
#undef SHMEM4PY_RARITH
    }
};

const dtype_table& table()
{
    static const dtype_table instance;
    return instance;
}

} // namespace

const dtype_info* dtype_for_code(char code) noexcept
{
    auto index = static_cast<unsigned char>(code);
    if (index >= 128) return nullptr;
    const dtype_info& row = table().rows[index];
    return row.code != 0 ? &row : nullptr;
}

void raise_unsupported_dtype(const char* routine, const char* argname, char code)
{
    raise(exceptions().unsupported_dtype,
          "'%c' (%s: %s has a dtype with no OpenSHMEM C type; use an integer, float or complex dtype)",
          code, routine, argname);
}

void bind_dtypes(py::module_& m)
{
    py::dict names;
    for (const dtype_info& row : table().rows)
        if (row.code != 0) names[py::str(std::string(1, row.code))] = py::str(row.type_name);
    m.attr("TYPENAMES") = names;
}

} // namespace shmem4py
