"""The register's own dialogs: an asset's record (add or correct), the write-off with its
reason and document number, and the row-by-row report of an Excel import.

They check what is typed with the same rules as the services (``AssetInput.parse``) and
stay open with the reason shown beside the field; the services check again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput
from desktop_app.services.asset_io import RowError
from desktop_app.services.assets import AssetDetail, AssetInput
from desktop_app.ui.be_date import be_date, parse_be_date
from desktop_app.ui.dialogs import _Dialog
from desktop_app.ui.loan_widgets import CONDITIONS, KINDS, word
from desktop_app.ui.messages import one_language


class ProgressRelay(QObject):
    """A worker's ``progress(done, total)`` delivered on the UI thread (queued signal)."""

    moved = Signal(int, int)

    def __call__(self, done: int, total: int) -> None:
        self.moved.emit(done, total)


class AssetDialog(_Dialog):
    """เพิ่มพัสดุ / แก้ไขพัสดุ. ``result_input`` is the checked record after OK."""

    FIELDS = ("asset_no", "name", "kind", "category", "qty", "unit", "price", "acquired",
              "unit_holder", "location", "condition", "lendable", "note")  # fmt: skip

    def __init__(
        self, detail: AssetDetail | None, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assetDialog")
        self.detail = detail
        self.result_input: AssetInput | None = None
        self.labels: dict[str, QLabel] = {}
        self.asset_no = QLineEdit(objectName="assetNo")
        self.name = QLineEdit(objectName="assetName")
        self.kind = QComboBox(objectName="assetKind")
        for value in KINDS:
            self.kind.addItem(word(KINDS, value), value)
        self.category = QLineEdit(objectName="assetCategory")
        self.qty = QLineEdit("1", objectName="assetQty")
        self.unit = QLineEdit(objectName="assetUnit")
        self.price = QLineEdit(objectName="assetPrice")
        self.acquired = QLineEdit(be_date(today), objectName="assetAcquired")
        self.unit_holder = QLineEdit(objectName="assetHolder")
        self.location = QLineEdit(objectName="assetLocation")
        self.condition = QComboBox(objectName="assetCondition")
        for value in CONDITIONS:
            self.condition.addItem(word(CONDITIONS, value), value)
        self.lendable = QCheckBox(objectName="assetLendable")
        self.lendable.setChecked(True)
        self.note = QLineEdit(objectName="assetNote")
        self.error = QLabel(objectName="assetError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        form = QFormLayout()
        widgets: dict[str, QWidget] = {
            "asset_no": self.asset_no, "name": self.name, "kind": self.kind,
            "category": self.category, "qty": self.qty, "unit": self.unit,
            "price": self.price, "acquired": self.acquired, "unit_holder": self.unit_holder,
            "location": self.location, "condition": self.condition,
            "lendable": self.lendable, "note": self.note,
        }  # fmt: skip
        for key in self.FIELDS:
            label = QLabel()
            self.labels[key] = label
            form.addRow(label, widgets[key])
        self.widgets = widgets
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        if detail is not None:
            self._fill(detail)
        self._kind_changed()
        self.ok.clicked.disconnect()
        self.ok.clicked.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def _fill(self, d: AssetDetail) -> None:
        self.asset_no.setText(d.asset_no)
        self.asset_no.setReadOnly(True)  # the number is the asset: it never changes
        self.name.setText(d.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.kind.setEnabled(False)
        self.category.setText(d.category)
        self.qty.setText(str(d.qty))
        self.unit.setText(d.unit)
        self.price.setText(f"{d.price:.2f}")
        self.acquired.setText(be_date(d.acquired))
        self.unit_holder.setText(d.unit_holder)
        self.location.setText(d.location)
        self.condition.setCurrentIndex(max(0, self.condition.findData(d.condition)))
        self.lendable.setChecked(d.lendable)
        self.note.setText(d.note)

    def _kind_changed(self) -> None:
        durable = self.kind.currentData() == "durable"
        self.qty.setEnabled(not durable)
        if durable:
            self.qty.setText("1")

    def _check(self) -> None:
        acquired = parse_be_date(self.acquired.text())
        try:
            if acquired is None:
                raise InvalidInput(
                    self.tr("วันที่ได้มาต้องเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 24/11/2569"),
                    field="acquired",
                )
            self.result_input = AssetInput.parse(
                asset_no=self.asset_no.text(), name=self.name.text(),
                kind=self.kind.currentData(), price=self.price.text().replace(",", ""),
                acquired=acquired, qty=self.qty.text() if self.qty.isEnabled() else None,
                unit=self.unit.text(), category=self.category.text() or None,
                unit_holder=self.unit_holder.text(), location=self.location.text(),
                condition=self.condition.currentData(),
                lendable="yes" if self.lendable.isChecked() else "no", note=self.note.text(),
            )  # fmt: skip
        except InvalidInput as e:
            field = str(e.details.get("field") or "")
            self.error.setText(one_language(e.message))
            widget = self.widgets.get(field)
            if widget is not None:
                widget.setFocus()
            return
        self.accept()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("เพิ่มพัสดุ") if self.detail is None else self.tr("แก้ไขพัสดุ"))
        names = {
            "asset_no": self.tr("เลขทะเบียน"),
            "name": self.tr("ชื่อพัสดุ"),
            "kind": self.tr("ประเภท"),
            "category": self.tr("หมวด (รหัส)"),
            "qty": self.tr("จำนวน"),
            "unit": self.tr("หน่วยนับ"),
            "price": self.tr("ราคา (บาท)"),
            "acquired": self.tr("ได้มาเมื่อ (วว/ดด/ปปปป พ.ศ.)"),
            "unit_holder": self.tr("หน่วยงานที่ครอบครอง"),
            "location": self.tr("สถานที่เก็บ"),
            "condition": self.tr("สภาพ"),
            "lendable": self.tr("ให้ยืมได้"),
            "note": self.tr("หมายเหตุ"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])


class WriteOffDialog(_Dialog):
    """จำหน่ายพัสดุ: the reason and the number of the approving document are both required
    (OK stays off until both are typed)."""

    def __init__(self, asset_no: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeOffDialog")
        self.asset_no, self.asset_name = asset_no, name
        self.prompt = QLabel(objectName="writeOffPrompt")
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit(objectName="writeOffReason")
        self.document = QLineEdit(objectName="writeOffDocument")
        self.reason_label, self.document_label = QLabel(), QLabel()
        for field in (self.reason, self.document):
            field.textChanged.connect(lambda *_: self._enable())
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.document_label, self.document)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(520)
        self._enable()
        self.retranslate()

    def _enable(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip() and self.document.text().strip()))

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("จำหน่ายพัสดุ"))
        self.prompt.setText(
            self.tr("จำหน่าย %1 %2 ออกจากทะเบียน: พัสดุนี้จะยืมไม่ได้อีก")
            .replace("%1", self.asset_no)
            .replace("%2", self.asset_name)
        )
        self.reason_label.setText(self.tr("เหตุที่จำหน่าย"))
        self.document_label.setText(self.tr("เลขที่หนังสืออนุมัติ"))
        self.ok.setText(self.tr("จำหน่าย"))


class ImportReportDialog(_Dialog):
    """The rows an import refused, one line each (line as Excel numbers it, field, why).
    OK imports the good rows only; Cancel imports nothing."""

    def __init__(
        self, file_name: str, rows: int, errors: Sequence[RowError], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.file_name, self.rows, self.errors = file_name, rows, list(errors)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(self.errors), 3, objectName="importErrors")
        self.table.verticalHeader().hide()
        for r, e in enumerate(self.errors):
            for c, value in enumerate((str(e.line), e.field or "", one_language(e.message))):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 110)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.resize(820, 440)
        self.retranslate()

    @property
    def good_rows(self) -> int:
        return self.rows - len({e.line for e in self.errors})

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("รายงานการนำเข้า"))
        self.summary.setText(
            self.tr("%1: %2 แถว มีข้อผิดพลาด %3 แถว ยังไม่ได้นำเข้าสักแถว")
            .replace("%1", self.file_name)
            .replace("%2", f"{self.rows:,}")
            .replace("%3", f"{len({e.line for e in self.errors}):,}")
        )
        self.table.setHorizontalHeaderLabels([self.tr("แถวที่"), self.tr("ช่อง"), self.tr("ข้อผิดพลาด")])
        self.ok.setText(
            self.tr("นำเข้าเฉพาะแถวที่ถูกต้อง (%1 แถว)").replace("%1", f"{self.good_rows:,}")
        )
        self.ok.setEnabled(self.good_rows > 0)
        self.cancel.setText(self.tr("ไม่นำเข้า"))
