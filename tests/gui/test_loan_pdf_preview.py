"""The print preview of the loan documents: a real PDF loaded from memory into QPdfView,
Save as PDF writes the very bytes shown, and Print goes through QPrintDialog (answered
like any dialog) and paints every page onto the QPrinter — here a PDF file we read back.
With services.documents present, the desk's buttons open the real documents."""

from __future__ import annotations

import importlib.util
import io
import shutil

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop_app.services import loans
from desktop_app.ui.loan_desk import TO_HAND_OVER, LoanDeskWindow
from desktop_app.ui.loan_pdf_preview import PdfPreview
from tests.gui.conftest import WAIT_MS, button
from tests.support.db import actor
from tests.support.loans import request

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton
HAS_DOCUMENTS = importlib.util.find_spec("desktop_app.services.documents") is not None


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = tmp_path / "pdf.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def two_pages() -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4)
    for n in (1, 2):
        c.setFont("Helvetica", 28)
        c.drawString(72, 760, f"KhetDesk test page {n}")
        c.rect(72, 72, 451, 600)
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot, env):
    data = two_pages()
    window = PdfPreview(env, "ทดสอบ", "test.pdf", lambda: data)
    qtbot.addWidget(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=WAIT_MS)
    return window


def test_preview_shows_the_pages(preview):
    assert preview.page_count == 2
    assert preview.pages.text() == "2 หน้า"
    assert preview.windowTitle() == "ตัวอย่างก่อนพิมพ์ — ทดสอบ"
    assert button(preview, "pdfPrint").isEnabled() and button(preview, "pdfSave").isEnabled()


def test_save_as_pdf_writes_the_bytes_shown(qtbot, preview, dialogs, tmp_path):
    target = tmp_path / "saved.pdf"

    def save(dialog):
        assert dialog.objectName() == "saveDialog"
        dialog.selectFile(str(target))
        dialog.accept()

    dialogs.answer(save)
    qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: preview.saved_to is not None, timeout=WAIT_MS)
    assert target.read_bytes() == preview.data
    assert str(target) in preview.message.text()


def test_print_paints_every_page_on_the_printer(qtbot, preview, dialogs, tmp_path):
    target = tmp_path / "printed.pdf"

    def print_to_file(dialog):
        assert dialog.objectName() == "printDialog"
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.done(1)  # accept without the dialog reading back its (empty) widgets

    dialogs.answer(print_to_file)
    steps = []
    preview.progress.valueChanged.connect(steps.append)
    qtbot.mouseClick(button(preview, "pdfPrint"), LEFT)
    # The click returns at once: the pages are rendered and painted on a worker, the
    # window shows the progress and cannot start a second print meanwhile.
    assert preview.printing and preview.printed_pages == 0
    assert preview.progress.isVisible() and not button(preview, "pdfPrint").isEnabled()
    qtbot.waitUntil(lambda: preview.printed_pages == 2, timeout=WAIT_MS)
    assert not preview.printing and not preview.progress.isVisible()
    assert button(preview, "pdfPrint").isEnabled()
    assert steps[-2:] == [1, 2]
    assert preview.message.text() == "ส่งพิมพ์ 2 หน้าแล้ว"
    reader = PdfReader(str(target))
    assert len(reader.pages) == 2
    w, h = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert abs(w - 595) < 2 and abs(h - 842) < 2  # A4
    # What was painted is the page: white paper, the frame drawn in black (the page is put
    # on white before it is painted, never on black).
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    printed = QPdfDocument()
    printed.load(str(target))
    page = printed.render(0, QSize(595, 842))
    assert page.pixelColor(297, 421).lightness() > 250  # inside the frame: blank
    frame = [page.pixelColor(x, 842 - 372).lightness() for x in range(60, 90)]
    assert min(frame) < 128  # the frame's left edge, x = 72 pt
    printed.close()


def test_a_printer_that_cannot_be_opened_says_so(qtbot, preview, dialogs, tmp_path):
    def print_nowhere(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))
        dialog.done(1)

    dialogs.answer(print_nowhere)
    qtbot.mouseClick(button(preview, "pdfPrint"), LEFT)
    qtbot.waitUntil(lambda: preview.message.kind == "error", timeout=WAIT_MS)
    assert preview.message.text() == "เปิดเครื่องพิมพ์ไม่ได้ (the printer could not be opened)"
    assert preview.printed_pages == 0 and button(preview, "pdfPrint").isEnabled()


def test_save_into_a_folder_that_refuses_says_so_in_thai(qtbot, preview, dialogs, tmp_path):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    target = locked / "saved.pdf"
    if os.access(locked, os.W_OK):  # root writes anywhere: a folder takes the name
        target = tmp_path / "taken.pdf"
        target.mkdir()

    def save(dialog):
        dialog.selectFile(str(target))
        dialog.done(1)  # accepted as typed (accept() would open the folder instead)

    dialogs.answer(save)
    try:
        qtbot.keyClick(preview, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: preview.message.kind == "error", timeout=WAIT_MS)
    finally:
        locked.chmod(0o700)
    text = preview.message.text()
    assert text.startswith("เขียนไฟล์ ") and "ไม่ได้ (cannot write the file" in text, text
    assert "PermissionError" not in text and "ข้อผิดพลาดภายใน" not in text
    assert preview.saved_to is None and not target.is_file()
    assert not list(tmp_path.rglob("*.part"))  # nothing half-written left behind


def test_cancelling_the_print_dialog_prints_nothing(qtbot, preview, dialogs):
    dialogs.answer(lambda d: d.reject())
    qtbot.mouseClick(button(preview, "pdfPrint"), LEFT)
    assert preview.printed_pages == 0


def test_a_failing_document_says_why(qtbot, env):
    from desktop_app.domain.errors import NotFound

    def broken() -> bytes:
        raise NotFound("ไม่พบใบยืมเลขที่ X (no such loan)")

    window = PdfPreview(env, "X", "x.pdf", broken)
    qtbot.addWidget(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.show()
    qtbot.waitUntil(lambda: window.message.kind == "error", timeout=WAIT_MS)
    assert window.message.text() == "ไม่พบใบยืมเลขที่ X (no such loan)"
    assert not button(window, "pdfPrint").isEnabled()


@pytest.mark.skipif(not HAS_DOCUMENTS, reason="services.documents is not installed")
def test_the_desk_previews_the_real_loan_record(qtbot, env, dialogs):
    staff, director = actor(env.uow, "staff1"), actor(env.uow, "director")
    v = request(env.uow, staff)
    loans.approve_loan(env.uow, director, v.loan_no)
    desk = LoanDeskWindow(env, actor(env.uow, "supply"))
    qtbot.addWidget(desk)
    env.windows.append(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.models[TO_HAND_OVER].rowCount() == 1, timeout=WAIT_MS)
    qtbot.keyClick(desk, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(desk.previews) and desk.previews[-1].ready, timeout=WAIT_MS)
    shown = desk.previews[-1]
    assert shown.data is not None and shown.data.startswith(b"%PDF")
    assert v.loan_no in "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown.data)).pages)


@pytest.mark.skipif(not HAS_DOCUMENTS, reason="services.documents is not installed")
def test_every_document_button_opens_its_pdf(qtbot, env, dialogs, clock):
    from desktop_app.ui.asset_register import AssetRegisterWindow
    from desktop_app.ui.loan_desk import OVERDUE, TO_SETTLE
    from tests.support.loans import LAPTOP, LAPTOP2

    staff, director, supply = (actor(env.uow, u) for u in ("staff1", "director", "supply"))
    late = request(env.uow, staff)
    back = request(env.uow, staff, items=[LAPTOP2])
    for v in (late, back):
        loans.approve_loan(env.uow, director, v.loan_no)
        loans.hand_over(env.uow, supply, v.loan_no)
    loans.return_items(env.uow, supply, back.loan_no, [f"{LAPTOP2}:damaged"])
    clock.advance(days=14)
    desk = LoanDeskWindow(env, supply)
    qtbot.addWidget(desk)
    env.windows.append(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.overdue.rowCount() == 1, timeout=WAIT_MS)

    def opened(click) -> PdfPreview:
        n = len(desk.previews)
        click()
        qtbot.waitUntil(lambda: len(desk.previews) > n and desk.previews[-1].ready,
                        timeout=WAIT_MS)  # fmt: skip
        return desk.previews[-1]

    def text(p: PdfPreview) -> str:
        """The PDF's text; then the preview is closed, as the officer would."""
        found = "".join(page.extract_text() for page in PdfReader(io.BytesIO(p.data)).pages)
        p.close()
        desk.activateWindow()
        return found

    desk.tabs.setCurrentIndex(TO_SETTLE)
    p = opened(lambda: qtbot.mouseClick(button(desk, "printReturn"), LEFT))
    assert p.file_name.startswith("return-") and back.loan_no in text(p)
    desk.tabs.setCurrentIndex(OVERDUE)
    p = opened(lambda: qtbot.mouseClick(button(desk, "printLetter"), LEFT))
    assert p.file_name.startswith("followup-") and late.loan_no in text(p)
    desk.date_from.set_day(late.start)
    p = opened(lambda: qtbot.mouseClick(button(desk, "printRegister"), LEFT))
    found = "".join(text(p).split())  # a narrow column may wrap a loan number
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")  # the register may write Thai digits
    for loan_no in (late.loan_no, back.loan_no):
        assert loan_no in found or loan_no.translate(thai) in found
    p = opened(lambda: qtbot.mouseClick(button(desk, "printUseReport"), LEFT))
    found = "".join(text(p).split())
    assert late.loan_no in found or late.loan_no.translate(thai) in found
    register = AssetRegisterWindow(env, supply)
    qtbot.addWidget(register)
    env.windows.append(register)
    register.show()
    qtbot.waitUntil(lambda: register.loaded, timeout=WAIT_MS)
    register.scan.setText(LAPTOP[:8])  # 7440-001: the two laptops
    qtbot.waitUntil(lambda: register.model.rowCount() == 2, timeout=WAIT_MS)
    qtbot.mouseClick(button(register, "assetLabels"), LEFT)
    qtbot.waitUntil(lambda: getattr(register, "labels_preview", None) is not None
                    and register.labels_preview.ready, timeout=WAIT_MS)  # fmt: skip
    labels = text(register.labels_preview)
    assert LAPTOP in labels and LAPTOP2 in labels
