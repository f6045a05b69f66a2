"""A loan from request to close through the windows, as the people of the demo office
would do it: staff1 asks for a laptop to take off the premises (clause 208(3)) and sees
before saving that the director must approve; the supply head opens it and has no approve
button; the director approves from the inbox; the supply officer hands it over, takes it
back damaged — which opens the settlement dialog at once, with the computed amount and its
working — and the loan closes. Also: rejection needs a reason; the overdue board and its
follow-up; a consumable to a person is refused before saving (clause 210)."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QRadioButton, QTableWidget

from desktop_app.services import loans
from desktop_app.services.delegations import add_delegation
from desktop_app.ui.loan_desk import BORROWER, ON_LOAN, OVERDUE, TO_HAND_OVER, LoanDeskWindow
from desktop_app.ui.loan_inbox import LoanInboxWindow
from desktop_app.ui.loan_request import LoanRequestWindow
from tests.gui.conftest import WAIT_MS, button, type_thai
from tests.gui.person import choose as pick
from tests.gui.person import click_row, open_tab, tick, usable
from tests.support.db import actor, snapshot
from tests.support.loans import DUE, LAPTOP, PAPER, START, request

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "loans.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _open(qtbot, env, cls, username):
    window = cls(env, actor(env.uow, username))
    qtbot.addWidget(window)
    env.windows.append(window)
    window.show()
    return window


def type_date(qtbot, field, day: dt.date) -> None:
    """Typed in the Buddhist Era, as the officer types it."""
    usable(field).lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), f"{day.day:02d}/{day.month:02d}/{day.year + 543}")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.day == day


def condition(qtbot, dialog, asset_no: str, value: str) -> None:
    """The condition an item came back in, chosen in its row of the return dialog."""
    table = dialog.findChild(QTableWidget, "returnItems")
    rows = [r for r in range(table.rowCount())
            if any(table.item(r, c) is not None and table.item(r, c).text() == asset_no
                   for c in range(table.columnCount()))]  # fmt: skip
    assert len(rows) == 1, asset_no
    pick(qtbot, dialog.findChild(QComboBox, f"condition_{rows[0]}"), data=value)


def choose(qtbot, parent, name: str) -> None:
    """Click a radio button on its round indicator, where a person clicks."""
    radio = parent.findChild(QRadioButton, name)
    assert radio is not None, name
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))


def _approver(window) -> str:
    return window.approver.text()


def test_request_to_close_through_the_windows(qtbot, env, dialogs, clock):
    # --- staff1 asks to borrow a laptop to use off the premises
    form = _open(qtbot, env, LoanRequestWindow, "staff1")
    assert form.findChild(QLineEdit, "borrowerName").isHidden()  # staff borrow for themselves
    qtbot.keyClicks(form.item_entry, LAPTOP)
    qtbot.keyClick(form.item_entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(form.lines) == 1, timeout=WAIT_MS)
    assert "ใช้ภายในสถานที่หรือนำออกไปนอกสถานที่" in _approver(form)  # the place decides
    assert not form.place_row.isHidden() and form.urgent.isHidden()
    choose(qtbot, form, "placeOff")
    qtbot.waitUntil(lambda: "ต้องได้รับอนุมัติจาก" in _approver(form), timeout=WAIT_MS)
    assert "หัวหน้าหน่วยงานของรัฐ (ธนพล ศรีสุข)" in _approver(form)
    assert "ข้อ 208(3)" in _approver(form)
    # On the premises, the supply head would approve instead (208(2)), before anything is saved.
    choose(qtbot, form, "placeOn")
    qtbot.waitUntil(lambda: "208(2)" in _approver(form), timeout=WAIT_MS)
    assert "หัวหน้าหน่วยพัสดุผู้ครอบครองพัสดุ (ประเสริฐ มั่นคง)" in _approver(form)
    choose(qtbot, form, "placeOff")
    qtbot.waitUntil(lambda: "208(3)" in _approver(form), timeout=WAIT_MS)
    type_thai(form.purpose, "ใช้ในการอบรมอาสาสมัครชุมชน")
    type_date(qtbot, form.start, START)
    type_date(qtbot, form.due, DUE)
    # Without the declaration of official use the service refuses, naming clause 207.
    qtbot.mouseClick(button(form, "loanSubmit"), LEFT)
    qtbot.waitUntil(lambda: "ข้อ 207" in form.message.text(), timeout=WAIT_MS)
    assert form.saved is None
    tick(qtbot, form.official)
    qtbot.waitUntil(lambda: button(form, "loanSubmit").isEnabled(), timeout=WAIT_MS)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.saved is not None, timeout=WAIT_MS)
    loan_no = form.saved.loan_no
    assert f"ใบยืมเลขที่ {loan_no}" in form.message.text()
    v = loans.show_loan(env.uow, loan_no)
    assert (v.status, v.clause, v.approver_role, v.requested_by) == (
        "submitted", "208(3)", "agency_head", "staff1")  # fmt: skip

    # --- the supply head may not approve 208(3): not in their inbox, no approve button
    wrong = _open(qtbot, env, LoanInboxWindow, "supplyhead")
    qtbot.waitUntil(lambda: wrong.loaded, timeout=WAIT_MS)
    assert wrong.model.row_of(loan_no) == -1
    assert wrong.empty.text() == "ไม่มีคำขอยืมที่ท่านมีอำนาจอนุมัติ"
    type_thai(wrong.lookup, f"khetdesk://loan/{loan_no}")  # a scanned loan record
    qtbot.keyClick(wrong.lookup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wrong.decision is not None, timeout=WAIT_MS)
    assert not wrong.decision.may_decide
    assert button(wrong, "loanApprove").isHidden() and button(wrong, "loanReject").isHidden()
    assert "ข้อ 208(3)" in wrong.refusal.text() and not wrong.refusal.isHidden()
    qtbot.keyClick(wrong, Qt.Key.Key_F9)  # the shortcut does nothing either
    assert loans.show_loan(env.uow, loan_no).status == "submitted"

    # --- the director approves from the inbox (F9, confirmed)
    inbox = _open(qtbot, env, LoanInboxWindow, "director")
    qtbot.waitUntil(lambda: inbox.model.row_of(loan_no) == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: inbox.decision is not None and inbox.decision.may_decide,
                    timeout=WAIT_MS)  # fmt: skip
    assert button(inbox, "loanApprove").isVisible()
    assert "กนกพร ทองดี" in inbox.detail.toPlainText()
    dialogs.confirm_answers.append(True)
    qtbot.keyClick(inbox, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: loans.show_loan(env.uow, loan_no).status == "approved",
                    timeout=WAIT_MS)  # fmt: skip
    assert dialogs.messages[-1] == ("confirm", f"อนุมัติใบยืม {loan_no} ของ กนกพร ทองดี ตามข้อ 208(3)?")
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 0, timeout=WAIT_MS)

    # --- the supply officer hands it over
    desk = _open(qtbot, env, LoanDeskWindow, "supply")
    qtbot.waitUntil(lambda: desk.models[TO_HAND_OVER].row_of(loan_no) == 0, timeout=WAIT_MS)
    assert desk.tabs.currentIndex() == TO_HAND_OVER
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(button(desk, "handOver"), LEFT)
    qtbot.waitUntil(lambda: desk.models[ON_LOAN].row_of(loan_no) == 0, timeout=WAIT_MS)
    assert loans.show_loan(env.uow, loan_no).handed_over_by == "supply"

    # --- and takes it back damaged: the settlement dialog follows by itself
    seen = {}

    def inspect(dialog):
        assert dialog.objectName() == "returnDialog"
        condition(qtbot, dialog, LAPTOP, "damaged")
        assert "ข้อ 209" in dialog.warning.text()
        type_thai(dialog.note, "จอแตกมุมขวา")
        qtbot.mouseClick(button(dialog, "returnDialogOk"), LEFT)

    def settle(dialog):
        assert dialog.objectName() == "settleDialog"
        seen["amount"] = dialog.findChild(QLineEdit, "settleAmount").text()
        seen["working"] = dialog.findChild(QPlainTextEdit, "settleWorking").toPlainText()
        seen["words"] = dialog.amount_words.text()
        assert not button(dialog, "settleDialogOk").isEnabled()  # choose a way first
        choose(qtbot, dialog, "settleRepair")
        qtbot.mouseClick(button(dialog, "settleDialogOk"), LEFT)

    dialogs.answer(inspect)
    dialogs.answer(settle)
    open_tab(qtbot, desk.tabs, ON_LOAN)
    click_row(qtbot, desk.tables[ON_LOAN], 0)
    qtbot.keyClick(desk, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: loans.show_loan(env.uow, loan_no).status == "closed",
                    timeout=WAIT_MS)  # fmt: skip
    assert [d.objectName() for d in dialogs.seen] == ["returnDialog", "settleDialog"]
    # Worked by hand (clause 209; the laptop: 25,000 baht, bought 2566, 10 % a year, a floor
    # of 25 %): held three years, 7,500 baht of depreciation, 17,500 baht to pay.
    assert seen["amount"] == "17500.00"
    assert seen["working"] == (
        "ราคา 25,000.00 บาท ถือครอง 3 ปี อัตรา 10% ต่อปี: ค่าเสื่อม 25,000.00 × 0.10 × 3 = 7,500.00 บาท; "
        "ราคาหลังหักค่าเสื่อม 17,500.00 บาท; ราคาขั้นต่ำ 25% = 6,250.00 บาท; "
        "ชดใช้ 17,500.00 บาท (หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน)"
    )
    assert seen["words"] == "(หนึ่งหมื่นเจ็ดพันห้าร้อยบาทถ้วน)"
    v = loans.show_loan(env.uow, loan_no)
    assert v.items[0].condition_in == "damaged"
    assert v.settlements[0].method == "repair"
    qtbot.waitUntil(lambda: "ปิดแล้ว" in desk.message.text(), timeout=WAIT_MS)

    # --- the borrower's history shows it
    open_tab(qtbot, desk.tabs, BORROWER)
    i = desk.borrower_choice.findText("กนกพร ทองดี", Qt.MatchFlag.MatchStartsWith)
    assert i > 0
    pick(qtbot, desk.borrower_choice, text=desk.borrower_choice.itemText(i))
    qtbot.waitUntil(lambda: desk.borrower_loans.rowCount() == 1, timeout=WAIT_MS)
    assert desk.borrower_loans.index(0, 5).data() == "ปิดแล้ว"


def test_declining_the_settlement_leaves_it_waiting(qtbot, env, dialogs):
    staff, director, supply = (actor(env.uow, u) for u in ("staff1", "director", "supply"))
    v = request(env.uow, staff)
    loans.approve_loan(env.uow, director, v.loan_no)
    loans.hand_over(env.uow, supply, v.loan_no)
    desk = _open(qtbot, env, LoanDeskWindow, "supply")
    qtbot.waitUntil(lambda: desk.models[ON_LOAN].rowCount() == 1, timeout=WAIT_MS)

    def lost(dialog):
        condition(qtbot, dialog, LAPTOP, "lost")
        qtbot.mouseClick(button(dialog, "returnDialogOk"), LEFT)

    def decline(dialog):
        # A lost laptop cannot be repaired (clause 209); paying shows the amount.
        assert not dialog.findChild(QRadioButton, "settleRepair").isEnabled()
        choose(qtbot, dialog, "settlePay")
        assert dialog.findChild(QLineEdit, "settleAmount").isVisible()
        qtbot.mouseClick(button(dialog, "settleDialogCancel"), LEFT)

    def pay(dialog):
        choose(qtbot, dialog, "settlePay")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "settleReceipt"), "RC-0042")
        qtbot.mouseClick(button(dialog, "settleDialogOk"), LEFT)

    dialogs.answer(lost)
    dialogs.answer(decline)
    open_tab(qtbot, desk.tabs, ON_LOAN)
    qtbot.mouseClick(button(desk, "takeReturn"), LEFT)
    qtbot.waitUntil(lambda: "รอการชดใช้" in desk.message.text(), timeout=WAIT_MS)
    assert loans.show_loan(env.uow, v.loan_no).status == "returned"
    qtbot.waitUntil(lambda: desk.models[2].row_of(v.loan_no) == 0, timeout=WAIT_MS)
    assert desk.tabs.tabText(2) == "รอชดใช้ (1)"
    dialogs.answer(pay)
    open_tab(qtbot, desk.tabs, 2)
    qtbot.keyClick(desk, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: loans.show_loan(env.uow, v.loan_no).status == "closed",
                    timeout=WAIT_MS)  # fmt: skip
    s = loans.show_loan(env.uow, v.loan_no).settlements[0]
    assert (s.method, s.receipt) == ("pay", "RC-0042")
    assert s.amount == Decimal("17500.00")  # lost: the price after depreciation, as above


def test_rejecting_needs_a_reason(qtbot, env, dialogs):
    v = request(env.uow, actor(env.uow, "staff1"))
    inbox = _open(qtbot, env, LoanInboxWindow, "director")
    qtbot.waitUntil(lambda: inbox.decision is not None, timeout=WAIT_MS)
    before = snapshot(env.uow.engine)

    def without_reason(dialog):
        ok = button(dialog, "rejectDialogOk")
        assert not ok.isEnabled()
        reason = dialog.findChild(QLineEdit, "rejectDialogReason")
        qtbot.keyClicks(reason, "   ")
        qtbot.keyClick(reason, Qt.Key.Key_Return)
        assert dialog.isVisible() and not ok.isEnabled()
        qtbot.mouseClick(button(dialog, "rejectDialogCancel"), LEFT)

    def with_reason(dialog):
        type_thai(dialog.findChild(QLineEdit, "rejectDialogReason"), "ช่วงนั้นต้องใช้ในสำนักงาน")
        qtbot.mouseClick(button(dialog, "rejectDialogOk"), LEFT)

    dialogs.answer(without_reason)
    qtbot.keyClick(inbox, Qt.Key.Key_F10)
    assert snapshot(env.uow.engine) == before
    dialogs.answer(with_reason)
    qtbot.keyClick(inbox, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: loans.show_loan(env.uow, v.loan_no).status == "rejected",
                    timeout=WAIT_MS)  # fmt: skip
    assert loans.show_loan(env.uow, v.loan_no).decision_note == "ช่วงนั้นต้องใช้ในสำนักงาน"
    qtbot.waitUntil(lambda: inbox.decision.loan.status == "rejected", timeout=WAIT_MS)
    assert button(inbox, "loanApprove").isHidden()


def test_a_delegate_sees_the_loan_in_their_inbox(qtbot, env, dialogs):
    v = request(env.uow, actor(env.uow, "staff1"))  # 208(3): the director's
    add_delegation(env.uow, actor(env.uow, "director"), "clerk1", "agency_head",
                   note="ไปราชการต่างจังหวัด")  # fmt: skip
    inbox = _open(qtbot, env, LoanInboxWindow, "clerk1")
    qtbot.waitUntil(lambda: inbox.model.row_of(v.loan_no) == 0, timeout=WAIT_MS)
    assert inbox.model.index(0, 5).data() == "รักษาการแทน หัวหน้าหน่วยงานของรัฐ"
    qtbot.waitUntil(lambda: inbox.decision is not None, timeout=WAIT_MS)
    assert "รักษาการแทนหัวหน้าหน่วยงานของรัฐ" in inbox.refusal.text()
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(button(inbox, "loanApprove"), LEFT)
    qtbot.waitUntil(lambda: loans.show_loan(env.uow, v.loan_no).status == "approved",
                    timeout=WAIT_MS)  # fmt: skip
    assert loans.show_loan(env.uow, v.loan_no).on_behalf_of == "agency_head"


def test_overdue_board_and_follow_up(qtbot, env, dialogs, clock):
    staff, director, supply = (actor(env.uow, u) for u in ("staff1", "director", "supply"))
    v = request(env.uow, staff)
    loans.approve_loan(env.uow, director, v.loan_no)
    loans.hand_over(env.uow, supply, v.loan_no)
    clock.advance(days=14)  # 8 Dec: due 5 Dec, follow up by 12 Dec
    desk = _open(qtbot, env, LoanDeskWindow, "supply")
    qtbot.waitUntil(lambda: desk.overdue.rowCount() == 1, timeout=WAIT_MS)
    assert desk.tabs.tabText(OVERDUE) == "เกินกำหนด (1)"
    m = desk.overdue
    assert [m.index(0, c).data() for c in (0, 3, 4, 5, 6)] == [
        v.loan_no, "05/12/2569", 3, "12/12/2569", "ยังไม่ได้ติดตาม"]  # fmt: skip

    def record(dialog):
        assert "12/12/2569" in dialog.heading.text()
        combo = dialog.findChild(QComboBox, "followupMeans")
        pick(qtbot, combo, data="phone")
        type_thai(dialog.findChild(QLineEdit, "followupNote"), "โทรแจ้งผู้ยืม จะคืนภายในสัปดาห์นี้")
        qtbot.mouseClick(button(dialog, "followupDialogOk"), LEFT)

    dialogs.answer(record)
    open_tab(qtbot, desk.tabs, OVERDUE)
    qtbot.keyClick(desk, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: m.rowCount() == 1 and m.index(0, 6).data() == "1 ครั้ง ล่าสุด 08/12/2569",
                    timeout=WAIT_MS)  # fmt: skip
    f = loans.show_loan(env.uow, v.loan_no).followups[0]
    assert (f.means, f.note, f.by) == ("phone", "โทรแจ้งผู้ยืม จะคืนภายในสัปดาห์นี้", "supply")


def test_a_consumable_for_a_person_is_refused_before_saving(qtbot, env):
    form = _open(qtbot, env, LoanRequestWindow, "staff1")
    qtbot.keyClicks(form.item_entry, PAPER)
    qtbot.keyClick(form.item_entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ยืมไม่ได้" in _approver(form), timeout=WAIT_MS)
    assert "ข้อ 210" in _approver(form)
    assert form.place_row.isHidden() and not form.urgent.isHidden()
    # As an agency with an urgent need it goes to the director (clause 210).
    choose(qtbot, form, "borrowerAgency")
    qtbot.waitUntil(lambda: "ต้องได้รับอนุมัติจาก" in _approver(form), timeout=WAIT_MS)
    assert "ข้อ 210" in _approver(form) and "ธนพล ศรีสุข" in _approver(form)


def test_dates_are_shown_and_typed_in_the_buddhist_era(qtbot, env):
    form = _open(qtbot, env, LoanRequestWindow, "staff1")
    assert form.start.text() == "24/11/2569" and form.due.text() == "01/12/2569"
    form.due.lineEdit().selectAll()
    qtbot.keyClicks(form.due.lineEdit(), "05/12/2569")
    qtbot.keyClick(form.due, Qt.Key.Key_Tab)
    assert form.due.day == DUE
    qtbot.keyClicks(form.due.lineEdit(), "x")  # not a date: refused as typed
    assert form.due.day == DUE


def test_the_supply_officer_enters_an_agencys_urgent_consumable_request(qtbot, env):
    form = _open(qtbot, env, LoanRequestWindow, "supply")
    choose(qtbot, form, "borrowerAgency")
    assert form.findChild(QLineEdit, "borrowerName").isHidden()
    assert not form.findChild(QLineEdit, "agencyName").isHidden()
    type_thai(form.agency_name, "สำนักงานเขตบางกอกใหญ่")
    type_thai(form.signatory, "นายวิชัย ใจดี")
    qtbot.keyClicks(form.item_entry, PAPER)
    qtbot.keyClick(form.item_entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ข้อ 210" in _approver(form), timeout=WAIT_MS)
    qty = form.items.cellWidget(0, 3)
    assert qty.maximum() == 180  # 200 on hand, 20 kept as the minimum stock (clause 210)
    usable(qty).lineEdit().selectAll()
    qtbot.keyClicks(qty.lineEdit(), "30")
    assert qty.value() == 30
    type_thai(form.purpose, "ใช้ในการเลือกตั้งผู้ว่าราชการกรุงเทพมหานคร")
    tick(qtbot, form.official)
    qtbot.mouseClick(button(form, "loanSubmit"), LEFT)
    qtbot.waitUntil(lambda: "ข้อ 210" in form.message.text(), timeout=WAIT_MS)  # not urgent
    assert form.saved is None
    tick(qtbot, form.urgent)  # a hidden or disabled box could not be clicked
    qtbot.waitUntil(lambda: button(form, "loanSubmit").isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(button(form, "loanSubmit"), LEFT)
    qtbot.waitUntil(lambda: form.saved is not None, timeout=WAIT_MS)
    v = loans.show_loan(env.uow, form.saved.loan_no)
    assert (v.clause, v.borrower, v.borrower_type, v.urgent) == (
        "210", "สำนักงานเขตบางกอกใหญ่", "agency", True)  # fmt: skip
    assert v.borrower_detail.signatory == "นายวิชัย ใจดี"
    assert [(i.asset_no, i.qty) for i in v.items] == [(PAPER, 30)]


def test_a_buddhist_era_calendar_and_the_loan_length(qtbot, env):
    from PySide6.QtWidgets import QCalendarWidget, QLabel, QTableView, QToolButton

    form = _open(qtbot, env, LoanRequestWindow, "staff1")
    length = form.findChild(QLabel, "loanLength")
    assert length.text() == "ยืม 8 วัน"  # 24/11 to 01/12, both days counted
    qtbot.mouseClick(form.findChild(QToolButton, "dueDateCalendar"), LEFT)
    popup = form.findChild(QCalendarWidget, "beCalendarMonth").parentWidget()
    assert popup.isVisible()
    title = popup.findChild(QLabel, "beCalendarTitle")
    assert title.text() == "ธันวาคม 2569"  # the year in พ.ศ., not 2026
    qtbot.mouseClick(popup.findChild(QToolButton, "beCalendarNext"), LEFT)
    assert title.text() == "มกราคม 2570"
    qtbot.mouseClick(popup.findChild(QToolButton, "beCalendarPrevious"), LEFT)
    # Click the 5th of December in the month's grid.
    calendar = popup.findChild(QCalendarWidget, "beCalendarMonth")
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    model = view.model()
    cell = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() in (5, "5") and r < 3
    )
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(cell).center())
    qtbot.waitUntil(lambda: form.due.day == DUE, timeout=WAIT_MS)
    assert form.due.text() == "05/12/2569"
    assert length.text() == "ยืม 12 วัน"
