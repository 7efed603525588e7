"""Generates shmem4py.api: upstream shmem4py's raw C layer, a CFFI module in API mode over libshmem.

Nothing here lists a routine, a type or a constant. The C preprocessor expands our shmem.h (that is,
the routine list oshmpi/c_api.def over the type tables of oshmpi/types.def) into plain declarations,
which become CFFI's cdef; `cc -dM` gives the header's SHMEM_* macros, which become constants; the
type tables give upstream's short type names (schar, longlong, complexf, ...) for ``ffi.new`` and
``ffi.getctype``. The C source CFFI writes is then compiled by CMake like any other Python
extension and links libshmem, so a routine added to c_api.def is in ``shmem4py.api.lib`` at the next
build, and the C compiler checks every declaration against the header.

Usage: build_api.py --cc CC --include DIR --output api.c [--cdef api.cdef.h]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import cffi

HERE = os.path.dirname(os.path.abspath(__file__))

# Expanded after shmem.h: one marker per entry of the type tables whose names Python code uses.
DRIVER = """\
#include <shmem.h>
#define OSHMPI_API_TYPENAME(TYPE, TN) oshmpi_api_typename(TN, TYPE);
OSHMPI_RMA_TYPES(OSHMPI_API_TYPENAME)
OSHMPI_REDUCE_COMPLEX_TYPES(OSHMPI_API_TYPENAME)
"""

# C has no long double complex that CFFI can declare; upstream's shmem4py names a struct of two.
COMPLEXL = 'typedef struct { long double real, imag; } complexl;'


def preprocess(cc, include, extra):
    """Runs the C preprocessor over the driver; C99 keeps the C11 generic macros out."""
    with tempfile.NamedTemporaryFile('w', suffix='.h', delete=False) as driver:
        driver.write(DRIVER)
    try:
        command = [*cc.split(), '-E', '-P', '-std=c99', '-nostdinc', '-I', os.path.join(HERE, 'no_libc'),
                   '-I', include, *extra, driver.name]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(driver.name)


def split_typenames(declarations):
    """Removes the typename markers and returns ``(declarations, typedefs)``."""
    typedefs, seen = [], set()
    for name, ctype in re.findall(r'oshmpi_api_typename\s*\(\s*(\w+)\s*,\s*([^)]*?)\s*\)\s*;', declarations):
        ctype = ' '.join(ctype.split())
        if name != ctype and name not in seen:
            seen.add(name)
            typedefs.append(f'typedef {ctype} {name};')
    typedefs.append(COMPLEXL)
    declarations = re.sub(r'oshmpi_api_typename\s*\([^)]*\)\s*;', '', declarations)
    return declarations, typedefs


def extern_variables(declarations):
    """The library's variables behind handle macros (``extern shmem_team_t oshmpi_team_world;``):
    their declarations leave the cdef, and ``{name: type}`` comes back."""
    variables = {}

    def take(match):
        variables[match.group(2)] = ' '.join(match.group(1).split())
        return ''

    declarations = re.sub(r'^\s*extern\s+([^;()]*?)\s*\b(\w+)\s*;', take, declarations, flags=re.M)
    return declarations, variables


NUMBER = re.compile(r'\b(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b')
OPERATORS_ONLY = re.compile(r'^[\s()<>|&^~+\-*/]*$')
CAST_TO_HANDLE = re.compile(r'^\(\s*\(\s*(\w+)\s*\)\s*0\s*\)$')
ADDRESS_OF = re.compile(r'^\(\s*&\s*(\w+)\s*\)$')


def enumerators(declarations):
    """The names the header's enums define (SHMEM_CMP_EQ, ...)."""
    return {name for body in re.findall(r'\benum\b[^{;]*\{([^}]*)\}', declarations)
            for name in re.findall(r'\b([A-Za-z_]\w*)\s*(?:=|,|$)', body)}


def constants(macros, variables, enums):
    """CFFI declarations of the header's object-like SHMEM_* (and _SHMEM_*) macros."""
    defined = {}
    for line in macros.splitlines():
        match = re.match(r'#define\s+(_?SHMEM_[A-Z0-9_]+)(?:\s+(.*))?$', line)
        if match:  # function-like macros ("NAME(") do not match: the generic bindings stay out
            defined[match.group(1)] = (match.group(2) or '').strip()

    def expand(value, depth=0):
        if depth > 10:
            return value
        return re.sub(r'\b_?SHMEM_[A-Z0-9_]+\b',
                      lambda m: expand(defined[m.group(0)], depth + 1) if m.group(0) in defined else m.group(0),
                      value)

    def kind(value):
        value = expand(value)
        if value == '':
            return None, None
        if re.fullmatch(r'"(?:[^"\\]|\\.)*"', value):
            return 'string', None
        if value in enums or (NUMBER.search(value) and OPERATORS_ONLY.match(NUMBER.sub('', value))):
            return 'integer', None
        if value in variables:
            return 'variable', variables[value]
        cast = CAST_TO_HANDLE.match(value)
        if cast:
            return 'handle', cast.group(1)
        address = ADDRESS_OF.match(value)
        if address and address.group(1) in variables:
            # A link-time constant handle (SHMEM_TEAM_WORLD is the address of a library object).
            return 'handle', variables[address.group(1)] + ' *'
        
        raise SystemExit(f'build_api.py: no CFFI form for the macro value {value!r}; teach constants() it')

    lines = []
    for name, value in sorted(defined.items()):
        what, ctype = kind(value)
        if what is None:
            continue
        if what == 'integer':
            lines.append(f'#define {name} ...')
        elif what == 'string':
            lines.append(f'const char *const {name};')
        elif what == 'variable':
            # A variable of the library (the default context, set when the library loads).
            lines.append(f'extern {ctype} {name};')
        else:
            lines.append(f'{ctype} const {name};')
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cc', required=True, help='the C compiler (its preprocessor reads shmem.h)')
    parser.add_argument('--include', required=True, help="the directory of our shmem.h")
    parser.add_argument('--output', required=True, help='the C source of the extension to write')
    parser.add_argument('--cdef', help='also write the CFFI declarations here (to read, or to test)')
    args = parser.parse_args(argv)

    declarations = preprocess(args.cc, args.include, [])
    macros = preprocess(args.cc, args.include, ['-dM'])
    declarations, typedefs = split_typenames(declarations)
    declarations, variables = extern_variables(declarations)
    cdef = '\n'.join([*typedefs, declarations, *constants(macros, variables, enumerators(declarations))])

    ffi = cffi.FFI()
    ffi.cdef(cdef)
    ffi.set_source('shmem4py.api', '#include <shmem.h>\n' + '\n'.join(typedefs) + '\n')
    ffi.emit_c_code(args.output)
    if args.cdef:
        with open(args.cdef, 'w') as out:
            out.write(cdef + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
