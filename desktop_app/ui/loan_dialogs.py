"""The small dialogs of the loan desk, shown through env.dialogs (so a test answers them by
clicking): reject with a reason (clause 207), return with each item's condition (209,
210), settle a damaged or lost item — repair, replace or pay, with the computed amount
and its working (209) — and record a follow-up (211)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.assets import Condition
from desktop_app.domain.loans import ItemReturn
from desktop_app.services.loans import CompensationView, LoanItemView, LoanView
from desktop_app.ui.loan_widgets import CONDITIONS, be_date, word


class _LoanDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.ok = QPushButton(objectName=f"{name}Ok")
        self.ok.setDefault(True)
        self.cancel = QPushButton(objectName=f"{name}Cancel")
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel)
        self.buttons.addWidget(self.ok)
        for b in (self.ok, self.cancel):
            b.setMinimumHeight(40)
        self.setStyleSheet("QWidget { font-size: 15px; }")

    def accept(self) -> None:
        if self.ok.isEnabled():  # Enter must not get round a disabled OK
            super().accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("ยกเลิก"))


class ReasonDialog(_LoanDialog):
    """A reason that must be given: rejecting a request (207). OK stays off without one."""

    def __init__(self, name: str, title: str, prompt: str, ok_text: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(name, parent)
        self.title, self.prompt_text, self.ok_text = title, prompt, ok_text
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit(objectName=f"{name}Reason")
        self.reason.setMaxLength(1000)
        self.reason.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addLayout(self.buttons)
        self.retranslate()
        self._check()
        self.resize(560, self.sizeHint().height())

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.title)
        self.prompt.setText(self.prompt_text)
        self.ok.setText(self.ok_text)

    @property
    def text(self) -> str:
        return self.reason.text()


class ReturnDialog(_LoanDialog):
    """Receive items back: each outstanding item with its condition (good, damaged, lost)
    and, for a consumable, the quantity (returned in kind, good only — clause 210)."""

    def __init__(self, loan: LoanView, parent: QWidget | None = None) -> None:
        super().__init__("returnDialog", parent)
        self.loan = loan
        self.out: list[LoanItemView] = [i for i in loan.items if i.outstanding > 0]
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.table = QTableWidget(len(self.out), 4, objectName="returnItems")
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 320)
        self.table.setColumnWidth(2, 130)
        self.conditions: list[QComboBox] = []
        self.quantities: list[QSpinBox | None] = []
        for r, item in enumerate(self.out):
            self.table.setItem(r, 0, QTableWidgetItem(item.asset_no))
            self.table.setItem(r, 1, QTableWidgetItem(item.name))
            combo = QComboBox(objectName=f"condition_{r}")
            for value in CONDITIONS:
                if item.kind == "consumable" and value != "good":
                    continue
                combo.addItem(word(CONDITIONS, value), value)
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(r, 2, combo)
            self.conditions.append(combo)
            if item.kind == "consumable":
                spin = QSpinBox(objectName=f"returnQty_{r}")
                spin.setRange(0, item.outstanding)
                spin.setValue(item.outstanding)
                spin.setSuffix(f" / {item.outstanding} {item.unit}")
                self.table.setCellWidget(r, 3, spin)
                self.quantities.append(spin)
            else:
                self.table.setItem(r, 3, QTableWidgetItem(f"1 {item.unit}"))
                self.quantities.append(None)
        self.note_label = QLabel()
        self.note = QLineEdit(objectName="returnNote")
        self.warning = QLabel(objectName="returnWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b91c1c;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        form.addRow(self.note_label, self.note)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addLayout(self.buttons)
        self.retranslate()
        self._check()
        self.resize(900, 420)

    def lines(self) -> list[ItemReturn]:
        out = []
        for item, combo, spin in zip(self.out, self.conditions, self.quantities, strict=True):
            qty = spin.value() if spin is not None else None
            if spin is not None and qty == 0:
                continue
            out.append(ItemReturn(item.asset_no, Condition(str(combo.currentData())), qty))
        return out

    def _check(self) -> None:
        bad = [c for c in self.conditions if c.currentData() != "good"]
        self.warning.setText(
            self.tr(
                "พัสดุชำรุดหรือสูญหาย %1 รายการ: ผู้ยืมต้องชดใช้ตามข้อ 209 (ซ่อม ชดใช้ของ หรือชดใช้เงิน)"
            ).replace("%1", str(len(bad)))
            if bad
            else ""
        )
        self.ok.setEnabled(bool(self.lines()))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("รับคืนพัสดุ"))
        self.heading.setText(
            self.tr("ใบยืม %1 · %2 · กำหนดคืน %3 — ตรวจสภาพทีละรายการ")
            .replace("%1", self.loan.loan_no)
            .replace("%2", self.loan.borrower)
            .replace("%3", be_date(self.loan.due))
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("เลขทะเบียน"), self.tr("ชื่อพัสดุ"), self.tr("สภาพที่ได้รับคืน"), self.tr("จำนวน")]
        )
        self.note_label.setText(self.tr("บันทึกการตรวจสภาพ"))
        self.ok.setText(self.tr("บันทึกรับคืน"))


class SettlementDialog(_LoanDialog):
    """Clause 209 for one item: repair it, replace it with the same kind, or pay. The
    amount to pay is suggested by the depreciation rule, with its working shown; a lost
    item cannot be repaired."""

    def __init__(
        self,
        loan: LoanView,
        item: LoanItemView,
        comp: CompensationView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("settleDialog", parent)
        self.loan, self.item, self.comp = loan, item, comp
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.repair = QRadioButton(objectName="settleRepair")
        self.replace = QRadioButton(objectName="settleReplace")
        self.pay = QRadioButton(objectName="settlePay")
        self.group = QButtonGroup(self)
        for b in (self.repair, self.replace, self.pay):
            self.group.addButton(b)
            b.toggled.connect(self._check)
        self.repair.setEnabled(item.condition_in != "lost")
        self.amount = QLineEdit(objectName="settleAmount")
        if comp is not None:
            self.amount.setText(f"{comp.amount:.2f}")
        self.amount.textChanged.connect(self._check)
        self.amount_words = QLabel(objectName="settleAmountText")
        self.working = QPlainTextEdit(objectName="settleWorking")
        self.working.setReadOnly(True)
        self.working.setMaximumHeight(130)
        self.receipt = QLineEdit(objectName="settleReceipt")
        self.note = QLineEdit(objectName="settleNote")
        self.form = QFormLayout()
        self.labels = {k: QLabel() for k in ("amount", "words", "working", "receipt", "note")}
        self.form.addRow(self.labels["amount"], self.amount)
        self.form.addRow(self.labels["words"], self.amount_words)
        self.form.addRow(self.labels["working"], self.working)
        self.form.addRow(self.labels["receipt"], self.receipt)
        self.form.addRow(self.labels["note"], self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for b in (self.repair, self.replace, self.pay):
            layout.addWidget(b)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        self.retranslate()
        self._check()
        self.resize(720, 520)

    @property
    def method(self) -> str | None:
        for value, b in (("repair", self.repair), ("replace", self.replace), ("pay", self.pay)):
            if b.isChecked():
                return value
        return None

    def _amount_ok(self) -> bool:
        try:
            return Decimal(self.amount.text().replace(",", "").strip()) > 0
        except InvalidOperation:
            return False

    def _check(self) -> None:
        paying = self.method == "pay"
        for key in ("amount", "words", "working", "receipt"):
            self.form.setRowVisible(self.labels[key], paying)
        self.ok.setEnabled(self.method is not None and (not paying or self._amount_ok()))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("ชดใช้พัสดุชำรุด/สูญหาย (ข้อ 209)"))
        self.heading.setText(
            self.tr("%1 %2 — %3 ในใบยืม %4 ผู้ยืม %5 ต้องชดใช้อย่างใดอย่างหนึ่ง:")
            .replace("%1", self.item.asset_no)
            .replace("%2", self.item.name)
            .replace("%3", word(CONDITIONS, self.item.condition_in))
            .replace("%4", self.loan.loan_no)
            .replace("%5", self.loan.borrower)
        )
        self.repair.setText(self.tr("ซ่อมแซมให้คงสภาพเดิม"))
        self.replace.setText(self.tr("ชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพเดียวกัน"))
        self.pay.setText(self.tr("ชดใช้เป็นเงิน ตามราคาที่เป็นอยู่ในขณะยืม"))
        self.labels["amount"].setText(self.tr("จำนวนเงิน (บาท)"))
        self.labels["words"].setText(self.tr("ตัวอักษร"))
        self.labels["working"].setText(self.tr("วิธีคำนวณ"))
        self.labels["receipt"].setText(self.tr("เลขที่ใบเสร็จ"))
        self.labels["note"].setText(self.tr("หมายเหตุ"))
        c = self.comp
        self.amount_words.setText(f"({c.amount_text})" if c is not None else "")
        self.working.setPlainText(c.working if c is not None else "")
        self.ok.setText(self.tr("บันทึกการชดใช้"))


class FollowupDialog(_LoanDialog):
    """Clause 211: how the borrower was followed up, and a note."""

    MEANS = ("letter", "phone", "email", "visit", "other")

    def __init__(self, loan_no: str, borrower: str, deadline: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("followupDialog", parent)
        self.loan_no, self.borrower, self.deadline = loan_no, borrower, deadline
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.means = QComboBox(objectName="followupMeans")
        for value in self.MEANS:
            self.means.addItem("", value)
        self.note = QLineEdit(objectName="followupNote")
        self.note.textChanged.connect(lambda *_: self.ok.setEnabled(bool(self.note.text().strip())))
        self.means_label, self.note_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.means_label, self.means)
        form.addRow(self.note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(self.buttons)
        self.ok.setEnabled(False)
        self.retranslate()
        self.resize(600, self.sizeHint().height())

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("บันทึกการติดตามทวงคืน (ข้อ 211)"))
        self.heading.setText(
            self.tr("ใบยืม %1 · %2 · ต้องติดตามภายใน %3")
            .replace("%1", self.loan_no)
            .replace("%2", self.borrower)
            .replace("%3", self.deadline)
        )
        names = (self.tr("หนังสือ"), self.tr("โทรศัพท์"), self.tr("อีเมล"),
                 self.tr("ไปพบ"), self.tr("อื่น ๆ"))  # fmt: skip
        for i, name in enumerate(names):
            self.means.setItemText(i, name)
        self.means_label.setText(self.tr("วิธีติดตาม"))
        self.note_label.setText(self.tr("รายละเอียด"))
        self.ok.setText(self.tr("บันทึก"))
