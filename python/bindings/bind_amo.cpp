// Atomic memory operations (spec 9.7). Each Python routine is a row of `amo_routines` below; one
// body parses, checks and converts the operands in C++ and calls the runtime's byte-level atomic,
// which takes the element's size and kind, so no template per type is needed.
#include <cstring>

#include "common.hpp"

namespace shmem4py {

namespace {

using oshmpi::amo_op;

enum amo_class : unsigned { standard = cap_amo_standard, extended = cap_amo_extended, bitwise = cap_amo_bitwise };

struct amo_routine {
    const char* name;
    amo_op op;
    amo_class family;
    bool takes_value;
    bool takes_cond;
    bool fetching; // returns the old value
    bool nbi;      // the old value goes to a `fetch` array, valid after quiet()
    bool increment; // the operand is 1
};

const char* family_name(amo_class family)
{
    switch (family) {
    case standard: return "standard AMO dtypes: int32, int64, longlong, uint32, uint64, ulonglong";
    case extended: return "extended AMO dtypes: the standard ones, float32 and float64";
    case bitwise: return "bitwise AMO dtypes: uint32, uint64, ulonglong";
    }
    return "";
}

// Upstream's argument names: `source` for atomic_fetch, `target` for the rest.
PyObject* run(const amo_routine& r, PyObject* const* a)
{
    // a: [fetch], target, [cond], [value], pe, ctx in that order, already parsed.
    int i = 0;
    array_ref fetch;
    if (r.nbi) fetch = as_array(r.name, "fetch", a[i++], access_mode::write);
    const char* target_name = r.op == amo_op::fetch ? "source" : "target";
    array_ref target = as_array(r.name, target_name, a[i++],
                                r.op == amo_op::fetch ? access_mode::read : access_mode::write);
    const dtype_info& type = *target.type;
    if ((type.caps & r.family) == 0)
        raise(exceptions().missing_routine, "%s: no %s for dtype '%c' (%s); it takes the %s", r.name, r.name,
              type.code, type.type_name, family_name(r.family));
    if (target.count != 1)
        raise(exceptions().size_error, "%s: %s must hold exactly one element, not %zu", r.name, target_name, target.count);
    if (r.nbi) {
        if (fetch.type != target.type)
            raise(exceptions().dtype_mismatch, "%s: fetch dtype '%c' differs from %s dtype '%c'", r.name,
                  fetch.type->code, target_name, type.code);
        if (fetch.count < 1) raise(exceptions().size_error, "%s: fetch must hold one element", r.name);
    }
    alignas(16) unsigned char cond[16] = {};
    alignas(16) unsigned char value[16] = {};
    if (r.takes_cond) type.from_python(r.name, "cond", a[i++], cond);
    if (r.takes_value) type.from_python(r.name, "value", a[i++], value);
    if (r.increment) {
        static PyObject* one = PyLong_FromLong(1);
        type.from_python(r.name, "value", one, value);
    }
    int pe = to_int(r.name, "pe", a[i++]);
    oshmpi::context& ctx = to_context(r.name, a[i]);
    require_symmetric(r.name, target_name, target);
    alignas(16) unsigned char fetched[16];
    void* out = r.nbi ? static_cast<void*>(fetch.data) : (r.fetching ? static_cast<void*>(fetched) : nullptr);
    oshmpi::detail::atomic(ctx, r.op, type.scalar, target.data, value, r.takes_cond ? cond : nullptr, out, pe, r.nbi);
    if (r.fetching && !r.nbi) return type.to_python(fetched);
    return none();
}

// The parameter list of a routine, in upstream's order.
int parameter_names(const amo_routine& r, const char** names)
{
    int n = 0;
    if (r.nbi) names[n++] = "fetch";
    names[n++] = r.op == amo_op::fetch ? "source" : "target";
    if (r.takes_cond) names[n++] = "cond";
    if (r.takes_value) names[n++] = "value";
    names[n++] = "pe";
    names[n++] = "ctx";
    return n;
}

PyObject* call(const amo_routine& r, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        const char* names[8];
        PyObject* a[8];
        int n = parameter_names(r, names);
        parse_arguments(r.name, names, n, n - 1, args, nargs, kwnames, a);
        return run(r, a);
    });
}

// clang-format off
constexpr amo_routine amo_routines[] = {
    //  name                      op                      family    value  cond   fetch  nbi    inc
    {"atomic_fetch",            amo_op::fetch,        extended, false, false, true,  false, false},
    {"atomic_set",              amo_op::set,          extended, true,  false, false, false, false},
    {"atomic_swap",             amo_op::swap,         extended, true,  false, true,  false, false},
    {"atomic_compare_swap",     amo_op::compare_swap, standard, true,  true,  true,  false, false},
    {"atomic_inc",              amo_op::add,          standard, false, false, false, false, true},
    {"atomic_fetch_inc",        amo_op::add,          standard, false, false, true,  false, true},
    {"atomic_add",              amo_op::add,          standard, true,  false, false, false, false},
    {"atomic_fetch_add",        amo_op::add,          standard, true,  false, true,  false, false},
    {"atomic_and",              amo_op::bit_and,      bitwise,  true,  false, false, false, false},
    {"atomic_fetch_and",        amo_op::bit_and,      bitwise,  true,  false, true,  false, false},
    {"atomic_or",               amo_op::bit_or,       bitwise,  true,  false, false, false, false},
    {"atomic_fetch_or",         amo_op::bit_or,       bitwise,  true,  false, true,  false, false},
    {"atomic_xor",              amo_op::bit_xor,      bitwise,  true,  false, false, false, false},
    {"atomic_fetch_xor",        amo_op::bit_xor,      bitwise,  true,  false, true,  false, false},
    {"atomic_fetch_nbi",        amo_op::fetch,        extended, false, false, true,  true,  false},
    {"atomic_swap_nbi",         amo_op::swap,         extended, true,  false, true,  true,  false},
    {"atomic_compare_swap_nbi", amo_op::compare_swap, standard, true,  true,  true,  true,  false},
    {"atomic_fetch_inc_nbi",    amo_op::add,          standard, false, false, true,  true,  true},
    {"atomic_fetch_add_nbi",    amo_op::add,          standard, true,  false, true,  true,  false},
    {"atomic_fetch_and_nbi",    amo_op::bit_and,      bitwise,  true,  false, true,  true,  false},
    {"atomic_fetch_or_nbi",     amo_op::bit_or,       bitwise,  true,  false, true,  true,  false},
    {"atomic_fetch_xor_nbi",    amo_op::bit_xor,      bitwise,  true,  false, true,  true,  false},
};
// clang-format on
constexpr std::size_t amo_count = sizeof amo_routines / sizeof amo_routines[0];

template <std::size_t I>
PyObject* amo_entry(PyObject*, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return call(amo_routines[I], args, nargs, kwnames);
}

// atomic_op / atomic_fetch_op / atomic_fetch_op_nbi: the operation named by an AMO member or string.
const amo_routine& by_op(const char* routine, PyObject* op, bool fetching, bool nbi)
{
    if (op == nullptr || !PyUnicode_Check(op))
        raise(PyExc_AssertionError, "%s: op must be an AMO member or a string, not %s", routine,
              op == nullptr ? "nothing" : Py_TYPE(op)->tp_name);
    std::string name = PyUnicode_AsUTF8(op);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Upstream maps the fetching 'set' to swap.
    if (fetching && name == "set") name = "swap";
    std::string full = std::string("atomic_") + (fetching && name != "swap" ? "fetch_" : "") + name + (nbi ? "_nbi" : "");
    for (const amo_routine& r : amo_routines)
        if (full == r.name && r.fetching == fetching && r.op != amo_op::compare_swap && r.op != amo_op::fetch) return r;
    raise(PyExc_AttributeError, "%s: no atomic operation '%s' (use set, inc, add, and, or, xor)", routine, name.c_str());
}

PyObject* by_op_call(const char* routine, bool fetching, bool nbi, PyObject* const* args, Py_ssize_t nargs,
                     PyObject* kwnames)
{
    return guarded([&] {
        static const char* const plain[] = {"target", "value", "op", "pe", "ctx"};
        static const char* const with_fetch[] = {"fetch", "target", "value", "op", "pe", "ctx"};
        PyObject* a[6];
        int n = nbi ? 6 : 5;
        parse_arguments(routine, nbi ? with_fetch : plain, n, n - 1, args, nargs, kwnames, a);
        int k = nbi ? 1 : 0; // index of target
        const amo_routine& r = by_op(routine, a[k + 2], fetching, nbi);
        // Reorder to run()'s layout: [fetch], target, [value], pe, ctx.
        PyObject* b[5];
        int j = 0;
        if (nbi) b[j++] = a[0];
        b[j++] = a[k];
        if (r.takes_value) b[j++] = a[k + 1];
        b[j++] = a[k + 3];
        b[j] = a[k + 4];
        return run(r, b);
    });
}

SHMEM4PY_FAST(py_atomic_op) { return by_op_call("atomic_op", false, false, args, nargs, kwnames); }
SHMEM4PY_FAST(py_atomic_fetch_op) { return by_op_call("atomic_fetch_op", true, false, args, nargs, kwnames); }
SHMEM4PY_FAST(py_atomic_fetch_op_nbi) { return by_op_call("atomic_fetch_op_nbi", true, true, args, nargs, kwnames); }

template <std::size_t... I>
void add_amo_routines(py::module_& m, std::index_sequence<I...>)
{
    static std::string docs[amo_count];
    for (std::size_t i = 0; i < amo_count; ++i) {
        const char* names[8];
        int n = parameter_names(amo_routines[i], names);
        std::string sig = std::string(amo_routines[i].name) + "(";
        for (int k = 0; k < n; ++k) sig += std::string(k ? ", " : "") + names[k] + (k == n - 1 ? "=None" : "");
        docs[i] = sig + ")\n--\n\nAtomic memory operation on a one-element symmetric array.";
    }
    add_fast_methods(m, {fast_method{amo_routines[I].name, &amo_entry<I>, docs[I].c_str()}...});
}

} // namespace

void bind_amo(py::module_& m)
{
    add_amo_routines(m, std::make_index_sequence<amo_count>{});
    add_fast_methods(m, {
        {"atomic_op", py_atomic_op, "atomic_op(target, value, op, pe, ctx=None)\n--\n\nThe AMO named by op."},
        {"atomic_fetch_op", py_atomic_fetch_op,
         "atomic_fetch_op(target, value, op, pe, ctx=None)\n--\n\nThe fetching AMO named by op; returns the old value."},
        {"atomic_fetch_op_nbi", py_atomic_fetch_op_nbi,
         "atomic_fetch_op_nbi(fetch, target, value, op, pe, ctx=None)\n--\n\nNonblocking fetching AMO named by op."},
    });
}

} // namespace shmem4py
