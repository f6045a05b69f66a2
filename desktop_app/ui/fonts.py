"""The shipped Thai face. Windows must not depend on the fonts a counter PC happens to have:
Sarabun (the open release of TH Sarabun New) is loaded from resources/fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import SARABUN_BOLD, SARABUN_REGULAR

FAMILY = "Sarabun"


def load_fonts(app: QApplication, point_size: int = 12) -> str:
    families: list[str] = []
    for path in (SARABUN_REGULAR, SARABUN_BOLD):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"cannot load the shipped font {path}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    family = FAMILY if FAMILY in families else families[0]
    app.setFont(QFont(family, point_size))
    return family
