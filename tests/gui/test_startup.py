"""What opens: the login and the role deciding the shell's side bar; --counter N after a
login; --kiosk under the device account without anyone logging in; --display with no
account; a database that cannot be used is reported and the program ends."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import text

from desktop_app.services import tickets
from desktop_app.ui.board import BoardWindow
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.login import LoginDialog, Startup
from desktop_app.ui.shell import Shell
from desktop_app.ui.workspaces import INTEGRITY_WINDOWS, WORKSPACES
from tests.gui.conftest import WAIT_MS, button, settle

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "startup.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def start(qtbot, env):
    quits: list[int] = []
    kept: list[Startup] = []  # as run_gui keeps its own until the program ends

    def begin(mode: str, counter: int | None = None) -> Startup:
        s = Startup(env, mode, counter, quit=lambda: quits.append(1))
        s.quits = quits  # type: ignore[attr-defined]
        kept.append(s)
        s.begin()
        return s

    yield begin
    settle(qtbot, kept)


def opened(env, cls):
    """Windows of their own, and the workspaces inside the shell."""
    pages = [p for s in env.windows if isinstance(s, Shell) for p in s.pages.values()]
    return [w for w in [*env.windows, *pages] if isinstance(w, cls)]


def log_in(qtbot, env, username: str, password: str = "demo") -> LoginDialog:
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    dialog = opened(env, LoginDialog)[-1]
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginUser"), username)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginPassword"), password)
    qtbot.mouseClick(button(dialog, "loginButton"), LEFT)
    return dialog


@pytest.mark.parametrize(
    ("username", "offered"),
    [
        (
            "clerk1",
            {
                "openCounter",
                "openKiosk",
                "openBoard",
                "openOverview",
                "openAssets",
                "openLoanRequest",
            },
        ),
        (
            "admin",
            {
                "openCounter",
                "openKiosk",
                "openBoard",
                "openOverview",
                "openSettings",
                "openAssets",
                "openLoanRequest",
                "openLoanDesk",
                "openLoanInbox",
                "openStats",
            },
        ),
        ("staff1", {"openBoard", "openOverview", "openAssets", "openLoanRequest"}),
        ("supply", {"openBoard", "openOverview", "openAssets", "openLoanRequest", "openLoanDesk"}),
        (
            "director",
            {
                "openBoard",
                "openOverview",
                "openAssets",
                "openLoanRequest",
                "openLoanInbox",
                "openStats",
            },
        ),
    ],
)
def test_the_role_decides_what_the_shell_offers(qtbot, env, start, username, offered):
    start("main")
    log_in(qtbot, env, username)
    qtbot.waitUntil(lambda: bool(opened(env, Shell)), timeout=WAIT_MS)
    shell = opened(env, Shell)[0]
    # The integrity workspaces (issue 16) are tested in tests/gui/test_integrity.py; the loan
    # situation is everyone's.
    integrity = {w.button for w in WORKSPACES if w.key in INTEGRITY_WINDOWS}
    assert set(shell.buttons) - integrity == offered
    assert "openLoanSituation" in shell.buttons
    assert shell.actor.username == username


def test_a_wrong_password_is_said_and_nothing_opens(qtbot, env, start):
    start("main")
    dialog = log_in(qtbot, env, "clerk1", "nope")
    message = dialog.findChild(QLabel, "loginMessage")
    qtbot.waitUntil(lambda: "wrong username or password" in message.text(), timeout=WAIT_MS)
    assert dialog.findChild(QLineEdit, "loginPassword").text() == ""
    assert not opened(env, Shell)


def test_the_shell_opens_a_counter_chosen_from_the_list(qtbot, env, start, dialogs):
    start("main")
    log_in(qtbot, env, "clerk1")
    qtbot.waitUntil(lambda: bool(opened(env, Shell)), timeout=WAIT_MS)

    def third(dialog):
        dialog.list.setCurrentRow(2)
        qtbot.mouseClick(button(dialog, "counterOk"), LEFT)

    dialogs.answer(third)
    qtbot.mouseClick(button(opened(env, Shell)[0], "openCounter"), LEFT)
    qtbot.waitUntil(lambda: bool(opened(env, CounterWindow)), timeout=WAIT_MS)
    assert opened(env, CounterWindow)[0].counter == 3 and env.local.counter == 3


def test_counter_mode_after_a_login_and_refused_for_other_roles(qtbot, env, start, dialogs):
    start("counter", 2)
    log_in(qtbot, env, "supply")
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=WAIT_MS)
    assert "เปิดหน้าจอนี้ไม่ได้" in dialogs.messages[0][1]
    assert not opened(env, CounterWindow)
    log_in(qtbot, env, "clerk2")
    qtbot.waitUntil(lambda: bool(opened(env, CounterWindow)), timeout=WAIT_MS)
    window = opened(env, CounterWindow)[0]
    assert (window.counter, window.actor.username) == (2, "clerk2")


def test_kiosk_mode_runs_under_the_device_account(qtbot, env, start, monkeypatch):
    # A kiosk set up before issue 17: a clerk's user and password in QSettings. It moves to
    # a device token of its own at this start (tests/gui/test_device_tokens.py has more).
    monkeypatch.setenv("KHETDESK_PC", "lobby")
    env.local.store.setValue("device/username", "clerk2")
    env.local.store.setValue("device/password", "demo")
    start("kiosk")
    qtbot.waitUntil(lambda: bool(opened(env, KioskWindow)), timeout=WAIT_MS)
    kiosk = opened(env, KioskWindow)[0]
    assert not opened(env, LoginDialog)
    qtbot.waitUntil(lambda: kiosk.data is not None, timeout=WAIT_MS)
    qtbot.mouseClick(button(kiosk, "service_A"), LEFT)
    qtbot.waitUntil(lambda: kiosk.ticket is not None, timeout=WAIT_MS)
    # The audit trail names the device, not the clerk.
    from db.models import AuditEntry

    with env.uow.read() as tx:
        entry = tx.session.query(AuditEntry).filter_by(action="ticket.issue").one()
    assert entry.actor == "device:kiosk-lobby"
    assert env.local.device_account() is None and env.local.device_token()
    assert tickets.show(env.uow, "A001").status == "waiting"


def test_kiosk_without_a_working_device_account_asks_staff(qtbot, env, start, monkeypatch):
    monkeypatch.setenv("KHETDESK_DEVICE_USER", "clerk2")
    monkeypatch.setenv("KHETDESK_DEVICE_PASSWORD", "wrong")
    start("kiosk")
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    heading = opened(env, LoginDialog)[0].findChild(QLabel, "loginHeading").text()
    assert heading.startswith("โทเค็นเครื่องของตู้นี้ใช้ไม่ได้")
    log_in(qtbot, env, "clerk1")
    qtbot.waitUntil(lambda: bool(opened(env, KioskWindow)), timeout=WAIT_MS)
    assert opened(env, KioskWindow)[0].actor.username == "clerk1"


def test_display_mode_needs_no_account(qtbot, env, start):
    start("display")
    qtbot.waitUntil(lambda: bool(opened(env, BoardWindow)), timeout=WAIT_MS)
    assert not opened(env, LoginDialog)


def test_a_database_it_cannot_use_is_reported_and_the_program_ends(qtbot, env, start, dialogs):
    with env.uow.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    s = start("main")
    qtbot.waitUntil(lambda: bool(s.quits), timeout=WAIT_MS)
    assert s.exit_code == 3
    assert "newer" in dialogs.messages[0][1]
    assert not opened(env, LoginDialog)


@pytest.fixture
def older_db_url(tmp_path):
    """A demo office whose schema is one revision behind the program's (as after an update):
    the demo office at head, then its last migration undone."""
    from alembic import command

    from db import migrate
    from db.engine import make_engine
    from desktop_app.services.setup import init_database

    path = tmp_path / "older.db"
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine, demo=True)
    with engine.begin() as conn:
        cfg = migrate._config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    engine.dispose()
    return f"sqlite:///{path}"


def test_an_older_database_is_backed_up_then_upgraded_then_opens(
    qtbot, env, start, tmp_path, monkeypatch, older_db_url
):
    from db import migrate
    from db.engine import make_engine
    from db.uow import UnitOfWork
    from desktop_app.ui.upgrade import UpgradeDialog

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    env.uow = UnitOfWork(make_engine(older_db_url, create=False))
    before = migrate.current_revision(env.uow.engine)
    assert before != migrate.head_revision()
    start("main")
    qtbot.waitUntil(lambda: bool(opened(env, UpgradeDialog)), timeout=WAIT_MS)
    dialog = opened(env, UpgradeDialog)[0]
    assert before in dialog.findChild(QLabel, "upgradeText").text()
    qtbot.mouseClick(button(dialog, "upgradeStart"), LEFT)
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    assert migrate.current_revision(env.uow.engine) == migrate.head_revision()
    assert dialog.progress.value() == dialog.progress.maximum()
    backups = list((tmp_path / "data" / "KhetDesk" / "backups").glob("before-upgrade-*.db"))
    assert len(backups) == 1
    old = make_engine(f"sqlite:///{backups[0]}", create=False)
    assert migrate.current_revision(old) == before  # the copy is the database as it was
    old.dispose()


def test_an_empty_database_gets_the_first_run_wizard_then_the_login(qtbot, env, start, tmp_path):
    from PySide6.QtWidgets import QWizard

    from db.engine import make_engine
    from db.uow import UnitOfWork
    from desktop_app.services.office import list_counters, list_services
    from desktop_app.services.settings import get_setting
    from desktop_app.ui.first_run import FirstRunWizard

    env.uow = UnitOfWork(make_engine(f"sqlite:///{tmp_path / 'new.db'}"))  # a new PC's file
    start("main")
    qtbot.waitUntil(lambda: bool(opened(env, FirstRunWizard)), timeout=WAIT_MS)
    wizard = opened(env, FirstRunWizard)[0]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    english = wizard.findChild(QLineEdit, "officeNameEn")
    english.clear()
    qtbot.keyClicks(english, "Bang Khae District Office")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.keyClicks(wizard.findChild(QLineEdit, "adminName"), "Somchai")
    qtbot.keyClicks(wizard.findChild(QLineEdit, "adminPassword"), "first-admin-pw")
    qtbot.keyClicks(wizard.findChild(QLineEdit, "adminPassword2"), "first-admin-pw")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)  # the template's services and counters as they are
    assert wizard.currentId() == 3  # the printer page
    qtbot.mouseClick(next_button, LEFT)  # creates the office
    qtbot.waitUntil(lambda: wizard.currentId() == 4, timeout=WAIT_MS)
    assert wizard.created
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert [s.code for s in list_services(env.uow)] == ["A", "B", "C", "D"]
    assert [c.number for c in list_counters(env.uow)] == [1, 2, 3, 4]
    assert get_setting(env.uow, "office.name_en").value == "Bang Khae District Office"
    log_in(qtbot, env, "admin", "first-admin-pw")
    qtbot.waitUntil(lambda: bool(opened(env, Shell)), timeout=WAIT_MS)
    assert opened(env, Shell)[0].actor.username == "admin"
