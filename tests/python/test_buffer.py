"""The private items upstream's test suite uses: _getbuffer, ffi and lib."""
import numpy as np
import pytest

from shmem4py import shmem
from shmem4py.shmem import ffi  # noqa: F401  (upstream's test_ptr imports it)


def test_getbuffer():
    a = np.zeros((3, 4), 'd')
    cdata, n, typename = shmem._getbuffer(a)
    assert isinstance(cdata, shmem.ffi.CData) and n == 12 and typename == 'double'
    ct, nt, tt = shmem._getbuffer(a.T)
    assert (ct, nt, tt) == (cdata, n, typename)
    for bad in (None, 123, 123.0, [1, 2, 3]):
        with pytest.raises(TypeError):
            shmem._getbuffer(bad)
    ro = a.view()
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        shmem._getbuffer(ro)
    assert shmem._getbuffer(ro, readonly=True)[1] == 12
    with pytest.raises(ValueError):
        shmem._getbuffer(a[:, ::2])
    names = {c: shmem._getbuffer(np.zeros(1, c))[2] for c in 'bhilqBHILQfdgFDG'}
    assert names == {'b': 'schar', 'h': 'short', 'i': 'int', 'l': 'long', 'q': 'longlong', 'B': 'uchar',
                     'H': 'ushort', 'I': 'uint', 'L': 'ulong', 'Q': 'ulonglong', 'f': 'float', 'd': 'double',
                     'g': 'longdouble', 'F': 'complexf', 'D': 'complexd', 'G': 'complexl'}
    with pytest.raises(KeyError):
        shmem._getbuffer(np.zeros(1, 'e'))


def test_ffi_and_lib():
    mem = shmem.alloc(8, align=64)
    address = int(shmem.ffi.cast('uintptr_t', shmem.ffi.from_buffer(mem)))
    assert address % 64 == 0
    shmem.free(mem)
    assert shmem.lib.SHMEM_TEAM_NUM_CONTEXTS
    assert shmem.lib.SHMEM_CMP_EQ == shmem.CMP_EQ
