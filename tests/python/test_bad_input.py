"""Bad input for every public routine of ``shmem4py.shmem``: one table row per (routine, bad
argument, expected exception, message pattern), and a correct call of the same routine right after
it, whose values are checked (the process keeps working, nothing was corrupted).

Every PE runs every row in the same order, so a collective's bad argument is bad on every PE: each
PE must raise *before* entering the collective, or the others would wait in it for ever (the
conftest barrier after each row would then hang, which the CTest timeout reports). A bad argument on
only some PEs of a collective cannot be detected locally; see docs/troubleshooting.md.

Rows are data: arguments are literals or ``'@name'`` references to the objects built once by the
``env`` fixture (symmetric arrays, a freed array, a read-only view, a destroyed context, ...).
``test_table_covers_every_routine`` fails when ``shmem`` gains a public routine the tables do not
name, so the tables stay complete.
"""
import numpy as np
import pytest

from shmem4py import _core as errors  # the precise exception classes (also AssertionError etc.)
from shmem4py import shmem

# ---------------------------------------------------------------------------------------------
# Rows: (routine, what is wrong, positional args, keyword args, exception, message pattern).

R = []


def rows(routines, cases):
    for routine in routines:
        for label, args, kwargs, exc, match in cases:
            R.append((routine, label, args, kwargs, exc, match))


PE_CASES = lambda make: [  # noqa: E731  the wrong PEs, for a routine whose args `make(pe)` builds
    ('pe = npes', make('@npes'), {}, ValueError, r'PE \d+ is out of range'),
    ('pe = -1', make(-1), {}, ValueError, r'PE -1 is out of range'),
    ('pe a float', make(1.0), {}, TypeError, r'pe must be an integer'),
    ('pe a string', make('0'), {}, TypeError, r'pe must be an integer'),
    ('pe None', make(None), {}, TypeError, r'pe'),
]
CTX_CASES = lambda make: [  # noqa: E731
    ('ctx CTX_INVALID', make('@ctx_invalid'), {}, ValueError, r'ctx is invalid'),
    ('ctx destroyed', make('@ctx_destroyed'), {}, ValueError, r'ctx is invalid'),
    ('ctx not a Ctx', make(5), {}, TypeError, r'ctx must be a Ctx'),
]
TEAM_CASES = lambda make: [  # noqa: E731
    ('team TEAM_INVALID', make('@team_invalid'), {}, ValueError, r'team is invalid'),
    ('team destroyed', make('@team_destroyed'), {}, ValueError, r'team is invalid'),
    ('team not a Team', make(5), {}, TypeError, r'team must be a Team'),
]

# RMA: put/get and their nonblocking forms.
for name, remote, local in (('put', 0, 1), ('put_nbi', 0, 1), ('get', 1, 0), ('get_nbi', 1, 0)):
    def args(t, s, pe='@me'):
        return (t, s, pe)
    sym_t, sym_s = ('@i4', '@src') if remote == 0 else ('@dst', '@i4')
    rem = 'target' if remote == 0 else 'source'
    loc = 'source' if remote == 0 else 'target'
    swap = (lambda r, l: (r, l)) if remote == 0 else (lambda r, l: (l, r))  # noqa: E731
    rows([name], [
        (f'{rem} not symmetric', args(*swap('@local', '@src' if remote == 0 else '@dst'), ), {}, ValueError,
         rf'{rem} is not in symmetric memory'),
        (f'{rem} freed', args(*swap('@freed', '@src' if remote == 0 else '@dst')), {}, ValueError,
         rf'{rem} is not in symmetric memory.*freed'),
        (f'{loc} a list', args(*swap('@i4', [1, 2, 3, 4])), {}, TypeError, rf'{loc}: object is not a NumPy array'),
        (f'{rem} a memoryview', args(*swap(memoryview(bytearray(16)), '@src' if remote == 0 else '@dst')), {},
         TypeError, rf'{rem}: object is not a NumPy array'),
        ('dtype mismatch', args(*swap('@i4', '@d4')), {}, errors.DTypeMismatchError, r'dtype'),
        ('unsupported dtype', args(*swap('@i4', '@bool4')), {}, errors.UnsupportedDTypeError, loc),
        ('target read-only', args('@ro', sym_s if remote == 0 else '@i4') if remote == 0 else args('@ro_local', '@i4'),
         {}, ValueError, r'target: array object is read-only'),
        (f'{rem} not contiguous', args(*swap('@strided', '@src2' if remote == 0 else '@dst2')), {}, ValueError,
         rf'{rem}: array object is not contiguous'),
        ('size too large', args(sym_t, sym_s), {'size': 5}, errors.SizeError, r'size = 5 exceeds'),
        ('size negative', args(sym_t, sym_s), {'size': -1}, ValueError, r'size = -1 must not be negative'),
        ('size a float', args(sym_t, sym_s), {'size': 2.0}, TypeError, r'size must be an integer'),
        ('unknown keyword', args(sym_t, sym_s), {'bogus': 1}, TypeError, r"unexpected keyword argument 'bogus'"),
        ('pe missing', (sym_t, sym_s), {}, TypeError, r"missing required argument 'pe'"),
    ] + PE_CASES(lambda pe: args(sym_t, sym_s, pe)) + [
        (label, args(sym_t, sym_s), {'ctx': ctx}, exc, m) for label, (ctx,), _, exc, m in CTX_CASES(lambda c: (c,))
    ])

# Strided RMA.
for name, sym_t, sym_s, rem in (('iput', '@i4', '@src', 'target'), ('iget', '@dst', '@i4', 'source')):
    rows([name], [
        (f'{rem} not symmetric', ('@local', '@src', '@me') if rem == 'target' else ('@dst', '@local', '@me'), {},
         ValueError, rf'{rem} is not in symmetric memory'),
        ('dtype mismatch', (sym_t, '@d4', '@me') if rem == 'target' else ('@d4', sym_s, '@me'), {},
         errors.DTypeMismatchError, r'dtype'),
        ('tst = 0', (sym_t, sym_s, '@me'), {'tst': 0}, ValueError, r'tst'),
        ('sst = -1', (sym_t, sym_s, '@me'), {'sst': -1}, ValueError, r'sst'),
        ('size negative', (sym_t, sym_s, '@me'), {'size': -1}, ValueError, r'size = -1'),
        ('size beyond the strides', (sym_t, sym_s, '@me'), {'tst': 2, 'size': 3}, errors.SizeError, r'size'),
    ] + PE_CASES(lambda pe, t=sym_t, s=sym_s: (t, s, pe))
      + [(label, (sym_t, sym_s, '@me'), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))])

for name, sym_t, sym_s, rem in (('ibput', '@i4', '@src', 'target'), ('ibget', '@dst', '@i4', 'source')):
    rows([name], [
        (f'{rem} not symmetric', ('@local', '@src', '@me') if rem == 'target' else ('@dst', '@local', '@me'), {},
         ValueError, rf'{rem} is not in symmetric memory'),
        ('bsize = -1', (sym_t, sym_s, '@me'), {'bsize': -1}, ValueError, r'bsize'),
        ('nblocks = -1', (sym_t, sym_s, '@me'), {'nblocks': -1}, ValueError, r'nblocks'),
        ('tst = 0', (sym_t, sym_s, '@me'), {'tst': 0}, ValueError, r'tst'),
        ('blocks beyond the arrays', (sym_t, sym_s, '@me'), {'tst': 2, 'sst': 2, 'nblocks': 3}, errors.SizeError,
         r'nblocks|bsize|exceed'),
    ] + PE_CASES(lambda pe, t=sym_t, s=sym_s: (t, s, pe))
      + [(label, (sym_t, sym_s, '@me'), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))])

# AMOs. Each family: the routines and how its args are built around (target, pe).
AMO_FAMILIES = {
    ('atomic_fetch',): lambda t, pe: (t, pe),
    ('atomic_inc', 'atomic_fetch_inc'): lambda t, pe: (t, pe),
    ('atomic_set', 'atomic_swap', 'atomic_add', 'atomic_fetch_add'): lambda t, pe: (t, 1, pe),
    ('atomic_and', 'atomic_fetch_and', 'atomic_or', 'atomic_fetch_or', 'atomic_xor', 'atomic_fetch_xor'):
        lambda t, pe: (t, 1, pe),
    ('atomic_compare_swap',): lambda t, pe: (t, 0, 1, pe),
    ('atomic_op', 'atomic_fetch_op'): lambda t, pe: (t, 1, 'add', pe),
}
NBI_FAMILIES = {
    ('atomic_fetch_nbi', 'atomic_fetch_inc_nbi'): lambda f, t, pe: (f, t, pe),
    ('atomic_swap_nbi', 'atomic_fetch_add_nbi', 'atomic_fetch_and_nbi', 'atomic_fetch_or_nbi',
     'atomic_fetch_xor_nbi'): lambda f, t, pe: (f, t, 1, pe),
    ('atomic_compare_swap_nbi',): lambda f, t, pe: (f, t, 0, 1, pe),
    ('atomic_fetch_op_nbi',): lambda f, t, pe: (f, t, 1, 'add', pe),
}
BITWISE = {'atomic_and', 'atomic_fetch_and', 'atomic_or', 'atomic_fetch_or', 'atomic_xor', 'atomic_fetch_xor',
           'atomic_fetch_and_nbi', 'atomic_fetch_or_nbi', 'atomic_fetch_xor_nbi'}
for family, make in AMO_FAMILIES.items():
    for name in family:
        t1 = '@u1' if name in BITWISE else '@l1'  # bitwise AMOs take unsigned dtypes only
        local1, l4, freed1 = ('@local_u1', '@u4', '@freed_u1') if name in BITWISE else ('@local1', '@l4', '@freed1')
        arg = 'source' if name == 'atomic_fetch' else 'target'
        rows([name], [
            (f'{arg} not symmetric', make(local1, '@me'), {}, ValueError, rf'{arg} is not in symmetric memory'),
            (f'{arg} freed', make(freed1, '@me'), {}, ValueError, rf'{arg} is not in symmetric memory.*freed'),
            (f'{arg} a list', make([0], '@me'), {}, TypeError, rf'{arg}: object is not a NumPy array'),
            (f'{arg} of 4 elements', make(l4, '@me'), {}, errors.SizeError, rf'{arg} must hold exactly one'),
            (f'{arg} unsupported dtype', make('@bool1', '@me'), {}, errors.UnsupportedDTypeError, arg),
            (f'{arg} dtype has no such AMO', make('@c1', '@me'), {}, errors.MissingRoutineError,
             r'no atomic_\w+ for dtype .D.'),
        ] + PE_CASES(lambda pe, make=make, t1=t1: make(t1, pe))
          + [(label, make(t1, '@me'), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))])
        if name in BITWISE:
            R.append((name, 'float target (bitwise AMO)', make('@d1', '@me'), {}, errors.MissingRoutineError,
                      rf'no {name}'))
        if len(make(t1, 0)) > 2:
            value_at = 1
            bad = list(make(t1, '@me'))
            bad[value_at] = 'x'
            R.append((name, 'value a string', tuple(bad), {}, TypeError, r'value|cond'))
            bad[value_at] = 2**70
            R.append((name, 'value overflows', tuple(bad), {}, OverflowError, r'value|cond|out of range'))
for name in ('atomic_op', 'atomic_fetch_op'):
    R.append((name, 'unknown op', ('@l1', 1, 'nand', '@me'), {}, AttributeError, r"no atomic operation 'nand'"))
    R.append((name, 'op not a string', ('@l1', 1, 3.5, '@me'), {}, AssertionError, r'op must be'))
R.append(('atomic_fetch_op_nbi', 'unknown op', ('@fetch', '@l1', 1, 'nand', '@me'), {}, AttributeError,
          r"no atomic operation 'nand'"))
for family, make in NBI_FAMILIES.items():
    for name in family:
        t1, f1 = ('@u1', '@fetch_u') if name in BITWISE else ('@l1', '@fetch')
        local1 = '@local_u1' if name in BITWISE else '@local1'
        arg = 'source' if name == 'atomic_fetch_nbi' else 'target'
        rows([name], [
            (f'{arg} not symmetric', make(f1, local1, '@me'), {}, ValueError,
             rf'{arg} is not in symmetric memory'),
            ('fetch a list', make([0], t1, '@me'), {}, TypeError, r'fetch: object is not a NumPy array'),
            ('fetch read-only', make('@fetch_ro', '@l1', '@me'), {}, ValueError, r'fetch: array object is read-only'),
            ('fetch dtype mismatch', make('@fetch_i', t1, '@me'), {}, errors.DTypeMismatchError, r'fetch dtype'),
        ] + PE_CASES(lambda pe, make=make, t1=t1, f1=f1: make(f1, t1, pe))
          + [(label, make(f1, t1, '@me'), {'ctx': c}, exc, m) for label, (c,), _, exc, m
             in CTX_CASES(lambda c: (c,))])

# Signals.
for name in ('put_signal', 'put_signal_nbi'):
    rows([name], [
        ('target not symmetric', ('@local', '@src', '@me', '@sig', 1, shmem.SIGNAL_SET), {}, ValueError,
         r'target is not in symmetric memory'),
        ('signal an array', ('@i4', '@src', '@me', '@l1', 1, shmem.SIGNAL_SET), {}, TypeError, r'signal must be a signal'),
        ('signal a lock', ('@i4', '@src', '@me', '@lock', 1, shmem.SIGNAL_SET), {}, TypeError, r'signal must be a signal'),
        ('signal freed', ('@i4', '@src', '@me', '@sig_freed', 1, shmem.SIGNAL_SET), {}, ValueError, r'signal was already freed'),
        ('sigop unknown', ('@i4', '@src', '@me', '@sig', 1, 7), {}, ValueError, r'sigop = 7'),
        ('sigop a name', ('@i4', '@src', '@me', '@sig', 1, 'xor'), {}, TypeError, r'sigop must be an integer'),
        ('size too large', ('@i4', '@src', '@me', '@sig', 1, shmem.SIGNAL_SET), {'size': 5}, errors.SizeError, r'size = 5'),
    ] + PE_CASES(lambda pe: ('@i4', '@src', pe, '@sig', 1, shmem.SIGNAL_SET))
      + [(label, ('@i4', '@src', '@me', '@sig', 1, shmem.SIGNAL_SET), {'ctx': c}, exc, m) for label, (c,), _, exc, m
         in CTX_CASES(lambda c: (c,))])
for name in ('signal_add', 'signal_set'):
    rows([name], [
        ('signal an array', ('@l1', 1, '@me'), {}, TypeError, r'signal must be a signal'),
        ('signal freed', ('@sig_freed', 1, '@me'), {}, ValueError, r'signal was already freed'),
        ('value a string', ('@sig', 'x', '@me'), {}, TypeError, r'value'),
    ] + PE_CASES(lambda pe: ('@sig', 1, pe))
      + [(label, ('@sig', 1, '@me'), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))])
rows(['signal_fetch'], [
    ('signal an array', ('@l1',), {}, TypeError, r'signal must be a signal'),
    ('signal freed', ('@sig_freed',), {}, ValueError, r'signal was already freed'),
    ('signal a lock', ('@lock',), {}, TypeError, r'signal must be a signal'),
])
rows(['signal_wait_until'], [
    ('signal an array', ('@l1', 'ge', 0), {}, TypeError, r'signal must be a signal'),
    ('signal freed', ('@sig_freed', 'ge', 0), {}, ValueError, r'signal was already freed'),
    ('unknown comparison', ('@sig', 'approx', 0), {}, AttributeError, r"unknown comparison 'approx'"),
    ('cmp out of range', ('@sig', 99, 0), {}, ValueError, r'cmp = 99'),
    ('value a string', ('@sig', 'ge', 'x'), {}, TypeError, r'value'),
])

# Point-to-point synchronization.
for name in ('wait_until', 'test'):
    rows([name], [
        ('ivar not symmetric', ('@local1', 'ge', 0), {}, ValueError, r'ivar is not in symmetric memory'),
        ('ivar freed', ('@freed1', 'ge', 0), {}, ValueError, r'ivar is not in symmetric memory'),
        ('ivar a list', ([0], 'ge', 0), {}, TypeError, r'ivar: object is not a NumPy array'),
        ('ivar of 4 elements', ('@l4', 'ge', 0), {}, errors.SizeError, r'ivar must hold exactly one'),
        ('ivar float', ('@d1', 'ge', 0), {}, errors.MissingRoutineError, r'dtype'),
        ('unknown comparison', ('@l1', 'approx', 0), {}, AttributeError, r"unknown comparison 'approx'"),
        ('cmp out of range', ('@l1', -3, 0), {}, ValueError, r'cmp = -3'),
        ('cmp a float', ('@l1', 1.5, 0), {}, TypeError, r'cmp must be an integer'),
        ('value a string', ('@l1', 'ge', 'x'), {}, TypeError, r'value'),
        ('value overflows', ('@l1', 'ge', 2**70), {}, OverflowError, r'value'),
    ])
for kind in ('all', 'any', 'some'):
    for name in (f'wait_until_{kind}', f'test_{kind}'):
        rows([name], [
            ('ivars not symmetric', ('@local_l4', 'ge', 0), {}, ValueError, r'ivars is not in symmetric memory'),
            ('ivars a list', ([0, 0], 'ge', 0), {}, TypeError, r'ivars: object is not a NumPy array'),
            ('unknown comparison', ('@l4', 'approx', 0), {}, AttributeError, r"unknown comparison 'approx'"),
            ('status too short', ('@l4', 'ge', 0), {'status': '@status2'}, errors.SizeError, r'status holds 2'),
            ('status not numbers', ('@l4', 'ge', 0), {'status': ['a'] * 4}, TypeError, r'status must be an array'),
        ])
    for name in (f'wait_until_{kind}_vector', f'test_{kind}_vector'):
        rows([name], [
            ('ivars not symmetric', ('@local_l4', 'ge', '@zeros_l4'), {}, ValueError,
             r'ivars is not in symmetric memory'),
            ('values too short', ('@l4', 'ge', '@zeros_l2'), {}, errors.SizeError, r'values holds 2'),
            ('values not numbers', ('@l4', 'ge', ['x'] * 4), {}, ValueError, r'x'),
            ('unknown comparison', ('@l4', 'approx', '@zeros_l4'), {}, AttributeError, r"unknown comparison"),
        ])

# Locks.
for name in ('set_lock', 'test_lock', 'clear_lock'):
    rows([name], [
        ('lock an array', ('@l1',), {}, TypeError, r'lock must be a lock'),
        ('lock a signal', ('@sig',), {}, TypeError, r'lock must be a lock'),
        ('lock freed', ('@lock_freed',), {}, ValueError, r'lock was already freed'),
    ])

# Ordering and completion.
for name in ('quiet', 'fence'):
    rows([name], [(label, (), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))
                  if label != 'ctx CTX_INVALID'])  # 1.6: quiet/fence on CTX_INVALID do nothing
rows(['pe_quiet'], [
    ('pes out of range', ('@npes',), {}, ValueError, r'pe'),
    ('pes negative', ([0, -1],), {}, ValueError, r'pe'),
    ('pes a float', (1.0,), {}, TypeError, r'pes'),
    ('pes a list of strings', (['0'],), {}, TypeError, r'pes'),
] + [(label, (0,), {'ctx': c}, exc, m) for label, (c,), _, exc, m in CTX_CASES(lambda c: (c,))])
rows(['sync'], TEAM_CASES(lambda t: (t,)))

# Collectives: every argument is bad on every PE, so each PE raises before entering.
COLL = {
    'broadcast': lambda t, s: (t, s, 0),
    'collect': lambda t, s: (t, s), 'fcollect': lambda t, s: (t, s),
    'alltoall': lambda t, s: (t, s), 'alltoalls': lambda t, s: (t, s),
    'reduce': lambda t, s: (t, s), 'sum_inscan': lambda t, s: (t, s), 'sum_exscan': lambda t, s: (t, s),
    **{f'{op}_reduce': (lambda t, s: (t, s)) for op in ('and', 'or', 'xor', 'max', 'min', 'sum', 'prod')},
}
for name, make in COLL.items():
    tgt, src = ('@ctgt_u', '@csrc_u') if name in ('and_reduce', 'or_reduce', 'xor_reduce') else ('@ctgt', '@csrc')
    rows([name], [
        ('target not symmetric', make('@ctgt_local', '@csrc'), {}, ValueError, r'target is not in symmetric memory'),
        ('source not symmetric', make('@ctgt', '@csrc_local'), {}, ValueError, r'source is not in symmetric memory'),
        ('target freed', make('@cfreed', '@csrc'), {}, ValueError, r'target is not in symmetric memory'),
        ('target read-only', make('@ctgt_ro', '@csrc'), {}, ValueError, r'target: array object is read-only'),
        ('source a list', make('@ctgt', [1, 2]), {}, TypeError, r'source: object is not a NumPy array'),
        ('dtype mismatch', make('@ctgt', '@csrc_d'), {}, errors.DTypeMismatchError, r'dtype'),
        ('size negative', make(tgt, src), {'size': -1}, ValueError, r'size = -1'),
        ('size too large', make(tgt, src), {'size': 10**6}, errors.SizeError, r'size = 1000000'),
    ] + [(label, make(tgt, src), {'team': t}, exc, m) for label, (t,), _, exc, m
         in TEAM_CASES(lambda t: (t,))])
rows(['broadcast'], [
    ('root = npes', ('@ctgt', '@csrc', '@npes'), {}, ValueError, r'root'),
    ('root = -1', ('@ctgt', '@csrc', -1), {}, ValueError, r'root'),
    ('root a float', ('@ctgt', '@csrc', 0.0), {}, TypeError, r'root must be an integer'),
])
rows(['alltoalls'], [
    ('tst = 0', ('@ctgt', '@csrc'), {'tst': 0}, ValueError, r'tst'),
    ('sst = -2', ('@ctgt', '@csrc'), {'sst': -2}, ValueError, r'sst'),
])
rows(['reduce'], [
    ('unknown op', ('@ctgt', '@csrc', 'mean'), {}, (AttributeError, ValueError), r"mean"),
    ('op not a string', ('@ctgt', '@csrc', 7), {}, (TypeError, AssertionError), r'op'),
    ('bitwise op on floats', ('@ctgt_d', '@csrc_d', 'xor'), {}, errors.MissingRoutineError, r'xor'),
])
for op in ('and', 'or', 'xor'):
    R.append((f'{op}_reduce', 'float arrays', ('@ctgt_d', '@csrc_d'), {}, errors.MissingRoutineError, op))
for op in ('max', 'min'):
    R.append((f'{op}_reduce', 'complex arrays', ('@ctgt_c', '@csrc_c'), {}, errors.MissingRoutineError, op))

# Pointers and accessibility.
# A local array or TEAM_INVALID is an answer here (None / False, as the spec's NULL), not an error.
rows(['ptr', 'addr_accessible'], [
    ('a list', ([1], '@me'), {}, TypeError, r'not a NumPy array'),
] + PE_CASES(lambda pe: ('@i4', pe))[2:])
rows(['team_ptr'], [
    ('pe a string', ('@i4', '0'), {}, TypeError, r'pe must be an integer'),
] + [(label, ('@i4', 0), {'team': t}, exc, m) for label, (t,), _, exc, m in TEAM_CASES(lambda t: (t,))][1:])
rows(['pe_accessible'], PE_CASES(lambda pe: (pe,))[2:])

# Memory (collective: the bad argument is the same on every PE).
rows(['alloc'], [
    ('count negative', (-1,), {}, ValueError, r'count = -1 must not be negative'),
    ('size negative', (4, -1), {}, ValueError, r'size = -1 must not be negative'),
    ('count a float', (4.0,), {}, TypeError, r'count must be an integer'),
    ('align not a power of two', (4,), {'align': 3}, ValueError, r'align = 3 is not a power of two'),
    ('align zero', (4,), {'align': 0}, ValueError, r'align must be positive'),
    ('too large for the heap', (2**50,), {}, MemoryError, r'symmetric heap cannot hold'),
    ('overflowing count', (2**62, 8), {}, OverflowError, r'overflow'),
])
rows(['new_array', 'empty', 'zeros', 'ones'], [
    ('negative shape', (-1,), {}, ValueError, r'count = -1 must not be negative'),
    ('unknown dtype name', (4, 'nodtype'), {}, TypeError, r'nodtype'),
])
rows(['full'], [
    ('negative shape', (-1, 0), {}, ValueError, r'count = -1 must not be negative'),
    ('fill value not a number', (4, 'x', 'i'), {}, ValueError, r'x'),
])
rows(['array'], [
    ('ragged object', ([[1], [1, 2]],), {}, ValueError, r'inhomogeneous|sequence'),
])
rows(['free'], [
    ('not symmetric', ('@local',), {}, AssertionError, r'not in symmetric memory'),
    ('freed twice', ('@freed',), {}, KeyError, r'already freed'),
    ('a list', ([1],), {}, AssertionError, r'expected memory from shmem.alloc'),
])
rows(['del_array'], [
    ('a list', ([1],), {}, AssertionError, r'a must be a NumPy array'),
    ('not symmetric', ('@local',), {}, AssertionError, r'not in symmetric memory'),
])
rows(['fromalloc'], [
    ('not from alloc', ('@local',), {}, AssertionError, r'mem must be memory returned by shmem.alloc'),
    ('shape too large', ('@mem', 100, 'i'), {}, AssertionError, r'mem is too small'),
])
rows(['del_signal'], [
    ('a lock', ('@lock',), {}, AssertionError, r'not a signal'),
    ('an array', ('@l1',), {}, AssertionError, r'not a signal'),
    ('freed', ('@sig_freed',), {}, KeyError, r'already freed'),
])
rows(['del_lock'], [
    ('a signal', ('@sig',), {}, AssertionError, r'not a lock'),
    ('freed', ('@lock_freed',), {}, KeyError, r'already freed'),
])

# Setup, teams and the rest.
rows(['init_thread'], [
    ('level out of range', (17,), {}, ValueError, r'requested = 17'),
    ('level a string', ('multiple',), {}, (TypeError, ValueError), r'multiple|invalid literal'),
])
rows(['global_exit'], [('status a string', ('x',), {}, ValueError, r"invalid literal.*'x'")])
rows(['pcontrol'], [('level a string', ('x',), {}, ValueError, r"invalid literal.*'x'")])
rows(['get_comm'], TEAM_CASES(lambda t: (t,))[:1] + [
    ('team not a Team', (5,), {}, AttributeError, r'get_comm'),
])
rows(['info_get_name', 'info_get_version', 'my_pe', 'n_pes', 'query_thread', 'query_initialized',
      'barrier_all', 'sync_all', 'new_signal', 'new_lock', 'init', 'finalize'], [
    ('an unexpected argument', (1,), {}, TypeError, r'argument'),
])

# Routines with no argument that can be wrong beyond arity (the row above), with the reason.
NO_BAD_VALUE = {
    'info_get_name': 'no arguments', 'info_get_version': 'no arguments', 'my_pe': 'no arguments',
    'n_pes': 'no arguments', 'query_thread': 'no arguments', 'query_initialized': 'no arguments',
    'barrier_all': 'no arguments', 'sync_all': 'no arguments', 'new_signal': 'no arguments',
    'new_lock': 'no arguments',
    'init': 'no arguments; nested init is legal (1.6) and is tested in test_openshmem16.py',
    'finalize': 'no arguments; a correct call would end this initialization (test_reinit.py covers it)',
}

TABLE_ROUTINES = {row[0] for row in R}

# ---------------------------------------------------------------------------------------------
# The correct call run right after each row: (positional args, keyword args, what to check).
# A check is ('returns', value) or ('holds', '@array', values); values may hold '@' references.

GOOD = {
    'put': (('@i4', '@src', '@me'), {}, ('holds', '@i4', [0, 1, 2, 3])),
    'put_nbi': (('@i4', '@src', '@me'), {}, ('quiet-holds', '@i4', [0, 1, 2, 3])),
    'get': (('@dst', '@i4', '@me'), {}, ('holds', '@dst', [5, 5, 5, 5])),
    'get_nbi': (('@dst', '@i4', '@me'), {}, ('quiet-holds', '@dst', [5, 5, 5, 5])),
    'iput': (('@i4', '@src', '@me'), {'tst': 2, 'sst': 1, 'size': 2}, ('holds', '@i4', [0, 5, 1, 5])),
    'iget': (('@dst', '@i4', '@me'), {'tst': 1, 'sst': 2, 'size': 2}, ('holds', '@dst', [5, 5, -1, -1])),
    'ibput': (('@i4', '@src', '@me'), {'tst': 2, 'sst': 2, 'bsize': 1, 'nblocks': 2}, ('holds', '@i4', [0, 5, 2, 5])),
    'ibget': (('@dst', '@i4', '@me'), {'tst': 2, 'sst': 2, 'bsize': 1, 'nblocks': 2},
              ('holds', '@dst', [5, -1, 5, -1])),
    'atomic_fetch': (('@l1', '@me'), {}, ('returns', 7)),
    'atomic_set': (('@l1', 9, '@me'), {}, ('holds', '@l1', [9])),
    'atomic_swap': (('@l1', 9, '@me'), {}, ('returns-holds', 7, '@l1', [9])),
    'atomic_compare_swap': (('@l1', 7, 9, '@me'), {}, ('returns-holds', 7, '@l1', [9])),
    'atomic_inc': (('@l1', '@me'), {}, ('holds', '@l1', [8])),
    'atomic_fetch_inc': (('@l1', '@me'), {}, ('returns-holds', 7, '@l1', [8])),
    'atomic_add': (('@l1', 3, '@me'), {}, ('holds', '@l1', [10])),
    'atomic_fetch_add': (('@l1', 3, '@me'), {}, ('returns-holds', 7, '@l1', [10])),
    'atomic_and': (('@u1', 3, '@me'), {}, ('holds', '@u1', [3])),
    'atomic_fetch_and': (('@u1', 3, '@me'), {}, ('returns-holds', 7, '@u1', [3])),
    'atomic_or': (('@u1', 8, '@me'), {}, ('holds', '@u1', [15])),
    'atomic_fetch_or': (('@u1', 8, '@me'), {}, ('returns-holds', 7, '@u1', [15])),
    'atomic_xor': (('@u1', 5, '@me'), {}, ('holds', '@u1', [2])),
    'atomic_fetch_xor': (('@u1', 5, '@me'), {}, ('returns-holds', 7, '@u1', [2])),
    'atomic_op': (('@l1', 5, 'add', '@me'), {}, ('holds', '@l1', [12])),
    'atomic_fetch_op': (('@l1', 5, 'add', '@me'), {}, ('returns-holds', 7, '@l1', [12])),
    'atomic_fetch_nbi': (('@fetch', '@l1', '@me'), {}, ('quiet-holds', '@fetch', [7])),
    'atomic_swap_nbi': (('@fetch', '@l1', 9, '@me'), {}, ('quiet-holds', '@fetch', [7])),
    'atomic_compare_swap_nbi': (('@fetch', '@l1', 7, 9, '@me'), {}, ('quiet-holds', '@l1', [9])),
    'atomic_fetch_inc_nbi': (('@fetch', '@l1', '@me'), {}, ('quiet-holds', '@l1', [8])),
    'atomic_fetch_add_nbi': (('@fetch', '@l1', 3, '@me'), {}, ('quiet-holds', '@l1', [10])),
    'atomic_fetch_and_nbi': (('@fetch_u', '@u1', 3, '@me'), {}, ('quiet-holds', '@u1', [3])),
    'atomic_fetch_or_nbi': (('@fetch_u', '@u1', 8, '@me'), {}, ('quiet-holds', '@u1', [15])),
    'atomic_fetch_xor_nbi': (('@fetch_u', '@u1', 5, '@me'), {}, ('quiet-holds', '@u1', [2])),
    'atomic_fetch_op_nbi': (('@fetch', '@l1', 5, 'add', '@me'), {}, ('quiet-holds', '@l1', [12])),
    'put_signal': (('@i4', '@src', '@me', '@sig', 4, shmem.SIGNAL_SET), {}, ('signal-holds', '@i4', [0, 1, 2, 3], 4)),
    'put_signal_nbi': (('@i4', '@src', '@me', '@sig', 4, shmem.SIGNAL_ADD), {}, ('signal-holds', '@i4', [0, 1, 2, 3], 4)),
    'signal_add': (('@sig', 6, '@me'), {}, ('signal-holds', None, None, 6)),
    'signal_set': (('@sig', 6, '@me'), {}, ('signal-holds', None, None, 6)),
    'signal_fetch': (('@sig',), {}, ('returns', 0)),
    'signal_wait_until': (('@sig', 'ge', 0), {}, ('returns', 0)),
    'wait_until': (('@l1', 'eq', 7), {}, ('returns', None)),
    'test': (('@l1', 'eq', 7), {}, ('returns', True)),
    'wait_until_all': (('@l4', 'eq', 0), {}, ('returns', None)),
    'wait_until_any': (('@l4', 'eq', 0), {}, ('returns-in', [0, 1, 2, 3])),  # any satisfied index
    'wait_until_some': (('@l4', 'eq', 0), {}, ('returns', [0, 1, 2, 3])),
    'test_all': (('@l4', 'eq', 0), {}, ('returns', True)),
    'test_any': (('@l4', 'eq', 0), {}, ('returns-in', [0, 1, 2, 3])),  # any satisfied index
    'test_some': (('@l4', 'eq', 0), {}, ('returns', [0, 1, 2, 3])),
    'wait_until_all_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns', None)),
    'wait_until_any_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns-in', [0, 1, 2, 3])),  # any satisfied index
    'wait_until_some_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns', [0, 1, 2, 3])),
    'test_all_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns', True)),
    'test_any_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns-in', [0, 1, 2, 3])),  # any satisfied index
    'test_some_vector': (('@l4', 'eq', '@zeros_l4'), {}, ('returns', [0, 1, 2, 3])),
    'set_lock': (('@lock',), {}, ('then-clear', None)),
    'test_lock': (('@lock',), {}, ('retry-then-clear', None)),  # other PEs contend for it
    'clear_lock': (('@lock',), {}, ('after-set-lock', None)),  # clearing an unheld lock is erroneous
    'quiet': ((), {}, ('returns', None)),
    'fence': ((), {}, ('returns', None)),
    'pe_quiet': (('@me',), {}, ('returns', None)),
    'sync': ((), {}, ('returns', None)),
    'broadcast': (('@ctgt', '@csrc', 0), {}, ('holds-coll', '@ctgt', 'bcast')),
    'collect': (('@ctgt', '@csrc'), {'size': 1}, ('holds-coll', '@ctgt', 'collect')),
    'fcollect': (('@ctgt', '@csrc'), {'size': 1}, ('holds-coll', '@ctgt', 'collect')),
    'alltoall': (('@ctgt', '@csrc'), {'size': 1}, ('holds-coll', '@ctgt', 'alltoall')),
    'alltoalls': (('@ctgt', '@csrc'), {'size': 1}, ('holds-coll', '@ctgt', 'alltoall')),
    'reduce': (('@ctgt', '@csrc', 'sum'), {}, ('holds-coll', '@ctgt', 'sum')),
    'and_reduce': (('@ctgt_u', '@csrc_u'), {}, ('holds-coll', '@ctgt_u', 'and')),
    'or_reduce': (('@ctgt_u', '@csrc_u'), {}, ('holds-coll', '@ctgt_u', 'or')),
    'xor_reduce': (('@ctgt_u', '@csrc_u'), {}, ('holds-coll', '@ctgt_u', 'xor')),
    'max_reduce': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'max')),
    'min_reduce': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'min')),
    'sum_reduce': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'sum')),
    'prod_reduce': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'prod')),
    'sum_inscan': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'inscan')),
    'sum_exscan': (('@ctgt', '@csrc'), {}, ('holds-coll', '@ctgt', 'exscan')),
    'ptr': (('@i4', '@me'), {}, ('ptr', None)),
    'team_ptr': (('@i4', '@me'), {'team': '@team_world'}, ('ptr', None)),
    'addr_accessible': (('@i4', '@me'), {}, ('returns', True)),
    'pe_accessible': (('@me',), {}, ('returns', True)),
    'alloc': ((4,), {}, ('alloc', 4)),
    'new_array': ((3, 'i'), {}, ('alloc', [0, 0, 0])),
    'empty': ((3, 'i'), {}, ('alloc', None)),
    'zeros': ((3, 'i'), {}, ('alloc', [0, 0, 0])),
    'ones': ((3, 'i'), {}, ('alloc', [1, 1, 1])),
    'full': ((3, 2, 'i'), {}, ('alloc', [2, 2, 2])),
    'array': (([4, 5, 6],), {}, ('alloc', [4, 5, 6])),
    'free': ((), {}, ('free', None)),
    'del_array': ((), {}, ('free', None)),
    'fromalloc': (('@mem', 4, 'i'), {}, ('returns-len', 4)),
    'del_signal': ((), {}, ('del-word', 'signal')),
    'del_lock': ((), {}, ('del-word', 'lock')),
    'init_thread': ((), {}, ('nested', None)),
    'global_exit': ((), {}, ('skip', 'a correct call ends the job')),
    'pcontrol': ((0,), {}, ('returns', None)),
    'get_comm': ((), {}, ('comm', None)),
    'info_get_name': ((), {}, ('returns', shmem.VENDOR_STRING)),
    'info_get_version': ((), {}, ('returns', (shmem.MAJOR_VERSION, shmem.MINOR_VERSION))),
    'my_pe': ((), {}, ('returns', '@me')),
    'n_pes': ((), {}, ('returns', '@npes')),
    'query_thread': ((), {}, ('returns-type', shmem.THREAD)),
    'query_initialized': ((), {}, ('returns', True)),
    'barrier_all': ((), {}, ('returns', None)),
    'sync_all': ((), {}, ('returns', None)),
    'new_signal': ((), {}, ('del-word', 'new-signal')),
    'new_lock': ((), {}, ('del-word', 'new-lock')),
    'init': ((), {}, ('nested', None)),
    'finalize': ((), {}, ('skip', 'a correct call ends this initialization')),
}


def public_routines():
    """The public functions of shmem (classes, enumerations and constants excluded)."""
    return sorted(name for name in dir(shmem)
                  if not name.startswith('_') and callable(getattr(shmem, name))
                  and not isinstance(getattr(shmem, name), type) and name not in ('ffi', 'lib'))


def test_table_covers_every_routine():
    missing = [r for r in public_routines() if r not in TABLE_ROUTINES]
    assert not missing, f'routines of shmem with no bad-input row (add rows or a NO_BAD_VALUE reason): {missing}'
    no_good = [r for r in public_routines() if r not in GOOD]
    assert not no_good, f'routines with no correct call to run after their rows: {no_good}'
    unknown = sorted(TABLE_ROUTINES - set(public_routines()))
    assert not unknown, f'rows name routines shmem does not have: {unknown}'


# ---------------------------------------------------------------------------------------------
# The objects rows refer to, built once (allocation is collective: every PE builds the same).


class Env(dict):
    def resolve(self, value):
        if isinstance(value, str) and value.startswith('@'):
            return self[value[1:]]
        if isinstance(value, (list, tuple)) and not isinstance(value, np.ndarray):
            return type(value)(self.resolve(v) for v in value)
        return value

    def reset(self, sync=True):
        """Known values; with ``sync`` then a barrier, so no peer's collective writes into them before
        every PE has reset (the bad call needs none: it touches nothing)."""
        self['i4'][:] = 5
        self['src'][:] = np.arange(4, dtype='i')
        self['dst'][:] = -1
        self['l1'][:] = 7
        self['u1'][:] = 7
        self['fetch_u'][:] = 0
        self['csrc_u'][:] = self['me'] + 1
        self['ctgt_u'][:] = 0
        self['l4'][:] = 0
        self['fetch'][:] = -1
        self['sig'][0] = 0
        me = self['me']
        self['csrc'][:] = me + 1
        self['ctgt'][:] = -1
        if sync:
            shmem.barrier_all()


def build_env():
    e = Env(me=shmem.my_pe(), npes=shmem.n_pes())
    npes = e['npes']
    e['i4'] = shmem.zeros(4, 'i')
    e['src'] = np.arange(4, dtype='i')
    e['src2'] = np.zeros(2, 'i')
    e['dst'] = np.zeros(4, 'i')
    e['dst2'] = np.zeros(2, 'i')
    e['local'] = np.zeros(4, 'i')
    e['local1'] = np.zeros(1, 'l')
    e['local_u1'] = np.zeros(1, 'L')
    e['local_l4'] = np.zeros(4, 'l')
    e['d4'] = np.zeros(4, 'd')
    e['bool4'] = np.zeros(4, '?')
    e['ro'] = e['i4'].view()
    e['ro'].flags.writeable = False
    e['ro_local'] = np.zeros(4, 'i')
    e['ro_local'].flags.writeable = False
    e['sym8'] = shmem.zeros(8, 'i')
    e['strided'] = e['sym8'][::2]
    e['l1'] = shmem.zeros(1, 'l')
    e['u1'] = shmem.zeros(1, 'L')
    e['u4'] = shmem.zeros(4, 'L')
    e['fetch_u'] = np.zeros(1, 'L')
    e['ctgt_u'] = shmem.zeros(npes, 'L')
    e['csrc_u'] = shmem.zeros(npes, 'L')
    e['l4'] = shmem.zeros(4, 'l')
    e['d1'] = shmem.zeros(1, 'd')
    e['c1'] = shmem.zeros(1, 'D')
    e['bool1'] = shmem.zeros(1, '?')
    e['fetch'] = np.zeros(1, 'l')
    e['fetch_i'] = np.zeros(1, 'i')
    e['fetch_ro'] = np.zeros(1, 'l')
    e['fetch_ro'].flags.writeable = False
    e['status2'] = np.zeros(2, 'i')
    e['status_d'] = np.zeros(4, 'd')
    e['zeros_l4'] = np.zeros(4, 'l')
    e['zeros_l2'] = np.zeros(2, 'l')
    e['zeros_d4'] = np.zeros(4, 'd')
    e['sig'] = shmem.new_signal()
    e['sig_freed'] = shmem.new_signal()
    shmem.del_signal(e['sig_freed'])
    e['lock'] = shmem.new_lock()
    e['lock_freed'] = shmem.new_lock()
    shmem.del_lock(e['lock_freed'])
    e['mem'] = shmem.alloc(16)
    # Collective buffers: npes elements, so every collective's correct call fits.
    e['ctgt'] = shmem.zeros(npes, 'l')
    e['csrc'] = shmem.zeros(npes, 'l')
    e['ctgt_local'] = np.zeros(npes, 'l')
    e['csrc_local'] = np.zeros(npes, 'l')
    e['csrc_d'] = shmem.zeros(npes, 'd')
    e['ctgt_d'] = shmem.zeros(npes, 'd')
    e['csrc_c'] = shmem.zeros(npes, 'D')
    e['ctgt_c'] = shmem.zeros(npes, 'D')
    e['ctgt_ro'] = e['ctgt'].view()
    e['ctgt_ro'].flags.writeable = False
    e['ctx_invalid'] = shmem.CTX_INVALID
    ctx = shmem.Ctx.create()
    e['ctx_destroyed'] = shmem.Ctx(ctx)  # an alias keeps the handle the destroy invalidates
    ctx.destroy()
    e['team_invalid'] = shmem.TEAM_INVALID
    team = shmem.TEAM_WORLD.split_strided(0, 1, npes)
    e['team_destroyed'] = shmem.Team(team)
    team.destroy()
    e['team_world'] = shmem.TEAM_WORLD
    # Freed last and never allocated again by the table: arrays are recognised by address, so a
    # freed array is refused until a new allocation reuses its memory (docs/troubleshooting.md).
    e['freed'] = shmem.zeros(4, 'i')
    e['freed1'] = shmem.zeros(1, 'l')
    e['cfreed'] = shmem.zeros(npes, 'l')
    e['freed_u1'] = shmem.zeros(1, 'L')
    for name in ('freed', 'freed1', 'cfreed', 'freed_u1'):
        shmem.free(e[name])
    return e


@pytest.fixture(scope='module')
def env():
    yield build_env()
    shmem.barrier_all()


def check_collective(env, target, what):
    me, npes = env['me'], env['npes']
    got = env.resolve(target).tolist()
    src = [me + 1] * npes
    expected = {
        'bcast': [1] * npes if me != 0 or True else src,
        'collect': list(range(1, npes + 1)),
        'alltoall': [p + 1 for p in range(npes)],
        'sum': [npes * (npes + 1) // 2] * npes,
        'prod': [int(np.prod(range(1, npes + 1)))] * npes,
        'max': [npes] * npes,
        'min': [1] * npes,
        'and': [int(np.bitwise_and.reduce(np.arange(1, npes + 1)))] * npes,
        'or': [int(np.bitwise_or.reduce(np.arange(1, npes + 1)))] * npes,
        'xor': [int(np.bitwise_xor.reduce(np.arange(1, npes + 1)))] * npes,
        'inscan': [(me + 1) * (me + 2) // 2] * npes,
        'exscan': [me * (me + 1) // 2] * npes,
    }[what]
    if what == 'collect':
        got = got[:npes]
    if what == 'exscan' and me == 0:
        return  # PE 0's exscan result is unspecified
    assert got == expected, f'{what}: {got} != {expected} (src {src})'


def run_good(env, routine):
    args, kwargs, check = GOOD[routine]
    kind = check[0]
    if kind == 'skip':
        return
    env.reset()
    call = getattr(shmem, routine)
    if kind in ('free', 'del-word'):
        if kind == 'free' or check[1] in ('new-signal', 'new-lock', 'signal', 'lock'):
            pass
        if kind == 'free':
            a = shmem.zeros(2, 'i')
            call(a)
            with pytest.raises(ValueError, match='freed'):
                shmem.put(a, np.zeros(2, 'i'), env['me'])
            return
        new, delete = {'signal': (shmem.new_signal, shmem.del_signal), 'lock': (shmem.new_lock, shmem.del_lock),
                       'new-signal': (shmem.new_signal, shmem.del_signal),
                       'new-lock': (shmem.new_lock, shmem.del_lock)}[check[1]]
        word = new()
        assert word[0] == 0
        delete(word)
        return
    if kind == 'after-set-lock':
        shmem.set_lock(env['lock'])
    result = call(*env.resolve(args), **{k: env.resolve(v) for k, v in kwargs.items()})
    if kind == 'returns':
        expected = env.resolve(check[1])
        if isinstance(expected, list):
            result = sorted(np.asarray(result).tolist())
        assert result == expected
    elif kind == 'returns-in':
        assert result in check[1]
    elif kind == 'returns-type':
        assert isinstance(result, check[1])
    elif kind == 'returns-len':
        assert len(result) == check[1]
    elif kind in ('holds', 'quiet-holds', 'returns-holds'):
        if kind == 'quiet-holds':
            shmem.quiet()
        if kind == 'returns-holds':
            assert result == check[1]
            check = check[1:]
        assert env.resolve(check[1]).tolist() == check[2]
    elif kind == 'signal-holds':
        shmem.quiet()
        if check[1] is not None:
            assert env.resolve(check[1]).tolist() == check[2]
        assert shmem.signal_fetch(env['sig']) == check[3]
    elif kind == 'after-set-lock':  # released: this PE can take it again (else it would wait on itself)
        shmem.set_lock(env['lock'])
        shmem.clear_lock(env['lock'])
    elif kind == 'retry-then-clear':
        while result:  # True: another PE holds it
            result = call(env['lock'])
        shmem.clear_lock(env['lock'])
    elif kind == 'then-clear':
        if check[1] is not None:
            assert result == check[1]
        shmem.clear_lock(env['lock'])
    elif kind == 'holds-coll':
        check_collective(env, check[1], check[2])
    elif kind == 'ptr':
        assert result is not None and result.tolist() == [5, 5, 5, 5]
    elif kind == 'alloc':
        if check[1] is not None:
            expected = check[1]
            got = result.tolist() if isinstance(result, np.ndarray) else len(result)
            assert got == expected
        shmem.free(result)
    elif kind == 'nested':  # OpenSHMEM 1.6: init nests; the matching finalize keeps this one
        shmem.finalize()
        assert shmem.query_initialized()
    elif kind == 'comm':
        comm = result
        assert comm.Get_size() == env['npes'] and comm.Get_rank() == env['me']
    else:  # pragma: no cover
        raise AssertionError(f'unknown check {kind}')


@pytest.mark.parametrize('routine,label,args,kwargs,exc,match', R, ids=[f'{r[0]}:{r[1]}' for r in R])
def test_bad_input(env, routine, label, args, kwargs, exc, match):
    del label
    env.reset(sync=False)
    call = getattr(shmem, routine)
    with pytest.raises(exc, match=match):
        call(*env.resolve(args), **{k: env.resolve(v) for k, v in kwargs.items()})
    run_good(env, routine)
