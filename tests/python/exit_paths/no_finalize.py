"""PEs finish at different times and the script ends without shmem.finalize (SHMEM4PY_RC_FINALIZE=no
turns off shmem4py's own exit handler too): even PEs keep reading their odd neighbour's array,
which the implicit finalize at exit must keep alive until they are done. Status 0."""
import numpy as np

from shmem4py import shmem

me, npes = shmem.my_pe(), shmem.n_pes()
a = shmem.array(np.arange(64, dtype='l') + 1000 * me)
shmem.barrier_all()
if me % 2 == 0 and me + 1 < npes:
    out = np.empty(64, 'l')
    for _ in range(20):
        shmem.get(out, a, me + 1)
        assert np.array_equal(out, np.arange(64) + 1000 * (me + 1)), out
print(f'PE {me} OK', flush=True)
