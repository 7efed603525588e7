# Shared settings of the ci/ scripts (sourced, not run).
# OSHMPI_MPI=mpich|openmpi picks the MPI (default mpich). Each MPI gets its own tools, virtual
# environment and build directory, so the two never meet in one process (docs/cluster.md).
OSHMPI_MPI="${OSHMPI_MPI:-mpich}"
case "$OSHMPI_MPI" in
  mpich)
    VENV="${OSHMPI_VENV:-$PWD/.venv}"
    BUILD_DIR="${OSHMPI_BUILD_DIR:-$PWD/build}"
    MPI_PACKAGES=(mpich libmpich-dev)
    ;;
  openmpi)
    VENV="${OSHMPI_VENV:-$PWD/.venv-openmpi}"
    BUILD_DIR="${OSHMPI_BUILD_DIR:-$PWD/build-openmpi}"
    MPI_PACKAGES=(openmpi-bin libopenmpi-dev)
    # Open MPI refuses to run as root, and to start more PEs than cores, unless told so: tests
    # here run as root in CI and start 4 PEs on 2 cores.
    if [[ $(id -u) -eq 0 ]]; then export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1; fi
    export OMPI_MCA_rmaps_base_oversubscribe=1
    ;;
  *)
    printf '[oshmpi-cpp] error: OSHMPI_MPI=%s: use mpich or openmpi\n' "$OSHMPI_MPI" >&2
    exit 1
    ;;
esac
export OSHMPI_MPI
# The MPI's own tool names (Debian's mpicc.mpich, mpicc.openmpi, ...): immune to the other MPI
# taking over the plain mpicc/mpiexec alternatives.
MPICC=/usr/bin/mpicc.$OSHMPI_MPI
MPICXX=/usr/bin/mpicxx.$OSHMPI_MPI
MPIEXEC=/usr/bin/mpiexec.$OSHMPI_MPI

log() { printf '[oshmpi-cpp %s] %s\n' "$OSHMPI_MPI" "$*" >&2; }
die() { log "error: $*"; exit 1; }
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
