"""Sarabun for printed tickets, loaded from resources/fonts into Qt's font database once per
process, from whichever thread renders first. No system font is ever used: a ticket looks the
same on every counter PC, and Thai never falls back to a face that lacks its marks."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from printing.qt import require_gui_app
from resources import SARABUN_BOLD, SARABUN_REGULAR

FAMILY = "Sarabun"

_lock = threading.Lock()
_family: str | None = None


def load_sarabun() -> str:
    """The family name under which the shipped Sarabun Regular and Bold are registered."""
    global _family
    with _lock:
        if _family is None:
            require_gui_app()
            families: list[str] = []
            for path in (SARABUN_REGULAR, SARABUN_BOLD):
                font_id = QFontDatabase.addApplicationFont(str(path))
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
