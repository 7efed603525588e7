"""The last PE is killed (SIGKILL) while the others wait in a barrier: the job ends, non-zero."""
import os
import signal
import time

from shmem4py import shmem

me, npes = shmem.my_pe(), shmem.n_pes()
shmem.barrier_all()
if me == npes - 1:
    time.sleep(0.3)
    os.kill(os.getpid(), signal.SIGKILL)
print(f'PE {me} waits in a barrier', flush=True)
shmem.barrier_all()
print(f'PE {me}: left a barrier that PE {npes - 1} never entered', flush=True)
