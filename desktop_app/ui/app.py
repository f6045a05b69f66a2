"""Starting the windows: ``khetdesk gui`` (login, then what the role may open),
``--kiosk`` and ``--display`` (no person logs in), ``--counter N`` (login, then counter N)."""

from __future__ import annotations

import datetime as dt
import gc
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.uow import UnitOfWork
from desktop_app.domain.errors import KhetDeskError
from desktop_app.ui.dialogs import Dialogs
from desktop_app.ui.env import LocalSettings, UiEnv
from desktop_app.ui.i18n import Translations
from desktop_app.ui.live import LiveQueue
from desktop_app.ui.print_status import PrintStatus


def make_env(
    app: QApplication,
    uow: UnitOfWork,
    dialogs: Dialogs | None = None,
    local: LocalSettings | None = None,
    poll_ms: int | None = None,
    clock: Callable[[], dt.datetime] | None = None,
) -> UiEnv:
    local = local if local is not None else LocalSettings()
    i18n = Translations(app)
    i18n.set_language(local.language)
    live = LiveQueue(uow, poll_ms) if poll_ms is not None else LiveQueue(uow)
    live.setParent(app)
    env = UiEnv(uow, dialogs if dialogs is not None else Dialogs(), i18n, live, local)
    env.prints = PrintStatus(local)
    if clock is not None:
        env.clock = clock
    return env


def run_gui(url: str, mode: str = "main", counter: int | None = None) -> int:
    from db.engine import make_engine
    from desktop_app.ui.fonts import load_fonts
    from desktop_app.ui.login import Startup

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("KhetDesk")
    app.setOrganizationName("KhetDesk")
    from PySide6.QtGui import QIcon

    import resources

    app.setWindowIcon(QIcon(str(resources.ROOT / "icons" / "khetdesk.png")))
    load_fonts(app)
    try:
        # No connection yet: the windows load off-thread. The default database (the user's
        # data folder) is made on a new PC, for the first-run wizard; any other path must
        # exist, so that a mistyped --db leaves no file behind.
        engine = make_engine(url, create=_first_start(url))
    except KhetDeskError as e:
        QMessageBox.critical(None, "KhetDesk", e.message)
        return e.exit_code
    env = make_env(app, UnitOfWork(engine))
    startup = Startup(env, mode, counter)
    # Ctrl+C in the terminal closes the windows (Python only sees it between Qt events).
    signal.signal(signal.SIGINT, lambda *_: _quit(env))
    ticker = QTimer(interval=250, timeout=lambda: None)
    ticker.start()
    startup.begin()
    # Everything loaded so far lives as long as the program: keep the cyclic garbage
    # collector from walking it again and again (a full pass over it took ~100 ms, on the
    # UI thread, in tests/bench/ui_refresh.py).
    gc.collect()
    gc.freeze()
    code = int(app.exec())
    env.live.stop()
    return startup.exit_code if startup.exit_code is not None else code


def _first_start(url: str) -> bool:
    from db.engine import default_url, sqlite_path

    path = sqlite_path(url)
    if path is None or path.exists() or url != default_url():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    return True


def _quit(env: UiEnv) -> None:
    for window in list(env.windows):
        release = getattr(window, "release", None)
        if callable(release):
            release()
        if isinstance(window, QWidget):
            window.close()
    QApplication.quit()
