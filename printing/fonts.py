"""Sarabun for printed tickets, loaded from resources/fonts into Qt's font database once per
process (the windows' font too), from whichever thread needs it first. No system font is
ever used: a ticket looks the same on every counter PC, and Thai never falls back to a face
that lacks its marks.

Sarabun's stacked upper marks (the ้ over นี in เครื่องนี้, the ่ over ที in ที่) reach
1.265 em and its lowest vowels (the ุ under ฎ) 0.535 em below the line, but its line
metrics (hhea/typo, which FreeType and DirectWrite use: the font sets USE_TYPO_METRICS)
span only +1.068/-0.232 em; its Windows GDI metrics (usWinAscent/Descent, +1.286/-0.567)
cover them. Widgets that clip text to the font's height — tab labels, line edits, table
cells — cut those marks off. So the font is loaded with its line metrics widened to the
Windows ones: the same layout everywhere, and no mark cut off.

One registration serves tickets and windows alike: a second, unwidened copy of the family
registered later would take over and shrink every widget's line height.
"""

from __future__ import annotations

import functools
import struct
import threading

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from printing.qt import require_gui_app
from resources import SARABUN_BOLD, SARABUN_REGULAR

FAMILY = "Sarabun"

_lock = threading.Lock()
_family: str | None = None


def _tables(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    out = {}
    for i in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag.decode("latin-1")] = offset
    return out


def with_room_for_marks(data: bytes) -> bytes:
    """The TrueType font ``data`` with its hhea and OS/2 typo ascent and descent widened to
    its Windows ones (usWinAscent/usWinDescent) where those are wider. (Table checksums are
    not recomputed: font engines do not check them.)"""
    tables = _tables(data)
    if "hhea" not in tables or "OS/2" not in tables:
        return data
    hhea, os2 = tables["hhea"], tables["OS/2"]
    win_ascent, win_descent = struct.unpack_from(">HH", data, os2 + 74)
    out = bytearray(data)
    for offset in (hhea + 4, os2 + 68):  # hhea.ascender, OS/2.sTypoAscender
        if struct.unpack_from(">h", out, offset)[0] < win_ascent:
            struct.pack_into(">h", out, offset, win_ascent)
    for offset in (hhea + 6, os2 + 70):  # hhea.descender, OS/2.sTypoDescender (negative)
        if struct.unpack_from(">h", out, offset)[0] > -win_descent:
            struct.pack_into(">h", out, offset, -win_descent)
    return bytes(out)


@functools.cache
def _designed() -> tuple[int, int, int]:
    """Units per em, typo ascender and descender (positive) of Sarabun as shipped."""
    data = SARABUN_REGULAR.read_bytes()
    tables = _tables(data)
    units = struct.unpack_from(">H", data, tables["head"] + 18)[0]
    ascent, descent = struct.unpack_from(">hh", data, tables["OS/2"] + 68)
    return units, ascent, -descent


def designed_line_metrics(pixel_size: int) -> tuple[float, float]:
    """(descent, height) in dots of Sarabun's own line metrics, as Qt reports them for the
    font as shipped (26.6 fixed point, truncated). Tickets are spaced by these, so widening
    the registered font for the windows does not move a dot on paper."""
    units, ascent, descent = _designed()
    a = ascent * pixel_size * 64 // units / 64
    d = descent * pixel_size * 64 // units / 64
    return d, a + d


def load_sarabun() -> str:
    """The family name under which the shipped Sarabun Regular and Bold are registered."""
    global _family
    with _lock:
        if _family is None:
            require_gui_app()
            families: list[str] = []
            for path in (SARABUN_REGULAR, SARABUN_BOLD):
                data = with_room_for_marks(path.read_bytes())
                font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
                if font_id < 0:
                    raise RuntimeError(f"cannot load the shipped font {path}")
                families += QFontDatabase.applicationFontFamilies(font_id)
            if FAMILY not in families:
                raise RuntimeError(f"{SARABUN_REGULAR} is not Sarabun: {families}")
            _family = FAMILY
        return _family


def ticket_font(pixel_size: int, bold: bool = False) -> QFont:
    """Sarabun at a size in printer dots. Font merging is off, so a character Sarabun lacks
    shows as a box instead of silently coming from a font this PC happens to have; hinting
    is off, so glyph shapes do not depend on the platform's rasteriser settings."""
    font = QFont(load_sarabun())
    font.setPixelSize(pixel_size)
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging | QFont.StyleStrategy.PreferAntialias)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    resolved = QFontInfo(font).family()
    if resolved != FAMILY:
        raise RuntimeError(f"the ticket font resolved to {resolved!r}, not {FAMILY}")
    return font
