"""The application shell: Ctrl+1…9 open the role's workspaces inside it, the side bar's
order; geometry and the last workspace per user; the status bar (who, which database, live
updates); About names the database without its password; Back up now writes a copy;
navigation from one window to another goes through the shell; a workspace taller than the
screen scrolls instead of squeezing its buttons; File > Log out is back at the login."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop_app.ui.asset_register import AssetRegisterWindow
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.loan_desk import LoanDeskWindow
from desktop_app.ui.loan_request import LoanRequestWindow
from desktop_app.ui.login import LoginDialog, Startup
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.shell import Shell, database_text
from tests.gui.conftest import WAIT_MS, button
from tests.gui.person import click_row
from tests.support.db import actor

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
UI = Path(__file__).resolve().parents[2] / "desktop_app" / "ui"


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "shell.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _shell(qtbot, env, username: str) -> Shell:
    shell = Shell(env, actor(env.uow, username))
    env.keep(shell)
    shell.show_remembered()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: not shell.ops.busy, timeout=WAIT_MS)
    return shell


def test_ctrl_numbers_open_the_workspaces_inside_the_shell(qtbot, env):
    shell = _shell(qtbot, env, "supply")  # board, overview, assets, borrow, loan desk
    qtbot.keyClick(shell, Qt.Key.Key_5, CTRL)
    assert isinstance(shell.current_page(), LoanDeskWindow)
    assert shell.findChild(type(shell.buttons["openLoanDesk"]), "openLoanDesk").isChecked()
    qtbot.keyClick(shell, Qt.Key.Key_2, CTRL)
    assert isinstance(shell.current_page(), MainWindow)
    assert shell.windowTitle().startswith("KhetDesk")
    qtbot.keyClick(shell, Qt.Key.Key_5, CTRL)  # the same window again, not a new one
    assert len([p for p in shell.pages.values() if isinstance(p, LoanDeskWindow)]) == 1
    assert shell.current_page().isVisible() and not shell.current_page().isWindow()


def test_the_counter_asks_which_counter_then_opens_inside(qtbot, env, dialogs):
    shell = _shell(qtbot, env, "clerk1")

    def second(dialog):
        dialog.list.setCurrentRow(1)
        qtbot.mouseClick(button(dialog, "counterOk"), Qt.MouseButton.LeftButton)

    dialogs.answer(second)
    qtbot.keyClick(shell, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: isinstance(shell.current_page(), CounterWindow), timeout=WAIT_MS)
    assert shell.current_page().counter == 2 and env.local.counter == 2


def test_geometry_and_last_workspace_are_remembered_per_user(qtbot, env):
    shell = _shell(qtbot, env, "supply")
    qtbot.mouseClick(shell.buttons["openAssets"], Qt.MouseButton.LeftButton)
    shell.showNormal()
    shell.setGeometry(40, 50, 700, 500)  # the offscreen screen is 800×600
    shell.close()

    again = _shell(qtbot, env, "supply")
    assert isinstance(again.current_page(), AssetRegisterWindow)
    assert again.geometry().size().toTuple() == (700, 500)
    other = _shell(qtbot, env, "staff1")
    assert other.current_page() is None  # staff1 has no last workspace: the welcome page


def test_the_status_bar_says_who_which_database_and_live_state(qtbot, env):
    shell = _shell(qtbot, env, "clerk1")
    bar = {w.objectName(): w.text() for w in shell.statusBar().findChildren(QLabel)}
    assert bar["statusUser"] == "สมใจ ใจดี (เจ้าหน้าที่ช่องบริการ)"
    assert bar["statusDatabase"].startswith("SQLite · ") and "shell.db" in bar["statusDatabase"]
    assert bar["statusPrinter"] == "เครื่องพิมพ์: ไม่มี"
    env.live.online.emit(False)
    assert shell.live_label.text().startswith("ขาดการเชื่อมต่อตั้งแต่")
    env.live.online.emit(True)
    assert shell.live_label.text() == "เชื่อมต่อฐานข้อมูลแล้ว"


def test_a_database_is_named_without_its_password():
    url = "postgresql+psycopg://khet:s3cret-pw@db.office.local:5433/khetdesk"
    assert database_text(url) == "PostgreSQL · khet@db.office.local:5433/khetdesk"
    assert "s3cret" not in database_text(url)


def test_about_shows_version_database_folders_and_no_password(qtbot, env):
    from desktop_app.ui.about import AboutDialog

    dialog = AboutDialog("postgresql+psycopg://khet:s3cret-pw@db:5432/kd")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "0.1.0" in text and "db:5432/kd" in text and "errors.log" in text
    assert "s3cret" not in text


def test_back_up_now_writes_a_copy_into_the_data_folder(qtbot, env, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shell = _shell(qtbot, env, "admin")
    shell.file_menu.actions()  # the menu exists
    shell.act_backup.trigger()
    qtbot.waitUntil(lambda: bool(env.dialogs.messages), timeout=WAIT_MS)
    kind, text = env.dialogs.messages[-1]
    assert kind == "info" and "สำรองข้อมูลแล้ว" in text
    copies = list((tmp_path / "data" / "KhetDesk" / "backups").glob("khetdesk-*.db"))
    assert len(copies) == 1 and copies[0].stat().st_size > 0
    assert "สำรองล่าสุด" in shell.backup_label.text()


def test_a_loan_request_from_the_register_opens_in_the_shell(qtbot, env):
    shell = _shell(qtbot, env, "supply")
    qtbot.keyClick(shell, Qt.Key.Key_3, CTRL)
    register = shell.current_page()
    assert isinstance(register, AssetRegisterWindow)
    qtbot.waitUntil(lambda: register.model.rowCount() > 0, timeout=WAIT_MS)
    request_button = button(register, "assetRequestLoan")
    for row in range(register.model.rowCount()):  # the first item that may be lent
        click_row(qtbot, register.table, row)
        qtbot.waitUntil(  # the item's details (whether it may be lent) are read on a worker
            lambda: (
                register.detail is not None and register.detail.asset_no == register.selected_asset
            ),
            timeout=WAIT_MS,
        )
        if request_button.isEnabled():
            break
    assert request_button.isEnabled()
    asset_no = register.selected_asset
    qtbot.mouseClick(button(register, "assetRequestLoan"), Qt.MouseButton.LeftButton)
    request = shell.current_page()
    assert isinstance(request, LoanRequestWindow) and not request.isWindow()
    qtbot.waitUntil(lambda: len(request.lines) == 1, timeout=WAIT_MS)
    assert request.lines[0].asset_no == asset_no


def test_no_import_circle_between_the_loan_windows():
    """Navigation goes through the shell (env.open_workspace): the register, the request
    and the desk import none of each other to open one."""
    names = {"asset_register", "loan_request", "loan_desk"}
    imports: dict[str, set[str]] = {}
    for name in names:
        tree = ast.parse((UI / f"{name}.py").read_text())
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.rsplit(".", 1)[-1])
        imports[name] = found & names
    assert not imports["asset_register"] and not imports["loan_desk"], imports


def test_workspaces_fit_1366x768_or_scroll_without_squeezing(qtbot, env):
    shell = _shell(qtbot, env, "admin")
    shell.showNormal()
    shell.resize(1366, 768)
    for key in ("counter", "assets", "borrow", "loan_desk", "stats", "settings"):
        page = shell.open_workspace(key, **({"number": 1} if key == "counter" else {}))
        qtbot.wait(10)
        assert shell.minimumSizeHint().height() <= 768 and shell.minimumSizeHint().width() <= 1366
        central = page.centralWidget()
        assert page.height() >= central.minimumSizeHint().height(), key


def test_log_out_is_back_at_the_login(qtbot, env):
    quits: list[int] = []
    start = Startup(env, "main", quit=lambda: quits.append(1))
    start.begin()
    qtbot.waitUntil(lambda: any(isinstance(w, LoginDialog) for w in env.windows), timeout=WAIT_MS)
    login = next(w for w in env.windows if isinstance(w, LoginDialog))
    assert "shell.db" in login.findChild(QLabel, "loginDatabase").text()
    demo = login.findChild(QLabel, "loginDemo")  # the demo office: users and password
    qtbot.waitUntil(lambda: "clerk1" in demo.text() and demo.isVisible(), timeout=WAIT_MS)
    assert demo.text().endswith("รหัสผ่าน demo")
    qtbot.keyClicks(login.findChild(QLineEdit, "loginUser"), "clerk1")
    qtbot.keyClicks(login.findChild(QLineEdit, "loginPassword"), "demo")
    qtbot.mouseClick(button(login, "loginButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(start.shell, Shell), timeout=WAIT_MS)
    shell = start.shell
    shell.act_logout.trigger()
    qtbot.waitUntil(lambda: not shell.isVisible(), timeout=WAIT_MS)
    assert start.login is not None and start.login.isVisible() and not quits


def test_caps_lock_is_warned_from_the_letters_typed(qtbot, env):
    login = LoginDialog(env)
    qtbot.addWidget(login)
    login.show()
    field = login.findChild(QLineEdit, "loginPassword")
    caps = login.findChild(QLabel, "loginCapsLock")
    qtbot.keyClicks(field, "D")  # upper case without Shift: Caps Lock is on
    assert caps.isVisible()
    qtbot.keyClicks(field, "D", Qt.KeyboardModifier.ShiftModifier)  # with Shift: it is off
    assert not caps.isVisible()


def test_the_board_opens_full_screen_as_its_own_window(qtbot, env):
    from desktop_app.ui.board import BoardWindow

    shell = _shell(qtbot, env, "staff1")  # board, overview, assets, borrow
    qtbot.keyClick(shell, Qt.Key.Key_1, CTRL)
    board = next(w for w in env.windows if isinstance(w, BoardWindow))
    assert board.isWindow() and board.isFullScreen()
    assert board.geometry() == board.screen().geometry()
    assert shell.current_page() is None  # the shell stays where it was
