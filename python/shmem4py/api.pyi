# Typing stub of shmem4py.api, the CFFI module generated from shmem.h (python/api/build_api.py).
# `lib` holds every routine and constant of the C API under its C name; their signatures are C's.
from typing import Any

import cffi

ffi: cffi.FFI


class _Lib:
    def __getattr__(self, name: str) -> Any: ...


lib: _Lib
