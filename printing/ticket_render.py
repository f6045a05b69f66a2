"""Queue tickets drawn as a picture for thermal printers.

Cheap ESC/POS printers cannot be trusted with Thai as text (tone marks land in a column of
their own instead of over the consonant), so the ticket is drawn offscreen with QPainter (Qt
shapes Thai with HarfBuzz), thresholded to one bit per dot and sent as a raster.

Every text line gets a band as tall as its ink: Thai stacks such as ปั้ reach well above the
font's ascent, and nothing may be clipped or overlap the line above.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QTextLayout,
    QTextOption,
)

from printing.fonts import designed_line_metrics, ticket_font
from printing.qr import QUIET_ZONE, qr_modules
from printing.qt import require_gui_app
from printing.raster import MAX_RASTER_HEIGHT, Raster, from_gray

WIDTHS = (384, 512, 576)  # 58 mm, some Epson 80 mm models, 80 mm
BAD_HEIGHT_DIVISOR = 48  # some printers garble rasters whose height is a multiple of 48

LABELS: dict[str, dict[str, str]] = {
    "th": {
        "priority": "คิวพิเศษ · {label}",
        "ahead": "รอก่อนหน้า {n} คน",
        "next": "ถึงคิวถัดไป",
        "wait": "ประมาณ {m} นาที",
        "test": "หน้าทดสอบเครื่องพิมพ์",
    },
    "en": {
        "priority": "Priority · {label}",
        "ahead": "{n} ahead of you",
        "next": "You are next",
        "wait": "about {m} min",
        "test": "Printer test page",
    },
}


@dataclass(frozen=True)
class TicketContent:
    """What one ticket says. Plain text only: dates come formatted (Buddhist Era) and labels
    translated by the caller; the renderer knows no database and no settings."""

    office_name: str
    service_name: str
    code: str
    issued_at: str  # e.g. "24/11/2569 09:41", Bangkok time, Buddhist Era
    qr_content: str
    service_subtitle: str = ""  # the name in the other language, smaller
    priority_label: str = ""  # empty: not a priority ticket
    ahead: int | None = None  # None: no longer waiting (a reprint after the call)
    wait_minutes: int | None = None
    footer: str = ""
    language: str = "th"


@dataclass(frozen=True)
class TestPageContent:
    __test__ = False  # not a pytest test class
    title: str  # the office name
    lines: tuple[str, ...]  # connection, profile, width…
    printed_at: str
    qr_content: str
    language: str = "th"


@dataclass(frozen=True)
class _Sizes:
    margin: int
    gap: int
    office: int
    service: int
    subtitle: int
    code: int
    priority: int
    info: int
    footer: int
    qr_module: int

    @staticmethod
    def for_width(width: int) -> _Sizes:
        if width not in WIDTHS:
            raise ValueError(f"ความกว้างต้องเป็น {WIDTHS} จุด (width must be one of {WIDTHS})")
        narrow = width < 500
        return _Sizes(
            margin=8,
            gap=10 if narrow else 12,
            office=24 if narrow else 28,
            service=30 if narrow else 36,
            subtitle=20 if narrow else 22,
            code=112 if narrow else 150,
            priority=26 if narrow else 30,
            info=24 if narrow else 28,
            footer=20 if narrow else 24,
            qr_module=4,
        )


Draw = Callable[[QPainter], None]


@dataclass
class _Page:
    """Elements stacked top to bottom: each measured first, then drawn at its place."""

    width: int
    sizes: _Sizes
    y: int = 0
    ops: list[Draw] = field(default_factory=list)
    top: int = 0  # a band of a page: the page's rows above it are not this band's

    @property
    def inner(self) -> int:
        return self.width - 2 * self.sizes.margin

    def space(self, dots: int) -> None:
        self.y += dots

    def text(
        self,
        text: str,
        font: QFont,
        max_lines: int = 1,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
        left: int | None = None,
        width: int | None = None,
        inverted: bool = False,
    ) -> int:
        """Wrapped, centred (or left-aligned) text; returns the height used."""
        x0 = self.sizes.margin if left is None else left
        w = self.inner if width is None else width
        lines = _wrap(text, font, w, max_lines)
        if not lines:
            return 0
        fm = QFontMetricsF(font)
        inks = [_ink(font, line) for line in lines]
        above = max(math.ceil(fm.capHeight()), *(i.above for i in inks)) + 1
        descent, line_height = designed_line_metrics(font.pixelSize())
        below = max(math.ceil(descent * 0.6), *(i.below for i in inks)) + 1
        pitch = above + below + math.ceil(line_height * 0.08)
        height = pitch * (len(lines) - 1) + above + below
        y0 = self.y
        pad = 4 if inverted else 0

        def draw(p: QPainter) -> None:
            if inverted:
                p.fillRect(QRect(x0, y0, w, height + 2 * pad), QColor("black"))
            ink = QColor("white" if inverted else "black")
            for i, line in enumerate(lines):
                advance = fm.horizontalAdvance(line)
                if align == Qt.AlignmentFlag.AlignHCenter:
                    x = x0 + (w - advance) / 2
                else:
                    x = x0 + (pad * 2 if inverted else 0)
                _draw_text(p, QPointF(x, y0 + pad + above + i * pitch), font, line, ink)

        self.ops.append(draw)
        used = height + 2 * pad
        self.y += used
        return used

    def big_code(self, code: str, pixel_size: int) -> None:
        """The ticket number, as large as the paper allows, its band trimmed to its ink."""
        font = ticket_font(pixel_size, bold=True)
        fm = QFontMetricsF(font)
        while fm.horizontalAdvance(code) > self.inner and pixel_size > 24:
            pixel_size -= 4
            font = ticket_font(pixel_size, bold=True)
            fm = QFontMetricsF(font)
        ink = _ink(font, code)
        top, height = self.y, ink.above + ink.below + 2
        x = self.sizes.margin + (self.inner - (ink.right - ink.left)) / 2 - ink.left
        baseline = top + ink.above + 1

        def draw(p: QPainter) -> None:
            _draw_text(p, QPointF(x, baseline), font, code, QColor("black"))

        self.ops.append(draw)
        self.y += height

    def rule(self) -> None:
        y = self.y

        def draw(p: QPainter) -> None:
            p.fillRect(QRect(self.sizes.margin, y, self.inner, 2), QColor("black"))

        self.ops.append(draw)
        self.y += 2

    def qr_beside(self, content: str, left_lines: list[tuple[str, QFont]]) -> None:
        """The QR code on the right and short lines of text on its left, when both fit side
        by side; otherwise the lines first and the code centred under them."""
        modules = qr_modules(content)
        side = len(modules) + 2 * QUIET_ZONE
        module = self.sizes.qr_module
        while side * module > self.inner and module > 2:
            module -= 1
        if side * module > self.inner:
            raise ValueError(
                f"ข้อความใน QR ยาวเกินไปสำหรับกระดาษ {self.width} จุด "
                f"(QR content too long for {self.width} dots: {len(content)} characters)"
            )
        qr_px = side * module
        text_width = self.inner - qr_px - self.sizes.gap
        fits = text_width >= self.inner * 0.45 and all(
            QFontMetricsF(f).horizontalAdvance(t) <= text_width for t, f in left_lines
        )
        if not fits:
            for text, font in left_lines:
                self.text(text, font)
                self.space(self.sizes.gap // 2)
            self._qr(modules, module, self.sizes.margin + (self.inner - qr_px) // 2)
            return
        top = self.y
        self._qr(modules, module, self.width - self.sizes.margin - qr_px)
        qr_bottom = self.y
        self.y = top
        first = len(self.ops)
        for text, font in left_lines:
            self.text(text, font, align=Qt.AlignmentFlag.AlignLeft, width=text_width)
            self.space(self.sizes.gap // 2)
        # Centre the text block on the QR code's height.
        block = self.y - top
        shift = max(0, (qr_px - block) // 2)
        self.ops[first:] = [_shifted(op, shift) for op in self.ops[first:]]
        self.y = max(qr_bottom, top + block + shift)

    def _qr(self, modules: list[list[bool]], module: int, left: int) -> None:
        """Every module a square of whole black dots: drawn as one picture of the symbol
        (its quiet zone white), copied dot for dot."""
        top = self.y
        side = (len(modules) + 2 * QUIET_ZONE) * module
        white, black = b"\xff" * module, b"\x00" * module
        margin = white * QUIET_ZONE
        lines = [b"".join((margin, *(black if dark else white for dark in row), margin))
                 for row in modules]  # fmt: skip
        quiet = [white * (side // module)] * (QUIET_ZONE * module)
        gray = b"".join([*quiet, *(line for line in lines for _ in range(module)), *quiet])
        symbol = QImage(gray, side, side, side, QImage.Format.Format_Grayscale8).copy()

        def draw(p: QPainter) -> None:
            p.drawImage(QPoint(left, top), symbol)

        self.ops.append(draw)
        self.y += side

    def render(self) -> Raster:
        return _raster(self.width, self.bits())

    def bits(self) -> bytes:
        """The rows from ``top`` to ``y`` as raster bits: a band of a page. Bands drawn
        apart and put one under the other are the page drawn at once, dot for dot: each
        element draws within its own rows, on white, and at the very coordinates it has
        on the page (antialiased edges are not quite the same one row lower)."""
        if self.y <= self.top:
            return b""
        image = QImage(self.width, self.y, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
            )
            for op in self.ops:
                op(painter)
        finally:
            painter.end()
        band = _gray_bytes(image)[self.top * self.width :]
        return from_gray(self.width, self.y - self.top, band).rows


def _raster(width: int, rows: bytes) -> Raster:
    """Bands put together as one printer raster, one white row longer where the printer
    would garble its height."""
    row_bytes = width // 8
    height = len(rows) // row_bytes
    if height % BAD_HEIGHT_DIVISOR == 0:
        rows += bytes(row_bytes)
        height += 1
    if height > MAX_RASTER_HEIGHT:
        raise ValueError(f"ticket too tall for one raster: {height} dots")
    return Raster(width, height, rows)


def _shifted(op: Draw, dy: int) -> Draw:
    def draw(p: QPainter) -> None:
        p.save()
        p.translate(0, dy)
        op(p)
        p.restore()

    return draw


def _draw_text(p: QPainter, origin: QPointF, font: QFont, text: str, color: QColor) -> None:
    """Text as a filled outline. QPainter.drawText goes through Qt's glyph cache, whose
    first and later drawings of a glyph differ by a few dots; an outline is filled the same
    way every time, so a preview and the printed ticket are the same picture, on any thread."""
    path = QPainterPath()
    path.addText(origin, font, text)
    p.fillPath(path, color)


@dataclass(frozen=True)
class _Ink:
    """Where a line's ink really is, in whole dots from its origin on the baseline: up,
    down, and from the left edge of the first to the right edge of the last dot."""

    above: int
    below: int
    left: int
    right: int


def _ink(font: QFont, text: str) -> _Ink:
    """Measured by drawing the line: Qt's tightBoundingRect does not see how far Thai marks
    are stacked (ปั้ reaches half an em higher than it says), so it would clip them.
    Remembered per font and text (a ticket's waiting count and time repeat)."""
    key = (font.key(), text)
    with _ink_lock:
        found = _ink_cache.get(key)
        if found is not None:
            _ink_cache.move_to_end(key)
            return found
    ink = _measure_ink(font, text)
    with _ink_lock:
        _ink_cache[key] = ink
        while len(_ink_cache) > INK_CACHE_SIZE:
            _ink_cache.popitem(last=False)
    return ink


INK_CACHE_SIZE = 4096
_ink_lock = threading.Lock()
_ink_cache: OrderedDict[tuple[str, str], _Ink] = OrderedDict()
_INVERT = bytes(255 - i for i in range(256))


def _measure_ink(font: QFont, text: str) -> _Ink:
    size = font.pixelSize()
    width = math.ceil(QFontMetricsF(font).horizontalAdvance(text)) + 4 * size
    height, baseline, origin = 4 * size, 2 * size, 2 * size
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        _draw_text(painter, QPointF(origin, baseline), font, text, QColor("black"))
    finally:
        painter.end()
    # Every dot that is not white, inverted to non-zero: Pillow finds their bounding box.
    inked = Image.frombytes("L", (width, height), _gray_bytes(image).translate(_INVERT))
    box = inked.getbbox()
    if box is None:  # nothing visible (spaces only)
        return _Ink(0, 0, 0, 0)
    left, top, right, bottom = box
    return _Ink(baseline - top, bottom - baseline, left - origin, right - origin)


def _wrap(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` dots. Breaks go at spaces first (Thai writes a space between
    phrases, not between words); a phrase too long for a line is broken by Qt between words
    (with libthai's dictionary where the system has it) or between grapheme clusters, so a
    tone mark never leaves its consonant. The last allowed line is elided with an ellipsis."""
    fm = QFontMetricsF(font)
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and fm.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        elif fm.horizontalAdvance(word) <= width:
            lines.append(word)
        else:
            lines += _break_phrase(word, font, width)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1]
        lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


def _break_phrase(phrase: str, font: QFont, width: int) -> list[str]:
    layout = QTextLayout(phrase, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return [phrase[start : start + n] for start, n in spans if phrase[start : start + n]]


def _gray_bytes(image: QImage) -> bytes:
    stride, width = image.bytesPerLine(), image.width()
    data = bytes(image.constBits())
    if stride == width:
        return data[: width * image.height()]
    return b"".join(data[y * stride : y * stride + width] for y in range(image.height()))


def render_ticket(content: TicketContent, width: int) -> Raster:
    """The ticket as the printer will burn it: ``width`` dots wide (384 for 58 mm paper,
    576 for 80 mm, 512 on some Epson models), one bit per dot. Safe on any thread once a
    QGuiApplication exists.

    Drawn as bands, top to bottom. The bands that are the same on every ticket of a
    service (the office and service names, a priority lane's label, the footer) are drawn
    once and remembered; each ticket draws only its code, its waiting figures, its time
    and its QR code."""
    require_gui_app()
    labels = LABELS.get(content.language, LABELS["th"])
    s = _Sizes.for_width(width)
    bands = [_header_band(width, content.office_name, content.service_name,
                          content.service_subtitle)]  # fmt: skip
    top = len(bands[0]) * 8 // width
    code = _Page(width, s, y=top, top=top)
    code.big_code(content.code, s.code)
    code.space(s.gap + 4)
    bands.append(code.bits())
    if content.priority_label:
        text = labels["priority"].format(label=content.priority_label)
        bands.append(_priority_band(width, text, code.y))
    info: list[tuple[str, QFont]] = []
    if content.ahead == 0:
        info.append((labels["next"], ticket_font(s.info, bold=True)))
    elif content.ahead is not None:
        info.append((labels["ahead"].format(n=content.ahead), ticket_font(s.info, bold=True)))
        if content.wait_minutes is not None:
            info.append((labels["wait"].format(m=content.wait_minutes), ticket_font(s.info)))
    info.append((content.issued_at, ticket_font(s.footer)))
    top = sum(map(len, bands)) * 8 // width
    middle = _Page(width, s, y=top, top=top)
    middle.qr_beside(content.qr_content, info)
    bands.append(middle.bits())
    bands.append(_footer_band(width, content.footer, middle.y))
    return _raster(width, b"".join(bands))


BAND_CACHE_SIZE = 256  # per kind of band: every service of an office, both languages, a few
# heights of the bands above (the bands below the code are drawn where they are on the page)


@functools.lru_cache(maxsize=BAND_CACHE_SIZE)
def _header_band(width: int, office: str, service: str, subtitle: str) -> bytes:
    s = _Sizes.for_width(width)
    page = _Page(width, s)
    page.space(s.margin + 4)
    page.text(office, ticket_font(s.office, bold=True), max_lines=2)
    page.space(s.gap // 2)
    page.text(service, ticket_font(s.service, bold=True), max_lines=2)
    if subtitle:
        page.space(s.gap // 3)
        page.text(subtitle, ticket_font(s.subtitle))
    page.space(s.gap)
    page.rule()
    page.space(s.gap + 4)
    return page.bits()


@functools.lru_cache(maxsize=BAND_CACHE_SIZE)
def _priority_band(width: int, text: str, top: int) -> bytes:
    s = _Sizes.for_width(width)
    page = _Page(width, s, y=top, top=top)
    page.text(text, ticket_font(s.priority, bold=True), inverted=True)
    page.space(s.gap)
    return page.bits()


@functools.lru_cache(maxsize=BAND_CACHE_SIZE)
def _footer_band(width: int, footer: str, top: int) -> bytes:
    s = _Sizes.for_width(width)
    page = _Page(width, s, y=top, top=top)
    if footer:
        page.space(s.gap // 2)
        page.text(footer, ticket_font(s.footer), max_lines=2)
    page.space(s.margin + 4)
    return page.bits()


def render_test_page(content: TestPageContent, width: int) -> Raster:
    """A page to check a printer's setup: a frame at the edges of the configured width (all
    four sides must print), Thai with stacked marks, the settings in use and a QR code."""
    require_gui_app()
    labels = LABELS.get(content.language, LABELS["th"])
    s = _Sizes.for_width(width)
    page = _Page(width, s)
    page.space(s.margin + 6)
    page.text(labels["test"], ticket_font(s.service, bold=True))
    page.space(s.gap // 2)
    page.text(content.title, ticket_font(s.office), max_lines=2)
    page.space(s.gap)
    page.text("ปั้น ที่ น้ำ ผู้สูงอายุ ฎีกา ฐาน ญาติ", ticket_font(s.service), max_lines=2)
    page.space(s.gap // 2)
    page.text("ABC abc 0123456789", ticket_font(s.info))
    page.space(s.gap)
    for line in content.lines:
        page.text(line, ticket_font(s.footer), max_lines=2)
        page.space(s.gap // 3)
    page.space(s.gap // 2)
    page.qr_beside(content.qr_content, [(content.printed_at, ticket_font(s.footer))])
    page.space(s.margin + 6)
    bottom = page.y

    def frame(p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for rect in (QRectF(0, 0, width, 3), QRectF(0, bottom - 3, width, 3),
                     QRectF(0, 0, 3, bottom), QRectF(width - 3, 0, 3, bottom)):  # fmt: skip
            p.drawRect(rect)

    page.ops.append(frame)
    return page.render()
