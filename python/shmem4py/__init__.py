"""OpenSHMEM for Python, on the oshmpi-cpp runtime.

A drop-in for the public shmem4py 1.0 package: ``from shmem4py import shmem``. Importing this
package does not initialize OpenSHMEM; importing ``shmem4py.shmem`` does, as ``rc`` says.
"""
__version__ = '1.0.0'
__author__ = 'Lisandro Dalcin'
__credits__ = 'OpenSHMEM Team'


class Rc:
    """Runtime configuration, read when ``shmem4py.shmem`` is first imported.

    Options: ``initialize`` (call ``init`` at import, default True), ``threads`` (use
    ``init_thread``, default False), ``thread_level`` (default ``'multiple'``) and ``finalize``
    (finalize at exit; None means: if ``shmem4py`` initialized). The environment variables
    ``SHMEM4PY_RC_<OPTION>`` override what the program sets.
    """

    initialize = True
    threads = False
    thread_level = 'multiple'
    finalize = None

    def __init__(self, **kwargs):
        self(**kwargs)

    def __setattr__(self, name, value):
        if not hasattr(self, name):
            raise TypeError(f"object has no attribute '{name}'")
        super().__setattr__(name, value)

    def __call__(self, **kwargs):
        for key in kwargs:
            if not hasattr(self, key):
                raise TypeError(f"unexpected argument '{key}'")
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        return f'<{__name__}.rc>'


rc = Rc()
__import__('sys').modules[__name__ + '.rc'] = rc
