"""The integrity windows (issue 16; seed ITA items 20–24, 30):

* ``RulesDialog`` — the office's borrowing guideline (Markdown, or a PDF in a QPdfView),
  acknowledged after ticking "I have read it"; shown at login while a version is pending.
* ``MisuseReportDialog`` — report improper use, optionally anonymously, with attachments;
  answers with the tracking code. ``TrackDialog`` follows a case by its code.
* ``MisuseCasesWindow`` — the handler's cases, deadlines (untouched and late in red),
  history and attachments, and the next step with its note.
* ``LoanSituationWindow`` — "สถานการณ์การยืมพัสดุ", read-only for everyone, filterable,
  reloaded whenever the database moves (env.live), with the notice-board PDF.
* ``SupervisionWindow`` — the agency head's summary at login; each entry opens its thing.
* ``CustodianWindow`` — the custodian's monthly report, submitted and signed off in the app.

``after_login(parent, env, actor)`` is the one call the login makes: the guideline if one is
pending, then the head's summary. Every database call runs off the UI thread (Operations).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.integrity import STATUS_LABELS_TH, CaseStatus
from desktop_app.domain.roles import PERMISSIONS, Role
from desktop_app.domain.thai_time import business_date, thai_datetime_short
from desktop_app.services import (
    custodian,
    loan_situation,
    misuse,
    rules,
    supervision,
)
from desktop_app.services.auth import Actor
from desktop_app.ui.be_date import be_date
from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_widgets import (
    OVERDUE_TINT,
    SOON_TINT,
    LoanWindow,
    error_text,
    selected_row,
    setup_table,
)
from desktop_app.ui.operations import Operations, Reloader
from desktop_app.ui.queue_models import RowsModel


def _when(at: dt.datetime | None) -> str:
    return thai_datetime_short(at) if at is not None else "-"


def _status(value: str) -> str:
    return STATUS_LABELS_TH.get(CaseStatus(value), value) if value else ""


def may_handle_cases(role: Role) -> bool:
    return role in PERMISSIONS["misuse.handle"]


# ---------------------------------------------------------------- the guideline


class RulesDialog(QDialog):
    """The current guideline and, when ``ask`` is set, the acknowledgement."""

    def __init__(
        self,
        env: UiEnv,
        actor: Actor,
        doc: rules.RulesDocument,
        ask: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rulesDialog")
        self.env, self.actor, self.doc = env, actor, doc
        self.ops = Operations(self)
        self.acknowledged: rules.AckResult | None = None
        i = doc.info
        self.setWindowTitle(self.tr("แนวทางการยืมพัสดุ ฉบับที่ %1").replace("%1", str(i.version)))
        layout = QVBoxLayout(self)
        head = QLabel(objectName="rulesHeading")
        head.setText(
            self.tr("<b>%1</b><br>ฉบับที่ %2 ประกาศเมื่อ %3")
            .replace("%1", i.title.replace("<", "&lt;"))
            .replace("%2", str(i.version))
            .replace("%3", _when(i.published_at))
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        self.pdf_document: Any = None
        if doc.pdf is not None:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._bytes = QByteArray(doc.pdf)
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document = QPdfDocument(self)
            self.pdf_document.load(self._buffer)
            self.viewer: QWidget = QPdfView(self)
            self.viewer.setDocument(self.pdf_document)
            self.viewer.setPageMode(QPdfView.PageMode.MultiPage)
        else:
            browser = QTextBrowser(objectName="rulesText")
            browser.setMarkdown(doc.body)
            browser.setOpenExternalLinks(False)
            self.viewer = browser
        layout.addWidget(self.viewer, 1)
        self.read = QCheckBox(self.tr("ข้าพเจ้าได้อ่านและรับทราบแนวทางฉบับนี้แล้ว"), objectName="rulesRead")
        self.ack = QPushButton(self.tr("รับทราบ"), objectName="rulesAck")
        self.later = QPushButton(
            self.tr("ภายหลัง") if ask else self.tr("ปิด"), objectName="rulesLater"
        )
        self.ack.setEnabled(False)
        self.read.toggled.connect(lambda on: self.ack.setEnabled(on and not self.ops.busy))
        self.ack.clicked.connect(self._acknowledge)
        self.later.clicked.connect(self.reject)
        self.message = QLabel(objectName="rulesMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.read, 1)
        row.addWidget(self.later)
        row.addWidget(self.ack)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.read.setVisible(ask)
        self.ack.setVisible(ask)
        for b in (self.ack, self.later):
            b.setMinimumHeight(44)
        self.resize(760, 640)

    def _acknowledge(self) -> None:
        uow, actor, version = self.env.uow, self.actor, self.doc.info.version
        self.ack.setEnabled(False)
        self.ops.run(lambda: rules.acknowledge_rules(uow, actor, version), self._done, self._fail)

    def _done(self, result: rules.AckResult) -> None:
        self.acknowledged = result
        self.env.live.poke()
        self.accept()

    def _fail(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.ack.setEnabled(self.read.isChecked())

    def done(self, result: int) -> None:
        self.ops.wait(5000)
        super().done(result)


def after_login(parent: QWidget | None, env: UiEnv, actor: Actor) -> Operations:
    """What the login shows after it succeeds: the guideline while its current version is
    not acknowledged, then (agency head) the supervision summary. Returns the operations
    object that reads them (kept by ``parent`` or the environment)."""
    ops = Operations(parent)
    uow = env.uow

    def summary() -> None:
        if actor.role is Role.AGENCY_HEAD:
            open_supervision(env, actor)

    def show(doc: rules.RulesDocument | None) -> None:
        if doc is not None:
            env.dialogs.run(RulesDialog(env, actor, doc, True, parent))
        summary()

    ops.run(lambda: rules.pending_rules(uow, actor), show, lambda _e: summary())
    return ops


class UnitAckModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("UnitAckModel", "หน่วยงาน"),
        QT_TRANSLATE_NOOP("UnitAckModel", "ผู้ใช้"),
        QT_TRANSLATE_NOOP("UnitAckModel", "รับทราบแล้ว"),
        QT_TRANSLATE_NOOP("UnitAckModel", "ยังไม่รับทราบ"),
    )

    def cell(self, u: rules.UnitAck, column: int) -> Any:
        return (u.unit, u.users, u.acknowledged, ", ".join(u.pending) or "-")[column]

    def numeric(self, column: int) -> bool:
        return column in (1, 2)

    def background(self, u: rules.UnitAck) -> QColor | None:
        return SOON_TINT if u.pending else None


class RulesWindow(LoanWindow):
    """For the heads: the current version, who has acknowledged it per unit (the report of
    items 21.1 and 23.1), publishing a new version, and the A4 notice (item 23.2)."""

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "rulesWindow")
        self.setWindowTitle(self.tr("แนวทางการยืมพัสดุและการรับทราบ"))
        self.status: rules.RulesStatus | None = None
        self.current = QLabel(objectName="rulesCurrent")
        self.current.setWordWrap(True)
        self.model = UnitAckModel()
        self.table = QTableView(objectName="rulesUnits")
        self.table.setModel(self.model)
        setup_table(self.table, 3)
        self.title = QLineEdit(objectName="rulesTitle")
        self.title.setPlaceholderText(self.tr("ชื่อฉบับใหม่ เช่น แนวทางการยืมพัสดุ ฉบับปรับปรุง ๒๕๗๐"))
        self.publish = QPushButton(
            self.tr("ประกาศฉบับใหม่ (.md หรือ .pdf)…"), objectName="rulesPublish"
        )
        self.read_button = QPushButton(self.tr("เปิดอ่านฉบับปัจจุบัน"), objectName="rulesRead")
        self.notice = QPushButton(self.tr("บันทึกประกาศ A4 (PDF)…"), objectName="rulesNotice")
        self.publish.clicked.connect(self._publish)
        self.read_button.clicked.connect(self._read)
        self.notice.clicked.connect(self._notice)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.publish)
        tools = QHBoxLayout()
        tools.addStretch(1)
        tools.addWidget(self.read_button)
        tools.addWidget(self.notice)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("แนวทางการยืมพัสดุ"), objectName="heading"))
        layout.addWidget(self.message)
        layout.addWidget(self.current)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.setCentralWidget(body)
        uow = env.uow
        self.reloader = Reloader(self.ops, lambda: rules.rules_status(uow), self._loaded, self.fail)
        self.reloader.request()
        self.update_buttons()
        self.resize(980, 600)

    def _loaded(self, s: rules.RulesStatus) -> None:
        self.status = s
        if s.version is None:
            self.current.setText(self.tr("ยังไม่มีการประกาศแนวทาง"))
        else:
            self.current.setText(
                self.tr("<b>ฉบับที่ %1</b> %2 · รับทราบแล้ว %3 คน ยังไม่รับทราบ %4 คน")
                .replace("%1", str(s.version))
                .replace("%2", (s.title or "").replace("<", "&lt;"))
                .replace("%3", str(len(s.acknowledged)))
                .replace("%4", str(len(s.pending)))
            )
        self.model.set_rows(list(s.units))
        self.update_buttons()

    def update_buttons(self) -> None:
        has = self.status is not None and self.status.version is not None
        self.publish.setEnabled(not self.busy)
        self.read_button.setEnabled(has and not self.busy)
        self.notice.setEnabled(has and not self.busy)

    def _publish(self) -> None:
        path = self.env.dialogs.open_file(
            self, self.tr("เลือกไฟล์แนวทาง"), "Markdown or PDF (*.md *.markdown *.pdf)"
        )
        if not path:
            return
        uow, actor, title = self.env.uow, self.actor, self.title.text()

        def work() -> rules.RulesInfo:
            from desktop_app.domain.errors import InvalidInput

            file = Path(path)
            try:
                if file.stat().st_size > 10 * 1024 * 1024:
                    raise InvalidInput("ไฟล์แนวทางใหญ่เกิน 10 MB (the guideline file is over 10 MB)")
                data = file.read_bytes()
            except OSError as e:
                raise InvalidInput(f"อ่านไฟล์ {file.name[:60]} ไม่ได้ ({e.strerror})") from None
            return rules.publish_rules(uow, actor, title, file.name, data)

        def done(info: rules.RulesInfo) -> None:
            self.title.clear()
            self.say(
                self.tr("ประกาศฉบับที่ %1 แล้ว ผู้ใช้ทุกคนจะเห็นเมื่อเข้าสู่ระบบครั้งถัดไป").replace(
                    "%1", str(info.version)
                )
            )

        self.run(work, done)

    def _read(self) -> None:
        self._rules_ops = open_rules(self.env, self.actor, self)

    def _notice(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกประกาศ"), "rules-notice.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        uow = self.env.uow

        def work() -> str:
            from desktop_app.services.tabular import write_bytes

            write_bytes(Path(path), rules.rules_notice_pdf(uow))
            return path

        self.run(work, lambda p: self.say(self.tr("บันทึกแล้ว: %1").replace("%1", p)), False)


# ---------------------------------------------------------------- misuse: reporting


class MisuseReportDialog(QDialog):
    """Report improper use of government property. ``receipt`` holds the case number and
    the tracking code once it is sent."""

    def __init__(self, env: UiEnv, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("misuseReportDialog")
        self.env, self.actor = env, actor
        self.ops = Operations(self)
        self.receipt: misuse.ReportReceipt | None = None
        self.files: list[Path] = []
        self.setWindowTitle(self.tr("แจ้งเบาะแสการใช้ทรัพย์สินของราชการไม่ถูกต้อง"))
        self.text = QPlainTextEdit(objectName="misuseText")
        self.text.setPlaceholderText(self.tr("เล่าสิ่งที่พบ: อะไร ที่ไหน เมื่อใด"))
        self.asset = QLineEdit(objectName="misuseAsset")
        self.loan = QLineEdit(objectName="misuseLoan")
        self.anonymous = QCheckBox(
            self.tr("ไม่ระบุตัวตน (ไม่บันทึกว่าใครแจ้ง)"), objectName="misuseAnonymous"
        )
        self.attachments = QListWidget(objectName="misuseAttachments")
        self.attachments.setMaximumHeight(80)
        self.add_file = QPushButton(self.tr("แนบรูปภาพหรือ PDF…"), objectName="misuseAttach")
        self.add_file.clicked.connect(self._attach)
        self.note = QLabel(
            self.tr(
                "เลือกไม่ระบุตัวตน: เรื่องนี้จะไม่เชื่อมโยงกับบัญชีของท่านทั้งในข้อมูลและบันทึกตรวจสอบ "
                "แต่เวลาที่แจ้งและสิ่งที่เขียนหรือแนบอาจบอกได้ว่าใครแจ้ง"
            ),
            objectName="misuseAnonymityNote",
        )
        self.note.setWordWrap(True)
        self.message = QLabel(objectName="misuseMessage")
        self.message.setWordWrap(True)
        self.send = QPushButton(self.tr("ส่งเรื่อง"), objectName="misuseSend")
        self.cancel = QPushButton(self.tr("ยกเลิก"), objectName="misuseCancel")
        self.send.clicked.connect(self._send)
        self.cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("เรื่องที่แจ้ง"), self.text)
        form.addRow(self.tr("หมายเลขพัสดุ (ถ้ามี)"), self.asset)
        form.addRow(self.tr("เลขที่ใบยืม (ถ้ามี)"), self.loan)
        files = QHBoxLayout()
        files.addWidget(self.attachments, 1)
        files.addWidget(self.add_file)
        form.addRow(self.tr("หลักฐาน"), files)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.anonymous)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.send)
        layout.addLayout(row)
        for b in (self.send, self.cancel):
            b.setMinimumHeight(44)
        self.resize(640, 520)

    def _attach(self) -> None:
        path = self.env.dialogs.open_file(
            self, self.tr("เลือกหลักฐาน"), "Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"
        )
        if path:
            self.files.append(Path(path))
            self.attachments.addItem(Path(path).name)

    def _send(self) -> None:
        uow, actor = self.env.uow, self.actor
        text, anonymous = self.text.toPlainText(), self.anonymous.isChecked()
        asset, loan = self.asset.text().strip() or None, self.loan.text().strip() or None
        files = list(self.files)

        def work() -> misuse.ReportReceipt:
            from desktop_app.domain.errors import InvalidInput

            attached = []
            for f in files:
                try:
                    if f.stat().st_size > 10 * 1024 * 1024:
                        raise InvalidInput(f"ไฟล์แนบ {f.name[:60]} ใหญ่เกิน 10 MB")
                    attached.append(misuse.Attachment(f.name, f.read_bytes()))
                except OSError as e:
                    raise InvalidInput(f"อ่านไฟล์ {f.name[:60]} ไม่ได้ ({e.strerror})") from None
            return misuse.report_misuse(
                uow,
                actor,
                text,
                asset_no=asset,
                loan_no=loan,
                anonymous=anonymous,
                attachments=attached,
            )

        self.send.setEnabled(False)
        self.ops.run(work, self._sent, self._fail)

    def _sent(self, receipt: misuse.ReportReceipt) -> None:
        self.receipt = receipt
        self.env.live.poke()
        self.env.dialogs.inform(
            self,
            self.tr("รับเรื่องเลขที่ %1 แล้ว\nรหัสติดตามเรื่อง: %2\nเก็บรหัสนี้ไว้ ใช้ติดตามได้โดยไม่ต้องเข้าสู่ระบบ")
            .replace("%1", receipt.case)
            .replace("%2", receipt.tracking),
        )
        self.accept()

    def _fail(self, error: Exception) -> None:
        self.message.setText(error_text(error))
        self.send.setEnabled(True)

    def done(self, result: int) -> None:
        self.ops.wait(5000)
        super().done(result)


class TrackDialog(QDialog):
    """Follow a case by its tracking code (no login needed for the service it calls)."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("misuseTrackDialog")
        self.env = env
        self.ops = Operations(self)
        self.setWindowTitle(self.tr("ติดตามเรื่องที่แจ้ง"))
        self.code = QLineEdit(objectName="trackCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.go = QPushButton(self.tr("ติดตาม"), objectName="trackGo")
        self.result_view = QTextBrowser(objectName="trackResult")
        self.close_button = QPushButton(self.tr("ปิด"), objectName="trackClose")
        self.go.clicked.connect(self._track)
        self.code.returnPressed.connect(self._track)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.go)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result_view, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(560, 420)

    def _track(self) -> None:
        uow, code = self.env.uow, self.code.text()
        self.ops.run(lambda: misuse.track_case(uow, code), self._show, self._fail)

    def _show(self, t: misuse.TrackedCase) -> None:
        lines = [f"<h3>{t.case}: {_status(t.status)}</h3>"]
        if t.handler:
            lines.append(self.tr("ผู้รับผิดชอบ: %1").replace("%1", t.handler))
        lines.append("<ul>")
        lines += [
            f"<li>{_when(u.at)} — {_status(u.status)}: {u.note.replace('<', '&lt;')}</li>"
            for u in t.updates
        ]
        lines.append("</ul>")
        self.result_view.setHtml("".join(lines))

    def _fail(self, error: Exception) -> None:
        self.result_view.setPlainText(error_text(error))

    def done(self, result: int) -> None:
        self.ops.wait(5000)
        super().done(result)


# ---------------------------------------------------------------- misuse: handling


class CasesModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("CasesModel", "เลขที่เรื่อง"),
        QT_TRANSLATE_NOOP("CasesModel", "สถานะ"),
        QT_TRANSLATE_NOOP("CasesModel", "รับเรื่อง"),
        QT_TRANSLATE_NOOP("CasesModel", "กำหนดตอบสนอง"),
        QT_TRANSLATE_NOOP("CasesModel", "ผู้แจ้ง"),
        QT_TRANSLATE_NOOP("CasesModel", "ผู้รับผิดชอบ"),
    )

    def cell(self, row: misuse.CaseView, column: int) -> Any:
        reporter = "ไม่ระบุตัวตน" if row.anonymous else (row.reporter_name or row.reporter or "")
        deadline = _when(row.deadline) + (" ⚠ เกินกำหนด" if row.flagged else "")
        return (
            row.case,
            _status(row.status),
            _when(row.created_at),
            deadline,
            reporter,
            row.handler or "-",
        )[column]

    def background(self, row: misuse.CaseView) -> QColor | None:
        if row.flagged:
            return OVERDUE_TINT
        if row.handler is None and row.days_left <= 2:
            return SOON_TINT
        return None

    def row_of(self, case: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.case == case), -1)


class MisuseCasesWindow(LoanWindow):
    """The handler's window: every case with its deadline, history and attachments, and the
    next step with its note (read by the reporter through the tracking code)."""

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "misuseCases")
        self.setWindowTitle(self.tr("เรื่องแจ้งเบาะแสการใช้ทรัพย์สินของราชการ"))
        self.model = CasesModel()
        self.table = QTableView(objectName="misuseCaseTable")
        self.table.setModel(self.model)
        setup_table(self.table, 3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.detail = QTextBrowser(objectName="misuseCaseDetail")
        self.files = QListWidget(objectName="misuseCaseFiles")
        self.files.setMaximumHeight(70)
        self.save_file = QPushButton(self.tr("บันทึกไฟล์แนบ…"), objectName="misuseSaveFile")
        self.save_file.clicked.connect(self._save_file)
        self.status = QComboBox(objectName="misuseStatus")
        for s in CaseStatus:
            self.status.addItem(STATUS_LABELS_TH[s], s.value)
        self.note = QPlainTextEdit(objectName="misuseNote")
        self.note.setPlaceholderText(self.tr("บันทึกความคืบหน้า (ผู้แจ้งอ่านได้ผ่านรหัสติดตาม)"))
        self.note.setMaximumHeight(90)
        self.record = QPushButton(self.tr("บันทึกความคืบหน้า"), objectName="misuseRecord")
        self.record.clicked.connect(self._record)
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(self.detail, 1)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        files.addWidget(self.save_file)
        side.addLayout(files)
        side.addWidget(self.status)
        side.addWidget(self.note)
        side.addWidget(self.record)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([560, 440])
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(self.tr("เรื่องแจ้งเบาะแส"), objectName="heading")
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.setCentralWidget(body)
        self.current: misuse.CaseView | None = None
        self.wanted: str | None = None
        uow = env.uow
        self.reloader = Reloader(
            self.ops, lambda: misuse.list_cases(uow, actor), self._loaded, self.fail
        )
        self.reloader.request()
        self.update_buttons()
        self.resize(1080, 620)

    def select_case(self, case: str) -> None:
        self.wanted = case
        self._select_wanted()

    def _select_wanted(self) -> None:
        if self.wanted is not None:
            row = self.model.row_of(self.wanted)
            if row >= 0:
                self.table.selectRow(row)
                self.wanted = None

    def _loaded(self, cases: list[misuse.CaseView]) -> None:
        keep = self.current.case if self.current is not None else None
        self.model.set_rows(cases)
        if keep is not None and self.wanted is None:
            self.wanted = keep
        self._select_wanted()
        self._show_selected()

    def _show_selected(self) -> None:
        row = selected_row(self.table)
        self.current = self.model.row_at(row) if row is not None else None
        c = self.current
        self.files.clear()
        if c is None:
            self.detail.setPlainText(self.tr("เลือกเรื่องทางซ้าย"))
        else:
            who = self.tr("ไม่ระบุตัวตน") if c.anonymous else (c.reporter_name or "")
            parts = [
                f"<h3>{c.case} — {_status(c.status)}</h3>",
                f"<p>{self.tr('ผู้แจ้ง')}: {who}<br>{self.tr('รับเรื่อง')}: {_when(c.created_at)}"
                f"<br>{self.tr('กำหนดตอบสนอง')}: {_when(c.deadline)}"
                + (f" <b style='color:#b91c1c'>{self.tr('เกินกำหนด')}</b>" if c.flagged else "")
                + (f"<br>{self.tr('พัสดุ')}: {c.asset}" if c.asset else "")
                + (f"<br>{self.tr('ใบยืม')}: {c.loan}" if c.loan else "")
                + "</p>",
                "<p>" + c.text.replace("<", "&lt;").replace("\n", "<br>") + "</p>",
                f"<h4>{self.tr('ความคืบหน้า')}</h4><ul>",
            ]
            parts += [
                f"<li>{_when(u.at)} {_status(u.status)} ({u.by or self.tr('ระบบ')}): "
                f"{u.note.replace('<', '&lt;')}</li>"
                for u in c.updates
            ]
            parts.append("</ul>")
            self.detail.setHtml("".join(parts))
            for a in c.attachments:
                item = QListWidgetItem(f"{a.name} ({a.size:,} B, SHA-256 {a.sha256[:12]}…)")
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.files.addItem(item)
            index = self.status.findData(c.status)
            if index >= 0:
                self.status.setCurrentIndex(index)
        self.update_buttons()

    def update_buttons(self) -> None:
        has = self.current is not None and not self.busy
        self.record.setEnabled(has)
        self.save_file.setEnabled(has and self.files.count() > 0)

    def _record(self) -> None:
        c = self.current
        if c is None:
            return
        uow, actor, status, note = (
            self.env.uow,
            self.actor,
            self.status.currentData(),
            self.note.toPlainText(),
        )
        self.wanted = c.case
        self.run(lambda: misuse.update_case(uow, actor, c.case, status, note), self._recorded)

    def _recorded(self, view: misuse.CaseView) -> None:
        self.note.clear()
        self.say(self.tr("บันทึกความคืบหน้าเรื่อง %1 แล้ว").replace("%1", view.case))

    def _save_file(self) -> None:
        item = self.files.currentItem() or self.files.item(0)
        if item is None:
            return
        attachment_id = int(item.data(Qt.ItemDataRole.UserRole))
        uow, actor = self.env.uow, self.actor

        def save(found: tuple[str, bytes]) -> None:
            name, data = found
            path, _ = QFileDialog.getSaveFileName(self, self.tr("บันทึกไฟล์แนบ"), name)
            if path:
                Path(path).write_bytes(data)

        self.ops.run(lambda: misuse.attachment_data(uow, actor, attachment_id), save, self.fail)


# ---------------------------------------------------------------- the loan situation


class SituationModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("SituationModel", "เลขที่ใบยืม"),
        QT_TRANSLATE_NOOP("SituationModel", "หมายเลขพัสดุ"),
        QT_TRANSLATE_NOOP("SituationModel", "รายการ"),
        QT_TRANSLATE_NOOP("SituationModel", "จำนวน"),
        QT_TRANSLATE_NOOP("SituationModel", "ผู้ยืม"),
        QT_TRANSLATE_NOOP("SituationModel", "หน่วยงาน"),
        QT_TRANSLATE_NOOP("SituationModel", "กำหนดคืน"),
        QT_TRANSLATE_NOOP("SituationModel", "เกินกำหนด (วัน)"),
        QT_TRANSLATE_NOOP("SituationModel", "ติดตามตามข้อ 211"),
    )

    def cell(self, r: loan_situation.SituationRow, column: int) -> Any:
        if column == 8:
            if r.overdue_days <= 0:
                follow = "-"
            elif r.followed_up:
                follow = "ติดตามแล้ว"
            elif r.deadline_missed:
                follow = f"พ้นกำหนด {be_date(r.followup_deadline)} ยังไม่ติดตาม"
            else:
                follow = f"ภายใน {be_date(r.followup_deadline)}"
            return follow
        return (
            r.loan_no,
            r.asset_no,
            r.name,
            r.qty,
            r.borrower,
            r.unit,
            be_date(r.due),
            r.overdue_days or "",
        )[column]

    def numeric(self, column: int) -> bool:
        return column in (3, 7)

    def background(self, r: loan_situation.SituationRow) -> QColor | None:
        if r.deadline_missed:
            return OVERDUE_TINT
        return SOON_TINT if r.overdue_days > 0 else None


class LoanSituationWindow(LoanWindow):
    """สถานการณ์การยืมพัสดุ: read-only, for every user, reloaded when the database moves."""

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "loanSituation")
        self.setWindowTitle(self.tr("สถานการณ์การยืมพัสดุ"))
        self.situation: loan_situation.LoanSituation | None = None
        self.summary = QLabel(objectName="situationSummary")
        self.summary.setWordWrap(True)
        big = QFont(self.summary.font())
        big.setPointSize(big.pointSize() + 2)
        self.summary.setFont(big)
        self.unit = QComboBox(objectName="situationUnit")
        self.search = QLineEdit(objectName="situationSearch")
        self.search.setPlaceholderText(self.tr("ค้นหา: เลขที่ใบยืม หมายเลขพัสดุ ชื่อ ผู้ยืม"))
        self.overdue = QCheckBox(self.tr("เฉพาะที่เกินกำหนด"), objectName="situationOverdue")
        self.pdf = QPushButton(self.tr("บันทึก PDF สำหรับบอร์ด…"), objectName="situationPdf")
        self.pdf.clicked.connect(self._save_pdf)
        for signal in (
            self.unit.currentIndexChanged,
            self.search.textChanged,
            self.overdue.toggled,
        ):
            signal.connect(lambda *_: self._apply())
        self.model = SituationModel()
        self.table = QTableView(objectName="situationTable")
        self.table.setModel(self.model)
        setup_table(self.table, 2)
        for column, width in enumerate((110, 150, 0, 60, 150, 170, 100, 110, 230)):
            if width:
                self.table.setColumnWidth(column, width)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit.setMinimumWidth(220)
        self.updated = QLabel(objectName="situationUpdated")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("หน่วยงาน")))
        filters.addWidget(self.unit)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.pdf)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("สถานการณ์การยืมพัสดุ"), objectName="heading"))
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.updated)
        self.setCentralWidget(body)
        uow = env.uow
        self.reloader = Reloader(
            self.ops, lambda: loan_situation.loan_situation(uow), self._loaded, self.fail
        )
        self.reloader.request()
        self.resize(1180, 620)

    def _loaded(self, s: loan_situation.LoanSituation) -> None:
        self.situation = s
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("ทุกหน่วยงาน"), None)
        for u in s.units:
            self.unit.addItem(f"{u.unit} ({u.items})", u.unit)
        index = self.unit.findData(current)
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)
        self.summary.setText(
            self.tr(
                "ยืมอยู่ %1 รายการ (%2 ใบยืม) · เกินกำหนด %3 ใบ · พ้นกำหนดติดตามข้อ 211 "
                "โดยยังไม่ติดตาม %4 ใบ · รออนุมัติ %5 ใบ"
            )
            .replace("%1", str(s.items_out))
            .replace("%2", str(s.loans_out))
            .replace("%3", str(s.overdue_loans))
            .replace("%4", str(s.deadline_missed))
            .replace("%5", str(s.waiting_approval))
        )
        self.updated.setText(self.tr("ข้อมูล ณ %1").replace("%1", _when(s.at)))
        self._apply()

    def _apply(self) -> None:
        if self.situation is None:
            return
        rows = loan_situation.filter_rows(
            self.situation.rows,
            unit=self.unit.currentData(),
            text=self.search.text(),
            overdue_only=self.overdue.isChecked(),
        )
        self.model.set_rows(rows)

    def _save_pdf(self) -> None:
        default = f"loan-situation-{business_date(self.env.clock()).isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("บันทึก PDF"), default, "PDF (*.pdf)")
        if not path:
            return
        uow = self.env.uow

        def work() -> str:
            from desktop_app.services.tabular import write_bytes

            write_bytes(Path(path), loan_situation.loan_situation_pdf(uow))
            return path

        self.run(work, lambda p: self.say(self.tr("บันทึกแล้ว: %1").replace("%1", p)), False)


# ---------------------------------------------------------------- the head's summary


class SupervisionWindow(LoanWindow):
    """The agency head's summary at login: each entry opens the thing itself."""

    SECTIONS = (
        (supervision.PENDING, "คำขอยืมรอการอนุมัติ"),
        (supervision.PAST_211, "พ้นกำหนดติดตามทวงคืนตามข้อ 211 โดยยังไม่ติดตาม"),
        (supervision.UNSETTLED, "ชำรุดหรือสูญหาย ยังไม่ชดใช้"),
        (supervision.MISUSE, "เรื่องแจ้งเบาะแสใกล้หรือเกินกำหนดตอบสนอง"),
    )

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "supervision")
        self.setWindowTitle(self.tr("สรุปสำหรับผู้บังคับบัญชา"))
        self.lists: dict[str, QListWidget] = {}
        self.headings: dict[str, QLabel] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("สิ่งที่ต้องกำกับดูแลวันนี้"), objectName="heading"))
        layout.addWidget(self.message)
        for kind, title in self.SECTIONS:
            heading = QLabel(title, objectName=f"heading_{kind}")
            heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
            lst = QListWidget(objectName=f"list_{kind}")
            lst.setMaximumHeight(120)
            lst.itemActivated.connect(self._open)
            self.lists[kind], self.headings[kind] = lst, heading
            layout.addWidget(heading)
            layout.addWidget(lst)
        self.summary: supervision.SupervisionSummary | None = None
        self.opened: QWidget | None = None
        self.setCentralWidget(body)
        uow = env.uow
        self.reloader = Reloader(
            self.ops, lambda: supervision.supervision_summary(uow, actor), self._loaded, self.fail
        )
        self.reloader.request()
        self.resize(720, 680)

    def _loaded(self, s: supervision.SupervisionSummary) -> None:
        self.summary = s
        for kind, title in self.SECTIONS:
            entries = s.of(kind)
            self.headings[kind].setText(f"{title} ({len(entries)})")
            lst = self.lists[kind]
            lst.clear()
            for e in entries:
                when = f" — {be_date(e.day)}" if e.day else ""
                item = QListWidgetItem(f"{e.title}: {e.detail}{when}")
                item.setData(Qt.ItemDataRole.UserRole, (e.kind, e.key))
                lst.addItem(item)
            if not entries:
                lst.addItem(QListWidgetItem(self.tr("ไม่มี")))

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, key = data
        if kind == supervision.MISUSE:
            window = open_misuse_cases(self.env, self.actor)
            window.select_case(key)
            self.opened = window
        else:
            from desktop_app.ui.loan_inbox import open_loan_inbox

            inbox = open_loan_inbox(self.env, self.actor)
            inbox.open_loan(key)
            self.opened = inbox


# ---------------------------------------------------------------- the custodian


class CustodianWindow(LoanWindow):
    """The month's custodian report: figures, the checks done, submit (supply officer) and
    sign-off (a head), each recorded with who and when."""

    def __init__(self, env: UiEnv, actor: Actor) -> None:
        super().__init__(env, actor, "custodian")
        self.setWindowTitle(self.tr("รายงานผู้ดูแลพัสดุประจำเดือน"))
        today = business_date(env.clock())
        self.year = QSpinBox(objectName="custodianYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(today.year)
        self.month = QSpinBox(objectName="custodianMonth")
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.state = QLabel(objectName="custodianState")
        self.state.setWordWrap(True)
        self.checks = QPlainTextEdit(objectName="custodianChecks")
        self.checks.setPlaceholderText(
            self.tr("ผลการตรวจสอบที่ได้ดำเนินการในเดือนนี้ เช่น ตรวจนับ ติดตามทวงคืน")
        )
        self.sign_note = QLineEdit(objectName="custodianSignNote")
        self.sign_note.setPlaceholderText(self.tr("ความเห็นผู้บังคับบัญชา (ถ้ามี)"))
        self.submit = QPushButton(self.tr("ส่งรายงาน"), objectName="custodianSubmit")
        self.sign = QPushButton(self.tr("ลงนามรับรอง"), objectName="custodianSign")
        self.pdf = QPushButton(self.tr("บันทึก PDF…"), objectName="custodianPdf")
        self.submit.clicked.connect(self._submit)
        self.sign.clicked.connect(self._sign)
        self.pdf.clicked.connect(self._save_pdf)
        self._month_key = (today.year, today.month)  # read by the loader off the UI thread
        for box in (self.year, self.month):
            box.valueChanged.connect(lambda *_: self._month_changed())
        self.view: custodian.CustodianView | None = None
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("เดือน (ค.ศ.)")))
        pick.addWidget(self.year)
        pick.addWidget(self.month)
        pick.addStretch(1)
        pick.addWidget(self.pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_note, 1)
        buttons.addWidget(self.sign)
        buttons.addWidget(self.submit)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("รายงานผู้ดูแลพัสดุต่อผู้บังคับบัญชา"), objectName="heading"))
        layout.addWidget(self.message)
        layout.addLayout(pick)
        layout.addWidget(self.state)
        layout.addWidget(self.checks, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(body)
        uow = env.uow
        self.reloader = Reloader(
            self.ops,
            lambda: custodian.custodian_report(uow, *self._month_key),
            self._loaded,
            self.fail,
        )
        self.reloader.request()
        self.resize(760, 560)

    def _month_changed(self) -> None:
        self._month_key = (self.year.value(), self.month.value())
        self.checks.clear()
        if self.reloader is not None:
            self.reloader.request()

    def _loaded(self, v: custodian.CustodianView) -> None:
        if (v.year, v.month) != self._month_key:
            return  # an answer for the month shown before
        self.view = v
        f = v.figures
        figures = (
            self.tr("ยืม %1 ครั้ง %2 รายการ ชำรุด %3 สูญหาย %4 ยังไม่คืน %5")
            .replace("%1", str(f.get("loans", 0)))
            .replace("%2", str(f.get("assets", 0)))
            .replace("%3", str(f.get("damaged", 0)))
            .replace("%4", str(f.get("lost", 0)))
            .replace("%5", str(f.get("not_returned", 0)))
        )
        states = {
            "draft": self.tr("ยังไม่ส่ง"),
            "submitted": self.tr("ส่งแล้ว รอลงนาม"),
            "signed": self.tr("ลงนามรับรองแล้ว"),
        }
        lines = [f"<b>{v.label}</b>: {states[v.status]} · {figures}"]
        if v.prepared_at:
            lines.append(
                self.tr("ผู้รายงาน %1 เมื่อ %2")
                .replace("%1", v.prepared_by_name or "")
                .replace("%2", _when(v.prepared_at))
            )
        if v.signed_at:
            lines.append(
                self.tr("ลงนามรับรองโดย %1 เมื่อ %2")
                .replace("%1", v.signed_by_name or "")
                .replace("%2", _when(v.signed_at))
            )
        self.state.setText("<br>".join(lines))
        if v.checks and not self.checks.toPlainText():
            self.checks.setPlainText(v.checks)
        self.update_buttons()

    def update_buttons(self) -> None:
        v = self.view
        role = self.actor.role
        can_submit = role in PERMISSIONS["custodian.submit"]
        can_sign = role in PERMISSIONS["custodian.signoff"]
        self.submit.setVisible(can_submit)
        self.sign.setVisible(can_sign)
        self.sign_note.setVisible(can_sign)
        idle = not self.busy and v is not None
        self.submit.setEnabled(idle and v is not None and v.status != "signed")
        self.sign.setEnabled(idle and v is not None and v.status == "submitted")

    def _submit(self) -> None:
        uow, actor, y, m, text = (
            self.env.uow,
            self.actor,
            self.year.value(),
            self.month.value(),
            self.checks.toPlainText(),
        )
        self.run(
            lambda: custodian.submit_custodian_report(uow, actor, y, m, text),
            lambda v: self.say(self.tr("ส่งรายงานเดือน%1แล้ว").replace("%1", v.label)),
        )

    def _sign(self) -> None:
        uow, actor, y, m, note = (
            self.env.uow,
            self.actor,
            self.year.value(),
            self.month.value(),
            self.sign_note.text(),
        )
        self.run(
            lambda: custodian.sign_off_custodian_report(uow, actor, y, m, note),
            lambda v: self.say(self.tr("ลงนามรับรองรายงานเดือน%1แล้ว").replace("%1", v.label)),
        )

    def _save_pdf(self) -> None:
        y, m = self.year.value(), self.month.value()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("บันทึก PDF"), f"custodian-{y}-{m:02d}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        uow = self.env.uow

        def work() -> str:
            from desktop_app.services.tabular import write_bytes

            write_bytes(Path(path), custodian.custodian_report_pdf(uow, y, m))
            return path

        self.run(work, lambda p: self.say(self.tr("บันทึกแล้ว: %1").replace("%1", p)), False)


# ---------------------------------------------------------------- openers


def _show(env: UiEnv, window: QWidget) -> Any:
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    env.keep(window).show()
    return window


def open_misuse_cases(env: UiEnv, actor: Actor) -> MisuseCasesWindow:
    return _show(env, MisuseCasesWindow(env, actor))  # type: ignore[no-any-return]


def open_loan_situation(env: UiEnv, actor: Actor) -> LoanSituationWindow:
    return _show(env, LoanSituationWindow(env, actor))  # type: ignore[no-any-return]


def open_supervision(env: UiEnv, actor: Actor) -> SupervisionWindow:
    return _show(env, SupervisionWindow(env, actor))  # type: ignore[no-any-return]


def open_custodian(env: UiEnv, actor: Actor) -> CustodianWindow:
    return _show(env, CustodianWindow(env, actor))  # type: ignore[no-any-return]


def open_rules_window(env: UiEnv, actor: Actor) -> RulesWindow:
    return _show(env, RulesWindow(env, actor))  # type: ignore[no-any-return]


def open_rules_for(env: UiEnv, actor: Actor, parent: QWidget) -> None:
    """The launcher's guideline button: the heads' window for those who publish, the
    guideline itself (with its acknowledgement if pending) for everyone else."""
    if actor.role in PERMISSIONS["rules.publish"]:
        open_rules_window(env, actor)
    else:
        parent._rules_ops = open_rules(env, actor, parent)  # type: ignore[attr-defined]


def open_misuse_report(env: UiEnv, actor: Actor, parent: QWidget | None = None) -> bool:
    return env.dialogs.run(MisuseReportDialog(env, actor, parent))


def open_track(env: UiEnv, parent: QWidget | None = None) -> bool:
    return env.dialogs.run(TrackDialog(env, parent))


def open_rules(env: UiEnv, actor: Actor, parent: QWidget | None = None) -> Operations:
    """The current guideline from the menu: with the acknowledgement if it is pending."""
    ops = Operations(parent)
    uow = env.uow

    def show(found: tuple[rules.RulesDocument | None, bool]) -> None:
        doc, pending = found
        if doc is None:
            env.dialogs.inform(parent, "ยังไม่มีการประกาศแนวทางการยืมพัสดุ")
            return
        env.dialogs.run(RulesDialog(env, actor, doc, pending, parent))

    def load() -> tuple[rules.RulesDocument | None, bool]:
        pending = rules.pending_rules(uow, actor)
        return (pending, True) if pending is not None else (rules.current_rules(uow), False)

    ops.run(load, show, lambda e: env.dialogs.warn(parent, error_text(e)))
    return ops


# ---------------------------------------------------------------- the launcher's buttons


def launcher_buttons(env: UiEnv, actor: Actor, parent: QWidget) -> list[tuple[str, bool, Any]]:
    """(object name, offered, slot) for the launcher: the same pattern as its own buttons."""
    role = actor.role
    return [
        ("openRules", True, lambda: open_rules_for(env, actor, parent)),
        ("openLoanSituation", True, lambda: open_loan_situation(env, actor)),
        ("openMisuseReport", True, lambda: open_misuse_report(env, actor, parent)),
        ("openMisuseTrack", True, lambda: open_track(env, parent)),
        ("openMisuseCases", may_handle_cases(role), lambda: open_misuse_cases(env, actor)),
        (
            "openSupervision",
            role in (Role.AGENCY_HEAD, Role.ADMIN),
            lambda: open_supervision(env, actor),
        ),
        (
            "openCustodian",
            role in PERMISSIONS["custodian.submit"] | PERMISSIONS["custodian.signoff"],
            lambda: open_custodian(env, actor),
        ),
    ]


def launcher_labels() -> dict[str, str]:
    return {
        "openRules": QCoreApplication.translate("IntegrityLauncher", "แนวทางการยืมพัสดุ"),
        "openLoanSituation": QCoreApplication.translate("IntegrityLauncher", "สถานการณ์การยืมพัสดุ"),
        "openMisuseReport": QCoreApplication.translate(
            "IntegrityLauncher", "แจ้งเบาะแสการใช้พัสดุไม่ถูกต้อง"
        ),
        "openMisuseTrack": QCoreApplication.translate("IntegrityLauncher", "ติดตามเรื่องที่แจ้ง"),
        "openMisuseCases": QCoreApplication.translate(
            "IntegrityLauncher", "เรื่องแจ้งเบาะแส (ผู้รับผิดชอบ)"
        ),
        "openSupervision": QCoreApplication.translate("IntegrityLauncher", "สรุปสำหรับผู้บังคับบัญชา"),
        "openCustodian": QCoreApplication.translate("IntegrityLauncher", "รายงานผู้ดูแลพัสดุประจำเดือน"),
    }


# ---------------------------------------------------------------- the statistics window


def ita_button(window: Any) -> QPushButton:
    """The statistics window's "ITA evidence pack" button: the pack of the fiscal year the
    shown period ends in, into a folder the user picks (``window.choose_folder`` if the
    window has one, for tests), with the window's progress bar and banner. Shown only to the
    roles that may make the pack."""
    from PySide6.QtCore import QCoreApplication

    b = QPushButton(objectName="export_ita")
    b.setText(QCoreApplication.translate("IntegrityLauncher", "ชุดหลักฐาน ITA…"))
    b.setVisible(window.actor.role in PERMISSIONS["report.ita"])
    b.clicked.connect(lambda: export_ita(window))
    return b


def export_ita(window: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop_app.domain.fiscal import fiscal_year
    from desktop_app.services.ita import build_ita_pack

    if window.exporting:
        return
    end = window.loaded.end if window.loaded is not None else business_date(window.env.clock())
    fy = fiscal_year(end)
    chooser = getattr(window, "choose_folder", None)
    if chooser is not None:
        folder = chooser(fy)
    else:
        folder = QFileDialog.getExistingDirectory(window, f"ITA {fy}") or None
    if not folder:
        return
    out = Path(folder) / f"ita-{fy}"
    uow, actor, relay = window.env.uow, window.actor, window._relay

    def progress(done: int, total: int) -> None:
        relay.progressed.emit(done, total)  # queued to the UI thread

    def done(pack: Any) -> None:
        window._set_exporting(False)
        window.last_ita = pack
        window.message.show_message(
            QCoreApplication.translate("IntegrityLauncher", "บันทึกชุดหลักฐาน ITA ปีงบประมาณ %1 แล้ว: %2")
            .replace("%1", str(fy))
            .replace("%2", pack.dir),
            "info",
            10,
        )

    window._set_exporting(True)
    window.ops.run(
        lambda: build_ita_pack(uow, actor, fy, out, progress), done, window._export_failed
    )


# ---------------------------------------------------------------- the settings window


def settings_group() -> tuple[QWidget, dict[str, QLineEdit | QComboBox]]:
    """The office page's group for the integrity settings: saved with the page's other
    fields (one transaction, each change audited)."""
    from PySide6.QtWidgets import QGroupBox

    group = QGroupBox(objectName="integrityGroup")
    group.setTitle(
        QCoreApplication.translate("IntegrityLauncher", "ความโปร่งใส (แนวทางการยืม เรื่องแจ้งเบาะแส)")
    )
    required = QComboBox(objectName="rulesRequiredForLoans")
    required.addItem(QCoreApplication.translate("IntegrityLauncher", "ไม่บังคับ"), "off")
    required.addItem(
        QCoreApplication.translate("IntegrityLauncher", "ต้องรับทราบแนวทางก่อนขอยืม"), "on"
    )
    days = QLineEdit(objectName="misuseResponseDays")
    handlers = QLineEdit(objectName="misuseHandlers")
    handlers.setPlaceholderText("legal1, deputy")
    fields: dict[str, QLineEdit | QComboBox] = {
        "rules.required_for_loans": required,
        "misuse.response_days": days,
        "misuse.handlers": handlers,
    }
    form = QFormLayout(group)
    form.addRow(QCoreApplication.translate("IntegrityLauncher", "การขอยืมพัสดุ"), required)
    form.addRow(
        QCoreApplication.translate("IntegrityLauncher", "กำหนดตอบสนองเรื่องแจ้งเบาะแส (วัน)"), days
    )
    form.addRow(
        QCoreApplication.translate("IntegrityLauncher", "ผู้รับผิดชอบเรื่องแจ้งเบาะแสเพิ่มเติม"), handlers
    )
    return group, fields
