#!/usr/bin/env bash
# The OpenSHMEM conformance suite (tests-sos, the suite Sandia OpenSHMEM and OSHMPI run) against
# our INSTALLED library: every C and C++ program of test/unit, test/spec-example and test/apps, and
# the test/shmemx programs whose extensions we provide, built by the installed oshcc/oshc++ with
# the flags the suite's Makefile.am files give them, then run at 1, 2, 3 and 4 PEs, at 4 PEs with
# OSHMPI_TRANSPORT=mpi, and at 4 PEs laid out as two nodes of two PEs (on Open MPI: only at 4
# PEs; see default_layouts). One line per program
# and layout, then one per layout, then one "N passed, N failed" line.
#
#   ci/conformance.sh [regex]     only the programs whose dir/name matches the regex
#
# Environment (all optional):
#   OSHMPI_TESTS_SOS              the suite's tarball (default ../shared/third_party/tests-sos-1.5.3.tar.gz
#                                 beside the checkout); exit status 77 when it is absent
#   OSHMPI_PREFIX                 the installation to test (default the venv of ci/setup.sh)
#   OSHMPI_MPI                    mpich (default) or openmpi: which MPI the installation is built on
#   OSHMPI_CONFORMANCE_DIR        where to unpack, build and keep logs (default build/conformance)
#   OSHMPI_CONFORMANCE_LAYOUTS    the layouts to run (default: np1 np2 np3 np4 np4-mpi np4-2nodes;
#                                 Open MPI: np4)
#   OSHMPI_CONFORMANCE_JOBS       programs run at a time (default 2: this machine has 2 cores)
#   OSHMPI_CONFORMANCE_TIMEOUT    seconds before a run counts as hung (default 600: unit/bigget
#                                 gets 16 GB per PE; on 2 cores at 4 PEs it took 19 s over shared
#                                 memory and 60 s on two nodes, and 189 s with the MPI transport
#                                 forced until that layout's windows became created ones: 5 s now,
#                                 see expose() in oshmpi_cpp/src/memory/segment.cpp)
#   OSHMPI_CONFORMANCE_DEPRECATED=1  build as `configure --enable-deprecated-tests` does
set -uo pipefail
cd "$(dirname "$0")/.."
source ci/common.sh

suite_default=../shared/third_party/tests-sos-1.5.3.tar.gz
if [[ -z ${OSHMPI_TESTS_SOS:-} && ! -f $suite_default ]]; then
  # A git worktree elsewhere: beside the repository's main checkout, then.
  main_checkout=$(dirname "$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo .)")
  [[ -f $main_checkout/$suite_default ]] && suite_default=$main_checkout/$suite_default
fi
suite=${OSHMPI_TESTS_SOS:-$suite_default}
if [[ ! -f $suite ]]; then
  log "the conformance suite is not here: $suite"
  log "set OSHMPI_TESTS_SOS to the tests-sos tarball (git archive of openshmem-org/tests-sos v1.5.3)"
  exit 77
fi
suite=$(cd "$(dirname "$suite")" && pwd)/$(basename "$suite")
prefix=${OSHMPI_PREFIX:-$VENV}
for tool in oshcc oshc++ oshrun; do
  [[ -x $prefix/bin/$tool ]] || die "$prefix/bin/$tool not found: run ci/setup.sh (or set OSHMPI_PREFIX to an installation)"
done
mpi=${OSHMPI_MPI:-mpich}
work=${OSHMPI_CONFORMANCE_DIR:-$BUILD_DIR/conformance}
jobs=${OSHMPI_CONFORMANCE_JOBS:-2}
run_timeout=${OSHMPI_CONFORMANCE_TIMEOUT:-600}
if [[ $mpi == mpich ]]; then
  default_layouts="np1 np2 np3 np4 np4-mpi np4-2nodes"
else
  # Open MPI is the second MPI: the suite at 4 PEs shows that its windows and progress work for
  # every program; the PE counts, the forced MPI transport and the two-node layout (a Hydra host
  # file) are MPICH's runs.
  default_layouts="np4"
fi
layouts=${OSHMPI_CONFORMANCE_LAYOUTS:-$default_layouts}
only=${1:-.}

# The one known exception, a defect of the suite: shmem_team_b2b_collectives gathers NELEMS × npes
# longs into a NELEMS-long dest that overlaps src. We refuse the call and return nonzero (see
# docs/c-api.md); the suite expects 0. At 1 PE nothing overlaps and the program must pass.
known_exception="unit/shmem_team_b2b_collectives"

started=$SECONDS
rm -rf "$work"
mkdir -p "$work/bin" "$work/logs"
tar -xzf "$suite" -C "$work" || die "cannot unpack $suite"
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'tests-sos*' | head -1)
[[ -d $src/test/unit ]] || die "$suite holds no test/unit directory"

# --- What to build: the suite's own Makefile.am files, read as automake would for a configure
# with C++, C11, POSIX threads, OpenMP, the profiling interface and the shmemx tests enabled, and
# the tests' process manager being MPI's.
conditions="EXTERNAL_TESTS HAVE_CXX HAVE_C11 HAVE_PTHREADS HAVE_OPENMP ENABLE_PROFILING SHMEMX_TESTS USE_PMI_MPI ENABLE_LENGTHY_TESTS"
[[ ${OSHMPI_CONFORMANCE_DEPRECATED:-0} == 1 ]] && conditions+=" ENABLE_DEPRECATED_TESTS"
manifest=$work/programs.tsv
for dir in unit spec-example apps shmemx; do
  awk -v on="$conditions" -v top="$src" -f ci/conformance_programs.awk "$src/test/$dir/Makefile.am" |
    sed "s|^|$dir\t|"
done | awk -F'\t' -v only="$only" '($1 "/" $2) ~ only' >"$manifest"
[[ -s $manifest ]] || die "no program of the suite matches '$only'"

# Runs "$1 <line>" for every line of stdin, at most $jobs at a time.
pool() {
  local fn=$1 running=0 line
  while IFS= read -r line; do
    "$fn" "$line" &
    if ((++running >= jobs)); then
      wait -n
      ((running--))
    fi
  done
  wait
}

# configure's CFLAGS (-g -O2, -std=gnu11 once C11 works) and LIBS (-lm, for ceil).
build_one() {
  local dir name lang sources cflags ldflags
  IFS=$'\t' read -r dir name lang sources cflags ldflags <<<"$1"
  local compiler=$prefix/bin/oshcc std=-std=gnu11
  [[ $lang == c++ ]] && { compiler=$prefix/bin/oshc++; std=; }
  local files=() f
  for f in $sources; do files+=("$src/test/$dir/$f"); done
  mkdir -p "$work/bin/$dir"
  local log=$work/logs/$dir.$name.build.log
  # shellcheck disable=SC2086 # the flags are word lists
  if "$compiler" $std -g -O2 $cflags -o "$work/bin/$dir/$name" "${files[@]}" $ldflags -lm >"$log" 2>&1; then
    echo built >"$work/logs/$dir.$name.build.status"
  elif [[ $dir == shmemx ]] && missing=$(extension_missing "$log"); then
    # A vendor extension of another implementation (Sandia's counters, Portals CT, ...): not a
    # routine we claim to provide, so not a failure; reported by name so nothing hides here.
    echo "skip $missing" >"$work/logs/$dir.$name.build.status"
    printf 'SKIP  %-48s not built: uses %s, which we do not provide\n' "$dir/$name" "$missing"
  else
    echo failed >"$work/logs/$dir.$name.build.status"
    printf 'FAIL  %-48s build (log: %s)\n' "$dir/$name" "$log"
  fi
}

# The shmemx_*/SHMEMX_* names a failed build could not find, or nothing (status 1) when the build
# failed for another reason: a name our headers do declare means our extension is broken.
extension_missing() {
  local names name
  names=$(grep -E 'error:|undefined reference|implicit declaration' "$1" | grep -v 'ld returned' |
    grep -oE '\b(shmemx|SHMEMX)_[A-Za-z0-9_]+' | sort -u)
  [[ -n $names ]] || return 1
  local exported
  exported=$(nm -D --defined-only "$prefix"/lib*/libshmem.so 2>/dev/null | awk '{print $3}')
  for name in $names; do
    grep -qxF "$name" <<<"$exported" && return 1
    grep -qw "$name" "$prefix"/include/shmem.h "$prefix"/include/shmemx.h && return 1
  done
  echo $names
}

log "building $(wc -l <"$manifest") programs of $(basename "$suite") with $prefix/bin/oshcc and oshc++"
pool build_one <"$manifest"

# --- Running: one job per (layout, built program).
printf 'localhost:2\n127.0.0.1:2\n' >"$work/hosts2"

run_one() {
  local layout dir name
  read -r layout dir name <<<"$1"
  local np=${layout%%-*}
  np=${np#np}
  local env=()
  case $layout in
    *-mpi) env+=(OSHMPI_TRANSPORT=mpi) ;;
    *-2nodes) env+=(HYDRA_HOST_FILE="$work/hosts2") ;;
  esac
  # A tag in the environment of every process of this run, so a hung run's processes can be found
  # and ended one by one (the launcher puts each rank in a session of its own).
  local tag="conformance-$$-$layout-$dir-$name"
  local log=$work/logs/$dir.$name.$layout.log status start=$SECONDS
  (cd "$work/bin/$dir" && env "${env[@]}" OSHMPI_CONFORMANCE_RUN="$tag" \
    timeout -k 10 "$run_timeout" "$prefix/bin/oshrun" -n "$np" "./$name") >"$log" 2>&1 </dev/null
  status=$?
  if ((status == 124 || status == 137)); then
    end_tagged "$tag"
    echo "timed out after ${run_timeout} s" >>"$log"
  fi
  local seconds=$((SECONDS - start)) verdict
  if [[ "$dir/$name" == "$known_exception" ]] && ((np > 1)); then
    verdict=$(judge_known_exception "$status" "$log")
  elif ((status == 0)); then
    verdict=PASS
  else
    verdict=FAIL
  fi
  echo "$verdict" >"$work/logs/$dir.$name.$layout.status"
  case $verdict in
    PASS) printf 'PASS  %-48s %-10s %3d s\n' "$dir/$name" "$layout" "$seconds" ;;
    KNOWN) printf 'KNOWN %-48s %-10s %3d s  the suite defect: dest too small for collect/alltoall (docs/c-api.md)\n' \
      "$dir/$name" "$layout" "$seconds" ;;
    *) printf 'FAIL  %-48s %-10s %3d s  exit %d (log: %s)\n' "$dir/$name" "$layout" "$seconds" "$status" "$log" ;;
  esac
}

# KNOWN when the program failed exactly as the defect makes it fail: broadcast and reduce pass and
# the gathering routines (collect, fcollect, alltoall, alltoalls) report errors; FAIL otherwise
# (including an unexpected pass, which means our behaviour changed and the docs need a look).
judge_known_exception() {
  local status=$1 log=$2
  if ((status != 0 && status != 124 && status != 137)) &&
    grep -q 'collect error on PE' "$log" && ! grep -qE '(broadcast|reduce) error on PE' "$log"; then
    echo KNOWN
  else
    echo FAIL
  fi
}

end_tagged() {
  local tag=$1 pid
  for pid in $(grep -lzx "OSHMPI_CONFORMANCE_RUN=$tag" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3); do
    kill -KILL "$pid" 2>/dev/null
  done
}

# Longest runs first, so that the last to start are short and both job slots end together. The
# slowest programs (measured 2026-12-02 at 4 PEs on 2 cores, np4-mpi/np4-2nodes: bigget 16/17 s,
# mandelbrot 17/8 s, gups 7/11 s, bigput 5 s, mt_lock_test 5/4 s; the rest 3 s or less) go first,
# then every program by layout, the 4-PE layouts before the smaller ones.
slow_first="unit/bigget apps/mandelbrot apps/gups unit/bigput unit/mt_lock_test"
run_rank() { # <layout> <dir/name>: a sort key, lower first
  local i=0 p
  for p in $slow_first; do
    [[ $p == "$2" ]] && { echo $i; return; }
    ((++i))
  done
  case $1 in np4*) echo 10 ;; np3) echo 11 ;; *) echo 12 ;; esac
}
runs=$work/runs.txt
: >"$runs"
for layout in $layouts; do
  while IFS=$'\t' read -r dir name _; do
    [[ $(cat "$work/logs/$dir.$name.build.status") == built ]] || continue
    echo "$(run_rank "$layout" "$dir/$name") $layout $dir $name"
  done <"$manifest"
done | sort -s -n -k1,1 | cut -d' ' -f2- >"$runs"
log "running $(wc -l <"$runs") program runs ($layouts), $jobs at a time, each limited to ${run_timeout} s"
pool run_one <"$runs"

# --- Summary: per layout, then the totals. A program that did not build is one failure.
passed=0 failed=0 known=0 skipped=0
built=$(grep -lx built "$work"/logs/*.build.status 2>/dev/null | wc -l)
build_failed=$(grep -lx failed "$work"/logs/*.build.status 2>/dev/null | wc -l)
skipped=$(grep -l '^skip' "$work"/logs/*.build.status 2>/dev/null | wc -l)
failed=$build_failed
echo "--- tests-sos: $built programs built, $build_failed failed to build, $skipped shmemx programs skipped (extensions we do not provide)"
for layout in $layouts; do
  p=$(grep -lx PASS "$work"/logs/*."$layout".status 2>/dev/null | wc -l)
  f=$(grep -lx FAIL "$work"/logs/*."$layout".status 2>/dev/null | wc -l)
  k=$(grep -lx KNOWN "$work"/logs/*."$layout".status 2>/dev/null | wc -l)
  printf '%-10s %3d passed, %d failed, %d known exception\n' "$layout" "$p" "$f" "$k"
  passed=$((passed + p)) failed=$((failed + f)) known=$((known + k))
done
echo "--- $((SECONDS - started)) s; $known runs are the known suite defect ($known_exception, not counted as passed)"
echo "$passed passed, $failed failed"
((failed == 0))
