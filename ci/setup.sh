#!/usr/bin/env bash
# Installs everything oshmpi-cpp needs on a fresh Debian 12 machine, idempotently:
# system packages (MPICH, GoogleTest, Google Benchmark, compilers) and a Python virtual environment
# in .venv with mpi4py built against the same MPICH. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh

packages=(mpich libmpich-dev libgtest-dev libbenchmark-dev build-essential python3-venv python3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing system packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq "${missing[@]}"
fi
# Open MPI, if present, may own the mpi* alternatives; we always name MPICH's tools explicitly.
test -x "$MPIEXEC" || die "$MPIEXEC not found after installing mpich"

if [[ ! -x "$VENV/bin/python" ]]; then
  log "creating the virtual environment in $VENV"
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -r ci/requirements.txt

# mpi4py must use the system MPICH (the PyPI wheel looks for another MPI's library): build it from
# source with MPICH's compiler wrapper. pip caches the built wheel, so this is slow only once.
if ! "$VENV/bin/python" -c 'from mpi4py import MPI; import sys; sys.exit("MPICH" not in MPI.Get_library_version())' 2>/dev/null; then
  log "building mpi4py against MPICH"
  MPICC="$MPICC" "$VENV/bin/python" -m pip install -q --force-reinstall --no-binary=mpi4py "mpi4py>=4"
fi
# The project itself, installed into the venv on every setup so the installed package always matches
# the checkout: scikit-build-core drives the same CMake build (runtime, C API, tools, shmem4py).
# No build isolation: the venv already holds the pinned build tools (ci/requirements.txt), and the
# kept build tree (build-pip/) makes a rerun incremental.
log "installing oshmpi-cpp (libshmem, oshcc, shmem4py) into $VENV"
MPICC="$MPICC" MPICXX="$MPICXX" MPIEXEC="$MPIEXEC" \
  "$VENV/bin/python" -m pip install -q --no-build-isolation . || die "pip install . failed"
log "setup complete: $("$VENV/bin/python" -c 'from mpi4py import MPI; print(MPI.Get_library_version().splitlines()[0])')"
