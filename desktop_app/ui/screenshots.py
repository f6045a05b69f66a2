"""Screenshots of the kiosk, the counter console, the board and the settings window, for
the README: a demo office with a morning's queue, drawn offscreen at the sizes of the
counter PCs and the TV.

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.screenshots [--out docs]

Times are fixed (Tuesday 24 November 2569, 10:1x in Bangkok), so the pictures only change
when the windows do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings, UiEnv
from desktop_app.ui.fonts import load_fonts

SIZES = ((1366, 768), (1920, 1080))
START = dt.datetime(2026, 11, 24, 2, 30, tzinfo=dt.UTC)  # 09:30 in Bangkok


class _Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def _morning(uow: UnitOfWork, clock: _Clock) -> None:
    clerk = authenticate(uow, "clerk1", "demo")
    plan = ["A", "B", "A", "C", "A", "D", "B", "A", "C", "A", "B", "A", "D", "A", "C", "A"]
    priorities = {2: "elderly", 6: "monk", 11: "disabled"}
    for i, svc in enumerate(plan):
        clock.advance(97)
        tickets.issue_ticket(uow, clerk, svc, priorities.get(i))
    for counter in (3, 4, 2, 1):
        clock.advance(40)
        tickets.call_next(uow, clerk, counter)
    for counter in (2, 3):
        clock.advance(300)
        tickets.call_next(uow, clerk, counter)
    clock.advance(200)
    tickets.call_next(uow, clerk, 1)
    clock.advance(65)
    tickets.recall(uow, clerk, 1)
    for svc, prio in (("A", None), ("B", "pregnant"), ("A", None)):
        clock.advance(30)
        tickets.issue_ticket(uow, clerk, svc, prio)
    clock.advance(150)


def _settle(app: QApplication, until: Callable[[], bool], timeout_s: float = 10) -> None:
    import time

    end = time.monotonic() + timeout_s
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def _grab(app: QApplication, window: QWidget, size: tuple[int, int], path: Path) -> None:
    window.resize(*size)
    window.show()
    _settle(app, lambda: True)
    window.grab().save(str(path))
    print(path)


def take(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/shots.db")
        init_database(engine, demo=True)
        clock = _Clock()
        uow = UnitOfWork(engine, clock=clock)
        _morning(uow, clock)
        local = LocalSettings(QSettings(f"{tmp}/local.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        env = make_env(app, uow, local=local, clock=clock)
        _shoot_all(app, env, out)
        env.live.stop()
        engine.dispose()


def _shoot_all(app: QApplication, env: UiEnv, out: Path) -> None:
    from desktop_app.ui.admin import SettingsWindow
    from desktop_app.ui.board import BoardWindow
    from desktop_app.ui.counter import CounterWindow
    from desktop_app.ui.kiosk import KioskWindow

    clerk = authenticate(env.uow, "clerk1", "demo")
    admin = authenticate(env.uow, "admin", "demo")
    kiosk = KioskWindow(env, clerk)
    _settle(app, lambda: kiosk.data is not None)
    for w, h in SIZES:
        _grab(app, kiosk, (w, h), out / f"kiosk-{w}x{h}.png")
    # The ticket screen, with the printer fault this demo PC has (no printer configured).
    button = kiosk.findChild(QPushButton, "service_A")
    assert button is not None
    button.click()
    _settle(app, lambda: kiosk.print_state == "fault")
    for w, h in SIZES:
        _grab(app, kiosk, (w, h), out / f"kiosk-ticket-{w}x{h}.png")
    kiosk.release()
    kiosk.close()

    counter = CounterWindow(env, clerk, 1)
    _settle(app, lambda: counter.queue is not None)
    counter.table.selectRow(1)
    for w, h in SIZES:
        _grab(app, counter, (w, h), out / f"counter-{w}x{h}.png")
    counter.close()

    board = BoardWindow(env)
    _settle(app, lambda: board.status is not None)
    board.blink_timer.stop()
    for w, h in SIZES:
        _grab(app, board, (w, h), out / f"board-{w}x{h}.png")
    board.close()

    settings = SettingsWindow(env, admin)
    _settle(app, lambda: bool(settings.data))
    settings.tabs.setCurrentIndex(1)
    settings.services_view.selectRow(0)
    _grab(app, settings, (1366, 768), out / "settings-1366x768.png")
    settings.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    take(ap.parse_args().out)


if __name__ == "__main__":
    main()
