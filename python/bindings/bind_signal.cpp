// Put-with-signal, signal updates and signal waits (spec 9.8, 9.10) on SymmetricWord signals.
#include <oshmpi/signal.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

using signal_transfer = void (*)(oshmpi::context&, void*, const void*, std::size_t, std::uint64_t*, std::uint64_t,
                                 oshmpi::signal_op, int);

template <signal_transfer Transfer>
PyObject* put_signal(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "pe", "signal", "value", "sigop", "size", "ctx"};
        PyObject* a[8];
        parse_arguments(routine, names, 8, 6, args, nargs, kwnames, a);
        array_ref target = as_array(routine, "target", a[0], access_mode::write);
        array_ref source = as_array(routine, "source", a[1], access_mode::read);
        std::size_t n = transfer_count(routine, target, source, a[6]);
        int pe = to_int(routine, "pe", a[2]);
        auto* signal = static_cast<std::uint64_t*>(word_address(routine, "signal", a[3], true));
        long long value_in = to_long_long(routine, "value", a[4]);
        int sigop = to_int(routine, "sigop", a[5]);
        if (sigop != static_cast<int>(oshmpi::signal_op::set) && sigop != static_cast<int>(oshmpi::signal_op::add))
            raise(PyExc_ValueError, "%s: sigop = %d is not SIGNAL_SET or SIGNAL_ADD", routine, sigop);
        oshmpi::context& ctx = to_context(routine, a[7]);
        target.count = n;
        require_symmetric(routine, "target", target);
        Transfer(ctx, target.data, source.data, n * target.type->size, signal, static_cast<std::uint64_t>(value_in),
                 static_cast<oshmpi::signal_op>(sigop), pe);
        return none();
    });
}

SHMEM4PY_FAST(py_put_signal) { return put_signal<oshmpi::detail::put_signal_bytes>("put_signal", args, nargs, kwnames); }
SHMEM4PY_FAST(py_put_signal_nbi)
{
    return put_signal<oshmpi::detail::put_signal_bytes_nbi>("put_signal_nbi", args, nargs, kwnames);
}

using signal_update = void (*)(oshmpi::context&, std::uint64_t*, std::uint64_t, int);
void add_update(oshmpi::context& ctx, std::uint64_t* sig, std::uint64_t v, int pe) { oshmpi::signal_add(ctx, sig, v, pe); }
void set_update(oshmpi::context& ctx, std::uint64_t* sig, std::uint64_t v, int pe) { oshmpi::signal_set(ctx, sig, v, pe); }

// signal_add/signal_set(signal, value, pe, ctx=None) (OpenSHMEM 1.6): the signal update alone.
template <signal_update Update>
PyObject* update_signal(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"signal", "value", "pe", "ctx"};
        PyObject* a[4];
        parse_arguments(routine, names, 4, 3, args, nargs, kwnames, a);
        auto* signal = static_cast<std::uint64_t*>(word_address(routine, "signal", a[0], true));
        long long value = to_long_long(routine, "value", a[1]);
        int pe = to_int(routine, "pe", a[2]);
        Update(to_context(routine, a[3]), signal, static_cast<std::uint64_t>(value), pe);
        return none();
    });
}

SHMEM4PY_FAST(py_signal_add) { return update_signal<add_update>("signal_add", args, nargs, kwnames); }
SHMEM4PY_FAST(py_signal_set) { return update_signal<set_update>("signal_set", args, nargs, kwnames); }

} // namespace

void bind_signal(py::module_& m)
{
    add_fast_methods(m, {
        {"put_signal", py_put_signal,
         "put_signal(target, source, pe, signal, value, sigop, size=None, ctx=None)\n--\n\n"},
        {"put_signal_nbi", py_put_signal_nbi,
         "put_signal_nbi(target, source, pe, signal, value, sigop, size=None, ctx=None)\n--\n\n"},
        {"signal_add", py_signal_add,
         "signal_add(signal, value, pe, ctx=None)\n--\n\nAtomically adds value to the signal on PE pe (no data)."},
        {"signal_set", py_signal_set,
         "signal_set(signal, value, pe, ctx=None)\n--\n\nAtomically sets the signal on PE pe to value (no data)."},
    });
    m.def("signal_fetch", [](py::handle signal) {
        return oshmpi::signal_fetch(static_cast<std::uint64_t*>(word_address("signal_fetch", "signal", signal.ptr(), true)));
    }, py::arg("signal"));
    m.def("signal_wait_until", [](py::handle signal, py::handle cmp, py::handle value) {
        auto* word = static_cast<std::uint64_t*>(word_address("signal_wait_until", "signal", signal.ptr(), true));
        oshmpi::cmp op = to_cmp("signal_wait_until", cmp.ptr());
        auto v = static_cast<std::uint64_t>(to_long_long("signal_wait_until", "value", value.ptr()));
        py::gil_scoped_release release;
        return oshmpi::signal_wait_until(word, op, v);
    }, py::arg("signal"), py::arg("cmp"), py::arg("value"));
}

} // namespace shmem4py
