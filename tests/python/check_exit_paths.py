"""Runs each exit-path script (exit_paths/) in its own mpiexec at 2 and 4 PEs and checks what a user
sees: the exit status, every PE's line, and no hang (a generous timeout, only to catch one)."""
import os
import pathlib
import subprocess
import sys
import time

import pytest

HERE = pathlib.Path(__file__).parent / 'exit_paths'
HANG = 60  # seconds: far beyond the few seconds a job takes to end; only a hang gets there


def run(np_, script, *args, **env):
    mpiexec = os.environ.get('MPIEXEC', '/usr/bin/mpiexec.mpich')
    environment = dict(os.environ, **env)
    environment.setdefault('SHMEM_SYMMETRIC_SIZE', '64M')
    start = time.monotonic()
    try:
        done = subprocess.run([mpiexec, '-n', str(np_), sys.executable, str(HERE / script), *args],
                              env=environment, capture_output=True, text=True, timeout=HANG)
    except subprocess.TimeoutExpired as hung:
        pytest.fail(f'{script} at {np_} PEs still running after {HANG} s:\n{hung.stdout}\n{hung.stderr}')
    print(f'{script} {args} at {np_} PEs: status {done.returncode} after {time.monotonic() - start:.1f} s')
    return done


NPS = [2, 4]


@pytest.mark.parametrize('np_', NPS)
@pytest.mark.parametrize('transport', ['auto', 'mpi'])
def test_script_ends_without_finalize(np_, transport):
    done = run(np_, 'no_finalize.py', SHMEM4PY_RC_FINALIZE='no', OSHMPI_TRANSPORT=transport)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ''
    assert done.stdout.count(' OK') == np_


@pytest.mark.parametrize('np_', NPS)
def test_sys_exit_on_one_pe_while_others_work(np_):
    done = run(np_, 'sys_exit.py')
    assert done.returncode == 3, done.stdout + done.stderr
    assert done.stdout.count(' OK') == np_ - 1, done.stdout


@pytest.mark.parametrize('np_', NPS)
def test_keyboard_interrupt_on_one_pe_ends_the_job(np_):
    done = run(np_, 'interrupted.py')
    assert done.returncode == 130, done.stdout + done.stderr
    # The traceback is printed and flushed, but the launcher may kill its forwarding before all of
    # it arrives: only the status and the other PEs' staying put are checked.
    assert 'left a barrier' not in done.stdout


@pytest.mark.parametrize('np_', NPS)
def test_uncaught_exception_on_one_pe_ends_the_job(np_):
    done = run(np_, 'interrupted.py', 'error')
    assert done.returncode == 1, done.stdout + done.stderr
    assert 'left a barrier' not in done.stdout


@pytest.mark.parametrize('np_', NPS)
def test_killed_pe_ends_the_job(np_):
    done = run(np_, 'killed.py')
    assert done.returncode != 0
    assert 'left a barrier' not in done.stdout
