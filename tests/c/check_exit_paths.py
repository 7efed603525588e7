"""Runs each mode of test_exit_paths.c under the installed launcher and checks what a user sees:
the exit status, every PE's line, and no hang (a generous timeout, only to catch one; no speed is
asserted). Environment: OSHRUN (the staged oshrun), EXIT_PATHS_BINARY, EXIT_PATHS_NP (PE count)."""
import os
import subprocess
import time

import pytest

OSHRUN = os.environ['OSHRUN']
BINARY = os.environ['EXIT_PATHS_BINARY']
NP = int(os.environ.get('EXIT_PATHS_NP', '2'))
HANG = 60  # seconds: far beyond the few seconds a job takes to end; only a hang gets there


def run(mode, **env):
    start = time.monotonic()
    try:
        done = subprocess.run([OSHRUN, '-n', str(NP), BINARY, mode], capture_output=True, text=True,
                              timeout=HANG, env=dict(os.environ, **env))
    except subprocess.TimeoutExpired as hung:
        pytest.fail(f'{mode} at {NP} PEs still running after {HANG} s:\n{hung.stdout}\n{hung.stderr}')
    print(f'{mode} at {NP} PEs: status {done.returncode} after {time.monotonic() - start:.1f} s')
    return done


@pytest.mark.parametrize('transport', ['auto', 'mpi'])
def test_return_from_main_without_finalize(transport):
    done = run('return', OSHMPI_TRANSPORT=transport)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(' OK') == NP, done.stdout
    assert 'wrong' not in done.stdout


@pytest.mark.parametrize('transport', ['auto', 'mpi'])
def test_exit_from_one_pe_while_others_work(transport):
    done = run('exit', OSHMPI_TRANSPORT=transport)
    assert done.returncode == 3, done.stdout + done.stderr
    assert done.stdout.count(' OK') == NP - 1, done.stdout
    assert 'wrong' not in done.stdout


def test_global_exit_while_others_are_in_a_collective():
    done = run('global_exit')
    assert done.returncode == 5, done.stdout + done.stderr
    assert 'left a reduction' not in done.stdout


@pytest.mark.parametrize('mode', ['kill:barrier', 'kill:wait', 'kill:lock', 'kill:collective',
                                  'segv:barrier', 'segv:collective'])
def test_a_dead_pe_ends_the_job(mode):
    done = run(mode)
    assert done.returncode != 0, done.stdout + done.stderr
    assert 'although' not in done.stdout  # nobody left the wait the dead PE would have ended
    assert done.stdout.count(' waits in ') >= 1
