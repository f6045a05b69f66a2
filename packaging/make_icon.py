"""Draws the application icon from resources/icons/khetdesk.svg: khetdesk.png (256 px, the
windows' icon on every system) next to it, and packaging/khetdesk.ico (16–256 px, the
Windows executable's icon). Run again after changing the SVG:

    QT_QPA_PLATFORM=offscreen python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "khetdesk.svg"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QPainter on QImage needs it
    renderer = QSvgRenderer(QByteArray(SVG.read_bytes()))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 256, 256))
    painter.end()
    png = SVG.with_suffix(".png")
    image.save(str(png))
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    Image.open(png).save(ROOT / "packaging" / "khetdesk.ico", sizes=sizes)
    print(png, ROOT / "packaging" / "khetdesk.ico")


if __name__ == "__main__":
    main()
