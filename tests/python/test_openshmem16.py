"""What OpenSHMEM 1.6 adds, from Python: query_initialized and nested init/finalize, ibput/ibget,
signal_add/signal_set, pe_quiet, team_ptr/Team.ptr, sum_inscan/sum_exscan and context sessions.
Values are asserted on every PE; collectives come before asserts. Re-initialization after the last
finalize needs a process of its own: tests/python/interop/reinit_*.py (run by check_interop.py)."""
import numpy as np
import pytest

from shmem4py import shmem
from shmem4py import _core

RMA_DTYPES = ['i2', 'i4', 'i8', 'u4', 'f4', 'f8']
SCAN_DTYPES = ['i4', 'i8', 'u8', 'f4', 'f8', 'c16']


def test_query_initialized_and_nested_init():
    assert shmem.query_initialized() is True
    kept = shmem.zeros(1, 'l')
    shmem.init()  # nested: matched by the finalize below, which is only a barrier
    assert shmem.init_thread(shmem.THREAD_MULTIPLE) == shmem.query_thread()
    shmem.finalize()
    shmem.finalize()
    assert shmem.query_initialized() is True
    shmem.atomic_add(kept, 1, 0)
    shmem.barrier_all()
    assert shmem.atomic_fetch(kept, 0) == shmem.n_pes()
    shmem.free(kept)


@pytest.mark.parametrize('dtype', RMA_DTYPES)
def test_ibput_ibget(dtype, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    src = (np.arange(12) + 50 * me).astype(dtype)
    dest = shmem.zeros(12, dtype)
    remote = shmem.array(src)
    shmem.barrier_all()
    # Blocks of 2 elements taken every 3 from src, stored every 4 in the right neighbour's dest.
    shmem.ibput(dest, src, right, tst=4, sst=3, bsize=2, nblocks=3)
    shmem.barrier_all()
    expect = np.zeros(12, dtype)
    for b in range(3):
        expect[4 * b:4 * b + 2] = (np.arange(2) + 3 * b + 50 * left).astype(dtype)
    assert dest.tolist() == expect.tolist()
    # The same shape back from the right neighbour's `remote`, on a created context.
    got = np.zeros(12, dtype)
    with shmem.Ctx.create() as ctx:
        shmem.ibget(got, remote, right, 4, 3, 2, 3, ctx=ctx)
    for b in range(3):
        assert got[4 * b:4 * b + 2].tolist() == (np.arange(2) + 3 * b + 50 * right).astype(dtype).tolist()
        assert got[4 * b + 2:4 * b + 4].tolist() == [0, 0]
    # nblocks=None moves as many blocks as both arrays hold: every other element, 6 blocks.
    got = np.zeros(12, dtype)
    shmem.ibget(got, remote, left, tst=2, sst=2)
    assert got[0::2].tolist() == (np.arange(0, 12, 2) + 50 * left).astype(dtype).tolist()
    assert got[1::2].tolist() == [0] * 6
    shmem.barrier_all()
    shmem.free(dest)
    shmem.free(remote)


def test_ibput_ibget_errors(me):
    a = shmem.zeros(8, 'l')
    with pytest.raises(ValueError, match='strides'):
        shmem.ibput(a, np.zeros(8, 'l'), me, tst=0)
    with pytest.raises(AssertionError, match='nblocks'):
        shmem.ibput(a, np.zeros(8, 'l'), me, tst=4, sst=1, bsize=2, nblocks=3)
    with pytest.raises(AssertionError):  # DTypeMismatchError
        shmem.ibget(np.zeros(8, 'i'), a, me)
    with pytest.raises(ValueError, match='source is not in symmetric memory'):
        shmem.ibget(np.zeros(8, 'l'), np.zeros(8, 'l'), me)
    with pytest.raises(ValueError, match='PE'):
        shmem.ibput(a, np.zeros(8, 'l'), shmem.n_pes())
    with pytest.raises(TypeError, match='no block-strided routine'):
        b = shmem.zeros(4, 'F')
        try:
            shmem.ibput(b, np.zeros(4, 'F'), me)
        finally:
            shmem.free(b)
    shmem.ibput(a, np.arange(8, dtype='l'), me, bsize=0)  # nothing moves
    assert a.tolist() == [0] * 8
    shmem.free(a)


def test_signal_add_and_set(me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    sig = shmem.new_signal()
    shmem.barrier_all()
    shmem.signal_add(sig, me + 1, 0)
    shmem.barrier_all()
    total = shmem.signal_fetch(sig)
    shmem.barrier_all()
    with shmem.Ctx.create() as ctx:
        shmem.signal_set(sig, 1000 + me, right, ctx=ctx)
        ctx.quiet()
    shmem.barrier_all()
    assert total == (npes * (npes + 1) // 2 if me == 0 else 0)
    assert shmem.signal_fetch(sig) == 1000 + left
    # signal_wait_until sees a signal_add from the left neighbour.
    shmem.barrier_all()
    shmem.signal_add(sig, 5, right)
    assert shmem.signal_wait_until(sig, shmem.CMP_EQ, 1005 + left) == 1005 + left
    lock = shmem.new_lock()
    with pytest.raises(TypeError, match='signal'):
        shmem.signal_add(lock, 1, me)
    with pytest.raises(ValueError, match='PE'):
        shmem.signal_set(sig, 1, npes)
    shmem.del_lock(lock)
    shmem.barrier_all()
    shmem.del_signal(sig)
    with pytest.raises(ValueError, match='freed'):
        shmem.signal_add(sig, 1, me)


def test_pe_quiet(me, npes):
    right = (me + 1) % npes
    a = shmem.zeros(3, 'l')
    shmem.barrier_all()
    with shmem.Ctx.create(shmem.CTX_PRIVATE) as ctx:
        shmem.put_nbi(a[:1], np.array([me + 1], 'l'), right, ctx=ctx)
        ctx.pe_quiet([right])  # a sequence of PEs
        shmem.put_nbi(a[1:2], np.array([me + 2], 'l'), right, ctx=ctx)
        shmem.pe_quiet(right, ctx)  # one PE
        shmem.put_nbi(a[2:], np.array([me + 3], 'l'), right)
        shmem.pe_quiet(range(npes))  # the default context, every PE
        shmem.pe_quiet([])  # nothing to complete
    shmem.barrier_all()
    left = (me - 1) % npes
    assert a.tolist() == [left + 1, left + 2, left + 3]
    with pytest.raises(TypeError, match='pes'):
        shmem.pe_quiet('0')
    with pytest.raises(TypeError, match='pe'):
        shmem.pe_quiet([0.5])
    with pytest.raises(ValueError, match='PE'):
        shmem.pe_quiet([npes])
    with pytest.raises(ValueError, match='ctx is invalid'):
        shmem.pe_quiet([me], shmem.CTX_INVALID)
    shmem.free(a)


def test_team_ptr(me, npes):
    a = shmem.full(2, me, 'i8')
    shmem.barrier_all()
    world = shmem.TEAM_WORLD
    for pe in range(npes):
        by_team, by_world = shmem.team_ptr(a, pe, world), shmem.ptr(a, pe)
        assert (by_team is None) == (by_world is None)
        if by_team is not None:
            assert by_team.tolist() == [pe, pe]
    assert world.ptr(a, me).tolist() == [me, me]  # always reachable: this PE's own copy
    evens = world.split_strided(0, 2)
    if evens:
        for i in range(evens.n_pes()):
            view = evens.ptr(a, i)
            world_pe = evens.translate_pe(i)
            assert (view is None) == (shmem.ptr(a, world_pe) is None)
            if view is not None:
                assert view.tolist() == [world_pe, world_pe]
        assert evens.ptr(a, evens.n_pes()) is None  # outside the team
    shared = shmem.TEAM_SHARED
    if shared:
        for i in range(shared.n_pes()):  # as shmem.ptr on the member's world number
            view, world_pe = shared.ptr(a, i), shared.translate_pe(i)
            assert (view is None) == (shmem.ptr(a, world_pe) is None)
            if view is not None:
                assert view.tolist() == [world_pe] * 2
    assert shmem.team_ptr(a, 0, shmem.TEAM_INVALID) is None
    assert shmem.team_ptr(np.zeros(2), me) is None  # not symmetric
    with pytest.raises(TypeError, match='team'):
        shmem.team_ptr(a, 0, 5)
    shmem.barrier_all()
    evens.destroy()
    shmem.free(a)


@pytest.mark.parametrize('dtype', SCAN_DTYPES)
def test_sum_scans(dtype, me, npes):
    source = shmem.full(3, me + 1, dtype)
    inclusive, exclusive = shmem.zeros(3, dtype), shmem.full(3, 7, dtype)
    shmem.sum_inscan(inclusive, source)
    shmem.sum_exscan(exclusive, source)
    evens = shmem.TEAM_WORLD.split_strided(0, 2)
    team_result = shmem.zeros(3, dtype)
    if evens:
        shmem.sum_inscan(team_result, source, size=2, team=evens)
    shmem.barrier_all()
    assert inclusive.tolist() == [(me + 1) * (me + 2) // 2] * 3
    assert exclusive.tolist() == [me * (me + 1) // 2] * 3
    if evens:
        # Members 0, 2, 4... contribute 1, 3, 5...: the prefix sum of odd numbers is a square.
        k = evens.my_pe() + 1
        assert team_result.tolist() == [k * k, k * k, 0]
    evens.destroy()
    for a in (source, inclusive, exclusive, team_result):
        shmem.free(a)


def test_sum_scan_errors():
    flags = shmem.zeros(2, 'G')  # complex long double: moved as bytes, no routine family
    with pytest.raises(TypeError, match='no sum scan'):
        shmem.sum_inscan(flags, flags)
    a, b = shmem.zeros(2, 'l'), shmem.zeros(4, 'l')
    with pytest.raises(AssertionError):
        shmem.sum_exscan(a, b, size=3)
    with pytest.raises(AssertionError):
        shmem.sum_inscan(a, shmem.zeros(2, 'i'))
    with pytest.raises(ValueError, match='team is invalid'):
        shmem.sum_inscan(a, b, team=shmem.TEAM_INVALID)
    for x in (flags, a, b):
        shmem.free(x)


def test_ctx_sessions(me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    assert shmem.CTX_SESSION_BATCH == shmem.lib.SHMEM_CTX_SESSION_BATCH == 1
    assert shmem.lib.SHMEM_CTX_SESSION_TOTAL_OPS == 1
    table = shmem.zeros(64, 'l')
    hits = shmem.zeros(1, 'u8')
    shmem.barrier_all()
    ctx = shmem.Ctx.create()
    assert _core.ctx_session(ctx) == {'active': False, 'options': 0, 'total_ops': None}
    with ctx.session(total_ops=128) as same:
        assert same is ctx
        assert _core.ctx_session(ctx) == {'active': True, 'options': 1, 'total_ops': 128}
        ctx.session_start(1 << 4)  # combines with the running session
        assert _core.ctx_session(ctx) == {'active': True, 'options': 1 | 1 << 4, 'total_ops': 128}
        for i in range(64):
            shmem.put(table[i:i + 1], np.array([me * 1000 + i], 'l'), right, ctx=ctx)
            shmem.atomic_add(hits, 1, 0, ctx=ctx)
        ctx.quiet()
    assert not _core.ctx_session(ctx)['active']
    ctx.session_stop()  # without a session: nothing happens
    with pytest.raises(ZeroDivisionError):  # the session ends with an exception too
        with ctx.session():
            raise ZeroDivisionError
    assert not _core.ctx_session(ctx)['active']
    shmem.CTX_DEFAULT.session_start(shmem.CTX_SESSION_BATCH)
    assert _core.ctx_session(shmem.CTX_DEFAULT)['active']
    shmem.CTX_DEFAULT.session_stop()
    shmem.CTX_INVALID.session_start(shmem.CTX_SESSION_BATCH, total_ops=5)  # no effect, as in C
    shmem.CTX_INVALID.session_stop()
    with pytest.raises(ValueError, match='total_ops'):
        ctx.session_start(total_ops=-1)
    with pytest.raises(TypeError):
        ctx.session_start('batch')
    ctx.destroy()
    ctx.session_start()  # a destroyed context is invalid: no effect
    shmem.barrier_all()
    assert table.tolist() == [left * 1000 + i for i in range(64)]
    assert hits[0] == (64 * npes if me == 0 else 0)
    shmem.barrier_all()
    shmem.free(table)
    shmem.free(hits)


def test_stubs_name_every_16_routine():
    import pathlib
    stubs = (pathlib.Path(shmem.__file__).with_suffix('.pyi')).read_text()
    for name in ('def ibput', 'def ibget', 'def signal_add', 'def signal_set', 'def pe_quiet', 'def team_ptr',
                 'def sum_inscan', 'def sum_exscan', 'def query_initialized', 'def session(', 'def ptr(self'):
        assert name in stubs
