"""Locks (functions and the Lock class) and put-with-signal."""
import numpy as np
import pytest

from shmem4py import shmem


def test_lock_counter(me, npes):
    lock = shmem.new_lock()
    counter = shmem.zeros(1, 'i')
    for _ in range(10):
        shmem.set_lock(lock)
        value = np.zeros(1, 'i')
        shmem.get(value, counter, 0)
        shmem.put(counter, value + 1, 0)
        shmem.clear_lock(lock)
    shmem.barrier_all()
    got = int(counter[0])
    shmem.del_lock(lock)
    shmem.free(counter)
    if me == 0:
        assert got == 10 * npes


def test_test_lock_acquires_on_exactly_one_pe(me, npes):
    lock = shmem.new_lock()
    flags = shmem.zeros(1, 'i')
    acquired = not shmem.test_lock(lock)
    if acquired:
        shmem.atomic_inc(flags, 0)
    shmem.barrier_all()
    if acquired:
        shmem.clear_lock(lock)
    shmem.barrier_all()
    winners = shmem.atomic_fetch(flags, 0)
    shmem.barrier_all()
    shmem.del_lock(lock)
    shmem.free(flags)
    assert winners == 1


def test_lock_class(me, npes):
    lock = shmem.Lock()
    counter = shmem.zeros(1, 'l')
    for _ in range(5):
        with lock:
            shmem.atomic_set(counter, shmem.atomic_fetch(counter, 0) + 1, 0)
    assert lock.acquire(blocking=True)
    lock.release()
    shmem.barrier_all()
    got = int(counter[0])
    lock.destroy()
    lock.destroy()
    lock.destroy()
    with pytest.raises(AssertionError):
        lock.acquire()
    shmem.free(counter)
    if me == 0:
        assert got == 5 * npes
    with pytest.raises(TypeError):
        shmem.set_lock(np.zeros(1, 'l'))


@pytest.mark.parametrize('dtype', ['i', 'd', 'D'])
def test_put_signal_ring(dtype, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    data = shmem.zeros(1000, dtype)
    sig = shmem.new_signal()
    rounds = 3
    for r in range(rounds):
        shmem.put_signal(data, np.full(1000, me + r, dtype), right, sig, 1, shmem.SIGNAL_ADD)
        seen = shmem.signal_wait_until(sig, shmem.CMP_GE, r + 1)
        ok = np.all(data == left + r)
        shmem.barrier_all()
        assert seen >= r + 1 and ok
    shmem.put_signal_nbi(data[:10], np.zeros(10, dtype), right, sig, 99, shmem.SIGNAL_SET, size=5)
    shmem.quiet()
    value = shmem.signal_wait_until(sig, '==', 99)
    shmem.barrier_all()
    fetched = shmem.signal_fetch(sig)
    head = data[:6].copy()
    shmem.barrier_all()
    shmem.del_signal(sig)
    shmem.free(data)
    assert value == fetched == 99
    assert np.all(head[:5] == 0) and head[5] == left + rounds - 1
    with pytest.raises(TypeError):
        shmem.signal_fetch(np.zeros(1, 'L'))
