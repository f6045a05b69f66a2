"""Settings › ลำดับการเรียกและนัดหมาย: an administrator reads what each calling-policy
setting does, sees what the simulator predicts for a new value on the office's own history
beside the policy in use, saves it, and keeps the office's holiday list."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QSpinBox, QTableWidget
from sqlalchemy import select

from db.models import AuditEntry
from desktop_app.services import appointments, tickets
from desktop_app.services.settings import get_setting
from desktop_app.ui.admin import SettingsWindow
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.gui.person import click, click_row, open_tab, type_be_date, type_number
from tests.gui.test_whatif import two_busy_mornings
from tests.support.db import actor, snapshot

pytestmark = pytest.mark.gui
TAB = 6


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "policy.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def history(env, clock):
    """test_whatif's two busy mornings, at an office with one open counter."""
    from desktop_app.services import office

    admin = actor(env.uow, "admin")
    for c in office.list_counters(env.uow)[1:]:
        office.update_counter(env.uow, admin, c.number, active=False)
    two_busy_mornings(env, clock)


@pytest.fixture
def page(qtbot, env):
    w = SettingsWindow(env, actor(env.uow, "admin"))
    qtbot.addWidget(w)
    env.windows.append(w)
    w.show()
    open_tab(qtbot, w.tabs, TAB)
    p = w.policy_page
    qtbot.waitUntil(lambda: p.data is not None, timeout=WAIT_MS)
    return p


def test_each_setting_is_explained_and_its_prediction_sits_beside_the_policy_in_use(
    qtbot, env, history, page
):
    k = page.findChild(QSpinBox, "policyK")
    explained = page.findChild(QLabel, "policyKText")
    assert "ก่อนเสมอ" in explained.text()  # 0: today's order
    type_number(qtbot, k, 1)
    assert "ติดกัน 1 ครั้ง" in explained.text()
    type_number(qtbot, page.findChild(QSpinBox, "policyM"), 25)
    assert "รอครบ 25 นาที" in page.findChild(QLabel, "policyMText").text()
    before = snapshot(env.uow.engine)
    click(qtbot, button(page, "policyPredict"))
    assert page.findChild(QProgressBar, "policyProgress").isVisible()
    qtbot.waitUntil(lambda: page.prediction is not None, timeout=60 * WAIT_MS)
    p = page.prediction
    assert (p.counters, p.in_use.priority_run_max, p.proposed.priority_run_max) == (1, 0, 1)
    assert p.proposed.ageing_minutes == 25
    # One counter: a cap of one priority call in a row lets ordinary tickets in sooner.
    assert (
        p.proposed.groups["ordinary"].wait_median_min < p.in_use.groups["ordinary"].wait_median_min
    )
    table = page.findChild(QTableWidget, "policyPrediction")
    shown = [table.item(1, c).text() for c in range(4)]
    assert shown[0] == f"{p.in_use.groups['ordinary'].wait_median_min:.1f}"
    assert shown[2] == f"{p.proposed.groups['ordinary'].wait_median_min:.1f}"
    assert "K=0" in page.findChild(QLabel, "policyPredictStatus").text()
    assert snapshot(env.uow.engine) == before  # predicting writes nothing
    assert get_setting(env.uow, "queue.priority_run_max").value == "0"

    click(qtbot, button(page, "policySave"))
    qtbot.waitUntil(
        lambda: get_setting(env.uow, "queue.priority_run_max").value == "1", timeout=WAIT_MS
    )
    assert get_setting(env.uow, "queue.ageing_minutes").value == "25"
    with env.uow.read() as tx:
        actions = tx.session.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.action == "settings.set")
        ).all()
    assert {"office/queue.priority_run_max", "office/queue.ageing_minutes"} <= set(actions)


def test_holidays_are_added_removed_and_imported(qtbot, env, page, tmp_path):
    day = dt.date(2027, 4, 13)
    field = page.holiday_day.edit
    type_be_date(qtbot, field, day)
    type_thai(page.findChild(QLineEdit, "holidayName"), "วันสงกรานต์")
    click(qtbot, button(page, "holidayAdd"))
    table = page.findChild(QTableWidget, "holidayTable")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("13/04/2570", "วันสงกรานต์")
    assert appointments.list_holidays(env.uow) == [(day, "วันสงกรานต์")]

    csv = tmp_path / "holidays.csv"
    csv.write_text("date,name\n2570-04-13,สงกรานต์\n2027-04-14,สงกรานต์\n", "utf-8")
    env.dialogs.files.append(str(csv))
    click(qtbot, button(page, "holidayImport"))
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=WAIT_MS)
    assert "1" in page.window().findChild(QLabel, "settingsMessage").text()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,name\n2027-05-01,x\n2027-02-30,y\n", "utf-8")
    before = snapshot(env.uow.engine)
    env.dialogs.files.append(str(bad))
    click(qtbot, button(page, "holidayImport"))
    message = page.window().findChild(QLabel, "settingsMessage")
    qtbot.waitUntil(lambda: "แถว 3" in message.text(), timeout=WAIT_MS)
    assert snapshot(env.uow.engine) == before

    click_row(qtbot, table, 0)
    click(qtbot, button(page, "holidayRemove"))
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    assert appointments.list_holidays(env.uow) == [(dt.date(2027, 4, 14), "สงกรานต์")]


def test_appointment_and_aged_tickets_are_marked_on_the_counter_list_and_the_board(
    qtbot, env, clock
):
    """Ageing at 20 minutes: A001 (ordinary) has waited 25 when A002 (elderly) comes; an
    appointment checks in for the next quarter-hour. The clerk's list shows the real order
    with its reasons, and the board says why A001 was called before the elderly citizen."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.domain.thai_time import BANGKOK
    from desktop_app.services.settings import set_setting
    from desktop_app.ui.board import BoardWindow
    from desktop_app.ui.counter import CounterWindow

    admin, clerk = actor(env.uow, "admin"), actor(env.uow, "clerk1")
    set_setting(env.uow, admin, "queue.ageing_minutes", "20")
    tickets.issue_ticket(env.uow, clerk, "A", None)
    clock.advance(minutes=25)
    tickets.issue_ticket(env.uow, clerk, "A", "elderly")
    local = clock.now.astimezone(BANGKOK)
    day = local.date()
    appointments.generate_slots(env.uow, admin, "A", day, day, "mon,tue,wed,thu,fri,sat,sun",
                                "00:00", "23:45", 15, 5)  # fmt: skip
    at = local.replace(second=0, microsecond=0) + dt.timedelta(minutes=15 - local.minute % 15)
    booked = appointments.book(env.uow, clerk, "A", at.strftime("%Y-%m-%d %H:%M"))
    appointments.check_in(env.uow, clerk, booked.appointment)

    console = CounterWindow(env, clerk, 1)
    qtbot.addWidget(console)
    env.windows.append(console)
    console.show()
    console.activateWindow()
    qtbot.waitUntil(lambda: console.model.rowCount() == 3, timeout=WAIT_MS)
    rows = [(console.model.index(r, 1).data(), console.model.index(r, 3).data())
            for r in range(3)]  # fmt: skip
    # A001 aged ranks with the elderly lane by arrival; the appointment is not due yet.
    assert rows == [("A001", "รอนาน"), ("A002", "ผู้สูงอายุ"), ("A003", f"นัด {at:%H:%M}")]
    tint = console.model.index(2, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.name() == "#bfdbfe"

    board = BoardWindow(env)
    qtbot.addWidget(board)
    env.windows.append(board)
    board.resize(1366, 768)
    board.show()
    qtbot.waitUntil(lambda: board.status is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=WAIT_MS)
    console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console, timeout=WAIT_MS)
    click(qtbot, button(console, "callNext"))
    qtbot.waitUntil(lambda: board.findChild(QLabel, "boardCode0").text() == "A001",
                    timeout=WAIT_MS)  # fmt: skip
    tag = board.findChild(QLabel, "boardTag0")
    assert tag.isVisible() and tag.text() == "รอนาน"
    clock.advance(minutes=16)  # the appointment is due: it goes first
    click(qtbot, button(console, "callNext"))
    qtbot.waitUntil(lambda: board.findChild(QLabel, "boardCode0").text() == "A003",
                    timeout=WAIT_MS)  # fmt: skip
    assert board.findChild(QLabel, "boardTag0").text() == "นัดหมาย"
    assert board.findChild(QLabel, "boardTag1").text() == "รอนาน"  # A001, one row down
    clock.advance(minutes=1)
    click(qtbot, button(console, "callNext"))  # A002 in its plain place: no tag
    qtbot.waitUntil(lambda: board.findChild(QLabel, "boardCode0").text() == "A002",
                    timeout=WAIT_MS)  # fmt: skip
    assert not board.findChild(QLabel, "boardTag0").isVisible()
    # A004 waits 25 minutes with nobody in a priority lane: called in the plain order, so
    # the board does not call it "รอนาน" although it is over M.
    tickets.issue_ticket(env.uow, clerk, "A", None)
    clock.advance(minutes=25)
    click(qtbot, button(console, "callNext"))
    qtbot.waitUntil(lambda: board.findChild(QLabel, "boardCode0").text() == "A004",
                    timeout=WAIT_MS)  # fmt: skip
    assert not board.findChild(QLabel, "boardTag0").isVisible()
