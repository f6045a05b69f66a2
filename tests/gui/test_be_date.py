"""The one Buddhist Era date field (ui.be_date), typed into like a person would: a BE year,
a CE year (understood, never the year 1483), and text that is no date (refused as typed,
the field keeping its day). No calendar pop-up: Qt's would show the Common Era."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.be_date import BeDateEdit, be_date, parse_be_date

pytestmark = pytest.mark.gui
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def field(qtbot):
    f = BeDateEdit(DAY)
    qtbot.addWidget(f)
    f.show()
    return f


def type_date(qtbot, field, text: str) -> None:
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_shows_the_buddhist_era(field):
    assert field.text() == "24/11/2569"
    assert field.day == DAY
    assert not field.calendarPopup()


def test_typing_a_be_date(qtbot, field):
    type_date(qtbot, field, "05/12/2569")
    assert field.day == dt.date(2026, 12, 5)
    assert field.text() == "05/12/2569"


def test_typing_a_ce_year_is_understood(qtbot, field):
    type_date(qtbot, field, "05/12/2026")
    assert field.day == dt.date(2026, 12, 5)  # not 1483
    assert field.text() == "05/12/2569"  # shown back in the Buddhist Era


def test_text_that_is_no_date_is_refused(qtbot, field):
    changed = []
    field.changed.connect(lambda: changed.append(True))
    for text in ("31/02/2569", "05/12/1483", "05/12/25"):
        type_date(qtbot, field, text)
        assert field.day == DAY, text
        assert field.text() == "24/11/2569", text
    qtbot.keyClicks(field.lineEdit(), "x")  # a letter is not even typed
    assert "x" not in field.text()
    assert changed == []


def test_up_steps_the_part_under_the_cursor(qtbot, field):
    field.setFocus()
    field.lineEdit().setCursorPosition(10)  # in the year
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.day == dt.date(2027, 11, 24) and field.text() == "24/11/2570"


def test_parse_and_format():
    assert parse_be_date("1/1/2500") == dt.date(1957, 1, 1)
    assert parse_be_date(" 29/02/2567 ") == dt.date(2024, 2, 29)
    assert parse_be_date("29/02/2024") == dt.date(2024, 2, 29)
    assert parse_be_date("29/02/2569") is None  # 2026 is no leap year
    for bad in (
        "",
        "2569-11-24",
        "24/11",
        "24/11/69",
        "24/11/1899",
        "24/11/2400",
        "a/b/c",
        "24/11/25690",
    ):
        assert parse_be_date(bad) is None, bad
    assert be_date(DAY) == "24/11/2569" and be_date(None) == ""
