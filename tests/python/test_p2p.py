"""wait_until/test and their multi-variable and vector forms, for every allowed dtype."""
import numpy as np
import pytest

from shmem4py import shmem

P2P_DTYPES = ['i', 'l', 'q', 'I', 'L', 'Q']


@pytest.mark.parametrize('dtype', P2P_DTYPES)
def test_wait_until_ring(dtype, me, npes):
    flag = shmem.zeros(1, dtype)
    shmem.barrier_all()
    shmem.atomic_set(flag, me + 1, (me + 1) % npes)
    shmem.wait_until(flag, shmem.CMP_EQ, (me - 1) % npes + 1)
    ok = shmem.test(flag, '>=', 1) and shmem.test(flag[..., 0:1], 'ne', 0) and not shmem.test(flag, shmem.CMP.LT, 1)
    shmem.barrier_all()
    shmem.free(flag)
    assert ok


def test_multi_variable_forms(me, npes):
    ivars = shmem.zeros(npes, 'l')
    shmem.barrier_all()
    for pe in range(npes):
        shmem.atomic_set(ivars[me:me + 1], me + 1, pe)
    shmem.wait_until_all(ivars, shmem.CMP_GT, 0)
    any_index = shmem.wait_until_any(ivars, shmem.CMP_GE, 1)
    some = shmem.wait_until_some(ivars, shmem.CMP_NE, 0)
    shmem.wait_until_all_vector(ivars, shmem.CMP_EQ, np.arange(1, npes + 1))
    any_vec = shmem.wait_until_any_vector(ivars, shmem.CMP_EQ, np.arange(1, npes + 1))
    some_vec = shmem.wait_until_some_vector(ivars, shmem.CMP_EQ, np.arange(1, npes + 1))
    status = [1] * npes
    excluded_any = shmem.test_any(ivars, shmem.CMP_GT, 0, status=status)
    excluded_all = shmem.test_all(ivars, shmem.CMP_GT, 100, status=status)
    excluded_some = shmem.test_some(ivars, shmem.CMP_GT, 0, status)
    tests = (shmem.test_all(ivars, '>', 0), shmem.test_any(ivars, '==', npes), shmem.test_some(ivars, '<=', 1),
             shmem.test_all_vector(ivars, '==', list(range(1, npes + 1))),
             shmem.test_any_vector(ivars, '>', [100] * npes), shmem.test_some_vector(ivars, '==', [1] * npes))
    empty = ivars[:0]
    empties = (shmem.wait_until_any(empty, '==', 0), shmem.wait_until_some(empty, '==', 0), shmem.test_all(empty, '==', 0))
    shmem.barrier_all()
    shmem.free(ivars)
    assert 0 <= any_index < npes and some == list(range(npes))
    assert 0 <= any_vec < npes and some_vec == list(range(npes))
    assert excluded_any is None and excluded_all is True and excluded_some == []
    assert tests == (True, npes - 1, [0], True, None, [0])
    assert empties == (None, [], True)


def test_wait_rules(me):
    f = shmem.zeros(1, 'd')
    two = shmem.zeros(2, 'i')
    with pytest.raises(AttributeError):
        shmem.test(f, shmem.CMP_EQ, 0)
    with pytest.raises(AssertionError):
        shmem.test(two, shmem.CMP_EQ, 0)
    with pytest.raises(AttributeError):
        shmem.test(two[:1], 'bogus', 0)
    with pytest.raises(AssertionError):
        shmem.test_all(two, shmem.CMP_EQ, 0, status=[0])
    with pytest.raises(ValueError):
        shmem.test(np.zeros(1, 'i'), shmem.CMP_EQ, 0)  # not symmetric
    shmem.free(f)
    shmem.free(two)
