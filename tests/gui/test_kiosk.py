"""The kiosk driven by taps and keys: issuing with and without a priority, the printer
fault, the language switch, and the PIN that is the only way out."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from desktop_app.services import tickets
from desktop_app.ui.env import hash_pin
from desktop_app.ui.kiosk import KioskWindow
from tests.gui.conftest import WAIT_MS, button
from tests.support.db import actor

pytestmark = pytest.mark.gui


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "kiosk.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def kiosk(qtbot, env):
    window = KioskWindow(env, actor(env.uow, "clerk1"), result_seconds=30, fault_seconds=30)
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()  # keyboard shortcuts go to the active window
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "service_D") is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    return window


def label(window, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def tap(qtbot, window, name: str) -> None:
    qtbot.mouseClick(button(window, name), Qt.MouseButton.LeftButton)


def test_one_big_button_per_open_service_thai_over_english(kiosk, env):
    b = button(kiosk, "service_C")
    assert b.main.text() == "ชำระภาษีและค่าธรรมเนียม"
    assert b.sub.text() == "Taxes and fees"
    assert b.height() >= 100  # touch-sized at 1366×768
    assert label(kiosk, "kioskOffice") == "สำนักงานเขตตลิ่งชัน"


def test_the_window_does_not_grow_to_fit_its_type(qtbot, env):
    # Type is sized from the window's height; the window must not then grow to fit it.
    window = KioskWindow(env, actor(env.uow, "clerk1"))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "service_D") is not None, timeout=WAIT_MS)
    qtbot.wait(300)
    assert (window.width(), window.height()) == (800, 600)


def test_printer_fault_shows_the_message_and_the_ticket_exists(qtbot, kiosk, env):
    # The test PC has no printer configured: printing fails as a device fault.
    tap(qtbot, kiosk, "service_B")
    qtbot.waitUntil(lambda: kiosk.print_state == "fault", timeout=WAIT_MS)
    assert label(kiosk, "kioskTicketCode") == "B001"
    status = kiosk.findChild(QLabel, "kioskPrintStatus")
    assert status.isVisible()
    assert status.text() == ("เครื่องพิมพ์ขัดข้อง: กรุณาจำหมายเลขคิวนี้ แล้วแจ้งเจ้าหน้าที่ที่เคาน์เตอร์")
    ticket = tickets.show(env.uow, "B001")
    assert (ticket.status, ticket.printed) == ("waiting", False)
    # OK goes back to the services.
    tap(qtbot, kiosk, "kioskDone")
    assert button(kiosk, "service_B").isVisible()


def test_priority_is_chosen_first_one_at_most_and_cleared_after(qtbot, kiosk, env):
    tap(qtbot, kiosk, "priority_monk")
    tap(qtbot, kiosk, "priority_pregnant")
    assert not button(kiosk, "priority_monk").isChecked()
    assert button(kiosk, "priority_pregnant").isChecked()
    tap(qtbot, kiosk, "service_A")
    qtbot.waitUntil(lambda: label(kiosk, "kioskTicketCode") == "A001", timeout=WAIT_MS)
    assert "หญิงตั้งครรภ์" in label(kiosk, "kioskResultService")
    assert tickets.show(env.uow, "A001").priority == "pregnant"
    assert not button(kiosk, "priority_pregnant").isChecked()


def test_a_number_key_chooses_a_service(qtbot, kiosk, env):
    qtbot.keyClick(kiosk, Qt.Key.Key_2)  # the second button: service B
    qtbot.waitUntil(lambda: label(kiosk, "kioskTicketCode") == "B001", timeout=WAIT_MS)


def test_a_second_tap_while_issuing_issues_nothing(qtbot, kiosk, env):
    b = button(kiosk, "service_B")
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    assert not b.isEnabled()  # until the first tap's ticket is back
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.print_state == "fault", timeout=WAIT_MS)
    assert label(kiosk, "kioskTicketCode") == "B001"
    assert [s.waiting for s in tickets.queue_status(env.uow).services] == [0, 1, 0, 0]


def test_people_ahead_and_the_estimate(qtbot, kiosk, env):
    clerk = actor(env.uow, "clerk1")
    for _ in range(2):
        tickets.issue_ticket(env.uow, clerk, "A")
    tap(qtbot, kiosk, "service_A")
    qtbot.waitUntil(lambda: label(kiosk, "kioskTicketCode") == "A003", timeout=WAIT_MS)
    # Two ahead × A's standard 15 minutes, no counter open yet.
    assert label(kiosk, "kioskWait") == "มีผู้รอก่อนท่าน 2 คน · รอประมาณ 30 นาที"


def test_a_refusal_is_shown_and_no_ticket_page(qtbot, env):
    window = KioskWindow(env, actor(env.uow, "staff1"))  # a role that may not issue
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "service_A") is not None, timeout=WAIT_MS)
    tap(qtbot, window, "service_A")
    qtbot.waitUntil(lambda: "ออกบัตรคิวไม่ได้" in label(window, "kioskMessage"), timeout=WAIT_MS)
    assert window.stack.currentIndex() == 0
    assert tickets.queue_status(env.uow).services[0].waiting == 0


def test_language_switch_changes_the_visible_texts(qtbot, kiosk, env):
    assert label(kiosk, "kioskInstruction") == "แตะเลือกบริการเพื่อรับบัตรคิว"
    tap(qtbot, kiosk, "kioskLanguage")
    qtbot.waitUntil(
        lambda: label(kiosk, "kioskInstruction") == "Tap a service to get your queue ticket",
        timeout=WAIT_MS,
    )
    b = button(kiosk, "service_C")
    assert (b.main.text(), b.sub.text()) == ("Taxes and fees", "ชำระภาษีและค่าธรรมเนียม")
    assert button(kiosk, "priority_monk").main.text() == "Monk"
    assert label(kiosk, "kioskOffice") == "Taling Chan District Office"
    assert button(kiosk, "kioskLanguage").text() == "ภาษาไทย"
    # The next citizen starts in Thai again.
    tap(qtbot, kiosk, "service_C")
    qtbot.waitUntil(lambda: kiosk.print_state == "fault", timeout=WAIT_MS)
    assert label(kiosk, "kioskPrintStatus").startswith("Printer fault")
    tap(qtbot, kiosk, "kioskDone")
    qtbot.waitUntil(lambda: label(kiosk, "kioskInstruction").startswith("แตะ"), timeout=WAIT_MS)


def _type_pin(qtbot, pin: str):
    def handler(dialog):
        for digit in pin:
            qtbot.mouseClick(button(dialog, f"pinKey{digit}"), Qt.MouseButton.LeftButton)
        assert dialog.findChild(QLineEdit, "pin").text() == pin
        qtbot.mouseClick(button(dialog, "ok"), Qt.MouseButton.LeftButton)

    return handler


def test_no_way_out_without_the_pin(qtbot, kiosk, env, dialogs):
    kiosk.close()  # Alt+F4, or the window manager's close
    assert kiosk.isVisible()
    env.local.kiosk_pin_hash = hash_pin("2468")
    dialogs.answer(_type_pin(qtbot, "1111"))
    tap(qtbot, kiosk, "kioskExit")
    qtbot.waitUntil(lambda: label(kiosk, "kioskMessage") == "PIN ไม่ถูกต้อง", timeout=WAIT_MS)
    assert kiosk.isVisible()
    # Cancel changes nothing either.
    dialogs.answer(lambda d: qtbot.mouseClick(button(d, "cancel"), Qt.MouseButton.LeftButton))
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk, timeout=WAIT_MS)
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert kiosk.isVisible() and len(dialogs.seen) == 2
    dialogs.answer(_type_pin(qtbot, "2468"))
    with qtbot.waitSignal(kiosk.exited, timeout=WAIT_MS):
        tap(qtbot, kiosk, "kioskExit")
    assert not kiosk.isVisible()


def test_without_a_pin_the_device_account_password_lets_staff_out(qtbot, kiosk, dialogs):
    dialogs.answer(_type_pin(qtbot, "0000"))
    tap(qtbot, kiosk, "kioskExit")
    qtbot.waitUntil(lambda: label(kiosk, "kioskMessage") == "PIN ไม่ถูกต้อง", timeout=WAIT_MS)

    def password(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "pin"), "demo")  # clerk1's password
        qtbot.keyClick(dialog.findChild(QLineEdit, "pin"), Qt.Key.Key_Return)

    dialogs.answer(password)
    with qtbot.waitSignal(kiosk.exited, timeout=WAIT_MS):
        tap(qtbot, kiosk, "kioskExit")


def test_a_kiosk_closed_with_the_pin_leaves_nothing_listening(qtbot, env, dialogs):
    """As from the launcher: the kiosk is deleted on close, the live queue goes on. Later
    changes must not reach the gone window (an error in a slot fails the test)."""
    from desktop_app.ui.login import open_kiosk

    clerk = actor(env.uow, "clerk1")
    window = open_kiosk(env, clerk, full_screen=False)
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "service_A") is not None, timeout=WAIT_MS)
    env.local.kiosk_pin_hash = hash_pin("2468")
    dialogs.answer(_type_pin(qtbot, "2468"))
    gone: list[int] = []
    window.destroyed.connect(lambda *_: gone.append(1))
    tap(qtbot, window, "kioskExit")
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT_MS)
    tickets.issue_ticket(env.uow, clerk, "A")  # a change made elsewhere
    with qtbot.waitSignal(env.live.changed, timeout=WAIT_MS):
        env.live.poke()
    qtbot.wait(200)
    assert tickets.show(env.uow, "A001").status == "waiting"


# ---------------------------------------------------------------- issue 19, item 1


def test_a_priority_tap_asks_for_the_service_in_large_type(qtbot, kiosk):
    prompt = kiosk.findChild(QLabel, "kioskPriorityPrompt")
    assert prompt is None or not prompt.isVisible()
    tap(qtbot, kiosk, "priority_elderly")
    prompt = kiosk.findChild(QLabel, "kioskPriorityPrompt")
    assert prompt is not None and prompt.isVisible()
    assert "เลือกบริการด้านล่าง" in prompt.text() and "ผู้สูงอายุ" in prompt.text()
    assert prompt.font().pixelSize() >= 30  # large, not a small grey line
    # Tapping the lane again takes the choice back, and the prompt with it.
    tap(qtbot, kiosk, "priority_elderly")
    assert not prompt.isVisible()


def test_a_priority_left_idle_clears_itself_and_the_next_citizen_gets_a_normal_ticket(qtbot, env):
    window = KioskWindow(env, actor(env.uow, "clerk1"), result_seconds=30, idle_seconds=1.0)
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "service_A") is not None, timeout=WAIT_MS)
    tap(qtbot, window, "priority_elderly")
    qtbot.wait(500)
    assert button(window, "priority_elderly").isChecked()  # not yet: the citizen is reading
    qtbot.waitUntil(lambda: not button(window, "priority_elderly").isChecked(), timeout=3000)
    assert not window.findChild(QLabel, "kioskPriorityPrompt").isVisible()
    # The citizen who walks up next taps a service and gets an ordinary ticket.
    tap(qtbot, window, "service_A")
    qtbot.waitUntil(lambda: label(window, "kioskTicketCode") == "A001", timeout=WAIT_MS)
    assert tickets.show(env.uow, "A001").priority is None


def test_the_priority_is_cleared_after_each_ticket(qtbot, kiosk, env):
    tap(qtbot, kiosk, "priority_monk")
    tap(qtbot, kiosk, "service_B")
    qtbot.waitUntil(lambda: label(kiosk, "kioskTicketCode") == "B001", timeout=WAIT_MS)
    tap(qtbot, kiosk, "kioskDone")
    assert not button(kiosk, "priority_monk").isChecked()
    assert not kiosk.findChild(QLabel, "kioskPriorityPrompt").isVisible()
    tap(qtbot, kiosk, "service_B")
    qtbot.waitUntil(lambda: label(kiosk, "kioskTicketCode") == "B002", timeout=WAIT_MS)
    assert tickets.show(env.uow, "B002").priority is None


# ---------------------------------------------------------------- issue 19, item 4


def _visible_texts(window) -> str:
    return " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())


def test_the_printer_is_checked_before_anyone_taps_and_every_counter_hears_of_it(
    qtbot, env, tmp_path
):
    from desktop_app.services.settings import set_setting
    from desktop_app.ui.counter import CounterWindow

    # The test PC has no printer configured. Nobody has touched the kiosk yet.
    window = KioskWindow(env, actor(env.uow, "clerk1"), printer_check_seconds=0.3)
    qtbot.addWidget(window)
    env.windows.append(window)
    window.resize(1366, 768)
    window.show()
    down = lambda: window.findChild(QLabel, "kioskPrinterDown")  # noqa: E731
    qtbot.waitUntil(lambda: down() is not None and down().isVisible(), timeout=WAIT_MS)
    assert down().text().startswith("เครื่องพิมพ์บัตรคิวขัดข้อง")
    assert "not_configured" not in _visible_texts(window)
    counter = CounterWindow(env, actor(env.uow, "clerk2"), 1, printer_poll_seconds=0.3)
    qtbot.addWidget(counter)
    env.windows.append(counter)
    counter.show()
    banner = lambda: counter.findChild(QLabel, "printerBanner")  # noqa: E731
    qtbot.waitUntil(lambda: banner() is not None and banner().isVisible(), timeout=WAIT_MS)
    assert banner().text().startswith("เครื่องพิมพ์ตู้บัตรคิวขัดข้อง")
    # A citizen taps anyway: the ticket stands, and no reason code reaches the screen.
    tap(qtbot, window, "service_A")
    qtbot.waitUntil(lambda: window.print_state == "fault", timeout=WAIT_MS)
    assert "not_configured" not in _visible_texts(window)
    tap(qtbot, window, "kioskDone")
    # IT connects the printer: the kiosk notices by itself, and the counters' banner goes.
    device = tmp_path / "printer.bin"
    device.write_bytes(b"")
    set_setting(env.uow, actor(env.uow, "admin"), "printer.connection", f"file://{device}")
    qtbot.waitUntil(lambda: not down().isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not banner().isVisible(), timeout=WAIT_MS)
