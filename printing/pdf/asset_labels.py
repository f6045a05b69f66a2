"""QR asset labels on A4 sheets of 3 × 8 (70 × 37.1 mm, the common 24-up sheet, cut to the
edge): each label the office, the asset number in bold, its name (two lines at most,
smaller type when long) and the unit holding it, beside a QR code of ``khetdesk://asset/NO``.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.pdf.base import (
    FONT,
    ThaiParagraph,
    draw_qr,
    register_fonts,
    styles,
)
from printing.pdf.content import AssetLabel, LabelSheet, asset_link
from printing.qr import qr_modules

COLUMNS, ROWS = 3, 8
PER_SHEET = COLUMNS * ROWS
LABEL_W = A4[0] / COLUMNS  # 70 mm
LABEL_H = A4[1] / ROWS  # 37.125 mm
PAD = 3.5 * mm  # printers do not print to the very edge of a label
QR_SIZE = 31 * mm  # with its quiet zone, which may reach into the padding


def _fit(text: str, style_name: str, width: float, lines: int, smallest: float) -> ThaiParagraph:
    """``text`` in at most ``lines`` lines, in smaller type (down to ``smallest``) when long,
    cut with an ellipsis when even that is too long."""
    base = styles()[style_name]
    size = base.fontSize
    while True:
        style = base.clone(f"{style_name}-{size}", fontSize=size, leading=size * 1.3)
        p = ThaiParagraph(text, style)
        _, h = p.wrap(width, 1000)
        if h <= lines * style.leading + 0.5:
            return p
        if size - 0.5 >= smallest:
            size -= 0.5
            continue
        while len(text) > 1:
            text = text[:-1].rstrip()
            p = ThaiParagraph(text + "…", style)
            _, h = p.wrap(width, 1000)
            if h <= lines * style.leading + 0.5:
                return p
        return p


def draw_label(canvas: Canvas, label: AssetLabel, agency: str, x: float, y: float) -> None:
    """One label with its bottom-left corner at (x, y)."""
    modules = qr_modules(label.qr or asset_link(label.asset_no))
    qr_y = y + (LABEL_H - QR_SIZE) / 2
    draw_qr(canvas, modules, x + PAD - 2 * mm, qr_y, QR_SIZE)
    left = x + PAD - 2 * mm + QR_SIZE + 1 * mm
    width = x + LABEL_W - PAD - left
    parts = [
        _fit(agency, "label_small", width, 1, 6.5),
        _fit(label.asset_no, "label", width, 1, 7),
        _fit(label.name, "label_name", width, 2, 7),
    ]
    if label.unit_holder:
        parts.append(_fit(label.unit_holder, "label_small", width, 1, 6.5))
    heights = [p.wrap(width, 1000)[1] for p in parts]
    top = y + (LABEL_H + sum(heights)) / 2  # the text block centred beside the QR
    for p, h in zip(parts, heights, strict=True):
        top -= h
        p.drawOn(canvas, left, top)


def render_label_sheet(doc: LabelSheet, outline: bool = False) -> bytes:
    """Sheets of 24 labels, left to right, top to bottom; ``outline`` draws the label edges
    in light grey (for plain paper)."""
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, pageCompression=1, initialFontName=FONT)
    canvas.setTitle("ป้ายหมายเลขครุภัณฑ์")
    canvas.setAuthor(doc.setup.agency)
    canvas.setCreator("KhetDesk")
    canvas.setProducer("KhetDesk (reportlab)")
    labels = doc.labels or ()
    for start in range(0, max(len(labels), 1), PER_SHEET):
        for i, label in enumerate(labels[start : start + PER_SHEET]):
            row, col = divmod(i, COLUMNS)
            x = col * LABEL_W
            y = A4[1] - (row + 1) * LABEL_H
            if outline:
                canvas.saveState()
                canvas.setStrokeGray(0.8)
                canvas.setLineWidth(0.3)
                canvas.rect(x, y, LABEL_W, LABEL_H, stroke=1, fill=0)
                canvas.restoreState()
            draw_label(canvas, label, doc.setup.agency, x, y)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
