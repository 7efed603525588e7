"""Pass a token around a ring of PEs with one-sided puts, then sum a value with a reduction.

Run it on several PEs:  mpiexec -n 4 python python/examples/ring.py
"""
import numpy as np
from shmem4py import shmem

me, npes = shmem.my_pe(), shmem.n_pes()
right = (me + 1) % npes

# Symmetric arrays: the same array exists on every PE and is remotely accessible.
token = shmem.zeros(1, dtype='i8')
arrived = shmem.zeros(1, dtype='i8')

# Each PE writes its number into its right neighbour's token, then raises the neighbour's flag.
shmem.put(token, np.array([me * 10], dtype='i8'), right)
shmem.fence()
shmem.atomic_set(arrived, 1, right)
shmem.wait_until(arrived, shmem.CMP.EQ, 1)
left = (me - 1) % npes
assert token[0] == left * 10, (me, token[0])

# Every PE adds its PE number into PE 0's counter.
counter = shmem.zeros(1, dtype='i8')
shmem.atomic_add(counter, me + 1, 0)
shmem.barrier_all()
if me == 0:
    expected = npes * (npes + 1) // 2
    print(f"{npes} PEs: ring passed, counter on PE 0 = {counter[0]} (expected {expected})", flush=True)
    assert counter[0] == expected
print(f"PE {me}: received {token[0]} from PE {left}", flush=True)

shmem.free(token)
shmem.free(arrived)
shmem.free(counter)
