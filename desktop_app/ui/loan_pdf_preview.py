"""Print preview for the loan documents (loan record, return record, follow-up letter,
register, asset-use report, asset labels): the PDF made by services.documents off the UI
thread, shown in a QPdfView (loaded from memory through a QBuffer), with Print (Ctrl+P:
QPrintDialog through env.dialogs, then the pages rendered and painted onto the QPrinter on
a worker thread, page by page with a progress bar, so that a register of hundreds of pages
never freezes the window) and Save as PDF (Ctrl+S, written atomically off the UI thread).
The bytes saved are the bytes shown: the signed paper and the file agree."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DeviceError
from desktop_app.services.tabular import write_bytes
from desktop_app.ui.env import UiEnv
from desktop_app.ui.messages import error_text
from desktop_app.ui.operations import Operations
from desktop_app.ui.widgets import Banner

PRINT_DPI = 200  # pages are rendered at this resolution onto the printer


class _PrintRelay(QObject):
    """Pages printed, from the worker, delivered on the UI thread (a queued signal)."""

    progressed = Signal(int, int)


STRIPS = 8  # a page is drawn in strips: each drawImage holds the GIL only briefly


def _on_white(image: QImage) -> QImage:
    """The rendered page (transparent where nothing is drawn) on white, opaque: cheaper
    for the printer's engine to take, and what paper looks like."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    p = QPainter(flat)
    p.drawImage(0, 0, image)
    p.end()
    return flat


def _draw_in_strips(painter: QPainter, origin: QPointF, scale: float, image: QImage) -> None:
    """``image`` scaled by ``scale`` at ``origin``, drawn as STRIPS horizontal bands, each
    one source row taller than its share so that no hairline shows between bands. (One
    drawImage of a whole page holds Python's lock ~0.1 s: the window would stutter.)"""
    w, h = image.width(), image.height()
    band = -(-h // STRIPS)
    for top in range(0, h, band):
        rows = min(band + 1, h - top)
        target = QRectF(origin.x(), origin.y() + top * scale, w * scale, rows * scale)
        painter.drawImage(target, image, QRectF(0, top, w, rows))


def paint_pages(
    data: bytes,
    printer: QPrinter,
    progress: Callable[[int, int], None],
    stop: threading.Event,
) -> int:
    """On a worker thread: every page of the PDF ``data`` rendered at PRINT_DPI and drawn
    to fit the printer's printable area (Qt allows painting on a QPrinter outside the UI
    thread). The document is opened here, in this thread. Returns the pages painted: fewer
    than all when ``stop`` was set (the window closing)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = int(document.pageCount())
    if document.status() != QPdfDocument.Status.Ready or count == 0:
        raise DeviceError("อ่านเอกสารเพื่อพิมพ์ไม่ได้ (the document could not be read for printing)")
    painter = QPainter()
    if not painter.begin(printer):
        raise DeviceError(
            "เปิดเครื่องพิมพ์ไม่ได้ (the printer could not be opened)", reason="printer_open"
        )
    done = 0
    try:
        for page in range(count):
            if stop.is_set():
                break
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * PRINT_DPI / 72),
                         round(points.height() * PRINT_DPI / 72))  # fmt: skip
            image = _on_white(document.render(page, size))
            area = QRectF(painter.viewport())
            scale = min(area.width() / size.width(), area.height() / size.height())
            _draw_in_strips(painter, area.topLeft(), scale, image)
            done = page + 1
            progress(done, count)
    finally:
        painter.end()
        document.close()
    return done


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
        self.printing = False
        self._printer: QPrinter | None = None
        self._stop = threading.Event()
        self._relay = _PrintRelay(self)
        self._relay.progressed.connect(self._print_progress)
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
        self.progress = QProgressBar(objectName="pdfPrintProgress")
        self.progress.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.pages)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.progress)
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
        self.print_button.setEnabled(self.data is not None and not self.printing)
        self.save_button.setEnabled(self.data is not None)

    # ------------------------------------------------------------------ print
    def print_document(self) -> None:
        """The print dialog here; rendering and painting on a worker, the window free."""
        if self.data is None or self.printing:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if not self.env.dialogs.run(dialog):
            return
        self._printer = printer  # alive until the worker is done with it
        self._stop.clear()
        self.printing = True
        self.progress.setRange(0, self.page_count or 1)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._update_buttons()
        data, relay, stop = self.data, self._relay, self._stop

        def work() -> int:
            return paint_pages(data, printer, relay.progressed.emit, stop)

        self.ops.run(work, self._printed, self._print_failed)

    @Slot(int, int)
    def _print_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("กำลังพิมพ์หน้า %1 จาก %2").replace("%1", str(done))
                                .replace("%2", str(total)))  # fmt: skip

    def _print_over(self) -> None:
        self.printing = False
        self._printer = None
        self.progress.setVisible(False)
        self._update_buttons()

    def _printed(self, pages: int) -> None:
        self._print_over()
        self.printed_pages = pages
        self.message.show_message(self.tr("ส่งพิมพ์ %1 หน้าแล้ว").replace("%1", str(pages)), "info", 10)

    def _print_failed(self, error: Exception) -> None:
        self._print_over()
        self._failed(error)

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
            write_bytes(path, data)  # atomic; a folder that refuses is said in Thai
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
        self._stop.set()  # a print under way stops after its page
        self.ops.wait(10000)
        super().closeEvent(event)


def open_preview(
    env: UiEnv, title: str, file_name: str, make: Callable[[], bytes], parent: QWidget | None
) -> PdfPreview:
    preview = PdfPreview(env, title, file_name, make, parent)
    env.keep(preview)
    preview.show()
    return preview
