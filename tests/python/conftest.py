"""Shared pytest setup for the shmem4py suites, run on every PE under mpiexec.

Each PE runs the same tests in the same order. After every test all PEs meet in a barrier, so a
test that fails on one PE after its collectives cannot leave the others inside the next test's
collectives; tests keep their collectives before their asserts for the same reason. pytest's exit
status on any PE fails the mpiexec run.
"""
import pytest

from shmem4py import shmem


@pytest.fixture(autouse=True)
def _align_pes():
    yield
    shmem.barrier_all()


@pytest.fixture
def me():
    return shmem.my_pe()


@pytest.fixture
def npes():
    return shmem.n_pes()
