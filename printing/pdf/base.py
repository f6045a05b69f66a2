"""A4 documents in Thai with reportlab: Sarabun embedded, Thai shaped by HarfBuzz, the page
layout of Thai government forms, and the pieces every document needs.

Thai in a PDF goes wrong in two quiet ways, and both are handled here:

* **Marks.** reportlab places every character by its advance width unless the font is
  *shaped* (uharfbuzz). Unshaped, a tone mark over an upper vowel (the ้ in นี้) lands on
  the vowel instead of above it, and the descender of ฐ/ญ clashes with ุ. Shaping only
  happens in Platypus paragraphs whose style has ``shaping=1`` and whose font reports
  ``shapable``; ``canvas.drawString(…, shaping=True)`` is silently ignored. So every piece
  of text here is a :class:`ThaiParagraph` (styles from :func:`styles` have shaping on),
  and :func:`register_fonts` refuses to run without uharfbuzz.
* **Line breaks.** Thai has no spaces between words; reportlab breaks lines only at
  spaces, and its "split long words" would cut a consonant from its tone mark.
  :class:`ThaiParagraph` finds the word boundaries (Qt's QTextBoundaryFinder, which knows
  a Thai dictionary) and breaks between words that do not fit.

Shaped text must also read back: the glyphs HarfBuzz substitutes (a lowered ่, a narrow ิ)
have no character, and reportlab writes private-use code points for them; the fonts here
(:class:`SearchableTTFont`) map each back to the mark it shows, so copy and search work.

Documents are deterministic: :func:`build_pdf` writes with ``invariant=1`` (fixed creation
date and file id), so the same data gives the same bytes, and golden images compare.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from PySide6.QtCore import QTextBoundaryFinder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printing.qr import qr_modules
from resources import SARABUN_BOLD, SARABUN_REGULAR

FONT = "KhetDesk-Sarabun"
FONT_BOLD = "KhetDesk-Sarabun-Bold"

BODY_SIZE = 13.0  # Sarabun (Google) at 13 pt reads like TH Sarabun New at 16 pt
LEADING = 1.55  # × size: room for stacked marks (ปั้) above and ุ below
MARGINS = (3 * cm, 2 * cm, 2 * cm, 2 * cm)  # left, right, top, bottom (สารบรรณ layout)

# The same values as desktop_app/domain/thai_time.py, which printing may not import (it
# knows no application; tests/unit/test_architecture.py). tests/unit/test_pdf_base.py
# checks that the two stay equal.
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
BE_OFFSET = 543

GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.92, 0.92, 0.92)


class ShapingUnavailable(RuntimeError):
    """reportlab cannot shape Thai here (uharfbuzz missing): documents would print marks in
    the wrong place, so none is made."""


# ---------------------------------------------------------------- fonts

_PUA = range(0xE000, 0xF900)
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_NIKHAHIT = "\u0e4d"


def glyph_text(name: str) -> str:
    """The text a glyph stands for, from its name (the Adobe Glyph List convention HarfBuzz
    sees in Sarabun): ``uni0E48.small`` (a lowered ่) is ``"\u0e48"``, ``uni0E4D0E48`` (the
    ํ of ำ joined with ่) is ``"\u0e48\u0e4d"`` — the tone mark first, as typed: HarfBuzz
    moved the nikhahit of ำ before it. "" for a name that does not say."""
    base = name.split(".", 1)[0]
    hexes = base[3:] if base.startswith("uni") else ""
    if not hexes or len(hexes) % 4 or not all(c in "0123456789ABCDEFabcdef" for c in hexes):
        return ""
    text = "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
    if len(text) > 1 and text[0] == _NIKHAHIT and all(c in _TONES for c in text[1:]):
        text = text[1:] + _NIKHAHIT
    return text


def _to_unicode_cmap(font_name: str, texts: Sequence[str]) -> str:
    """A ToUnicode CMap (PDF 1.7 § 9.10.3) for a one-byte subset: code i is ``texts[i]``."""
    entries = [f"<{i:02X}> <{t.encode('utf-16-be').hex().upper()}>" for i, t in enumerate(texts)]
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name}) /Supplement 0 >> def",
        f"/CMapName /{font_name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(texts) - 1:02X}>", "endcodespacerange",
    ]  # fmt: skip
    for start in range(0, len(entries), 100):  # at most 100 entries to a block
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class SearchableTTFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A TrueType font whose shaped glyphs extract as the text they show.

    A glyph HarfBuzz substitutes (a lowered or stacked tone mark, a narrow vowel) has no
    character in the font's cmap; reportlab gives it a private-use code point (U+E000 …)
    and writes that into the ToUnicode map, so ``ที่`` is copied or searched as
    ``ที\ue000``. Here the map says what the glyph's name says (``uni0E48.small`` is ่):
    the PDF reads back as typed, except ำ, which HarfBuzz decomposes and which therefore
    reads back as its compatibility decomposition ํา (NFKC-equal)."""

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        # addObjects registers each subset's font under its internal name ("F3+0"), and
        # its ToUnicode stream as "toUnicodeCMap:" + the subset's base font name.
        internal = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        if not any(code in _PUA for subset in subsets for code in subset):
            return
        hb_font = self.hbFont()
        for n, subset in enumerate(subsets):
            if not any(code in _PUA for code in subset):
                continue
            texts = []
            for code in subset:
                text = ""
                if code in _PUA and code in self.face.charToGlyph:
                    text = glyph_text(hb_font.glyph_to_string(self.face.charToGlyph[code]))
                texts.append(text or chr(code))
            base_name = doc.idToObject[internal[n]].BaseFont
            doc.idToObject["toUnicodeCMap:" + base_name].content = _to_unicode_cmap(
                base_name, texts
            )


_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the shipped Sarabun Regular and Bold (embedded as TrueType subsets) once per
    process; raise ShapingUnavailable unless reportlab reports them ``shapable``."""
    global _registered
    with _lock:
        if _registered:
            return
        try:
            import uharfbuzz  # noqa: F401
        except ImportError:
            raise ShapingUnavailable(
                "พิมพ์เอกสารภาษาไทยไม่ได้: ไม่ได้ติดตั้งแพ็กเกจ uharfbuzz สระและวรรณยุกต์จะวางผิดที่ "
                "(cannot make Thai documents: the uharfbuzz package is missing, Thai marks would "
                "be misplaced; pip install uharfbuzz)"
            ) from None
        regular = SearchableTTFont(FONT, str(SARABUN_REGULAR), shapable=True)
        bold = SearchableTTFont(FONT_BOLD, str(SARABUN_BOLD), shapable=True)
        for font in (regular, bold):
            if not font.shapable:
                raise ShapingUnavailable(
                    f"ฟอนต์ {font.fontName} จัดรูปอักษรไทยไม่ได้ "
                    f"(reportlab does not report {font.fontName} as shapable)"
                )
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        _registered = True


def fonts_shapable() -> bool:
    """Whether both registered fonts report ``shapable`` (the start-up check)."""
    register_fonts()
    return all(pdfmetrics.getFont(name).shapable for name in (FONT, FONT_BOLD))


# ---------------------------------------------------------------- text helpers


def thai_digits(text: str) -> str:
    return text.translate(THAI_DIGITS)


@dataclass(frozen=True)
class Numerals:
    """How numbers are written on a document: Thai digits (๑๒๓, the สารบรรณ usage) or
    Arabic. Identifiers (asset and loan numbers) stay as they are everywhere, so that they
    can be typed and scanned."""

    thai: bool = True

    def __call__(self, text: str | int) -> str:
        s = str(text)
        return thai_digits(s) if self.thai else s

    def date(self, day: dt.date | None) -> str:
        """``๒๖ พฤศจิกายน ๒๕๖๙``."""
        if day is None:
            return ""
        return self(f"{day.day} {THAI_MONTHS_FULL[day.month - 1]} {day.year + BE_OFFSET}")

    def date_short(self, day: dt.date | None) -> str:
        """``๒๖ พ.ย. ๖๙`` — for table columns."""
        if day is None:
            return ""
        return self(
            f"{day.day} {THAI_MONTHS_ABBR[day.month - 1]} {(day.year + BE_OFFSET) % 100:02d}"
        )

    def date_numeric(self, day: dt.date | None) -> str:
        """``๒๖/๑๑/๒๕๖๙`` — for registers."""
        if day is None:
            return ""
        return self(f"{day.day:02d}/{day.month:02d}/{day.year + BE_OFFSET}")

    def date_numeric_short(self, day: dt.date | None) -> str:
        """``๒๖/๑๑/๖๙`` — for narrow register columns."""
        if day is None:
            return ""
        return self(f"{day.day:02d}/{day.month:02d}/{(day.year + BE_OFFSET) % 100:02d}")

    def money(self, amount: Decimal | None) -> str:
        """``๑๗,๕๐๐.๐๐``."""
        if amount is None:
            return ""
        return self(f"{amount:,.2f}")


def word_breaks(text: str) -> list[str]:
    """``text`` cut at its word boundaries (Thai words by dictionary); joined, the pieces
    give ``text`` back."""
    if not text:
        return []
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, text)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) >= 0:
        if end > start:
            pieces.append(text[start:end])
            start = end
    if start < len(text):
        pieces.append(text[start:])
    # Spaces stand alone (Qt may attach one to the word before it).
    return [p for piece in pieces for p in _SPACES.split(piece) if p]


def clusters(text: str) -> list[str]:
    """``text`` cut into grapheme clusters: a consonant with its vowels and tone marks stays
    one piece. The last resort for a word wider than its line (or for Thai where Qt has no
    dictionary: some builds treat a whole Thai phrase as one word)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) >= 0:
        if end > start:
            pieces.append(text[start:end])
            start = end
    if start < len(text):
        pieces.append(text[start:])
    return pieces


Run = tuple[str, bool]  # (plain text, bold)
_SPACES = re.compile(r"(\s+)")


def _short_chunks(words: Sequence[tuple[str, float]], width: float | None) -> dict[int, float]:
    """For each word that starts a chunk between spaces that should not be split, the
    chunk's width: breaking before the chunk keeps it whole. A chunk stays whole when it is
    at most three dictionary words and no wider than half the line (dictionaries cut
    proper names such as ทองดี into words), or when it holds a digit and fits the line
    (ยม.0001/2570, 7440-001-0001/2566, ๐๑/๑๒/๖๙ are not cut at their punctuation)."""
    if width is None:
        return {}
    out: dict[int, float] = {}
    start, total, digit = 0, 0.0, False
    for i, (word, w) in enumerate([*words, (" ", 0.0)]):
        if word.isspace():
            # A name, not a running phrase; or a word the dictionary cuts in two (สูง|สุด)
            # that fits the line, as in a narrow table heading.
            short = (i - start <= 3 and total <= width / 2) or (i - start <= 2 and total <= width)
            if i > start and (short or (digit and total <= width)):
                out[start] = total
            start, total, digit = i + 1, 0.0, False
        else:
            total += w
            digit = digit or any(ch.isdigit() for ch in word)
    return out


class ThaiParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph of plain text (or of runs of plain and bold text) that breaks Thai lines
    between words. The text is escaped here: pass no markup. ``\\n`` starts a new line.

    The words are measured once; a paragraph that fits its width on its own lines (most
    table cells) is parsed once, and a wrap at the same width is not done twice."""

    def __init__(
        self,
        text: str | Sequence[Run] | None,
        style: ParagraphStyle | None = None,
        bulletText: str | None = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
    ) -> None:
        self._last: tuple[float, tuple[float, float]] | None = None
        if frags is not None or text is None:  # a piece made by Paragraph.split
            self._runs: tuple[tuple[bool, tuple[tuple[str, float], ...]], ...] | None = None
            super().__init__(text, style, bulletText=bulletText, frags=frags,
                             caseSensitive=caseSensitive, encoding=encoding)  # fmt: skip
            return
        if style is None:
            style = styles()["body"]
        runs = ((text, False),) if isinstance(text, str) else tuple(text)
        size = style.fontSize
        measured = []
        longest = used = max(style.firstLineIndent, 0)
        for t, bold in runs:
            if not t:
                continue
            font = FONT_BOLD if bold or style.fontName == FONT_BOLD else FONT
            words: list[tuple[str, float]] = []
            for line_no, line in enumerate(t.split("\n")):
                if line_no:
                    words.append(("\n", 0.0))
                    used = 0.0
                for word in word_breaks(line):
                    w = pdfmetrics.stringWidth(word, font, size)
                    words.append((word, w))
                    used += w
                    longest = max(longest, used)
            measured.append((bold, tuple(words)))
        self._runs = tuple(measured)
        self._longest = longest
        self._broken_for: float | None = None
        super().__init__(self._markup(None, style), style, bulletText=bulletText)

    def _markup(self, width: float | None, style: ParagraphStyle) -> str:
        assert self._runs is not None
        out: list[str] = []
        # The first line starts after the first-line indent; the others at the margin.
        used = max(style.firstLineIndent, 0) if width is not None else 0.0
        for bold, words in self._runs:
            piece: list[str] = []
            keep = _short_chunks(words, width)
            for i, (word, w) in enumerate(words):
                if word == "\n":
                    piece.append("<br/>")
                    used = 0.0
                    continue
                # A short space-delimited chunk (a surname, a place) moves as a whole.
                need = keep.get(i, w)
                if width is not None and used > 0 and used + need > width and not word.isspace():
                    piece.append("<br/>")
                    used = 0.0
                if width is not None and w > width and not word.isspace():
                    # Wider than a whole line: break it between grapheme clusters.
                    font = FONT_BOLD if bold or style.fontName == FONT_BOLD else FONT
                    for part in clusters(word):
                        pw = pdfmetrics.stringWidth(part, font, style.fontSize)
                        if used > 0 and used + pw > width:
                            piece.append("<br/>")
                            used = 0.0
                        piece.append(escape(part))
                        used += pw
                    continue
                if used == 0.0 and word.isspace() and width is not None and out + piece:
                    continue  # no space at the start of a broken line
                piece.append(escape(word))
                used += w
            chunk = "".join(piece)
            out.append(f"<b>{chunk}</b>" if bold else chunk)
        return "".join(out)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._last is not None and self._last[0] == availWidth and hasattr(self, "blPara"):
            return self._last[1]  # (split() drops blPara when it gives up: then wrap again)
        if self._runs is not None:
            inner = availWidth - self.style.leftIndent - self.style.rightIndent
            inner *= 0.985  # shaped advances differ from the unshaped sum by a hair
            target = inner if self._longest > inner else None
            if self._broken_for != target:
                runs, style, longest = self._runs, self.style, self._longest
                Paragraph.__init__(self, self._markup(target, style), style)
                self._runs, self._broken_for, self._longest = runs, target, longest
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._last = (availWidth, result)
        return result


# ---------------------------------------------------------------- styles


def _style(
    name: str,
    size: float,
    bold: bool = False,
    align: int = TA_LEFT,
    leading: float = LEADING,
    **kw: Any,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=round(size * leading, 1),
        alignment=align,
        shaping=1,
        splitLongWords=0,
        **kw,
    )


def styles(size: float = BODY_SIZE, leading: float = LEADING) -> dict[str, ParagraphStyle]:
    """The paragraph styles of every document, for body text of ``size`` points (fonts
    registered on first use): ``title``, ``subtitle``, ``heading``, ``body``, ``body_bold``,
    ``indent`` (first line indented 2.5 cm, as letters are), ``right``, ``center``,
    ``small``, ``small_bold``, ``small_center``, ``cell``, ``cell_bold`` (table headers),
    ``cell_center``, ``cell_right``, ``sign``, ``label``, ``label_small``. All shape Thai."""
    register_fonts()
    s = size
    c = s - 2  # table cells
    return {
        "title": _style("title", s + 5, True, TA_CENTER, spaceAfter=2, leading=leading),
        "subtitle": _style("subtitle", s, False, TA_CENTER, leading=leading),
        "heading": _style("heading", s + 1, True, spaceBefore=4, spaceAfter=1, leading=leading),
        "body": _style("body", s, leading=leading),
        "body_bold": _style("body_bold", s, True, leading=leading),
        "indent": _style("indent", s, firstLineIndent=2.5 * cm, leading=leading),
        "right": _style("right", s, align=TA_RIGHT, leading=leading),
        "center": _style("center", s, align=TA_CENTER, leading=leading),
        "small": _style("small", s - 2.5, leading=leading),
        "small_bold": _style("small_bold", s - 2.5, True, leading=leading),
        "small_center": _style("small_center", s - 4, align=TA_CENTER, leading=leading),
        "cell": _style("cell", c, leading=leading),
        "cell_bold": _style("cell_bold", c, True, TA_CENTER, leading=leading),
        "cell_center": _style("cell_center", c, align=TA_CENTER, leading=leading),
        "cell_right": _style("cell_right", c, align=TA_RIGHT, leading=leading),
        "sign": _style("sign", s, align=TA_CENTER, leading=leading),
        "label": _style("label", 11, True, TA_LEFT, leading=leading),
        "label_name": _style("label_name", 9.5, False, TA_LEFT, leading=leading),
        "label_small": _style("label_small", 7.5, False, TA_LEFT, leading=leading),
    }


# ---------------------------------------------------------------- pieces


def para(text: str | Sequence[Run], style: ParagraphStyle) -> ThaiParagraph:
    return ThaiParagraph(text, style)


def labelled(label: str, value: str, style: ParagraphStyle) -> ThaiParagraph:
    """``label`` in bold followed by ``value``: ``ชื่อผู้ยืม นายสมชาย ใจดี``."""
    return ThaiParagraph(((label + " ", True), (value or "-", False)), style)


def _plain(text: str, size: float, width: float) -> bool:
    """Whether a cell's text has no Thai letter or mark (digits, Thai digits, Latin, dates
    such as ๒๖/๑๑/๒๕๖๙) and fits its column on one line: the table may draw it itself,
    with nothing to shape, much faster than a paragraph."""
    if not text or "\n" in text or not text.isprintable():
        return False
    if any("\u0e00" <= ch <= "\u0e4f" or "\u0e5a" <= ch <= "\u0e7f" for ch in text):
        return False
    return bool(pdfmetrics.stringWidth(text, FONT, size) <= width)


def table(
    rows: Sequence[Sequence[Flowable | str]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    cell: ParagraphStyle | None = None,
    header: ParagraphStyle | None = None,
    aligns: Sequence[str] | None = None,
    grid: bool = True,
    zebra: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
    size: float = BODY_SIZE,
    leading: float = LEADING,
    shared: dict[tuple[str, str, int], ThaiParagraph] | None = None,
) -> Table:
    """A table whose string cells become shaped paragraphs (``aligns``: "l", "c" or "r" per
    column); header rows are bold, shaded and repeated on every page. With ``shared``, a
    text repeated in a column (a status, an approver, a unit) is laid out once and its
    paragraph drawn in every cell that shows it (same column, same width)."""
    st = styles(size, leading)
    body = cell or st["cell"]
    head = header or st["cell_bold"]
    by_align = {"l": body, "c": st["cell_center"], "r": st["cell_right"]}
    data: list[list[Flowable | str]] = []
    for r, row in enumerate(rows):
        out: list[Flowable | str] = []
        for c, value in enumerate(row):
            if isinstance(value, str):
                if r < header_rows:
                    out.append(ThaiParagraph(value, head))
                elif _plain(value, body.fontSize, col_widths[c] - 6):
                    out.append(value)  # no Thai letter: drawn as is, nothing to shape
                else:
                    style = by_align[aligns[c]] if aligns else body
                    key = (value, style.name, c)
                    cell = shared.get(key) if shared is not None else None
                    if cell is None:
                        cell = ThaiParagraph(value, style)
                        if shared is not None:
                            shared[key] = cell
                    out.append(cell)
            else:
                out.append(value)
        data.append(out)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), body.fontSize),
        ("LEADING", (0, 0), (-1, -1), body.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if aligns:
        names = {"l": "LEFT", "c": "CENTER", "r": "RIGHT"}
        commands += [("ALIGN", (c, 0), (c, -1), names[a]) for c, a in enumerate(aligns)]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, GRID))
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    if zebra:
        for r in range(header_rows + 1, len(data), 2):
            commands.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.97, 0.97, 0.97)))
    commands += list(extra)
    return Table(data, colWidths=list(col_widths), repeatRows=header_rows,
                 style=TableStyle(commands))  # fmt: skip


def long_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Flowable | str]],
    col_widths: Sequence[float],
    *,
    aligns: str,
    chunk: int = 20,
    size: float = BODY_SIZE,
    leading: float = LEADING,
    zebra: bool = True,
) -> tuple[Table, list[Table]]:
    """A table of thousands of rows, as its column heads (for ``build_pdf(running=…)`` and
    the first page) and tables of ``chunk`` rows that stack under them."""
    head = table([list(header)], col_widths, header_rows=1, size=size, leading=leading)
    shared: dict[tuple[str, str, int], ThaiParagraph] = {}
    parts = []
    for start in range(0, len(rows), chunk):
        part = list(rows[start : start + chunk])
        shade: list[tuple[Any, ...]] = []
        if zebra:
            shade = [("BACKGROUND", (0, r), (-1, r), colors.Color(0.96, 0.96, 0.96))
                     for r in range(len(part)) if (start + r) % 2]  # fmt: skip
        parts.append(table(part, col_widths, header_rows=0, aligns=aligns, size=size,
                           leading=leading, extra=shade, shared=shared))  # fmt: skip
    return head, parts


@dataclass(frozen=True)
class Signer:
    """One signature line: ``(ลงชื่อ)........ผู้ยืม``, the name in brackets under it, then the
    position and a date line."""

    role: str  # ผู้ยืม, ผู้จ่ายพัสดุ, ผู้อนุมัติ …
    name: str = ""
    position: str = ""
    date_line: bool = True
    date_text: str = ""  # the date already known ("๒๕ พฤศจิกายน ๒๕๖๙"): printed, not dotted
    unit: str = ""  # a line of its own under the position: the borrowing agency, say


def signature(s: Signer, style: ParagraphStyle) -> ThaiParagraph:
    """``(ลงชื่อ)............ผู้ยืม`` / ``( name )`` / ``ตำแหน่ง …`` / ``วันที่ …/…/…``."""
    lines = [f"(ลงชื่อ) ..............................{s.role}"]
    lines.append(f"( {s.name} )" if s.name else "( .................................... )")
    if s.position:
        lines.append(f"ตำแหน่ง {s.position}")
    if s.unit:
        lines.append(s.unit)
    if s.date_text:
        lines.append(f"วันที่ {s.date_text}")
    elif s.date_line:
        lines.append("วันที่ ......../......../........")
    return ThaiParagraph("\n".join(lines), style)


def signature_block(
    signers: Sequence[Signer],
    width: float,
    columns: int = 2,
    size: float = BODY_SIZE,
    pad: float = 12,
    leading: float = LEADING,
) -> Table:
    """Signature lines laid out ``columns`` to a row, as on Thai forms; a single signer
    stands in the right-hand column."""
    st = styles(size, leading)["sign"]
    cells: list[Flowable | str] = [signature(s, st) for s in signers]
    if len(cells) == 1 and columns == 2:
        cells = ["", cells[0]]
    rows: list[list[Flowable | str]] = []
    for i in range(0, len(cells), columns):
        row: list[Flowable | str] = list(cells[i : i + columns])
        row += [""] * (columns - len(row))
        rows.append(row)
    t = Table(rows, colWidths=[width / columns] * columns)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))  # fmt: skip
    return t


class QRFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A QR code (the same matrix as on tickets, level M) as filled squares, ``size`` points
    wide including the quiet zone."""

    def __init__(self, content: str, size: float) -> None:
        super().__init__()
        self.content = content
        self.modules = qr_modules(content)
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.modules, 0, 0, self.size)


def draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """The symbol with its 4-module quiet zone into the square (x, y, size) — y at the bottom."""
    from printing.qr import QUIET_ZONE

    n = len(modules)
    step = size / (n + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    top = y + size - QUIET_ZONE * step
    left = x + QUIET_ZONE * step
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(left + start * step, top - (r + 1) * step, (c - start) * step, step)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A square ticked with a cross when ``checked`` (Sarabun has no ☐/☑)."""

    def __init__(self, checked: bool, size: float = 9) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.saveState()
        c.setLineWidth(0.7)
        c.rect(0, -1, s, s, stroke=1, fill=0)
        if self.checked:
            c.setLineWidth(1.1)
            c.line(1.8, 0.8, s - 1.8, s - 2.8)
            c.line(1.8, s - 2.8, s - 1.8, 0.8)
        c.restoreState()


def choices(
    options: Sequence[tuple[bool, str]],
    width: float,
    size: float = BODY_SIZE,
    leading: float = LEADING,
    shared: dict[tuple[str, str, int], ThaiParagraph] | None = None,
) -> Table:
    """A row of ticked or empty boxes, each with its label: ``☒ อนุมัติ  ☐ ไม่อนุมัติ``."""
    st = styles(size, leading)["body"]
    row: list[Flowable] = []
    widths: list[float] = []
    each = width / max(len(options), 1)
    for checked, label in options:
        row += [CheckBox(checked), ThaiParagraph(label, st)]
        widths += [14, each - 14]
    t = Table([row], colWidths=widths)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    t.hAlign = "LEFT"
    return t


def image_flowable(data: bytes, height: float) -> Image:
    """A PNG or JPEG (the Garuda emblem, say) scaled to ``height`` points, centred."""
    reader = ImageReader(io.BytesIO(data))
    w, h = reader.getSize()
    img = Image(io.BytesIO(data), width=height * w / h, height=height)
    img.hAlign = "CENTER"
    return img


# ---------------------------------------------------------------- the page


@dataclass(frozen=True)
class Letterhead:
    """The top of a document's first page: the emblem (optional), the title, the agency
    and the document's number and date (Buddhist Era)."""

    title: str
    agency: str
    doc_no: str = ""
    date: dt.date | None = None
    subtitle: str = ""
    emblem: bytes | None = None  # PNG or JPEG; None: no emblem
    numerals: Numerals = field(default_factory=Numerals)
    qr: str = ""  # a QR code at the top right of the first page ("": none)
    qr_caption: str = ""


def letterhead_flowables(head: Letterhead, width: float) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    top: list[Flowable] = []
    if head.emblem:
        top += [image_flowable(head.emblem, 2.5 * cm), Spacer(1, 4)]
    top.append(ThaiParagraph(head.title, st["title"]))
    if head.subtitle:
        top.append(ThaiParagraph(head.subtitle, st["subtitle"]))
    if head.qr:
        side = 2.6 * cm
        corner: list[Flowable] = [QRFlowable(head.qr, side)]
        if head.qr_caption:
            corner.append(ThaiParagraph(head.qr_caption, st["small_center"]))
        emblem: Flowable = Spacer(side, 1)
        if head.emblem:  # beside the title, as on a memo (บันทึกข้อความ), to keep one page
            top = top[2:]
            emblem = image_flowable(head.emblem, 1.8 * cm)
        t = Table([[emblem, top, corner]], colWidths=[side, width - 2 * side, side])
        t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))  # fmt: skip
        out.append(t)
    else:
        out += top
    left = labelled("ส่วนราชการ", head.agency, st["body"])
    right_parts: list[Run] = []
    if head.doc_no:
        right_parts += [("เลขที่ ", True), (head.doc_no, False)]
    if head.date:
        if right_parts:
            right_parts.append(("\n", False))
        right_parts += [("วันที่ ", True), (head.numerals.date(head.date), False)]
    right = ThaiParagraph(right_parts, st["right"]) if right_parts else Spacer(1, 1)
    t = Table([[left, right]], colWidths=[width * 0.55, width * 0.45])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    out += [Spacer(1, 2), t, Spacer(1, 8)]
    return out


Progress = Callable[[int, int], None]


class EndRunning(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Placed after a long table: pages that follow no longer repeat its column heads."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if isinstance(doc, _Doc):
            doc.running = None


class _Doc(BaseDocTemplate):  # type: ignore[misc]  # reportlab has no type hints
    def __init__(self, out: io.BytesIO, pagesize: tuple[float, float], head: Letterhead,
                 title: str, margins: tuple[float, float, float, float] = MARGINS,
                 running: Flowable | None = None, **kw: Any) -> None:  # fmt: skip
        left, right, top, bottom = margins
        super().__init__(
            out, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
            bottomMargin=bottom, title=title, author=head.agency, subject=head.title,
            creator="KhetDesk", producer="KhetDesk (reportlab)", invariant=1,
            initialFontName=FONT, initialFontSize=BODY_SIZE, **kw,
        )  # fmt: skip
        self.head = head
        self.running = running
        width, height = pagesize[0] - left - right, pagesize[1] - top - bottom
        first = Frame(left, bottom, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, id="first")  # fmt: skip
        self.running_height = 0.0
        if running is not None:
            self.running_height = running.wrap(width, height)[1]
        later = Frame(left, bottom, width, height - self.running_height, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0, id="later")  # fmt: skip
        self.addPageTemplates([
            PageTemplate("first", frames=[first], onPage=self._decorate,
                         autoNextPageTemplate="later"),
            PageTemplate("later", frames=[later], onPage=self._decorate),
        ])  # fmt: skip

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """From page 2 on, the page number at the top centre as ``- ๒ -`` (สารบรรณ), and the
        running header (a table's column heads) at the top of the frame."""
        page = canvas.getPageNumber()
        if page < 2:
            return
        if self.running is not None:
            top = self.pagesize[1] - self.topMargin
            self.running.drawOn(canvas, self.leftMargin, top - self.running_height)
        st = styles()["center"]
        p = ThaiParagraph(f"- {self.head.numerals(page)} -", st)
        _w, h = p.wrap(self.pagesize[0], 40)
        p.drawOn(canvas, 0, self.pagesize[1] - self.topMargin / 2 - h / 2)


def build_pdf(
    story: Sequence[Flowable],
    head: Letterhead,
    *,
    wide: bool = False,
    title: str | None = None,
    margins: tuple[float, float, float, float] = MARGINS,
    letterhead: bool = True,
    running: Flowable | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The document: ``head`` on top of the first page (unless ``letterhead`` is false: a
    letter draws its own), then ``story``; A4 portrait (or landscape with ``wide``); page
    numbers from page 2; deterministic bytes.

    ``running``: a flowable (a long table's column heads, say) drawn at the top of every page
    after the first; the story puts it on the first page itself. A long table given as many
    small tables under one running header lays out in linear time, where one table of
    thousands of rows is split again and again. ``progress(done, total)`` counts the
    story's flowables as they are laid out."""
    register_fonts()
    out = io.BytesIO()
    pagesize = landscape(A4) if wide else A4
    doc = _Doc(out, pagesize, head, title or head.title, margins, running)
    width = pagesize[0] - margins[0] - margins[1]
    top = letterhead_flowables(head, width) if letterhead else []
    flowables = top + list(story)
    total = len(flowables)  # build() consumes the list
    if progress is not None:
        report = progress

        def on_progress(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                report(min(value, total), total)

        doc.setProgressCallBack(on_progress)
    doc.build(flowables)
    if progress is not None:
        progress(total, total)
    return out.getvalue()


FORM_MARGINS = (2.5 * cm, 1.5 * cm, 1.5 * cm, 1.5 * cm)  # forms that must fit one page


def frame_width(wide: bool = False, margins: tuple[float, float, float, float] = MARGINS) -> float:
    """The width text and tables may take on a page."""
    pagesize = landscape(A4) if wide else A4
    return float(pagesize[0] - margins[0] - margins[1])


__all__ = [
    "A4",
    "BODY_SIZE",
    "FONT",
    "FONT_BOLD",
    "FORM_MARGINS",
    "CheckBox",
    "EndRunning",
    "KeepTogether",
    "Letterhead",
    "Numerals",
    "Progress",
    "QRFlowable",
    "ShapingUnavailable",
    "Signer",
    "Spacer",
    "ThaiParagraph",
    "build_pdf",
    "choices",
    "clusters",
    "cm",
    "draw_qr",
    "fonts_shapable",
    "frame_width",
    "image_flowable",
    "labelled",
    "long_table",
    "mm",
    "para",
    "register_fonts",
    "signature",
    "signature_block",
    "styles",
    "table",
    "thai_digits",
    "word_breaks",
]
