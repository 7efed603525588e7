"""put/get and their nonblocking and strided forms, for every dtype upstream shmem4py accepts."""
import numpy as np
import pytest

from shmem4py import shmem

RMA_DTYPES = ['c', 'b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'f', 'd', 'g', 'F', 'D', 'G']


def values(dtype, n, base):
    if np.dtype(dtype).char == 'c':
        return np.array([bytes([65 + (base + k) % 26]) for k in range(n)], dtype='c')
    return (np.arange(n) + base * 10).astype(dtype)


@pytest.mark.parametrize('dtype', RMA_DTYPES)
def test_put_get_ring(dtype, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    dst = shmem.zeros(5, dtype)
    src = values(dtype, 5, me)
    shmem.put(dst, src, right)
    shmem.barrier_all()
    got_put = dst.copy()
    out = np.zeros(5, dtype)
    shmem.get(out, dst, right)
    shmem.barrier_all()
    shmem.free(dst)
    assert np.array_equal(got_put, values(dtype, 5, left))
    assert np.array_equal(out, values(dtype, 5, me))


@pytest.mark.parametrize('dtype', ['i', 'd', 'F'])
def test_nbi_and_size(dtype, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    dst = shmem.zeros(6, dtype)
    shmem.put_nbi(dst, values(dtype, 6, me), right, size=4, ctx=shmem.CTX_DEFAULT)
    shmem.quiet()
    shmem.barrier_all()
    got = dst.copy()
    out = np.zeros(6, dtype)
    shmem.get_nbi(out, dst, right, 3)
    shmem.quiet()
    shmem.barrier_all()
    shmem.free(dst)
    expect = values(dtype, 6, left)
    expect[4:] = 0
    assert np.array_equal(got, expect)
    assert np.array_equal(out[:3], values(dtype, 3, me)) and np.all(out[3:] == 0)


@pytest.mark.parametrize('dtype', ['h', 'i', 'l', 'I', 'f', 'd', 'g'])
def test_iput_iget(dtype, me, npes):
    right = (me + 1) % npes
    dst = shmem.zeros(8, dtype)
    src = values(dtype, 4, me)
    shmem.iput(dst, src, right, tst=2, sst=1)
    shmem.barrier_all()
    got = dst.copy()
    out = np.zeros(2, dtype)
    shmem.iget(out, dst, right, tst=1, sst=4)
    shmem.barrier_all()
    shmem.free(dst)
    left = (me - 1) % npes
    assert np.array_equal(got[::2], values(dtype, 4, left)) and np.all(got[1::2] == 0)
    assert np.array_equal(out, got_remote(values(dtype, 4, me)))


def got_remote(sent):
    # dst on the right neighbour holds what we sent at even positions; iget with sst=4 reads 0 and 4.
    return np.array([sent[0], sent[2]])


def test_views_and_slices_as_targets(me, npes):
    right = (me + 1) % npes
    grid = shmem.zeros((3, 4), 'l')
    shmem.put(grid[1:, :], np.full(8, me + 1, 'l'), right)
    shmem.put(grid[0, 2:], np.array([7, 8], 'l'), right)
    scalar = shmem.array(0, dtype='i')
    shmem.put(scalar, np.array(me, 'i'), right)
    shmem.barrier_all()
    left = (me - 1) % npes
    expect = np.zeros((3, 4), 'l')
    expect[1:] = left + 1
    expect[0, 2:] = [7, 8]
    got, got_scalar = grid.copy(), int(scalar)
    shmem.free(grid)
    shmem.free(scalar)
    assert np.array_equal(got, expect) and got_scalar == left


def test_complex_has_no_strided_routine(me):
    a = shmem.zeros(2, 'D')
    with pytest.raises(AttributeError):
        shmem.iput(a, np.zeros(2, 'D'), me)
    shmem.free(a)
