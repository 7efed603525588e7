"""The Python rows of the collectives benchmark (benchmarks/collectives.py): barrier_all, sync_all
and the 8-byte collectives called from shmem4py, timed as benchmarks/c/collectives.c times them
(batches of back-to-back calls, the slowest PE's time per call, median of 5 batches of ~20 ms).

    mpiexec.mpich -n 4 .venv/bin/python benchmarks/python/bench_collectives.py [label]

One JSON object per line, as the C programs print.
"""
import json
import sys
import time

from shmem4py import shmem

BATCHES = 5
TARGET_SECONDS = 0.02
MAX_COUNT = 200000


def slowest(value):
    """The largest of every PE's `value` (outside the timed region)."""
    source = shmem.zeros(1, dtype='d')
    target = shmem.zeros(1, dtype='d')
    source[0] = value
    shmem.barrier_all()
    shmem.max_reduce(target, source)
    result = float(target[0])
    shmem.barrier_all()
    shmem.free(source)
    shmem.free(target)
    return result


def seconds_per_call(batch):
    batch(2)
    count = 1
    while True:
        shmem.barrier_all()
        start = time.perf_counter()
        batch(count)
        elapsed = slowest(time.perf_counter() - start)
        if elapsed >= TARGET_SECONDS / 4 or count >= MAX_COUNT:
            break
        count *= 4
    count = max(1, min(MAX_COUNT, int(count * TARGET_SECONDS / elapsed))) if elapsed > 0 else MAX_COUNT
    per_call = []
    for _ in range(BATCHES):
        shmem.barrier_all()
        start = time.perf_counter()
        batch(count)
        per_call.append(slowest((time.perf_counter() - start) / count))
    return sorted(per_call)[BATCHES // 2]


def main():
    label = sys.argv[1] if len(sys.argv) > 1 else 'shmem4py'
    me, npes = shmem.my_pe(), shmem.n_pes()
    source = shmem.zeros(npes, dtype='l')
    dest = shmem.zeros(npes, dtype='l')
    one_source, one_dest = source[:1], dest[:1]
    barrier_all, sync_all = shmem.barrier_all, shmem.sync_all
    broadcast, fcollect, alltoall, sum_reduce = shmem.broadcast, shmem.fcollect, shmem.alltoall, shmem.sum_reduce

    def loop(call, *args):
        def batch(n):
            for _ in range(n):
                call(*args)
        return batch

    rows = [
        ('barrier_all', 0, loop(barrier_all)),
        ('sync_all', 0, loop(sync_all)),
        ('broadcast', 8, loop(broadcast, one_dest, one_source, 0)),
        ('fcollect', 8, loop(fcollect, dest, one_source)),
        ('alltoall', 8, loop(alltoall, dest, source)),
        ('sum_reduce', 8, loop(sum_reduce, one_dest, one_source)),
    ]
    for op, nbytes, batch in rows:
        us = seconds_per_call(batch) * 1e6
        if me == 0:
            print(json.dumps({'impl': label, 'pes': npes, 'op': op, 'bytes': nbytes, 'us': round(us, 4)}), flush=True)
    shmem.free(dest)
    shmem.free(source)


if __name__ == '__main__':
    main()
