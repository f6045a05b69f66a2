"""Qt table models over frozen dataclasses from the services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.tickets import CounterState, ServiceQueue

_Index = QModelIndex | QPersistentModelIndex


class _RowsModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        if rows == self._rows:
            return  # nothing changed: keep the selection and scroll position
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            # Translated when shown, so a language switch applies without a restart.
            return QCoreApplication.translate(type(self).__name__, self.headers[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(self._rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def numeric(self, column: int) -> bool:
        return False


class ServiceQueueModel(_RowsModel):
    headers = ("บริการ", "ชื่อบริการ", "รอ", "คิวถัดไป")

    def cell(self, row: ServiceQueue, column: int) -> Any:
        return (row.code, row.name, row.waiting, " ".join(row.next))[column]

    def numeric(self, column: int) -> bool:
        return column == 2


class CounterStateModel(_RowsModel):
    headers = ("ช่อง", "ชื่อ", "กำลังให้บริการ", "บริการ")

    def cell(self, row: CounterState, column: int) -> Any:
        return (row.number, row.name, row.serving or "—", ", ".join(row.services))[column]

    def numeric(self, column: int) -> bool:
        return column == 0
