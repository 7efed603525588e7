// Remote memory access (spec 9.6): put, get, their nonblocking, strided and block-strided forms. Every dtype of
// the table moves as bytes (complex ones too, as upstream's putmem fallback does), so one body
// serves all; the strided forms exist only for dtypes with a typed routine, like upstream.
#include <oshmpi/rma.hpp>
#include <oshmpi/strided.hpp>

#include "common.hpp"

namespace shmem4py {

namespace {

using byte_transfer = void (*)(oshmpi::context&, void*, const void*, std::size_t, int);

// put/get(target, source, pe, size=None, ctx=None): `remote` is the argument that must be symmetric.
template <byte_transfer Transfer, bool RemoteIsTarget>
PyObject* contiguous(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "pe", "size", "ctx"};
        PyObject* a[5];
        parse_arguments(routine, names, 5, 3, args, nargs, kwnames, a);
        array_ref target = as_array(routine, "target", a[0], access_mode::write);
        array_ref source = as_array(routine, "source", a[1], access_mode::read);
        std::size_t n = transfer_count(routine, target, source, a[3]);
        int pe = to_int(routine, "pe", a[2]);
        oshmpi::context& ctx = to_context(routine, a[4]);
        array_ref remote = RemoteIsTarget ? target : source;
        remote.count = n;
        require_symmetric(routine, RemoteIsTarget ? "target" : "source", remote);
        Transfer(ctx, target.data, source.data, n * target.type->size, pe);
        return none();
    });
}

SHMEM4PY_FAST(py_put) { return contiguous<oshmpi::detail::put_bytes, true>("put", args, nargs, kwnames); }
SHMEM4PY_FAST(py_get) { return contiguous<oshmpi::detail::get_bytes, false>("get", args, nargs, kwnames); }
SHMEM4PY_FAST(py_put_nbi) { return contiguous<oshmpi::detail::put_bytes_nbi, true>("put_nbi", args, nargs, kwnames); }
SHMEM4PY_FAST(py_get_nbi) { return contiguous<oshmpi::detail::get_bytes_nbi, false>("get_nbi", args, nargs, kwnames); }

using strided_transfer = void (*)(oshmpi::context&, void*, const void*, std::ptrdiff_t, std::ptrdiff_t,
                                  std::size_t, std::size_t, int);

std::size_t ceil_div(std::size_t a, std::size_t b)
{
    return (a + b - 1) / b;
}

// iput/iget(target, source, pe, tst=1, sst=1, size=None, ctx=None); strides count elements.
template <strided_transfer Transfer, bool RemoteIsTarget>
PyObject* strided(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "pe", "tst", "sst", "size", "ctx"};
        PyObject* a[7];
        parse_arguments(routine, names, 7, 3, args, nargs, kwnames, a);
        array_ref target = as_array(routine, "target", a[0], access_mode::write);
        array_ref source = as_array(routine, "source", a[1], access_mode::read);
        check_same_dtype(routine, target, source);
        if ((target.type->caps & cap_rma_typed) == 0)
            raise(exceptions().missing_routine, "%s: OpenSHMEM has no strided routine for dtype '%c' (%s)", routine,
                  target.type->code, target.type->type_name);
        long long tst = is_none(a[3]) ? 1 : to_long_long(routine, "tst", a[3]);
        long long sst = is_none(a[4]) ? 1 : to_long_long(routine, "sst", a[4]);
        if (tst < 1 || sst < 1) raise(PyExc_ValueError, "%s: strides must be >= 1 (tst = %lld, sst = %lld)", routine, tst, sst);
        std::size_t limit = std::min(ceil_div(target.count, static_cast<std::size_t>(tst)),
                                     ceil_div(source.count, static_cast<std::size_t>(sst)));
        std::size_t n = to_size(routine, "size", a[5], limit);
        if (n > limit)
            raise(exceptions().size_error, "%s: size = %zu exceeds the arrays at these strides (at most %zu)", routine, n, limit);
        int pe = to_int(routine, "pe", a[2]);
        oshmpi::context& ctx = to_context(routine, a[6]);
        array_ref remote = RemoteIsTarget ? target : source;
        long long stride = RemoteIsTarget ? tst : sst;
        remote.count = n == 0 ? 0 : (n - 1) * static_cast<std::size_t>(stride) + 1;
        require_symmetric(routine, RemoteIsTarget ? "target" : "source", remote);
        Transfer(ctx, target.data, source.data, tst, sst, target.type->size, n, pe);
        return none();
    });
}

SHMEM4PY_FAST(py_iput) { return strided<oshmpi::detail::iput_bytes, true>("iput", args, nargs, kwnames); }
SHMEM4PY_FAST(py_iget) { return strided<oshmpi::detail::iget_bytes, false>("iget", args, nargs, kwnames); }

using block_transfer = void (*)(oshmpi::context&, void*, const void*, std::ptrdiff_t, std::ptrdiff_t, std::size_t,
                                std::size_t, std::size_t, int);

// How many blocks of `bsize` elements, `stride` apart, fit in `count` elements.
std::size_t blocks_that_fit(std::size_t count, std::size_t stride, std::size_t bsize)
{
    return count < bsize ? 0 : (count - bsize) / stride + 1;
}

// ibput/ibget(target, source, pe, tst=1, sst=1, bsize=1, nblocks=None, ctx=None) (OpenSHMEM 1.6):
// block b of `bsize` elements moves between source[b*sst:] and target[b*tst:]; nblocks=None moves
// as many blocks as both arrays hold.
template <block_transfer Transfer, bool RemoteIsTarget>
PyObject* block_strided(const char* routine, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames)
{
    return guarded([&] {
        static const char* const names[] = {"target", "source", "pe", "tst", "sst", "bsize", "nblocks", "ctx"};
        PyObject* a[8];
        parse_arguments(routine, names, 8, 3, args, nargs, kwnames, a);
        array_ref target = as_array(routine, "target", a[0], access_mode::write);
        array_ref source = as_array(routine, "source", a[1], access_mode::read);
        check_same_dtype(routine, target, source);
        if ((target.type->caps & cap_rma_typed) == 0)
            raise(exceptions().missing_routine, "%s: OpenSHMEM has no block-strided routine for dtype '%c' (%s)",
                  routine, target.type->code, target.type->type_name);
        long long tst = is_none(a[3]) ? 1 : to_long_long(routine, "tst", a[3]);
        long long sst = is_none(a[4]) ? 1 : to_long_long(routine, "sst", a[4]);
        if (tst < 1 || sst < 1) raise(PyExc_ValueError, "%s: strides must be >= 1 (tst = %lld, sst = %lld)", routine, tst, sst);
        std::size_t bsize = to_size(routine, "bsize", a[5], 1);
        std::size_t limit = std::min(blocks_that_fit(target.count, static_cast<std::size_t>(tst), bsize),
                                     blocks_that_fit(source.count, static_cast<std::size_t>(sst), bsize));
        std::size_t nblocks = to_size(routine, "nblocks", a[6], limit);
        if (nblocks > limit && bsize > 0)
            raise(exceptions().size_error, "%s: nblocks = %zu blocks of %zu exceed the arrays at these strides (at most %zu)",
                  routine, nblocks, bsize, limit);
        int pe = to_int(routine, "pe", a[2]);
        oshmpi::context& ctx = to_context(routine, a[7]);
        array_ref remote = RemoteIsTarget ? target : source;
        long long stride = RemoteIsTarget ? tst : sst;
        remote.count = nblocks == 0 || bsize == 0 ? 0 : (nblocks - 1) * static_cast<std::size_t>(stride) + bsize;
        require_symmetric(routine, RemoteIsTarget ? "target" : "source", remote);
        Transfer(ctx, target.data, source.data, tst, sst, target.type->size, bsize, nblocks, pe);
        return none();
    });
}

SHMEM4PY_FAST(py_ibput) { return block_strided<oshmpi::detail::ibput_bytes, true>("ibput", args, nargs, kwnames); }
SHMEM4PY_FAST(py_ibget) { return block_strided<oshmpi::detail::ibget_bytes, false>("ibget", args, nargs, kwnames); }

} // namespace

void bind_rma(py::module_& m)
{
    add_fast_methods(m, {
        {"put", py_put, "put(target, source, pe, size=None, ctx=None)\n--\n\nCopies source to the symmetric target on PE pe."},
        {"get", py_get, "get(target, source, pe, size=None, ctx=None)\n--\n\nCopies the symmetric source on PE pe to target."},
        {"put_nbi", py_put_nbi, "put_nbi(target, source, pe, size=None, ctx=None)\n--\n\nNonblocking put; complete with quiet()."},
        {"get_nbi", py_get_nbi, "get_nbi(target, source, pe, size=None, ctx=None)\n--\n\nNonblocking get; complete with quiet()."},
        {"iput", py_iput, "iput(target, source, pe, tst=1, sst=1, size=None, ctx=None)\n--\n\nStrided put."},
        {"iget", py_iget, "iget(target, source, pe, tst=1, sst=1, size=None, ctx=None)\n--\n\nStrided get."},
        {"ibput", py_ibput,
         "ibput(target, source, pe, tst=1, sst=1, bsize=1, nblocks=None, ctx=None)\n--\n\n"
         "Block-strided put: block b of bsize elements goes from source[b*sst] to target[b*tst] on PE pe."},
        {"ibget", py_ibget,
         "ibget(target, source, pe, tst=1, sst=1, bsize=1, nblocks=None, ctx=None)\n--\n\n"
         "Block-strided get: block b of bsize elements comes from source[b*sst] on PE pe to target[b*tst]."},
    });
}

} // namespace shmem4py
