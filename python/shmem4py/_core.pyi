# Type stubs for shmem4py._core, the private compiled module (its routines are re-exported, with
# their documented signatures, by shmem4py.shmem; see shmem.pyi).
from typing import Any, Dict, Tuple

class Allocation:
    address: int
    nbytes: int
    freed: bool

class SymmetricWord:
    address: int
    is_signal: bool
    freed: bool
    def __getitem__(self, index: int) -> int: ...
    def __setitem__(self, index: int, value: int) -> None: ...

class DTypeMismatchError(AssertionError, TypeError): ...
class SizeError(AssertionError, ValueError): ...
class UnsupportedDTypeError(KeyError, TypeError): ...
class MissingRoutineError(AttributeError, TypeError): ...

MAJOR_VERSION: int
MINOR_VERSION: int
VENDOR_STRING: str
MAX_NAME_LEN: int
TEAM_NUM_CONTEXTS: int
TYPENAMES: Dict[str, str]
THREAD_VALUES: Dict[str, int]
CTX_VALUES: Dict[str, int]
MALLOC_VALUES: Dict[str, int]
SIGNAL_VALUES: Dict[str, int]
CMP_VALUES: Dict[str, int]
CTX_SESSION_VALUES: Dict[str, int]
CTX_SESSION_TOTAL_OPS: int

def __getattr__(name: str) -> Any: ...
