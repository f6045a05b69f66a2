"""Imports after PySide6 at the speed they have before it.

PySide6 replaces ``builtins.__import__`` (for ``from __feature__ import …``), and for every
module imported after it, it reads the module's source through ``inspect.getsource`` to see
whether the text "PySide6" occurs in it (shibokensupport/feature.py, ``_mod_uses_pyside``).
``inspect`` goes through linecache and the tokenizer for each file: SQLAlchemy and the models
imported after Qt took 313 ms against 268 ms before it (7 runs each, medians). The windows
import the whole database stack after Qt, behind the start card, so they paid it on every
start.

:func:`install` puts a function with the same answer in its place: the file's bytes searched
directly. Modules without a ``.py`` file (built in, compiled, or in a bundle's archive) still
go to PySide6's own. Nothing happens if a PySide6 release no longer has that function.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


def install() -> bool:
    """Replace PySide6's source check; True if it is in place (now or already)."""
    feature: Any = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if hasattr(original, "pyside_original"):  # ours, from an earlier call
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    mod_uses_pyside.pyside_original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside
    return True
