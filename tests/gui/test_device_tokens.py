"""Device tokens and passwords in the windows (issue 17, items 4 and 7), driven as a person
would: a kiosk that kept a clerk's password moves to a token of its own at its next start
and the password leaves this PC; the token lives in the OS keyring where there is one, else
in an owner-only settings file; the administrator adds a device (its token shown once, kept
on this PC at a click) and revokes it; without an exit PIN a kiosk under a token lets staff
out after a staff login; a password that falls short is changed at login."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import select, update

from db.models import AuditEntry, User
from desktop_app.services import devices, tickets
from desktop_app.services.auth import _HASHER, authenticate
from desktop_app.ui.admin import SettingsWindow
from desktop_app.ui.env import LocalSettings
from desktop_app.ui.kiosk import KioskWindow
from desktop_app.ui.login import LoginDialog, Startup
from desktop_app.ui.password_dialog import ChangePasswordDialog
from desktop_app.ui.secrets import KeyringStore, SettingsStore, best_store
from desktop_app.ui.shell import Shell
from tests.gui.conftest import WAIT_MS, button, settle
from tests.support.db import actor

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "devices.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def start(qtbot, env):
    kept: list[Startup] = []

    def begin(mode: str) -> Startup:
        s = Startup(env, mode, None, quit=lambda: None)
        kept.append(s)
        s.begin()
        return s

    yield begin
    settle(qtbot, kept)


def opened(env, cls):
    return [w for w in env.windows if isinstance(w, cls)]


def type_login(qtbot, dialog, username: str, password: str) -> None:
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginUser"), username)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "loginPassword"), password)
    qtbot.mouseClick(button(dialog, "loginButton"), LEFT)


def ini_text(env) -> str:
    env.local.store.sync()
    with open(env.local.store.fileName(), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- the kiosk's token


def test_a_kiosk_with_a_stored_password_moves_to_a_token_once(qtbot, env, start, monkeypatch):
    monkeypatch.setenv("KHETDESK_PC", "Lobby PC")
    env.local.store.setValue("device/username", "clerk2")
    env.local.store.setValue("device/password", "demo")
    env.local.store.sync()
    assert "demo" in ini_text(env)  # as issue 4 left it: a clerk's password in clear
    start("kiosk")
    qtbot.waitUntil(lambda: bool(opened(env, KioskWindow)), timeout=WAIT_MS)
    kiosk = opened(env, KioskWindow)[0]
    assert kiosk.actor.username == "device:kiosk-lobby-pc"
    assert not opened(env, LoginDialog)
    # The password has left this PC; the token is in the owner-only file (no keyring here).
    text = ini_text(env)
    assert "password" not in text and "clerk2" not in text
    assert env.local.device_account() is None
    token = env.local.device_token()
    assert token.startswith("kd1_") and env.local.token_store == "settings"
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(env.local.store.fileName()).st_mode) == 0o600
    # The trail says who set the device up and how.
    with env.uow.read() as tx:
        entry = tx.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "device.add")
        ).one()
    assert entry.actor == "clerk2" and "password" in entry.after_json
    assert token not in entry.after_json
    # Tickets are issued in the device's name.
    qtbot.waitUntil(lambda: kiosk.data is not None, timeout=WAIT_MS)
    qtbot.mouseClick(button(kiosk, "service_A"), LEFT)
    qtbot.waitUntil(lambda: kiosk.ticket is not None, timeout=WAIT_MS)
    with env.uow.read() as tx:
        issued = tx.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "ticket.issue")
        ).one()
    assert issued.actor == "device:kiosk-lobby-pc"
    # The next start uses the token: no second device.
    kiosk.release()
    kiosk.close()
    start("kiosk")
    # The closed kiosk stays in env.windows until its deferred delete: wait for a new one.
    qtbot.waitUntil(lambda: any(w is not kiosk for w in opened(env, KioskWindow)), timeout=WAIT_MS)
    listed = devices.list_devices(env.uow, actor(env.uow, "admin"))
    assert [d.device for d in listed] == ["kiosk-lobby-pc"]


def test_a_revoked_token_asks_staff_to_log_in(qtbot, env, start):
    admin = actor(env.uow, "admin")
    env.local.set_device_token(devices.add_device(env.uow, admin, "kiosk-1", "kiosk").token)
    devices.revoke_device(env.uow, admin, "kiosk-1")
    start("kiosk")
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    heading = opened(env, LoginDialog)[0].findChild(QLabel, "loginHeading").text()
    assert heading.startswith("โทเค็นเครื่องของตู้นี้ใช้ไม่ได้")
    assert not opened(env, KioskWindow)


def test_a_board_token_does_not_open_the_kiosk(qtbot, env, start):
    admin = actor(env.uow, "admin")
    env.local.set_device_token(devices.add_device(env.uow, admin, "tv-1", "board").token)
    start("kiosk")
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    assert not opened(env, KioskWindow)


def test_without_a_pin_a_token_kiosk_lets_staff_out_after_a_staff_login(qtbot, env, dialogs):
    new = devices.add_device(env.uow, actor(env.uow, "admin"), "kiosk-1", "kiosk")
    device = devices.device_actor(env.uow, new.token)
    kiosk = KioskWindow(env, device.actor)
    env.keep(kiosk)
    kiosk.show()

    def staff(username: str):
        def handler(dialog):
            assert isinstance(dialog, LoginDialog)
            type_login(qtbot, dialog, username, "demo")
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

        return handler

    # A member of staff without the right to issue tickets does not let the kiosk out.
    dialogs.answer(staff("staff1"))
    kiosk.ask_to_exit()
    assert not kiosk.unlocked and kiosk.isVisible()
    dialogs.answer(staff("clerk1"))
    kiosk.ask_to_exit()
    qtbot.waitUntil(lambda: kiosk.unlocked, timeout=WAIT_MS)


class MemoryKeyring(KeyringBackend):
    """A keyring backend in memory, standing in for Windows Credential Manager or the
    Secret Service (none runs on the test machine)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def test_the_token_goes_to_the_keyring_where_one_exists(tmp_path, monkeypatch):
    ini = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    backend = MemoryKeyring()
    local = LocalSettings(ini, KeyringStore(backend))
    local.set_device_token("kd1_" + "k" * 43)
    ini.sync()
    assert backend.items == {("KhetDesk", "device-token"): "kd1_" + "k" * 43}
    assert (
        "kd1_" not in (tmp_path / "pc.ini").read_text(encoding="utf-8")
        if (tmp_path / "pc.ini").exists()
        else True
    )
    assert local.device_token() == "kd1_" + "k" * 43 and local.token_store == "keyring"
    local.set_device_token("")
    assert backend.items == {} and local.device_token() == ""
    monkeypatch.setenv("KHETDESK_DEVICE_TOKEN", "kd1_" + "e" * 43)
    assert local.device_token() == "kd1_" + "e" * 43
    # Which store the real program picks: the keyring only when it has a real backend.
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert isinstance(best_store(ini), SettingsStore)
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    assert isinstance(best_store(ini), KeyringStore)


# ---------------------------------------------------------------- the administrator's page


def test_the_admin_adds_a_device_sees_its_token_once_keeps_it_here_and_revokes_it(
    qtbot, env, dialogs
):
    window = SettingsWindow(env, actor(env.uow, "admin"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    page = window.devices_page
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "ตู้และจอ"
    qtbot.keyClicks(page.findChild(QLineEdit, "deviceName"), "kiosk-lobby")
    shown: list[str] = []

    def token_dialog(dialog):
        field = dialog.findChild(QLineEdit, "newDeviceToken")
        assert field.isReadOnly()
        shown.append(field.text())
        qtbot.mouseClick(button(dialog, "tokenUseHere"), LEFT)
        assert "เก็บไว้ที่เครื่องนี้แล้ว" in dialog.findChild(QLabel, "tokenNote").text()
        qtbot.mouseClick(button(dialog, "tokenOk"), LEFT)

    dialogs.answer(token_dialog)
    qtbot.mouseClick(button(page, "deviceAdd"), LEFT)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    token = shown[0]
    assert token.startswith("kd1_") and env.local.device_token() == token
    assert devices.device_actor(env.uow, token).name == "kiosk-lobby"
    # The list never shows a token.
    cells = [str(page.model.cell(r, c)) for r in page.model.rows for c in range(5)]
    assert not any(token in c for c in cells)
    # A second device of the same name is refused, said on the page, nothing added.
    qtbot.keyClicks(page.findChild(QLineEdit, "deviceName"), "kiosk-lobby")
    qtbot.mouseClick(button(page, "deviceAdd"), LEFT)
    qtbot.waitUntil(lambda: window.message.kind == "error", timeout=WAIT_MS)
    assert "already exists" in window.message.text()
    # Revoke: select the row, confirm.
    rect = page.view.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=rect.center())
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(button(page, "deviceRevoke"), LEFT)
    qtbot.waitUntil(lambda: page.model.rows and page.model.rows[0].revoked, timeout=WAIT_MS)
    with pytest.raises(devices.AuthError):
        devices.device_actor(env.uow, token)


# ---------------------------------------------------------------- passwords at login


def test_the_login_dialog_says_demo_works_only_in_the_demo_office(qtbot, env):
    dialog = LoginDialog(env)
    qtbot.addWidget(dialog)
    note = dialog.findChild(QLabel, "loginDemoNote").text()
    assert "demo" in note and "init --demo" in note
    env.i18n.set_language("en")
    label = dialog.findChild(QLabel, "loginDemoNote")
    qtbot.waitUntil(lambda: "only in the demo office" in label.text(), timeout=WAIT_MS)


def test_a_short_password_is_changed_at_the_next_login(qtbot, env, start, dialogs):
    with env.uow.engine.begin() as conn:  # set before issue 17, when 4 characters passed
        conn.execute(
            update(User).where(User.username == "clerk2").values(password_hash=_HASHER.hash("abcd"))
        )
    start("main")
    qtbot.waitUntil(lambda: bool(opened(env, LoginDialog)), timeout=WAIT_MS)
    login = opened(env, LoginDialog)[0]

    def cancel(dialog):
        assert isinstance(dialog, ChangePasswordDialog)
        assert "8" in dialog.findChild(QLabel, "changePasswordReason").text()
        qtbot.mouseClick(button(dialog, "changePasswordCancel"), LEFT)

    dialogs.answer(cancel)
    type_login(qtbot, login, "clerk2", "abcd")
    qtbot.waitUntil(lambda: "ต้องตั้งรหัสผ่านใหม่" in login.message.text(), timeout=WAIT_MS)
    assert not opened(env, Shell) and login.isVisible()

    def change(dialog):
        new = dialog.findChild(QLineEdit, "newPassword")
        again = dialog.findChild(QLineEdit, "newPasswordAgain")
        message = dialog.findChild(QLabel, "changePasswordMessage")
        # A common password is refused, said in the dialog.
        qtbot.keyClicks(new, "qwerty123")
        qtbot.keyClicks(again, "qwerty123")
        qtbot.mouseClick(button(dialog, "changePasswordOk"), LEFT)
        qtbot.waitUntil(lambda: "common" in message.text(), timeout=WAIT_MS)
        assert dialog.isVisible()
        new.clear()
        again.clear()
        qtbot.keyClicks(new, "rainy day at taling chan")
        qtbot.keyClicks(again, "rainy day at taling chan")
        qtbot.mouseClick(button(dialog, "changePasswordOk"), LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    dialogs.answer(change)
    login.user.clear()
    type_login(qtbot, login, "clerk2", "abcd")
    qtbot.waitUntil(lambda: bool(opened(env, Shell)), timeout=WAIT_MS)
    assert authenticate(env.uow, "clerk2", "rainy day at taling chan").username == "clerk2"
    # The demo office's own users are not asked: "demo" is fine here.
    assert tickets.queue_status(env.uow) is not None


class BrokenKeyring(MemoryKeyring):
    """A keyring whose daemon went away: every call fails."""

    def get_password(self, service, username):
        raise RuntimeError("the Secret Service is not running")

    def set_password(self, service, username, password):
        raise RuntimeError("the Secret Service is not running")


def test_a_keyring_that_fails_falls_back_to_the_owner_only_file(tmp_path):
    ini = QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat)
    local = LocalSettings(ini, KeyringStore(BrokenKeyring(), fallback=SettingsStore(ini)))
    assert local.device_token() == ""
    local.set_device_token("kd1_" + "f" * 43)
    assert local.device_token() == "kd1_" + "f" * 43 and local.token_store == "settings"
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(ini.fileName()).st_mode) == 0o600
    # A keyring that works again takes the token, and the file copy goes.
    working = MemoryKeyring()
    again = LocalSettings(ini, KeyringStore(working, fallback=SettingsStore(ini)))
    assert again.device_token() == "kd1_" + "f" * 43  # still found, in the file
    again.set_device_token("kd1_" + "g" * 43)
    ini.sync()
    assert "kd1_" not in (tmp_path / "pc.ini").read_text(encoding="utf-8")
    assert again.device_token() == "kd1_" + "g" * 43 and again.token_store == "keyring"
