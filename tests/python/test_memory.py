"""Allocation, arrays over symmetric memory, free, ptr and addr_accessible."""
import numpy as np
import pytest

from shmem4py import shmem


def test_alloc_and_free():
    mem = shmem.alloc(10, 8)
    assert isinstance(mem, memoryview) and mem.format == 'B' and len(mem) == 80 and not mem.readonly
    assert bytes(mem) == bytes(80)
    empty = shmem.alloc(0)
    assert len(empty) == 0
    aligned = shmem.alloc(3, align=4096)
    assert int(shmem.ffi.cast('uintptr_t', shmem.ffi.from_buffer(aligned))) % 4096 == 0
    hinted = shmem.alloc(4, 2, hints=shmem.MALLOC_ATOMICS_REMOTE)
    assert bytes(hinted) == bytes(8)
    for m in (mem, empty, aligned, hinted):
        shmem.free(m)
    with pytest.raises(KeyError):
        shmem.free(mem)


@pytest.mark.parametrize('dtype', ['i', 'l', 'f', 'd', 'D', 'B'])
def test_array_constructors(dtype):
    a = shmem.new_array((2, 3), dtype)
    assert a.shape == (2, 3) and a.dtype == np.dtype(dtype) and isinstance(a.base, memoryview)
    assert np.all(a == 0)
    f = shmem.new_array((2, 3), dtype, order='F', clear=False)
    assert f.flags.f_contiguous
    z = shmem.zeros(5, dtype)
    o = shmem.ones(5, dtype)
    e = shmem.empty(4, dtype)
    full = shmem.full(3, 7, dtype)
    arr = shmem.array([[1, 2], [3, 4]], dtype)
    assert np.all(z == 0) and np.all(o == 1) and np.all(full == 7) and e.shape == (4,)
    assert arr.tolist() == [[1, 2], [3, 4]]
    for x in (a, f, z, o, e, full, arr):
        shmem.free(x)


def test_array_keeps_layout_and_scalars():
    fortran = np.asfortranarray(np.arange(6).reshape(2, 3))
    a = shmem.array(fortran)
    assert a.strides == np.array(fortran).strides and a.flags.f_contiguous
    s = shmem.array(0, dtype='i')
    assert s.shape == () and s.dtype == np.int32
    assert shmem.full(1, 42).dtype == np.int64 and shmem.full(2, 1.5).dtype == np.float64
    u = shmem.full(2, -1, dtype='u4')
    assert u[0] == 2**32 - 1
    fm = shmem.fromalloc(shmem.alloc(6, 4), (2, 3), 'i', order='F')
    assert fm.flags.f_contiguous
    for x in (a, s, u, fm):
        shmem.free(x)


def test_free_errors():
    a = shmem.zeros(4, 'i')
    with pytest.raises(AssertionError):
        shmem.free(a[1:])
    with pytest.raises(AssertionError):
        shmem.free(np.zeros(3))
    shmem.del_array(a)
    with pytest.raises(KeyError):
        shmem.free(a)
    with pytest.raises(AssertionError):
        shmem.del_array([1, 2])


def test_addr_accessible_and_ptr(me, npes):
    a = shmem.zeros(4, 'i')
    local = np.zeros(4, 'i')
    assert shmem.addr_accessible(a, me)
    assert shmem.addr_accessible(a[2:], (me + 1) % npes)
    assert not shmem.addr_accessible(local, me)
    with pytest.raises(TypeError):
        shmem.addr_accessible([1, 2], me)
    mine = shmem.ptr(a, me)
    assert mine is not None and mine.dtype == a.dtype and mine.shape == a.shape
    mine[0] = 5
    assert a[0] == 5
    assert shmem.ptr(local, me) is None
    a[:] = me
    shmem.barrier_all()
    peer = shmem.ptr(a, (me + 1) % npes)
    value = None if peer is None else int(peer[1])
    ro = a.view()
    ro.flags.writeable = False
    ro_ptr = shmem.ptr(ro, me)
    shmem.barrier_all()
    assert value in (None, (me + 1) % npes)  # node-local peers are mapped
    assert ro_ptr is not None and not ro_ptr.flags.writeable
    shmem.free(a)


def test_signal_and_lock_words():
    sig = shmem.new_signal()
    lock = shmem.new_lock()
    assert sig[0] == 0 and lock[0] == 0
    sig[0] = 1
    assert sig[0] == 1 and shmem.signal_fetch(sig) == 1
    sig[0] = 0
    shmem.barrier_all()
    with pytest.raises(AssertionError):
        shmem.del_signal(lock)
    shmem.del_signal(sig)
    shmem.del_lock(lock)


def test_exhaustion_raises_memory_error_on_every_pe():
    with pytest.raises(MemoryError):
        shmem.alloc(1 << 40)
    a = shmem.zeros(8)
    shmem.free(a)


def test_garbage_collected_arrays_are_freed():
    before = shmem._core.heap_free_bytes()
    for _ in range(50):
        shmem.zeros(1000)  # collective free when the temporary dies, identically on every PE
    assert shmem._core.heap_free_bytes() == before
