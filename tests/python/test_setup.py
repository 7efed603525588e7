"""Setup, queries, version, enumerations, rc and the package layout."""
import subprocess
import sys

import numpy as np
import pytest

import shmem4py
from shmem4py import shmem


def test_queries(me, npes):
    assert 0 <= me < npes
    assert shmem.pe_accessible(me)
    assert not shmem.pe_accessible(npes)
    assert shmem.query_thread() in list(shmem.THREAD)
    assert shmem.init_thread(shmem.THREAD_SINGLE) == shmem.query_thread()


def test_version_and_vendor():
    assert shmem.info_get_version() == (shmem.MAJOR_VERSION, shmem.MINOR_VERSION) == (1, 6)
    assert shmem.info_get_name() == shmem.VENDOR_STRING
    for bad in ('OSHMPI', 'open-mpi', 'osss-ucx'):
        assert bad not in shmem.VENDOR_STRING


def test_enums():
    assert issubclass(shmem.THREAD, int) and issubclass(shmem.CMP, int) and issubclass(shmem.SIGNAL, int)
    assert [m.name for m in shmem.THREAD] == ['SINGLE', 'FUNNELED', 'SERIALIZED', 'MULTIPLE']
    assert shmem.THREAD_MULTIPLE == shmem.THREAD.MULTIPLE
    assert shmem.SIGNAL_SET != shmem.SIGNAL_ADD
    assert len({int(c) for c in shmem.CMP}) == 6
    assert shmem.AMO_ADD == 'add' and str(shmem.OP_SUM) == 'sum'
    assert shmem.CTX_PRIVATE & shmem.CTX_PRIVATE
    assert isinstance(shmem.MALLOC_SIGNAL_REMOTE, shmem.MALLOC)
    names = [n for n in dir(shmem) if not n.startswith('_')]
    for required in ('Ctx', 'Team', 'Lock', 'TEAM_WORLD', 'CTX_DEFAULT', 'np', 'ffi', 'lib', 'new_array',
                     'alltoalls', 'wait_until_some_vector', 'atomic_fetch_op_nbi', 'pcontrol', 'get_comm'):
        assert required in names
    assert shmem.np is np


def test_rc():
    rc = shmem4py.rc
    assert repr(rc) == '<shmem4py.rc>'
    assert rc.initialize is True and rc.threads is False and rc.thread_level == 'multiple'
    assert rc.finalize is True  # set at import because shmem4py initialized
    with pytest.raises(TypeError):
        rc(bogus=1)
    with pytest.raises(TypeError):
        rc.bogus = 1
    from shmem4py import rc as same
    assert same is rc


def test_version_module():
    out = subprocess.run([sys.executable, '-m', 'shmem4py', '--version'], capture_output=True, text=True,
                         check=True, env={k: v for k, v in __import__('os').environ.items()
                                          if not k.startswith(('PMI', 'HYDRA', 'MPIR'))})
    assert out.stdout.strip() == f'shmem4py {shmem4py.__version__}' == 'shmem4py 1.0.0'


def test_pcontrol():
    for level in (1, 2, 0, 2, 1):
        shmem.pcontrol(level)


def test_signatures_are_introspectable():
    import inspect
    assert list(inspect.signature(shmem.put).parameters) == ['target', 'source', 'pe', 'size', 'ctx']
    assert list(inspect.signature(shmem.atomic_compare_swap).parameters) == ['target', 'cond', 'value', 'pe', 'ctx']
