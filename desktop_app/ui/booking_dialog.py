"""Booking an appointment at the counter or on the phone (issue 15): the service, the day
(Buddhist Era), the slots of that day with their free places, an optional name and phone,
then the code in large type and the slip printed on this PC's thermal printer. Every read and
write runs off the UI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.thai_time import business_date
from desktop_app.services import appointments
from desktop_app.services.appointments import AppointmentView, SlotView
from desktop_app.services.auth import Actor
from desktop_app.services.office import ServiceView, services_in_order
from desktop_app.ui.be_date import BeDateEdit
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations


class BookingDialog(QDialog):
    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.booked: AppointmentView | None = None
        self.services: list[ServiceView] = []
        self.slots: list[SlotView] = []
        self.setWindowTitle(self.tr("จองนัดหมาย"))
        self.setObjectName("bookingDialog")
        self.setMinimumSize(560, 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.service = QComboBox(objectName="bookingService")
        self.service.currentIndexChanged.connect(self.load_slots)
        form.addRow(self.tr("บริการ"), self.service)
        self.day = BeDateEdit(business_date(env.clock()) + dt.timedelta(days=1))
        self.day.setObjectName("bookingDay")
        self.day.changed.connect(self.load_slots)
        form.addRow(self.tr("วันที่นัด"), self.day)
        self.slot_list = QListWidget(objectName="bookingSlots")
        self.slot_list.currentRowChanged.connect(lambda _row: self._update())
        form.addRow(self.tr("เวลา"), self.slot_list)
        self.name = QLineEdit(objectName="bookingName")
        self.name.setPlaceholderText(self.tr("ไม่บังคับ"))
        form.addRow(self.tr("ชื่อผู้นัด"), self.name)
        self.phone = QLineEdit(objectName="bookingPhone")
        self.phone.setPlaceholderText(self.tr("ไม่บังคับ"))
        form.addRow(self.tr("โทรศัพท์"), self.phone)
        layout.addLayout(form)
        self.message = QLabel("", objectName="bookingMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.message)
        self.code = QLabel("", objectName="bookingCode")
        big = QFont()
        big.setPointSize(32)
        big.setBold(True)
        self.code.setFont(big)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code)
        row = QHBoxLayout()
        self.book_button = QPushButton(self.tr("จอง (F9)"), objectName="bookingBook")
        self.book_button.clicked.connect(self.book)
        self.print_button = QPushButton(self.tr("พิมพ์ใบนัด"), objectName="bookingPrint")
        self.print_button.clicked.connect(self.print_slip)
        self.close_button = QPushButton(self.tr("ปิด"))
        self.close_button.clicked.connect(self.accept)
        for b in (self.book_button, self.print_button, self.close_button):
            row.addWidget(b)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.book)
        uow = env.uow
        self.ops.run(lambda: services_in_order(uow), self._services, self._failed)
        self._update()

    def _update(self) -> None:
        free = 0 <= self.slot_list.currentRow() < len(self.slots) and (
            self.slots[self.slot_list.currentRow()].booked
            < self.slots[self.slot_list.currentRow()].capacity
        )
        self.book_button.setEnabled(free and self.booked is None and not self.ops.busy)
        self.print_button.setEnabled(self.booked is not None and not self.ops.busy)

    def _services(self, services: list[ServiceView]) -> None:
        self.services = [s for s in services if s.active]
        self.service.blockSignals(True)
        for s in self.services:
            self.service.addItem(f"{s.code} {s.name}", s.code)
        self.service.blockSignals(False)
        self.load_slots()

    def load_slots(self) -> None:
        code = self.service.currentData()
        if code is None:
            return
        uow, day = self.env.uow, self.day.day
        self.ops.run(lambda: appointments.list_slots(uow, code, day), self._slots, self._failed)

    def _slots(self, slots: list[SlotView]) -> None:
        self.slots = slots
        self.slot_list.clear()
        for s in slots:
            free = s.capacity - s.booked
            text = self.tr("%1 น.  ว่าง %2 จาก %3").replace("%1", s.at[11:16])
            item = QListWidgetItem(text.replace("%2", str(free)).replace("%3", str(s.capacity)))
            if free <= 0:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.slot_list.addItem(item)
        if not slots:
            self.message.setText(self.tr("วันนี้ไม่มีช่วงเวลาให้นัดสำหรับบริการนี้"))
        elif self.booked is None:
            self.message.setText("")
        self._update()

    def book(self) -> None:
        if not self.book_button.isEnabled():
            return
        slot = self.slots[self.slot_list.currentRow()]
        at = f"{slot.at[:10]} {slot.at[11:16]}"
        uow, actor, code = self.env.uow, self.actor, self.service.currentData()
        name, phone = self.name.text(), self.phone.text()
        self.ops.run(lambda: appointments.book(uow, actor, code, at, name, phone),
                     self._booked, self._failed)  # fmt: skip
        self._update()

    def _booked(self, view: AppointmentView) -> None:
        self.booked = view
        self.code.setText(view.appointment)
        self.message.setText(
            self.tr("จองแล้ว %1 เวลา %2 น. แจ้งรหัสนี้แก่ผู้นัด")
            .replace("%1", view.service_name)
            .replace("%2", view.at[11:16])
        )
        self._update()
        self.load_slots()  # the place it took
        self.print_slip()

    def print_slip(self) -> None:
        if self.booked is None:
            return
        from desktop_app.services.appointment_slip import print_slip

        uow, actor, code = self.env.uow, self.actor, self.booked.appointment
        self.ops.run(lambda: print_slip(uow, actor, code), lambda _r: self._printed(),
                     self._print_failed)  # fmt: skip
        self._update()

    def _printed(self) -> None:
        self.message.setText(self.message.text() + "\n" + self.tr("พิมพ์ใบนัดแล้ว"))
        self._update()

    def _print_failed(self, error: Exception) -> None:
        self.message.setText(self.message.text() + "\n" + self.tr(
            "พิมพ์ใบนัดไม่ได้ (เครื่องพิมพ์) การจองยังอยู่ พิมพ์ใหม่ได้"))  # fmt: skip
        self._update()

    def _failed(self, error: Exception) -> None:
        text = error.message if isinstance(error, KhetDeskError) else type(error).__name__
        self.message.setText(text.split(" (")[0] if self.env.local.language == "th" else text)
        self._update()
        self.load_slots()

    def done(self, result: int) -> None:
        self.ops.wait(5000)
        super().done(result)
