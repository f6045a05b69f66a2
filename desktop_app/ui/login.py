"""Logging in, and what opens after it.

``khetdesk gui``: the login, then a launcher with the windows the user's role may open
(counter console and kiosk for counter staff, settings for the administrator, the board
and the overview for everyone). ``--counter N``: the login, then counter N. ``--kiosk``:
no person logs in; the kiosk runs under this PC's device token (LocalSettings, issue 17;
a kiosk that still holds a person's password moves to a token at this start); if none is
configured, or it does not work, a member of staff logs in and the kiosk runs under them.
``--display``: the board, no account at all (it only reads). A person whose password falls
short of the policy sets a new one before any window opens (ui.password_dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.migrate import check_schema
from db.uow import UnitOfWork
from desktop_app.domain.errors import Forbidden, KhetDeskError
from desktop_app.domain.roles import PERMISSIONS, Role
from desktop_app.services import devices, loan_desk_queries
from desktop_app.services.auth import Actor, authenticate
from desktop_app.services.office import list_counters
from desktop_app.services.settings import get_setting, pc_name
from desktop_app.services.users import password_shortfall
from desktop_app.ui import integrity, texts
from desktop_app.ui.dialogs import CounterChoiceDialog
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations


def may(role: Role, action: str) -> bool:
    return role in PERMISSIONS.get(action, frozenset())


def _error_text(error: Exception) -> str:
    return error.message if isinstance(error, KhetDeskError) else type(error).__name__


def _log_in(uow: UnitOfWork, username: str, password: str) -> tuple[Actor, str | None]:
    """The actor, and why their password falls short of today's policy (or None)."""
    actor = authenticate(uow, username, password)
    return actor, password_shortfall(uow, actor.username, password)


class LoginDialog(QDialog):
    """Username and password, checked off the UI thread. ``logged_in`` carries the actor."""

    logged_in = Signal(object)

    def __init__(self, env: UiEnv, purpose: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.env, self.purpose = env, purpose
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
        self.demo_note = QLabel(objectName="loginDemoNote")
        self.demo_note.setWordWrap(True)
        self._password = ""
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
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_note)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QDialog { font-size: 17px; } QLineEdit, QPushButton { min-height: 40px; }"
            "#loginDemoNote { font-size: 13px; color: #64748b; }"
            "#loginHeading { font-size: 22px; font-weight: bold; color: #0f3b5f; }"
            "#loginMessage { color: #b91c1c; }"
        )
        self.setMinimumWidth(460)
        self.retranslate()

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


class Launcher(QMainWindow):
    """After the login: one big button per window the role may open."""

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__()
        self.setObjectName("launcher")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.greeting = QLabel(objectName="launcherGreeting")
        self.buttons: dict[str, QPushButton] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.greeting)
        allowed = [
            ("openCounter", may(actor.role, "ticket.call"), self.open_counter),
            ("openKiosk", may(actor.role, "ticket.issue"), self.open_kiosk),
            ("openBoard", True, self.open_board),
            ("openOverview", True, self.open_overview),
            ("openSettings", may(actor.role, "settings.set"), self.open_settings),
            # The loan windows: the register for everyone, a request for anyone who may
            # ask, the desk for the supply officer, the inbox for the heads (and for anyone
            # holding a delegation today, added below once the database has answered).
            ("openAssets", True, self.open_assets),
            ("openLoanRequest", may(actor.role, "loan.request"), self.open_loan_request),
            ("openLoanDesk", may(actor.role, "loan.handover"), self.open_loan_desk),
            ("openLoanInbox", may(actor.role, "delegation.add"), self.open_loan_inbox),
            ("openStats", may(actor.role, "report.view"), self.open_stats),
            # Integrity and transparency (issue 16): the guideline, the loan situation,
            # misuse reports, the head's summary, the custodian's report.
            *integrity.launcher_buttons(env, actor, self),
        ]
        self._layout = layout
        for name, ok, slot in allowed:
            if ok:
                self._add_button(name, slot)
        if "openLoanInbox" not in self.buttons:
            uow = env.uow
            self.ops.run(
                lambda: loan_desk_queries.holds_approval_power(uow, actor),
                self._delegated,
                lambda _e: None,  # no inbox button; the login itself worked
            )
        self.language_button = QPushButton(objectName="launcherLanguage")
        self.language_button.clicked.connect(lambda: env.i18n.set_language(env.i18n.toggled()))
        layout.addStretch(1)
        layout.addWidget(self.language_button)
        self.setCentralWidget(body)
        self.setStyleSheet(
            "QPushButton { font-size: 20px; } #launcherGreeting { font-size: 22px; "
            "font-weight: bold; color: #0f3b5f; }"
        )
        self.resize(520, 520)
        self.retranslate()

    def _add_button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(objectName=name)
        b.setMinimumHeight(64)
        b.clicked.connect(slot)
        self._layout.insertWidget(len(self.buttons) + 1, b)
        self.buttons[name] = b
        return b

    def _delegated(self, holds: bool) -> None:
        if holds and "openLoanInbox" not in self.buttons:
            self._add_button("openLoanInbox", self.open_loan_inbox)
            self.retranslate()

    def open_assets(self) -> None:
        from desktop_app.ui.asset_register import open_asset_register

        open_asset_register(self.env, self.actor)

    def open_loan_request(self) -> None:
        from desktop_app.ui.loan_request import open_loan_request

        open_loan_request(self.env, self.actor)

    def open_loan_desk(self) -> None:
        from desktop_app.ui.loan_desk import open_loan_desk

        open_loan_desk(self.env, self.actor)

    def open_loan_inbox(self) -> None:
        from desktop_app.ui.loan_inbox import open_loan_inbox

        open_loan_inbox(self.env, self.actor)

    def open_stats(self) -> None:
        from desktop_app.ui.stats_window import StatsWindow

        window = StatsWindow(self.env, self.actor)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.env.keep(window).show()

    def open_counter(self) -> None:
        env = self.env
        self.ops.run(lambda: list_counters(env.uow), self._choose_counter, self._failed)

    def _choose_counter(self, counters: list[object]) -> None:
        from desktop_app.services.office import CounterView

        views = [c for c in counters if isinstance(c, CounterView)]
        dialog = CounterChoiceDialog(views, self.env.local.counter, self)
        if not self.env.dialogs.run(dialog) or dialog.number is None:
            return
        self.env.local.counter = dialog.number
        open_counter(self.env, self.actor, dialog.number)

    def open_kiosk(self) -> None:
        open_kiosk(self.env, self.actor)

    def open_board(self) -> None:
        open_board(self.env)

    def open_overview(self) -> None:
        from desktop_app.ui.main_window import MainWindow

        window = MainWindow(self.env.uow)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.env.keep(window).show()

    def open_settings(self) -> None:
        from desktop_app.ui.admin import SettingsWindow

        window = SettingsWindow(self.env, self.actor)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.env.keep(window).show()

    def _failed(self, error: Exception) -> None:
        self.env.dialogs.warn(self, _error_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle("KhetDesk")
        self.greeting.setText(
            self.tr("สวัสดี %1 (%2)")
            .replace("%1", self.actor.name)
            .replace("%2", texts.role(self.actor.role.value))
        )
        labels = {
            "openCounter": self.tr("ช่องบริการ (เรียกคิว)"),
            "openKiosk": self.tr("ตู้ออกบัตรคิว"),
            "openBoard": self.tr("จอแสดงคิว"),
            "openOverview": self.tr("ภาพรวมคิว"),
            "openSettings": self.tr("ตั้งค่าและผู้ใช้"),
            "openAssets": self.tr("ทะเบียนพัสดุ"),
            "openLoanRequest": self.tr("ขอยืมพัสดุ"),
            "openLoanDesk": self.tr("งานยืมพัสดุ (ส่งมอบ รับคืน ติดตาม)"),
            "openLoanInbox": self.tr("รายการรออนุมัติการยืม"),
            "openStats": self.tr("สถิติการให้บริการและการยืม"),
            **integrity.launcher_labels(),
        }
        for name, b in self.buttons.items():
            b.setText(labels[name])
        self.language_button.setText("English" if self.env.i18n.language == "th" else "ภาษาไทย")


def open_counter(env: UiEnv, actor: Actor, number: int) -> QWidget:
    from desktop_app.ui.counter import CounterWindow

    window = CounterWindow(env, actor, number)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window


def open_kiosk(env: UiEnv, actor: Actor, full_screen: bool = True) -> QWidget:
    from desktop_app.ui.kiosk import KioskWindow

    window = KioskWindow(env, actor)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    return window


def open_board(env: UiEnv, full_screen: bool = True) -> QWidget:
    """On the second screen when there is one (the TV), full screen."""
    from desktop_app.ui.board import BoardWindow

    window = BoardWindow(env)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window)
    screens = QGuiApplication.screens()
    if len(screens) > 1:
        window.setGeometry(screens[1].geometry())
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    return window


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

    def begin(self) -> None:
        uow = self.env.uow

        def prepare() -> str:
            check_schema(uow.engine)
            return get_setting(uow, "ui.language").value

        self.ops.run(prepare, self._ready, self._give_up)

    def _give_up(self, error: Exception) -> None:
        self.exit_code = error.exit_code if isinstance(error, KhetDeskError) else 1
        self.env.dialogs.warn(None, _error_text(error))
        self.quit()

    def _ready(self, language: str) -> None:
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
        self.login = LoginDialog(self.env, purpose)
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
            counter = open_counter(env, actor, self.counter)
            self.after_login = integrity.after_login(counter, env, actor)  # issue 16
        else:
            launcher = Launcher(env, actor)
            env.keep(launcher).show()
            launcher.after_login = integrity.after_login(launcher, env, actor)  # issue 16
        return None

    def _refuse(self, actor: Actor) -> None:
        self.env.dialogs.warn(
            None,
            self.tr("บทบาท %1 เปิดหน้าจอนี้ไม่ได้").replace("%1", texts.role(actor.role.value)),
        )
        self._ask_login(self.login.purpose if self.login is not None else "")
