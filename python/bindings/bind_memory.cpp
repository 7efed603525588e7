// Symmetric memory (spec 9.3) as Python objects. An Allocation owns one block of the symmetric heap
// and exports it through the buffer protocol: shmem4py.alloc() returns memoryview(Allocation), and
// NumPy arrays over that memoryview are the symmetric arrays. Signals and locks are SymmetricWord
// objects: one 8-byte word, indexable as h[0] like upstream's CFFI pointers.
//
// Blocks are freed explicitly (collective) or when the owner is garbage-collected, as upstream
// shmem4py does; after the last finalize they are forgotten, not freed, and stay forgotten when
// OpenSHMEM is initialized again (the new heap may reuse their addresses: see heap_generation).
#include <cstring>

#include <pybind11/stl.h>

#include <oshmpi/memory.hpp>
#include <oshmpi/setup.hpp>
#include <oshmpi/sync.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

struct symmetric_block {
    void* ptr = nullptr;
    std::size_t nbytes = 0; // what the user asked for (the block holds at least one byte)
    bool freed = false;
    std::uint64_t generation = heap_generation(); // the heap it belongs to

    // Its heap was released by the last finalize (a later initialization built another one).
    [[nodiscard]] bool stale() const noexcept { return generation != heap_generation(); }
    [[nodiscard]] bool gone() const noexcept { return freed || stale(); }

    symmetric_block(std::size_t count, std::size_t size, std::size_t alignment, long hints, bool have_hints,
                    bool clear)
    {
        if (size != 0 && count > SIZE_MAX / size)
            raise(PyExc_OverflowError, "alloc: %zu elements of %zu bytes overflow", count, size);
        nbytes = count * size;
        std::size_t request = nbytes == 0 ? 1 : nbytes;
        bool cleared = false;
        if (alignment != 0) {
            ptr = oshmpi::align(alignment, request);
        } else if (have_hints) {
            ptr = oshmpi::malloc_with_hints(request, hints);
        } else if (clear) {
            ptr = oshmpi::calloc(1, request);
            cleared = true;
        } else {
            ptr = oshmpi::malloc(request);
        }
        if (ptr == nullptr) {
            if (alignment != 0 && (alignment & (alignment - 1)) != 0)
                raise(PyExc_ValueError, "alloc: align = %zu is not a power of two", alignment);
            raise(PyExc_MemoryError,
                  "alloc: the symmetric heap cannot hold %zu more bytes (%zu of %zu free; raise "
                  "SHMEM_SYMMETRIC_SIZE)",
                  request, oshmpi::heap_free_bytes(), oshmpi::heap_size());
        }
        if (clear && !cleared) {
            std::memset(ptr, 0, request);
            oshmpi::barrier_all(); // nobody writes into the block before every PE has cleared it
        }
        register_block(ptr, request);
    }

    symmetric_block(const symmetric_block&) = delete;
    symmetric_block& operator=(const symmetric_block&) = delete;

    // Collective. After the last finalize the heap is gone: forget the block instead (its address
    // may belong to a block of a later initialization's heap, which must not be touched).
    void release()
    {
        if (freed) return;
        freed = true;
        if (stale()) return;
        unregister_block(ptr);
        if (oshmpi::initialized()) oshmpi::free(ptr);
    }

    ~symmetric_block()
    {
        try {
            release();
        } catch (...) {
            // A destructor has no caller to tell; the block is leaked rather than the process ended.
        }
    }
};

struct allocation : symmetric_block {
    using symmetric_block::symmetric_block;
};

// One 8-byte symmetric word: a lock (C long) or a signal (uint64_t).
struct symmetric_word : symmetric_block {
    bool is_signal;
    explicit symmetric_word(bool signal) : symmetric_block(1, 8, 0, signal ? 2 : 0, signal, true), is_signal(signal) {}

    void check_live(const char* routine) const
    {
        if (freed) raise(PyExc_ValueError, "%s: the %s was already freed", routine, is_signal ? "signal" : "lock");
        if (stale())
            raise(PyExc_ValueError, "%s: the %s was allocated before the last finalize (its heap is gone)", routine,
                  is_signal ? "signal" : "lock");
    }
};

PyObject* allocation_type = nullptr;

// The allocation object behind `obj`: an Allocation, a memoryview of one, or an ndarray over a
// whole allocation (NumPy collapses an array's base to the buffer's exporter, the Allocation).
// Raises upstream's AssertionError for slices, partial views and foreign arrays.
allocation& owner_of(const char* routine, PyObject* obj)
{
    PyObject* candidate = obj;
    const auto& api = py::detail::npy_api::get();
    const char* array_data = nullptr;
    std::size_t array_bytes = 0;
    if (api.PyArray_Check_(candidate)) {
        auto* array = py::detail::array_proxy(candidate);
        array_data = array->data;
        array_bytes = static_cast<std::size_t>(py::reinterpret_borrow<py::array>(candidate).nbytes());
        candidate = array->base;
        if (candidate == nullptr)
            raise(PyExc_AssertionError, "%s: the array is not in symmetric memory (a plain NumPy array)", routine);
    }
    if (PyMemoryView_Check(candidate)) candidate = PyMemoryView_GET_BUFFER(candidate)->obj;
    if (candidate == nullptr || !PyObject_TypeCheck(candidate, reinterpret_cast<PyTypeObject*>(allocation_type)))
        raise(PyExc_AssertionError, "%s: expected memory from shmem.alloc() or an array allocated by shmem4py, got %s",
              routine, Py_TYPE(obj)->tp_name);
    allocation& a = py::handle(candidate).cast<allocation&>();
    if (array_data != nullptr && (array_data != a.ptr || array_bytes != a.nbytes))
        raise(PyExc_AssertionError,
              "%s: the array is a slice or partial view of symmetric memory; free the array returned by "
              "shmem.array/empty/zeros/ones/full/new_array",
              routine);
    return a;
}

void free_memory(py::handle mem)
{
    allocation& a = owner_of("free", mem.ptr());
    if (a.freed) raise(PyExc_KeyError, "free: symmetric memory at %p was already freed", a.ptr);
    a.release();
}

SHMEM4PY_FAST(py_addr_accessible)
{
    return guarded([&] {
        static const char* const names[] = {"addr", "pe"};
        PyObject* a[2];
        parse_arguments("addr_accessible", names, 2, 2, args, nargs, kwnames, a);
        array_ref addr = as_array("addr_accessible", "addr", a[0], access_mode::read);
        int pe = to_int("addr_accessible", "pe", a[1]);
        bool ok = is_live_symmetric(addr.data, addr.nbytes() == 0 ? 1 : addr.nbytes()) &&
                  oshmpi::addr_accessible(addr.data, pe);
        return PyBool_FromLong(ok);
    });
}

// ptr(target, pe) and team_ptr(target, pe, team=None): an array over PE pe's copy (pe numbered in
// the team for team_ptr, OpenSHMEM 1.6), or None.
PyObject* mapped_view(const char* routine, bool with_team, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&]() -> PyObject* {
        static const char* const names[] = {"target", "pe", "team"};
        PyObject* a[3] = {};
        parse_arguments(routine, names, with_team ? 3 : 2, 2, args, nargs, kwnames, a);
        array_ref target = as_array(routine, "target", a[0], access_mode::read);
        int pe = to_int(routine, "pe", a[1]);
        // The spec's answer for SHMEM_TEAM_INVALID is a null pointer: None, not an error.
        if (with_team && !is_none(a[2]) && PyObject_HasAttrString(a[2], "_handle") &&
            py::handle(a[2]).attr("_handle").cast<std::uintptr_t>() == 0)
            return none();
        const oshmpi::team* t = with_team ? to_team(routine, a[2]) : nullptr;
        if (!is_live_symmetric(target.data, target.nbytes() == 0 ? 1 : target.nbytes())) return none();
        void* remote = with_team ? oshmpi::team_ptr(t, target.data, pe) : oshmpi::ptr(target.data, pe);
        if (remote == nullptr) return none();
        // Same dtype, shape, strides and writeable flag as `target`; it keeps `target` alive.
        py::array view = py::reinterpret_borrow<py::array>(a[0]);
        std::vector<py::ssize_t> shape(view.shape(), view.shape() + view.ndim());
        std::vector<py::ssize_t> strides(view.strides(), view.strides() + view.ndim());
        py::array result(view.dtype(), shape, strides, remote, view);
        return result.release().ptr();
    });
}

SHMEM4PY_FAST(py_ptr) { return mapped_view("ptr", false, args, nargs, kwnames); }
SHMEM4PY_FAST(py_team_ptr) { return mapped_view("team_ptr", true, args, nargs, kwnames); }

} // namespace

void bind_memory(py::module_& m)
{
    auto cls = py::class_<allocation>(m, "Allocation", py::buffer_protocol(),
                                      "A block of the symmetric heap (collective lifetime).")
                   .def_buffer([](allocation& a) -> py::buffer_info {
                       if (a.gone()) raise(PyExc_ValueError, "the symmetric memory at %p was freed", a.ptr);
                       return py::buffer_info(a.ptr, 1, "B", 1, {static_cast<py::ssize_t>(a.nbytes)}, {1});
                   })
                   .def_property_readonly("address", [](const allocation& a) { return reinterpret_cast<std::uintptr_t>(a.ptr); })
                   .def_property_readonly("nbytes", [](const allocation& a) { return a.nbytes; })
                   .def_property_readonly("freed", [](const allocation& a) { return a.gone(); });
    allocation_type = cls.ptr();

    py::class_<symmetric_word>(m, "SymmetricWord", "An 8-byte symmetric lock (long) or signal (uint64).")
        .def("__getitem__",
             [](const symmetric_word& w, long index) -> py::object {
                 w.check_live("__getitem__");
                 if (index != 0) raise(PyExc_IndexError, "a %s holds one word: index %ld", w.is_signal ? "signal" : "lock", index);
                 if (w.is_signal) return py::int_(*static_cast<const std::uint64_t*>(w.ptr));
                 return py::int_(*static_cast<const long*>(w.ptr));
             })
        .def("__setitem__",
             [](symmetric_word& w, long index, py::object value) {
                 w.check_live("__setitem__");
                 if (index != 0) raise(PyExc_IndexError, "a %s holds one word: index %ld", w.is_signal ? "signal" : "lock", index);
                 if (w.is_signal) *static_cast<std::uint64_t*>(w.ptr) = value.cast<std::uint64_t>();
                 else *static_cast<long*>(w.ptr) = value.cast<long>();
             })
        .def("__repr__", [](const symmetric_word& w) {
            char text[96];
            std::snprintf(text, sizeof text, "<shmem4py %s at %p%s>", w.is_signal ? "signal" : "lock", w.ptr,
                          w.gone() ? " (freed)" : "");
            return std::string(text);
        })
        .def_property_readonly("address", [](const symmetric_word& w) { return reinterpret_cast<std::uintptr_t>(w.ptr); })
        .def_property_readonly("is_signal", [](const symmetric_word& w) { return w.is_signal; })
        .def_property_readonly("freed", [](const symmetric_word& w) { return w.gone(); });

    m.def(
        "alloc",
        // Counts as objects: a negative or non-integer one is a ValueError/TypeError naming it, not
        // pybind11's "incompatible function arguments".
        [](py::object count_obj, py::object size_obj, py::object align, py::object hints, bool clear) {
            std::size_t count = to_size("alloc", "count", count_obj.ptr(), 0);
            std::size_t size = to_size("alloc", "size", size_obj.ptr(), 1);
            std::size_t alignment = to_size("alloc", "align", align.ptr(), 0);
            if (!align.is_none() && alignment == 0) raise(PyExc_ValueError, "alloc: align must be positive");
            long hint_bits = hints.is_none() ? 0 : hints.cast<long>();
            return new allocation(count, size, alignment, hint_bits, !hints.is_none(), clear);
        },
        py::arg("count"), py::arg("size") = 1, py::arg("align") = py::none(), py::arg("hints") = py::none(),
        py::arg("clear") = true, "Collective: a block of count*size symmetric bytes.");
    m.def("free", &free_memory, py::arg("mem"));
    m.def("new_word", [](bool signal) { return new symmetric_word(signal); }, py::arg("signal"));
    m.def(
        "del_word",
        [](symmetric_word& w) {
            if (w.freed) raise(PyExc_KeyError, "the %s at %p was already freed", w.is_signal ? "signal" : "lock", w.ptr);
            w.release();
        },
        py::arg("word"));
    m.def(
        "getbuffer",
        [](py::handle obj, bool readonly) {
            array_ref a = as_array("_getbuffer", "obj", obj.ptr(), readonly ? access_mode::read : access_mode::write);
            return py::make_tuple(reinterpret_cast<std::uintptr_t>(a.data), a.count, a.type->type_name);
        },
        py::arg("obj"), py::arg("readonly") = false);
    m.def(
        "wrap",
        [](py::object mem, py::dtype dtype, std::vector<py::ssize_t> shape, std::vector<py::ssize_t> strides) {
            py::buffer_info info = py::buffer(mem).request(true);
            // The memoryview itself becomes the array's base, as in upstream shmem4py.
            return py::array(dtype, shape, strides, info.ptr, mem);
        },
        py::arg("mem"), py::arg("dtype"), py::arg("shape"), py::arg("strides"),
        "An array over a memoryview from alloc() whose base is that memoryview.");
    m.def("heap_size", [] { return oshmpi::heap_size(); });
    m.def("heap_free_bytes", [] { return oshmpi::heap_free_bytes(); });
    add_fast_methods(m, {
        {"addr_accessible", py_addr_accessible,
         "addr_accessible(addr, pe)\n--\n\nWhether array `addr` is symmetric and reachable on PE `pe`."},
        {"ptr", py_ptr, "ptr(target, pe)\n--\n\nAn array over PE `pe`'s copy of `target`, or None."},
        {"team_ptr", py_team_ptr,
         "team_ptr(target, pe, team=None)\n--\n\nAn array over the copy of `target` on member `pe` of `team`, or None."},
    });
}

// The word behind a lock or signal argument: only SymmetricWord objects, as upstream accepts only
// its CFFI pointers (an ndarray raises TypeError there too).
void* word_address(const char* routine, const char* argname, PyObject* obj, bool signal)
{
    const char* kind = signal ? "signal" : "lock";
    py::handle h(obj);
    if (obj == nullptr || !py::isinstance<symmetric_word>(h))
        raise(PyExc_TypeError, "%s: %s must be a %s from shmem.new_%s(), not %s", routine, argname, kind, kind,
              obj == nullptr ? "nothing" : Py_TYPE(obj)->tp_name);
    auto& word = h.cast<symmetric_word&>();
    if (word.is_signal != signal)
        raise(PyExc_TypeError, "%s: %s must be a %s from shmem.new_%s(), not a %s", routine, argname, kind, kind,
              word.is_signal ? "signal" : "lock");
    word.check_live(routine);
    return word.ptr;
}

} // namespace shmem4py
