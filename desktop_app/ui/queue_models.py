"""Qt table models over frozen dataclasses from the services."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.services.office import CounterView, ServiceView
from desktop_app.services.tickets import CounterState, ServiceQueue, WaitingTicket
from desktop_app.services.users import UserView
from desktop_app.ui import texts

_Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self.language = "th"

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def set_language(self, language: str) -> None:
        """Headers and cells in the new language (names of services, roles, priorities)."""
        self.language = language
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

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
        if role == Qt.ItemDataRole.ToolTipRole:  # a cut-off cell reads in full on hover
            value = self.cell(self._rows[index.row()], index.column())
            return None if value is None or value == "" else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(self._rows[index.row()])
        return None

    def background(self, row: Any) -> QColor | None:
        return None

    def cell(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def numeric(self, column: int) -> bool:
        return False


class ServiceQueueModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("ServiceQueueModel", "บริการ"),
        QT_TRANSLATE_NOOP("ServiceQueueModel", "ชื่อบริการ"),
        QT_TRANSLATE_NOOP("ServiceQueueModel", "รอ"),
        QT_TRANSLATE_NOOP("ServiceQueueModel", "คิวถัดไป"),
    )

    def cell(self, row: ServiceQueue, column: int) -> Any:
        return (row.code, row.name, row.waiting, " ".join(row.next))[column]

    def numeric(self, column: int) -> bool:
        return column == 2


class CounterStateModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("CounterStateModel", "ช่อง"),
        QT_TRANSLATE_NOOP("CounterStateModel", "ชื่อ"),
        QT_TRANSLATE_NOOP("CounterStateModel", "กำลังให้บริการ"),
        QT_TRANSLATE_NOOP("CounterStateModel", "บริการ"),
    )

    def cell(self, row: CounterState, column: int) -> Any:
        return (row.number, row.name, row.serving or "—", ", ".join(row.services))[column]

    def numeric(self, column: int) -> bool:
        return column == 0


PRIORITY_TINT = QColor("#fde68a")
LATE_TINT = QColor("#fca5a5")  # waited past the service's standard time
APPOINTMENT_TINT = QColor("#bfdbfe")  # a checked-in appointment
AGED_TINT = QColor("#bbf7d0")  # an ordinary ticket that has waited queue.ageing_minutes


class WaitingTicketsModel(RowsModel):
    """The counter's waiting list, in calling order: row 1 is the next to be called."""

    headers = (
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "ลำดับ"),
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "บัตรคิว"),
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "บริการ"),
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "คิวพิเศษ"),
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "รับบัตรเวลา"),
        QT_TRANSLATE_NOOP("WaitingTicketsModel", "รอแล้ว (นาที)"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.standards: dict[str, int] = {}  # service code → its standard waiting minutes

    def late(self, row: WaitingTicket) -> bool:
        standard = self.standards.get(row.service)
        return standard is not None and standard > 0 and row.waited_minutes > standard

    def data(self, index: _Index, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            return index.row() + 1 if 0 <= index.row() < len(self._rows) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self._rows[index.row()] if 0 <= index.row() < len(self._rows) else None
            if row is not None and self.late(row):
                return QCoreApplication.translate(
                    "WaitingTicketsModel", "รอนานเกินเวลามาตรฐาน %1 นาที"
                ).replace("%1", str(self.standards[row.service]))
            if row is not None and row.appointment_at is not None:
                return QCoreApplication.translate(
                    "WaitingTicketsModel", "นัดหมายเวลา %1: เรียกได้ตั้งแต่เวลานัด"
                ).replace("%1", texts.clock(row.appointment_at, seconds=False))
            if row is not None and row.aged:
                return QCoreApplication.translate(
                    "WaitingTicketsModel",
                    "รอนานถึงเกณฑ์ของสำนักงานแล้ว: เรียกพร้อมคิวพิเศษตามลำดับที่มาถึง",
                )
        return super().data(index, role)

    def cell(self, row: WaitingTicket, column: int) -> Any:
        if column == 2:
            return texts.name_in(self.language, row.service_name, row.service_name_en)
        if column == 3:
            # Why this row stands where it does: an appointment, an aged ticket, a lane.
            if row.appointment_at is not None:
                return QCoreApplication.translate("WaitingTicketsModel", "นัด %1").replace(
                    "%1", texts.clock(row.appointment_at, seconds=False)
                )
            if row.aged:
                return QCoreApplication.translate("WaitingTicketsModel", "รอนาน")
            return texts.priority(row.priority)
        if column == 4:
            return texts.clock(row.issued_at, seconds=False)
        return (None, row.code, None, None, None, row.waited_minutes)[column]

    def numeric(self, column: int) -> bool:
        return column in (0, 5)

    def background(self, row: WaitingTicket) -> QColor | None:
        if self.late(row):
            return LATE_TINT
        if row.appointment_at is not None:
            return APPOINTMENT_TINT
        if row.aged:
            return AGED_TINT
        return PRIORITY_TINT if row.priority else None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)


class ServicesAdminModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("ServicesAdminModel", "รหัส"),
        QT_TRANSLATE_NOOP("ServicesAdminModel", "ชื่อบริการ"),
        QT_TRANSLATE_NOOP("ServicesAdminModel", "ชื่อภาษาอังกฤษ"),
        QT_TRANSLATE_NOOP("ServicesAdminModel", "อักษรนำหน้า"),
        QT_TRANSLATE_NOOP("ServicesAdminModel", "เวลามาตรฐาน (นาที)"),
        QT_TRANSLATE_NOOP("ServicesAdminModel", "เปิด"),
    )

    def cell(self, row: ServiceView, column: int) -> Any:
        # Open or not is a tick in a narrow column, not the word "ใช่".
        return (row.code, row.name, row.name_en, row.prefix, row.standard_minutes, None)[column]

    def data(self, index: _Index, role: int = 0) -> Any:
        tick = role == Qt.ItemDataRole.CheckStateRole and index.column() == 5
        if tick and index.isValid() and 0 <= index.row() < len(self._rows):
            on = self._rows[index.row()].active
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def numeric(self, column: int) -> bool:
        return column == 4


class CountersAdminModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("CountersAdminModel", "ช่อง"),
        QT_TRANSLATE_NOOP("CountersAdminModel", "ชื่อ"),
        QT_TRANSLATE_NOOP("CountersAdminModel", "บริการ"),
        QT_TRANSLATE_NOOP("CountersAdminModel", "เปิดอยู่"),
    )

    def cell(self, row: CounterView, column: int) -> Any:
        return (row.number, row.name, ", ".join(row.services), _yes_no(row.active))[column]

    def numeric(self, column: int) -> bool:
        return column == 0


class UsersModel(RowsModel):
    headers = (
        QT_TRANSLATE_NOOP("UsersModel", "ชื่อผู้ใช้"),
        QT_TRANSLATE_NOOP("UsersModel", "ชื่อ"),
        QT_TRANSLATE_NOOP("UsersModel", "บทบาท"),
        QT_TRANSLATE_NOOP("UsersModel", "หน่วยงาน"),
        QT_TRANSLATE_NOOP("UsersModel", "ใช้งานได้"),
    )

    def cell(self, row: UserView, column: int) -> Any:
        return (row.username, row.name, texts.role(row.role), row.unit, _yes_no(row.active))[column]


def _yes_no(value: bool) -> str:
    return texts.tr(texts.YES) if value else texts.tr(texts.NO)
