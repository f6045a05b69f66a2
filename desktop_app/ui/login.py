"""Logging in, and what opens after it.

``khetdesk gui``: the login, then the application shell (ui.shell) with the workspaces the
user's role may open (ui.workspaces); File › Switch user and Log out come back here; an older
database is first offered the upgrade (ui.upgrade), an empty one the first-run wizard
(ui.first_run). ``--counter N``: the login, then counter N. ``--kiosk``: no person logs
in; the kiosk runs under this PC's device token (LocalSettings, issue 17; a kiosk that still
holds a person's password moves to a token at this start); if none is configured, or it does
not work, a member of staff logs in and the kiosk runs under them. ``--display``: the board,
no account at all (it only reads). A person whose password falls short of the policy sets a
new one before any window opens (ui.password_dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.uow import UnitOfWork
from desktop_app.domain.errors import Forbidden, KhetDeskError
from desktop_app.services import devices
from desktop_app.services.auth import Actor, authenticate
from desktop_app.services.settings import get_setting, pc_name
from desktop_app.services.users import password_shortfall
from desktop_app.ui import texts
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations
from desktop_app.ui.workspaces import may, open_window


def _error_text(error: Exception) -> str:
    return error.message if isinstance(error, KhetDeskError) else type(error).__name__


def _log_in(uow: UnitOfWork, username: str, password: str) -> tuple[Actor, str | None]:
    """The actor, and why their password falls short of today's policy (or None)."""
    actor = authenticate(uow, username, password)
    return actor, password_shortfall(uow, actor.username, password)


class LoginDialog(QDialog):
    """Username and password, checked off the UI thread. ``logged_in`` carries the actor."""

    logged_in = Signal(object)

    def __init__(
        self,
        env: UiEnv,
        purpose: str = "",
        parent: QWidget | None = None,
        demo_users: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.env, self.purpose, self.demo_users = env, purpose, demo_users
        # Which database this opens: a file path or a server, never a password.
        from desktop_app.ui.shell import database_text

        self.database = QLabel(database_text(str(env.uow.engine.url)), objectName="loginDatabase")
        self.database.setWordWrap(True)
        self.demo = QLabel(objectName="loginDemo")
        self.demo.setWordWrap(True)
        self.demo.hide()
        self.caps = QLabel(objectName="loginCapsLock")
        self.caps.hide()
        self.demo_note = QLabel(objectName="loginDemoNote")
        self.demo_note.setWordWrap(True)
        self._password = ""
        self.ops = Operations(self)
        self.actor: Actor | None = None
        self.heading = QLabel(objectName="loginHeading")
        self.heading.setWordWrap(True)
        self.user = QLineEdit(objectName="loginUser")
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label, self.password_label = QLabel(), QLabel()
        self.message = QLabel(objectName="loginMessage")
        self.message.setWordWrap(True)
        self.button = QPushButton(objectName="loginButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.language_button = QPushButton(objectName="loginLanguage")
        self.language_button.clicked.connect(lambda: env.i18n.set_language(env.i18n.toggled()))
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.language_button)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.database)
        layout.addWidget(self.demo)
        layout.addLayout(form)
        layout.addWidget(self.caps)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_note)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QDialog { font-size: 17px; } QLineEdit, QPushButton { min-height: 40px; }"
            "#loginDemoNote { font-size: 13px; color: #64748b; }"
            "#loginHeading { font-size: 22px; font-weight: bold; color: #0f3b5f; }"
            "#loginMessage { color: #b91c1c; }"
            "#loginDatabase { color: #475569; font-size: 14px; }"
            "#loginDemo { color: #14532d; background: #dcfce7; padding: 4px; }"
            "#loginCapsLock { color: #92400e; background: #fef3c7; padding: 4px; }"
        )
        self.setMinimumWidth(460)
        for field in (self.user, self.password):
            field.installEventFilter(self)
        self.retranslate()

    def set_demo_users(self, users: tuple[str, ...]) -> None:
        self.demo_users = users
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            caps = caps_lock_from_key(event)
            if caps is not None:
                self.caps.setVisible(caps)
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        if not self.button.isEnabled():
            return
        username, password = self.user.text(), self.password.text()
        if not username.strip() or not password:
            self.message.setText(self.tr("กรุณาใส่ชื่อผู้ใช้และรหัสผ่าน"))
            return
        self.button.setEnabled(False)
        self.message.setText(self.tr("กำลังตรวจสอบ…"))
        uow = self.env.uow
        self._password = password
        self.ops.run(lambda: _log_in(uow, username, password), self._ok, self._refused)

    def _ok(self, result: tuple[Actor, str | None]) -> None:
        actor, shortfall = result
        password, self._password = self._password, ""
        self.button.setEnabled(True)
        if shortfall is not None:  # issue 17: a new password first, then the window
            from desktop_app.ui.password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.env, actor.username, password, shortfall, self)
            if not self.env.dialogs.run(dialog):
                self.password.clear()
                self.message.setText(self.tr("ต้องตั้งรหัสผ่านใหม่ก่อนเข้าใช้งาน"))
                return
        self.actor = actor
        self.button.setEnabled(True)
        self.message.setText("")
        self.logged_in.emit(actor)  # the next window first: closing the last would quit
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(_error_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("เข้าสู่ระบบ KhetDesk"))
        self.heading.setText(self.purpose or self.tr("เข้าสู่ระบบ"))
        self.user_label.setText(self.tr("ชื่อผู้ใช้"))
        self.password_label.setText(self.tr("รหัสผ่าน"))
        self.demo_note.setText(
            self.tr(
                "รหัสผ่าน demo ใช้ได้เฉพาะในสำนักงานตัวอย่างที่สร้างด้วย init --demo "
                "สำนักงานจริงต้องใช้รหัสผ่านอย่างน้อย 8 ตัวอักษรที่ไม่ใช่รหัสผ่านที่ใช้กันทั่วไป"
            )
        )
        self.button.setText(self.tr("เข้าสู่ระบบ"))
        self.language_button.setText("English" if self.env.i18n.language == "th" else "ภาษาไทย")
        self.caps.setText(self.tr("Caps Lock เปิดอยู่: รหัสผ่านจะเป็นตัวพิมพ์ใหญ่"))
        self.demo.setVisible(bool(self.demo_users))
        if not self.demo_users:
            return
        from desktop_app.services.setup import DEMO_PASSWORD  # loaded by the start-up's worker

        self.demo.setText(
            self.tr("สำนักงานตัวอย่าง: ผู้ใช้ %1 รหัสผ่าน %2")
            .replace("%1", ", ".join(self.demo_users))
            .replace("%2", DEMO_PASSWORD)
        )


def caps_lock_from_key(event: QKeyEvent) -> bool | None:
    """Whether Caps Lock is on, from a typed Latin letter: upper case without Shift or lower
    case with it (Qt has no portable way to ask the keyboard). None: this key cannot tell
    (Thai letters have no case, digits, arrows…)."""
    text = event.text()
    if len(text) != 1 or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


def open_counter(env: UiEnv, actor: Actor, number: int) -> QWidget:
    return open_window(env, actor, "counter", number=number)


def open_kiosk(env: UiEnv, actor: Actor, full_screen: bool = True) -> QWidget:
    """Full screen on its chosen screen (ui.screens), with or without a window manager."""
    if full_screen:
        return open_window(env, actor, "kiosk")
    from desktop_app.ui.kiosk import KioskWindow

    window = KioskWindow(env, actor)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window


def open_board(env: UiEnv) -> QWidget:
    """Full screen on its chosen screen: the second one (the TV) unless chosen otherwise."""
    return open_window(env, None, "board")  # type: ignore[arg-type]  # the board reads only


@dataclass(frozen=True)
class Upgrade:
    current: str  # the database's schema revision
    steps: list[str]  # the revisions to apply, oldest first


@dataclass(frozen=True)
class FirstRun:
    """The database is empty (or has no users): the first-run wizard."""


class Startup(QObject):
    """Checks the database off the UI thread, takes this PC's language from it, then opens
    what the mode asks for. ``exit_code`` is set when it gives up."""

    def __init__(
        self,
        env: UiEnv,
        mode: str,
        counter: int | None = None,
        quit: Callable[[], None] = QApplication.quit,
    ) -> None:
        super().__init__()
        self.env, self.mode, self.counter, self.quit = env, mode, counter, quit
        self.ops = Operations(self)
        self.exit_code: int | None = None
        self.login: LoginDialog | None = None
        self.shell: QWidget | None = None
        self.demo_users: tuple[str, ...] = ()
        self.upgrade_dialog: QDialog | None = None
        self.wizard: QDialog | None = None

    def begin(self) -> None:
        uow = self.env.uow

        def prepare() -> str | Upgrade | FirstRun:
            # Alembic (db.migrate, services.setup): imported in this worker, not on the UI thread
            from sqlalchemy import inspect

            from db.migrate import check_schema, current_revision
            from desktop_app.services.setup import has_users
            from desktop_app.ui.upgrade import pending_revisions

            try:
                check_schema(uow.engine)
            except KhetDeskError:
                if (
                    current_revision(uow.engine) is None
                    and not inspect(uow.engine).get_table_names()
                ):
                    return FirstRun()  # an empty database: the first-run wizard
                steps = pending_revisions(uow.engine)
                if steps is None:
                    raise
                return Upgrade(current_revision(uow.engine) or "", steps)
            if not has_users(uow):
                return FirstRun()
            return get_setting(uow, "ui.language").value

        self.ops.run(prepare, self._ready, self._give_up)

    def _look_for_demo_users(self, dialog: LoginDialog) -> None:
        """The demo line, once the login is on screen: it takes an Argon2 check (the demo
        password on the demo administrator), which must not hold up the login's first paint."""
        from desktop_app.services.setup import demo_users

        uow = self.env.uow

        def found(users: tuple[str, ...]) -> None:
            self.demo_users = users
            dialog.set_demo_users(users)

        self.ops.run(lambda: demo_users(uow), found, lambda _e: None)

    def _offer_upgrade(self, upgrade: Upgrade) -> None:
        """An older database after a program update: a verified backup, the migration with a
        progress bar, then the start again (ui.upgrade)."""
        from desktop_app.ui.upgrade import UpgradeDialog

        dialog = UpgradeDialog(self.env.uow.engine, upgrade.steps, upgrade.current)
        self.upgrade_dialog = dialog
        self.env.keep(dialog)
        dialog.accepted.connect(self.begin)
        dialog.rejected.connect(self._declined)
        dialog.show()

    def _first_run(self) -> None:
        from desktop_app.ui.first_run import FirstRunWizard

        wizard = FirstRunWizard(self.env, self.env.uow.engine)
        self.wizard = wizard
        self.env.keep(wizard)
        wizard.accepted.connect(self.begin)
        wizard.rejected.connect(lambda: self.begin() if wizard.created else self._declined())
        wizard.show()

    def _declined(self) -> None:
        self.exit_code = 3
        self.quit()

    def _give_up(self, error: Exception) -> None:
        self.exit_code = error.exit_code if isinstance(error, KhetDeskError) else 1
        self.env.dialogs.warn(None, _error_text(error))
        self.quit()

    def _ready(self, prepared: str | Upgrade | FirstRun) -> None:
        if isinstance(prepared, Upgrade):
            return self._offer_upgrade(prepared)
        if isinstance(prepared, FirstRun):
            return self._first_run()
        language = prepared
        self.env.local.language = language
        self.env.i18n.set_language(language)
        self.env.live.start()
        if self.mode == "display":
            open_board(self.env)
        elif self.mode == "kiosk":
            self._start_kiosk()
        elif self.mode == "counter":
            self._ask_login(self.tr("เข้าสู่ระบบช่องบริการ %1").replace("%1", str(self.counter)))
        else:
            self._ask_login("")

    def _start_kiosk(self) -> None:
        """Under this PC's device token (issue 17). A kiosk that still holds a person's
        user and password moves to a token of its own now, and the password is removed from
        this PC. Without either, or when they do not work, staff log in."""
        local, uow = self.env.local, self.env.uow
        account, pc = local.device_account(), pc_name()

        def resolve() -> tuple[devices.DeviceActor, str] | None:
            token = local.device_token()  # the OS keyring may be slow, or ask to be unlocked
            if token:
                return devices.device_actor(uow, token), ""
            if account is None:
                return None
            user, password = account
            new = devices.enroll_kiosk(uow, user, password, pc)
            return devices.device_actor(uow, new.token), new.token

        self.ops.run(resolve, self._resolved, self._kiosk_refused)

    def _resolved(self, result: tuple[devices.DeviceActor, str] | None) -> None:
        if result is None:
            self._ask_login(self.tr("ยังไม่ได้ตั้งโทเค็นเครื่องของตู้นี้: เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้"))
            return
        device, new_token = result
        if new_token:  # moved from a stored password just now
            self.env.local.set_device_token(new_token)
            self.env.local.forget_device_account()
        self._device_ready(device)

    def _device_ready(self, device: devices.DeviceActor) -> None:
        if not device.may("ticket.issue"):
            self._kiosk_refused(Forbidden(self.tr("โทเค็นนี้เป็นของจอแสดงคิว ไม่ใช่ตู้ออกบัตรคิว")))
            return
        self._logged_in(device.actor)

    def _kiosk_refused(self, error: Exception) -> None:
        self._ask_login(
            self.tr("โทเค็นเครื่องของตู้นี้ใช้ไม่ได้ (%1): เจ้าหน้าที่เข้าสู่ระบบเพื่อเปิดตู้").replace(
                "%1", _error_text(error)
            )
        )

    def _ask_login(self, purpose: str) -> None:
        self.login = LoginDialog(self.env, purpose, demo_users=self.demo_users)
        if not self.demo_users:
            self._look_for_demo_users(self.login)
        self.login.logged_in.connect(self._logged_in)
        self.login.rejected.connect(self.quit)
        self.env.keep(self.login)
        self.login.show()

    def _logged_in(self, actor: Actor) -> None:
        env = self.env
        if self.mode == "kiosk":
            if not may(actor.role, "ticket.issue"):
                return self._refuse(actor)
            open_kiosk(env, actor)
        elif self.mode == "counter":
            if not may(actor.role, "ticket.call") or self.counter is None:
                return self._refuse(actor)
            env.local.counter = self.counter
            self._after_login(open_counter(env, actor, self.counter), actor)
        else:
            self.open_shell(actor)
            self._after_login(self.shell, actor)
        return None

    def _after_login(self, window: QWidget, actor: Actor) -> None:
        """The guideline while its version is not acknowledged, then the agency head's
        supervision summary (issue 16; ui.integrity, loaded only now)."""
        from desktop_app.ui import integrity

        self.after_login = integrity.after_login(window, self.env, actor)

    def open_shell(self, actor: Actor) -> None:
        from desktop_app.ui.shell import open_shell

        self.shell = open_shell(self.env, actor, switch_user=self.switch_user, log_out=self.log_out)

    def switch_user(self) -> None:
        """Another person logs in; this shell stays until they have."""
        old = self.shell
        dialog = LoginDialog(self.env, self.tr("สลับผู้ใช้"), old, self.demo_users)
        self.env.keep(dialog)

        def in_(actor: Actor) -> None:
            self.open_shell(actor)  # the new one first: closing the last window would quit
            if old is not None:
                old.close()

        dialog.logged_in.connect(in_)
        dialog.setModal(True)
        dialog.show()

    def log_out(self) -> None:
        old, self.shell = self.shell, None
        self._ask_login("")  # the login first: closing the last window would quit
        if old is not None:
            old.close()

    def _refuse(self, actor: Actor) -> None:
        self.env.dialogs.warn(
            None,
            self.tr("บทบาท %1 เปิดหน้าจอนี้ไม่ได้").replace("%1", texts.role(actor.role.value)),
        )
        self._ask_login(self.login.purpose if self.login is not None else "")
