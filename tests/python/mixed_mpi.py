"""Loads another MPI's library into this process before shmem4py initializes, as an mpi4py built
for that MPI would: init must raise a RuntimeError naming both MPIs (never crash inside MPI), and
raise it again if called again. Usage: python mixed_mpi.py <path of the other MPI's library>"""
import ctypes
import sys

ctypes.CDLL(sys.argv[1], mode=ctypes.RTLD_GLOBAL)

import shmem4py  # noqa: E402

shmem4py.rc.initialize = False
from shmem4py import _core, shmem  # noqa: E402

for attempt in (1, 2):
    try:
        shmem.init()
    except RuntimeError as error:
        message = str(error)
        assert 'libshmem was built with' in message, message
        assert 'MPICH' in message and 'Open MPI' in message, message
        assert '\n' not in message, message
    else:
        sys.exit('shmem.init() returned with two MPIs loaded')
assert not _core.initialized()
print('mixed_mpi: OK:', message)
