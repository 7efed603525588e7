"""Atomic memory operations on every dtype of each AMO family, fetching and nonblocking forms."""
import numpy as np
import pytest

from shmem4py import shmem

STANDARD = ['i', 'l', 'q', 'I', 'L', 'Q']
EXTENDED = STANDARD + ['f', 'd']
BITWISE = ['I', 'L', 'Q']


@pytest.mark.parametrize('dtype', STANDARD)
def test_add_inc_compare_swap(dtype, me, npes):
    counter = shmem.zeros(1, dtype)
    shmem.atomic_add(counter, me + 1, 0)
    shmem.atomic_inc(counter, 0)
    old = shmem.atomic_fetch_add(counter, 2, 0)
    old_inc = shmem.atomic_fetch_inc(counter, 0)
    shmem.barrier_all()
    total = shmem.atomic_fetch(counter, 0)
    winner = shmem.array(0, dtype=dtype)
    shmem.barrier_all()
    previous = shmem.atomic_compare_swap(winner, 0, me + 1, 0)
    shmem.barrier_all()
    won = shmem.atomic_fetch(winner, 0)
    shmem.free(counter)
    shmem.free(winner)
    assert total == sum(range(1, npes + 1)) + 4 * npes
    assert isinstance(old, int) and isinstance(old_inc, int) and old_inc >= old + 2 - 0
    assert 1 <= won <= npes and (previous == 0) == (won == me + 1)


@pytest.mark.parametrize('dtype', EXTENDED)
def test_fetch_set_swap(dtype, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    word = shmem.zeros(1, dtype)
    shmem.atomic_set(word, me + 2, right)
    shmem.barrier_all()
    fetched = shmem.atomic_fetch(word, me)
    remote = shmem.atomic_fetch(word, right)
    shmem.barrier_all()
    old = shmem.atomic_swap(word, 100, right)
    shmem.barrier_all()
    final = word[0]
    shmem.free(word)
    kind = float if np.dtype(dtype).kind == 'f' else int
    assert isinstance(fetched, kind) and fetched == left + 2 and remote == me + 2
    assert old == me + 2 and final == 100


@pytest.mark.parametrize('dtype', BITWISE)
def test_bitwise(dtype, me, npes):
    bits = shmem.zeros(1, dtype)
    shmem.atomic_or(bits, 1 << me, 0)
    shmem.barrier_all()
    everyone = (1 << npes) - 1
    got_or = int(bits[0])
    shmem.barrier_all()
    old_and = shmem.atomic_fetch_and(bits, ~(1 << me) & everyone, 0)
    shmem.barrier_all()
    after_and = int(bits[0])
    shmem.barrier_all()
    shmem.atomic_xor(bits, 1 << me, 0)
    shmem.barrier_all()
    after_xor = int(bits[0])
    old_or = shmem.atomic_fetch_or(bits, 0, 0)
    old_xor = shmem.atomic_fetch_xor(bits, 0, 0)
    shmem.barrier_all()
    shmem.free(bits)
    if me == 0:
        assert got_or == everyone and after_and == 0 and after_xor == everyone
    assert old_and & (1 << me) and old_or == old_xor


def test_nbi_forms(me, npes):
    right = (me + 1) % npes
    target = shmem.array([10], dtype='L')
    fetch = np.zeros(1, 'L')
    shmem.barrier_all()
    results = []
    for call in (lambda: shmem.atomic_fetch_nbi(fetch, target, right),
                 lambda: shmem.atomic_fetch_add_nbi(fetch, target, 5, right),
                 lambda: shmem.atomic_fetch_inc_nbi(fetch, target, right),
                 lambda: shmem.atomic_compare_swap_nbi(fetch, target, 16, 20, right),
                 lambda: shmem.atomic_swap_nbi(fetch, target, 1, right),
                 lambda: shmem.atomic_fetch_or_nbi(fetch, target, 6, right),
                 lambda: shmem.atomic_fetch_and_nbi(fetch, target, 3, right),
                 lambda: shmem.atomic_fetch_xor_nbi(fetch, target, 1, right),
                 lambda: shmem.atomic_fetch_op_nbi(fetch, target, 9, shmem.AMO_SET, right)):
        call()
        shmem.quiet()
        results.append(int(fetch[0]))
    shmem.barrier_all()
    final = int(target[0])
    shmem.free(target)
    assert results == [10, 10, 15, 16, 20, 1, 7, 3, 2]
    assert final == 9


def test_op_forms(me, npes):
    word = shmem.zeros(1, 'i')
    shmem.barrier_all()
    if me == 0:
        shmem.atomic_op(word, 5, shmem.AMO_SET, 0)
        shmem.atomic_op(word, None, 'inc', 0)
        shmem.atomic_op(word, 4, 'ADD', 0)
        a = shmem.atomic_fetch_op(word, None, shmem.AMO_INC, 0)
        b = shmem.atomic_fetch_op(word, 3, 'set', 0)
        assert (a, b, int(word[0])) == (10, 11, 3)
        with pytest.raises(AttributeError):
            shmem.atomic_op(word, 1, 'and', 0)  # no bitwise AMO on int32
        with pytest.raises(AssertionError):
            shmem.atomic_op(word, 1, 3, 0)
        with pytest.raises(AttributeError):
            shmem.atomic_op(word, 1, 'bogus', 0)
    shmem.barrier_all()
    shmem.free(word)


def test_amo_type_rules(me):
    i8 = shmem.zeros(1, 'b')
    f = shmem.zeros(1, 'd')
    two = shmem.zeros(2, 'i')
    with pytest.raises(AttributeError):
        shmem.atomic_add(i8, 1, me)
    with pytest.raises(AttributeError):
        shmem.atomic_add(f, 1.0, me)
    with pytest.raises(AttributeError):
        shmem.atomic_and(two[:1], 1, me)
    with pytest.raises(AssertionError):
        shmem.atomic_add(two, 1, me)
    with pytest.raises(TypeError):
        shmem.atomic_add(two[:1], 1.5, me)
    with pytest.raises(OverflowError):
        shmem.atomic_set(shmem.zeros(1, 'I')[:1] if False else two[:1].view('I'), -1, me)
    ro = two[:1].view()
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        shmem.atomic_add(ro, 1, me)
    assert shmem.atomic_fetch(ro, me) == 0  # fetch accepts read-only
    for x in (i8, f, two):
        shmem.free(x)
