"""The loan request form (ใบยืมพัสดุ): asks only what the case needs.

Who borrows (a person — oneself, or anyone when the supply officer types it in — or
another state agency), the items (scan or type an asset number and press Enter), where a
person uses a durable item (on or off the premises), urgency for consumables, the
purpose, the dates and the declaration of official use (clause 207). Before anything is
saved the form shows which official must approve and why — the clause 208/210 case from
the domain rules (services.loan_desk_queries.case_preview), or the clause that refuses
it. Ctrl+Enter sends the request; Ctrl+P previews the loan record once it is saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.roles import Role
from desktop_app.domain.thai_time import business_date
from desktop_app.services import assets, loan_desk_queries, loans
from desktop_app.services.assets import AssetDetail
from desktop_app.services.auth import Actor
from desktop_app.services.loan_desk_queries import CasePreview
from desktop_app.services.loans import LoanView
from desktop_app.ui.be_date import BeDateField
from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_widgets import (
    KINDS,
    ROLE_TITLES,
    LoanWindow,
    error_text,
    word,
)
from desktop_app.ui.operations import Reloader

SUPPLY_STAFF = (Role.SUPPLY_OFFICER, Role.ADMIN)


@dataclass
class Line:
    asset_no: str
    name: str
    kind: str
    unit: str
    available: int  # consumable: on hand less the minimum stock


class LoanRequestWindow(LoanWindow):
    def __init__(self, env: UiEnv, actor: Actor, asset_numbers: list[str] | None = None) -> None:
        super().__init__(env, actor, "loanRequest")
        self.lines: list[Line] = []
        self.preview: CasePreview | None = None
        self.preview_error = ""
        self.saved: LoanView | None = None
        self.for_others = actor.role in SUPPLY_STAFF
        self._case_args: tuple[str | None, str, str | None] = (None, "person", None)
        self._build()
        self.preview_loader = Reloader(self.ops, self._load_preview, self._show_preview,
                                       self._preview_failed)  # fmt: skip
        self.retranslate()
        self._update_form()
        for n in asset_numbers or []:
            self.add_item(n)
        self.resize(1000, 820)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        # Who borrows
        self.who_box = QGroupBox()
        self.person = QRadioButton(objectName="borrowerPerson")
        self.agency = QRadioButton(objectName="borrowerAgency")
        self.person.setChecked(True)
        self.who_group = QButtonGroup(self)
        for b in (self.person, self.agency):
            self.who_group.addButton(b)
            b.toggled.connect(self._update_form)
        self.self_label = QLabel(objectName="borrowerSelf")
        self.name = QLineEdit(objectName="borrowerName")
        self.position = QLineEdit(objectName="borrowerPosition")
        self.unit = QLineEdit(objectName="borrowerUnit")
        self.agency_name = QLineEdit(objectName="agencyName")
        self.signatory = QLineEdit(objectName="agencySignatory")
        self.contact = QLineEdit(objectName="borrowerContact")
        self.who_form = QFormLayout()
        self.who_labels: dict[str, QLabel] = {}
        for key, w in (("self", self.self_label), ("name", self.name),
                       ("position", self.position), ("unit", self.unit),
                       ("agency", self.agency_name), ("signatory", self.signatory),
                       ("contact", self.contact)):  # fmt: skip
            label = QLabel()
            self.who_labels[key] = label
            self.who_form.addRow(label, w)
        radios = QHBoxLayout()
        radios.addWidget(self.person)
        radios.addWidget(self.agency)
        radios.addStretch(1)
        wl = QVBoxLayout(self.who_box)
        wl.addLayout(radios)
        wl.addLayout(self.who_form)

        # What
        self.items_box = QGroupBox()
        self.item_entry = QLineEdit(objectName="itemEntry")
        self.item_entry.returnPressed.connect(lambda: self.add_item(self.item_entry.text()))
        self.add_button = QPushButton(objectName="itemAdd")
        self.add_button.clicked.connect(lambda: self.add_item(self.item_entry.text()))
        self.remove_button = QPushButton(objectName="itemRemove")
        self.remove_button.clicked.connect(self.remove_item)
        self.items = QTableWidget(0, 4, objectName="itemTable")
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.setColumnWidth(0, 170)
        self.items.setMinimumHeight(140)
        entry = QHBoxLayout()
        entry.addWidget(self.item_entry, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        il = QVBoxLayout(self.items_box)
        il.addLayout(entry)
        il.addWidget(self.items)

        # Where, why, when
        self.case_box = QGroupBox()
        self.on_premises = QRadioButton(objectName="placeOn")
        self.off_premises = QRadioButton(objectName="placeOff")
        self.place_group = QButtonGroup(self)
        for b in (self.on_premises, self.off_premises):
            self.place_group.addButton(b)
            b.toggled.connect(self._update_form)
        self.place_row = QWidget()
        pr = QHBoxLayout(self.place_row)
        pr.setContentsMargins(0, 0, 0, 0)
        pr.addWidget(self.on_premises)
        pr.addWidget(self.off_premises)
        pr.addStretch(1)
        self.urgent = QCheckBox(objectName="urgent")
        self.place_detail = QLineEdit(objectName="placeDetail")
        self.purpose = QLineEdit(objectName="purpose")
        today = business_date(self.env.clock())
        start_field = BeDateField(today)
        due_field = BeDateField(today + dt.timedelta(days=7))
        start_field.setObjectName("startDate")
        due_field.setObjectName("dueDate")
        self.start, self.due = start_field.edit, due_field.edit
        # How long the loan is, counted as the office counts it (both days included).
        self.length = QLabel(objectName="loanLength")
        self.length.setStyleSheet("#loanLength { font-weight: bold; color: #0f3b5f; }")
        for edit in (self.start, self.due):
            edit.changed.connect(self._show_length)
        due_row = QWidget()
        dr = QHBoxLayout(due_row)
        dr.setContentsMargins(0, 0, 0, 0)
        dr.addWidget(due_field, 1)
        dr.addWidget(self.length)
        self.official = QCheckBox(objectName="officialUse")
        self.case_form = QFormLayout(self.case_box)
        self.case_labels: dict[str, QLabel] = {}
        for key, w in (("place", self.place_row), ("urgent", self.urgent),
                       ("detail", self.place_detail), ("purpose", self.purpose),
                       ("start", start_field), ("due", due_row),
                       ("official", self.official)):  # fmt: skip
            label = QLabel()
            self.case_labels[key] = label
            self.case_form.addRow(label, w)

        # Who approves
        self.approver = QLabel(objectName="approverPreview")
        self.approver.setWordWrap(True)
        self.approver.setTextFormat(Qt.TextFormat.PlainText)
        self.approver.setStyleSheet(
            "#approverPreview { background: #eff6ff; border: 1px solid #93c5fd; padding: 8px;"
            " font-size: 16px; }"
        )
        self.submit_button = QPushButton(objectName="loanSubmit")
        self.submit_button.setStyleSheet("font-weight: bold;")
        self.submit_button.clicked.connect(self.submit)
        self.print_button = QPushButton(objectName="loanPrintRecord")
        self.print_button.clicked.connect(self.print_record)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit_button.click)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.submit_button.click)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_button.click)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        top = QHBoxLayout()
        top.addWidget(self.who_box, 1)
        top.addWidget(self.case_box, 1)
        layout.addLayout(top)
        layout.addWidget(self.items_box, 1)
        layout.addWidget(self.approver)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.submit_button)
        layout.addLayout(bottom)
        self.setCentralWidget(body)
        self.item_entry.setFocus()

    # ------------------------------------------------------------------ the case
    @property
    def kind(self) -> str | None:
        kinds = {line.kind for line in self.lines}
        return kinds.pop() if len(kinds) == 1 else None

    @property
    def borrower_type(self) -> str:
        return "agency" if self.agency.isChecked() else "person"

    @property
    def place(self) -> str | None:
        if self.on_premises.isChecked():
            return "on_premises"
        if self.off_premises.isChecked():
            return "off_premises"
        return None

    def _update_form(self) -> None:
        person = self.person.isChecked()
        kind = self.kind
        for key, on in (("self", person and not self.for_others),
                        ("name", person and self.for_others),
                        ("position", person and self.for_others),
                        ("unit", person and self.for_others),
                        ("agency", not person), ("signatory", not person),
                        ("contact", not person or self.for_others)):  # fmt: skip
            self.who_form.setRowVisible(self.who_labels[key], on)
        # Where it is used decides the approver only for a person borrowing a durable item.
        self.case_form.setRowVisible(self.place_row, person and kind != "consumable")
        self.case_form.setRowVisible(self.urgent, kind == "consumable")
        # Read on the UI thread; the worker only sees these plain values.
        args = (kind, self.borrower_type, self.place)
        if args != self._case_args:
            self._case_args, self.preview, self.preview_error = args, None, ""
            loader = getattr(self, "preview_loader", None)
            if loader is not None:
                loader.request()
        if hasattr(self, "submit_button"):
            self.approver.setText(self._approver_text())
            self.update_buttons()

    def _load_preview(self) -> CasePreview | None:
        kind, btype, place = self._case_args
        if kind is None or (kind == "durable" and btype == "person" and place is None):
            return None
        return loan_desk_queries.case_preview(self.env.uow, kind, btype, place)

    def _show_preview(self, preview: CasePreview | None) -> None:
        self.preview, self.preview_error = preview, ""
        self.retranslate()

    def _preview_failed(self, error: Exception) -> None:
        self.preview, self.preview_error = None, error_text(error)
        self.retranslate()

    # ------------------------------------------------------------------ items
    def add_item(self, text: str) -> None:
        number = text.strip()
        if not number:
            return
        if any(line.asset_no == number for line in self.lines):
            self.message.show_message(self.tr("%1 อยู่ในรายการแล้ว").replace("%1", number), "error")
            return
        uow = self.env.uow
        self.item_entry.clear()

        def added(d: AssetDetail) -> None:
            if any(line.asset_no == d.asset_no for line in self.lines):
                return
            if self.lines and self.lines[0].kind != d.kind:
                self.message.show_message(
                    self.tr("ใบยืมหนึ่งใบยืมได้เฉพาะครุภัณฑ์หรือวัสดุอย่างใดอย่างหนึ่ง กรุณาแยกเป็นสองคำขอ"),
                    "error",
                )
                return
            spare = max(d.qty - d.min_stock, 0)
            self.lines.append(Line(d.asset_no, d.name, d.kind, d.unit, spare))
            self._fill_items()
            self._update_form()

        self.ops.run(lambda: assets.show_asset(uow, number), added, self.fail)

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._fill_items()
            self._update_form()

    def _fill_items(self) -> None:
        self.items.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            self.items.setItem(r, 0, QTableWidgetItem(line.asset_no))
            self.items.setItem(r, 1, QTableWidgetItem(line.name))
            self.items.setItem(r, 2, QTableWidgetItem(word(KINDS, line.kind)))
            if line.kind == "consumable":
                spin = self.items.cellWidget(r, 3)
                if not isinstance(spin, QSpinBox):
                    spin = QSpinBox(objectName=f"qty_{r}")
                    spin.setRange(1, max(line.available, 1))
                    spin.setSuffix(f" {line.unit}")
                    self.items.setCellWidget(r, 3, spin)
            else:
                self.items.removeCellWidget(r, 3)
                self.items.setItem(r, 3, QTableWidgetItem(f"1 {line.unit}"))

    def item_specs(self) -> list[str]:
        specs = []
        for r, line in enumerate(self.lines):
            spin = self.items.cellWidget(r, 3)
            if line.kind == "consumable" and isinstance(spin, QSpinBox):
                specs.append(f"{line.asset_no}:{spin.value()}")
            else:
                specs.append(line.asset_no)
        return specs

    # ------------------------------------------------------------------ saving
    def update_buttons(self) -> None:
        self.submit_button.setEnabled(not self.busy and bool(self.lines) and self.saved is None)
        self.print_button.setEnabled(self.saved is not None)
        self.remove_button.setEnabled(bool(self.lines) and self.saved is None)

    def submit(self) -> None:
        if not self.lines or self.saved is not None:
            return
        person = self.person.isChecked()
        kw: dict[str, object] = {
            "borrower_type": self.borrower_type,
            "purpose": self.purpose.text(),
            "official_use": self.official.isChecked(),
            "place": self.place if person and self.kind != "consumable" else None,
            "start": self.start.day,
            "due": self.due.day,
            "items": self.item_specs(),
            "urgent": self.urgent.isChecked() and self.kind == "consumable",
            "place_detail": self.place_detail.text(),
            "contact": self.contact.text(),
        }
        if person and not self.for_others:
            kw.update(borrower_user=self.actor.username, borrower=self.actor.name)
        elif person:
            kw.update(borrower=self.name.text(), position=self.position.text(),
                      unit=self.unit.text())  # fmt: skip
        else:
            kw.update(agency=self.agency_name.text(), signatory=self.signatory.text())
        uow, actor = self.env.uow, self.actor

        def done(v: LoanView) -> None:
            self.saved = v
            self.say(
                self.tr("ส่งคำขอยืมแล้ว ใบยืมเลขที่ %1 รออนุมัติจาก%2")
                .replace("%1", v.loan_no)
                .replace("%2", word(ROLE_TITLES, v.approver_role))
            )
            self.retranslate()

        self.run(lambda: loans.request_loan(uow, actor, **kw), done)  # type: ignore[arg-type]

    def print_record(self) -> None:
        if self.saved is None:
            return
        from desktop_app.ui.loan_desk import preview_loan_record

        preview_loan_record(self.env, self.saved.loan_no, self)

    # ------------------------------------------------------------------ texts
    def _show_length(self) -> None:
        days = (self.due.day - self.start.day).days + 1
        self.length.setText(
            self.tr("ยืม %1 วัน").replace("%1", str(days)) if days > 0 else self.tr("วันคืนก่อนวันยืม")
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — ขอยืมพัสดุ"))
        self._show_length()
        if self.saved is not None:
            self.heading.setText(self.tr("ใบยืมพัสดุ เลขที่ %1").replace("%1", self.saved.loan_no))
        else:
            self.heading.setText(self.tr("ขอยืมพัสดุ"))
        self.who_box.setTitle(self.tr("ผู้ยืม"))
        self.person.setText(self.tr("บุคคล (ข้าราชการ/เจ้าหน้าที่)"))
        self.agency.setText(self.tr("หน่วยงานของรัฐอื่น"))
        labels = {
            "self": self.tr("ผู้ยืม"),
            "name": self.tr("ชื่อ-สกุลผู้ยืม"),
            "position": self.tr("ตำแหน่ง"),
            "unit": self.tr("สังกัด"),
            "agency": self.tr("ชื่อหน่วยงานผู้ยืม"),
            "signatory": self.tr("ผู้มีอำนาจลงนาม"),
            "contact": self.tr("ผู้ติดต่อ / โทรศัพท์"),
        }
        for key, label in self.who_labels.items():
            label.setText(labels[key])
        self.self_label.setText(self.actor.name)
        self.items_box.setTitle(self.tr("พัสดุที่ขอยืม"))
        self.item_entry.setPlaceholderText(self.tr("สแกน QR หรือพิมพ์เลขทะเบียนพัสดุ แล้วกด Enter"))
        self.add_button.setText(self.tr("เพิ่ม"))
        self.remove_button.setText(self.tr("เอาออก"))
        self.items.setHorizontalHeaderLabels(
            [self.tr("เลขทะเบียน"), self.tr("ชื่อพัสดุ"), self.tr("ประเภท"), self.tr("จำนวน")]
        )
        self.case_box.setTitle(self.tr("การใช้พัสดุ"))
        case = {
            "place": self.tr("ใช้ที่ใด"),
            "urgent": self.tr("ความจำเป็น"),
            "detail": self.tr("สถานที่นำไปใช้"),
            "purpose": self.tr("เหตุผลและวัตถุประสงค์"),
            "start": self.tr("วันที่ยืม"),
            "due": self.tr("กำหนดส่งคืน"),
            "official": self.tr("คำรับรอง"),
        }
        for key, label in self.case_labels.items():
            label.setText(case[key])
        self.on_premises.setText(self.tr("ภายในสถานที่ของหน่วยงาน"))
        self.off_premises.setText(self.tr("นำออกไปใช้นอกสถานที่"))
        self.urgent.setText(self.tr("จำเป็นเร่งด่วน จัดหาเองไม่ทัน (ข้อ 210)"))
        self.official.setText(self.tr("ยืมไปใช้เพื่อประโยชน์ของทางราชการเท่านั้น (ข้อ 207)"))
        self.submit_button.setText(self.tr("ส่งคำขอยืม (Ctrl+Enter)"))
        self.print_button.setText(self.tr("ดูใบยืม / พิมพ์ (Ctrl+P)"))
        self.approver.setText(self._approver_text())

    def _approver_text(self) -> str:
        if self.preview_error:
            return self.tr("ยืมไม่ได้: %1").replace("%1", self.preview_error)
        p = self.preview
        if not self.lines:
            return self.tr("ผู้อนุมัติ: เพิ่มพัสดุที่ขอยืมก่อน ระบบจะแสดงผู้มีอำนาจอนุมัติตามระเบียบ")
        if p is None:
            if self.person.isChecked() and self.kind == "durable" and self.place is None:
                return self.tr("ผู้อนุมัติ: เลือกว่าใช้ภายในสถานที่หรือนำออกไปนอกสถานที่ เพื่อกำหนดผู้อนุมัติ (ข้อ 208)")
            return self.tr("กำลังตรวจสอบผู้อนุมัติ…")
        names = ", ".join(p.approvers) or self.tr("ยังไม่มีผู้ใช้ในบทบาทนี้")
        why = p.why_en if self.env.i18n.language == "en" else p.why_th
        return (
            self.tr("ต้องได้รับอนุมัติจาก: %1 (%2)")
            .replace("%1", word(ROLE_TITLES, p.approver_role))
            .replace("%2", names)
            + "\n"
            + self.tr("เพราะ ข้อ %1: %2").replace("%1", p.clause).replace("%2", why)
        )


def open_loan_request(
    env: UiEnv, actor: Actor, asset_numbers: list[str] | None = None
) -> LoanRequestWindow:
    window = LoanRequestWindow(env, actor, asset_numbers)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window
