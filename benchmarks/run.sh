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
#   OSHMPI_BENCH_ONLY=cross-node benchmarks/run.sh    # just the two-node and progress tables
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

# Two "nodes" on this machine (hydra host file): traffic between them takes MPI's network path.
# Ours beside raw MPI-3 RMA in one run, with ours/MPI; then the worst wait on a PE that computes
# without OpenSHMEM calls (the progress agent), and what the agent costs PEs that compute.
cross_node() {
  local hosts11 hosts22 out
  hosts11=$(mktemp) hosts22=$(mktemp) out=$(mktemp)
  printf 'localhost:1\n127.0.0.1:1\n' >"$hosts11"
  printf 'localhost:2\n127.0.0.1:2\n' >"$hosts22"
  ratio_table() {
    awk -F'\t' '
      function cell(v) { return (v == "nan" || v == "") ? "-" : v }
      BEGIN { printf "| %-38s | %-4s | %10s | %10s | %8s |\n|---|---|--:|--:|--:|\n", "figure", "unit", "ours", "raw MPI", "ours/MPI" }
      $5 != "nan" && $6 != "nan" && $6 > 0 && $4 == "us" {
        printf "| %-38s | %-4s | %10s | %10s | %8.2f |\n", $3, $4, cell($5), cell($6), $5 / $6 }' "$1"
  }
  echo
  echo "# Two nodes, one PE each (localhost:1 + 127.0.0.1:1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  HYDRA_HOST_FILE=$hosts11 "$mpiexec" -n 2 "$bench" --tsv --cross-node >"$out"
  ratio_table "$out"
  echo
  echo "# Two nodes of two PEs on $(nproc) cores (localhost:2 + 127.0.0.1:2), one-sided rows PE 0 -> PE 2 (the other node); load $(cut -d' ' -f1-3 /proc/loadavg)"
  HYDRA_HOST_FILE=$hosts22 "$mpiexec" -n 4 "$bench" --tsv --cross-node >"$out"
  ratio_table "$out"
  echo
  echo "# A PE that computes for 3 s without OpenSHMEM calls: worst | median wait (ms) of each operation on it"
  local layout
  for layout in "one node" "one node, TRANSPORT=mpi" "two nodes 1+1"; do
    local env=() np=2
    case $layout in
      *TRANSPORT=mpi*) env=(OSHMPI_TRANSPORT=mpi) ;;
      two*) env=(HYDRA_HOST_FILE=$hosts11) ;;
    esac
    echo "## $layout"
    env "${env[@]}" "$mpiexec" -n $np "$bench" --tsv --computing-target | awk -F'\t' '{ printf "| %-58s | %8.3f | %8.3f | %6d |\n", $3, $5, $6, $7 }'
  done
  echo
  echo "# The agent's cost to PEs that compute: a fixed computation on every PE, slowest PE (ms), $(nproc) cores"
  local np progress
  for np in 4 8; do
    for progress in off on; do
      printf '| %d PEs, TRANSPORT=mpi, OSHMPI_PROGRESS=%-3s | ' $np $progress
      OSHMPI_TRANSPORT=mpi OSHMPI_PROGRESS=$progress "$mpiexec" -n $np "$bench" --tsv --compute-cost | awk -F'\t' '{ printf "%8.0f |\n", $5 }'
    done
  done
  rm -f "$hosts11" "$hosts22" "$out"
}
if [[ ${OSHMPI_BENCH_ONLY:-} == cross-node ]]; then
  cross_node
  exit 0
fi

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
