"""shmem4py first; the program finalizes MPI through mpi4py before exit: OpenSHMEM is finalized
by MPI's hook and shmem4py's own exit handler then has nothing to do."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from shmem4py import shmem  # noqa: E402
import mpi4py  # noqa: E402
mpi4py.rc.finalize = False
from mpi4py import MPI  # noqa: E402
from common import exercise  # noqa: E402

exercise(shmem, MPI)
kept = shmem.zeros(3)
MPI.Finalize()
assert not shmem._core.initialized()
del kept
print('OK', flush=True)
