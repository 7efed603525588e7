"""shmem4py.api, the raw C layer (CFFI): every routine of libshmem under its C name, the constants
and handles of shmem.h, upstream's type names, and calls that interoperate with shmem4py.shmem."""
import os
import subprocess
import sys

import numpy as np

from shmem4py import shmem
from shmem4py.api import ffi, lib


def test_lib_module_and_star_import():
    namespace = {}
    exec('from shmem4py.api.lib import *', namespace)  # noqa: S102 (upstream's demos do this)
    assert namespace['shmem_my_pe']() == shmem.my_pe()
    assert namespace['SHMEM_CMP_GE'] == lib.SHMEM_CMP_GE
    assert namespace['SHMEM_TEAM_WORLD'] == lib.SHMEM_TEAM_WORLD  # constants, like upstream's
    assert sys.modules['shmem4py.api.lib'] is lib
    assert shmem.ffi is ffi and shmem.lib is lib


def exported_routines():
    """The shmem_* functions libshmem.so exports, read from the loaded library itself."""
    with open('/proc/self/maps') as maps:
        paths = {line.split()[-1] for line in maps if 'libshmem.so' in line}
    assert len(paths) == 1, paths
    out = subprocess.run(['nm', '-D', '--defined-only', paths.pop()], check=True, capture_output=True,
                         text=True).stdout
    return {fields[2] for fields in (line.split() for line in out.splitlines())
            if len(fields) == 3 and fields[1] in 'TW' and fields[2].startswith('shmem_')}


def test_every_exported_routine_is_declared():
    names = set(dir(lib))
    routines = exported_routines()
    assert len(routines) > 1500
    assert sorted(routines - names) == []
    for name in ('shmem_int_put', 'shmem_ctx_longdouble_iget', 'shmem_uint64_atomic_fetch_xor_nbi',
                 'shmem_complexd_sum_reduce', 'shmem_size_wait_until_some_vector', 'shmem_pcontrol'):
        assert callable(getattr(lib, name)), name


def test_constants_and_handles_match_shmem():
    assert (lib.SHMEM_MAJOR_VERSION, lib.SHMEM_MINOR_VERSION) == (shmem.MAJOR_VERSION, shmem.MINOR_VERSION)
    assert ffi.string(lib.SHMEM_VENDOR_STRING).decode() == shmem.VENDOR_STRING
    assert lib.SHMEM_MAX_NAME_LEN >= len(shmem.VENDOR_STRING) + 1
    assert lib.SHMEM_THREAD_MULTIPLE == shmem.THREAD_MULTIPLE
    assert lib.SHMEM_CMP_EQ == shmem.CMP_EQ and lib.SHMEM_CMP_LE == shmem.CMP_LE
    assert lib.SHMEM_SIGNAL_ADD == shmem.SIGNAL_ADD != lib.SHMEM_SIGNAL_SET
    assert lib.SHMEM_CTX_NOSTORE == shmem.CTX_NOSTORE
    assert lib._SHMEM_CMP_EQ == lib.SHMEM_CMP_EQ  # the deprecated spellings too
    assert lib.SHMEM_TEAM_INVALID == ffi.NULL and lib.SHMEM_CTX_INVALID == ffi.NULL
    # The predefined teams are constants that stand for the current initialization's teams, here
    # made by shmem4py.shmem rather than by lib.shmem_init.
    assert lib.SHMEM_TEAM_WORLD != ffi.NULL and lib.SHMEM_TEAM_WORLD != lib.SHMEM_TEAM_SHARED
    assert lib.shmem_team_n_pes(lib.SHMEM_TEAM_WORLD) == shmem.n_pes()
    assert lib.shmem_team_my_pe(lib.SHMEM_TEAM_SHARED) == shmem.TEAM_SHARED.my_pe()
    assert lib.SHMEM_CTX_DEFAULT != ffi.NULL


def test_upstream_type_names():
    sizes = {'schar': 1, 'uchar': 1, 'short': 2, 'longlong': 8, 'ulonglong': 8, 'int8': 1, 'uint16': 2,
             'int32': 4, 'uint64': 8, 'size': ffi.sizeof('size_t'), 'ptrdiff': ffi.sizeof('ptrdiff_t'),
             'longdouble': np.dtype('g').itemsize, 'complexf': 8, 'complexd': 16,
             'complexl': np.dtype('G').itemsize}
    assert {name: ffi.sizeof(name) for name in sizes} == sizes
    assert ffi.typeof(ffi.getctype('schar', '[]')).cname == 'signed char[]'


def test_raw_calls_on_shmem4py_memory(me, npes):
    right, left = (me + 1) % npes, (me - 1) % npes
    dst = shmem.zeros(4, 'l')
    src = np.arange(4, dtype='l') + 100 * me
    lib.shmem_long_put(ffi.from_buffer('long[]', dst), ffi.from_buffer('long[]', src), 4, right)
    lib.shmem_barrier_all()
    assert dst.tolist() == [100 * left + i for i in range(4)]
    total = shmem.zeros(1, 'l')
    assert lib.shmem_long_sum_reduce(lib.SHMEM_TEAM_WORLD, ffi.from_buffer('long[]', total),
                                     ffi.from_buffer('long[]', dst), 1) == 0
    assert total[0] == 100 * npes * (npes - 1) // 2
    counter = ffi.cast('int*', lib.shmem_calloc(1, ffi.sizeof('int')))
    lib.shmem_int_atomic_add(counter, me + 1, 0)
    lib.shmem_barrier_all()
    if me == 0:
        assert counter[0] == npes * (npes + 1) // 2
    assert lib.shmem_int_g(counter, 0) == npes * (npes + 1) // 2
    lib.shmem_free(counter)
    shmem.free(dst)
    shmem.free(total)


def test_import_does_not_initialize():
    # A fresh interpreter without a launcher: loading the CFFI module leaves MPI (and so
    # OpenSHMEM) uninitialized.
    code = ('import shmem4py.api\n'
            'import mpi4py\n'
            'mpi4py.rc.initialize = False\n'
            'from mpi4py import MPI\n'
            'assert not MPI.Is_initialized()\n'
            'print("not initialized")\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith(('PMI_', 'MPIR_', 'HYDRA_', 'OMPI_'))}
    out = subprocess.run([sys.executable, '-c', code], check=True, capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.stdout.strip() == 'not initialized'
