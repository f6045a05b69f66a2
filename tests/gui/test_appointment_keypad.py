"""The kiosk's appointment keypad, tapped as a citizen would: a code typed on the large keys
checks in; a wrong code says so and keeps the code; a scanner's keystrokes and Enter work."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from desktop_app.services import appointments
from desktop_app.ui.appointment_keypad import AppointmentKeypad
from tests.gui.conftest import WAIT_MS
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "kiosk.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def booking(env, clock):
    """A booking for 09:30 today; the clock stands at 09:00."""
    day = clock.now.date()
    appointments.generate_slots(
        env.uow,
        actor(env.uow, "admin"),
        "A",
        day,
        day + dt.timedelta(days=1),
        None,
        "09:00",
        "12:00",
        30,
        5,
    )
    return appointments.book(env.uow, actor(env.uow, "clerk1"), "A", f"{day} 09:30")


@pytest.fixture
def keypad(qtbot, env):
    dialog = AppointmentKeypad(env, actor(env.uow, "clerk1"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def tap_code(qtbot, keypad, code: str) -> None:
    for ch in code:
        key = keypad.keys[ch]
        assert key.isVisible() and key.isEnabled()
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def test_a_code_tapped_on_the_keys_checks_in(qtbot, keypad, booking):
    assert not keypad.ok.isEnabled()
    tap_code(qtbot, keypad, booking.appointment)
    assert keypad.findChild(QLineEdit, "appointmentCode").text() == booking.appointment
    assert keypad.ok.isEnabled()
    with qtbot.waitSignal(keypad.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(keypad.ok, Qt.MouseButton.LeftButton)
    assert keypad.checked_in is not None
    assert keypad.checked_in.ticket.code == "A001" and not keypad.checked_in.late
    assert appointments.show(keypad.env.uow, booking.appointment).status == "checked_in"


def test_an_unknown_code_is_said_and_kept(qtbot, keypad, booking):
    tap_code(qtbot, keypad, "ZZZZZZ")
    qtbot.mouseClick(keypad.ok, Qt.MouseButton.LeftButton)
    message = keypad.findChild(QLabel, "keypadMessage")
    qtbot.waitUntil(lambda: "ไม่พบรหัส" in message.text(), timeout=WAIT_MS)
    assert keypad.isVisible() and keypad.checked_in is None
    assert keypad.findChild(QLineEdit, "appointmentCode").text() == "ZZZZZZ"
    assert appointments.show(keypad.env.uow, booking.appointment).status == "booked"


def test_a_scanner_types_the_code_in_lower_case_and_ends_with_enter(qtbot, keypad, booking):
    field = keypad.findChild(QLineEdit, "appointmentCode")
    field.setFocus()
    with qtbot.waitSignal(keypad.accepted, timeout=WAIT_MS):
        qtbot.keyClicks(field, booking.appointment.lower())
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert keypad.checked_in is not None and keypad.checked_in.appointment == booking.appointment


def test_too_early_says_to_come_back(qtbot, env, keypad, clock):
    day = clock.now.date()
    appointments.generate_slots(env.uow, actor(env.uow, "admin"), "B", day, day, None,
                                "11:00", "12:00", 30, 5)  # fmt: skip
    later = appointments.book(env.uow, actor(env.uow, "clerk1"), "B", f"{day} 11:30")
    tap_code(qtbot, keypad, later.appointment)
    qtbot.mouseClick(keypad.ok, Qt.MouseButton.LeftButton)
    message = keypad.findChild(QLabel, "keypadMessage")
    qtbot.waitUntil(lambda: "ยังไม่ถึงเวลา" in message.text(), timeout=WAIT_MS)


# ---------------------------------------------------------------- in the kiosk and the counter


def _tap_and_wait(qtbot, code: str):
    def handler(dialog: AppointmentKeypad) -> None:
        tap_code(qtbot, dialog, code)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    return handler


def test_the_kiosk_checks_in_from_its_appointment_button(qtbot, env, dialogs, booking):
    from desktop_app.ui.kiosk import KioskWindow

    kiosk = KioskWindow(env, actor(env.uow, "clerk1"), result_seconds=30, fault_seconds=30)
    qtbot.addWidget(kiosk)
    env.windows.append(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    button = kiosk.findChild(QPushButton, "kioskAppointment")
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=WAIT_MS)
    assert button.text().startswith("มีนัดหมาย")
    dialogs.answer(_tap_and_wait(qtbot, booking.appointment))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    code = kiosk.findChild(QLabel, "kioskTicketCode")
    qtbot.waitUntil(lambda: code.isVisible() and code.text() == "A001", timeout=WAIT_MS)
    assert appointments.show(env.uow, booking.appointment).status == "checked_in"


def test_the_counter_checks_in_with_f9(qtbot, env, dialogs, booking):
    from desktop_app.ui.counter import CounterWindow

    window = CounterWindow(env, actor(env.uow, "clerk1"), 1)
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.buttons["checkIn"].isEnabled(), timeout=WAIT_MS)
    assert "F9" in window.buttons["checkIn"].text()
    dialogs.answer(_tap_and_wait(qtbot, booking.appointment))
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert appointments.show(env.uow, booking.appointment).status == "checked_in"
