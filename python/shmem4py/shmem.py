"""OpenSHMEM for Python: the public API of shmem4py, on the oshmpi-cpp runtime.

Importing this module initializes OpenSHMEM (see ``shmem4py.rc``). The routines that move data,
operate atomically, wait or synchronize are the compiled functions of ``shmem4py._core`` themselves:
their argument checks and dtype dispatch run in C++, with no Python frame in between. This module
adds the object layer (``Team``, ``Ctx``, ``Lock``), the allocators that turn symmetric memory into
NumPy arrays, and the enumerations.

Beyond upstream shmem4py: ``get_comm(team)`` returns an ``mpi4py.MPI.Comm`` over a team, and bad
input raises a precise exception instead of crashing (PE out of range, non-symmetric or freed
buffers, dtype and size mismatches, non-integer PEs).
"""
# pylint: disable=redefined-builtin
import atexit as _atexit
import contextlib as _contextlib
import enum as _enum
import os as _os
import sys as _sys

import numpy as np

from . import _core
from .api import ffi, lib  # upstream's raw C layer (CFFI over libshmem); loading it does not initialize

# The hot routines: bound directly, so a call is one C++ function call.
from ._core import (  # noqa: F401
    my_pe, n_pes, pe_accessible, addr_accessible, ptr, team_ptr,
    put, get, put_nbi, get_nbi, iput, iget, ibput, ibget,
    atomic_fetch, atomic_set, atomic_swap, atomic_compare_swap, atomic_inc, atomic_fetch_inc,
    atomic_add, atomic_fetch_add, atomic_and, atomic_fetch_and, atomic_or, atomic_fetch_or,
    atomic_xor, atomic_fetch_xor, atomic_fetch_nbi, atomic_swap_nbi, atomic_compare_swap_nbi,
    atomic_fetch_inc_nbi, atomic_fetch_add_nbi, atomic_fetch_and_nbi, atomic_fetch_or_nbi,
    atomic_fetch_xor_nbi, atomic_op, atomic_fetch_op, atomic_fetch_op_nbi,
    put_signal, put_signal_nbi, signal_add, signal_set, signal_fetch, signal_wait_until,
    barrier_all, sync_all, sync, quiet, fence, pe_quiet,
    broadcast, collect, fcollect, alltoall, alltoalls,
    reduce, and_reduce, or_reduce, xor_reduce, max_reduce, min_reduce, sum_reduce, prod_reduce,
    sum_inscan, sum_exscan,
    wait_until, wait_until_all, wait_until_any, wait_until_some,
    wait_until_all_vector, wait_until_any_vector, wait_until_some_vector,
    test, test_all, test_any, test_some, test_all_vector, test_any_vector, test_some_vector,
    set_lock, test_lock, clear_lock,
)

# ---------------------------------------------------------------------------------------------
# Version and vendor

MAJOR_VERSION = _core.MAJOR_VERSION
MINOR_VERSION = _core.MINOR_VERSION
# The C API's vendor string (SHMEM_VENDOR_STRING, what shmem_info_get_name reports), as upstream.
VENDOR_STRING = ffi.string(lib.SHMEM_VENDOR_STRING).decode()


def info_get_version():
    """The OpenSHMEM specification version, as ``(major, minor)``."""
    return tuple(_core.info_get_version())


def info_get_name():
    """The vendor name (equal to ``VENDOR_STRING``)."""
    name = ffi.new('char[]', lib.SHMEM_MAX_NAME_LEN)
    lib.shmem_info_get_name(name)
    return ffi.string(name).decode()


# ---------------------------------------------------------------------------------------------
# Enumerations (values are the C API's)

if _sys.version_info >= (3, 11):
    _StrEnum = _enum.StrEnum
else:  # pragma: no cover
    class _StrEnum(str, _enum.Enum):
        __str__ = str.__str__

THREAD = _enum.IntEnum('THREAD', dict(_core.THREAD_VALUES), module=__name__)
CTX = _enum.IntFlag('CTX', dict(_core.CTX_VALUES), module=__name__)
MALLOC = _enum.IntFlag('MALLOC', dict(_core.MALLOC_VALUES), module=__name__)
SIGNAL = _enum.IntEnum('SIGNAL', dict(_core.SIGNAL_VALUES), module=__name__)
CMP = _enum.IntEnum('CMP', dict(_core.CMP_VALUES), module=__name__)
CTX_SESSION = _enum.IntFlag('CTX_SESSION', dict(_core.CTX_SESSION_VALUES), module=__name__)


class AMO(_StrEnum):
    """Atomic operations for ``atomic_op`` and ``atomic_fetch_op``."""
    SET = 'set'
    INC = 'inc'
    ADD = 'add'
    AND = 'and'
    OR = 'or'
    XOR = 'xor'


class OP(_StrEnum):
    """Reduction operations for ``reduce``."""
    AND = 'and'
    OR = 'or'
    XOR = 'xor'
    MAX = 'max'
    MIN = 'min'
    SUM = 'sum'
    PROD = 'prod'


THREAD_SINGLE, THREAD_FUNNELED, THREAD_SERIALIZED, THREAD_MULTIPLE = (
    THREAD.SINGLE, THREAD.FUNNELED, THREAD.SERIALIZED, THREAD.MULTIPLE)
CTX_PRIVATE, CTX_SERIALIZED, CTX_NOSTORE = CTX.PRIVATE, CTX.SERIALIZED, CTX.NOSTORE
CTX_SESSION_BATCH = CTX_SESSION.BATCH
MALLOC_ATOMICS_REMOTE, MALLOC_SIGNAL_REMOTE = MALLOC.ATOMICS_REMOTE, MALLOC.SIGNAL_REMOTE
SIGNAL_SET, SIGNAL_ADD = SIGNAL.SET, SIGNAL.ADD
CMP_EQ, CMP_NE, CMP_GT, CMP_LE, CMP_LT, CMP_GE = CMP.EQ, CMP.NE, CMP.GT, CMP.LE, CMP.LT, CMP.GE
AMO_SET, AMO_INC, AMO_ADD, AMO_AND, AMO_OR, AMO_XOR = AMO.SET, AMO.INC, AMO.ADD, AMO.AND, AMO.OR, AMO.XOR
OP_AND, OP_OR, OP_XOR, OP_MAX, OP_MIN, OP_SUM, OP_PROD = (
    OP.AND, OP.OR, OP.XOR, OP.MAX, OP.MIN, OP.SUM, OP.PROD)


# ---------------------------------------------------------------------------------------------
# Setup and exit


def init():
    """Collective: initializes OpenSHMEM (and MPI, unless mpi4py or another library already did).

    OpenSHMEM 1.6: may be called again. Each call is matched by a ``finalize``; after the last
    ``finalize``, ``init`` starts OpenSHMEM anew (arrays, signals, locks and contexts of the
    earlier initialization are gone; teams other than the predefined ones too).
    """
    _core.init()


def finalize():
    """Collective: matches one ``init``. The last one completes all communication and releases
    OpenSHMEM (symmetric memory, contexts, teams); the others are a ``barrier_all``."""
    _core.finalize()


def query_initialized():
    """Whether OpenSHMEM is initialized now (OpenSHMEM 1.6; callable at any time)."""
    return _core.initialized()


def global_exit(status=0):
    """Ends every PE with ``status``."""
    _core.global_exit(int(status))
    raise SystemExit(status)  # pragma: no cover


def init_thread(requested=THREAD_MULTIPLE):
    """Collective: initializes OpenSHMEM at a thread level; returns the level provided."""
    return THREAD(_core.init_thread(int(requested)))


def query_thread():
    """The thread level provided."""
    return THREAD(_core.query_thread())


# ---------------------------------------------------------------------------------------------
# Teams


class _Handle:
    """What Team and Ctx share: an opaque runtime handle (0 is invalid), compared by value, usable
    as a context manager that destroys it. ``Cls(None)`` is invalid; ``Cls(other)`` aliases ``other``."""

    __slots__ = ('_handle_value',)
    __hash__ = None

    def __init__(self, handle=None):
        if handle is None:
            self._handle_value = 0
        elif self._same_kind(handle):
            self._handle_value = handle._handle
        elif isinstance(handle, ffi.CData):
            raise TypeError(f'unexpected ctype: {ffi.typeof(handle)!r}')
        else:
            raise TypeError(f'unexpected type: {type(handle)}')

    _kind = ''  # 'Team' or 'Ctx': handles of different kinds never compare equal

    def _same_kind(self, other):
        return isinstance(other, _Handle) and other._kind == self._kind

    @property
    def _handle(self):
        return self._handle_value

    @classmethod
    def _from_handle(cls, handle):
        obj = cls.__new__(cls)
        obj._handle_value = handle
        return obj

    def __eq__(self, other):
        if not self._same_kind(other):
            return NotImplemented
        return self._handle == other._handle

    def __ne__(self, other):
        if not self._same_kind(other):
            return NotImplemented
        return self._handle != other._handle

    def __bool__(self):
        return self._handle != 0

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.destroy()

    def __repr__(self):
        return f'<shmem4py {self._kind} {self._handle:#x}>'


class Team(_Handle):
    """An OpenSHMEM team. ``Team(None)`` is invalid; ``Team(team)`` is a new alias of ``team``."""

    __slots__ = ()
    _kind = 'Team'

    def destroy(self):
        """Collective: destroys the team (the predefined teams stay valid)."""
        if self is TEAM_WORLD or self is TEAM_SHARED or self is TEAM_INVALID:
            return
        handle, self._handle_value = self._handle, 0
        if handle not in (0, _core.team_world(), _core.team_shared()):
            _core.team_destroy(handle)

    def split_strided(self, start=0, stride=1, size=None, config=None, **kwargs):
        """Collective: a new team of PEs start, start+stride, ... of this team."""
        if size is None:
            size = len(range(start, self.n_pes(), stride))
        options = dict(config or {})
        options.update(kwargs)
        num_contexts, mask = 0, 0
        for key, value in options.items():
            field = key.lower()
            if field != 'num_contexts':
                raise AttributeError(f"split_strided: no team configuration field '{key}'")
            num_contexts, mask = int(value), mask | lib.SHMEM_TEAM_NUM_CONTEXTS
        handle = _core.team_split_strided(self._handle, start, stride, size, num_contexts, mask)
        return Team._from_handle(handle)

    def get_config(self):
        """The team's configuration, as ``{'num_contexts': n}``."""
        return {'num_contexts': _core.team_get_config(self._handle, lib.SHMEM_TEAM_NUM_CONTEXTS)}

    def my_pe(self):
        """This PE's number in the team."""
        pe = _core.team_my_pe(self._handle)
        if pe < 0:
            raise RuntimeError(f'shmem_team_my_pe: error {pe}')
        return pe

    def n_pes(self):
        """The number of PEs in the team."""
        npes = _core.team_n_pes(self._handle)
        if npes < 0:
            raise RuntimeError(f'shmem_team_n_pes: error {npes}')
        return npes

    def translate_pe(self, pe=None, team=None):
        """The number, in ``team`` (TEAM_WORLD by default), of PE ``pe`` of this team."""
        if pe is None:
            pe = self.my_pe()
        if team is None:
            team = TEAM_WORLD
        result = _core.team_translate_pe(self._handle, pe, team._handle)
        if result < 0:
            raise RuntimeError(f'shmem_team_translate_pe: error {result}')
        return result

    def ptr(self, target, pe):
        """An array over the copy of symmetric ``target`` on member ``pe`` of this team, when this
        PE can reach it by load/store, else None (``shmem.team_ptr``)."""
        return team_ptr(target, pe, self)

    def create_ctx(self, options=0):
        """A new context on this team."""
        return Ctx._from_handle(_core.team_create_ctx(self._handle, int(options)))

    def sync(self):
        """Collective: synchronizes the team's PEs."""
        _core.team_sync(self._handle)

    def get_comm(self):
        """An ``mpi4py.MPI.Comm`` over the team's PEs (owned by the team: do not free it)."""
        from ._mpi import get_comm as _get_comm
        return _get_comm(self._handle)


class _PredefinedTeam(Team):
    """TEAM_WORLD and TEAM_SHARED: their handles exist once OpenSHMEM is initialized."""

    __slots__ = ('_lookup',)

    def __init__(self, lookup):  # pylint: disable=super-init-not-called
        self._handle_value = 0
        self._lookup = lookup

    @property
    def _handle(self):
        return self._lookup() if _core.initialized() else 0


TEAM_WORLD = _PredefinedTeam(_core.team_world)
TEAM_SHARED = _PredefinedTeam(_core.team_shared)
TEAM_INVALID = Team(None)


def get_comm(team=None):
    """An ``mpi4py.MPI.Comm`` over the PEs of ``team`` (TEAM_WORLD by default), in team order.

    The communicator belongs to the team: use it freely, but do not ``Free()`` it (``Dup()`` it to
    get one of your own). Its ranks equal the team's PE numbers.
    """
    return (TEAM_WORLD if team is None else team).get_comm()


# ---------------------------------------------------------------------------------------------
# Contexts


class Ctx(_Handle):
    """A communication context. ``Ctx(None)`` is invalid; ``Ctx(ctx)`` is a new alias of ``ctx``."""

    __slots__ = ()
    _kind = 'Ctx'

    @staticmethod
    def create(options=0, team=None):
        """A new context (on ``team`` if given)."""
        if team is None:
            return Ctx._from_handle(_core.ctx_create(int(options)))
        return team.create_ctx(options)

    def destroy(self):
        """Completes the context's operations and frees it (no-op for the predefined contexts)."""
        if self is CTX_DEFAULT or self is CTX_INVALID:
            return
        handle, self._handle_value = self._handle, 0
        if handle not in (0, _core.ctx_default()):
            _core.ctx_destroy(handle)

    def get_team(self):
        """The team the context was created on."""
        return Team._from_handle(_core.ctx_get_team(self._handle))

    def fence(self):
        """Orders this context's operations to each PE."""
        fence(self)

    def quiet(self):
        """Completes this context's outstanding operations."""
        quiet(self)

    def pe_quiet(self, pes):
        """Completes this context's outstanding operations to the PEs ``pes`` (one or a sequence)."""
        pe_quiet(pes, self)

    def session_start(self, options=0, total_ops=None):
        """Starts a session (OpenSHMEM 1.6): a hint that a series of operations follows on this
        context. ``options`` are ``CTX_SESSION`` flags; ``total_ops`` is the expected number of
        operations. Hints never change results; on ``CTX_INVALID`` this does nothing."""
        _core.ctx_session_start(self, options, total_ops)

    def session_stop(self):
        """Ends the session (no effect without one, or on ``CTX_INVALID``)."""
        _core.ctx_session_stop(self)

    @_contextlib.contextmanager
    def session(self, options=CTX_SESSION_BATCH, total_ops=None):
        """``with ctx.session(): ...`` runs the block in a session, stopped on leaving it."""
        self.session_start(options, total_ops)
        try:
            yield self
        finally:
            self.session_stop()


class _DefaultCtx(Ctx):
    __slots__ = ()

    @property
    def _handle(self):
        return _core.ctx_default()


CTX_DEFAULT = _DefaultCtx.__new__(_DefaultCtx)
CTX_DEFAULT._handle_value = 0
CTX_INVALID = Ctx(None)

# ---------------------------------------------------------------------------------------------
# Symmetric memory


def alloc(count, size=1, align=None, hints=None, clear=True):
    """Collective: ``count * size`` bytes of symmetric memory, as a writable ``memoryview``."""
    return memoryview(_core.alloc(count, size, align, None if hints is None else int(hints), clear))


def free(mem):
    """Collective: releases memory from ``alloc`` (or an array allocated by this module)."""
    _core.free(mem)


def fromalloc(mem, shape=None, dtype=None, order='C'):
    """An array over memory from ``alloc``, without copying; its ``.base`` is ``mem``."""
    assert isinstance(mem, memoryview) and isinstance(mem.obj, _core.Allocation), \
        'fromalloc: mem must be memory returned by shmem.alloc()'
    dtype = np.dtype(dtype)
    if shape is None:
        shape = mem.nbytes // dtype.itemsize
    shape = (int(shape),) if isinstance(shape, (int, np.integer)) else tuple(int(n) for n in shape)
    return _wrap(mem, dtype, shape, _strides(shape, dtype.itemsize, order))


def _strides(shape, itemsize, order):
    strides, step = [0] * len(shape), itemsize
    dims = range(len(shape)) if order == 'F' else reversed(range(len(shape)))
    for k in dims:
        strides[k] = step
        step *= max(shape[k], 1)
    return strides


def _wrap(mem, dtype, shape, strides):
    assert mem.nbytes >= int(np.prod(shape, dtype=np.int64)) * dtype.itemsize, 'fromalloc: mem is too small'
    return _core.wrap(mem, dtype, list(shape), list(strides))


def _count(shape):
    if isinstance(shape, (int, np.integer)):
        return int(shape)
    return int(np.prod(tuple(shape), dtype=np.int64))


def new_array(shape, dtype=float, order='C', *, align=None, hints=None, clear=True):
    """Collective: a symmetric array."""
    dtype = np.dtype(dtype)
    mem = alloc(_count(shape), dtype.itemsize, align, hints, clear)
    return fromalloc(mem, shape, dtype, order)


def del_array(a):
    """Collective: frees an array from this module's allocators."""
    assert isinstance(a, np.ndarray), 'del_array: a must be a NumPy array'
    free(a)


def array(obj, dtype=None, *, order='K', align=None, hints=None):
    """Collective: a symmetric copy of ``obj`` (same dtype, shape and strides as ``np.array``)."""
    data = np.array(obj, dtype, order=order)
    mem = alloc(data.size, data.itemsize, align, hints, clear=False)
    result = _wrap(mem, data.dtype, data.shape, data.strides)
    np.copyto(result, data, casting='no')
    barrier_all()
    return result


def empty(shape, dtype=float, order='C', *, align=None, hints=None):
    """Collective: a symmetric array, not initialized."""
    return new_array(shape, dtype, order, align=align, hints=hints, clear=False)


def zeros(shape, dtype=float, order='C', *, align=None, hints=None):
    """Collective: a symmetric array of zeros."""
    return new_array(shape, dtype, order, align=align, hints=hints, clear=True)


def ones(shape, dtype=float, order='C', *, align=None, hints=None):
    """Collective: a symmetric array of ones."""
    return full(shape, 1, dtype, order, align=align, hints=hints)


def full(shape, fill_value, dtype=None, order='C', *, align=None, hints=None):
    """Collective: a symmetric array filled with ``fill_value``."""
    if dtype is None:
        dtype = np.array(fill_value).dtype
    result = new_array(shape, dtype, order, align=align, hints=hints, clear=False)
    # Through a NumPy scalar so that out-of-range values wrap (full(n, -1, 'u4')) as upstream's do.
    np.copyto(result, np.asarray(fill_value).astype(result.dtype, casting='unsafe'), casting='unsafe')
    barrier_all()
    return result


def new_signal():
    """Collective: a symmetric signal word (uint64), zero; ``sig[0]`` reads and writes it."""
    return _core.new_word(True)


def del_signal(signal):
    """Collective: frees a signal from ``new_signal``."""
    assert isinstance(signal, _core.SymmetricWord) and signal.is_signal, 'del_signal: not a signal'
    _core.del_word(signal)


def new_lock():
    """Collective: a symmetric lock word (long), zero."""
    return _core.new_word(False)


def del_lock(lock):
    """Collective: frees a lock from ``new_lock``."""
    assert isinstance(lock, _core.SymmetricWord) and not lock.is_signal, 'del_lock: not a lock'
    _core.del_word(lock)


def _getbuffer(obj, readonly=False):
    """``(cdata, nelems, typename)`` of an array, as upstream's private helper returns."""
    address, count, typename = _core.getbuffer(obj, readonly)  # checks as upstream: Type/Value/KeyError
    del address
    if not obj.flags.c_contiguous:
        obj = obj.T  # F-contiguous: the same memory, viewed as C-contiguous
    return ffi.from_buffer(ffi.getctype(typename, '[]'), obj), count, typename


# ---------------------------------------------------------------------------------------------
# Locks


class Lock:
    """A distributed lock (collective constructor)."""

    def __init__(self):
        self._lock = new_lock()

    def destroy(self):
        """Collective: frees the lock (idempotent)."""
        if self._lock is not None:
            lock, self._lock = self._lock, None
            del_lock(lock)

    def acquire(self, blocking=True):
        """Takes the lock; with ``blocking=False`` returns whether it was taken."""
        assert self._lock is not None, 'Lock.acquire: the lock was destroyed'
        if blocking:
            set_lock(self._lock)
            return True
        return not test_lock(self._lock)

    def release(self):
        """Releases the lock (after completing this PE's stores)."""
        assert self._lock is not None, 'Lock.release: the lock was destroyed'
        clear_lock(self._lock)

    def __enter__(self):
        self.acquire()

    def __exit__(self, *args):
        self.release()


# ---------------------------------------------------------------------------------------------
# Profiling


def pcontrol(level=1):
    """Profiling control: accepted and ignored (no profiling library is attached)."""
    int(level)


# ---------------------------------------------------------------------------------------------
# Initialization at import


def _parse_rc_value(text):
    value = text.lower()
    if value in ('true', 'yes', 'on', 'y', '1'):
        return True
    if value in ('false', 'no', 'off', 'n', '0'):
        return False
    return value


def _atexit_finalize():
    if _core.initialized():
        _core.finalize()


def _end_job_on_uncaught_exception(exc_type, exc, traceback):
    """An exception nobody caught (KeyboardInterrupt too) ends this PE. Its exit handler's finalize
    is collective, and the other PEs may be waiting for this one in a barrier it will never reach:
    print the traceback, then end every PE (status 130 for an interrupt, as a shell reports Ctrl-C,
    1 otherwise). ``sys.exit`` is not an exception here: it finalizes like a return from main."""
    _previous_excepthook(exc_type, exc, traceback)
    if _core.initialized() and _core.n_pes() > 1:
        _sys.stdout.flush()
        _sys.stderr.flush()
        _core.global_exit(130 if issubclass(exc_type, KeyboardInterrupt) else 1)


_previous_excepthook = _sys.excepthook


def _initialize():
    from . import rc
    for option in ('initialize', 'threads', 'thread_level', 'finalize'):
        text = _os.environ.get('SHMEM4PY_RC_' + option.upper())
        if text:
            setattr(rc, option, _parse_rc_value(text))
    if rc.initialize:
        if rc.threads:
            init_thread(getattr(THREAD, rc.thread_level.upper()))
        else:
            init()
        if rc.finalize is None:
            rc.finalize = True
    if rc.finalize:
        _atexit.register(_atexit_finalize)
    _sys.excepthook = _end_job_on_uncaught_exception


_initialize()
