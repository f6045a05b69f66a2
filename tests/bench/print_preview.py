"""Printing a long document from the print preview (ui.loan_pdf_preview): how long the
window stops answering.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.bench --only print_preview

A register of PAGES A4 pages (reportlab, full of text) is printed to a PDF QPrinter with
``paint_pages`` — the rendering at PRINT_DPI and the painting — on a worker thread, as the
preview does, while a 10 ms timer runs on the UI thread. Reported (median and p90 of the
rounds): the UI stall, the longest gap between two ticks of that timer; and the print's
duration. Baseline, in the same run: the same ``paint_pages`` called on the UI thread,
which is what the Print button's slot did before — the stall is then the whole print.
"""

from __future__ import annotations

import io
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop_app.ui.loan_pdf_preview import paint_pages
from tests.bench.harness import Figure

PAGES = 30


def _register(pages: int) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4)
    for page in range(pages):
        c.setFont("Helvetica", 11)
        for y in range(60, 790, 14):
            c.drawString(40, y, f"{page + 1:03d}-{y:03d}  7440-001-{y:04d}/2566  " + "." * 60)
        c.rect(36, 50, 523, 750)
        c.showPage()
    c.save()
    return out.getvalue()


def _printer(path: Path) -> QPrinter:
    p = QPrinter(QPrinter.PrinterMode.HighResolution)
    p.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    p.setOutputFileName(str(path))
    return p


def _one(app: QApplication, data: bytes, path: Path, worker: bool) -> tuple[float, float]:
    """(longest UI stall, print duration), milliseconds."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    printer, stop = _printer(path), threading.Event()
    app.processEvents()
    last[0] = start = time.perf_counter()
    if worker:
        done = threading.Event()

        def work() -> None:
            try:
                paint_pages(data, printer, lambda _d, _t: None, stop)
            finally:
                done.set()

        thread = threading.Thread(target=work)
        thread.start()
        while not done.is_set():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)
        thread.join()
    else:
        paint_pages(data, printer, lambda _d, _t: None, stop)
    took = time.perf_counter() - start
    app.processEvents()
    tick()
    timer.stop()
    return max(gaps) * 1000, took * 1000


def benchmarks(smoke: bool) -> Iterator[Figure]:
    rounds, pages = (1, 2) if smoke else (5, PAGES)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    data = _register(pages)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "printed.pdf"
        before = [_one(app, data, out, worker=False) for _ in range(rounds)]
        after = [_one(app, data, out, worker=True) for _ in range(rounds)]
    base_stall = Figure(f"print {pages} pages on the UI thread (before): UI stall", "ms",
                        tuple(b[0] for b in before))  # fmt: skip
    base_time = Figure(f"print {pages} pages on the UI thread (before): duration", "ms",
                       tuple(b[1] for b in before))  # fmt: skip
    yield Figure(
        f"print {pages} pages from the preview (worker): UI stall",
        "ms",
        tuple(a[0] for a in after),
        baseline=base_stall,
        note="longest gap of a 10 ms UI timer while the pages are rendered and painted",
    )
    yield Figure(
        f"print {pages} pages from the preview (worker): duration",
        "ms",
        tuple(a[1] for a in after),
        baseline=base_time,
    )


if __name__ == "__main__":
    from tests.bench.__main__ import main as run_all

    raise SystemExit(run_all(["--only", "print_preview"]))
