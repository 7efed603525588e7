"""The last PE leaves with sys.exit(3) while the others still put into and read its array; they
finalize. The exit handler's finalize keeps the array alive for them. Status 3."""
import sys

import numpy as np

from shmem4py import shmem

me, npes = shmem.my_pe(), shmem.n_pes()
a = shmem.zeros(npes, 'l')
leaver = npes - 1
if me == leaver:
    print(f'PE {me} exits with status 3', flush=True)
    sys.exit(3)
got = np.empty(1, 'l')
for step in range(1, 51):
    shmem.put(a[me:me + 1], np.array([step], 'l'), leaver)
    shmem.quiet()
    shmem.get(got, a[me:me + 1], leaver)
    assert got[0] == step, (got[0], step)
print(f'PE {me} OK', flush=True)
shmem.finalize()
