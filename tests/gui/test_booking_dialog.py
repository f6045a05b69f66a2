"""Booking at the counter, as a clerk on the phone would: pick the service and the slot, type
the name, press F9; the code shows large and the slip goes to the printer (here: none
configured, so the booking stands and the clerk is told)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListWidget

from desktop_app.services import appointments
from desktop_app.ui.booking_dialog import BookingDialog
from tests.gui.conftest import WAIT_MS, type_thai
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "booking.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def slots(env, clock):
    tomorrow = clock.now.date() + dt.timedelta(days=1)
    admin = actor(env.uow, "admin")
    for code in ("A", "B"):
        appointments.generate_slots(
            env.uow,
            admin,
            code,
            tomorrow,
            tomorrow,
            "mon,tue,wed,thu,fri,sat,sun",
            "09:00",
            "10:00",
            30,
            1,
        )
    return tomorrow


def test_a_clerk_books_a_slot_with_the_keyboard_and_mouse(qtbot, env, slots):
    dialog = BookingDialog(env, actor(env.uow, "clerk1"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # F9 goes to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    slot_list = dialog.findChild(QListWidget, "bookingSlots")
    qtbot.waitUntil(lambda: slot_list.count() == 2, timeout=WAIT_MS)
    service = dialog.findChild(QComboBox, "bookingService")
    service.setFocus()
    qtbot.keyClick(service, Qt.Key.Key_Down)  # A → B
    assert service.currentData() == "B"
    qtbot.waitUntil(lambda: not dialog.ops.busy and slot_list.count() == 2, timeout=WAIT_MS)
    assert not dialog.book_button.isEnabled()  # no slot chosen yet
    second = slot_list.visualItemRect(slot_list.item(1)).center()
    qtbot.mouseClick(slot_list.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert slot_list.item(1).text().startswith("09:30")
    type_thai(dialog.findChild(QLineEdit, "bookingName"), "สมชาย ใจดี")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "bookingPhone"), "0812345678")
    qtbot.keyClick(dialog, Qt.Key.Key_F9)
    code = dialog.findChild(QLabel, "bookingCode")
    qtbot.waitUntil(lambda: len(code.text()) == 6, timeout=WAIT_MS)
    message = dialog.findChild(QLabel, "bookingMessage")
    qtbot.waitUntil(lambda: "พิมพ์ใบนัดไม่ได้" in message.text(), timeout=WAIT_MS)
    shown = appointments.show(env.uow, code.text(), personal=True)
    assert (shown.service, shown.at[11:16], shown.status) == ("B", "09:30", "booked")
    assert (shown.name, shown.phone) == ("สมชาย ใจดี", "0812345678")
    qtbot.waitUntil(lambda: "ว่าง 0" in slot_list.item(1).text(), timeout=WAIT_MS)
    assert not dialog.book_button.isEnabled()  # one booking per dialog
    assert dialog.print_button.isEnabled()  # the slip can be printed again


def test_a_full_slot_cannot_be_chosen(qtbot, env, slots):
    appointments.book(env.uow, actor(env.uow, "clerk1"), "A", f"{slots} 09:00")
    dialog = BookingDialog(env, actor(env.uow, "clerk1"))
    qtbot.addWidget(dialog)
    dialog.show()
    slot_list = dialog.findChild(QListWidget, "bookingSlots")
    qtbot.waitUntil(lambda: slot_list.count() == 2, timeout=WAIT_MS)
    assert "ว่าง 0" in slot_list.item(0).text()
    first = slot_list.visualItemRect(slot_list.item(0)).center()
    qtbot.mouseClick(slot_list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert not dialog.book_button.isEnabled()
