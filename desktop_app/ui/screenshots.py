"""Screenshots of the kiosk, the counter console, the board and the settings window, for
the README: a demo office with a morning's queue, drawn offscreen at the sizes of the
counter PCs and the TV.

    QT_QPA_PLATFORM=offscreen python -m desktop_app.ui.screenshots [--out docs]

Times are fixed (Tuesday 24 November 2569, 10:1x in Bangkok), so the pictures only change
when the windows do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from db.engine import make_engine
from db.uow import UnitOfWork
from desktop_app.services import tickets
from desktop_app.services.auth import authenticate
from desktop_app.services.setup import init_database
from desktop_app.ui.app import make_env
from desktop_app.ui.env import LocalSettings, UiEnv
from desktop_app.ui.fonts import load_fonts
from printing.pdf.content import asset_link

SIZES = ((1366, 768), (1920, 1080))
START = dt.datetime(2026, 11, 24, 2, 30, tzinfo=dt.UTC)  # 09:30 in Bangkok


class Clock:
    """The demo's own time: the pictures only change when the windows do."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def _morning(uow: UnitOfWork, clock: Clock) -> None:
    clerk = authenticate(uow, "clerk1", "demo")
    plan = ["A", "B", "A", "C", "A", "D", "B", "A", "C", "A", "B", "A", "D", "A", "C", "A"]
    priorities = {2: "elderly", 6: "monk", 11: "disabled"}
    for i, svc in enumerate(plan):
        clock.advance(97)
        tickets.issue_ticket(uow, clerk, svc, priorities.get(i))
    for counter in (3, 4, 2, 1):
        clock.advance(40)
        tickets.call_next(uow, clerk, counter)
    for counter in (2, 3):
        clock.advance(300)
        tickets.call_next(uow, clerk, counter)
    clock.advance(200)
    tickets.call_next(uow, clerk, 1)
    clock.advance(65)
    tickets.recall(uow, clerk, 1)
    for svc, prio in (("A", None), ("B", "pregnant"), ("A", None)):
        clock.advance(30)
        tickets.issue_ticket(uow, clerk, svc, prio)
    clock.advance(150)


def _loans(uow: UnitOfWork) -> None:
    """The supply officer's morning: requests waiting for the director and the supply head,
    one to hand over, two out (one overdue and followed up), one back damaged."""
    from desktop_app.services import loans

    staff, supply, director, head = (
        authenticate(uow, u, "demo") for u in ("staff1", "supply", "director", "supplyhead")
    )
    day = dt.date(2026, 11, 24)
    base = {"purpose": "ใช้ในการอบรมอาสาสมัครชุมชน", "official_use": True}
    me = {"borrower_type": "person", "borrower_user": "staff1", "borrower": "กนกพร ทองดี"}
    # Out since early November, due 17 November: overdue, followed up by telephone.
    late = loans.request_loan(uow, supply, borrower_type="agency",
                              agency="สำนักงานเขตบางกอกน้อย", borrower="นายสมชาย ใจงาม",
                              items=["8340-001-0001/2564"], start=day - dt.timedelta(days=14),
                              due=day - dt.timedelta(days=7), **base)  # fmt: skip
    loans.approve_loan(uow, director, late.loan_no)
    loans.hand_over(uow, supply, late.loan_no)
    loans.record_followup(uow, supply, late.loan_no, "โทรแจ้งหัวหน้าฝ่าย จะส่งคืนภายในสัปดาห์", "phone")
    # Back damaged, awaiting settlement.
    back = loans.request_loan(uow, staff, place="on_premises", items=["7110-006-0001/2567"],
                              start=day - dt.timedelta(days=3), due=day - dt.timedelta(days=1),
                              **me, **base)  # fmt: skip
    loans.approve_loan(uow, head, back.loan_no)
    loans.hand_over(uow, supply, back.loan_no)
    loans.return_items(uow, supply, back.loan_no, ["7110-006-0001/2567:damaged"], "ขาหัก 1 ขา")
    # Out now, due next week.
    out = loans.request_loan(uow, staff, place="off_premises", items=["7440-001-0002/2566"],
                             start=day, due=day + dt.timedelta(days=7), **me, **base)  # fmt: skip
    loans.approve_loan(uow, director, out.loan_no)
    loans.hand_over(uow, supply, out.loan_no)
    # Approved, to hand over on 1 December.
    ready = loans.request_loan(uow, supply, borrower_type="agency",
                               agency="สำนักงานเขตบางกอกใหญ่", items=["6730-002-0001/2565"],
                               start=dt.date(2026, 12, 1), due=dt.date(2026, 12, 5),
                               **base)  # fmt: skip
    loans.approve_loan(uow, director, ready.loan_no)
    # Waiting: the director's (off the premises) and the supply head's (on the premises).
    loans.request_loan(uow, staff, place="off_premises", items=["7440-001-0001/2566"],
                       start=dt.date(2026, 12, 1), due=dt.date(2026, 12, 5),
                       place_detail="ศาลาประชาคมชุมชนวัดบางยี่ขัน", **me, **base)  # fmt: skip
    loans.request_loan(uow, staff, place="on_premises",
                       items=["7110-006-0002/2567", "7110-006-0003/2567"],
                       start=dt.date(2026, 11, 27), due=dt.date(2026, 11, 27),
                       place_detail="ห้องประชุมชั้น 3", **me, **base)  # fmt: skip


def settle(app: QApplication, until: Callable[[], bool], timeout_s: float = 10) -> None:
    import time

    end = time.monotonic() + timeout_s
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def _grab(app: QApplication, window: QWidget, size: tuple[int, int], path: Path) -> None:
    window.resize(*size)
    window.show()
    settle(app, lambda: True)
    window.grab().save(str(path))
    print(path)


@contextmanager
def demo_morning(app: QApplication) -> Iterator[UiEnv]:
    """The windows' environment on a throwaway demo office with its morning's queue and loans,
    at the fixed time (also for ui.shell_shots)."""
    load_fonts(app)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/shots.db")
        init_database(engine, demo=True)
        clock = Clock()
        uow = UnitOfWork(engine, clock=clock)
        _morning(uow, clock)
        _loans(uow)
        local = LocalSettings(QSettings(f"{tmp}/local.ini", QSettings.Format.IniFormat))
        local.board_sound = False
        env = make_env(app, uow, local=local, clock=clock)
        yield env
        env.live.stop()
        engine.dispose()


def take(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    with demo_morning(app) as env:
        _shoot_all(app, env, out)


def _shoot_all(app: QApplication, env: UiEnv, out: Path) -> None:
    from desktop_app.ui.admin import SettingsWindow
    from desktop_app.ui.board import BoardWindow
    from desktop_app.ui.counter import CounterWindow
    from desktop_app.ui.kiosk import KioskWindow

    clerk = authenticate(env.uow, "clerk1", "demo")
    admin = authenticate(env.uow, "admin", "demo")
    kiosk = KioskWindow(env, clerk)
    settle(app, lambda: kiosk.data is not None and kiosk.printer_ok is not None)
    for w, h in SIZES:
        _grab(app, kiosk, (w, h), out / f"kiosk-{w}x{h}.png")
    # A priority lane tapped: the prompt to choose a service (the demo PC has no printer,
    # so the kiosk says so before anyone taps).
    elderly = kiosk.findChild(QPushButton, "priority_elderly")
    assert elderly is not None
    elderly.click()
    for w, h in SIZES:
        _grab(app, kiosk, (w, h), out / f"kiosk-priority-{w}x{h}.png")
    elderly.click()
    # The ticket screen, with the printer fault this demo PC has (no printer configured).
    button = kiosk.findChild(QPushButton, "service_A")
    assert button is not None
    button.click()
    settle(app, lambda: kiosk.print_state == "fault")
    for w, h in SIZES:
        _grab(app, kiosk, (w, h), out / f"kiosk-ticket-{w}x{h}.png")
    kiosk.release()
    kiosk.close()

    counter = CounterWindow(env, clerk, 1)
    counter.showNormal()  # opens maximised; the pictures are taken at the given sizes
    settle(app, lambda: counter.queue is not None and bool(counter.printer_faults))
    counter.table.selectRow(1)
    for w, h in SIZES:
        _grab(app, counter, (w, h), out / f"counter-{w}x{h}.png")
    counter.close()

    from desktop_app.ui.shortcuts import ShortcutsDialog

    shortcuts = ShortcutsDialog()
    _grab(app, shortcuts, (640, 720), out / "shortcuts.png")
    shortcuts.close()

    board = BoardWindow(env)
    settle(app, lambda: board.status is not None)
    board.blink_timer.stop()
    for w, h in SIZES:
        _grab(app, board, (w, h), out / f"board-{w}x{h}.png")
    board.close()

    settings = SettingsWindow(env, admin)
    settle(app, lambda: bool(settings.data))
    settings.tabs.setCurrentIndex(1)
    settings.services_view.selectRow(0)
    for w, h in SIZES:
        _grab(app, settings, (w, h), out / f"settings-{w}x{h}.png")
    settings.tabs.setCurrentIndex(4)
    _grab(app, settings, SIZES[0], out / "settings-this-pc-1366x768.png")
    settings.close()
    _shoot_loans(app, env, out)


def _shoot_loans(app: QApplication, env: UiEnv, out: Path) -> None:
    """The loan windows at the counter PCs' size, and the settlement dialog."""
    from desktop_app.services import loans
    from desktop_app.ui.asset_register import AssetRegisterWindow
    from desktop_app.ui.loan_desk import OVERDUE, TO_SETTLE, LoanDeskWindow
    from desktop_app.ui.loan_dialogs import SettlementDialog
    from desktop_app.ui.loan_inbox import LoanInboxWindow
    from desktop_app.ui.loan_request import LoanRequestWindow

    size = SIZES[0]
    staff = authenticate(env.uow, "staff1", "demo")
    supply = authenticate(env.uow, "supply", "demo")
    director = authenticate(env.uow, "director", "demo")
    head = authenticate(env.uow, "supplyhead", "demo")

    register = AssetRegisterWindow(env, supply)
    settle(app, lambda: register.loaded)
    register.scan.setText(asset_link("7110-006-0001/2567"))  # as a label's QR types it
    register.jump()
    settle(app, lambda: register.history.rowCount() > 0 and register.detail is not None)
    for w, h in SIZES:
        _grab(app, register, (w, h), out / f"asset-register-{w}x{h}.png")
    from desktop_app.ui.asset_dialogs import AssetDialog

    assert register.detail is not None
    edit = AssetDialog(register.detail, env.clock().date(), register)
    _grab(app, edit, (620, 620), out / "asset-edit.png")
    edit.close()
    register.close()

    form = LoanRequestWindow(env, staff, ["7440-001-0001/2566"])
    settle(app, lambda: bool(form.lines))
    form.off_premises.setChecked(True)
    form.purpose.setText("ใช้ในการอบรมอาสาสมัครชุมชน")
    form.place_detail.setText("ศาลาประชาคมชุมชนวัดบางยี่ขัน")
    form.official.setChecked(True)
    settle(app, lambda: form.preview is not None)
    for w, h in SIZES:
        _grab(app, form, (w, h), out / f"loan-request-{w}x{h}.png")
    from desktop_app.ui.be_date import BeCalendar

    calendar = BeCalendar(form.due.day)
    _grab(app, calendar, (340, 300), out / "be-calendar.png")
    calendar.close()
    form.close()

    inbox = LoanInboxWindow(env, director)
    settle(app, lambda: inbox.decision is not None)
    for w, h in SIZES:
        _grab(app, inbox, (w, h), out / f"loan-inbox-{w}x{h}.png")
    from desktop_app.ui.delegation_dialog import DelegationDialog

    delegation = DelegationDialog(env, director, inbox)
    settle(app, lambda: delegation.loaded)
    _grab(app, delegation, (900, 560), out / "delegation-dialog.png")
    delegation.close()
    inbox.close()
    waiting = [s.loan_no for s in loans.list_loans(env.uow, status="submitted")]
    wrong = LoanInboxWindow(env, head)
    settle(app, lambda: wrong.loaded)
    wrong.lookup.setText(waiting[-1])  # the director's: no approve button here
    wrong.open_typed()
    settle(app, lambda: wrong.decision is not None and wrong.decision.loan.loan_no == waiting[-1])
    _grab(app, wrong, size, out / "loan-inbox-not-yours-1366x768.png")
    wrong.close()

    desk = LoanDeskWindow(env, supply)
    settle(app, lambda: desk.data is not None)
    desk.tabs.setCurrentIndex(OVERDUE)
    desk.tables[OVERDUE].selectRow(0)
    _grab(app, desk, size, out / "loan-desk-overdue-1366x768.png")
    desk.tabs.setCurrentIndex(TO_SETTLE)
    desk.tables[TO_SETTLE].selectRow(0)
    _grab(app, desk, size, out / "loan-desk-1366x768.png")
    loan_no = desk.models[TO_SETTLE].row_at(0).loan_no
    desk.close()

    v = loans.show_loan(env.uow, loan_no)
    item = next(i for i in v.items if i.needs_settlement)
    dialog = SettlementDialog(v, item, loans.compensation_for(env.uow, item.asset_no, v.start))
    dialog.pay.setChecked(True)
    _grab(app, dialog, (760, 560), out / "loan-settlement.png")
    dialog.close()

    from desktop_app.ui.loan_desk import preview_loan_record

    ready = loans.list_loans(env.uow, status="approved")[0].loan_no
    preview = preview_loan_record(env, ready, None)
    settle(app, lambda: preview.ready)
    _grab(app, preview, (1000, 768), out / "loan-preview.png")
    preview.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("docs"))
    out = ap.parse_args().out
    take(out)
    from desktop_app.ui.stats_shots import stats_screenshots  # imports this module

    for path in stats_screenshots(out):
        print(path)


if __name__ == "__main__":
    main()
