"""shmem4py initializes MPI, mpi4py reuses it; at exit shmem4py finalizes both."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from shmem4py import shmem  # noqa: E402
from mpi4py import MPI  # noqa: E402
from common import exercise  # noqa: E402

exercise(shmem, MPI)
print('OK', flush=True)
