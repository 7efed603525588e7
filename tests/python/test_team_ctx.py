"""Teams and contexts: object semantics as upstream, splits, translation, team collectives, and
RMA/AMO on created and team contexts."""
import numpy as np
import pytest

from shmem4py import shmem


def test_team_objects(me, npes):
    world = shmem.TEAM_WORLD
    assert world.my_pe() == me and world.n_pes() == npes and bool(world)
    alias = shmem.Team(world)
    assert alias == world and alias is not world and not (alias != world)
    assert shmem.TEAM_WORLD != 1 and not shmem.TEAM_INVALID
    if shmem.TEAM_SHARED:
        assert shmem.TEAM_SHARED != shmem.TEAM_WORLD and shmem.TEAM_SHARED.n_pes() >= 1
    with pytest.raises(TypeError):
        hash(world)
    with pytest.raises(TypeError):
        shmem.Team(5)
    with pytest.raises(TypeError):
        shmem.Team(shmem.ffi.cast('int', 0))
    with pytest.raises(RuntimeError):
        shmem.TEAM_INVALID.my_pe()
    with pytest.raises(RuntimeError):
        shmem.TEAM_INVALID.n_pes()
    alias.destroy()
    assert not alias and world
    shmem.TEAM_WORLD.destroy()
    assert shmem.TEAM_WORLD
    assert world.translate_pe() == me
    assert world.get_config()['num_contexts'] >= 0


def test_split_strided_and_team_collectives(me, npes):
    evens = shmem.TEAM_WORLD.split_strided(0, 2, num_contexts=2)
    member = me % 2 == 0
    results = {}
    if member:
        results['n'] = evens.n_pes()
        results['my'] = evens.my_pe()
        results['world'] = evens.translate_pe(evens.my_pe(), shmem.TEAM_WORLD)
        results['cfg'] = evens.get_config()
    src = shmem.full(2, me, 'l')
    dst = shmem.zeros(2 * ((npes + 1) // 2), 'l')
    total = shmem.zeros(1, 'l')
    if member:
        evens.sync()
        shmem.fcollect(dst, src, team=evens)
        shmem.sum_reduce(total, src[:1], team=evens)
        shmem.sync(evens)
    evens.destroy()
    got, got_total = dst.copy(), int(total[0])
    for x in (src, dst, total):
        shmem.free(x)
    if member:
        members = list(range(0, npes, 2))
        assert results['n'] == len(members) and results['my'] == me // 2 and results['world'] == me
        assert results['cfg']['num_contexts'] == 2 or len(members) == npes
        assert got.tolist() == [p for p in members for _ in range(2)]
        assert got_total == sum(members)
    else:
        assert not evens


def test_with_team():
    with shmem.TEAM_WORLD.split_strided() as team:
        n = team.n_pes()
    assert not team and n == shmem.n_pes()


def test_ctx_objects():
    default = shmem.CTX_DEFAULT
    assert default and not shmem.CTX_INVALID
    assert shmem.Ctx(default) == default and shmem.Ctx(default) is not default
    assert default.get_team() == shmem.TEAM_WORLD
    with pytest.raises(RuntimeError):
        shmem.CTX_INVALID.get_team()
    with pytest.raises(TypeError):
        shmem.Ctx(5)
    with pytest.raises(TypeError):
        shmem.Ctx(shmem.ffi.cast('int', 0))
    with pytest.raises(TypeError):
        hash(default)
    default.destroy()
    assert shmem.CTX_DEFAULT
    default.quiet()
    default.fence()


def test_ordering_an_invalid_context_does_nothing(me, npes):
    # As shmem_ctx_quiet/fence in C: nothing was issued on CTX_INVALID, so nothing to complete.
    # The spec's team-context example quiets the context of a team the PE is not in.
    shmem.CTX_INVALID.quiet()
    shmem.CTX_INVALID.fence()
    shmem.quiet(shmem.CTX_INVALID)
    shmem.fence(ctx=shmem.CTX_INVALID)
    evens = shmem.TEAM_WORLD.split_strided(0, 2, (npes + 1) // 2)
    ctx = evens.create_ctx() if evens else shmem.CTX_INVALID
    assert bool(ctx) == (me % 2 == 0)
    dst = shmem.zeros(1, 'i')
    if ctx:
        # PEs of a team's context are numbered in the team.
        shmem.put(dst, np.array([me], 'i'), (evens.my_pe() + 1) % evens.n_pes(), ctx=ctx)
    ctx.quiet()
    shmem.barrier_all()
    if me % 2 == 0:
        members = list(range(0, npes, 2))
        assert dst[0] == members[members.index(me) - 1]
    else:
        assert dst[0] == 0
    ctx.destroy()
    ctx.quiet()  # a destroyed context is invalid too
    evens.destroy()
    shmem.free(dst)


@pytest.mark.parametrize('options', [0, shmem.CTX_PRIVATE, shmem.CTX_SERIALIZED, shmem.CTX_NOSTORE])
def test_rma_and_amo_on_created_context(options, me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    dst = shmem.zeros(3, 'i')
    counter = shmem.zeros(1, 'l')
    with shmem.Ctx.create(options) as ctx:
        assert ctx.get_team() == shmem.TEAM_WORLD
        shmem.put_nbi(dst, np.full(3, me, 'i'), right, ctx=ctx)
        shmem.atomic_add(counter, 1, 0, ctx=ctx)
        old = shmem.atomic_fetch_add(counter, 0, 0, ctx)
        ctx.quiet()
    shmem.barrier_all()
    got, count = dst.copy(), int(counter[0])
    with pytest.raises(ValueError):
        shmem.put(dst, np.zeros(3, 'i'), me, ctx=ctx)  # destroyed
    shmem.free(dst)
    shmem.free(counter)
    assert np.all(got == left) and old >= 1
    if me == 0:
        assert count == npes


def test_team_context_numbers_pes_in_team(me, npes):
    team = shmem.TEAM_WORLD.split_strided(npes - 1, -1, npes)  # reversed order
    target = shmem.zeros(1, 'i')
    ctx = team.create_ctx()
    # team PE 0 is world PE npes-1
    shmem.atomic_add(target, 1, 0, ctx=ctx)
    ctx.quiet()
    ctx.destroy()
    team.destroy()
    shmem.barrier_all()
    got = int(target[0])
    shmem.free(target)
    assert got == (npes if me == npes - 1 else 0)
