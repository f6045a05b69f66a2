"""The first run on an empty database: a wizard instead of the command-line set-up.

It asks for the office's name (Thai and English), the first administrator, the services and
counters — starting from a district-office template the administrator edits — and this PC's
printer, with a test page once the office exists; optionally an asset register to import
(CSV or Excel, as `asset import`). Everything but the import is written in one transaction
(services.setup.first_run); then the start goes on to the login.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from desktop_app.domain.errors import InvalidInput, KhetDeskError
from desktop_app.services.setup import TEMPLATE_COUNTERS, TEMPLATE_SERVICES, OfficeSetup
from desktop_app.ui.env import UiEnv
from desktop_app.ui.operations import Operations


def _line(name: str, text: str = "", password: bool = False) -> QLineEdit:
    field = QLineEdit(text, objectName=name)
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class FirstRunWizard(QWizard):
    def __init__(self, env: UiEnv, engine: Engine) -> None:
        super().__init__()
        self.setObjectName("firstRun")
        self.env, self.engine = env, engine
        self.ops = Operations(self)
        self.created = False
        self.setWindowTitle(self.tr("ตั้งค่าสำนักงานครั้งแรก"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

        office = QWizardPage()
        office.setTitle(self.tr("สำนักงาน"))
        self.office_name = _line("officeName", "สำนักงานเขต")
        self.office_name_en = _line("officeNameEn", "District Office")
        form = QFormLayout(office)
        form.addRow(self.tr("ชื่อสำนักงาน (ไทย)"), self.office_name)
        form.addRow(self.tr("ชื่อสำนักงาน (อังกฤษ)"), self.office_name_en)

        admin = QWizardPage()
        admin.setTitle(self.tr("ผู้ดูแลระบบคนแรก"))
        self.admin = _line("adminUser", "admin")
        self.admin_name = _line("adminName")
        self.password = _line("adminPassword", password=True)
        self.password2 = _line("adminPassword2", password=True)
        form = QFormLayout(admin)
        form.addRow(self.tr("ชื่อผู้ใช้"), self.admin)
        form.addRow(self.tr("ชื่อ–นามสกุล"), self.admin_name)
        form.addRow(self.tr("รหัสผ่าน"), self.password)
        form.addRow(self.tr("รหัสผ่านอีกครั้ง"), self.password2)

        services = QWizardPage()
        services.setTitle(self.tr("บริการและช่องบริการ"))
        services.setSubTitle(self.tr("เริ่มจากแบบของสำนักงานเขต แก้ไข เพิ่ม หรือลบแถวได้"))
        self.services = QTableWidget(0, 4, objectName="serviceTable")
        self.services.setHorizontalHeaderLabels(
            [self.tr("รหัส"), self.tr("ชื่อบริการ"), self.tr("ชื่ออังกฤษ"), self.tr("นาที")]
        )
        for row in TEMPLATE_SERVICES:
            self._add_row(self.services, [str(v) for v in row])
        self.counters = QTableWidget(0, 2, objectName="counterTable")
        self.counters.setHorizontalHeaderLabels([self.tr("ช่องบริการ"), self.tr("รหัสบริการ")])
        for number, codes in TEMPLATE_COUNTERS:
            self._add_row(self.counters, [str(number), ",".join(codes)])
        rows = QHBoxLayout()
        for table, name in ((self.services, "Service"), (self.counters, "Counter")):
            add = QPushButton(self.tr("เพิ่มแถว"), objectName=f"add{name}")
            remove = QPushButton(self.tr("ลบแถวที่เลือก"), objectName=f"remove{name}")
            add.clicked.connect(lambda _=False, t=table: self._add_row(t, [""] * t.columnCount()))
            remove.clicked.connect(lambda _=False, t=table: t.removeRow(t.currentRow()))
            rows.addWidget(add)
            rows.addWidget(remove)
        layout = QVBoxLayout(services)
        layout.addWidget(self.services, 3)
        layout.addWidget(self.counters, 2)
        layout.addLayout(rows)

        printer = QWizardPage()
        printer.setTitle(self.tr("เครื่องพิมพ์บัตรคิวของเครื่องนี้"))
        printer.setSubTitle(
            self.tr("เช่น network://192.168.1.50:9100, usb://0x04b8:0x0202, none (ไม่มี)")
        )
        self.printer = _line("printerConnection", "none")
        self.assets = _line("assetFile")
        browse = QPushButton(self.tr("เลือกไฟล์…"), objectName="assetBrowse")
        browse.clicked.connect(self._browse)
        pick = QHBoxLayout()
        pick.addWidget(self.assets, 1)
        pick.addWidget(browse)
        form = QFormLayout(printer)
        form.addRow(self.tr("เครื่องพิมพ์"), self.printer)
        form.addRow(self.tr("นำเข้าทะเบียนพัสดุ (ไม่บังคับ)"), pick)

        done = QWizardPage()
        done.setTitle(self.tr("สร้างสำนักงานแล้ว"))
        self.done_text = QLabel(objectName="firstRunDone")
        self.done_text.setWordWrap(True)
        self.test_button = QPushButton(self.tr("พิมพ์หน้าทดสอบ"), objectName="printerTest")
        self.test_button.clicked.connect(self.test_page)
        layout = QVBoxLayout(done)
        layout.addWidget(self.done_text)
        layout.addWidget(self.test_button)
        layout.addStretch(1)

        self.message = QLabel(objectName="firstRunMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b91c1c;")
        for page in (office, admin, services, printer, done):
            self.addPage(page)
        self.setSideWidget(self.message)
        self.resize(760, 560)

    @staticmethod
    def _add_row(table: QTableWidget, values: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            table.setItem(row, col, QTableWidgetItem(value))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "", "", "CSV / Excel (*.csv *.xlsx)")
        if path:
            self.assets.setText(path)

    def _cell(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def setup(self) -> OfficeSetup:
        if self.password.text() != self.password2.text():
            raise InvalidInput("รหัสผ่านสองช่องไม่ตรงกัน (the two passwords differ)")
        services = []
        for r in range(self.services.rowCount()):
            code, th, en, minutes = (self._cell(self.services, r, c) for c in range(4))
            if code or th:
                if not minutes.isdigit():
                    raise InvalidInput(
                        f"บริการ {code}: นาทีต้องเป็นตัวเลข (service {code}: minutes must be a number)"
                    )
                services.append((code, th, en, int(minutes)))
        counters = []
        for r in range(self.counters.rowCount()):
            number, codes = self._cell(self.counters, r, 0), self._cell(self.counters, r, 1)
            if number or codes:
                if not number.isdigit():
                    raise InvalidInput(
                        f"ช่องบริการ '{number}' ต้องเป็นตัวเลข (counter '{number}' must be a number)"
                    )
                counters.append((int(number), tuple(c.strip() for c in codes.split(","))))
        return OfficeSetup(
            self.office_name.text().strip(), self.office_name_en.text().strip(),
            self.admin.text().strip(), self.admin_name.text().strip() or self.admin.text(),
            self.password.text(), tuple(services), tuple(counters),
            self.printer.text().strip() or "none",
        )  # fmt: skip

    def validateCurrentPage(self) -> bool:
        """The office is created when leaving the printer page, off the UI thread; the
        wizard moves on when it is done."""
        if self.currentId() != 3 or self.created:
            return super().validateCurrentPage()
        try:
            setup = self.setup()
        except KhetDeskError as e:
            self.message.setText(e.message)
            return False
        self.message.setText(self.tr("กำลังสร้างสำนักงาน…"))
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        engine, uow, file = self.engine, self.env.uow, self.assets.text().strip()

        def work() -> str:
            from desktop_app.services.setup import first_run

            user = first_run(engine, setup)
            if not file:
                return ""
            from desktop_app.services.asset_io import import_assets
            from desktop_app.services.auth import authenticate

            actor = authenticate(uow, user.username, setup.admin_password)
            return str(import_assets(uow, actor, Path(file)).imported)

        self.ops.run(work, self._created, self._failed)
        return False

    def _created(self, imported: str) -> None:
        self.created = True
        self.message.setText("")
        self.done_text.setText(
            self.tr("สร้างสำนักงานแล้ว เข้าสู่ระบบด้วยผู้ดูแลระบบที่เพิ่งตั้ง")
            + (self.tr(" · นำเข้าพัสดุ %1 รายการ").replace("%1", imported) if imported else "")
        )
        self.next()

    def _failed(self, error: Exception) -> None:
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.message.setText(error.message if isinstance(error, KhetDeskError) else repr(error))

    def test_page(self) -> None:
        from desktop_app.services.printer import print_test_page

        uow = self.env.uow
        self.test_button.setEnabled(False)

        def shown(result: object) -> None:
            self.test_button.setEnabled(True)
            self.message.setStyleSheet("color: #14532d;")
            self.message.setText(self.tr("พิมพ์หน้าทดสอบแล้ว"))

        def failed(error: Exception) -> None:
            self.test_button.setEnabled(True)
            self._failed(error)

        self.ops.run(lambda: print_test_page(uow), shown, failed)
