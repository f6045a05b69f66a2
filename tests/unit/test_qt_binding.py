"""The Qt binding must not leak or drop references to None (PySide6 6.12.0 on CPython 3.11
dropped one per void method call, and the interpreter aborted after a few thousand calls —
a kiosk would die within an hour). pyproject.toml pins a safe version; this guards it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint


def test_void_methods_keep_none_balanced() -> None:
    probe = QPoint()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setX(1)
    # Other threads may take or drop a few references meanwhile; the bug drops 200.
    assert abs(sys.getrefcount(None) - before) < 50
