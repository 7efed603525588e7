"""SHMEM4PY_RC_INITIALIZE=no and SHMEM4PY_RC_FINALIZE=yes (set by the runner) with
mpi4py.rc.initialize=False: nobody initializes at import; the program calls MPI.Init, then
shmem.init(), and finalizes MPI itself (which finalizes OpenSHMEM first)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import mpi4py  # noqa: E402
mpi4py.rc.initialize = False
from mpi4py import MPI  # noqa: E402
from shmem4py import shmem  # noqa: E402
from common import exercise  # noqa: E402

assert not MPI.Is_initialized() and not shmem._core.initialized()
assert not shmem.TEAM_WORLD  # no handles before init
MPI.Init()
shmem.init()
assert shmem.TEAM_WORLD
exercise(shmem, MPI)
print('OK', flush=True)
MPI.Finalize()
assert not shmem._core.initialized()
