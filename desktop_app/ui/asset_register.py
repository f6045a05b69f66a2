"""The asset register window (ทะเบียนพัสดุ): every asset in a table that filters as you
type, by status, category and holding unit, and sorts by any column, at 100,000 rows.

A barcode or QR scanner types like a keyboard and ends with Enter: the scanned text —
an asset number, or a label's link that ends in one — jumps to the asset (F2 puts the
cursor in the box). The panel on the right is the asset with its loan history. Ctrl+N
asks to borrow the selected asset. Ctrl+L makes the A4 sheets of QR labels (24 a sheet) of
the selected rows (Ctrl/Shift+click selects several), or, with none selected, of all the
rows listed — more than LABELS_ASK labels are asked about first. Ctrl+T prints the current
asset's label on this PC's thermal printer (supply staff only: ``asset.add``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KhetDeskError
from desktop_app.domain.roles import PERMISSIONS
from desktop_app.services import asset_queries, assets, printer
from desktop_app.services.assets import AssetDetail
from desktop_app.services.auth import Actor
from desktop_app.ui.asset_table import AssetTableModel, PreparedRows, prepare
from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_widgets import (
    ASSET_STATUSES,
    CONDITIONS,
    KINDS,
    AssetLoansModel,
    LoanWindow,
    be_date,
    error_text,
    setup_table,
    word,
)
from desktop_app.ui.operations import Reloader

FILTER_DELAY_MS = 150
LABELS_PER_SHEET = 24  # printing.pdf: 3 × 8 QR labels on an A4 sheet
LABELS_ASK = 10 * LABELS_PER_SHEET  # more labels than this: asked first


class AssetRegisterWindow(LoanWindow):
    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "assetRegister")
        self.model = AssetTableModel()
        self.history = AssetLoansModel()
        self.detail: AssetDetail | None = None
        self.loaded = False
        self._detail_seq = 0
        self._pending_jump: str | None = None
        self._build()
        self.revision = -1  # of the rows shown (asset_queries.register_revision)
        self.reloader = Reloader(self.ops, self._load, self._show_rows, self.fail)
        self.retranslate()
        self.reloader.request()
        self.resize(1366, 768)

    def _build(self) -> None:
        self.heading = QLabel(objectName="heading")
        self.scan_label = QLabel()
        self.scan = QLineEdit(objectName="assetScan")
        self.scan.setClearButtonEnabled(True)
        self.scan.textChanged.connect(lambda *_: self._filter_timer.start())
        self.scan.returnPressed.connect(self.jump)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS,
                                    timeout=self._apply_text)  # fmt: skip
        self.status_filter = QComboBox(objectName="assetStatusFilter")
        self.category_filter = QComboBox(objectName="assetCategoryFilter")
        self.holder_filter = QComboBox(objectName="assetHolderFilter")
        self.status_filter.addItem("", "")
        for value in ASSET_STATUSES:
            self.status_filter.addItem("", value)
        self.category_filter.addItem("", "")
        self.holder_filter.addItem("", "")
        self.status_filter.currentIndexChanged.connect(
            lambda *_: self.model.set_filter(status=str(self.status_filter.currentData() or ""))
        )
        self.category_filter.currentIndexChanged.connect(
            lambda *_: self.model.set_filter(category=str(self.category_filter.currentData() or ""))
        )
        self.holder_filter.currentIndexChanged.connect(
            lambda *_: self.model.set_filter(holder=str(self.holder_filter.currentData() or ""))
        )
        self.model.modelReset.connect(self._count_changed)
        self.count = QLabel(objectName="assetCount")
        filters = QHBoxLayout()
        filters.addWidget(self.scan_label)
        filters.addWidget(self.scan, 3)
        for combo in (self.status_filter, self.category_filter, self.holder_filter):
            filters.addWidget(combo, 1)

        self.table = QTableView(objectName="assetTable")
        self.table.setModel(self.model)
        setup_table(self.table, 7)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        # Fits 1366 wide with the holding unit in view; a cut name reads in full on hover.
        for column, width in enumerate((140, 235, 60, 110, 90, 70, 110)):
            if width:
                self.table.setColumnWidth(column, width)

        side = QWidget(objectName="assetDetail")
        self.detail_title = QLabel(objectName="assetDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.fields: dict[str, tuple[QLabel, QLabel]] = {}
        form = QFormLayout()
        for key in ("asset_no", "kind", "status", "qty", "price", "acquired", "holder",
                    "location", "condition"):  # fmt: skip
            label, value = QLabel(), QLabel(objectName=f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = (label, value)
        self.history_title = QLabel(objectName="assetHistoryTitle")
        self.history_view = QTableView(objectName="assetHistory")
        self.history_view.setModel(self.history)
        setup_table(self.history_view, 1)
        self.request_button = QPushButton(objectName="assetRequestLoan")
        self.request_button.clicked.connect(self.request_loan)
        self.labels_button = QPushButton(objectName="assetLabels")
        self.labels_button.clicked.connect(self.print_labels)
        self.thermal_button = QPushButton(objectName="assetLabelThermal")
        self.thermal_button.clicked.connect(self.print_thermal_label)
        self.thermal_button.setVisible(self.actor.role in PERMISSIONS["asset.add"])
        self.thermal_printing = False
        self._build_register_tools()
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.request_button.click)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.labels_button.click)
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.thermal_button.click)
        QShortcut(QKeySequence("F2"), self, activated=self.focus_scan)
        QShortcut(QKeySequence("F5"), self, activated=self.reloader_request)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.detail_title)
        side_layout.addLayout(form)
        side_layout.addWidget(self.history_title)
        side_layout.addWidget(self.history_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.request_button)
        row.addWidget(self.labels_button)
        side_layout.addLayout(row)
        side_layout.addWidget(self.thermal_button)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 366])
        for column, width in enumerate((120, 0, 90, 90, 50, 80, 110)):
            if width:
                self.history_view.setColumnWidth(column, width)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(self.tools)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.count)
        layout.addLayout(bottom)
        self.setCentralWidget(body)
        self.scan.setFocus()

    # ------------------------------------------------------------------ loading
    def reloader_request(self) -> None:
        """F5: read everything again, changed or not."""
        self.revision = -1
        if self.reloader is not None:
            self.reloader.request()

    def _load(self) -> tuple[int, PreparedRows] | None:
        """On the worker: the rows, prepared, when assets or loans moved since those shown
        (None when nothing did: a ticket called, a setting changed)."""
        uow = self.env.uow
        revision = asset_queries.register_revision(uow)
        if revision == self.revision:
            return None
        return revision, prepare(asset_queries.asset_rows(uow))

    def _show_rows(self, loaded: tuple[int, PreparedRows] | None) -> None:
        if loaded is None:
            return
        self.revision, rows = loaded
        selected = self.selected_asset
        changed = self.model.set_rows(rows)
        self.loaded = True
        if changed:
            self._fill_choices()
            if selected is not None:
                self.select(selected)
        if self._pending_jump is not None:
            text, self._pending_jump = self._pending_jump, None
            self.scan.setText(text)
            self.jump()
        if self.detail is not None:
            self._load_detail(self.detail.asset_no)
        self._count_changed()

    def _fill_choices(self) -> None:
        for combo, values in (
            (self.category_filter, self.model.categories()),
            (self.holder_filter, [(h, h) for h in self.model.holders()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in values:
                combo.addItem(label, value)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    def _apply_text(self) -> None:
        self.model.set_filter(text=self.scan.text())

    def _count_changed(self) -> None:
        self.update_buttons()
        self.count.setText(
            self.tr("แสดง %1 จาก %2 รายการ")
            .replace("%1", f"{self.model.rowCount():,}")
            .replace("%2", f"{self.model.total:,}")
        )

    # ------------------------------------------------------------------ scan and select
    def focus_scan(self) -> None:
        self.scan.setFocus()
        self.scan.selectAll()

    def jump(self) -> None:
        """Enter in the box: a scanned or typed asset number selects that asset (clearing
        the filters that would hide it); anything else stays a search."""
        text = self.scan.text()
        if not text.strip():
            return
        if not self.loaded:
            self._pending_jump = text
            return
        asset_no = self.model.find(text)
        if asset_no is None:
            self._filter_timer.stop()
            self._apply_text()
            if self.model.rowCount() == 1:
                self.table.selectRow(0)
                return
            self.message.show_message(
                self.tr("ไม่พบพัสดุเลขที่ %1").replace("%1", text.strip()[:80]), "error", 10
            )
            return
        self._filter_timer.stop()
        self.scan.blockSignals(True)
        self.scan.clear()
        self.scan.blockSignals(False)
        self.model.set_filter(text="")
        if self.model.row_of(asset_no) < 0:  # hidden by a filter: show everything
            for combo in (self.status_filter, self.category_filter, self.holder_filter):
                combo.setCurrentIndex(0)
        self.select(asset_no)
        self.say(self.tr("พบ %1").replace("%1", asset_no))

    def select(self, asset_no: str) -> bool:
        row = self.model.row_of(asset_no)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
        return True

    def _selected_rows(self) -> list[int]:
        sm = self.table.selectionModel()
        return sorted(i.row() for i in sm.selectedRows()) if sm is not None else []

    @property
    def selected_asset(self) -> str | None:
        """The current asset: the row with the cursor when it is selected, else the first
        selected row."""
        rows = self._selected_rows()
        if not rows:
            return None
        current = self.table.currentIndex()
        row = current.row() if current.isValid() and current.row() in rows else rows[0]
        return self.model.row_at(row).asset_no

    @property
    def selected_assets(self) -> list[str]:
        """The selected rows' assets, in the table's order."""
        return [self.model.row_at(r).asset_no for r in self._selected_rows()]

    def label_targets(self) -> tuple[list[str], bool]:
        """The assets Labels would print, and whether they are the selection (else: every
        row listed)."""
        chosen = self.selected_assets
        if chosen:
            return chosen, True
        return [self.model.row_at(r).asset_no for r in range(self.model.rowCount())], False

    def _selected(self) -> None:
        asset_no = self.selected_asset
        self.update_buttons()
        if asset_no is not None and (self.detail is None or self.detail.asset_no != asset_no):
            self._load_detail(asset_no)

    def _load_detail(self, asset_no: str) -> None:
        self._detail_seq += 1
        seq, uow = self._detail_seq, self.env.uow

        def show(d: AssetDetail) -> None:
            if seq == self._detail_seq:
                self.detail = d
                self.history.set_rows(list(d.loans))
                self.retranslate()

        self.ops.run(lambda: assets.show_asset(uow, asset_no), show, self.fail)

    def update_buttons(self) -> None:
        self._update_register_tools()
        self.request_button.setEnabled(self.can_request)
        self.labels_button.setEnabled(self.model.rowCount() > 0)
        self.thermal_button.setEnabled(
            self.selected_asset is not None and not self.thermal_printing
        )
        chosen = len(self._selected_rows())
        if chosen:
            text = self.tr("พิมพ์ป้าย QR ของรายการที่เลือก %1 รายการ (Ctrl+L)")
        else:
            text = self.tr("พิมพ์ป้าย QR ของรายการที่แสดง %1 รายการ (Ctrl+L)")
        self.labels_button.setText(text.replace("%1", f"{chosen or self.model.rowCount():,}"))

    # ------------------------------------------------------------------ actions
    def request_loan(self) -> None:
        asset_no = self.selected_asset
        if asset_no is not None:
            self.env.open_workspace(self.actor, "borrow", asset_numbers=[asset_no])

    def print_labels(self) -> None:
        """QR label sheets (A4, LABELS_PER_SHEET a sheet) of the selected rows, or of the
        rows listed when none is selected; above LABELS_ASK labels the officer is asked."""
        from desktop_app.ui.loan_pdf_preview import open_preview

        numbers, selection = self.label_targets()
        if not numbers:
            return
        if len(numbers) > LABELS_ASK:
            sheets = -(-len(numbers) // LABELS_PER_SHEET)
            question = (
                self.tr("พิมพ์ป้าย QR %1 รายการ (กระดาษ A4 %2 แผ่น) ใช่หรือไม่?")
                .replace("%1", f"{len(numbers):,}")
                .replace("%2", f"{sheets:,}")
            )
            if not selection:
                question += "\n" + self.tr(
                    "ยังไม่ได้เลือกรายการ จึงพิมพ์ทุกรายการที่แสดง (เลือกบางรายการด้วย Ctrl หรือ Shift + คลิก)"
                )
            if not self.env.dialogs.confirm(self, question):
                return
        uow = self.env.uow

        def make() -> bytes:
            from desktop_app.services import documents

            return bytes(documents.asset_labels_pdf(uow, numbers))

        title = self.tr("ป้ายพัสดุ QR %1 รายการ").replace("%1", f"{len(numbers):,}")
        self.labels_preview = open_preview(self.env, title, "asset-labels.pdf", make, self)

    def print_thermal_label(self) -> None:
        """One label of the current asset on this PC's thermal printer, off the UI thread;
        a printer fault is said with its reason code, as on the counter and the kiosk."""
        asset_no = self.selected_asset
        if asset_no is None or self.thermal_printing:
            return
        uow, actor = self.env.uow, self.actor
        self.thermal_printing = True
        self.update_buttons()

        def done(result: printer.LabelPrint) -> None:
            self.thermal_printing = False
            self.update_buttons()
            self.say(self.tr("พิมพ์ป้าย %1 ที่เครื่องพิมพ์ความร้อนแล้ว").replace("%1", result.asset_no))

        def failed(error: Exception) -> None:
            self.thermal_printing = False
            self.update_buttons()
            reason = error.details.get("reason") if isinstance(error, KhetDeskError) else None
            text = error_text(error) + (f" ({reason})" if reason else "")
            self.message.show_message(text, "error", 0)

        self.ops.run(lambda: printer.print_asset_label(uow, actor, asset_no), done, failed)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KhetDesk — ทะเบียนพัสดุ"))
        self.heading.setText(self.tr("ทะเบียนพัสดุ"))
        self.scan_label.setText(self.tr("ค้นหา / สแกน (F2)"))
        self.scan.setPlaceholderText(self.tr("เลขทะเบียน ชื่อ หรือสแกน QR แล้วกด Enter"))
        self.status_filter.setItemText(0, self.tr("ทุกสถานะ"))
        for i, value in enumerate(ASSET_STATUSES, start=1):
            self.status_filter.setItemText(i, word(ASSET_STATUSES, value))
        self.category_filter.setItemText(0, self.tr("ทุกหมวด"))
        self.holder_filter.setItemText(0, self.tr("ทุกหน่วยงาน"))
        self.request_button.setText(self.tr("ขอยืมพัสดุนี้ (Ctrl+N)"))
        self._retranslate_register_tools()
        self.thermal_button.setText(self.tr("พิมพ์ป้ายที่เครื่องพิมพ์ความร้อน (Ctrl+T)"))
        self.history_title.setText(self.tr("ประวัติการยืม"))
        names = {
            "asset_no": self.tr("เลขทะเบียน"),
            "kind": self.tr("ประเภท"),
            "status": self.tr("สถานะ"),
            "qty": self.tr("จำนวน"),
            "price": self.tr("ราคา"),
            "acquired": self.tr("ได้มาเมื่อ"),
            "holder": self.tr("ผู้ครอบครอง"),
            "location": self.tr("สถานที่เก็บ"),
            "condition": self.tr("สภาพ"),
        }
        d = self.detail
        values: dict[str, Any] = {}
        if d is not None:
            self.detail_title.setText(d.name)
            values = {
                "asset_no": d.asset_no,
                "kind": f"{word(KINDS, d.kind)} · {d.category_name}",
                "status": word(ASSET_STATUSES, d.status),
                "qty": f"{d.qty:,} {d.unit}"
                + (self.tr(" (ยืมอยู่ %1)").replace("%1", str(d.lent_out)) if d.lent_out else ""),
                "price": self.tr("%1 บาท").replace("%1", f"{d.price:,.2f}"),
                "acquired": be_date(d.acquired),
                "holder": d.unit_holder,
                "location": d.location,
                "condition": word(CONDITIONS, d.condition)
                + ("" if d.lendable else " · " + self.tr("ไม่ให้ยืม")),
            }
        else:
            self.detail_title.setText(self.tr("เลือกพัสดุจากตาราง หรือสแกน QR"))
        for key, (label, value) in self.fields.items():
            label.setText(names[key])
            value.setText(str(values.get(key, "")))
        self.model.set_language(self.env.i18n.language)
        self._count_changed()
        self.update_buttons()

    # ------------------------------------------------------------------ keeping the register
    # (issue 19 item 8: add, edit, write off, import with its report and a progress bar,
    # export; supply staff only, as the services require ``asset.add`` / ``asset.import``)
    def _build_register_tools(self) -> None:
        self.tools = QHBoxLayout()
        self.tool_buttons: dict[str, QPushButton] = {}
        for name, slot in (
            ("assetAdd", self.add_asset),
            ("assetEdit", self.edit_asset),
            ("assetWriteOff", self.write_off_asset),
            ("assetImport", self.import_assets),
            ("assetExport", self.export_assets),
        ):
            b = QPushButton(objectName=name)
            b.clicked.connect(slot)
            b.setVisible(self.actor.role in PERMISSIONS["asset.add"])
            self.tools.addWidget(b)
            self.tool_buttons[name] = b
        self.tools.addStretch(1)
        self.progress = QProgressBar(objectName="assetProgress")
        self.progress.setMaximumWidth(260)
        self.progress.hide()

    @property
    def can_request(self) -> bool:
        """Only an asset that may be lent now: not damaged, lost, written off, or marked
        not for lending (the reason is the button's tooltip)."""
        d = self.detail
        return (
            self.selected_asset is not None
            and d is not None
            and d.asset_no == self.selected_asset
            and d.lendable
            and d.status in ("available", "reserved", "on_loan")  # booked for other dates
        )

    def _update_register_tools(self) -> None:
        if not hasattr(self, "tool_buttons"):
            return
        d, chosen = self.detail, self.selected_asset
        current = d is not None and d.asset_no == chosen and not self.busy
        self.tool_buttons["assetAdd"].setEnabled(not self.busy)
        self.tool_buttons["assetEdit"].setEnabled(current and d is not None and not d.written_off)
        self.tool_buttons["assetWriteOff"].setEnabled(
            current and d is not None and not d.written_off
        )
        self.tool_buttons["assetImport"].setEnabled(not self.busy)
        self.tool_buttons["assetExport"].setEnabled(not self.busy and self.model.total > 0)
        why = ""
        if d is not None and d.asset_no == chosen and not self.can_request:
            why = self.tr("ให้ยืมไม่ได้: %1").replace(
                "%1",
                word(ASSET_STATUSES, d.status) if d.lendable else self.tr("ไม่ให้ยืม"),
            )
        self.request_button.setToolTip(why)

    def _retranslate_register_tools(self) -> None:
        texts = {
            "assetAdd": self.tr("เพิ่มพัสดุ"),
            "assetEdit": self.tr("แก้ไข"),
            "assetWriteOff": self.tr("จำหน่าย"),
            "assetImport": self.tr("นำเข้า Excel"),
            "assetExport": self.tr("ส่งออก"),
        }
        for name, b in self.tool_buttons.items():
            b.setText(texts[name])

    def add_asset(self) -> None:
        from desktop_app.services.assets import create_asset
        from desktop_app.ui.asset_dialogs import AssetDialog

        dialog = AssetDialog(None, self.env.clock().date(), self)
        if not self.env.dialogs.run(dialog) or dialog.result_input is None:
            return
        uow, actor, inp = self.env.uow, self.actor, dialog.result_input

        def done(view: assets.AssetView) -> None:
            self._pending_jump = view.asset_no
            self.say(self.tr("เพิ่ม %1 ในทะเบียนแล้ว").replace("%1", view.asset_no))

        self.run(lambda: create_asset(uow, actor, inp), done)

    def edit_asset(self) -> None:
        from desktop_app.services.asset_edit import update_asset
        from desktop_app.ui.asset_dialogs import AssetDialog

        d = self.detail
        if d is None or d.asset_no != self.selected_asset:
            return
        dialog = AssetDialog(d, self.env.clock().date(), self)
        if not self.env.dialogs.run(dialog) or dialog.result_input is None:
            return
        uow, actor, inp = self.env.uow, self.actor, dialog.result_input
        self.run(
            lambda: update_asset(uow, actor, inp),
            lambda v: self.say(self.tr("บันทึกการแก้ไข %1 แล้ว").replace("%1", v.asset_no)),
        )

    def write_off_asset(self) -> None:
        from desktop_app.services.asset_edit import write_off_asset
        from desktop_app.ui.asset_dialogs import WriteOffDialog

        d = self.detail
        if d is None or d.asset_no != self.selected_asset:
            return
        dialog = WriteOffDialog(d.asset_no, d.name, self)
        if not self.env.dialogs.run(dialog):
            return
        uow, actor, asset_no = self.env.uow, self.actor, d.asset_no
        reason, document = dialog.reason.text(), dialog.document.text()
        self.run(
            lambda: write_off_asset(uow, actor, asset_no, reason, document),
            lambda v: self.say(self.tr("จำหน่าย %1 แล้ว").replace("%1", v.asset_no)),
        )

    def _with_progress(self, work: Any, done: Any, failed: Any) -> None:
        """A long job on the worker with the bar moving; the buttons off meanwhile."""
        from desktop_app.ui.asset_dialogs import ProgressRelay

        relay = ProgressRelay(self)
        relay.moved.connect(self._progress_moved)
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress.show()
        self.busy = True
        self.update_buttons()

        def finish() -> None:
            self.busy = False
            relay.deleteLater()
            self.update_buttons()

        def ok(value: Any) -> None:
            finish()
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
            done(value)
            self._after(True)

        def bad(error: Exception) -> None:
            finish()
            self.progress.hide()
            failed(error)

        self.ops.run(lambda: work(relay), ok, bad)

    def _progress_moved(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def import_assets(self, only_valid: bool = False, path: str | None = None) -> None:
        from pathlib import Path

        from desktop_app.services.asset_io import ImportRejected, import_assets
        from desktop_app.ui.asset_dialogs import ImportReportDialog

        if self.busy:
            return
        if path is None:
            path = self.env.dialogs.open_file(
                self, self.tr("นำเข้าทะเบียนพัสดุ"), "Excel / CSV (*.xlsx *.csv)"
            )
        if not path:
            return
        uow, actor, file = self.env.uow, self.actor, Path(path)

        def done(result: Any) -> None:
            self.say(
                self.tr("นำเข้า %1 รายการจาก %2 แล้ว")
                .replace("%1", f"{result.imported:,}")
                .replace("%2", file.name)
            )

        def failed(error: Exception) -> None:
            if isinstance(error, ImportRejected):
                report = ImportReportDialog(file.name, error.rows, error.errors, self)
                if self.env.dialogs.run(report):
                    self.import_assets(only_valid=True, path=path)
                else:
                    self.message.show_message(
                        self.tr("ไม่ได้นำเข้า: %1 มีแถวที่ไม่ถูกต้อง").replace("%1", file.name),
                        "error",
                        0,
                    )
                return
            self.fail(error)

        self._with_progress(
            lambda progress: import_assets(uow, actor, file, progress, only_valid=only_valid),
            done,
            failed,
        )

    def export_assets(self) -> None:
        from pathlib import Path

        from desktop_app.services.asset_io import export_assets

        if self.busy:
            return
        path = self.env.dialogs.save_file(
            self, self.tr("ส่งออกทะเบียนพัสดุ"), "ทะเบียนพัสดุ.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if not path:
            return
        uow, file = self.env.uow, Path(path)
        self._with_progress(
            lambda progress: export_assets(uow, file, progress),
            lambda r: self.say(
                self.tr("ส่งออก %1 รายการไปที่ %2 แล้ว")
                .replace("%1", f"{r.rows:,}")
                .replace("%2", file.name)
            ),
            self.fail,
        )


def open_asset_register(env: UiEnv, actor: Actor) -> AssetRegisterWindow:
    window = AssetRegisterWindow(env, actor)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window
