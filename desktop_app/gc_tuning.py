"""The cyclic garbage collector set for how KhetDesk's processes live.

A `khetdesk` command starts, imports SQLAlchemy and the models (a few hundred thousand objects
that live until the end), does one thing and exits. With the default thresholds the collector
scans those objects over and over while they load, and at exit the interpreter scans all of
them once more, to free memory the operating system is about to take back anyway. Measured
on `khetdesk ticket issue` (9 runs each, medians): 450 ms as it was, 370 ms with the objects
frozen before exit, 350 ms with young collections every 10,000 new objects as well.

Only the process entries (``cli.core.run`` and ``gui_main``) call these: ``cli.core.main``
also runs many times inside one test process, whose collector is left as it is.
"""

from __future__ import annotations

import gc

# Young collections every 10,000 new container objects (700 by default): the imports are not
# scanned again and again, and garbage in cycles is still bounded, so a long command (an
# import of 10,000 assets, audit verify over a million entries) keeps its memory flat.
START_THRESHOLD = (10_000, 10, 10)
_DEFAULT = gc.get_threshold()


def for_start() -> None:
    """First thing in the process."""
    gc.set_threshold(*START_THRESHOLD)


def loaded() -> None:
    """A long-lived process (the windows) once its modules are in: what exists so far is
    never scanned again (``gc.freeze``), and the default thresholds are back for the hours
    the program runs."""
    gc.freeze()
    gc.set_threshold(*_DEFAULT)


def before_exit() -> None:
    """The last thing before the process ends: the interpreter's final collection skips
    every object (the connections are closed by then, and nothing waits on a finaliser)."""
    gc.freeze()
