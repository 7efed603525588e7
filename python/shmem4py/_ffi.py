"""A small stand-in for upstream's CFFI ``ffi`` object.

Upstream shmem4py exposes its CFFI ``FFI`` as ``shmem.ffi``; its test suite uses only
``ffi.CData``, ``ffi.from_buffer(obj)``, ``ffi.cast(ctype, value)`` and ``int()`` of a cast
pointer. Our package has no CFFI layer, so this module provides those few pieces over plain
addresses: enough for scripts that check alignment or pass ``ffi.cast('int', 0)`` where a handle
is expected (which ``Ctx``/``Team`` reject with TypeError, as upstream does).
"""
from . import _core


class CData:
    """A typed C value or pointer: ``ctype`` names the C type, ``value`` is the integer or address."""

    __slots__ = ('ctype', 'value', '_keep')

    def __init__(self, ctype, value, keep=None):
        self.ctype = ctype
        self.value = value
        self._keep = keep

    def __int__(self):
        return int(self.value)

    __index__ = __int__

    def __eq__(self, other):
        if not isinstance(other, CData):
            return NotImplemented
        return self.value == other.value

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash(self.value)

    def __repr__(self):
        return f"<cdata '{self.ctype}' {self.value:#x}>" if self.ctype.endswith('*') or self.ctype.endswith(
            '[]') else f"<cdata '{self.ctype}' {self.value}>"


class FFI:
    """The subset of ``cffi.FFI`` that shmem4py users rely on."""

    CData = CData

    def from_buffer(self, cdecl, python_buffer=None, require_writable=False):
        if python_buffer is None:
            cdecl, python_buffer = 'char[]', cdecl
        if require_writable and memoryview(python_buffer).readonly:
            raise TypeError('from_buffer() requires a writable buffer')
        return CData(cdecl, _core.buffer_address(python_buffer), python_buffer)

    def cast(self, ctype, value):
        address = int(value.value) if isinstance(value, CData) else int(value)
        return CData(ctype, address)

    def typeof(self, cdata):
        return cdata.ctype if isinstance(cdata, CData) else type(cdata).__name__


ffi = FFI()
