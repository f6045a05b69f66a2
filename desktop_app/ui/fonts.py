"""The shipped Thai face. Windows must not depend on the fonts a counter PC happens to have:
Sarabun (the open release of TH Sarabun New) is loaded from resources/fonts.

Sarabun's stacked upper marks (the ้ over นี in เครื่องนี้, the ่ over ที in ที่) reach
1.265 em and its lowest vowels (the ุ under ฎ) 0.535 em below the line, but its line
metrics (hhea/typo, which FreeType and DirectWrite use: the font sets USE_TYPO_METRICS)
span only +1.068/-0.232 em; its Windows GDI metrics (usWinAscent/Descent, +1.286/-0.567)
cover them. Widgets that clip text to the font's height — tab labels, line edits, table
cells — cut those marks off. So the font is loaded with its line metrics widened to the
Windows ones: the same layout everywhere, and no mark cut off.
"""

from __future__ import annotations

import struct

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import SARABUN_BOLD, SARABUN_REGULAR

FAMILY = "Sarabun"


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


def load_fonts(app: QApplication, point_size: int = 12) -> str:
    families: list[str] = []
    for path in (SARABUN_REGULAR, SARABUN_BOLD):
        data = with_room_for_marks(path.read_bytes())
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id < 0:
            raise RuntimeError(f"cannot load the shipped font {path}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    family = FAMILY if FAMILY in families else families[0]
    app.setFont(QFont(family, point_size))
    return family
