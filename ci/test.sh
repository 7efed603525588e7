#!/usr/bin/env bash
# Installs everything (ci/setup.sh), builds the project with every test suite for one MPI
# (OSHMPI_MPI=mpich|openmpi, default mpich), and runs the suites in legs, each ending with its own
# "<leg>: N passed, N failed" line; the last line sums them all. Extra arguments go to every ctest
# leg (e.g. ci/test.sh -L python, ci/test.sh -R rma).
#   one-node   every suite under CTest: C++, C and Python at 1, 2, 3 and 4 PEs, over shared
#              memory and with the MPI transport forced, plus the C API's build and install checks
#              (MPICH, full run with the sanitizer legs: the C++ and C suites run in asan-ubsan
#              instead, the same tests with the same assertions, so they do not run twice; so do
#              the Python tests at 1 and 2 PEs, or all of them with OSHMPI_ASAN_PYTHON=ON)
#   two-nodes  (MPICH) every suite's 3- and 4-PE runs again on two "nodes" of this machine, so
#              that traffic between them takes MPI's network path (docs/cluster.md)
#   asan-ubsan (MPICH) the C++ and C suites at 1-4 PEs and the Python suite at 1-2 PEs, both
#              transports, built with AddressSanitizer + UndefinedBehaviorSanitizer
#              (docs/sanitizers.md); OSHMPI_ASAN_PYTHON=ON runs all of Python there, OFF none
#   tsan       (MPICH) the thread, lock, signal, AMO and context suites under ThreadSanitizer
#              OSHMPI_SANITIZER_LEGS lists the sanitizer legs to run: "asan-ubsan tsan" (or 1) by
#              default on a full run, 0 none; a subset run (arguments) runs none unless it is set.
#              asan-ubsan (build and 347 tests: 8.6-9.6 min of CPU) costs at most ~5 min more on an
#              idle 2-core machine than the plain one-node C++/C tests it replaces (docs/sanitizers.md)
#   conformance  the tests-sos suite through ci/conformance.sh (MPICH: 1-4 PEs, forced MPI
#              transport, two nodes; Open MPI: 4 PEs), when its tarball is here and no subset is given
# A new leg is one `leg <name> <command...>` line; its command prints an "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh

ci/setup.sh || die "setup failed"

cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOSHMPI_MPI="$OSHMPI_MPI" \
  -DMPI_C_COMPILER="$MPICC" -DMPI_CXX_COMPILER="$MPICXX" -DMPIEXEC_EXECUTABLE="$MPIEXEC" \
  -DPython_EXECUTABLE="$VENV/bin/python" \
  -DOSHMPI_BUILD_TESTS=ON -DOSHMPI_BUILD_BENCHMARKS=ON || die "configure failed"
cmake --build "$BUILD_DIR" || die "build failed"

total_passed=0
total_failed=0
# leg <name> <command...>: runs the command, shows its output, and adds the last "N passed, N failed"
# line it printed to the totals (a leg that prints none counts as one failure).
leg() {
  local name=$1
  shift
  log "leg $name: $*"
  local output="$BUILD_DIR/leg-$name.log" start=$SECONDS
  "$@" 2>&1 | tee "$output"
  log "leg $name took $((SECONDS - start)) s"
  local counts
  counts=$(grep -E '^([A-Za-z0-9_-]+: )?[0-9]+ passed, [0-9]+ failed' "$output" | tail -1 |
           sed -E 's/^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2 \3/')
  [[ -n $counts ]] || counts="0 1"
  local passed=${counts% *} failed=${counts#* }
  echo "$name: $passed passed, $failed failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

# ctest_summary <ctest arguments...>: runs CTest and turns its summary ("NN% tests passed, F tests
# failed out of T", or "... passed out of T" when none failed) into the plain closing line.
ctest_summary() {
  local output
  output=$(mktemp)
  ctest --test-dir "$BUILD_DIR" -j "${OSHMPI_TEST_JOBS:-2}" --output-on-failure "$@" 2>&1 | tee "$output"
  local summary total failed none
  summary=$(grep -E '^[0-9]+% tests passed' "$output" | tail -1)
  none=$(grep -c '^No tests were found' "$output")
  rm -f "$output"
  total=$(sed -nE 's/.* out of ([0-9]+).*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/.* ([0-9]+) tests? failed out of.*/\1/p' <<<"$summary")
  if [[ -z $total ]]; then
    # A selection (-R, -L) that this leg has no test of, such as only 2-PE tests for two-nodes, is
    # not a failure; CTest not running at all is.
    if ((none > 0)); then echo "0 passed, 0 failed (no test of this leg selected)"; else echo "0 passed, 1 failed"; fi
    return
  fi
  failed=${failed:-0}
  echo "$((total - failed)) passed, ${failed} failed"
}

# Two "nodes" on one machine: Hydra treats localhost and 127.0.0.1 as two hosts, so PEs 0-1 and 2-3
# share no memory and reach each other through MPI. Open MPI maps both names to this node, so it
# has no such layout here.
two_nodes() {
  local hosts="$BUILD_DIR/hosts-two-nodes"
  printf 'localhost:2\n127.0.0.1:2\n' >"$hosts"
  HYDRA_HOST_FILE="$hosts" ctest_summary -L '^np[34]$' "$@"
}

# sanitized <name> <sanitizers> <targets> <python> <ctest arguments...>: a build in $BUILD_DIR-<name>
# of only the targets the leg runs, with -DOSHMPI_SANITIZE=<sanitizers> (the test helpers set the
# runtime options) and -DOSHMPI_BUILD_PYTHON=<python> (ON only for a leg that runs the Python suite:
# the extension is the costliest part of a sanitized build, and with it OFF the staged oshcc the C
# suite is built by no longer waits for it), then CTest over the tests the arguments select
# (docs/sanitizers.md). -O1 -g1, as the
# sanitizers' own docs advise: line tables are all a report's stack needs, and a test file compiles
# in 58% of the CPU time of -O2 -g with ASan+UBSan (24.6 s against 42.7 s for test_rma.cpp).
sanitized() {
  local name=$1 sanitizers=$2 targets=$3 python=$4
  shift 4
  local dir="$BUILD_DIR-$name" flags="-O1 -g1 -DNDEBUG"
  # shellcheck disable=SC2086  # targets is a word list
  if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOSHMPI_MPI="$OSHMPI_MPI" \
         -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" \
         -DMPI_C_COMPILER="$MPICC" -DMPI_CXX_COMPILER="$MPICXX" -DMPIEXEC_EXECUTABLE="$MPIEXEC" \
         -DPython_EXECUTABLE="$VENV/bin/python" -DOSHMPI_SANITIZE="$sanitizers" \
         -DOSHMPI_BUILD_TESTS=ON -DOSHMPI_BUILD_BENCHMARKS=OFF -DOSHMPI_BUILD_PYTHON="$python" ||
     ! cmake --build "$dir" --target $targets; then
    echo "0 passed, 1 failed"
    return
  fi
  BUILD_DIR="$dir" ctest_summary "$@"
}
# ASan+UBSan: the C++ and C suites at 1-4 PEs on both transports (not the packaging checks nor
# c_mixed_mpi, whose programs are built by a plain compiler, the latter by the other MPI's mpicc),
# and shmem4py's extension built under ASan for the Python suite, as asan_python says: np12 (the
# default) runs the Python tests at 1 and 2 PEs on both transports there, every binding and buffer
# path, and leaves 3-4 PEs and the interop/exit-path checks to the plain build; ON runs all 124
# Python tests under ASan (about 590 s of CPU more than OFF, docs/sanitizers.md); OFF none. The
# tests it takes move out of the plain one-node leg. OSHMPI_ASAN_PYTHON=OFF|np12|ON sets it.
asan_python=${OSHMPI_ASAN_PYTHON:-np12}
asan_tests='^(cpp_|c_)'
asan_python_tests='^$'
case $asan_python in
  ON) asan_python_tests='^python_' ;;
  np12) asan_python_tests='^python_.*_np[12]$' ;;
  OFF) ;;
  *) die "OSHMPI_ASAN_PYTHON must be OFF, np12 or ON (it is $asan_python)" ;;
esac
[[ $asan_python == OFF ]] || asan_tests="^(cpp_|c_)|$asan_python_tests"
asan_skip='^c_(upstream_shmem4py|cmake_package|pkg_config|mixed_mpi)$'
# TSan: our own threads inside one PE (THREAD_MULTIPLE, contexts from several threads, locks,
# signals, AMOs), at 1 and 2 PEs on shared memory and 2 PEs over MPI.
tsan_targets='test_threads test_lock test_signal test_amo test_amo_nbi test_context'
tsan_tests='^cpp_(threads|lock|signal|amo|amo_nbi|context)_(np1|np2|mpi_np2)$'
# The OpenSHMEM conformance suite (tests-sos) built by the installed oshcc/oshc++ and run in every
# layout (ci/conformance.sh). Only on a full run (arguments pick a CTest subset), and only when the
# suite's tarball is here; CI (.ci/run) sets OSHMPI_REQUIRE_CONFORMANCE=1, so there it must be.
conformance() {
  ci/conformance.sh
  local status=$?
  if ((status == 77)); then
    if [[ ${OSHMPI_REQUIRE_CONFORMANCE:-0} == 1 ]]; then
      log "the conformance suite is required (OSHMPI_REQUIRE_CONFORMANCE=1) and missing"
      echo "0 passed, 1 failed"
    else
      log "the conformance suite was NOT run: its tarball is not here (set OSHMPI_TESTS_SOS)"
      echo "0 passed, 0 failed"
    fi
  fi
}

# The sanitizer legs MPICH runs (see the top); a subset run (arguments for CTest) runs none unless
# they are asked for, since their selection and the subset's would meet in one CTest call.
default_sanitizer_legs="asan-ubsan tsan"
(($# == 0)) || default_sanitizer_legs=0
sanitizer_legs=" ${OSHMPI_SANITIZER_LEGS-$default_sanitizer_legs} "
[[ $sanitizer_legs == " 1 " ]] && sanitizer_legs=" asan-ubsan tsan "
[[ $OSHMPI_MPI == mpich ]] || sanitizer_legs=" "
if [[ $sanitizer_legs == *" asan-ubsan "* ]] && (($# == 0)); then
  # A full run: the C++ and C suites' tests run in asan-ubsan (the same tests, assertions and
  # layouts, with memory checks added), so the plain build runs the rest here: Python and the
  # packaging checks. The plain build's C++ and C tests still run at 3-4 PEs in two-nodes, at
  # every PE count on Open MPI, and the conformance suite uses the plain installed library.
  # The Python tests that asan_python puts in asan-ubsan move there too.
  leg one-node ctest_summary -R "^python_|$asan_skip" -E "$asan_python_tests"
else
  leg one-node ctest_summary "$@"
fi
if [[ $OSHMPI_MPI == mpich ]]; then
  leg two-nodes two_nodes "$@"
  if [[ $sanitizer_legs == *" asan-ubsan "* ]]; then
    asan_extension=ON
    [[ $asan_python == OFF ]] && asan_extension=OFF
    leg asan-ubsan sanitized asan address,undefined all "$asan_extension" -R "$asan_tests" -E "$asan_skip" "$@"
  fi
  if [[ $sanitizer_legs == *" tsan "* ]]; then
    leg tsan sanitized tsan thread "$tsan_targets" OFF -R "$tsan_tests" "$@"
  fi
fi
if (($# == 0)); then
  leg conformance conformance
fi

echo "$total_passed passed, $total_failed failed"
((total_failed == 0))
