"""The shipped Thai face for the windows. Windows must not depend on the fonts a counter PC
happens to have: Sarabun (the open release of TH Sarabun New) is registered once per process
by printing.fonts, with its line metrics widened so no stacked mark is cut off, and made
the application's font here."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from printing.fonts import load_sarabun


def load_fonts(app: QApplication, point_size: int = 12) -> str:
    family = load_sarabun()
    app.setFont(QFont(family, point_size))
    return family
