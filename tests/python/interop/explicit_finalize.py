"""mpi4py first; the program finalizes OpenSHMEM itself and keeps using MPI afterwards; arrays
that die after finalize are forgotten, not freed."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from mpi4py import MPI  # noqa: E402
from shmem4py import shmem  # noqa: E402
from common import exercise  # noqa: E402

exercise(shmem, MPI)
leftover = shmem.zeros(10)
shmem.finalize()
assert not MPI.Is_finalized()
assert MPI.COMM_WORLD.allreduce(1) == MPI.COMM_WORLD.Get_size()
del leftover
print('OK', flush=True)
