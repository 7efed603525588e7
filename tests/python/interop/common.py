"""What every interop script checks once both shmem4py and mpi4py are up, on every PE."""
import numpy as np


def one_mpi_loaded(MPI):
    """Whether the process holds the libraries of exactly one MPI, the one mpi4py reports."""
    with open('/proc/self/maps') as maps:
        loaded = maps.read()
    families = {'MPICH': 'libmpich' in loaded or 'libmpi.so.12' in loaded,
                'Open MPI': 'libmpi.so.40' in loaded}
    present = [name for name, found in families.items() if found]
    return len(present) == 1 and present[0] in MPI.Get_library_version()


def exercise(shmem, MPI):
    world = MPI.COMM_WORLD
    me, npes = shmem.my_pe(), shmem.n_pes()
    assert one_mpi_loaded(MPI)
    assert MPI.Is_initialized() and (me, npes) == (world.Get_rank(), world.Get_size())
    comm = shmem.get_comm()
    assert (comm.Get_rank(), comm.Get_size()) == (me, npes)
    assert comm.allreduce(me) == sum(range(npes))

    # SHMEM puts into a symmetric array, then MPI reduces and broadcasts over the same arrays.
    width = max(4, npes)
    a = shmem.zeros(width, 'l')
    shmem.put(a, np.full(width, me, 'l'), (me + 1) % npes)
    shmem.barrier_all()
    total = shmem.zeros(width, 'l')
    world.Allreduce(a, total, op=MPI.SUM)
    assert np.all(total == sum(range(npes)))
    world.Bcast(total, root=npes - 1)
    # MPI writes, then SHMEM reads a neighbour's copy. The receive buffer holds exactly one
    # element per rank: mpi4py splits a longer one evenly, which no longer matches the send count.
    world.Allgather(np.array([me], 'l'), a[:npes])
    world.Barrier()
    out = np.zeros(4, 'l')
    shmem.get(out, a, (me + 1) % npes, size=min(npes, 4))
    assert out[:min(npes, 4)].tolist() == list(range(min(npes, 4)))

    # A team communicator: ranks are team PE numbers.
    evens = shmem.TEAM_WORLD.split_strided(0, 2)
    if evens:
        tcomm = evens.get_comm()
        assert tcomm.Get_rank() == evens.my_pe() and tcomm.Get_size() == evens.n_pes()
        assert tcomm.allreduce(me) == sum(range(0, npes, 2))
    evens.destroy()
    shmem.free(a)
    shmem.free(total)
