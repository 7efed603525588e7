#!/usr/bin/env bash
# Builds the benchmarks and prints: one table of our C++ face over shared memory and with the MPI
# transport forced (OSHMPI_TRANSPORT=mpi), beside raw MPI RMA and plain local memory, at 2 PEs;
# barrier_all / sync_all at 1, 2 and 4 PEs; then the OSU-style C benchmark, compiled with our
# installed oshcc, at 2 PEs on both transports; then every collective at 2 and 4 PEs beside raw
# MPI and any other OpenSHMEM installed (benchmarks/collectives.py), with the global-variable rows,
# written to docs/benchmarks/collectives.json and drawn into docs/benchmarks/*.png.
#
#   benchmarks/run.sh            # builds into $OSHMPI_BENCH_BUILD (default: build-bench)
#   OSHMPI_BENCH_BUILD=build-perf benchmarks/run.sh
#   OSHMPI_BENCH_SKIP_BUILD=1 benchmarks/run.sh
#   OSHMPI_BENCH_ONLY=collectives benchmarks/run.sh   # just the collectives tables and plots
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${OSHMPI_BENCH_BUILD:-$root/build-bench}
[[ $build = /* ]] || build=$root/$build
mpiexec=${MPIEXEC:-/usr/bin/mpiexec.mpich}

if [[ -z ${OSHMPI_BENCH_SKIP_BUILD:-} ]]; then
  if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DMPI_C_COMPILER=/usr/bin/mpicc.mpich -DMPI_CXX_COMPILER=/usr/bin/mpicxx.mpich \
      -DMPIEXEC_EXECUTABLE="$mpiexec" -DOSHMPI_BUILD_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" --target bench_hot_paths >/dev/null
  # The C benchmark is built as users build theirs: with the installed oshcc.
  cmake --install "$build" --prefix "$build/bench-install" >/dev/null
  "$build/bench-install/bin/oshcc" -O2 -std=c99 "$root/benchmarks/c/osu_style.c" -o "$build/osu_style"
fi
bench=$build/benchmarks/bench_hot_paths
python=$root/.venv/bin/python
[[ -x $python ]] || python=python3

collectives() {
  echo
  echo "# Collectives (benchmarks/collectives.py): oshmpi-cpp vs raw MPI vs other OpenSHMEMs found here"
  local plot=()
  if ! "$python" -c 'import matplotlib' 2>/dev/null; then
    "$python" -m pip install -q -r "$root/benchmarks/requirements.txt" 2>/dev/null || plot=(--no-plot)
  fi
  "$python" "$root/benchmarks/collectives.py" --oshcc "$build/bench-install/bin/oshcc" "${plot[@]}"
}
if [[ ${OSHMPI_BENCH_ONLY:-} == collectives ]]; then
  collectives
  exit 0
fi
# A 64 MiB heap is plenty and keeps start-up fast.
export SHMEM_SYMMETRIC_SIZE=${SHMEM_SYMMETRIC_SIZE:-64M}

tsv=$(mktemp)
trap 'rm -f "$tsv"' EXIT
OSHMPI_TRANSPORT=auto "$mpiexec" -n 2 "$bench" --tsv >>"$tsv"
OSHMPI_TRANSPORT=mpi "$mpiexec" -n 2 "$bench" --tsv >>"$tsv"
for np in 1 2 4; do
  for transport in auto mpi; do
    OSHMPI_TRANSPORT=$transport "$mpiexec" -n $np "$bench" --tsv --barrier-only | sed 's/^/scaling\t/' >>"$tsv"
  done
done

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# us = microseconds per operation (median of 7 batches); GB/s = 1e9 bytes/s; 2 PEs, PE 0 -> PE 1"
awk -F'\t' '
  function cell(v) { return (v == "nan" || v == "") ? "-" : v }
  $1 == "scaling" { next }
  $1 == "auto" { order[++n] = $3; unit[$3] = $4; shm[$3] = $5; mpi[$3] = $6; local[$3] = $7 }
  $1 == "mpi"  { forced[$3] = $5 }
  END {
    printf "| %-36s | %-4s | %12s | %20s | %10s | %10s |\n", "figure", "unit", "ours (shm)", "ours (TRANSPORT=mpi)", "MPI RMA", "local"
    printf "|%s|%s|%s|%s|%s|%s|\n", "--------------------------------------", "------", "-------------:", "---------------------:", "-----------:", "-----------:"
    for (i = 1; i <= n; ++i) { f = order[i]
      printf "| %-36s | %-4s | %12s | %20s | %10s | %10s |\n", f, unit[f], cell(shm[f]), cell(forced[f]), cell(mpi[f]), cell(local[f]) }
  }' "$tsv"
echo
echo "# barriers by PE count (us per call; the machine has $(nproc) cores, so 4 PEs oversubscribe it)"
awk -F'\t' '
  # scaling <transport> <PEs> <figure> <unit> <ours> <MPI> <local>
  $1 != "scaling" { next }
  { fig = ($4 ~ /^barrier_all/) ? "barrier_all" : "sync_all"
    ours[$2 "," $3 "," fig] = $6
    if ($2 == "auto") mpi[$3 "," fig] = $7
    pes[$3] = 1 }
  END {
    printf "| %3s | %17s | %17s | %12s | %14s | %14s | %23s |\n", "PEs", "barrier_all (shm)", "barrier_all (mpi)", "MPI_Barrier", "sync_all (shm)", "sync_all (mpi)", "MPI_Ibarrier+Test+yield"
    printf "|----:|------------------:|------------------:|-------------:|---------------:|---------------:|------------------------:|\n"
    for (np = 1; np <= 64; ++np) { if (!(np in pes)) continue
      printf "| %3d | %17s | %17s | %12s | %14s | %14s | %23s |\n", np, ours["auto," np ",barrier_all"], ours["mpi," np ",barrier_all"], mpi[np ",barrier_all"], ours["auto," np ",sync_all"], ours["mpi," np ",sync_all"], mpi[np ",sync_all"] }
  }' "$tsv"

echo
for transport in auto mpi; do
  echo "# OSU-style C benchmark (benchmarks/c/osu_style.c, built with oshcc), OSHMPI_TRANSPORT=$transport"
  OSHMPI_TRANSPORT=$transport "$mpiexec" -n 2 "$build/osu_style"
done
collectives
