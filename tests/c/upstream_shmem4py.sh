#!/bin/sh
# upstream_shmem4py.sh <stage prefix> <python>: builds the upstream shmem4py 1.0.0 (PyPI sdist, CFFI)
# with our installed oshcc, then imports it and runs a put/get, an AMO and a reduction under
# `oshrun -n 2` and `oshrun -n 4`: an outside consumer compiling and linking against the whole C API.
set -e
stage=$1
python=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CC="$stage/bin/oshcc" OSHCC="$stage/bin/oshcc"
"$python" -m pip install --quiet --disable-pip-version-check --no-cache-dir --no-deps --no-binary shmem4py \
    --target "$work/site" "shmem4py==1.0.0" cffi pycparser
cat >"$work/ring.py" <<'PY'
import numpy as np
from shmem4py import shmem
me, npes = shmem.my_pe(), shmem.n_pes()
right, left = (me + 1) % npes, (me - 1) % npes
assert "oshmpi-cpp" in shmem.info_get_name()
assert shmem.info_get_version() == (1, 6)
dst = shmem.zeros(4, dtype="i8")
src = np.arange(4, dtype="i8") + 10 * me
shmem.put(dst, src, right)
shmem.barrier_all()
assert (dst == np.arange(4) + 10 * left).all(), dst
got = np.empty(4, dtype="i8")
shmem.get(got, dst, right)
assert (got == src).all(), got
counter = shmem.zeros(1, dtype="i8")
shmem.atomic_add(counter, me + 1, 0)
shmem.barrier_all()
if me == 0:
    assert counter[0] == npes * (npes + 1) // 2, counter
total = shmem.zeros(1, dtype="i8")
shmem.sum_reduce(total, dst[:1])
assert total[0] == sum(10 * p for p in range(npes)), total
shmem.free(dst)
shmem.free(counter)
shmem.free(total)
print(f"PE {me}: upstream shmem4py on oshmpi-cpp passed")
PY
for np in 2 4; do
    PYTHONPATH="$work/site" SHMEM_SYMMETRIC_SIZE=64M "$stage/bin/oshrun" -n $np "$python" "$work/ring.py"
done
