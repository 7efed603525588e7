"""shmem4py initializes MPI at import; the program finalizes OpenSHMEM and initializes it again
(MPI stays up between initializations and is finalized at exit)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from shmem4py import shmem  # noqa: E402
from reinit_common import reinitialize  # noqa: E402

reinitialize(shmem)
print('OK', flush=True)
