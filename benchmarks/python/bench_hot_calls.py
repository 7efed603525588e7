"""Per-call cost of shmem4py's hot routines, beside the same operation timed in a C++ loop of the
same process and beside raw mpi4py RMA (Win.Put/Get/Fetch_and_op + Flush, Barrier).

    mpiexec.mpich -n 2 .venv/bin/python benchmarks/python/bench_hot_calls.py [iterations]

PE 0 targets PE 1 (PE 0 itself on one PE). The "overhead" column is the Python figure minus the
C++ figure: what the binding adds to the runtime call it makes (the target is at most 0.3 us).
Each figure is the best of several repetitions, since 2-core machines are noisy.
"""
import sys
import time

import numpy as np
from mpi4py import MPI

from shmem4py import shmem

ITERATIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
REPEATS = 7


def per_call(loop):
    def run():
        start = time.perf_counter()
        loop(ITERATIONS)
        return (time.perf_counter() - start) / ITERATIONS
    return run


def main():
    me, npes = shmem.my_pe(), shmem.n_pes()
    peer = 1 % npes
    target = shmem.zeros(1, 'l')
    one = np.ones(1, 'l')
    put, get, quiet, fadd, barrier = shmem.put, shmem.get, shmem.quiet, shmem.atomic_fetch_add, shmem.barrier_all
    sink = np.zeros(1, 'l')

    def py_put(n):
        for _ in range(n):
            put(target, one, peer)

    def py_put_quiet(n):
        for _ in range(n):
            put(target, one, peer)
            quiet()

    def py_get(n):
        for _ in range(n):
            get(sink, target, peer)

    def py_fadd(n):
        for _ in range(n):
            fadd(target, 1, peer)

    def py_barrier(n):
        for _ in range(n):
            barrier()

    win = MPI.Win.Allocate(8, 8, comm=MPI.COMM_WORLD)
    win.Lock_all(MPI.MODE_NOCHECK)
    mpi_result = np.zeros(1, 'l')

    def mpi_put(n):
        for _ in range(n):
            win.Put(one, peer)
            win.Flush(peer)

    def mpi_get(n):
        for _ in range(n):
            win.Get(sink, peer)
            win.Flush(peer)

    def mpi_fadd(n):
        for _ in range(n):
            win.Fetch_and_op(one, mpi_result, peer, op=MPI.SUM)
            win.Flush(peer)

    def mpi_barrier(n):
        comm = MPI.COMM_WORLD
        for _ in range(n):
            comm.Barrier()

    rows = [
        ('put 8 B', py_put, 'put', mpi_put),
        ('put 8 B + quiet', py_put_quiet, 'put_quiet', mpi_put),
        ('get 8 B', py_get, 'get', mpi_get),
        ('atomic_fetch_add', py_fadd, 'atomic_fetch_add', mpi_fadd),
        ('barrier_all', py_barrier, 'barrier_all', mpi_barrier),
    ]
    # Python, C++ and mpi4py take turns within each repetition, so all three see the same load.
    results = []
    for name, py_loop, cpp_op, mpi_loop in rows:
        timings = {'py': [], 'cpp': [], 'mpi': []}
        for _ in range(REPEATS):
            shmem.barrier_all()
            timings['py'].append(per_call(py_loop)())
            shmem.barrier_all()
            timings['cpp'].append(shmem._core.bench_cpp(cpp_op, target, peer, ITERATIONS))
            shmem.barrier_all()
            timings['mpi'].append(per_call(mpi_loop)())
        py_us, cpp_us, mpi_us = (min(timings[k]) * 1e6 for k in ('py', 'cpp', 'mpi'))
        results.append((name, py_us, cpp_us, mpi_us))
    win.Unlock_all()
    win.Free()
    shmem.free(target)
    if me == 0:
        print(f'shmem4py hot calls on {npes} PEs, {ITERATIONS} iterations, best of {REPEATS} (us per call)')
        print(f'{"operation":<20}{"Python":>10}{"C++":>10}{"overhead":>10}{"mpi4py RMA":>12}')
        for name, py_us, cpp_us, mpi_us in results:
            print(f'{name:<20}{py_us:>10.3f}{cpp_us:>10.3f}{py_us - cpp_us:>10.3f}{mpi_us:>12.3f}')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
