"""The supply officer's desk (โต๊ะงานพัสดุ): where the loans are handed over, taken back,
settled and followed up, and where the paper comes from.

Tabs: to hand over (approved; F6 hands over), on loan (F7 takes a return: each item's
condition; a damaged or lost item goes straight on to the settlement dialog), awaiting
settlement (F8: repair, replace or pay with the computed amount and its working), the
overdue board (clause 211: the follow-up deadline; F11 records a follow-up, and the
follow-up letter prints from here) and a borrower's history. Ctrl+P previews the
document of the selected loan; the register and the asset-use report print for the
dates chosen at the top. Ctrl+N opens a request; Ctrl+R the asset register.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.thai_time import business_date
from desktop_app.services import borrowers, loan_desk_queries, loans
from desktop_app.services.auth import Actor
from desktop_app.services.borrowers import BorrowerHistory, BorrowerView
from desktop_app.services.loan_desk_queries import DeskData
from desktop_app.services.loans import CompensationView, LoanItemView, LoanView
from desktop_app.ui.be_date import BeDateEdit
from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_dialogs import FollowupDialog, ReturnDialog, SettlementDialog
from desktop_app.ui.loan_pdf_preview import PdfPreview, open_preview
from desktop_app.ui.loan_widgets import (
    LOAN_STATUSES,
    BorrowerLoansModel,
    LoanSummaryModel,
    LoanWindow,
    OverdueModel,
    be_date,
    selected_row,
    setup_table,
    word,
)
from desktop_app.ui.operations import Reloader

TO_HAND_OVER, ON_LOAN, TO_SETTLE, OVERDUE, BORROWER = range(5)


def _documents() -> Any:
    from desktop_app.services import documents  # the loan PDFs (services.documents)

    return documents


def preview_loan_record(env: UiEnv, loan_no: str, parent: QWidget | None) -> PdfPreview:
    uow = env.uow
    return open_preview(
        env,
        QCoreApplication.translate("LoanDeskWindow", "ใบยืมพัสดุ %1").replace("%1", loan_no),
        f"loan-{_file_part(loan_no)}.pdf",
        lambda: bytes(_documents().loan_record_pdf(uow, loan_no)),
        parent,
    )


def _file_part(loan_no: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in loan_no)


class LoanDeskWindow(LoanWindow):
    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "loanDesk")
        self.data: DeskData | None = None
        self.history: BorrowerHistory | None = None
        self.people: list[BorrowerView] = []
        self.previews: list[PdfPreview] = []
        self.models = {
            TO_HAND_OVER: LoanSummaryModel(),
            ON_LOAN: LoanSummaryModel(),
            TO_SETTLE: LoanSummaryModel(),
        }
        self.overdue = OverdueModel()
        self.borrower_loans = BorrowerLoansModel()
        self._build()
        self.reloader = Reloader(self.ops, lambda: self._load(env), self._show, self.fail)
        self.retranslate()
        self.reloader.request()
        self.resize(1366, 768)

    @staticmethod
    def _load(env: UiEnv) -> tuple[DeskData, list[BorrowerView]]:
        return loan_desk_queries.desk(env.uow), borrowers.list_borrowers(env.uow)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        today = business_date(self.env.clock())
        self.date_from = BeDateEdit(today.replace(day=1))
        self.date_to = BeDateEdit(today)
        self.date_from.setObjectName("reportFrom")
        self.date_to.setObjectName("reportTo")
        self.range_label = QLabel()
        self.register_button = QPushButton(objectName="printRegister")
        self.use_report_button = QPushButton(objectName="printUseReport")
        self.request_button = QPushButton(objectName="openRequest")
        self.assets_button = QPushButton(objectName="openAssets")
        self.register_button.clicked.connect(self.print_register)
        self.use_report_button.clicked.connect(self.print_use_report)
        self.request_button.clicked.connect(self.open_request)
        self.assets_button.clicked.connect(self.open_assets)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.request_button)
        top.addWidget(self.assets_button)
        reports = QHBoxLayout()
        reports.addWidget(self.range_label)
        reports.addWidget(self.date_from)
        reports.addWidget(QLabel("–"))
        reports.addWidget(self.date_to)
        reports.addWidget(self.register_button)
        reports.addWidget(self.use_report_button)
        reports.addStretch(1)

        self.tabs = QTabWidget(objectName="deskTabs")
        self.tables: dict[int, QTableView] = {}
        self.actions: dict[str, QPushButton] = {}
        spec: list[tuple[int, Any, int, list[tuple[str, str, Callable[[], None]]]]] = [
            (TO_HAND_OVER, self.models[TO_HAND_OVER], 3, [
                ("handOver", "F6", self.hand_over), ("printLoan", "", self.print_loan)]),
            (ON_LOAN, self.models[ON_LOAN], 3, [
                ("takeReturn", "F7", self.take_return), ("printLoan2", "", self.print_loan)]),
            (TO_SETTLE, self.models[TO_SETTLE], 3, [
                ("settle", "F8", self.settle), ("printReturn", "", self.print_return)]),
            (OVERDUE, self.overdue, 2, [
                ("followUp", "F11", self.follow_up), ("printLetter", "", self.print_letter)]),
        ]  # fmt: skip
        for tab, model, stretch, buttons in spec:
            page = QWidget()
            table = QTableView(objectName=f"deskTable{tab}")
            table.setModel(model)
            setup_table(table, stretch)
            table.setColumnWidth(0, 150)
            table.setColumnWidth(1, 220)
            table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
            self.tables[tab] = table
            row = QHBoxLayout()
            row.addStretch(1)
            for name, key, slot in buttons:
                b = QPushButton(objectName=name)
                b.clicked.connect(slot)
                if key:
                    QShortcut(QKeySequence(key), self, activated=b.click)
                self.actions[name] = b
                row.addWidget(b)
            pl = QVBoxLayout(page)
            pl.addWidget(table, 1)
            pl.addLayout(row)
            self.tabs.addTab(page, "")
        # A borrower's history
        page = QWidget()
        self.borrower_choice = QComboBox(objectName="borrowerChoice")
        self.borrower_choice.setMinimumWidth(420)
        self.borrower_choice.currentIndexChanged.connect(lambda *_: self.load_history())
        self.borrower_label = QLabel()
        self.borrower_summary = QLabel(objectName="borrowerSummary")
        self.history_view = QTableView(objectName="borrowerHistory")
        self.history_view.setModel(self.borrower_loans)
        setup_table(self.history_view, 4)
        line = QHBoxLayout()
        line.addWidget(self.borrower_label)
        line.addWidget(self.borrower_choice)
        line.addWidget(self.borrower_summary, 1)
        pl = QVBoxLayout(page)
        pl.addLayout(line)
        pl.addWidget(self.history_view, 1)
        self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda *_: self.update_buttons())
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_current)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.request_button.click)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.assets_button.click)
        for i in range(5):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self,
                      activated=lambda i=i: self.tabs.setCurrentIndex(i))  # fmt: skip

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(reports)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(body)

    # ------------------------------------------------------------------ loading
    def _show(self, loaded: tuple[DeskData, list[BorrowerView]]) -> None:
        data, people = loaded
        self.data = data
        for tab, rows in ((TO_HAND_OVER, data.to_hand_over), (ON_LOAN, data.on_loan),
                          (TO_SETTLE, data.to_settle)):  # fmt: skip
            self._keep_selection(self.tables[tab], self.models[tab], list(rows))
        self._keep_selection(self.tables[OVERDUE], self.overdue, list(data.overdue))
        if people != self.people:
            self.people = people
            current = self.borrower_choice.currentData()
            self.borrower_choice.blockSignals(True)
            self.borrower_choice.clear()
            self.borrower_choice.addItem("", None)
            for b in people:
                unit = f" · {b.unit}" if b.unit and b.kind == "person" else ""
                self.borrower_choice.addItem(f"{b.name}{unit}", b.id)
            i = self.borrower_choice.findData(current)
            self.borrower_choice.setCurrentIndex(max(i, 0))
            self.borrower_choice.blockSignals(False)
        if self.borrower_choice.currentData() is not None:
            self.load_history()
        self.retranslate()

    @staticmethod
    def _keep_selection(table: QTableView, model: Any, rows: list[Any]) -> None:
        row = selected_row(table)
        loan_no = model.row_at(row).loan_no if row is not None else None
        model.set_rows(rows)
        if loan_no is not None and (r := model.row_of(loan_no)) >= 0:
            table.selectRow(r)
        elif rows and selected_row(table) is None:
            table.selectRow(0)

    def load_history(self) -> None:
        key = self.borrower_choice.currentData()
        if key is None:
            self.history = None
            self.borrower_loans.set_rows([])
            self.retranslate()
            return
        uow = self.env.uow

        def show(h: BorrowerHistory) -> None:
            self.history = h
            self.borrower_loans.set_rows(list(h.loans))
            self.retranslate()

        self.ops.run(lambda: borrowers.borrower_history(uow, str(key)), show, self.fail)

    def selected_loan(self, tab: int | None = None) -> str | None:
        tab = self.tabs.currentIndex() if tab is None else tab
        if tab == OVERDUE:
            row = selected_row(self.tables[OVERDUE])
            return self.overdue.row_at(row).loan_no if row is not None else None
        if tab == BORROWER:
            row = selected_row(self.history_view)
            return self.borrower_loans.row_at(row).loan_no if row is not None else None
        row = selected_row(self.tables[tab])
        return self.models[tab].row_at(row).loan_no if row is not None else None

    def select_loan(self, tab: int, loan_no: str) -> bool:
        model = self.overdue if tab == OVERDUE else self.models[tab]
        row = model.row_of(loan_no)
        if row < 0:
            return False
        self.tabs.setCurrentIndex(tab)
        self.tables[tab].selectRow(row)
        return True

    def update_buttons(self) -> None:
        for tab, names in ((TO_HAND_OVER, ("handOver", "printLoan")),
                           (ON_LOAN, ("takeReturn", "printLoan2")),
                           (TO_SETTLE, ("settle", "printReturn")),
                           (OVERDUE, ("followUp", "printLetter"))):  # fmt: skip
            chosen = self.selected_loan(tab) is not None
            for name in names:
                self.actions[name].setEnabled(chosen and not self.busy)

    # ------------------------------------------------------------------ hand over
    def hand_over(self) -> None:
        loan_no = self.selected_loan(TO_HAND_OVER)
        if loan_no is None or self.busy or self.tabs.currentIndex() != TO_HAND_OVER:
            return
        row = self.models[TO_HAND_OVER].row_at(selected_row(self.tables[TO_HAND_OVER]) or 0)
        text = (
            self.tr("ส่งมอบพัสดุตามใบยืม %1 ให้ %2 (%3)?")
            .replace("%1", loan_no)
            .replace("%2", row.borrower)
            .replace("%3", ", ".join(row.assets))
        )
        if not self.env.dialogs.confirm(self, text):
            return
        uow, actor = self.env.uow, self.actor
        self.run(
            lambda: loans.hand_over(uow, actor, loan_no),
            lambda v: self.say(
                self.tr("ส่งมอบตามใบยืม %1 แล้ว กำหนดคืน %2")
                .replace("%1", v.loan_no)
                .replace("%2", be_date(v.due))
            ),
        )

    # ------------------------------------------------------------------ return and settle
    def take_return(self) -> None:
        loan_no = self.selected_loan(ON_LOAN)
        if loan_no is None or self.busy or self.tabs.currentIndex() != ON_LOAN:
            return
        uow = self.env.uow
        self.run(lambda: loans.show_loan(uow, loan_no), self._ask_return, reload=False)

    def _ask_return(self, v: LoanView) -> None:
        dialog = ReturnDialog(v, self)
        if not self.env.dialogs.run(dialog):
            return
        lines, note = dialog.lines(), dialog.note.text()
        uow, actor = self.env.uow, self.actor

        def done(w: LoanView) -> None:
            self.say(self.tr("รับคืนตามใบยืม %1 แล้ว").replace("%1", w.loan_no))
            if any(i.needs_settlement for i in w.items):
                self._settle_next(w)  # clause 209: settle what came back damaged or lost

        self.run(lambda: loans.return_items(uow, actor, v.loan_no, lines, note), done)

    def settle(self) -> None:
        loan_no = self.selected_loan(TO_SETTLE)
        if loan_no is None or self.busy or self.tabs.currentIndex() != TO_SETTLE:
            return
        uow = self.env.uow
        self.run(lambda: loans.show_loan(uow, loan_no), self._settle_next, reload=False)

    def _settle_next(self, v: LoanView) -> None:
        """The first item still to settle: its compensation (as of the loan's start, as
        settle_item computes it), then the dialog."""
        item = next((i for i in v.items if i.needs_settlement), None)
        if item is None:
            return
        uow = self.env.uow

        def compute() -> CompensationView | None:
            if item.kind != "durable":
                return None
            return loans.compensation_for(uow, item.asset_no, v.start)

        self.ops.run(compute, lambda c: self._ask_settlement(v, item, c), self.fail)

    def _ask_settlement(
        self, v: LoanView, item: LoanItemView, comp: CompensationView | None
    ) -> None:
        dialog = SettlementDialog(v, item, comp, self)
        if not self.env.dialogs.run(dialog):
            self.say(
                self.tr("ใบยืม %1 ยังรอการชดใช้ %2 (แท็บรอชดใช้)")
                .replace("%1", v.loan_no)
                .replace("%2", item.asset_no)
            )
            return
        method = dialog.method or ""
        amount = dialog.amount.text().replace(",", "") if method == "pay" else None
        receipt, note = dialog.receipt.text(), dialog.note.text()
        uow, actor = self.env.uow, self.actor

        def done(w: LoanView) -> None:
            self.say(
                self.tr("บันทึกการชดใช้ %1 แล้ว · ใบยืม %2: %3")
                .replace("%1", item.asset_no)
                .replace("%2", w.loan_no)
                .replace("%3", self._status_word(w.status))
            )
            if any(i.needs_settlement for i in w.items):
                self._settle_next(w)

        self.run(
            lambda: loans.settle_item(
                uow, actor, v.loan_no, item.asset_no, method, amount, receipt, note
            ),
            done,
        )

    def _status_word(self, status: str) -> str:
        return word(LOAN_STATUSES, status)

    # ------------------------------------------------------------------ follow up
    def follow_up(self) -> None:
        row = selected_row(self.tables[OVERDUE])
        if row is None or self.busy or self.tabs.currentIndex() != OVERDUE:
            return
        o = self.overdue.row_at(row)
        dialog = FollowupDialog(o.loan_no, o.borrower, be_date(o.followup_deadline), self)
        if not self.env.dialogs.run(dialog):
            return
        means, note = str(dialog.means.currentData()), dialog.note.text()
        uow, actor = self.env.uow, self.actor
        self.run(
            lambda: loans.record_followup(uow, actor, o.loan_no, note, means),
            lambda v: self.say(self.tr("บันทึกการติดตามใบยืม %1 แล้ว").replace("%1", v.loan_no)),
        )

    # ------------------------------------------------------------------ paper
    def _preview(self, title: str, file_name: str, make: Callable[[], bytes]) -> PdfPreview:
        preview = open_preview(self.env, title, file_name, make, self)
        self.previews.append(preview)
        return preview

    def print_current(self) -> None:
        tab = self.tabs.currentIndex()
        {TO_SETTLE: self.print_return, OVERDUE: self.print_letter}.get(tab, self.print_loan)()

    def print_loan(self) -> None:
        loan_no = self.selected_loan()
        if loan_no is not None:
            self.previews.append(preview_loan_record(self.env, loan_no, self))

    def print_return(self) -> None:
        loan_no = self.selected_loan()
        if loan_no is None:
            return
        uow = self.env.uow
        self._preview(
            self.tr("บันทึกการตรวจรับคืนพัสดุ %1").replace("%1", loan_no),
            f"return-{_file_part(loan_no)}.pdf",
            lambda: bytes(_documents().return_record_pdf(uow, loan_no)),
        )

    def print_letter(self) -> None:
        loan_no = self.selected_loan(OVERDUE)
        if loan_no is None:
            return
        uow = self.env.uow
        self._preview(
            self.tr("หนังสือติดตามทวงคืน %1").replace("%1", loan_no),
            f"followup-{_file_part(loan_no)}.pdf",
            lambda: bytes(_documents().followup_letter_pdf(uow, loan_no)),
        )

    def _range(self) -> tuple[dt.date, dt.date]:
        return self.date_from.day, self.date_to.day

    def print_register(self) -> None:
        start, end = self._range()
        uow = self.env.uow
        self._preview(
            self.tr("ทะเบียนคุมการยืมพัสดุ %1 – %2").replace("%1", be_date(start))
            .replace("%2", be_date(end)),
            f"loan-register-{start.isoformat()}-{end.isoformat()}.pdf",
            lambda: bytes(_documents().loan_register_pdf(uow, start, end)),
        )  # fmt: skip

    def print_use_report(self) -> None:
        start, end = self._range()
        uow = self.env.uow
        self._preview(
            self.tr("รายงานการใช้พัสดุ %1 – %2").replace("%1", be_date(start))
            .replace("%2", be_date(end)),
            f"asset-use-{start.isoformat()}-{end.isoformat()}.pdf",
            lambda: bytes(_documents().asset_use_report_pdf(uow, start, end)),
        )  # fmt: skip

    def open_request(self) -> None:
        from desktop_app.ui.loan_request import open_loan_request

        open_loan_request(self.env, self.actor)

    def open_assets(self) -> None:
        from desktop_app.ui.asset_register import open_asset_register

        open_asset_register(self.env, self.actor)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — งานยืมพัสดุ"))
        d = self.data
        self.heading.setText(
            self.tr("งานยืมพัสดุ · %1").replace("%1", self.actor.name)
            + (" · " + self.tr("ข้อมูล ณ %1").replace("%1", be_date(d.as_of)) if d else "")
        )
        counts = {
            TO_HAND_OVER: len(d.to_hand_over) if d else 0,
            ON_LOAN: len(d.on_loan) if d else 0,
            TO_SETTLE: len(d.to_settle) if d else 0,
            OVERDUE: len(d.overdue) if d else 0,
        }
        names = {
            TO_HAND_OVER: self.tr("รอส่งมอบ (%1)"),
            ON_LOAN: self.tr("ยืมอยู่ (%1)"),
            TO_SETTLE: self.tr("รอชดใช้ (%1)"),
            OVERDUE: self.tr("เกินกำหนด (%1)"),
        }
        for tab, name in names.items():
            self.tabs.setTabText(tab, name.replace("%1", str(counts[tab])))
        self.tabs.setTabText(BORROWER, self.tr("ประวัติผู้ยืม"))
        texts = {
            "handOver": self.tr("ส่งมอบพัสดุ (F6)"),
            "printLoan": self.tr("ใบยืม (Ctrl+P)"),
            "takeReturn": self.tr("รับคืน/ตรวจสภาพ (F7)"),
            "printLoan2": self.tr("ใบยืม (Ctrl+P)"),
            "settle": self.tr("ชดใช้ (F8)"),
            "printReturn": self.tr("บันทึกตรวจรับคืน (Ctrl+P)"),
            "followUp": self.tr("บันทึกการติดตาม (F11)"),
            "printLetter": self.tr("หนังสือติดตามทวงคืน (Ctrl+P)"),
        }
        for name, b in self.actions.items():
            b.setText(texts[name])
        self.range_label.setText(self.tr("รายงานช่วงวันที่"))
        self.register_button.setText(self.tr("ทะเบียนคุมการยืม"))
        self.use_report_button.setText(self.tr("รายงานการใช้พัสดุ"))
        self.request_button.setText(self.tr("ขอยืม (Ctrl+N)"))
        self.assets_button.setText(self.tr("ทะเบียนพัสดุ (Ctrl+R)"))
        self.borrower_label.setText(self.tr("ผู้ยืม"))
        self.borrower_choice.setItemText(0, self.tr("— เลือกผู้ยืม —"))
        h = self.history
        self.borrower_summary.setText(
            self.tr("ยืมทั้งหมด %1 ครั้ง · ยังไม่คืน %2 ใบ")
            .replace("%1", str(len(h.loans)))
            .replace("%2", str(h.on_loan))
            if h is not None
            else ""
        )
        self.update_buttons()


def open_loan_desk(env: UiEnv, actor: Actor) -> LoanDeskWindow:
    window = LoanDeskWindow(env, actor)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window
