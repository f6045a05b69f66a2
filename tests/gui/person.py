"""What a person does with the mouse and keyboard, on widgets they can see and use: every
helper first checks that the widget is visible and enabled (a hidden or disabled widget
cannot be clicked or typed into, however a program could set it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QTabWidget,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton


def usable(widget: QWidget) -> QWidget:
    name = widget.objectName() or type(widget).__name__
    assert widget.isVisible(), f"{name} is not visible"
    assert widget.isEnabled(), f"{name} is not enabled"
    return widget


def click(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(usable(widget), LEFT)


def tick(qtbot: Any, box: QWidget) -> None:
    """A check box or radio button clicked at its indicator's side (its centre)."""
    qtbot.mouseClick(usable(box), LEFT, pos=box.rect().center())


def choose(qtbot: Any, combo: QComboBox, data: Any = None, text: str | None = None) -> None:
    """The item with ``data`` (or ``text``) picked with the keyboard: Home, then Down."""
    target = combo.findText(text) if text is not None else combo.findData(data)
    assert target >= 0, (data, text)
    usable(combo).setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == target, (combo.currentIndex(), target)


def open_tab(qtbot: Any, tabs: QTabWidget, index: int) -> None:
    bar = usable(tabs).tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_row(qtbot: Any, view: QAbstractItemView, row: int, column: int = 0) -> None:
    usable(view)
    rect = view.visualRect(view.model().index(row, column))
    assert rect.isValid(), f"row {row} is not on screen"
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def save_as(path: Path, expected_name: str | None = None, seen: list[str] | None = None):  # type: ignore[no-untyped-def]
    """An answer for AnsweringDialogs: in the real (Qt, non-native) save dialog, check the
    name it shows in its name field, choose ``path`` and accept."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None and name.isVisible()
        if seen is not None:
            seen.append(name.text())
        if expected_name is not None:
            assert name.text() == expected_name, name.text()
        # The path is given as tests/gui/test_loan_pdf_preview.py gives it: typed into the
        # field, Qt's file model (loaded asynchronously) answers selectedFiles() with the
        # folders of the path; and the dialog's accept() refuses a folder that is not there.
        dialog.selectFile(str(path))
        assert dialog.selectedFiles() == [str(path)], dialog.selectedFiles()
        dialog.done(QDialog.DialogCode.Accepted)

    return answer


def type_number(qtbot: Any, spin: QWidget, value: int) -> None:
    """A spin box's number typed over what it shows."""
    line = usable(spin).lineEdit()  # type: ignore[attr-defined]
    line.selectAll()
    qtbot.keyClicks(line, str(value))
    assert spin.value() == value, spin.value()  # type: ignore[attr-defined]


def type_be_date(qtbot: Any, field: QWidget, day: Any) -> None:
    """A date typed in the Buddhist Era (dd/mm/yyyy + 543), then Tab."""
    line = usable(field).lineEdit()  # type: ignore[attr-defined]
    line.selectAll()
    qtbot.keyClicks(line, f"{day.day:02d}/{day.month:02d}/{day.year + 543}")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
