"""The Qt application that offscreen rendering needs (fonts live in QGuiApplication).

Only QtGui: printing never touches widgets. The GUI brings its own QApplication; the command
line and scripts call :func:`ensure_gui_app` on their main thread before rendering; worker
threads find the application that already exists.
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None  # keeps the application we made alive


def _has_display() -> bool:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True  # Windows and macOS always have their native platform plugin
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication when there is none.

    Without a display (a server, an SSH session, CI) the ``offscreen`` platform is chosen,
    unless the user has set ``QT_QPA_PLATFORM`` themselves: that choice is never overridden.
    Must be called on the main thread when no application exists yet.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("a QCoreApplication is running: rendering needs a QGuiApplication")
        return existing
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("create the Qt application on the main thread before rendering")
    if "QT_QPA_PLATFORM" not in os.environ and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "khetdesk"])
    return _app


def require_gui_app() -> None:
    """Rendering from any thread needs the application to exist already."""
    app = QCoreApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError(
            "no QGuiApplication: call printing.qt.ensure_gui_app() on the main thread first"
        )
