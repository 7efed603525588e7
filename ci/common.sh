# Shared settings of the ci/ scripts (sourced, not run).
VENV="${OSHMPI_VENV:-$PWD/.venv}"
BUILD_DIR="${OSHMPI_BUILD_DIR:-$PWD/build}"
# MPICH's own tool names: immune to Open MPI taking over the mpi* alternatives.
MPICC=/usr/bin/mpicc.mpich
MPICXX=/usr/bin/mpicxx.mpich
MPIEXEC=/usr/bin/mpiexec.mpich

log() { printf '[oshmpi-cpp] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
