"""The ticket kiosk: full screen, touch first, for citizens of every age.

One big button per open service (Thai name, English under it); above them the priority
lanes with pictograms, tapped first when they apply. A tap issues the ticket (off the UI
thread), shows its number, the people ahead and the likely wait, and prints it; a printer
fault says so plainly and sends the citizen to the counter — the ticket stands. The
window cannot be closed without the exit PIN (or, with none set on this PC, the password
of the account the kiosk runs under; under a device token, a staff login).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.uow import UnitOfWork
from desktop_app.domain.errors import AuthError, KhetDeskError
from desktop_app.services import printer, tickets
from desktop_app.services.auth import Actor, authenticate
from desktop_app.services.office import ServiceView, office_logo, services_in_order
from desktop_app.services.printer_health import PrinterHealth, record_printer_health
from desktop_app.services.settings import get_setting
from desktop_app.services.tickets import TicketView
from desktop_app.ui import texts
from desktop_app.ui.dialogs import PinDialog
from desktop_app.ui.env import UiEnv, verify_pin
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.widgets import ICONS, Banner, BigButton, logo_label

log = logging.getLogger(__name__)

RESULT_SECONDS = 8.0
FAULT_SECONDS = 20.0
# A priority lane chosen and then left: the next citizen must not inherit it.
PRIORITY_IDLE_SECONDS = 15.0
# How often the printer is asked, while nobody is printing, whether it could print.
PRINTER_CHECK_SECONDS = 60.0
SERVICE_COLOURS = ("#0f766e", "#1d4ed8", "#7c3aed", "#b45309", "#be123c", "#15803d", "#0369a1")


@dataclass(frozen=True)
class KioskData:
    office_name: str
    office_name_en: str
    services: tuple[ServiceView, ...]  # open ones, in display order


def _load(uow: UnitOfWork) -> KioskData:
    services = tuple(s for s in services_in_order(uow) if s.active)
    return KioskData(
        get_setting(uow, "office.name").value, get_setting(uow, "office.name_en").value, services
    )


class KioskWindow(QWidget):
    exited = Signal()

    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        result_seconds: float = RESULT_SECONDS,
        fault_seconds: float = FAULT_SECONDS,
        idle_seconds: float = PRIORITY_IDLE_SECONDS,
        printer_check_seconds: float = PRINTER_CHECK_SECONDS,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.env, self.actor = env, actor
        self.result_seconds, self.fault_seconds = result_seconds, fault_seconds
        self.idle_seconds = idle_seconds
        self.printer_ok: bool | None = None  # not known until the first check
        self.ops = Operations(self)
        self.data: KioskData | None = None
        self.ticket: TicketView | None = None
        self.print_state = ""  # printing | printed | fault
        self.fault_detail = ""
        self.unlocked = False
        self._busy = False
        self._home_language = env.i18n.language
        self._logo: bytes | None = None
        self._styled_logo: tuple[bytes | None, float] | None = None
        self.setWindowTitle("KhetDesk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The window itself holds the focus at rest: no button looks chosen before anyone
        # has touched the screen; Tab moves into the buttons for keyboard users.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.back_timer = QTimer(self, singleShot=True, timeout=self.back_to_start)
        self.idle_timer = QTimer(self, singleShot=True, timeout=self.clear_priority)
        self.clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self.clock_timer.start()
        self.reloader = Reloader(self.ops, lambda: _load(env.uow), self._show, self._failed)
        # A method, not a lambda: Qt drops the connection when the window is deleted.
        env.live.changed.connect(self._changed)
        env.live.online.connect(self._online)
        self.reloader.request()
        self.ops.run(lambda: office_logo(env.uow), self._show_logo, lambda e: None)
        # The printer is checked before anyone taps, then every minute while idle.
        self.printer_check = Reloader(
            self.ops,
            lambda: printer.check_ticket_printer(env.uow, actor),
            self._printer_checked,
            lambda e: log.warning("kiosk printer check failed: %s", e),
        )
        self.printer_timer = QTimer(
            self, interval=int(printer_check_seconds * 1000), timeout=self._check_printer
        )
        self.printer_timer.start()
        self.printer_check.request()
        self._tick()
        self.retranslate()
        self._restyle()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_result())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Type is sized from the window's height: the window must not in turn grow to fit
        # the type, or each would push the other up without end.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        outer.addWidget(self.stack, 1)
        outer.addWidget(self._build_footer())
        for i in range(1, 10):
            QShortcut(QKeySequence(str(i)), self, activated=lambda n=i: self._press_nth(n))
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, activated=self.ask_to_exit)

    def _build_header(self) -> QWidget:
        header = QWidget(objectName="kioskHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.logo = QLabel(objectName="kioskLogo")
        self.logo.hide()
        self.office = QLabel(objectName="kioskOffice")
        self.office_sub = QLabel(objectName="kioskOfficeSub")
        self.clock = QLabel(objectName="kioskClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.office)
        names.addWidget(self.office_sub)
        row = QHBoxLayout(header)
        row.addWidget(self.logo)
        row.addLayout(names, 1)
        row.addWidget(self.clock)
        return header

    def _build_start(self) -> QWidget:
        page = QWidget(objectName="kioskStart")
        self.printer_down = QLabel(objectName="kioskPrinterDown")
        self.printer_down.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.printer_down.setWordWrap(True)
        self.printer_down.hide()
        self.instruction = QLabel(objectName="kioskInstruction")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction.setWordWrap(True)
        self.priority_title = QLabel(objectName="kioskPriorityTitle")
        self.priority_title.setWordWrap(True)
        prio_row = QHBoxLayout()
        self.priority_buttons: dict[str, BigButton] = {}
        for value in texts.PRIORITIES:
            b = BigButton(f"priority_{value}", ICONS / f"{value}.svg")
            b.setCheckable(True)
            b.toggled.connect(lambda on, v=value: self._priority_toggled(v, on))
            prio_row.addWidget(b)
            self.priority_buttons[value] = b
        # Shown while a lane is chosen: the next step, large, where the eye already is.
        self.priority_prompt = QLabel(objectName="kioskPriorityPrompt")
        self.priority_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.priority_prompt.setWordWrap(True)
        self.priority_prompt.hide()
        self.services_grid = QGridLayout()
        self.services_grid.setSpacing(16)
        self.service_buttons: list[tuple[BigButton, ServiceView]] = []
        self.no_services = QLabel(objectName="kioskNoServices")
        self.no_services.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_services.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 16, 32, 8)
        layout.setSpacing(12)
        layout.addWidget(self.printer_down)
        layout.addWidget(self.instruction)
        layout.addWidget(self.priority_title)
        layout.addLayout(prio_row, 2)
        layout.addWidget(self.priority_prompt)
        layout.addLayout(self.services_grid, 7)
        layout.addWidget(self.no_services)
        return page

    def check_in_appointment(self) -> None:
        from desktop_app.ui.appointment_keypad import AppointmentKeypad

        if self._busy:
            return
        keypad = AppointmentKeypad(self.env, self.actor, self)
        # Deleted once its answer is read, not on close: a delete on close could come while
        # the dialog is still being asked whether it is visible.
        done = keypad.checked_in if self.env.dialogs.run(keypad) else None
        keypad.deleteLater()
        if done is not None:
            self._issued(done.ticket)
            if done.late:
                self.message.show_message(
                    self.tr("มาช้ากว่าเวลานัด: ได้รับบัตรคิวปกติ ต่อคิวตามลำดับ"), "warning", 15
                )

    def _build_result(self) -> QWidget:
        page = QWidget(objectName="kioskResult")
        self.result_title = QLabel(objectName="kioskResultTitle")
        self.code = QLabel(objectName="kioskTicketCode")
        self.result_service = QLabel(objectName="kioskResultService")
        self.result_wait = QLabel(objectName="kioskWait")
        self.print_status = QLabel(objectName="kioskPrintStatus")
        self.print_detail = QLabel(objectName="kioskPrintDetail")
        for label in (self.result_title, self.code, self.result_service, self.result_wait,
                      self.print_status, self.print_detail):  # fmt: skip
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.done = QPushButton(objectName="kioskDone")
        self.done.clicked.connect(self.back_to_start)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addStretch(1)
        for w in (self.result_title, self.code, self.result_service, self.result_wait,
                  self.print_status, self.print_detail):  # fmt: skip
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _build_footer(self) -> QWidget:
        footer = QWidget(objectName="kioskFooter")
        self.message = Banner("kioskMessage")
        self.language_button = QPushButton(objectName="kioskLanguage")
        self.language_button.clicked.connect(self._switch_language)
        self.exit_button = QPushButton("⚙", objectName="kioskExit")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.clicked.connect(self.ask_to_exit)
        # A booked citizen checks in with the slip's code (issue 15): the keypad, then the
        # ticket as for any other tap.
        self.appointment_button = QPushButton(objectName="kioskAppointment")
        self.appointment_button.setMinimumHeight(56)
        self.appointment_button.clicked.connect(self.check_in_appointment)
        row = QHBoxLayout(footer)
        row.setContentsMargins(32, 4, 12, 8)
        row.addWidget(self.message, 1)
        row.addWidget(self.appointment_button)
        row.addSpacing(16)
        row.addWidget(self.language_button)
        row.addSpacing(48)  # the staff's ⚙ well apart from the citizens' language button
        row.addWidget(self.exit_button)
        return footer

    # ------------------------------------------------------------------ data
    def _show(self, data: KioskData) -> None:
        if data == self.data:
            return
        changed_buttons = self.data is None or data.services != self.data.services
        self.data = data
        if changed_buttons:
            self._rebuild_services(data.services)
        self.retranslate()

    def _changed(self, _revision: int) -> None:
        self.reloader.request()

    def _failed(self, error: Exception) -> None:
        self._online(False)

    def _online(self, online: bool) -> None:
        if online:
            if self.message.kind == "offline":
                self.message.clear_message()
        else:
            self.message.show_message(
                self.tr("ระบบขัดข้องชั่วคราว กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์"), "offline", 0
            )

    def _show_logo(self, data: bytes | None) -> None:
        self._logo = data
        self._restyle()

    def _rebuild_services(self, services: tuple[ServiceView, ...]) -> None:
        for button, _ in self.service_buttons:
            self.services_grid.removeWidget(button)
            button.setParent(None)  # gone at once: a tap can never reach a stale button
            button.deleteLater()
        self.service_buttons = []
        n = len(services)
        columns = 1 if n <= 2 else 2 if n <= 6 else 3
        for i, svc in enumerate(services):
            b = BigButton(f"service_{svc.code}")
            b.clicked.connect(lambda _=False, c=svc.code: self.issue(c))
            self.services_grid.addWidget(b, i // columns, i % columns)
            self.service_buttons.append((b, svc))
        self.no_services.setVisible(n == 0)
        self._enable(not self._busy)
        self._restyle()

    def _press_nth(self, n: int) -> None:
        if self.stack.currentIndex() == 0 and 0 < n <= len(self.service_buttons):
            self.service_buttons[n - 1][0].click()

    # ------------------------------------------------------------------ issuing
    @property
    def priority(self) -> str | None:
        return next((v for v, b in self.priority_buttons.items() if b.isChecked()), None)

    def _priority_toggled(self, value: str, on: bool) -> None:
        if on:  # one lane at most; tapping the chosen one again clears it
            for other, b in self.priority_buttons.items():
                if other != value and b.isChecked():
                    b.setChecked(False)
        chosen = self.priority
        if chosen is None:
            self.idle_timer.stop()
        else:  # each tap on a lane starts the idle time again
            self.idle_timer.start(int(self.idle_seconds * 1000))
        self.priority_prompt.setVisible(chosen is not None)
        self._priority_prompt_text()

    def clear_priority(self) -> None:
        """No lane chosen: after each ticket, and when a choice has been left idle."""
        self.idle_timer.stop()
        for b in self.priority_buttons.values():
            if b.isChecked():
                b.setChecked(False)
        self.priority_prompt.hide()

    def _priority_prompt_text(self) -> None:
        chosen = self.priority
        if chosen is None:
            return
        lang = self.env.i18n.language
        thai, english = texts.PRIORITY_NAMES[chosen]
        self.priority_prompt.setText(
            self.tr("%1: เลือกบริการด้านล่าง").replace("%1", texts.name_in(lang, thai, english))
        )

    def _enable(self, on: bool) -> None:
        for b, _ in self.service_buttons:
            b.setEnabled(on)

    def issue(self, service_code: str) -> None:
        if self._busy:
            return  # a second tap while the first is being issued
        self.idle_timer.stop()
        self._busy = True
        self._enable(False)
        uow, actor, prio = self.env.uow, self.actor, self.priority
        self.ops.run(
            lambda: tickets.issue_ticket(uow, actor, service_code, prio),
            self._issued,
            self._issue_failed,
        )

    def _issued(self, ticket: TicketView) -> None:
        self._busy = False
        self._enable(True)
        self.ticket, self.print_state, self.fault_detail = ticket, "printing", ""
        self.clear_priority()
        self.stack.setCurrentIndex(1)
        self.back_timer.stop()
        self.retranslate()
        self.env.live.poke()
        uow, actor = self.env.uow, self.actor
        self.ops.run(
            lambda: printer.print_ticket(uow, actor, ticket), self._printed, self._print_failed
        )

    def _printed(self, _result: object) -> None:
        self.print_state = "printed"
        self.retranslate()
        self.back_timer.start(int(self.result_seconds * 1000))
        if self.printer_ok is not True:
            self._check_printer()  # it works again: the counters' banner goes

    def _print_failed(self, error: Exception) -> None:
        self.print_state = "fault"
        # The citizen reads the red line and what to do; the reason is for staff: in the
        # log, and on every counter's banner through the recorded printer state.
        reason = error.details.get("reason") if isinstance(error, KhetDeskError) else None
        self.fault_detail = ""
        code = self.ticket.code if self.ticket is not None else "?"
        log.warning("kiosk ticket %s not printed: %s", code, error)
        self.retranslate()
        self.back_timer.start(int(self.fault_seconds * 1000))
        self._set_printer_ok(False)
        uow, actor, why = self.env.uow, self.actor, str(reason or "io")
        thai, english = f"พิมพ์บัตรคิว {code} ไม่ได้ ({why})", f"ticket {code} not printed ({why})"
        self.ops.run(
            lambda: record_printer_health(uow, actor, False, why, thai, english),
            lambda _h: None,
            lambda e: log.warning("kiosk printer state not recorded: %s", e),
        )

    def _check_printer(self) -> None:
        if not self._busy and self.print_state != "printing":
            self.printer_check.request()

    def _printer_checked(self, health: PrinterHealth) -> None:
        if not health.ok:
            log.warning("kiosk printer down: %s (%s)", health.english, health.reason)
        self._set_printer_ok(health.ok)

    def _set_printer_ok(self, ok: bool) -> None:
        self.printer_ok = ok
        self.printer_down.setVisible(not ok)
        self._printer_text()

    def _printer_text(self) -> None:
        self.printer_down.setText(
            self.tr("เครื่องพิมพ์บัตรคิวขัดข้อง: ท่านยังรับหมายเลขคิวได้ "
                    "โปรดจำหมายเลขบนหน้าจอ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์")
        )  # fmt: skip

    def _issue_failed(self, error: Exception) -> None:
        self._busy = False
        self._enable(True)
        if self.priority is not None:
            self.idle_timer.start(int(self.idle_seconds * 1000))
        # The reason is for staff (the log); the citizen is told what to do.
        log.warning("kiosk could not issue a ticket: %s", error)
        self.message.show_message(
            self.tr("ขออภัย ออกบัตรคิวไม่ได้ กรุณาติดต่อเจ้าหน้าที่ที่เคาน์เตอร์"), "error", 15
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()

    def back_to_start(self) -> None:
        self.back_timer.stop()
        self.clear_priority()
        self.stack.setCurrentIndex(0)
        self.setFocus()
        if self.env.i18n.language != self._home_language:
            self.env.i18n.set_language(self._home_language)

    def _switch_language(self) -> None:
        self.env.i18n.set_language(self.env.i18n.toggled())

    # ------------------------------------------------------------------ leaving
    def ask_to_exit(self) -> None:
        if self.actor.username.startswith("device:") and not self.env.local.kiosk_pin_hash:
            return self._staff_exit()  # a device token has no password to type (issue 17)
        dialog = PinDialog(self)
        if not self.env.dialogs.run(dialog):
            return
        pin, uow, username = dialog.pin, self.env.uow, self.actor.username
        stored = self.env.local.kiosk_pin_hash

        def check() -> bool:
            if stored:
                return verify_pin(stored, pin)
            try:
                authenticate(uow, username, pin)
            except AuthError:
                return False
            return True

        self.ops.run(check, self._checked, lambda e: self._checked(False))

    def _staff_exit(self) -> None:
        """Without an exit PIN, under a device token: a member of staff who may issue
        tickets logs in (their own name and password) to let the kiosk close."""
        from desktop_app.ui.login import LoginDialog, may

        dialog = LoginDialog(self.env, self.tr("สำหรับเจ้าหน้าที่: เข้าสู่ระบบเพื่อออกจากตู้ออกบัตรคิว"), self)
        accepted = self.env.dialogs.run(dialog)
        staff = dialog.actor
        self._checked(accepted and staff is not None and may(staff.role, "ticket.issue"))

    def _checked(self, ok: bool) -> None:
        if ok:
            self.unlocked = True
            self.close()
            self.exited.emit()
        else:
            self.message.show_message(self.tr("PIN ไม่ถูกต้อง"), "error", 5)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.unlocked:
            event.ignore()  # Alt+F4 and the like: only the PIN lets staff out
            return
        self.clock_timer.stop()
        self.back_timer.stop()
        self.idle_timer.stop()
        self.printer_timer.stop()
        self.ops.wait(5000)
        super().closeEvent(event)

    def release(self) -> None:
        """Let the window close (the application is shutting down)."""
        self.unlocked = True

    # ------------------------------------------------------------------ texts and look
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tick(self) -> None:
        self.clock.setText(texts.clock(self.env.clock(), seconds=False))

    def retranslate(self) -> None:
        lang = self.env.i18n.language
        self.appointment_button.setText(self.tr("มีนัดหมาย (เช็กอินด้วยรหัสบนใบนัด)"))
        if self.data is not None:
            self.office.setText(
                texts.name_in(lang, self.data.office_name, self.data.office_name_en)
            )
            self.office_sub.setText(
                texts.other_name(lang, self.data.office_name, self.data.office_name_en)
            )
        self.instruction.setText(self.tr("แตะเลือกบริการเพื่อรับบัตรคิว"))
        self.priority_title.setText(
            self.tr("ผู้สูงอายุ คนพิการ หญิงตั้งครรภ์ และพระภิกษุสงฆ์ได้รับบริการก่อน: แตะเลือกก่อนเลือกบริการ")
        )
        for value, b in self.priority_buttons.items():
            thai, english = texts.PRIORITY_NAMES[value]
            b.set_lines(texts.name_in(lang, thai, english), texts.other_name(lang, thai, english))
        self._priority_prompt_text()
        for b, svc in self.service_buttons:
            b.set_lines(texts.name_in(lang, svc.name, svc.name_en),
                        texts.other_name(lang, svc.name, svc.name_en))  # fmt: skip
        self.no_services.setText(self.tr("ยังไม่เปิดให้บริการ กรุณาติดต่อเจ้าหน้าที่"))
        self._printer_text()
        self.language_button.setText("English" if lang == "th" else "ภาษาไทย")
        self.done.setText(self.tr("ตกลง"))
        self.result_title.setText(self.tr("บัตรคิวของท่าน"))
        self._result_texts(lang)

    def _result_texts(self, lang: str) -> None:
        t = self.ticket
        if t is None:
            return
        self.code.setText(t.code)
        services = self.data.services if self.data else ()
        name_en = next((s.name_en for s in services if s.code == t.service), "")
        self.result_service.setText(
            texts.name_in(lang, t.service_name, name_en)
            + (f" · {texts.priority(t.priority)}" if t.priority else "")
        )
        ahead, minutes = t.ahead or 0, t.estimated_wait_minutes or 0
        if ahead == 0:
            wait = self.tr("ไม่มีผู้รอก่อนท่าน กรุณารอเรียกสักครู่")
        else:
            wait = (
                self.tr("มีผู้รอก่อนท่าน %1 คน · รอประมาณ %2 นาที")
                .replace("%1", str(ahead))
                .replace("%2", str(minutes))
            )
        self.result_wait.setText(wait)
        status = {
            "printing": self.tr("กำลังพิมพ์บัตรคิว…"),
            "printed": self.tr("กรุณารับบัตรคิวที่ช่องด้านล่าง"),
            "fault": self.tr("เครื่องพิมพ์ขัดข้อง: กรุณาจำหมายเลขคิวนี้ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์"),
        }.get(self.print_state, "")
        self.print_status.setText(status)
        self.print_status.setProperty("fault", self.print_state == "fault")
        self.print_detail.setText(self.fault_detail)
        self.print_detail.setVisible(bool(self.fault_detail))
        self._restyle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        u = max(4.0, self.height() / 100)  # one hundredth of the screen height
        px = lambda k: f"{round(k * u)}px"  # noqa: E731
        fault = self.print_state == "fault"
        colours = "".join(
            f"#service_{svc.code} {{ background: {SERVICE_COLOURS[i % len(SERVICE_COLOURS)]}; }}"
            f"#service_{svc.code}:disabled {{ background: #94a3b8; }}"
            for i, (_, svc) in enumerate(self.service_buttons)
        )
        sheet = (
            colours
            + f"""
            #kiosk {{ background: #f1f5f9; }}
            #kioskHeader {{ background: #0f3b5f; }}
            #kioskOffice {{ color: white; font-size: {px(4.6)}; font-weight: bold; }}
            #kioskOfficeSub {{ color: #cbd5e1; font-size: {px(2.6)}; }}
            #kioskClock {{ color: white; font-size: {px(5)}; font-weight: bold; }}
            #kioskInstruction {{ color: #0f172a; font-size: {px(4.6)}; font-weight: bold; }}
            #kioskPriorityTitle {{ color: #334155; font-size: {px(2.5)}; }}
            #kioskPriorityPrompt {{ color: #0f172a; background: #fde68a;
                                    border: 3px solid #b45309; border-radius: {px(1)};
                                    font-size: {px(5)}; font-weight: bold;
                                    padding: {px(0.6)}; }}
            #kioskPrinterDown {{ color: white; background: #b91c1c; font-weight: bold;
                                 font-size: {px(3.4)}; border-radius: {px(1)};
                                 padding: {px(0.8)}; }}
            #kioskNoServices {{ color: #b91c1c; font-size: {px(4)}; }}
            BigButton {{ border-radius: {px(1.6)}; border: 2px solid #94a3b8;
                         background: white; }}
            BigButton:focus {{ border: 3px dashed #0f3b5f; }}
            BigButton[objectName^="service_"]:focus {{ border: 4px dashed white; }}
            BigButton:checked {{ background: #fbbf24; border: 4px solid #b45309; }}
            BigButton:disabled {{ background: #cbd5e1; }}
            BigButton QLabel#main {{ font-size: {px(2.6)}; font-weight: bold; color: #0f172a; }}
            BigButton QLabel#sub {{ font-size: {px(1.9)}; color: #475569; }}
            BigButton[objectName^="service_"] QLabel#main {{
                font-size: {px(4.6)}; color: white; }}
            BigButton[objectName^="service_"] QLabel#sub {{
                font-size: {px(2.8)}; color: #e2e8f0; }}
            #kioskResultTitle {{ font-size: {px(4.2)}; color: #334155; }}
            #kioskTicketCode {{ font-size: {px(17)}; font-weight: bold; color: #0f3b5f; }}
            #kioskResultService {{ font-size: {px(3.8)}; color: #0f172a; }}
            #kioskWait {{ font-size: {px(3.8)}; color: #0f172a; }}
            #kioskPrintStatus {{ font-size: {px(4.4)}; font-weight: bold;
                                 color: {"white" if fault else "#15803d"};
                                 background: {"#b91c1c" if fault else "transparent"};
                                 border-radius: {px(1)}; padding: {px(1)}; }}
            #kioskPrintDetail {{ font-size: {px(1.6)}; color: #64748b; }}
            #kioskDone {{ font-size: {px(4)}; padding: {px(1.4)} {px(8)};
                          background: #0f3b5f; color: white; border-radius: {px(1.2)}; }}
            #kioskLanguage {{ font-size: {px(2.6)}; padding: {px(0.8)} {px(3)};
                              border-radius: {px(1)}; background: white;
                              border: 2px solid #94a3b8; }}
            #kioskExit {{ font-size: {px(2)}; color: #94a3b8; background: transparent;
                          border: none; padding: {px(0.5)}; }}
            #kioskMessage {{ font-size: {px(2.6)}; }}
            #kioskMessage[kind="error"], #kioskMessage[kind="offline"] {{ color: #b91c1c; }}
            """
        )
        if sheet == self.styleSheet() and self._styled_logo == (self._logo, u):
            return  # nothing changed: re-applying would re-layout, resize, and come back here
        self.setStyleSheet(sheet)
        self._styled_logo = (self._logo, u)
        for b in self.priority_buttons.values():
            b.set_icon_size(round(7 * u))
        logo_label(self._logo, round(8 * u), self.logo)
