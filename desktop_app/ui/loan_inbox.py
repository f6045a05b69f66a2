"""The approver's inbox (รายการรออนุมัติ): only the requests this user may decide under
clause 208/210 — in their own role, or for a head under a delegation they hold today — with
the loan on the right; approve (F9, after a confirmation) or reject with a reason (F10).

Any loan can also be opened by its number (F2; a scanned loan record's QR works too): a
user who may not decide it sees it with the clause that says who may, and no approve
button. The service checks the same rule again when it writes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.roles import PERMISSIONS
from desktop_app.services import loan_desk_queries, loans
from desktop_app.services.asset_queries import loan_number_in
from desktop_app.services.auth import Actor
from desktop_app.services.loan_desk_queries import Decision, InboxLine
from desktop_app.services.loans import LoanView
from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_dialogs import ReasonDialog
from desktop_app.ui.loan_widgets import (
    CONDITIONS,
    LOAN_STATUSES,
    ROLE_TITLES,
    InboxModel,
    LoanWindow,
    be_date,
    selected_row,
    setup_table,
    word,
)
from desktop_app.ui.messages import one_language
from desktop_app.ui.operations import Reloader


class LoanInboxWindow(LoanWindow):
    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "loanInbox")
        self.model = InboxModel()
        self.decision: Decision | None = None
        self.context: loan_desk_queries.ApprovalContext | None = None
        self._seq = 0
        self.loaded = False
        self._build()
        self.reloader = Reloader(self.ops, lambda: loan_desk_queries.inbox(env.uow, actor),
                                 self._show, self.fail)  # fmt: skip
        self.retranslate()
        self.reloader.request()
        self.resize(1280, 760)

    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        self.lookup_label = QLabel()
        self.lookup = QLineEdit(objectName="loanLookup")
        self.lookup.returnPressed.connect(self.open_typed)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.lookup_label)
        top.addWidget(self.lookup)
        self.table = QTableView(objectName="inboxTable")
        self.table.setModel(self.model)
        setup_table(self.table, 3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.empty = QLabel(objectName="inboxEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.empty)
        self.detail = QTextBrowser(objectName="loanDetail")
        self.refusal = QLabel(objectName="loanRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(
            "#loanRefusal { color: #92400e; background: #fef3c7; padding: 6px; }"
        )
        self.approve_button = QPushButton(objectName="loanApprove")
        self.reject_button = QPushButton(objectName="loanReject")
        self.print_button = QPushButton(objectName="loanPrint")
        self.approve_button.setStyleSheet("background: #0f766e; color: white; font-weight: bold;")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.print_record)
        QShortcut(QKeySequence("F9"), self, activated=self.approve_button.click)
        QShortcut(QKeySequence("F10"), self, activated=self.reject_button.click)
        QShortcut(QKeySequence("F2"), self, activated=self.lookup.setFocus)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_button.click)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.refusal)
        # Heads hand their authority on from here (รักษาการแทน), and see who holds it.
        self.delegation_button = QPushButton(objectName="loanDelegations")
        self.delegation_button.clicked.connect(self.open_delegations)
        self.delegation_button.setVisible(self.actor.role in PERMISSIONS["delegation.add"])
        top.addWidget(self.delegation_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)
        rl.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.setCentralWidget(body)

    def open_delegations(self) -> None:
        from desktop_app.ui.delegation_dialog import DelegationDialog

        self.env.dialogs.run(DelegationDialog(self.env, self.actor, self))
        if self.reloader is not None:
            self.reloader.request()  # a delegation changes what this user may decide

    # ------------------------------------------------------------------ loading
    def _show(self, lines: list[InboxLine]) -> None:
        current = self.decision.loan.loan_no if self.decision is not None else None
        self.model.set_rows(lines)
        self.loaded = True
        if current is not None:
            row = self.model.row_of(current)
            if row >= 0:
                self.table.selectRow(row)
            self.open_loan(current)  # its state may have moved (decided elsewhere)
        elif lines and selected_row(self.table) is None:
            self.table.selectRow(0)
        self.retranslate()

    def _selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            loan_no = self.model.row_at(row).loan_no
            if self.decision is None or self.decision.loan.loan_no != loan_no:
                self.open_loan(loan_no)

    def open_typed(self) -> None:
        number = loan_number_in(self.lookup.text())
        if number:
            self.table.clearSelection()
            self.open_loan(number)

    def open_loan(self, loan_no: str) -> None:
        self._seq += 1
        seq, uow, actor = self._seq, self.env.uow, self.actor

        def show(loaded: tuple[Decision, loan_desk_queries.ApprovalContext]) -> None:
            if seq == self._seq:
                self.decision, self.context = loaded
                self.retranslate()

        def load() -> tuple[Decision, loan_desk_queries.ApprovalContext]:
            return (
                loan_desk_queries.decision(uow, actor, loan_no),
                loan_desk_queries.approval_context(uow, loan_no),
            )

        self.ops.run(load, show, self.fail)

    def update_buttons(self) -> None:
        d = self.decision
        may = d is not None and d.may_decide
        # The wrong approver is not shown the buttons at all.
        self.approve_button.setVisible(may)
        self.reject_button.setVisible(may)
        self.approve_button.setEnabled(may and not self.busy)
        self.reject_button.setEnabled(may and not self.busy)
        self.print_button.setEnabled(d is not None)

    # ------------------------------------------------------------------ actions
    def approve(self) -> None:
        d = self.decision
        if d is None or not d.may_decide or self.busy:
            return
        v = d.loan
        text = (
            self.tr("อนุมัติใบยืม %1 ของ %2 ตามข้อ %3?")
            .replace("%1", v.loan_no)
            .replace("%2", v.borrower)
            .replace("%3", v.clause)
        )
        if not self.env.dialogs.confirm(self, text):
            return
        uow, actor, loan_no = self.env.uow, self.actor, v.loan_no
        self.run(
            lambda: loans.approve_loan(uow, actor, loan_no),
            lambda w: self._decided(w, self.tr("อนุมัติใบยืม %1 แล้ว").replace("%1", w.loan_no)),
        )

    def reject(self) -> None:
        d = self.decision
        if d is None or not d.may_decide or self.busy:
            return
        dialog = ReasonDialog(
            "rejectDialog",
            self.tr("ไม่อนุมัติการยืม"),
            self.tr("เหตุผลที่ไม่อนุมัติใบยืม %1 (ต้องระบุ ข้อ 207)").replace("%1", d.loan.loan_no),
            self.tr("ไม่อนุมัติ"),
            self,
        )
        if not self.env.dialogs.run(dialog):
            return
        uow, actor, loan_no, reason = self.env.uow, self.actor, d.loan.loan_no, dialog.text
        self.run(
            lambda: loans.reject_loan(uow, actor, loan_no, reason),
            lambda w: self._decided(w, self.tr("ไม่อนุมัติใบยืม %1 แล้ว").replace("%1", w.loan_no)),
        )

    def _decided(self, v: LoanView, text: str) -> None:
        self.say(text)
        self.open_loan(v.loan_no)

    def print_record(self) -> None:
        if self.decision is not None:
            from desktop_app.ui.loan_desk import preview_loan_record

            preview_loan_record(self.env, self.decision.loan.loan_no, self)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — รายการรออนุมัติ"))
        self.delegation_button.setText(self.tr("รักษาการแทน…"))
        self.heading.setText(
            self.tr("รายการรออนุมัติของ %1: %2 รายการ")
            .replace("%1", self.actor.name)
            .replace("%2", str(self.model.rowCount()))
        )
        self.lookup_label.setText(self.tr("เปิดใบยืมเลขที่ (F2)"))
        self.lookup.setPlaceholderText(self.tr("พิมพ์หรือสแกนเลขที่ใบยืม"))
        self.empty.setText(
            self.tr("ไม่มีคำขอยืมที่ท่านมีอำนาจอนุมัติ") if self.loaded and not self.model.rowCount()
            else ""
        )  # fmt: skip
        self.empty.setVisible(self.loaded and not self.model.rowCount())
        self.approve_button.setText(self.tr("อนุมัติ (F9)"))
        self.reject_button.setText(self.tr("ไม่อนุมัติ (F10)"))
        self.print_button.setText(self.tr("ดูใบยืม (Ctrl+P)"))
        d = self.decision
        self.detail.setHtml(loan_html(d.loan, self.context) if d is not None else "")
        if d is not None and not d.may_decide:
            self.refusal.setText(
                self.tr("ท่านอนุมัติใบยืมนี้ไม่ได้: %1").replace("%1", one_language(d.refusal))
            )
            self.refusal.show()
        elif d is not None and d.on_behalf_of:
            self.refusal.setText(
                self.tr("ท่านอนุมัติในฐานะผู้รักษาการแทน%1 ตามที่ได้รับมอบอำนาจ").replace(
                    "%1", word(ROLE_TITLES, d.on_behalf_of)
                )
            )
            self.refusal.show()
        else:
            self.refusal.hide()
        self.update_buttons()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


LABELS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("LoanTexts", "สถานะ"),
    "borrower": QT_TRANSLATE_NOOP("LoanTexts", "ผู้ยืม"),
    "purpose": QT_TRANSLATE_NOOP("LoanTexts", "วัตถุประสงค์"),
    "place": QT_TRANSLATE_NOOP("LoanTexts", "ใช้ที่"),
    "on_premises": QT_TRANSLATE_NOOP("LoanTexts", "ภายในสถานที่"),
    "off_premises": QT_TRANSLATE_NOOP("LoanTexts", "นอกสถานที่"),
    "dates": QT_TRANSLATE_NOOP("LoanTexts", "ช่วงที่ยืม"),
    "approver": QT_TRANSLATE_NOOP("LoanTexts", "ผู้อนุมัติตามระเบียบ"),
    "clause": QT_TRANSLATE_NOOP("LoanTexts", "ข้อ"),
    "requested_by": QT_TRANSLATE_NOOP("LoanTexts", "ผู้ยื่นคำขอ"),
    "decided_by": QT_TRANSLATE_NOOP("LoanTexts", "ผู้พิจารณา"),
    "overdue": QT_TRANSLATE_NOOP("LoanTexts", "เกินกำหนด"),
    "overdue_days": QT_TRANSLATE_NOOP("LoanTexts", "%1 วัน ต้องติดตามภายใน %2"),
    "loan_no": QT_TRANSLATE_NOOP("LoanTexts", "ใบยืมเลขที่"),
    "items": QT_TRANSLATE_NOOP("LoanTexts", "รายการพัสดุ"),
    "asset_no": QT_TRANSLATE_NOOP("LoanTexts", "เลขทะเบียน"),
    "name": QT_TRANSLATE_NOOP("LoanTexts", "ชื่อพัสดุ"),
    "qty": QT_TRANSLATE_NOOP("LoanTexts", "จำนวน"),
    "condition": QT_TRANSLATE_NOOP("LoanTexts", "สภาพ"),
}


def _context_rows(c: loan_desk_queries.ApprovalContext) -> list[tuple[str, str]]:
    translate = QCoreApplication.translate
    days, hours = divmod(c.waited_hours, 24)
    waited = (
        translate("LoanTexts", "%1 วัน %2 ชั่วโมง").replace("%1", str(days)).replace("%2", str(hours))
        if days
        else translate("LoanTexts", "%1 ชั่วโมง").replace("%1", str(hours))
    )
    record = (
        translate("LoanTexts", "เคยยืม %1 ครั้ง · คืนช้า %2 ครั้ง · ชำรุดหรือสูญหาย %3 รายการ")
        .replace("%1", str(c.earlier_loans))
        .replace("%2", str(c.late_returns))
        .replace("%3", str(c.damaged))
        if c.earlier_loans
        else translate("LoanTexts", "ยังไม่เคยยืม")
    )
    colour = "#b91c1c" if c.late_returns or c.damaged else "#15803d"
    return [
        (translate("LoanTexts", "รอพิจารณามาแล้ว"), _esc(waited)),
        (
            translate("LoanTexts", "มูลค่าพัสดุ"),
            translate("LoanTexts", "%1 บาท").replace("%1", f"{c.items_value:,.2f}"),
        ),
        (translate("LoanTexts", "ประวัติผู้ยืม"), f'<span style="color:{colour}">{_esc(record)}</span>'),
    ]


def loan_html(v: LoanView, context: loan_desk_queries.ApprovalContext | None = None) -> str:
    """One loan as the approver and the supply officer read it (with ``context``: who
    asked, how long it waited, its value and the borrower's record)."""
    t = {k: word(LABELS, k) for k in LABELS}
    b = v.borrower_detail
    who = _esc(v.borrower)
    if b.position or b.unit:
        who += f" ({_esc(' · '.join(x for x in (b.position, b.unit) if x))})"
    place = t.get(v.place, v.place)
    if v.place_detail:
        place += f" · {v.place_detail}"
    rows = [
        (t["status"], word(LOAN_STATUSES, v.status)),
        (t["borrower"], who),
        (t["purpose"], _esc(v.purpose)),
        (t["place"], _esc(place)),
        (t["dates"], f"{be_date(v.start)} – {be_date(v.due)}"),
        (t["approver"], f"{word(ROLE_TITLES, v.approver_role)} ({t['clause']} {v.clause})"),
        (t["requested_by"], _esc(v.requested_by or "")),
    ]
    if context is not None:
        if context.requester_name:
            rows[-1] = (t["requested_by"], _esc(" · ".join(
                x for x in (context.requester_name, context.requester_position) if x
            )))  # fmt: skip
        rows += _context_rows(context)
    if v.decided_by:
        note = f" — {v.decision_note}" if v.decision_note else ""
        rows.append((t["decided_by"], _esc(v.decided_by + note)))
    if v.overdue_days:
        late = t["overdue_days"].replace("%1", str(v.overdue_days))
        rows.append((t["overdue"], late.replace("%2", be_date(v.followup_deadline))))
    items = "".join(
        f"<tr><td>{_esc(i.asset_no)}</td><td>{_esc(i.name)}</td><td align=right>{i.qty} "
        f"{_esc(i.unit)}</td><td>{word(CONDITIONS, i.condition)}</td></tr>"
        for i in v.items
    )
    head = "".join(f"<tr><th align=left>{k}</th><td>{val}</td></tr>" for k, val in rows)
    cols = "".join(f"<th>{t[k]}</th>" for k in ("asset_no", "name", "qty", "condition"))
    return (
        f"<h2>{t['loan_no']} {_esc(v.loan_no)}</h2><table cellpadding=3>{head}</table>"
        f"<h3>{t['items']}</h3><table border=1 cellspacing=0 cellpadding=4 width=100%>"
        f"<tr>{cols}</tr>{items}</table>"
    )


def open_loan_inbox(env: UiEnv, actor: Actor) -> LoanInboxWindow:
    window = LoanInboxWindow(env, actor)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window
