"""mpi4py interoperability: MPI communicators over OpenSHMEM teams.

mpi4py and shmem4py share one MPI process group: PE numbers are ``MPI.COMM_WORLD`` ranks, and
whichever side imports first initializes MPI (the other reuses it). At exit, whoever finalizes MPI
runs OpenSHMEM's finalize first (the runtime hooks ``MPI_COMM_SELF``), so either order is clean.
"""
from . import _core


def get_comm(team_handle):
    """An ``mpi4py.MPI.Comm`` over the team's communicator (owned by the team: do not free it)."""
    from mpi4py import MPI
    return MPI.Comm.f2py(_core.team_comm_f2c(team_handle))
