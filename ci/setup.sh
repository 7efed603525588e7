#!/usr/bin/env bash
# Installs everything oshmpi-cpp needs on a fresh Debian 12 machine, idempotently, for one MPI
# (OSHMPI_MPI=mpich|openmpi, default mpich; see ci/common.sh): system packages (that MPI,
# GoogleTest, Google Benchmark, compilers) and that MPI's Python virtual environment (.venv or
# .venv-openmpi) with mpi4py built against the same MPI. Safe to run again: it skips what is there.
# Setups of the two MPIs may run side by side (.ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh

packages=("${MPI_PACKAGES[@]}" libgtest-dev libbenchmark-dev build-essential python3-venv python3-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing system packages: ${missing[*]}"
  # One apt at a time: the other MPI's setup may be installing too.
  sudo_if_needed flock "${TMPDIR:-/tmp}/oshmpi-cpp-apt.lock" sh -c \
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing[*]}" >/dev/null
fi
# Installing Open MPI points the plain mpicc/mpiexec alternatives at it; we always name the chosen
# MPI's own tools (ci/common.sh), and the build records their real paths.
test -x "$MPIEXEC" || die "$MPIEXEC not found after installing ${MPI_PACKAGES[*]}"

if [[ ! -x "$VENV/bin/python" ]]; then
  log "creating the virtual environment in $VENV"
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -r ci/requirements.txt

# mpi4py must use the chosen MPI (the PyPI wheel looks for another MPI's library): build it from
# source with that MPI's compiler wrapper. pip caches a wheel it built by the source's name only, not
# by the MPI it was built against, so each MPI keeps its wheel in a cache of its own: slow only once.
family=$([[ $OSHMPI_MPI == mpich ]] && echo MPICH || echo "Open MPI")
# Which MPI an installed mpi4py uses, without starting MPI.
mpi4py_mpi() { "$VENV/bin/python" -c 'import mpi4py; mpi4py.rc.initialize = False; from mpi4py import MPI; print(MPI.Get_library_version().replace(chr(0), "").splitlines()[0])' 2>/dev/null; }
if [[ $(mpi4py_mpi) != *"$family"* ]]; then
  log "building mpi4py against $family (a few minutes, once per machine)"
  PIP_CACHE_DIR="${PIP_CACHE_DIR:-$HOME/.cache/pip}/oshmpi-mpi4py-$OSHMPI_MPI" MPICC="$MPICC" \
    "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps --no-binary=mpi4py "mpi4py>=4"
fi
# The project itself, installed into the venv on every setup so the installed package always matches
# the checkout: scikit-build-core drives the same CMake build (runtime, C API, tools, shmem4py).
# No build isolation: the venv already holds the pinned build tools (ci/requirements.txt), and the
# kept build tree (build-pip/<mpi>-...) makes a rerun incremental.
log "installing oshmpi-cpp (libshmem, oshcc, shmem4py) into $VENV"
OSHMPI_MPI="$OSHMPI_MPI" MPICC="$MPICC" MPICXX="$MPICXX" MPIEXEC="$MPIEXEC" \
  "$VENV/bin/python" -m pip install -q --no-build-isolation -C "build-dir=build-pip/$OSHMPI_MPI-{wheel_tag}" . \
  || die "pip install . failed"
log "setup complete: mpi4py on $(mpi4py_mpi)"
