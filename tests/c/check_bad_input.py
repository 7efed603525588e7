"""Runs each row of test_bad_input.c as its own 2-PE job under the staged launcher and checks what a
user sees: under SHMEM_DEBUG=1 a non-zero status and exactly one line on stderr naming the routine
and the bad argument; the rows whose result the spec defines (shmem_ptr -> NULL, translate -> -1,
an oversized shmem_malloc -> NULL, quiet/fence on SHMEM_CTX_INVALID) end normally with or without
SHMEM_DEBUG. No hang (a generous timeout only to catch one), no signal death.
A row that errs on one PE gives exactly one line; a collective row errs on every PE, and each gives
its one line (the team collectives return their status instead of aborting, so those rows exit with
it). Every other stderr line must be one the MPI launcher is known to print around an abort.
Environment: OSHRUN, BAD_INPUT_BINARY, BAD_INPUT_NP (default 2)."""
import concurrent.futures
import functools
import os
import re
import subprocess

import pytest

OSHRUN = os.environ['OSHRUN']
BINARY = os.environ['BAD_INPUT_BINARY']
NP = int(os.environ.get('BAD_INPUT_NP', '2'))
HANG = 60

# (row, bad-PE flavour, routine, words the message must name[, 'each' when every PE errs])
ERRORS = [
    ('put_pe', 'big', 'shmem_long_put', r'\bPE\b'),
    ('put_pe', 'neg', 'shmem_long_put', r'\bPE -1\b'),
    ('get_pe', 'big', 'shmem_long_get', r'\bPE\b'),
    ('get_pe', 'neg', 'shmem_long_get', r'\bPE -1\b'),
    ('p_pe', 'big', 'shmem_long_p', r'\bPE\b'),
    ('g_pe', 'neg', 'shmem_long_g', r'\bPE -1\b'),
    ('iput_pe', 'big', 'shmem_long_iput', r'\bPE\b'),
    ('iget_pe', 'neg', 'shmem_long_iget', r'\bPE -1\b'),
    ('put_nbi_pe', 'big', 'shmem_long_put_nbi', r'\bPE\b'),
    ('get_nbi_pe', 'neg', 'shmem_long_get_nbi', r'\bPE -1\b'),
    ('amo_pe', 'big', 'shmem_long_atomic_fetch_add', r'\bPE\b'),
    ('amo_set_pe', 'neg', 'shmem_long_atomic_set', r'\bPE -1\b'),
    ('put_signal_pe', 'big', 'shmem_long_put_signal', r'\bPE\b'),
    ('put_dest_stack', 'big', 'shmem_long_put', r'not symmetric'),
    ('get_src_stack', 'big', 'shmem_long_get', r'not symmetric'),
    ('amo_dest_stack', 'big', 'shmem_long_atomic_fetch_add', r'not symmetric'),
    ('put_source_null', 'big', 'shmem_long_put', r'null'),
    ('wait_stack', 'big', 'shmem_long_wait_until', r'ivars .*not symmetric'),
    ('wait_bad_cmp', 'big', 'shmem_long_wait_until', r'comparison 99'),
    ('test_bad_cmp', 'big', 'shmem_long_test', r'comparison 99'),
    ('ctx_invalid_put', 'big', 'shmem_ctx_long_put', r'SHMEM_CTX_INVALID'),
    ('signal_op_bad', 'big', 'shmem_long_put_signal', r'signal operation 7'),
    ('reduce_dest_stack', 'big', 'shmem_long_sum_reduce', r'dest .*not symmetric'),
    ('reduce_team_invalid', 'big', 'shmem_long_sum_reduce', r'SHMEM_TEAM_INVALID'),
    ('bcast_team_invalid', 'big', 'shmem_long_broadcast', r'SHMEM_TEAM_INVALID'),
    # Strides must be >= 1 (1.6: iput/iget "Both strides ... must be greater than or equal to 1",
    # ibput/ibget per argument); ibget's destination blocks may not overlap.
    ('iput_dst_zero', 'big', 'shmem_long_iput', r'\bdst = 0\b'),
    ('iget_sst_neg', 'big', 'shmem_long_iget', r'\bsst = -2\b'),
    ('ibput_sst_zero', 'big', 'shmem_long_ibput', r'\bsst = 0\b'),
    ('ibget_dest_overlap', 'big', 'shmem_long_ibget', r'overlap .*dst = 1 < bsize = 2'),
    ('put_count_huge', 'big', 'shmem_long_put', r'\bnelems 4611686018427387903\b.*overflow'),
    ('get_nbi_count_huge', 'big', 'shmem_long_get_nbi', r'\bnelems 4611686018427387903\b.*overflow'),
    ('put_signal_count_huge', 'big', 'shmem_long_put_signal', r'\bnelems 4611686018427387903\b.*overflow'),
    ('iput_count_huge', 'big', 'shmem_long_iput', r'\bnelems 9223372036854775807\b.*overflow'),
    ('collect_nelems_huge', 'big', 'shmem_long_collect', r'\bnelems 4611686018427387903\b.*overflow'),
    ('lock_stack', 'big', 'shmem_set_lock', r'\block .*not in symmetric memory'),
    ('test_lock_stack', 'big', 'shmem_test_lock', r'\block .*not in symmetric memory'),
    ('put_before_init', 'big', 'shmem_long_put', r'not initialized'),
    ('barrier_before_init', 'big', 'shmem_barrier_all', r'not initialized'),
    ('destroyed_team_sync', 'big', 'shmem_team_sync', r'team handle .*not a live team', 'each'),
    ('destroyed_team_bcast', 'big', 'shmem_long_broadcast', r'team handle .*not a live team', 'each'),
    ('bcast_overlap', 'big', 'shmem_long_broadcast', r'dest .*overlaps source', 'each'),
    ('fcollect_overlap', 'big', 'shmem_long_fcollect', r'dest .*overlaps source', 'each'),
    ('alltoall_nelems_big', 'big', 'shmem_long_alltoall', r'source .*\(\d+ bytes\) is not in symmetric', 'each'),
]
ERRORS = [e if len(e) == 5 else e + ('one',) for e in ERRORS]
DEFINED = [('ptr_pe', 'big'), ('ptr_pe', 'neg'), ('translate_pe', 'big'), ('translate_pe', 'neg'),
           ('malloc_huge', 'big'), ('quiet_ctx_invalid', 'big')]
# Defined results that SHMEM_DEBUG=1 also explains, on every PE (all make the collective call):
# shmem_align's NULL for an alignment that is not a power of two, and the non-zero status and
# SHMEM_TEAM_INVALID of shmem_team_split_strided for a triplet outside the parent team.
REPORTED = [
    ('align_not_pow2', 'big', 'shmem_align', r'alignment 24 is not a power of two'),
    ('split_stride_bad', 'big', 'shmem_team_split_strided', r'\bstride 0\b.*\bsize\b'),
    ('split_size_bad', 'big', 'shmem_team_split_strided', r'\bsize \d+\b.*outside the parent team'),
]

# What the launchers print around an abort, never our own text. Hydra (MPICH): its one line naming
# MPI_Abort, and its "BAD TERMINATION" notice framed by '=' rules. Open MPI's mpiexec: the notices it
# frames by '-' rules (MPI_ABORT was invoked..., "Primary job terminated normally...", "detected
# that one or more processes exited with non-zero status"), and ORTE's own error log lines, which
# start "[host:pid] [[jobid,vpid],rank]" (e.g. "ORTE_ERROR_LOG: Data unpack had inadequate space in
# file .../show_help.c" when it forwards the abort notice) or report aggregated help messages.
LAUNCHER_LINE = re.compile(
    r'Abort\(\d+\) on node \d+ \(rank \d+ in comm \d+\): application called MPI_Abort\(\S+, \d+\)'
    r' - process \d+'
    r'|\[[\w.-]+:\d+\] \[\[\d+,\d+\],\d+\] ORTE_ERROR_LOG: .*'
    r'|\[[\w.-]+:\d+\] (\d+ more process(es)? ha(s|ve) sent help message .*'
    r'|Set MCA parameter "orte_base_help_aggregate" to 0 .*)')
RULE = re.compile(r'(-{20,}|={20,})')


def our_lines(stderr):
    """The lines this library printed; fails on any line that is neither ours nor the launcher's."""
    ours, framed = [], False
    for line in stderr.splitlines():
        if line.startswith('shmem_'):
            ours.append(line)  # counted wherever it is, so a launcher frame cannot hide a second one
        elif RULE.fullmatch(line):
            framed = not framed
        elif not framed and not LAUNCHER_LINE.fullmatch(line):
            pytest.fail(f'stderr line neither ours nor the launcher\'s: {line!r}\n{stderr}')
    return ours


def launch(row, flavour, debug):
    try:
        return subprocess.run([OSHRUN, '-n', str(NP), BINARY, row, flavour], capture_output=True,
                              text=True, timeout=HANG, env=dict(os.environ, SHMEM_DEBUG=debug))
    except subprocess.TimeoutExpired as hung:
        return hung


@functools.cache
def results():
    """Every job at once, a few at a time (each is mostly launcher start-up), so the whole table
    stays well under a minute; each row still passes or fails on its own."""
    jobs = ([(r, f, '1') for r, f, *_ in ERRORS] + [(r, f, d) for r, f in DEFINED for d in '01'] +
            [(r, f, d) for r, f, *_ in REPORTED for d in '01'])
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(jobs, pool.map(lambda job: launch(*job), jobs)))


def run(row, flavour, SHMEM_DEBUG):
    done = results()[(row, flavour, SHMEM_DEBUG)]
    if isinstance(done, subprocess.TimeoutExpired):
        pytest.fail(f'{row} {flavour} still running after {HANG} s:\n{done.stdout}\n{done.stderr}')
    return done


def check_messages(ours, count, routine, names, out):
    assert len(ours) == count, out
    for line in ours:
        assert line.startswith(routine + ': '), out
        assert re.search(names, line), out


@pytest.mark.parametrize('row,flavour,routine,names,who', ERRORS, ids=[f'{r}-{f}' for r, f, *_ in ERRORS])
def test_debug_names_routine_and_argument(row, flavour, routine, names, who):
    done = run(row, flavour, SHMEM_DEBUG='1')
    out = done.stdout + done.stderr
    assert done.returncode > 0, f'status {done.returncode}:\n{out}'  # < 0 is a signal death
    check_messages(our_lines(done.stderr), NP if who == 'each' else 1, routine, names, out)


@pytest.mark.parametrize('row,flavour', DEFINED, ids=[f'{r}-{f}' for r, f in DEFINED])
@pytest.mark.parametrize('debug', ['0', '1'])
def test_defined_results_are_not_errors(row, flavour, debug):
    done = run(row, flavour, SHMEM_DEBUG=debug)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'wrong' not in done.stdout, done.stdout
    assert not our_lines(done.stderr), done.stderr


@pytest.mark.parametrize('row,flavour,routine,names', REPORTED, ids=[f'{r}-{f}' for r, f, *_ in REPORTED])
@pytest.mark.parametrize('debug', ['0', '1'])
def test_defined_results_explained_under_debug(row, flavour, routine, names, debug):
    done = run(row, flavour, SHMEM_DEBUG=debug)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert 'wrong' not in done.stdout, done.stdout
    check_messages(our_lines(done.stderr), NP if debug == '1' else 0, routine, names, out)
