"""The asset register as a table model for 100,000 rows without lag.

A QSortFilterProxyModel asks the source model for every cell through Python on each
filter and sort, which is seconds at this size. Here the model holds plain rows and a
precomputed lower-case search text per row, and filtering and sorting are one list
comprehension or one ``sorted`` over row indices (tens of milliseconds; measured in
tests/bench/asset_table.py against the proxy doing the same)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.asset_queries import AssetRow, match_scan
from desktop_app.ui.loan_widgets import ASSET_STATUSES, KINDS, word

_Index = QModelIndex | QPersistentModelIndex
ASSET_NO, NAME, KIND, CATEGORY, STATUS, QTY, HOLDER, LOCATION = range(8)


def _haystack(r: AssetRow) -> str:
    return f"{r.asset_no}\t{r.name}\t{r.location}\t{r.unit_holder}\t{r.category_name}".casefold()


@dataclass(frozen=True)
class PreparedRows:
    """The rows with their search texts and index, made on the worker thread that loaded
    them, so that the UI thread only swaps them in; ``digest`` tells an unchanged reload
    without comparing 100,000 rows on the UI thread."""

    rows: list[AssetRow]
    hay: list[str]
    by_no: dict[str, int]
    digest: int


def prepare(rows: Sequence[AssetRow]) -> PreparedRows:
    """Plain Python, no Qt: call it off the UI thread (with the load)."""
    items = list(rows)
    hay = [_haystack(r) for r in items]
    index = {r.asset_no: i for i, r in enumerate(items)}
    return PreparedRows(items, hay, index, hash(tuple(items)))


_SORT_KEYS = {
    ASSET_NO: lambda r: r.asset_no,
    NAME: lambda r: r.name,
    KIND: lambda r: r.kind,
    CATEGORY: lambda r: r.category_name,
    STATUS: lambda r: r.status,
    QTY: lambda r: r.qty,
    HOLDER: lambda r: r.unit_holder,
    LOCATION: lambda r: r.location,
}


class AssetTableModel(QAbstractTableModel):
    headers = (
        QT_TRANSLATE_NOOP("AssetTableModel", "เลขทะเบียนพัสดุ"),
        QT_TRANSLATE_NOOP("AssetTableModel", "ชื่อพัสดุ"),
        QT_TRANSLATE_NOOP("AssetTableModel", "ประเภท"),
        QT_TRANSLATE_NOOP("AssetTableModel", "หมวด"),
        QT_TRANSLATE_NOOP("AssetTableModel", "สถานะ"),
        QT_TRANSLATE_NOOP("AssetTableModel", "จำนวน"),
        QT_TRANSLATE_NOOP("AssetTableModel", "หน่วยงานผู้ครอบครอง"),
        QT_TRANSLATE_NOOP("AssetTableModel", "สถานที่เก็บ"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._all: list[AssetRow] = []
        self._hay: list[str] = []
        self._by_no: dict[str, int] = {}
        self._digest = hash(())
        self._visible: list[int] = []
        self.text = ""
        self.status = ""
        self.category = ""
        self.holder = ""
        self.sort_column = ASSET_NO
        self.sort_order = Qt.SortOrder.AscendingOrder

    # ------------------------------------------------------------------ data in
    def set_rows(self, rows: Sequence[AssetRow] | PreparedRows) -> bool:
        """New rows from the database (best: ``prepare``d on the worker); False, and
        nothing done, when they are the same as shown."""
        p = rows if isinstance(rows, PreparedRows) else prepare(rows)
        if p.digest == self._digest and len(p.rows) == len(self._all):
            return False
        self.beginResetModel()
        self._all, self._hay, self._by_no, self._digest = p.rows, p.hay, p.by_no, p.digest
        self._visible = self._compute()
        self.endResetModel()
        return True

    @property
    def total(self) -> int:
        return len(self._all)

    def categories(self) -> list[tuple[str, str]]:
        return sorted({(r.category, r.category_name) for r in self._all}, key=lambda c: c[1])

    def holders(self) -> list[str]:
        return sorted({r.unit_holder for r in self._all if r.unit_holder})

    # ------------------------------------------------------------------ filter and sort
    def set_filter(
        self,
        text: str | None = None,
        status: str | None = None,
        category: str | None = None,
        holder: str | None = None,
    ) -> None:
        """Only the arguments given change. Text matches any part of the number, name,
        location, holding unit or category name."""
        if text is not None:
            self.text = text.strip().casefold()
        if status is not None:
            self.status = status
        if category is not None:
            self.category = category
        if holder is not None:
            self.holder = holder
        visible = self._compute()
        if visible == self._visible:
            return
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()

    def _compute(self) -> list[int]:
        rows, hay, text = self._all, self._hay, self.text
        st, cat, holder = self.status, self.category, self.holder
        idx = [i for i, h in enumerate(hay) if text in h] if text else list(range(len(rows)))
        if st:
            idx = [i for i in idx if rows[i].status == st]
        if cat:
            idx = [i for i in idx if rows[i].category == cat]
        if holder:
            idx = [i for i in idx if rows[i].unit_holder == holder]
        return self._sorted(idx)

    def _sorted(self, idx: list[int]) -> list[int]:
        if self.sort_column == ASSET_NO and self.sort_order == Qt.SortOrder.AscendingOrder:
            return idx  # the rows arrive by asset number
        key = _SORT_KEYS[self.sort_column]
        rows = self._all
        return sorted(idx, key=lambda i: key(rows[i]),
                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)  # fmt: skip

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keep = [(self._visible[i.row()], i.column()) for i in old]
        self.sort_column, self.sort_order = column, order
        if column == ASSET_NO and order == Qt.SortOrder.AscendingOrder:
            self._visible = sorted(self._visible)
        else:
            self._visible = self._sorted(self._visible)
        where = {row: n for n, row in enumerate(self._visible)}
        self.changePersistentIndexList(old, [self.index(where[r], c) for r, c in keep])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ look-ups
    def row_at(self, row: int) -> AssetRow:
        return self._all[self._visible[row]]

    def find(self, scanned: str) -> str | None:
        """The asset number a scan or a typed entry names (see asset_queries.match_scan)."""
        found = match_scan(scanned, self._by_no)
        if found is None and scanned.isascii():
            found = match_scan(scanned.upper(), self._by_no)
        return found

    def row_of(self, asset_no: str) -> int:
        """The visible row of an asset, or -1 (not in the register, or filtered out)."""
        i = self._by_no.get(asset_no)
        if i is None:
            return -1
        try:
            return self._visible.index(i)
        except ValueError:
            return -1

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate("AssetTableModel", self.headers[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            r = self._all[self._visible[index.row()]]
            c = index.column()
            if c == KIND:
                return word(KINDS, r.kind)
            if c == STATUS:
                return word(ASSET_STATUSES, r.status)
            if c == QTY:
                return f"{r.qty:,} {r.unit}"
            return (r.asset_no, r.name, None, r.category_name, None, None, r.unit_holder,
                    r.location)[c]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == QTY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._all[self._visible[index.row()]].asset_no
        return None

    def set_language(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self._visible:
            last = self.index(len(self._visible) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
