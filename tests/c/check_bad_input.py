"""Runs each row of test_bad_input.c as its own 2-PE job under the staged launcher and checks what a
user sees: under SHMEM_DEBUG=1 a non-zero status and exactly one line on stderr naming the routine
and the bad argument; the rows whose result the spec defines (shmem_ptr -> NULL, translate -> -1,
an oversized shmem_malloc -> NULL, quiet/fence on SHMEM_CTX_INVALID) end normally with or without
SHMEM_DEBUG. No hang (a generous timeout only to catch one), no signal death.
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

# (row, bad-PE flavour, routine, words the message must name)
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
]
DEFINED = [('ptr_pe', 'big'), ('ptr_pe', 'neg'), ('translate_pe', 'big'), ('translate_pe', 'neg'),
           ('malloc_huge', 'big'), ('quiet_ctx_invalid', 'big')]


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
    jobs = [(r, f, '1') for r, f, _, _ in ERRORS] + [(r, f, d) for r, f in DEFINED for d in '01']
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(jobs, pool.map(lambda job: launch(*job), jobs)))


def run(row, flavour, SHMEM_DEBUG):
    done = results()[(row, flavour, SHMEM_DEBUG)]
    if isinstance(done, subprocess.TimeoutExpired):
        pytest.fail(f'{row} {flavour} still running after {HANG} s:\n{done.stdout}\n{done.stderr}')
    return done


@pytest.mark.parametrize('row,flavour,routine,names', ERRORS, ids=[f'{r}-{f}' for r, f, _, _ in ERRORS])
def test_debug_names_routine_and_argument(row, flavour, routine, names):
    done = run(row, flavour, SHMEM_DEBUG='1')
    out = done.stdout + done.stderr
    assert done.returncode > 0, f'status {done.returncode}:\n{out}'  # < 0 is a signal death
    ours = [line for line in done.stderr.splitlines() if line.startswith('shmem_')]
    assert len(ours) == 1, out
    assert ours[0].startswith(routine + ': '), out
    assert re.search(names, ours[0]), out


@pytest.mark.parametrize('row,flavour', DEFINED, ids=[f'{r}-{f}' for r, f in DEFINED])
@pytest.mark.parametrize('debug', ['0', '1'])
def test_defined_results_are_not_errors(row, flavour, debug):
    done = run(row, flavour, SHMEM_DEBUG=debug)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'wrong' not in done.stdout, done.stdout
    assert not [l for l in done.stderr.splitlines() if l.startswith('shmem_')], done.stderr
