#!/usr/bin/env bash
# Installs everything (ci/setup.sh), builds the project with every test suite, runs them all under
# CTest (C++, C and Python suites at 1, 2, 3 and 4 PEs, over shared memory and forced MPI), and
# ends with one "N passed, N failed" line over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh

ci/setup.sh || die "setup failed"

cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMPI_C_COMPILER="$MPICC" -DMPI_CXX_COMPILER="$MPICXX" -DMPIEXEC_EXECUTABLE="$MPIEXEC" \
  -DPython_EXECUTABLE="$VENV/bin/python" \
  -DOSHMPI_BUILD_TESTS=ON -DOSHMPI_BUILD_BENCHMARKS=ON || die "configure failed"
cmake --build "$BUILD_DIR" || die "build failed"

log "running every suite"
ctest --test-dir "$BUILD_DIR" -j "${OSHMPI_TEST_JOBS:-2}" --output-on-failure "$@" 2>&1 | tee "$BUILD_DIR/ctest.log"
status=${PIPESTATUS[0]}

# CTest ends with "NN% tests passed, F tests failed out of T" (or "... passed out of T" when none
# failed); turn it into the plain closing line.
summary=$(grep -E '^[0-9]+% tests passed' "$BUILD_DIR/ctest.log" | tail -1)
total=$(sed -nE 's/.* out of ([0-9]+).*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.* ([0-9]+) tests? failed out of.*/\1/p' <<<"$summary")
if [[ -z "$total" ]]; then
  echo "0 passed, 1 failed"
  exit 1
fi
failed=${failed:-0}
echo "$((total - failed)) passed, ${failed} failed"
exit "$status"
