"""The counter console fits a 1366×768 screen inside the shell, without scrolling.

The honest case: a counter PC at 1366×768 with a 40 px taskbar and a 31 px title bar
(Windows 10/11 at 100 %), so the shell's window is 1366×697, and inside it the menu bar and
the status bar. A busy morning: a dozen citizens waiting, one at the counter (recalled), a
kiosk printer down (its red banner), a message after each action and the no-show's undo.
Everything the clerk works with is inside the visible area, and nothing scrolls."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.services import printer_health, tickets
from desktop_app.ui.counter import ACTIONS, CounterWindow
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.gui.person import click_row
from tests.support.db import actor

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
TASKBAR, TITLE_BAR = 40, 31
HONEST_1366 = (1366, 768 - TASKBAR - TITLE_BAR)
HONEST_1920 = (1920, 1080 - TASKBAR - TITLE_BAR)


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "fit.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def morning(env, clock, monkeypatch):
    """Twelve tickets for counter 1's services; the kiosk's printer is out of paper."""
    clerk = actor(env.uow, "clerk2")
    for i in range(12):
        clock.advance(minutes=3)
        tickets.issue_ticket(env.uow, clerk, "AB"[i % 2], "elderly" if i == 4 else None)
    clock.advance(minutes=5)
    monkeypatch.setenv("KHETDESK_PC", "kiosk-hall")
    printer_health.record_printer_health(
        env.uow, clerk, False, "paper_out", "กระดาษหมด", "out of paper"
    )
    monkeypatch.delenv("KHETDESK_PC")
    return env


def _inside(page: QWidget, frame, widget: QWidget) -> bool:
    """``widget`` is shown and wholly inside the part of the frame that the clerk sees."""
    viewport = frame.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


def _open_counter(qtbot, env, dialogs, size: tuple[int, int]) -> tuple[Shell, CounterWindow]:
    shell = Shell(env, actor(env.uow, "clerk1"))
    env.keep(shell)
    shell.show()
    shell.setGeometry(0, 0, *size)  # the window manager's maximised window on that screen
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: not shell.ops.busy, timeout=WAIT_MS)

    def first(dialog):
        dialog.list.setCurrentRow(0)
        qtbot.mouseClick(button(dialog, "counterOk"), Qt.MouseButton.LeftButton)

    dialogs.answer(first)
    qtbot.keyClick(shell, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: isinstance(shell.current_page(), CounterWindow), timeout=WAIT_MS)
    page = shell.current_page()
    assert isinstance(page, CounterWindow)
    qtbot.waitUntil(lambda: page.model.rowCount() == 12, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.printer_banner.isVisible(), timeout=WAIT_MS)
    return shell, page


def _all_visible(qtbot, shell: Shell, page: CounterWindow) -> None:
    frame = shell.frames["counter"]
    qtbot.wait(50)  # the layout settles after the texts change
    assert frame.verticalScrollBar().maximum() == 0, (
        f"the console needs {page.centralWidget().minimumSizeHint().height()} px, "
        f"the shell gives it {frame.viewport().height()}"
    )
    assert frame.horizontalScrollBar().maximum() == 0
    widgets: list[QWidget] = [page.buttons[name] for name, _keys in ACTIONS]
    widgets += [page.table, page.printer_banner, page.language_button, page.message]
    widgets += [page.findChild(QLabel, n) for n in ("servingCode", "counterHeading",
                                                    "waitingTitle", "servingService")]  # fmt: skip
    for w in widgets:
        assert _inside(page, frame, w), w.objectName()
    # Not made smaller than a clerk can use: the call button is the big one, every other
    # button a comfortable target, and the waiting list shows at least eight citizens.
    assert page.buttons["callNext"].height() >= 72
    for name, _keys in ACTIONS:
        assert page.buttons[name].height() >= 44, name
        assert page.buttons[name].width() >= 150, name
    rows_shown = page.table.viewport().height() // page.table.rowHeight(0)
    assert rows_shown >= 8, rows_shown
    # Every column in view: the service's name has room, nothing scrolls sideways.
    assert page.table.horizontalScrollBar().maximum() == 0
    assert page.table.columnWidth(2) >= 120


@pytest.mark.parametrize("size", [HONEST_1366, HONEST_1920], ids=["1366x768", "1920x1080"])
def test_the_counter_console_fits_the_screen_inside_the_shell(qtbot, morning, dialogs, size):
    shell, page = _open_counter(qtbot, morning, dialogs, size)
    _all_visible(qtbot, shell, page)

    qtbot.keyClick(page, Qt.Key.Key_Space)  # call the first citizen: a message appears
    qtbot.waitUntil(lambda: page.serving is not None and not page.busy, timeout=WAIT_MS)
    qtbot.mouseClick(page.buttons["recall"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.serving is not None and page.serving.recall_count == 1, timeout=WAIT_MS
    )
    assert page.message.text()
    _all_visible(qtbot, shell, page)

    # This PC has no printer: the reprint's long fault, in red, keeps everything in view.
    qtbot.mouseClick(page.buttons["reprint"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=WAIT_MS)
    assert len(page.message.text()) > 60
    _all_visible(qtbot, shell, page)

    qtbot.mouseClick(page.buttons["noShow"], Qt.MouseButton.LeftButton)  # the undo appears
    undo = page.findChild(QPushButton, "undoNoShow")
    qtbot.waitUntil(lambda: undo.isVisible(), timeout=WAIT_MS)
    _all_visible(qtbot, shell, page)
    assert _inside(page, shell.frames["counter"], undo)
    assert undo.height() >= 44

    # Out of order with a long reason: the served ticket's line wraps, nothing scrolls.
    click_row(qtbot, page.table, 3)
    reason = "ผู้ป่วยนั่งรถเข็น มากับญาติที่ต้องกลับไปทำงาน เจ้าหน้าที่ประชาสัมพันธ์ขอให้เรียกก่อน"

    def with_reason(dialog):
        type_thai(dialog.findChild(QLineEdit, "pickReason"), reason)
        qtbot.mouseClick(button(dialog, "pickOk"), Qt.MouseButton.LeftButton)

    dialogs.answer(with_reason)
    qtbot.mouseClick(page.buttons["pick"], Qt.MouseButton.LeftButton)
    waited = page.findChild(QLabel, "servingWaited")
    qtbot.waitUntil(lambda: reason in waited.text(), timeout=WAIT_MS)
    assert waited.height() > 1.5 * waited.fontMetrics().height()  # two lines or more
    _all_visible(qtbot, shell, page)
