"""The behaviours of upstream shmem4py's demos (ring put/get, broadcast, collect, fcollect,
alltoall, pi, race winner, locks), written as tests of our own."""
import numpy as np

from shmem4py import shmem


def test_rotput_rotget(me, npes):
    dst = shmem.empty(1, 'i')
    shmem.put(dst, np.array([me], 'i'), (me + 1) % npes)
    shmem.barrier_all()
    src = shmem.array([me], dtype='i')
    out = np.empty(1, 'i')
    shmem.get(out, src, (me + 1) % npes)
    shmem.barrier_all()
    got = int(dst[0])
    shmem.free(dst)
    shmem.free(src)
    assert got == (me - 1) % npes and out[0] == (me + 1) % npes


def test_broadcast_example(me, npes):
    source = shmem.zeros(npes, 'i')
    dest = shmem.full(npes, -1, 'i')
    if me == 0:
        source[:] = np.arange(npes)
    shmem.barrier_all()
    shmem.broadcast(dest, source, 0)
    got = dest.copy()
    shmem.free(source)
    shmem.free(dest)
    assert got.tolist() == list(range(npes))


def test_alltoall_example(me, npes):
    source = shmem.zeros(2 * npes, 'i')
    dest = shmem.full(2 * npes, 9999, 'i')
    for pe in range(npes):
        source[2 * pe:2 * pe + 2] = me * npes + pe
    team = shmem.Team(shmem.TEAM_WORLD)
    team.sync()
    shmem.alltoall(dest, source, 2, team)
    got = dest.copy()
    shmem.free(source)
    shmem.free(dest)
    assert got.tolist() == [pe * npes + me for pe in range(npes) for _ in range(2)]


def test_pi(me, npes):
    rng = np.random.default_rng(me)
    inside = shmem.zeros(1, 'i')
    points = 20000
    xy = rng.random((points, 2))
    inside[0] = int(np.count_nonzero((xy ** 2).sum(axis=1) <= 1.0))
    shmem.barrier_all()
    shmem.sum_reduce(inside, inside)
    pi = 4.0 * inside[0] / (points * npes)
    shmem.free(inside)
    assert abs(pi - np.pi) < 0.1


def test_race_winner(me, npes):
    winner = shmem.array(-1, dtype='i')
    old = shmem.atomic_compare_swap(winner, -1, me, 0)
    shmem.barrier_all()
    result = int(shmem.atomic_fetch(winner, 0))
    shmem.barrier_all()
    shmem.free(winner)
    assert 0 <= result < npes and (old == -1) == (result == me)


def test_race_winner_test(me, npes):
    wait_vars = shmem.zeros(npes, 'i')
    shmem.barrier_all()
    seen = set()
    if me == 0:
        while len(seen) < npes - 1:
            for idx in range(1, npes):
                if idx not in seen and shmem.test(wait_vars[idx:idx + 1], shmem.CMP.NE, 0):
                    seen.add(idx)
    else:
        shmem.atomic_set(wait_vars[me:me + 1], me, 0)
    shmem.barrier_all()
    shmem.free(wait_vars)
    assert me != 0 or seen == set(range(1, npes))


def test_lock_demo(me, npes):
    lock = shmem.new_lock()
    count = shmem.array(0, dtype='i')
    val = np.zeros(1, 'i')
    shmem.set_lock(lock)
    shmem.get(val, count, 0)
    val += 1
    shmem.put(count, val, 0)
    shmem.clear_lock(lock)
    shmem.barrier_all()
    total = int(count)
    shmem.del_lock(lock)
    shmem.free(count)
    if me == 0:
        assert total == npes
