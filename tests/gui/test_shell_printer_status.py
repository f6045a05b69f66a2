"""The shell's status bar says how the last print on this PC ended: printed at what time,
or not printed and why (in Thai, in red), as soon as a print finishes, and still after the
program starts again on this PC."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from desktop_app.domain.thai_time import BANGKOK
from desktop_app.services.settings import set_setting
from desktop_app.ui.app import make_env
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button
from tests.gui.person import choose, click_row
from tests.support.db import actor
from tests.support.printer_fake import fake_printer

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "printer-status.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _shell(qtbot, env) -> Shell:
    shell = Shell(env, actor(env.uow, "clerk1"))
    env.keep(shell)
    shell.show()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: not shell.ops.busy, timeout=WAIT_MS)
    return shell


def _status(shell: Shell) -> str:
    return shell.printer_label.text()


def test_the_status_bar_shows_the_last_print_on_this_pc(qtbot, qapp, env, dialogs, clock, tmp_path):
    admin = actor(env.uow, "admin")
    now = clock().astimezone(BANGKOK).strftime("%H:%M")
    with fake_printer("ok") as good:
        set_setting(env.uow, admin, "printer.connection", good.url)
        shell = _shell(qtbot, env)
        # A printer is set, nothing printed yet on this PC.
        qtbot.waitUntil(lambda: _status(shell) == "เครื่องพิมพ์: ยังไม่ได้พิมพ์", timeout=WAIT_MS)

        def counter_1(dialog):
            dialog.list.setCurrentRow(0)
            qtbot.mouseClick(button(dialog, "counterOk"), LEFT)

        dialogs.answer(counter_1)
        qtbot.keyClick(shell, Qt.Key.Key_1, CTRL)
        qtbot.waitUntil(lambda: isinstance(shell.current_page(), CounterWindow), timeout=WAIT_MS)
        page = shell.current_page()
        qtbot.waitUntil(lambda: page.queue is not None, timeout=WAIT_MS)

        def issue_a(dialog):
            choose(qtbot, dialog.findChild(QComboBox, "issueService"), data="A")
            qtbot.mouseClick(button(dialog, "issueOk"), LEFT)

        dialogs.answer(issue_a)  # a ticket for a citizen who cannot use the kiosk: printed
        qtbot.mouseClick(page.buttons["issueTicket"], LEFT)
        qtbot.waitUntil(lambda: _status(shell) == f"เครื่องพิมพ์: พิมพ์ได้ {now}", timeout=WAIT_MS)
        assert len(good.wait_for_jobs(1)) == 1
        qtbot.waitUntil(lambda: page.message.text().startswith("ออกบัตรคิว A001"), timeout=WAIT_MS)
        assert "บัตรคิว A001" in shell.printer_label.toolTip()
        assert shell.printer_label.styleSheet() == ""

    # The paper runs out: the reprint is refused, and the status bar says why, in red.
    clock.advance(minutes=7)
    later = clock().astimezone(BANGKOK).strftime("%H:%M")
    with fake_printer("paper_out") as empty:
        set_setting(env.uow, admin, "printer.connection", empty.url)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
        click_row(qtbot, page.table, 0)
        assert page.target_code == "A001" and page.buttons["reprint"].isEnabled()
        qtbot.mouseClick(page.buttons["reprint"], LEFT)
        failed = f"เครื่องพิมพ์: พิมพ์ไม่ได้ {later}: กระดาษในเครื่องพิมพ์หมด"
        qtbot.waitUntil(lambda: _status(shell).startswith(failed), timeout=WAIT_MS)
    assert "#b91c1c" in shell.printer_label.styleSheet()
    shown = _status(shell)
    shell.close()

    # The next start on this PC: a new environment on the same settings file still knows.
    env.local.sync()
    again = make_env(
        qapp, env.uow, dialogs=dialogs, clock=clock,
        local=LocalSettings(QSettings(str(tmp_path / "this-pc.ini"), QSettings.Format.IniFormat)),
    )  # fmt: skip
    second = _shell(qtbot, again)
    assert _status(second) == shown
    again.i18n.set_language("en")  # the reason in the window's language
    qtbot.waitUntil(lambda: "the printer is out of paper" in _status(second), timeout=WAIT_MS)
    second.close()
    again.i18n.set_language("th")
