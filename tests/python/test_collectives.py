"""Broadcast, collect, fcollect, alltoall(s) and reductions on teams, for many dtypes."""
import numpy as np
import pytest

from shmem4py import shmem

DTYPES = ['b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'f', 'd', 'g', 'F', 'D', 'G']


@pytest.mark.parametrize('dtype', DTYPES)
def test_broadcast_collect_fcollect(dtype, me, npes):
    root = npes - 1
    src = shmem.full(3, me + 1, dtype)
    dst = shmem.zeros(3, dtype)
    shmem.broadcast(dst, src, root)
    bcast = dst.copy()
    fsrc = shmem.full(2, me, dtype)
    fdst = shmem.zeros(2 * npes, dtype)
    shmem.fcollect(fdst, fsrc)
    csrc = shmem.full(npes, me, dtype)
    cdst = shmem.zeros(npes * (npes + 1) // 2, dtype)
    shmem.collect(cdst, csrc, me + 1)
    results = (bcast, fdst.copy(), cdst.copy())
    for x in (src, dst, fsrc, fdst, csrc, cdst):
        shmem.free(x)
    assert np.all(results[0] == root + 1)
    assert np.array_equal(results[1], np.repeat(np.arange(npes), 2).astype(dtype))
    assert np.array_equal(results[2], np.concatenate([np.full(p + 1, p) for p in range(npes)]).astype(dtype))


@pytest.mark.parametrize('dtype', ['i', 'd', 'D'])
def test_alltoall_and_alltoalls(dtype, me, npes):
    src = shmem.array(np.arange(2 * npes) + 100 * me, dtype=dtype)
    dst = shmem.zeros(2 * npes, dtype)
    shmem.alltoall(dst, src, 2, shmem.TEAM_WORLD)
    got = dst.copy()
    sdst = shmem.zeros(2 * npes, dtype)
    shmem.alltoalls(sdst, src, 2, 2, size=1)
    got_s = sdst.copy()
    for x in (src, dst, sdst):
        shmem.free(x)
    expect = np.concatenate([[100 * p + 2 * me, 100 * p + 2 * me + 1] for p in range(npes)]).astype(dtype)
    assert np.array_equal(got, expect)
    assert np.array_equal(got_s[::2], expect[::2]) and np.all(got_s[1::2] == 0)


REDUCE_CASES = [(op, dt) for op in ('and', 'or', 'xor') for dt in ['B', 'H', 'I', 'L', 'Q']] + \
    [(op, dt) for op in ('max', 'min', 'sum', 'prod') for dt in ['b', 'h', 'i', 'l', 'q', 'B', 'I', 'Q', 'f', 'd', 'g']] + \
    [(op, dt) for op in ('sum', 'prod') for dt in ['F', 'D']]


@pytest.mark.parametrize('op,dtype', REDUCE_CASES)
def test_reduce(op, dtype, me, npes):
    src = shmem.full(4, me + 1, dtype)
    dst = shmem.zeros(4, dtype)
    getattr(shmem, op + '_reduce')(dst, src)
    short = dst.copy()
    shmem.reduce(dst, src, op=op.upper())
    generic = dst.copy()
    shmem.free(src)
    shmem.free(dst)
    values = np.arange(1, npes + 1)
    expect = {'and': np.bitwise_and.reduce(values), 'or': np.bitwise_or.reduce(values),
              'xor': np.bitwise_xor.reduce(values), 'max': npes, 'min': 1, 'sum': values.sum(),
              'prod': np.prod(values)}[op]
    assert np.all(short == np.array(expect).astype(dtype)) and np.array_equal(short, generic)


def test_reduce_in_place_and_rules(me, npes):
    a = shmem.full(3, me, 'i')
    shmem.sum_reduce(a, a)
    got = a.copy()
    f = shmem.zeros(2, 'd')
    with pytest.raises(AttributeError):
        shmem.and_reduce(f, f)
    with pytest.raises(AttributeError):
        shmem.reduce(f, f, 'bogus')
    with pytest.raises(AssertionError):
        shmem.reduce(f, f, op=3)
    g = shmem.zeros(1, 'G')
    with pytest.raises(AttributeError):
        shmem.sum_reduce(g, g)
    with pytest.raises(AssertionError):
        shmem.fcollect(a, a, 4)
    for x in (a, f, g):
        shmem.free(x)
    assert np.all(got == sum(range(npes)))
