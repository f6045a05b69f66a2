"""Parts shared by the loan windows: the table models over the loan services' rows, words
for statuses and conditions, and a base window that runs service calls off the UI thread,
reloads with the live queue and says what happened in a banner."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QTableView,
)

from desktop_app.services.assets import AssetLoanLine
from desktop_app.services.auth import Actor
from desktop_app.services.borrowers import BorrowerLoanLine
from desktop_app.services.loan_desk_queries import InboxLine
from desktop_app.services.loans import LoanSummary, OverdueView
from desktop_app.ui.be_date import be_date
from desktop_app.ui.env import UiEnv
from desktop_app.ui.messages import error_text
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.queue_models import RowsModel
from desktop_app.ui.widgets import Banner

CTX = "LoanTexts"
LOAN_STATUSES: dict[str, str] = {
    "submitted": QT_TRANSLATE_NOOP("LoanTexts", "รออนุมัติ"),
    "approved": QT_TRANSLATE_NOOP("LoanTexts", "อนุมัติแล้ว รอส่งมอบ"),
    "rejected": QT_TRANSLATE_NOOP("LoanTexts", "ไม่อนุมัติ"),
    "on_loan": QT_TRANSLATE_NOOP("LoanTexts", "อยู่ระหว่างยืม"),
    "returned": QT_TRANSLATE_NOOP("LoanTexts", "คืนแล้ว รอชดใช้"),
    "closed": QT_TRANSLATE_NOOP("LoanTexts", "ปิดแล้ว"),
    "cancelled": QT_TRANSLATE_NOOP("LoanTexts", "ยกเลิก"),
}
ASSET_STATUSES: dict[str, str] = {
    "available": QT_TRANSLATE_NOOP("LoanTexts", "พร้อมให้ยืม"),
    "reserved": QT_TRANSLATE_NOOP("LoanTexts", "จองแล้ว"),
    "on_loan": QT_TRANSLATE_NOOP("LoanTexts", "ถูกยืม"),
    "under_repair": QT_TRANSLATE_NOOP("LoanTexts", "ชำรุด รอซ่อม"),
    "lost": QT_TRANSLATE_NOOP("LoanTexts", "สูญหาย"),
    "written_off": QT_TRANSLATE_NOOP("LoanTexts", "จำหน่ายแล้ว"),
}
CONDITIONS: dict[str, str] = {
    "good": QT_TRANSLATE_NOOP("LoanTexts", "สภาพดี"),
    "damaged": QT_TRANSLATE_NOOP("LoanTexts", "ชำรุด"),
    "lost": QT_TRANSLATE_NOOP("LoanTexts", "สูญหาย"),
}
KINDS: dict[str, str] = {
    "durable": QT_TRANSLATE_NOOP("LoanTexts", "ครุภัณฑ์"),
    "consumable": QT_TRANSLATE_NOOP("LoanTexts", "วัสดุ"),
}
BORROWER_TYPES: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("LoanTexts", "บุคคล"),
    "agency": QT_TRANSLATE_NOOP("LoanTexts", "หน่วยงานของรัฐ"),
}
ROLE_TITLES: dict[str, str] = {
    "agency_head": QT_TRANSLATE_NOOP("LoanTexts", "หัวหน้าหน่วยงานของรัฐ"),
    "supply_head": QT_TRANSLATE_NOOP("LoanTexts", "หัวหน้าหน่วยพัสดุผู้ครอบครองพัสดุ"),
}
OVERDUE_TINT = QColor("#fecaca")
SOON_TINT = QColor("#fde68a")


def word(table: dict[str, str], value: str | None) -> str:
    if value is None:
        return ""
    return QCoreApplication.translate(CTX, table[value]) if value in table else value


def setup_table(table: QTableView, stretch: int) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setDefaultSectionSize(130)


def selected_row(table: QTableView) -> int | None:
    sm = table.selectionModel()
    rows = sm.selectedRows() if sm is not None else []
    return rows[0].row() if rows else None


class LoanSummaryModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("LoanSummaryModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "ผู้ยืม"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "สังกัด"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "พัสดุ"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "วันที่ยืม"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "กำหนดคืน"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "ข้อ"),
        QT_TRANSLATE_NOOP("LoanSummaryModel", "สถานะ"),
    )

    def cell(self, row: LoanSummary, column: int) -> Any:
        if column == 7:
            return word(LOAN_STATUSES, row.status)
        return (row.loan_no, row.borrower, row.borrower_unit, ", ".join(row.assets),
                be_date(row.start), be_date(row.due), row.clause)[column]  # fmt: skip

    def background(self, row: LoanSummary) -> QColor | None:
        return OVERDUE_TINT if row.overdue_days > 0 else None

    def row_of(self, loan_no: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.loan_no == loan_no), -1)


class OverdueModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("OverdueModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("OverdueModel", "ผู้ยืม"),
        QT_TRANSLATE_NOOP("OverdueModel", "พัสดุที่ค้างคืน"),
        QT_TRANSLATE_NOOP("OverdueModel", "กำหนดคืน"),
        QT_TRANSLATE_NOOP("OverdueModel", "เกินกำหนด (วัน)"),
        QT_TRANSLATE_NOOP("OverdueModel", "ต้องติดตามภายใน"),
        QT_TRANSLATE_NOOP("OverdueModel", "ติดตามแล้ว"),
    )

    def cell(self, row: OverdueView, column: int) -> Any:
        if column == 6:
            if not row.followups:
                return QCoreApplication.translate("LoanTexts", "ยังไม่ได้ติดตาม")
            return QCoreApplication.translate("LoanTexts", "%1 ครั้ง ล่าสุด %2").replace(
                "%1", str(row.followups)).replace("%2", be_date(row.last_followup))  # fmt: skip
        return (row.loan_no, row.borrower, ", ".join(row.assets), be_date(row.due),
                row.overdue_days, be_date(row.followup_deadline))[column]  # fmt: skip

    def numeric(self, column: int) -> bool:
        return column == 4

    def background(self, row: OverdueView) -> QColor | None:
        if row.deadline_missed:
            return OVERDUE_TINT
        return SOON_TINT if not row.followed_up else None

    def row_of(self, loan_no: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.loan_no == loan_no), -1)


class InboxModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("InboxModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("InboxModel", "ข้อ"),
        QT_TRANSLATE_NOOP("InboxModel", "ผู้ยืม"),
        QT_TRANSLATE_NOOP("InboxModel", "พัสดุ"),
        QT_TRANSLATE_NOOP("InboxModel", "ช่วงที่ยืม"),
        QT_TRANSLATE_NOOP("InboxModel", "อนุมัติในฐานะ"),
    )

    def cell(self, row: InboxLine, column: int) -> Any:
        if column == 5:
            if row.on_behalf_of:
                return QCoreApplication.translate("LoanTexts", "รักษาการแทน %1").replace(
                    "%1", word(ROLE_TITLES, row.on_behalf_of))  # fmt: skip
            return word(ROLE_TITLES, row.approver_role)
        return (row.loan_no, row.clause, row.borrower, ", ".join(row.assets),
                f"{be_date(row.start)} – {be_date(row.due)}")[column]  # fmt: skip

    def row_of(self, loan_no: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.loan_no == loan_no), -1)


class AssetLoansModel(RowsModel):
    """One asset's loan history."""

    headers = (
        QT_TRANSLATE_NOOP("AssetLoansModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "ผู้ยืม"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "วันที่ยืม"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "กำหนดคืน"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "จำนวน"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "สภาพเมื่อคืน"),
        QT_TRANSLATE_NOOP("AssetLoansModel", "สถานะ"),
    )

    def cell(self, row: AssetLoanLine, column: int) -> Any:
        if column == 5:
            return word(CONDITIONS, row.condition_in)
        if column == 6:
            return word(LOAN_STATUSES, row.status)
        return (row.loan_no, row.borrower, be_date(row.start), be_date(row.due),
                row.qty)[column]  # fmt: skip

    def numeric(self, column: int) -> bool:
        return column == 4


class BorrowerLoansModel(RowsModel):
    """One borrower's loans."""

    headers = (
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "พัสดุ"),
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "วันที่ยืม"),
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "กำหนดคืน"),
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "วัตถุประสงค์"),
        QT_TRANSLATE_NOOP("BorrowerLoansModel", "สถานะ"),
    )

    def cell(self, row: BorrowerLoanLine, column: int) -> Any:
        if column == 5:
            return word(LOAN_STATUSES, row.status)
        return (row.loan_no, ", ".join(row.assets), be_date(row.start), be_date(row.due),
                row.purpose)[column]  # fmt: skip


class LoanWindow(QMainWindow):
    """A window of the loan desk: ``ops`` for service calls, ``reloader`` for what it shows
    (set by the subclass), reloaded when the database moves (env.live), a banner for what
    happened. While a change runs ``busy`` is set and ``update_buttons`` disables them."""

    def __init__(self, env: UiEnv, actor: Actor, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.busy = False
        self.message = Banner(f"{name}Message")
        self.reloader: Reloader | None = None
        env.live.changed.connect(self._changed_elsewhere)
        from desktop_app.ui.shortcuts import install_help

        install_help(self, env.dialogs)  # F1: the application's shortcut map
        self.setStyleSheet(
            "QWidget { font-size: 15px; } QPushButton { min-height: 36px; padding: 2px 12px; }"
            "QLabel#heading { font-size: 20px; font-weight: bold; color: #0f3b5f; }"
            "Banner, QLabel[kind] { padding: 4px; }"
            'QLabel[kind="error"] { color: white; background: #b91c1c; }'
            'QLabel[kind="info"] { color: #14532d; background: #dcfce7; }'
        )

    def _changed_elsewhere(self, _revision: int) -> None:
        if self.reloader is not None:
            self.reloader.request()

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], reload: bool = True
    ) -> None:
        """A change: one at a time, the buttons off meanwhile; then reload and tell the other
        windows (live.poke)."""
        if self.busy:
            return
        self.busy = True
        self.update_buttons()

        def finished(value: Any) -> None:
            self.busy = False
            done(value)
            self._after(reload)

        def failed(error: Exception) -> None:
            self.busy = False
            self.fail(error)
            self._after(reload)

        self.ops.run(work, finished, failed)

    def _after(self, reload: bool) -> None:
        self.update_buttons()
        if reload:
            if self.reloader is not None:
                self.reloader.request()
            self.env.live.poke()

    def say(self, text: str) -> None:
        self.message.show_message(text, "info", 10)

    def fail(self, error: Exception) -> None:
        self.message.show_message(error_text(error), "error", 0)

    def update_buttons(self) -> None:
        pass

    def retranslate(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.env.live.changed.disconnect(self._changed_elsewhere)
        self.ops.wait(5000)
        super().closeEvent(event)
