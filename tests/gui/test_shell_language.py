"""View › Language (ภาษา) is this PC's language from then on: chosen with the mouse by a
clerk, it is still the language after the program starts again on this PC — the same
per-PC setting (``ui.language``) that the settings window's "ภาษาของหน้าจอเครื่องนี้"
writes, which the start reads from the database."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from db.engine import make_engine
from db.models import AuditEntry
from db.uow import UnitOfWork
from desktop_app.services.settings import get_setting
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.login import LoginDialog, Startup
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "language.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _start(qtbot, env) -> tuple[Startup, LoginDialog]:
    """What ``khetdesk gui`` does: check the database, take this PC's language from it,
    show the login."""
    start = Startup(env, "main", quit=lambda: None)
    start.begin()
    qtbot.waitUntil(lambda: start.login is not None and start.login.isVisible(), timeout=WAIT_MS)
    assert start.login is not None
    return start, start.login


def _log_in(qtbot, start: Startup, login: LoginDialog, username: str) -> Shell:
    qtbot.keyClicks(login.findChild(QLineEdit, "loginUser"), username)
    qtbot.keyClicks(login.findChild(QLineEdit, "loginPassword"), "demo")
    qtbot.mouseClick(button(login, "loginButton"), LEFT)
    qtbot.waitUntil(lambda: isinstance(start.shell, Shell), timeout=WAIT_MS)
    shell = start.shell
    assert isinstance(shell, Shell)
    qtbot.waitExposed(shell)
    return shell


def _click_menu(qtbot, parent: QWidget, action) -> None:
    """A menu bar's or a menu's item clicked where it is drawn."""
    menu = action.menu()
    qtbot.mouseClick(parent, LEFT, pos=parent.actionGeometry(action).center())
    if isinstance(menu, QMenu):
        qtbot.waitUntil(lambda: menu.isVisible(), timeout=WAIT_MS)


def _restart(qapp, previous, db_url, clock, dialogs, settings_file):
    """The program again on this PC: a new engine, environment and settings object."""
    previous.i18n.set_language("th")  # its translators gone, as with the process that ended
    local = LocalSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    uow = UnitOfWork(make_engine(db_url), clock=clock)
    return make_env(qapp, uow, dialogs=dialogs, local=local, clock=clock)


@pytest.fixture
def restarts(request):
    """The environments of the restarts: their windows closed and their translators gone
    afterwards, even when the test fails, so that the next tests' windows are in Thai."""
    made: list = []

    def end() -> None:
        for e in made:
            for window in list(e.windows):
                window.close()
            e.live.stop()
            e.i18n.set_language("th")
            e.uow.engine.dispose()

    request.addfinalizer(end)
    return made


def test_view_language_is_kept_for_this_pc_after_a_restart(
    qtbot, qapp, env, dialogs, clock, tmp_path, db_url, restarts
):
    start, login = _start(qtbot, env)
    assert env.i18n.language == "th" and button(login, "loginButton").text() == "เข้าสู่ระบบ"
    shell = _log_in(qtbot, start, login, "clerk1")  # a clerk: no settings window of their own

    _click_menu(qtbot, shell.menuBar(), shell.view_menu.menuAction())  # มุมมอง
    _click_menu(qtbot, shell.view_menu, shell.language_menu.menuAction())  # ภาษา
    _click_menu(qtbot, shell.language_menu, shell.act_languages["en"])  # English
    qtbot.waitUntil(lambda: shell.view_menu.title() == "View", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: get_setting(env.uow, "ui.language").value == "en", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not shell.ops.busy, timeout=WAIT_MS)
    with env.uow.read() as tx:  # audited under the clerk, in this PC's scope
        entry = tx.session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
    assert (entry.actor, entry.action) == ("clerk1", "settings.set")
    assert entry.entity_id.startswith("pc:") and entry.entity_id.endswith("/ui.language")
    shell.close()
    env.local.sync()
    for window in list(env.windows):
        window.close()
    env.live.stop()

    # Started again on this PC: the login and what follows are in English.
    again = _restart(qapp, env, db_url, clock, dialogs, tmp_path / "this-pc.ini")
    restarts.append(again)
    start, login = _start(qtbot, again)
    assert again.i18n.language == "en" and again.local.language == "en"
    assert button(login, "loginButton").text() == "Log in"
    shell = _log_in(qtbot, start, login, "clerk1")
    assert shell.act_languages["en"].isChecked() and shell.view_menu.title() == "View"
    shell.close()

    # Even when this PC's own settings file is new (another Windows account on this PC):
    # the language is this PC's, kept in the database under its name.
    fresh = _restart(qapp, again, db_url, clock, dialogs, tmp_path / "another-account.ini")
    restarts.append(fresh)
    assert fresh.i18n.language == "th"
    start, login = _start(qtbot, fresh)
    assert fresh.i18n.language == "en"
