"""Small widgets shared by the windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import resources

ICONS = resources.ROOT / "icons"


class BigButton(QPushButton):
    """A touch-sized button with a main line and a smaller line under it (the Thai name and
    the English one), and an optional pictogram on the left. The labels let clicks through
    to the button; ``main``/``sub`` are their object names for style sheets."""

    def __init__(
        self, object_name: str, icon_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.main = QLabel(objectName="main")
        self.sub = QLabel(objectName="sub")
        self.picture = QLabel(objectName="picture")
        self._icon_path = icon_path
        for label in (self.main, self.sub, self.picture):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for label in (self.main, self.sub):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        lines.addStretch(1)
        lines.addWidget(self.main)
        lines.addWidget(self.sub)
        lines.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        if icon_path is not None:
            row.addWidget(self.picture)
        row.addLayout(lines, 1)

    def set_lines(self, main: str, sub: str) -> None:
        self.main.setText(main)
        self.sub.setText(sub)
        self.sub.setVisible(bool(sub))
        self.setAccessibleName(f"{main} {sub}".strip())

    def set_icon_size(self, size: int) -> None:
        if self._icon_path is not None:
            self.picture.setPixmap(QIcon(str(self._icon_path)).pixmap(QSize(size, size)))

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()
        return QSize(max(hint.width(), 120), max(hint.height(), 64))

    def minimumSizeHint(self) -> QSize:
        return self.layout().minimumSize()


class Banner(QLabel):
    """A line for what just happened, green or red, that clears itself."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.kind = ""
        self._timer = QTimer(self, singleShot=True, timeout=self.clear_message)

    def show_message(self, text: str, kind: str = "info", seconds: float = 8) -> None:
        self.kind = kind
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        if seconds > 0:
            self._timer.start(int(seconds * 1000))

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")


def logo_label(data: bytes | None, height: int, label: QLabel) -> None:
    """Show the office logo scaled to ``height`` in ``label`` (hidden without one)."""
    if not data:
        label.hide()
        return
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        label.hide()
        return
    label.setPixmap(pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation))
    label.show()
