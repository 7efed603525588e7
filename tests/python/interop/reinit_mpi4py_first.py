"""mpi4py initializes MPI; OpenSHMEM is finalized and initialized again over it, MPI working
between the two, and mpi4py finalizes MPI (and the last OpenSHMEM) at exit."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from mpi4py import MPI  # noqa: E402
from shmem4py import shmem  # noqa: E402
from common import exercise  # noqa: E402
from reinit_common import reinitialize  # noqa: E402

reinitialize(shmem)
exercise(shmem, MPI)
shmem.finalize()
assert not MPI.Is_finalized() and MPI.COMM_WORLD.allreduce(1) == MPI.COMM_WORLD.Get_size()
shmem.init()
exercise(shmem, MPI)
print('OK', flush=True)
