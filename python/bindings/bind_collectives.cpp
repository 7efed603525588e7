// Collectives, reductions and scans on teams (spec 9.9). Data moves as bytes (any dtype, complex too, as
// upstream's *mem fallbacks do); reductions use the element's MPI datatype from the dtype table,
// and only the (dtype, op) pairs of the reduction tables are accepted.
#include <oshmpi/collectives.hpp>
#include <oshmpi/team.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

std::size_t ceil_div(std::size_t a, std::size_t b)
{
    return (a + b - 1) / b;
}

struct collective_args {
    array_ref target, source;
    oshmpi::team* team;
    std::size_t npes;
};

collective_args prepare(const char* routine, PyObject* target, PyObject* source, PyObject* team)
{
    collective_args c;
    c.target = as_array(routine, "target", target, access_mode::write);
    c.source = as_array(routine, "source", source, access_mode::read);
    check_same_dtype(routine, c.target, c.source);
    c.team = to_team(routine, team);
    int npes = oshmpi::team_n_pes(c.team);
    if (npes <= 0) raise(PyExc_RuntimeError, "%s: this PE is not a member of the team", routine);
    c.npes = static_cast<std::size_t>(npes);
    require_symmetric(routine, "target", c.target);
    require_symmetric(routine, "source", c.source);
    return c;
}

[[noreturn]] void size_error(const char* routine, const char* rule, std::size_t size)
{
    raise(exceptions().size_error, "%s: size = %zu: %s", routine, size, rule);
}

SHMEM4PY_FAST(py_broadcast)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "root", "size", "team"};
        PyObject* a[5];
        parse_arguments("broadcast", names, 5, 3, args, nargs, kwnames, a);
        collective_args c = prepare("broadcast", a[0], a[1], a[4]);
        int root = to_int("broadcast", "root", a[2]);
        std::size_t limit = std::min(c.target.count, c.source.count);
        std::size_t n = to_size("broadcast", "size", a[3], limit);
        if (n > limit) size_error("broadcast", "exceeds the target or the source", n);
        oshmpi::detail::broadcast_bytes(c.team, c.target.data, c.source.data, n * c.target.type->size, root, true,
                                        "broadcast");
        return none();
    });
}

template <bool Fixed>
PyObject* gather(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "size", "team"};
        PyObject* a[4];
        parse_arguments(routine, names, 4, 2, args, nargs, kwnames, a);
        collective_args c = prepare(routine, a[0], a[1], a[3]);
        std::size_t n = to_size(routine, "size", a[2], c.source.count);
        if (n > c.source.count) size_error(routine, "exceeds the source", n);
        if (Fixed ? n * c.npes > c.target.count : n > c.target.count)
            size_error(routine, Fixed ? "size * npes exceeds the target" : "exceeds the target", n);
        std::size_t nbytes = n * c.target.type->size;
        if (Fixed) oshmpi::detail::fcollect_bytes(c.team, c.target.data, c.source.data, nbytes, routine);
        else oshmpi::detail::collect_bytes(c.team, c.target.data, c.source.data, nbytes, routine);
        return none();
    });
}

SHMEM4PY_FAST(py_collect) { return gather<false>("collect", args, nargs, kwnames); }
SHMEM4PY_FAST(py_fcollect) { return gather<true>("fcollect", args, nargs, kwnames); }

SHMEM4PY_FAST(py_alltoall)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "size", "team"};
        PyObject* a[4];
        parse_arguments("alltoall", names, 4, 2, args, nargs, kwnames, a);
        collective_args c = prepare("alltoall", a[0], a[1], a[3]);
        std::size_t limit = std::min(c.target.count, c.source.count);
        std::size_t n;
        if (is_none(a[2])) {
            if (limit % c.npes != 0)
                raise(exceptions().size_error, "alltoall: %zu elements do not split evenly over %zu PEs", limit, c.npes);
            n = limit / c.npes;
        } else {
            n = to_size("alltoall", "size", a[2], 0);
            if (n * c.npes > limit) size_error("alltoall", "size * npes exceeds the target or the source", n);
        }
        oshmpi::detail::alltoall_bytes(c.team, c.target.data, c.source.data, n * c.target.type->size, "alltoall");
        return none();
    });
}

SHMEM4PY_FAST(py_alltoalls)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "tst", "sst", "size", "team"};
        PyObject* a[6];
        parse_arguments("alltoalls", names, 6, 2, args, nargs, kwnames, a);
        collective_args c = prepare("alltoalls", a[0], a[1], a[5]);
        long long tst = is_none(a[2]) ? 1 : to_long_long("alltoalls", "tst", a[2]);
        long long sst = is_none(a[3]) ? 1 : to_long_long("alltoalls", "sst", a[3]);
        if (tst < 1 || sst < 1) raise(PyExc_ValueError, "alltoalls: strides must be >= 1 (tst = %lld, sst = %lld)", tst, sst);
        std::size_t limit = std::min(ceil_div(c.target.count, static_cast<std::size_t>(tst)),
                                     ceil_div(c.source.count, static_cast<std::size_t>(sst)));
        std::size_t n;
        if (is_none(a[4])) {
            if (limit % c.npes != 0)
                raise(exceptions().size_error, "alltoalls: %zu strided elements do not split evenly over %zu PEs", limit, c.npes);
            n = limit / c.npes;
        } else {
            n = to_size("alltoalls", "size", a[4], 0);
            if (n * c.npes > limit) size_error("alltoalls", "size * npes exceeds the arrays at these strides", n);
        }
        oshmpi::detail::alltoalls_bytes(c.team, c.target.data, c.source.data, tst, sst, c.target.type->size, n,
                                        "alltoalls");
        return none();
    });
}

struct op_entry {
    const char* name;
    oshmpi::reduce_op op;
    unsigned cap;
};
constexpr op_entry reduce_ops[] = {
    {"and", oshmpi::reduce_op::bit_and, cap_reduce_bitwise}, {"or", oshmpi::reduce_op::bit_or, cap_reduce_bitwise},
    {"xor", oshmpi::reduce_op::bit_xor, cap_reduce_bitwise}, {"max", oshmpi::reduce_op::max, cap_reduce_minmax},
    {"min", oshmpi::reduce_op::min, cap_reduce_minmax},      {"sum", oshmpi::reduce_op::sum, cap_reduce_arith},
    {"prod", oshmpi::reduce_op::prod, cap_reduce_arith},
};

const op_entry& parse_op(PyObject* op)
{
    if (op == nullptr) return reduce_ops[5]; // OP_SUM
    if (!PyUnicode_Check(op))
        raise(PyExc_AssertionError, "reduce: op must be an OP member or a string, not %s", Py_TYPE(op)->tp_name);
    const char* text = PyUnicode_AsUTF8(op);
    for (const op_entry& entry : reduce_ops)
        if (strcasecmp(text, entry.name) == 0) return entry;
    raise(PyExc_AttributeError, "reduce: unknown operation '%s' (use and, or, xor, max, min, sum, prod)", text);
}

PyObject* reduce_with(const char* routine, const op_entry* fixed, PyObject* const* args, Py_ssize_t nargs,
                      PyObject* kwnames)
{
    return guarded([&] {
        static const char* const full[] = {"target", "source", "op", "size", "team"};
        static const char* const shortcut[] = {"target", "source", "size", "team"};
        PyObject* a[5];
        PyObject *op = nullptr, *size, *team;
        if (fixed == nullptr) {
            parse_arguments(routine, full, 5, 2, args, nargs, kwnames, a);
            op = a[2], size = a[3], team = a[4];
        } else {
            parse_arguments(routine, shortcut, 4, 2, args, nargs, kwnames, a);
            size = a[2], team = a[3];
        }
        const op_entry& entry = fixed != nullptr ? *fixed : parse_op(op);
        collective_args c = prepare(routine, a[0], a[1], team);
        const dtype_info& type = *c.target.type;
        if ((type.caps & entry.cap) == 0)
            raise(exceptions().missing_routine, "%s: OpenSHMEM has no %s reduction for dtype '%c' (%s)", routine,
                  entry.name, type.code, type.type_name);
        std::size_t limit = std::min(c.target.count, c.source.count);
        std::size_t n = to_size(routine, "size", size, limit);
        if (n > limit) size_error(routine, "exceeds the target or the source", n);
        oshmpi::detail::reduce_elements(c.team, entry.op, type.reduce_type, c.target.data, c.source.data, n, routine);
        return none();
    });
}

SHMEM4PY_FAST(py_reduce) { return reduce_with("reduce", nullptr, args, nargs, kwnames); }
#define SHMEM4PY_REDUCE(name, index)                                                                  \
    SHMEM4PY_FAST(py_##name##_reduce) { return reduce_with(#name "_reduce", &reduce_ops[index], args, nargs, kwnames); }
SHMEM4PY_REDUCE(and, 0)
SHMEM4PY_REDUCE(or, 1)
SHMEM4PY_REDUCE(xor, 2)
SHMEM4PY_REDUCE(max, 3)
SHMEM4PY_REDUCE(min, 4)
SHMEM4PY_REDUCE(sum, 5)
SHMEM4PY_REDUCE(prod, 6)
#undef SHMEM4PY_REDUCE

// sum_inscan/sum_exscan(target, source, size=None, team=None) (OpenSHMEM 1.6): prefix sums in
// team order over the dtypes that sum_reduce takes.
PyObject* scan_with(const char* routine, oshmpi::detail::scan_kind kind, PyObject* const* args, Py_ssize_t nargs,
                    PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "size", "team"};
        PyObject* a[4];
        parse_arguments(routine, names, 4, 2, args, nargs, kwnames, a);
        collective_args c = prepare(routine, a[0], a[1], a[3]);
        const dtype_info& type = *c.target.type;
        if ((type.caps & cap_reduce_arith) == 0)
            raise(exceptions().missing_routine, "%s: OpenSHMEM has no sum scan for dtype '%c' (%s)", routine, type.code,
                  type.type_name);
        std::size_t limit = std::min(c.target.count, c.source.count);
        std::size_t n = to_size(routine, "size", a[2], limit);
        if (n > limit) size_error(routine, "exceeds the target or the source", n);
        oshmpi::detail::scan_elements(c.team, kind, type.reduce_type, c.target.data, c.source.data, n, routine);
        return none();
    });
}

SHMEM4PY_FAST(py_sum_inscan) { return scan_with("sum_inscan", oshmpi::detail::scan_kind::inclusive, args, nargs, kwnames); }
SHMEM4PY_FAST(py_sum_exscan) { return scan_with("sum_exscan", oshmpi::detail::scan_kind::exclusive, args, nargs, kwnames); }

} // namespace

void bind_collectives(py::module_& m)
{
    add_fast_methods(m, {
        {"broadcast", py_broadcast, "broadcast(target, source, root, size=None, team=None)\n--\n\n"},
        {"collect", py_collect, "collect(target, source, size=None, team=None)\n--\n\n"},
        {"fcollect", py_fcollect, "fcollect(target, source, size=None, team=None)\n--\n\n"},
        {"alltoall", py_alltoall, "alltoall(target, source, size=None, team=None)\n--\n\n"},
        {"alltoalls", py_alltoalls, "alltoalls(target, source, tst=1, sst=1, size=None, team=None)\n--\n\n"},
        {"reduce", py_reduce, "reduce(target, source, op='sum', size=None, team=None)\n--\n\n"},
        {"and_reduce", py_and_reduce, "and_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"or_reduce", py_or_reduce, "or_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"xor_reduce", py_xor_reduce, "xor_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"max_reduce", py_max_reduce, "max_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"min_reduce", py_min_reduce, "min_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"sum_reduce", py_sum_reduce, "sum_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"prod_reduce", py_prod_reduce, "prod_reduce(target, source, size=None, team=None)\n--\n\n"},
        {"sum_inscan", py_sum_inscan,
         "sum_inscan(target, source, size=None, team=None)\n--\n\nInclusive prefix sum in team order."},
        {"sum_exscan", py_sum_exscan,
         "sum_exscan(target, source, size=None, team=None)\n--\n\nExclusive prefix sum in team order (zeros on PE 0)."},
    });
}

} // namespace shmem4py
