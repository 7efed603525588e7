"""Bad input raises a precise Python exception on the PE that made the mistake, and the process
keeps working afterwards (no collective is involved, so PEs never wait on each other here)."""
import numpy as np
import pytest

from shmem4py import shmem


@pytest.fixture
def sym():
    a = shmem.zeros(4, 'i')
    yield a
    shmem.free(a)


def test_pe_out_of_range(sym, npes):
    for pe in (npes, -1, 10**6):
        with pytest.raises(ValueError, match='PE'):
            shmem.put(sym, np.zeros(4, 'i'), pe)
        with pytest.raises(ValueError):
            shmem.atomic_fetch_add(sym[:1], 1, pe)


def test_non_integer_pe(sym):
    for pe in (1.0, '0', None, [0]):
        with pytest.raises(TypeError, match='pe'):
            shmem.put(sym, np.zeros(4, 'i'), pe)
    shmem.put(sym, np.ones(4, 'i'), np.int64(shmem.my_pe()))  # NumPy integers are integers
    assert np.all(sym == 1)


def test_not_symmetric(me):
    local = np.zeros(4, 'i')
    with pytest.raises(ValueError, match='target is not in symmetric memory'):
        shmem.put(local, np.zeros(4, 'i'), me)
    with pytest.raises(ValueError, match='source is not in symmetric memory'):
        shmem.get(np.zeros(4, 'i'), local, me)
    with pytest.raises(ValueError):
        shmem.atomic_add(local[:1], 1, me)


def test_freed_array_is_refused(me):
    a = shmem.zeros(4, 'l')
    shmem.free(a)
    with pytest.raises(ValueError, match='freed'):
        shmem.put(a, np.zeros(4, 'l'), me)
    with pytest.raises(KeyError):
        shmem.free(a)


def test_dtype_and_size_mismatch(sym, me):
    with pytest.raises(AssertionError):
        shmem.put(sym, np.zeros(4, 'd'), me)
    with pytest.raises(TypeError):  # the same exception is also a TypeError
        shmem.put(sym, np.zeros(4, 'l'), me)
    with pytest.raises(AssertionError):
        shmem.put(sym, np.zeros(4, 'i'), me, size=5)
    with pytest.raises(ValueError):
        shmem.put(sym, np.zeros(4, 'i'), me, size=-1)


def test_buffer_rules(sym, me):
    with pytest.raises(TypeError):
        shmem.put(sym, [1, 2, 3, 4], me)
    with pytest.raises(TypeError):
        shmem.put(memoryview(b'abcd'), np.zeros(4, 'i'), me)
    ro = sym.view()
    ro.flags.writeable = False
    with pytest.raises(ValueError, match='read-only'):
        shmem.put(ro, np.zeros(4, 'i'), me)
    shmem.put(sym, ro, me)  # a read-only source is fine
    with pytest.raises(ValueError, match='contiguous'):
        shmem.put(sym[::2], np.zeros(2, 'i'), me)
    with pytest.raises(KeyError):
        shmem.put(shmem.zeros(2, '?') if False else np.zeros(2, '?'), np.zeros(2, '?'), me)


def test_bad_keywords_and_arity(sym, me):
    with pytest.raises(TypeError):
        shmem.put(sym, np.zeros(4, 'i'))
    with pytest.raises(TypeError):
        shmem.put(sym, np.zeros(4, 'i'), me, bogus=1)
    with pytest.raises(TypeError):
        shmem.put(sym, np.zeros(4, 'i'), me, None, None, None)
    with pytest.raises(TypeError):
        shmem.put(sym, np.zeros(4, 'i'), me, ctx=5)


def test_still_working_after_errors(me, npes):
    a = shmem.zeros(1, 'i')
    shmem.atomic_inc(a, 0)
    shmem.barrier_all()
    got = int(a[0])
    shmem.free(a)
    if me == 0:
        assert got == npes
