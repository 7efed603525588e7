"""Runs each mpi4py interop script in its own mpiexec (init order is per process) at 1, 2 and 4
PEs, and checks what a user sees: exit status 0, nothing on stderr, every PE done."""
import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).parent / 'interop'
SCRIPTS = {
    'shmem_first.py': {},
    'mpi4py_first.py': {},
    'explicit_finalize.py': {},
    'mpi_finalize_first.py': {},
    'reinit_shmem_first.py': {},
    'reinit_mpi4py_first.py': {},
    'rc_options.py': {'SHMEM4PY_RC_INITIALIZE': 'no', 'SHMEM4PY_RC_FINALIZE': 'yes'},
}


@pytest.mark.parametrize('np_', [1, 2, 4])
@pytest.mark.parametrize('script', sorted(SCRIPTS))
def test_interop(script, np_):
    env = dict(os.environ, **SCRIPTS[script])
    env.setdefault('SHMEM_SYMMETRIC_SIZE', '64M')
    mpiexec = os.environ.get('MPIEXEC', '/usr/bin/mpiexec.mpich')
    run = subprocess.run([mpiexec, '-n', str(np_), sys.executable, str(HERE / script)], env=env,
                         capture_output=True, text=True, timeout=90)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ''
    assert run.stdout.count('OK') == np_  # lines of different PEs may interleave
