"""Print preview for the loan documents (loan record, return record, follow-up letter,
register, asset-use report, asset labels): the PDF made by services.documents off the UI
thread, shown in a QPdfView (loaded from memory through a QBuffer), with Print (Ctrl+P:
QPrintDialog through env.dialogs, the pages rendered onto the QPrinter) and Save as PDF
(Ctrl+S). The bytes saved are the bytes shown: the signed paper and the file agree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.env import UiEnv
from desktop_app.ui.loan_widgets import error_text
from desktop_app.ui.operations import Operations
from desktop_app.ui.widgets import Banner

PRINT_DPI = 200  # pages are rendered at this resolution onto the printer


class PdfPreview(QDialog):
    """Non-modal: the officer can keep the desk open beside it. ``make`` runs on a worker
    thread and returns the PDF bytes."""

    def __init__(
        self,
        env: UiEnv,
        title: str,
        file_name: str,
        make: Callable[[], bytes],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window)
        self.env, self.title, self.file_name = env, title, file_name
        self.ops = Operations(self)
        self.data: bytes | None = None
        self.saved_to: Path | None = None
        self.printed_pages = 0
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.heading = QLabel(objectName="pdfHeading")
        self.pages = QLabel(objectName="pdfPages")
        self.print_button = QPushButton(objectName="pdfPrint")
        self.save_button = QPushButton(objectName="pdfSave")
        self.close_button = QPushButton(objectName="pdfClose")
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_button.click)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_button.click)
        self.message = Banner("pdfMessage")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.pages)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.print_button, self.save_button, self.close_button):
            b.setMinimumHeight(40)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setStyleSheet(
            "QWidget { font-size: 15px; } #pdfHeading { font-size: 18px; font-weight: bold; }"
            'QLabel[kind="error"] { color: white; background: #b91c1c; }'
            'QLabel[kind="info"] { color: #14532d; background: #dcfce7; }'
        )
        self.resize(900, 1000)
        self.retranslate()
        self._update_buttons()
        self.ops.run(make, self.show_pdf, self._failed)

    # ------------------------------------------------------------------ loading
    def show_pdf(self, data: bytes) -> None:
        self.data = bytes(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.retranslate()
        self._update_buttons()

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.page_count > 0

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _failed(self, error: Exception) -> None:
        self.message.show_message(error_text(error), "error", 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(self.data is not None)
        self.save_button.setEnabled(self.data is not None)

    # ------------------------------------------------------------------ print
    def print_document(self) -> None:
        if self.data is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if not self.env.dialogs.run(dialog):
            return
        self.printed_pages = self._paint(printer)
        self.message.show_message(
            self.tr("ส่งพิมพ์ %1 หน้าแล้ว").replace("%1", str(self.printed_pages)), "info", 10
        )

    def _paint(self, printer: QPrinter) -> int:
        """Each page rendered at PRINT_DPI and drawn to fit the printable area."""
        painter = QPainter()
        if not painter.begin(printer):
            self.message.show_message(self.tr("เปิดเครื่องพิมพ์ไม่ได้"), "error", 0)
            return 0
        try:
            for page in range(self.page_count):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * PRINT_DPI / 72),
                             round(points.height() * PRINT_DPI / 72))  # fmt: skip
                image = self.document.render(page, size)
                area = QRectF(painter.viewport())
                scale = min(area.width() / size.width(), area.height() / size.height())
                w, h = size.width() * scale, size.height() * scale
                painter.drawImage(QRectF(area.x(), area.y(), w, h), image)
        finally:
            painter.end()
        return self.page_count

    # ------------------------------------------------------------------ save
    def save_as(self) -> None:
        if self.data is None:
            return
        dialog = QFileDialog(self, self.tr("บันทึกเป็น PDF"), self.file_name, "PDF (*.pdf)")
        dialog.setObjectName("saveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix("pdf")
        if not self.env.dialogs.run(dialog) or not dialog.selectedFiles():
            return
        path = Path(dialog.selectedFiles()[0])
        data = self.data

        def write() -> Path:
            path.write_bytes(data)
            return path

        def done(p: Path) -> None:
            self.saved_to = p
            self.message.show_message(self.tr("บันทึกไฟล์ %1 แล้ว").replace("%1", str(p)), "info", 10)

        self.ops.run(write, done, self._failed)

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ตัวอย่างก่อนพิมพ์ — %1").replace("%1", self.title))
        self.heading.setText(self.title)
        self.pages.setText(
            self.tr("%1 หน้า").replace("%1", str(self.page_count))
            if self.data is not None
            else self.tr("กำลังสร้างเอกสาร…")
        )
        self.print_button.setText(self.tr("พิมพ์ (Ctrl+P)"))
        self.save_button.setText(self.tr("บันทึกเป็น PDF (Ctrl+S)"))
        self.close_button.setText(self.tr("ปิด"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.wait(10000)
        super().closeEvent(event)


def open_preview(
    env: UiEnv, title: str, file_name: str, make: Callable[[], bytes], parent: QWidget | None
) -> PdfPreview:
    preview = PdfPreview(env, title, file_name, make, parent)
    env.keep(preview)
    preview.show()
    return preview
