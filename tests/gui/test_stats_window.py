"""The statistics window and the counter's "today" panel, driven like a person would: the
figures of the hand-worked day and loans on screen, the Buddhist Era date pickers, the
period modes, exports with their progress, a failed export, and who may open it."""

from __future__ import annotations

import datetime as dt
import math
import shutil

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from desktop_app.domain.errors import Forbidden
from desktop_app.ui.counter import CounterWindow
from desktop_app.ui.stats_window import StatsWindow
from tests.gui.conftest import WAIT_MS, button
from tests.gui.person import choose, click, open_tab, save_as
from tests.integration.test_stats_loans import worked_loans
from tests.integration.test_stats_queue import worked_day
from tests.support import pdf_check
from tests.support.db import actor

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "stats.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def worked(env, clock):
    worked_day(env.uow, clock)
    return env


def open_window(qtbot, env, who: str = "director") -> StatsWindow:
    window = StatsWindow(env, actor(env.uow, who))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    return window


def cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
         for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]  # fmt: skip


def test_the_month_on_screen(qtbot, worked):
    window = open_window(qtbot, worked)
    assert window.period() == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert window.date_from.text() == "01/11/2569"  # พ.ศ.
    assert window.period_text.text() == "1 พฤศจิกายน 2569 – 30 พฤศจิกายน 2569"
    summary = window.findChild(QLabel, "queueSummary").text()
    assert "ออกบัตรคิว 6" in summary and "ให้บริการแล้ว 3" in summary and "15.0" in summary
    rows = cells(window.queue_model)
    assert [r[0] for r in rows] == ["A งานทะเบียนราษฎร", "B บัตรประจำตัวประชาชน",
                                    "C ชำระภาษีและค่าธรรมเนียม", "D ทะเบียนพาณิชย์", "รวม"]  # fmt: skip
    assert rows[0][1:3] == ["4", "2"] and rows[0][4] == "1" and rows[-1][8] == "15.0"
    header = window.queue_model.headerData(
        3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == "ภายในมาตรฐาน %"  # the key figure first, in view at 1366
    assert window.wait_chart.chart().series()[0].count() == 2  # median and p90
    choose(qtbot, window.queue_choice, text=window.queue_choice.itemText(
        window.QUEUE_TABLES.index("picks")))  # fmt: skip
    (pick,) = cells(window.queue_model)
    assert pick[1:4] == ["A004", "2", "ผู้ป่วยนั่งรถเข็น"] and pick[5] == "A003"
    choose(qtbot, window.queue_choice, text=window.queue_choice.itemText(
        window.QUEUE_TABLES.index("counter")))  # fmt: skip
    assert [r[0] for r in cells(window.queue_model)][:2] == ["ช่องบริการ 1", "ช่องบริการ 2"]


def type_date(qtbot, field, text: str) -> None:
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_a_single_day_chosen_in_the_buddhist_era(qtbot, worked):
    window = open_window(qtbot, worked)
    choose(qtbot, window.mode, text="รายวัน")
    assert not window.date_to.isVisible()
    type_date(qtbot, window.date_from, "25/11/2569")
    assert window.period() == (dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert window.period_text.text() == "25 พฤศจิกายน 2569"
    window.loaded = None
    qtbot.mouseClick(button(window, "showStats"), LEFT)
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    assert window.loaded.queue.total.issued == 0
    assert window.loaded.start == window.loaded.end == dt.date(2026, 11, 25)
    assert "ออกบัตรคิว 0" in window.queue_summary.text()
    # A month is chosen by any of its days; February has 29 days in 2567 (2024).
    choose(qtbot, window.mode, text=window.mode.itemText(1))  # รายเดือน
    assert not window.date_from.isVisible()  # a month is picked as a month
    choose(qtbot, window.findChild(QComboBox, "monthPick"), text="กุมภาพันธ์ 2567")
    assert window.period() == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert window.period_text.text() == "1 กุมภาพันธ์ 2567 – 29 กุมภาพันธ์ 2567"
    # A range the wrong way round is refused with the service's message.
    choose(qtbot, window.mode, text=window.mode.itemText(2))  # a range
    type_date(qtbot, window.date_from, "24/11/2569")
    type_date(qtbot, window.date_to, "21/11/2569")
    qtbot.mouseClick(button(window, "showStats"), LEFT)
    qtbot.waitUntil(lambda: window.message.text() != "", timeout=WAIT_MS)
    assert "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น" in window.message.text()  # Thai only


def test_the_period_is_kept_with_the_figures(qtbot, worked, dialogs, tmp_path):
    """What is exported is what was loaded, not what the date fields say since."""
    window = open_window(qtbot, worked)
    window.loaded = None
    qtbot.mouseClick(button(window, "showStats"), LEFT)
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    assert (window.loaded.start, window.loaded.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    # The officer changes the month but does not press Show: the export is November's.
    choose(qtbot, window.findChild(QComboBox, "monthPick"), text="ตุลาคม 2569")
    assert window.period()[0] == dt.date(2026, 10, 1)
    target = tmp_path / "shown.csv"
    dialogs.answer(save_as(target, "queue-2026-11-01_2026-11-30.csv"))
    click(qtbot, button(window, "export_csv"))
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=WAIT_MS * 3)
    assert "2026-11-" in target.read_text(encoding="utf-8-sig")


def test_exports_with_progress(qtbot, worked, dialogs, tmp_path):
    window = open_window(qtbot, worked)
    target = tmp_path / "november.xlsx"
    dialogs.answer(save_as(target, "queue-2026-11-01_2026-11-30.xlsx"))
    click(qtbot, button(window, "export_xlsx"))
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=WAIT_MS * 3)
    assert [d.objectName() for d in dialogs.seen] == ["saveReportDialog"]
    assert not window.progress.isVisible() and window.progress.value() == 100
    assert button(window, "export_xlsx").isEnabled()
    assert str(target) in window.message.text()
    wb = load_workbook(target)
    assert wb["สรุปรวม"]["E2"].value == 6  # issued: after the dates, the key and the label

    pdf = tmp_path / "november.pdf"
    dialogs.answer(save_as(pdf, "queue-2026-11-01_2026-11-30.pdf"))
    window.last_export = None
    click(qtbot, button(window, "export_pdf"))
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=WAIT_MS * 6)
    arabic = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")  # document.digits: Thai by default
    text = " ".join(pdf_check.text(pdf.read_bytes()).translate(arabic).split())
    assert "ออกบัตรคิว 6 ใบ ให้บริการแล้ว 3 ราย ไม่มาตามเรียก 1 ราย" in text
    assert "1 พ.ย. 2569 ถึงวันที่ 30 พ.ย. 2569" in text or "เดือน พ.ย. 2569" in text

    # Cancelled: nothing happens. A folder that does not exist: a clear message.
    dialogs.answer(lambda d: d.reject())
    click(qtbot, button(window, "export_csv"))
    assert not window.exporting and button(window, "export_csv").isEnabled()
    assert not window.progress.isVisible() and len(dialogs.seen) == 3
    (tmp_path / "gone").mkdir()
    chosen = save_as(tmp_path / "gone" / "x.csv")

    def folder_removed_meanwhile(dialog):  # a USB stick pulled out while the dialog is open
        chosen(dialog)
        (tmp_path / "gone").rmdir()

    dialogs.answer(folder_removed_meanwhile)
    click(qtbot, button(window, "export_csv"))
    qtbot.waitUntil(lambda: "ไม่มีโฟลเดอร์" in window.message.text(), timeout=WAIT_MS)
    assert not (tmp_path / "gone").exists() and button(window, "export_csv").isEnabled()


def test_the_loans_tab(qtbot, env, dialogs, clock, tmp_path):
    worked_loans(env.uow, clock)  # the clock is now 20 December 2026
    window = open_window(qtbot, env)
    assert window.period() == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    open_tab(qtbot, window.tabs, 1)
    text = window.findChild(QLabel, "loansSummary").text()
    assert "คำขอยืม 7" in text and "ยืมจริง 5" in text and "เกินกำหนด 4" in text
    choose(qtbot, window.loan_choice, text=window.loan_choice.itemText(
        window.LOAN_TABLES.index("overdue")))  # fmt: skip
    outcomes = [r[-1] for r in cells(window.loan_model)]
    assert outcomes == ["ไม่ได้ติดตามภายในกำหนด", "ติดตามทันกำหนด", "คืนก่อนครบกำหนดติดตาม",
                        "ยังไม่ครบกำหนดติดตาม"]  # fmt: skip
    target = tmp_path / "loans.csv"
    dialogs.answer(save_as(target, "loans-2026-12-01_2026-12-31.csv"))
    click(qtbot, button(window, "export_csv"))
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=WAIT_MS * 3)
    assert window.last_export.report == "loans" and window.last_export.rows == 7


def test_only_heads_and_the_administrator_open_it(qtbot, env):
    with pytest.raises(Forbidden):
        StatsWindow(env, actor(env.uow, "clerk1"))
    for who in ("admin", "supplyhead"):
        window = open_window(qtbot, env, who)
        window.close()


def test_the_counter_shows_today(qtbot, worked):
    window = CounterWindow(worked, actor(worked.uow, "clerk1"), 2)
    qtbot.addWidget(window)
    worked.windows.append(window)
    window.show()
    office = window.findChild(QLabel, "todayOffice")
    mine = window.findChild(QLabel, "todayCounter")
    qtbot.waitUntil(lambda: "ออกบัตร 6" in office.text(), timeout=WAIT_MS)
    assert "ให้บริการแล้ว 3" in office.text() and "67%" in office.text()
    assert "เรียก 2" in mine.text() and "15.5" in mine.text()
    # A citizen served elsewhere arrives by itself.
    from desktop_app.services import tickets

    tickets.issue_ticket(worked.uow, actor(worked.uow, "clerk1"), "D")
    worked.live.poke()
    qtbot.waitUntil(lambda: "ออกบัตร 7" in office.text(), timeout=WAIT_MS)


# ---------------------------------------------------------------- issue 19, item 14


def test_charts_name_services_step_roundly_and_figures_meet_targets(qtbot, worked):
    from desktop_app.ui.stats_window import GREEN, RED, against_target

    window = open_window(qtbot, worked)
    pick = window.findChild(QComboBox, "monthPick")
    assert pick.isVisible() and pick.currentText() == "พฤศจิกายน 2569"
    chart = window.wait_chart.chart()
    names = chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert names[0] == "งานทะเบียนราษฎร"  # the service's name, not a bare letter
    for view in (window.wait_chart, window.hour_chart):
        y = view.chart().axes(Qt.Orientation.Vertical)[0]
        step = y.max() / (y.tickCount() - 1)
        mantissa = step / 10 ** math.floor(math.log10(step))
        assert round(mantissa, 6) in (1, 2, 5, 10), (y.max(), y.tickCount())
    share = window.loaded.queue.total.within_standard_share
    colour = against_target(share)
    assert colour in (GREEN, RED, "#b45309") and colour in window.queue_summary.text()
