"""Progress without the target: PE 0 computes in Python for 2 s without any shmem call while the
other PEs put, get, do AMOs and put-with-signal on its symmetric arrays. PE 0, still making no
call, then watches its own arrays with plain NumPy reads until every update has arrived (60 s only
guard against a hang) and checks the values. Over shared memory this needs nothing; through MPI
(another node, OSHMPI_TRANSPORT=mpi) only the progress agent can apply them. Nothing here
measures time."""
import time

import numpy as np

from shmem4py import shmem

TARGET = 0


def pattern(pe, slot):
    return 1000 * pe + slot + 7


def test_computing_target_receives_every_update(me, npes):
    put_slot = shmem.zeros(npes, 'l')
    get_source = shmem.zeros(npes, 'l')
    get_echo = shmem.zeros(npes, 'l')
    cswap_slot = shmem.zeros(npes, 'l')
    signal_data = shmem.zeros(npes, 'l')
    done = shmem.zeros(npes, 'l')
    counters = shmem.zeros(2, 'l')  # [0] fetch-add by 1, [1] add by pe
    sig = shmem.new_signal()
    if me == TARGET:
        get_source[:] = [pattern(pe, 100) for pe in range(npes)]
    shmem.barrier_all()

    arrived = True
    if me == TARGET:
        end = time.monotonic() + 2.0
        x = 1.0
        while time.monotonic() < end:  # the computation: no shmem call
            x = x * 1.0000001 + 1e-9
        others = [pe for pe in range(npes) if pe != TARGET]
        give_up = time.monotonic() + 60.0
        while not (all(done[pe] == 1 for pe in others) and int(sig[0]) == len(others)):
            if time.monotonic() > give_up:
                arrived = False
                break
            time.sleep(0)
        seen = {name: array.copy() for name, array in
                [('put', put_slot), ('echo', get_echo), ('cswap', cswap_slot),
                 ('signal_data', signal_data), ('counters', counters)]}
    else:
        shmem.put(put_slot[me:me + 1], np.array([pattern(me, 1)]), TARGET)
        got = np.zeros(1, 'l')
        shmem.get(got, get_source[me:me + 1], TARGET)
        shmem.put(get_echo[me:me + 1], got, TARGET)
        before = shmem.atomic_fetch_add(counters[0:1], 1, TARGET)
        shmem.atomic_add(counters[1:2], me, TARGET)
        swapped = shmem.atomic_compare_swap(cswap_slot[me:me + 1], 0, pattern(me, 3), TARGET)
        shmem.put_signal(signal_data[me:me + 1], np.array([pattern(me, 5)]), TARGET, sig, 1,
                         shmem.SIGNAL_ADD)
        shmem.quiet()
        shmem.atomic_set(done[me:me + 1], 1, TARGET)  # last, after quiet
        shmem.quiet()
    shmem.barrier_all()
    for array in (put_slot, get_source, get_echo, cswap_slot, signal_data, done, counters):
        shmem.free(array)
    shmem.del_signal(sig)

    if me == TARGET:
        others = [pe for pe in range(npes) if pe != TARGET]
        assert arrived, 'updates still missing after 60 s'
        for pe in others:
            assert seen['put'][pe] == pattern(pe, 1)
            assert seen['echo'][pe] == pattern(pe, 100)
            assert seen['cswap'][pe] == pattern(pe, 3)
            assert seen['signal_data'][pe] == pattern(pe, 5)
        assert seen['counters'][0] == len(others)
        assert seen['counters'][1] == sum(others)
    else:
        assert 0 <= before < npes - 1
        assert swapped == 0
