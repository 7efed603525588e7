"""``python -m shmem4py``: prints the package and its version (arguments are ignored)."""
from . import __name__ as package, __version__


def main():
    print(package, __version__)


if __name__ == '__main__':
    main()
