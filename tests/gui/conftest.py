"""Fixtures for driving the windows as a person would: a dialog service that answers
dialogs by clicking their real buttons, this PC's settings in a throwaway ini file, and the
windows' environment on the test's database and clock."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop_app.ui.app import make_env
from desktop_app.ui.dialogs import Dialogs
from desktop_app.ui.env import LocalSettings, UiEnv
from desktop_app.ui.fonts import load_fonts

Handler = Callable[[QDialog], None]

# How long a test waits for something that a worker thread does (a database read or write,
# a printer attempt, the live queue's next poll). Typically well under a second; but with
# other suites running on the same two cores, waits of 5 s timed out now and then. The
# waits end as soon as the condition holds, so a generous bound costs nothing when all is
# well and only turns "slow" into "fails" when something is really stuck.
WAIT_MS = 20_000


class AnsweringDialogs(Dialogs):
    """Picard's trick: message boxes are recorded, and each modal dialog is shown
    non-modally and handed to the next queued handler, which clicks and types in it."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.handlers: deque[Handler] = deque()
        self.confirm_answers: deque[bool] = deque()
        self.files: deque[str | None] = deque()
        self.seen: list[QDialog] = []

    def answer(self, handler: Handler) -> None:
        self.handlers.append(handler)

    def inform(self, parent: QWidget | None, text: str) -> None:
        self.messages.append(("info", text))

    def warn(self, parent: QWidget | None, text: str) -> None:
        self.messages.append(("warning", text))

    def confirm(self, parent: QWidget | None, text: str) -> bool:
        self.messages.append(("confirm", text))
        return self.confirm_answers.popleft()

    def run(self, dialog: QDialog) -> bool:
        if not self.handlers:
            raise AssertionError(f"a dialog nobody expected: {dialog.objectName()}")
        self.seen.append(dialog)
        dialog.show()
        self.handlers.popleft()(dialog)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        if dialog.isVisible():
            raise AssertionError(f"the handler left {dialog.objectName()} open")
        parent = dialog.parentWidget()
        if parent is not None:  # as when a modal dialog closes: its window is active again
            parent.window().activateWindow()
        return accepted

    def open_file(self, parent: QWidget | None, caption: str, filters: str) -> str | None:
        return self.files.popleft()

    def save_file(
        self, parent: QWidget | None, caption: str, name: str, filters: str
    ) -> str | None:
        return self.files.popleft()


def type_thai(widget: QWidget, text: str) -> None:
    """Thai arrives the way a Thai keyboard's input method delivers it: committed text.
    (QTest's key clicks cannot type characters that have no Qt key code.)"""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def button(parent: QWidget, name: str) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    assert found is not None, f"no button {name}"
    return found


def settle(qtbot, startups) -> None:
    """Let each ``Startup`` finish resolving before its test ends: a start that delivers
    into the next test's event loop opens a window on a torn-down environment."""
    for s in startups:
        assert s.ops.wait(WAIT_MS)
    qtbot.waitUntil(lambda: not any(s.ops.busy for s in startups), timeout=WAIT_MS)


@pytest.fixture
def dialogs() -> AnsweringDialogs:
    return AnsweringDialogs()


@pytest.fixture
def local(tmp_path) -> LocalSettings:
    return LocalSettings(QSettings(str(tmp_path / "this-pc.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def env(qapp, office, clock, dialogs, local) -> Iterator[UiEnv]:
    load_fonts(qapp)
    local.board_sound = False  # no noise from the test run; the chime still "rings"
    environment = make_env(qapp, office, dialogs=dialogs, local=local, clock=clock)
    environment.live.start()
    yield environment
    environment.live.stop()
    for window in list(environment.windows):
        release = getattr(window, "release", None)
        if callable(release):
            release()
        window.close()
    environment.i18n.set_language("th")
    environment.live.deleteLater()
