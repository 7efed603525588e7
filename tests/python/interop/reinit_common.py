"""Re-initialization after the last finalize (OpenSHMEM 1.6), as the interop scripts reinit_*.py
check it: objects of the finished initialization are refused with precise errors (never reaching
the new heap, whose addresses may be the same), and a new initialization works from scratch."""
import numpy as np


def raises(exception, text, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except exception as e:
        assert text in str(e), f'{call.__name__}: {e!r} does not mention {text!r}'
        return
    raise AssertionError(f'{call.__name__} did not raise {exception.__name__}')


def ring(shmem, value):
    """A put around the ring into a new array, and a sum over TEAM_WORLD; returns nothing."""
    me, npes = shmem.my_pe(), shmem.n_pes()
    a = shmem.zeros(4, 'l')
    shmem.put(a, np.full(4, value + me, 'l'), (me + 1) % npes)
    shmem.barrier_all()
    assert a.tolist() == [value + (me - 1) % npes] * 4
    total = shmem.zeros(1, 'l')
    one = shmem.ones(1, 'l')
    shmem.sum_reduce(total, one)
    assert total[0] == npes
    shmem.free(a)
    shmem.free(total)
    shmem.free(one)


def reinitialize(shmem):
    me, npes = shmem.my_pe(), shmem.n_pes()
    ring(shmem, 10)
    old = shmem.zeros(4, 'l')
    sig = shmem.new_signal()
    ctx = shmem.Ctx.create()
    shmem.init()  # nested: its finalize is only a barrier
    shmem.finalize()
    assert shmem.query_initialized()
    shmem.finalize()  # the last one
    assert not shmem.query_initialized()
    assert not shmem.TEAM_WORLD
    raises(RuntimeError, 'not initialized', shmem.my_pe)
    raises(ValueError, 'not in symmetric memory', shmem.put, old, np.zeros(4, 'l'), 0)

    for cycle in (2, 3):
        if cycle == 2:
            shmem.init()
        else:
            assert shmem.init_thread(shmem.THREAD_SERIALIZED) <= shmem.THREAD_SERIALIZED
        assert shmem.query_initialized() and shmem.TEAM_WORLD
        assert (shmem.my_pe(), shmem.n_pes()) == (me, npes)
        ring(shmem, 100 * cycle)
        # What the first initialization left behind stays refused. (Not an old array whose
        # addresses the new heap has handed out again: arrays are recognised by address.)
        fresh = shmem.zeros(4, 'l')
        raises(ValueError, 'before the last finalize', shmem.signal_add, sig, 1, me)
        raises(ValueError, 'ctx is invalid', shmem.put, fresh, np.zeros(4, 'l'), me, ctx=ctx)
        if cycle == 2:  # (destroy forgets the handle: later it is CTX_INVALID, a no-op)
            raises(ValueError, 'before the last finalize', ctx.destroy)
        assert sig.freed  # the signal reports its heap gone
        with shmem.Ctx.create() as new_ctx:
            shmem.put(fresh, np.full(4, cycle, 'l'), (me + 1) % npes, ctx=new_ctx)
            new_ctx.quiet()
        shmem.barrier_all()
        assert fresh.tolist() == [cycle] * 4
        shmem.free(fresh)
        if cycle == 2:
            shmem.finalize()
    del old  # garbage collection of a stale array frees nothing
    ring(shmem, 7)
