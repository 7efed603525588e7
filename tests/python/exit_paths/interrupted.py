"""One PE is interrupted (SIGINT, as Ctrl-C sends) while the others wait in a barrier it will never
reach: the uncaught KeyboardInterrupt must end the whole job (not leave the others waiting, nor
hang in a collective finalize at exit) with a non-zero status. With argv[1] == 'error', an
ordinary uncaught exception instead."""
import os
import signal
import sys
import time

from shmem4py import shmem

me, npes = shmem.my_pe(), shmem.n_pes()
shmem.barrier_all()
if me == npes - 1:
    time.sleep(0.3)
    if sys.argv[1:] == ['error']:
        raise ValueError('an uncaught error on one PE')
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(30)  # the KeyboardInterrupt arrives here
print(f'PE {me} waits in a barrier', flush=True)
shmem.barrier_all()
print(f'PE {me}: left a barrier that PE {npes - 1} never entered', flush=True)
