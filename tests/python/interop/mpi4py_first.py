"""mpi4py initializes MPI, shmem4py reuses it; at exit mpi4py finalizes MPI, which runs
OpenSHMEM's finalize first."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from mpi4py import MPI  # noqa: E402
from shmem4py import shmem  # noqa: E402
from common import exercise  # noqa: E402

exercise(shmem, MPI)
print('OK', flush=True)
