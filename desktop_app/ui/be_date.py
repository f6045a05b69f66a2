"""The one date field of the windows: a day in the Buddhist Era, dd/MM/BBBB (24/11/2569),
as Thai offices write dates. Typing works the same way; a year typed in the Common Era is
understood too (a year of 2400 or more is พ.ศ., a year from 1900 to 2399 is ค.ศ.: "2026"
is 2569, never 1483), and anything else is refused as typed, the field keeping its date.

Qt's own calendar pop-up has no Buddhist Era (the year in its navigation bar would read
2026 beside a field reading 2569): ``BeDateField`` puts a button beside the field that
opens ``BeCalendar``, a month with a title bar of its own in พ.ศ. Up and Down step the part
under the cursor, as in any Qt date field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.thai_time import BE_OFFSET

BE_FROM = 2400  # a typed year from here on is in the Buddhist Era
CE_FROM = 1900  # the earliest year typed in the Common Era that is understood


def be_date(day: dt.date | None) -> str:
    """24/11/2569: dates as Thai offices write them (Buddhist Era); "" for no date."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year + BE_OFFSET}"


def parse_be_date(text: str) -> dt.date | None:
    """``d/m/yyyy`` with a Buddhist Era year (or a Common Era one, see the module), else
    None: "31/02/2569", "5/12/25" and "05-12-2569" are not dates."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 4 for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    if len(parts[2]) != 4:
        return None
    if year >= BE_FROM:
        year -= BE_OFFSET
    if year < CE_FROM:  # 1483, or พ.ศ. 2400 (1857): no date this office keeps
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class BeDateEdit(QDateEdit):
    """A date field in the Buddhist Era (see the module). ``day`` is the date chosen."""

    changed = Signal()

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day.year, day.month, day.day), parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(False)
        self.setDateRange(QDate(CE_FROM, 1, 1), QDate(7999, 12, 31))
        self._last = day
        self.dateChanged.connect(lambda *_: self._changed())
        self.editingFinished.connect(self._show_be)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("วัน/เดือน/ปี พ.ศ. เช่น 24/11/2569 (ปี ค.ศ. ก็ได้)"))

    def _changed(self) -> None:
        """``changed``: only when the day really changed (Qt also says so when a refused
        text is put back)."""
        if self.day != self._last:
            self._last = self.day
            self.changed.emit()

    def _show_be(self) -> None:
        """A date typed with a CE year is shown back in the Buddhist Era."""
        text = self.textFromDateTime(self.dateTime())
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)

    def textFromDateTime(self, value: QDateTime) -> str:
        d = value.date()
        return f"{d.day():02d}/{d.month():02d}/{d.year() + BE_OFFSET}"

    @staticmethod
    def _parse(text: str) -> QDate | None:
        day = parse_be_date(text)
        return None if day is None else QDate(day.year, day.month, day.day)

    def dateTimeFromText(self, text: str) -> QDateTime:
        q = self._parse(text)
        return QDateTime(q if q is not None else self.date(), self.time())

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._parse(text) is not None:
            return QValidator.State.Acceptable, text, pos
        digits = text.replace("/", "")
        ok = (digits.isdigit() or not digits) and text.count("/") <= 2
        return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos

    def fixup(self, text: str) -> str:
        return self.textFromDateTime(self.dateTime())

    @property
    def day(self) -> dt.date:
        q = self.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_day(self, day: dt.date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))


THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")  # fmt: skip


class BeCalendar(QFrame):
    """A month to click a day in, with the year in the Buddhist Era in its own title bar
    (Qt's navigation bar, which shows the CE year, is hidden). ``picked`` carries the day."""

    picked = Signal(object)

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("beCalendar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(objectName="beCalendarMonth")
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.clicked.connect(self._clicked)
        self.calendar.activated.connect(self._clicked)
        self.calendar.currentPageChanged.connect(lambda *_: self._title())
        self.previous = QToolButton(objectName="beCalendarPrevious", text="◀")
        self.next = QToolButton(objectName="beCalendarNext", text="▶")
        self.previous.clicked.connect(self.calendar.showPreviousMonth)
        self.next.clicked.connect(self.calendar.showNextMonth)
        self.month = QLabel(objectName="beCalendarTitle")
        self.month.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.month, 1)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.calendar)
        self._title()

    def _title(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        self.month.setText(f"{THAI_MONTHS[month - 1]} {year + BE_OFFSET}")

    def _clicked(self, q: QDate) -> None:
        self.picked.emit(dt.date(q.year(), q.month(), q.day()))
        self.close()


class BeDateField(QWidget):
    """A BeDateEdit with a calendar button beside it (``edit`` is the date field)."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = BeDateEdit(day)
        self.button = QToolButton(text=self.tr("ปฏิทิน"))  # no emoji font on office PCs
        self.button.setToolTip(self.tr("เลือกจากปฏิทิน"))
        self.button.clicked.connect(self.open_calendar)
        self.popup: BeCalendar | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def setObjectName(self, name: str) -> None:
        """The field's name goes to the date edit (tests and style sheets look for it),
        and ``<name>Calendar`` to the button."""
        super().setObjectName(f"{name}Field")
        self.edit.setObjectName(name)
        self.button.setObjectName(f"{name}Calendar")

    def open_calendar(self) -> None:
        self.popup = BeCalendar(self.edit.day, self)
        self.popup.picked.connect(self.edit.set_day)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
